#!/usr/bin/env bash
# make test-system: builds the kiosk's VM image (image-build/vm-image.sh, the Pi's customisation) from each
# Debian package given, amd64 and/or arm64, and checks it booted in QEMU (tests/system/run.py). Everything it
# makes stays under BUILD_DIR/system/ARCH. On a machine that lacks a tool or root, it says what is missing and
# exits 77 (skipped).
# Usage: tests/system/test-system.sh BUILD_DIR DEB [DEB]   (POWER_CUTS=N sets the number of power cuts, default 3)
set -euo pipefail

SKIP=77
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(realpath "${1:?"usage: $0 BUILD_DIR DEB [DEB]"}")
shift
[ $# -gt 0 ] || { echo "usage: $0 BUILD_DIR DEB [DEB]" >&2; exit 2; }
power_cuts=${POWER_CUTS:-3}

skip() {
  echo "test-system: SKIPPED, nothing was tested: $*" >&2
  exit $SKIP
}

[ "$(uname -m)" = "x86_64" ] || skip "the VM test needs an x86-64 machine (this is $(uname -m))"
[ "$(id -u)" -eq 0 ] || skip "needs root (mmdebstrap builds the image as root, with chroot and bind mounts)"
for deb in "$@"; do
  [ -f "$deb" ] || { echo "test-system: $deb not found: run make deb (make deb-arm64) first" >&2; exit 1; }
done
[ -x "$build/bin/kiosk" ] || { echo "test-system: $build/bin/kiosk not found: make build first" >&2; exit 1; }

# The tools, from Debian: installed here when missing, as make test does for its own. An arm64 image also needs
# qemu-system-aarch64, and qemu-user-static with binfmt_misc for mmdebstrap's package scripts.
tools=(qemu-system-x86_64:qemu-system-x86 mmdebstrap:mmdebstrap mkfs.vfat:dosfstools fsck.vfat:dosfstools
  mcopy:mtools sfdisk:fdisk mkfs.ext4:e2fsprogs debugfs:e2fsprogs)
for deb in "$@"; do
  [ "$(dpkg-deb -f "$deb" Architecture)" = arm64 ] && tools+=(qemu-system-aarch64:qemu-system-arm
    qemu-aarch64-static:qemu-user-static update-binfmts:binfmt-support arch-test:arch-test)
done
want=()
for pair in "${tools[@]}"; do command -v "${pair%%:*}" >/dev/null || want+=("${pair#*:}"); done
/usr/bin/python3 -c "import PIL" 2>/dev/null || want+=(python3-pil)
if [ ${#want[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  echo "test-system: installing ${want[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    "${want[@]}" >/dev/null || true
fi
missing=()
for pair in "${tools[@]}"; do command -v "${pair%%:*}" >/dev/null || missing+=("${pair%%:*} (${pair#*:})"); done
/usr/bin/python3 -c "import PIL" 2>/dev/null || missing+=("Python's PIL (python3-pil)")
[ ${#missing[@]} -eq 0 ] || skip "missing ${missing[*]}"

status=0
for deb in "$@"; do
  arch=$(dpkg-deb -f "$deb" Architecture)
  out="$build/system/$arch"
  # The test-only files: a root shell on a second console and the power-cut pledge loop.
  started=$(date +%s)
  "$repo/image-build/vm-image.sh" "$out" "$deb" --test-files "$here/guest"
  image_s=$(($(date +%s) - started))
  echo "test-system: the $arch image took ${image_s} s to build"
  # Emulating an arm64 machine on x86-64 is several times slower.
  boot_timeout=400
  [ "$arch" = amd64 ] || boot_timeout=1500
  /usr/bin/python3 "$here/run.py" --arch "$arch" --disk "$out/disk.img" --kiosk "$build/bin/kiosk" \
    --pack "$repo/content-pack/stop-torture" --work "$out/run" --power-cuts "$power_cuts" \
    --boot-timeout "$boot_timeout" || status=1
  echo "test-system: $arch: ${image_s} s image, $(($(date +%s) - started - image_s)) s in the VM," \
    "$(($(date +%s) - started)) s in all"
done
exit $status
