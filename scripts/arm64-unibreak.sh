#!/usr/bin/env bash
# Unpacks Debian 12's libunibreak1 and libunibreak-dev for arm64 into DIR (default build/arm64-unibreak) and
# prints the folder of its pkg-config file, for the cross build to use; reuses a finished unpacking.
# Why not apt: neither package is Multi-Arch, so the :arm64 ones would replace the machine's native ones.
# DIR/DEBIAN holds the library package's control files: dpkg-shlibdeps reads its symbols there, so the arm64
# package gets the same "libunibreak1 (>= ...)" dependency as a native build.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=$(realpath -m "${1:-$repo/build/arm64-unibreak}")
pcdir="$dir/usr/lib/pkgconfig"  # not a multiarch path: why the packages are not Multi-Arch

if [ ! -f "$dir/.done" ]; then
  rm -rf "$dir"
  mkdir -p "$dir/debs"
  (cd "$dir/debs" && apt-get -o APT::Sandbox::User=root download -qq libunibreak1:arm64 libunibreak-dev:arm64) >&2
  dpkg-deb -R "$dir"/debs/libunibreak1_*_arm64.deb "$dir"
  dpkg-deb -x "$dir"/debs/libunibreak-dev_*_arm64.deb "$dir"
  # The .pc file names /usr; point it at the unpacked copy (headers and library).
  sed -i "s|^prefix=.*|prefix=$dir/usr|" "$pcdir/libunibreak.pc"
  touch "$dir/.done"
fi
echo "$pcdir"
