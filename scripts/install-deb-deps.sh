#!/usr/bin/env bash
# Installs what `make deb` needs (debian/control's Build-Depends, lintian), or with --arm64 what `make deb-arm64`
# and `make test-arm64` need (arm64 as a foreign architecture, crossbuild-essential-arm64, the :arm64 build
# dependencies, qemu-user-static, Catch2); does nothing when all are there. Runs apt as root directly, through
# sudo otherwise.
#
# libunibreak is the exception: Debian 12's libunibreak1 and libunibreak-dev are not Multi-Arch, so installing
# the :arm64 ones REMOVES the native ones (and breaks every native build on the machine). The cross build takes
# them from their .debs instead, unpacked into a folder of its own (scripts/arm64-unibreak.sh), and builds with
# the profile pkg.outreach-kiosk.unibreak-unpacked, under which debian/control does not ask for them.
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
apt_get=("${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 -y -qq --no-install-recommends)

# Tools that are not build dependencies: lintian checks the package; the cross build needs the cross compilers,
# the emulator for its tests and Catch2's headers (the package build builds the tests; test-arm64 runs them).
tools=(dpkg-dev debhelper lintian)
[ -n "$arch" ] && tools+=(crossbuild-essential-arm64 qemu-user-static catch2)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

updated=
update() {
  [ -n "$updated" ] || "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq || true
  updated=1
}

if [ -n "$arch" ] && ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
  echo "Adding the $arch architecture to dpkg"
  "${sudo[@]}" dpkg --add-architecture "$arch"
  updated=
  update
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  update
  "${apt_get[@]}" install "${missing[@]}"
fi

# The build dependencies come from debian/control alone.
check=(dpkg-checkbuilddeps)
build_dep=(build-dep)
if [ -n "$arch" ]; then
  check+=(-a "$arch" -P pkg.outreach-kiosk.unibreak-unpacked)
  build_dep+=(-a "$arch" -P pkg.outreach-kiosk.unibreak-unpacked)
fi
if ! "${check[@]}" >/dev/null 2>&1; then
  echo "Installing the build dependencies${arch:+ for $arch}"
  update
  "${apt_get[@]}" "${build_dep[@]}" ./
fi
