#!/usr/bin/env bash
# make test-system: builds the kiosk's VM image (image-build/vm-image.sh, the Pi's customisation) from each
# Debian package given, amd64 and/or arm64, and checks it booted in QEMU (tests/system/run.py). Everything it
# makes stays under BUILD_DIR/system/ARCH. On a machine that lacks a tool or root, it says what is missing and
# exits 77 (skipped).
# Usage: tests/system/test-system.sh BUILD_DIR DEB [DEB]
#   HOST_KIOSK=BIN          the kiosk program that draws the expected pictures on this machine (default
#                           BUILD_DIR/bin/kiosk; make test-system gives the amd64 package's own build)
#   POWER_CUTS=N            the number of whole-machine power cuts per architecture (default 3)
#   TEST_SYSTEM_DEADLINE=T  finish by T (seconds since 1970; CI's bound, from .ci/run): an architecture starts
#                           only if its usual time fits, takes as many power cuts as fit (at least 1), and stops
#                           at T with a skip that names what was left undone; unset, no bound
#        tests/system/test-system.sh --prepare-base BUILD_DIR ARCH
#   only the tools and the Debian base of ARCH's image (CI makes it in the background while the compilers run)
set -euo pipefail

SKIP=77
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
prepare_base=""
if [ "${1:-}" = "--prepare-base" ]; then
  prepare_base=${3:?"usage: $0 --prepare-base BUILD_DIR ARCH"}
  shift
