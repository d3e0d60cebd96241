#!/usr/bin/env bash
# Installs what `make deb` needs (debian/control's Build-Depends, lintian), or with --arm64 what `make deb-arm64`
# and `make test-arm64` need (arm64 as a foreign architecture, the :arm64 build dependencies,
# crossbuild-essential-arm64, qemu-user-static, Catch2); does nothing when all are there.
# Runs apt as root directly, through sudo otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

arch=
case "${1:-}" in
'') ;;
--arm64) arch=arm64 ;;
*)
  echo "usage: $0 [--arm64]" >&2
  exit 2
  ;;
esac

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
apt_install=("${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 -y -qq --no-install-recommends)

# Tools that are not build dependencies: lintian checks the package; the cross build needs the emulator for
# its tests and Catch2's headers (test-arm64 builds the tests; the package build does not).
tools=(dpkg-dev debhelper lintian)
[ -n "$arch" ] && tools+=(qemu-user-static catch2)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

updated=
if [ -n "$arch" ] && ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
  echo "Adding the $arch architecture to dpkg"
  "${sudo[@]}" dpkg --add-architecture "$arch"
  "${sudo[@]}" apt-get update -qq
  updated=1
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  [ -n "$updated" ] || { "${sudo[@]}" apt-get update -qq || true; updated=1; }
  "${apt_install[@]}" install "${missing[@]}"
fi

# The build dependencies come from debian/control alone. `apt-get build-dep -a arm64` also brings
# crossbuild-essential-arm64 (the cross compilers) and the :arm64 libraries.
check=(dpkg-checkbuilddeps)
[ -n "$arch" ] && check+=(-a "$arch")
if ! "${check[@]}" >/dev/null 2>&1; then
  echo "Installing the build dependencies${arch:+ for $arch}"
  [ -n "$updated" ] || { "${sudo[@]}" apt-get update -qq || true; }
  "${apt_install[@]}" build-dep ${arch:+-a "$arch"} ./
fi
