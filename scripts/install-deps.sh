#!/usr/bin/env bash
# Installs the Debian 12 packages the kiosk needs to build, run and test; does nothing when all are there.
set -euo pipefail

packages=(
  cmake make g++ pkg-config
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libqrencode-dev libsqlite3-dev catch2
  libsodium-dev libtomlplusplus-dev libcli11-dev libcurl4-openssl-dev libsystemd-dev
  libfontconfig-dev libunibreak-dev fonts-noto-core fonts-noto-cjk tzdata
  libharfbuzz-bin  # hb-subset cuts the CJK fonts down to the packs' characters at build time
)
if [ "${1:-}" = "--test" ]; then
  # zbar decodes rendered QR codes; clang brings libFuzzer; nginx serves WebDAV for the sync tests;
  # clang-format keeps the formatting checked and clang-tidy the code (make tidy); python3 runs the end-to-end
  # test scripts; gdb's gcore dumps a running kiosk to show no typed name stays in its memory.
  packages+=(zbar-tools clang libclang-rt-14-dev clang-format clang-tidy nginx-light sqlite3 python3 gdb)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq || true
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