fi
build=$(realpath "${1:?"usage: $0 BUILD_DIR DEB [DEB]"}")
shift
host_kiosk=$(realpath -m "${HOST_KIOSK:-$build/bin/kiosk}")
[ $# -gt 0 ] || [ -n "$prepare_base" ] || { echo "usage: $0 BUILD_DIR DEB [DEB]" >&2; exit 2; }
power_cuts=${POWER_CUTS:-3}
deadline=${TEST_SYSTEM_DEADLINE:-}

skip() {
  echo "test-system: SKIPPED, nothing was tested: $*" >&2
  exit $SKIP
}

# What an architecture usually takes, in minutes, on a 2-core machine under emulation (TCG): its image from a
# ready Debian base (amd64: about 2; the base itself another 4 with mmdebstrap, unless CI's --prepare-base made
# it), the first boot and its checks (about 5), a power cut (2) and the boot after the cuts (2). arm64's base is
# made under qemu-user and its boots are several times slower. With a deadline an architecture starts only if
# this fits.
needs_minutes() {
  local minutes=11 base=4
  [ "$1" = amd64 ] || { minutes=40 base=20; }
  compgen -G "$build/system/$1/base-$1-*" >/dev/null || [ -e "$build/system/$1/.base.lock" ] || minutes=$((minutes + base))
  echo "$minutes"
}
seconds_left() { echo $((deadline - $(date +%s))); }
if [ -n "$deadline" ]; then
  [[ "$deadline" =~ ^[0-9]+$ ]] || { echo "test-system: TEST_SYSTEM_DEADLINE=$deadline is not seconds since 1970" >&2; exit 2; }
  echo "test-system: $(($(seconds_left) / 60)) min left before TEST_SYSTEM_DEADLINE ($(date -u -d "@$deadline" +%H:%M:%S) UTC)"
fi

[ "$(uname -m)" = "x86_64" ] || skip "the VM test needs an x86-64 machine (this is $(uname -m))"
[ "$(id -u)" -eq 0 ] || skip "needs root (mmdebstrap builds the image as root, with chroot and bind mounts)"
# Root in a container may still lack the privilege to mount (CAP_SYS_ADMIN), which mmdebstrap and the image build
# need for /proc, /sys and /dev in the root being built.
probe=$(mktemp -d)
mkdir "$probe/from" "$probe/to"
if mount --bind "$probe/from" "$probe/to" 2>/dev/null; then
  umount "$probe/to"
  rm -r "$probe"
else
  rm -r "$probe"
  skip "root here cannot bind-mount (no CAP_SYS_ADMIN: a container without that privilege?); mmdebstrap and the image build need it"
fi
if [ -z "$prepare_base" ]; then
  for deb in "$@"; do
    [ -f "$deb" ] || { echo "test-system: $deb not found: run make deb (make deb-arm64) first" >&2; exit 1; }
  done
  [ -x "$host_kiosk" ] || { echo "test-system: $host_kiosk not found: make deb (or make build) first" >&2; exit 1; }
fi

# The tools, from Debian: installed here when missing, as make test does for its own. An arm64 image also needs
# qemu-system-aarch64, and qemu-user-static with binfmt_misc for mmdebstrap's package scripts.
tools_for() {
  echo qemu-system-x86_64:qemu-system-x86 mmdebstrap:mmdebstrap mkfs.vfat:dosfstools fsck.vfat:dosfstools \
    mcopy:mtools sfdisk:fdisk mkfs.ext4:e2fsprogs debugfs:e2fsprogs
  [ "$1" = amd64 ] || echo qemu-system-aarch64:qemu-system-arm qemu-aarch64-static:qemu-user-static \
    update-binfmts:binfmt-support arch-test:arch-test
}
missing_for() {
  local pair
  for pair in $(tools_for "$1"); do command -v "${pair%%:*}" >/dev/null || echo "${pair%%:*} (${pair#*:})"; done
  /usr/bin/python3 -c "import PIL" 2>/dev/null || echo "Python's PIL (python3-pil)"
}
arch_of() { if [ -n "$prepare_base" ]; then echo "$prepare_base"; else dpkg-deb -f "$1" Architecture; fi; }
want=()
for deb in "${@:-base}"; do
  for pair in $(tools_for "$(arch_of "$deb")"); do
    command -v "${pair%%:*}" >/dev/null || want+=("${pair#*:}")
  done
done
/usr/bin/python3 -c "import PIL" 2>/dev/null || want+=(python3-pil)
mapfile -t want < <(printf '%s\n' "${want[@]}" | sort -u | grep .)
if [ ${#want[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  echo "test-system: installing ${want[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    "${want[@]}" >/dev/null || true
fi

# arm64 programs (the package scripts mmdebstrap runs in the arm64 root) run through binfmt_misc and qemu-user.
binfmt_missing() {
  if [ ! -e /proc/sys/fs/binfmt_misc/register ] &&
    ! mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc 2>/dev/null; then
    echo "binfmt_misc (it is not mounted, and mounting it failed: a container without that privilege?)"
  elif [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] && ! update-binfmts --enable qemu-aarch64 2>/dev/null; then
    echo "binfmt_misc's qemu-aarch64 entry (update-binfmts --enable qemu-aarch64 failed)"
  elif ! grep -qx enabled /proc/sys/fs/binfmt_misc/qemu-aarch64; then
    echo "binfmt_misc's qemu-aarch64 entry is disabled (update-binfmts --enable qemu-aarch64)"
  fi
}

if [ -n "$prepare_base" ]; then
  missing=$(missing_for "$prepare_base" | paste -sd, | sed 's/,/, /g')
  [ -n "$missing" ] || [ "$prepare_base" = amd64 ] || missing=$(binfmt_missing)
  [ -z "$missing" ] || skip "missing $missing"
  exec "$repo/image-build/vm-image.sh" --base-only "$build/system/$prepare_base" "$prepare_base"
fi

status=0
passed=()
skipped=()
for deb in "$@"; do
  arch=$(dpkg-deb -f "$deb" Architecture)
  out="$build/system/$arch"
  missing=$(missing_for "$arch" | paste -sd, | sed 's/,/, /g')
  [ -n "$missing" ] || [ "$arch" = amd64 ] || missing=$(binfmt_missing)
  if [ -n "$missing" ]; then
    echo "test-system: $arch SKIPPED: missing $missing" >&2
    skipped+=("$arch (missing $missing)")
    continue
  fi
  timeout=()
  if [ -n "$deadline" ]; then
    left=$(($(seconds_left) / 60))
    if [ "$left" -lt "$(needs_minutes "$arch")" ]; then
      echo "test-system: $arch SKIPPED: $left min left before the deadline, and its VM test usually takes" \
        "$(needs_minutes "$arch") min here" >&2
      skipped+=("$arch (time: $left min left, $(needs_minutes "$arch") needed)")
      continue
    fi
    # The image may take what the VM's first boot and one power cut (about 10 min) leave.
    timeout=(timeout --kill-after=30 $(($(seconds_left) - 600)))
  fi
  # The test-only files: a root shell on a second console and the power-cut pledge loop.
  started=$(date +%s)
  built=0
  "${timeout[@]}" "$repo/image-build/vm-image.sh" "$out" "$deb" --test-files "$here/guest" || built=$?
  image_s=$(($(date +%s) - started))
  if [ "$built" -eq 124 ] || [ "$built" -eq 137 ]; then
    echo "test-system: $arch SKIPPED: its image was not built in the ${image_s} s the deadline left" >&2
    skipped+=("$arch (time: the image took longer than the deadline left)")
    continue
  elif [ "$built" -ne 0 ]; then
    echo "test-system: $arch: the image build failed (exit $built)" >&2
    status=1
    continue
  fi
  echo "test-system: the $arch image took ${image_s} s to build"
  # Emulating an arm64 machine on x86-64 is several times slower. A host busy with other builds slows both: amd64
  # took over 400 s to the kiosk's start on a shared 2-core machine (load 17), 2 min unloaded. (A CI deadline
  # bounds the whole run in any case.)
  boot_timeout=900
  [ "$arch" = amd64 ] || boot_timeout=2400
  result=0
  /usr/bin/python3 "$here/run.py" --arch "$arch" --disk "$out/disk.img" --kiosk "$host_kiosk" \
    --pack "$repo/content-pack/stop-torture" --work "$out/run" --power-cuts "$power_cuts" \
    --boot-timeout "$boot_timeout" ${deadline:+--deadline "$deadline"} || result=$?
  echo "test-system: $arch: ${image_s} s image, $(($(date +%s) - started - image_s)) s in the VM," \
    "$(($(date +%s) - started)) s in all"
  case $result in
  0) passed+=("$arch") ;;
  "$SKIP") skipped+=("$arch (time: the deadline came during its checks; see above)") ;;
  *) status=1 ;;
  esac
done
[ ${#skipped[@]} -eq 0 ] || echo "test-system: SKIPPED: $(printf "%s\n" "${skipped[@]}" | paste -sd";" | sed "s/;/; /g")" >&2
[ "$status" -eq 0 ] || exit 1
[ ${#passed[@]} -gt 0 ] || skip "no architecture was tested (see above)"
echo "test-system: passed: ${passed[*]}"
