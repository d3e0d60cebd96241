#!/usr/bin/env bash
# Builds a disk image that boots in QEMU the way the Pi's card boots: a FAT boot partition holding the kernel,
# cmdline.txt and outreach-kiosk.toml, a read-only ext4 root, and an ext4 data partition. The root is made by
# mmdebstrap (Debian 12) and turned into a kiosk by the same customize.sh as the Pi image.
# Usage: vm-image.sh OUT_DIR DEB [--test-files DIR]
#        vm-image.sh --base-only OUT_DIR ARCH   (only the Debian base: CI makes it while the compilers run)
#   OUT_DIR      build folder for the image (disk.img) and its pieces; the Debian base is kept there as the
#                folder base-ARCH-KEY and made again only when its package list changes
#   DEB          the outreach-kiosk package (make deb)
#   --test-files a folder whose tree is copied over the root after customize.sh (test-only units)
# Needs root, mmdebstrap, mkfs.vfat, mtools, mkfs.ext4 and sfdisk; no loop devices.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
base_only=""
if [ "${1:-}" = "--base-only" ]; then
  base_only=1
  out=${2:?"usage: $0 --base-only OUT_DIR ARCH"}
  arch=${3:?"usage: $0 --base-only OUT_DIR ARCH"}
else
  out=${1:?"usage: $0 OUT_DIR DEB [--test-files DIR]"}
  deb=$(realpath "${2:?"usage: $0 OUT_DIR DEB [--test-files DIR]"}")
  test_files=""
  [ "${3:-}" = "--test-files" ] && test_files=$(realpath "${4:?--test-files needs a folder}")
  arch=$(dpkg-deb -f "$deb" Architecture)
fi
mirror=${MIRROR:-http://deb.debian.org/debian}

mkdir -p "$out"
out=$(realpath "$out")
say() { echo "vm-image: $*"; }

# The Debian base: kernel, init, Mesa, fonts and the kiosk's libraries, so customize.sh finds nearly all
# installed. initramfs-tools is told which modules the VM's disk needs, so mkinitramfs stays quick.
case "$arch" in
amd64) kernel=linux-image-amd64 console=ttyS0 ;;
arm64) kernel=linux-image-arm64 console=ttyAMA0 ;;
*)
  echo "vm-image: no VM for architecture $arch" >&2
  exit 1
  ;;
esac
base_packages="$kernel systemd-sysv udev kmod initramfs-tools e2fsprogs dosfstools procps
  libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 libqrencode4 libsqlite3-0 libsodium23 libcurl4
  libsystemd0 libfontconfig1 libunibreak1 ca-certificates fonts-noto-core fonts-noto-cjk
  libegl1 libgbm1 libegl-mesa0 libgl1-mesa-dri libgles2 network-manager wpasupplicant tzdata"
# An arm64 root on an x86-64 machine runs its package scripts under qemu-user-static through binfmt_misc.
if [ "$arch" != "$(dpkg --print-architecture)" ] && [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
  [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  update-binfmts --enable qemu-aarch64
fi
base_key=$(echo "$arch $mirror $base_packages" | sha256sum | cut -c1-12)
base="$out/base-$arch-$base_key"
# One builder of the base at a time: a second (make test-system after CI's early --base-only) waits, then uses it.
exec 9>"$out/.base.lock"
flock 9
if [ ! -d "$base" ]; then
  rm -rf "$out"/base-"$arch"-* "$base.part"
  say "mmdebstrap: Debian 12 $arch base from $mirror (a few minutes)"
  # shellcheck disable=SC2016 # $1 is mmdebstrap's, expanded in its hook
  mmdebstrap --variant=minbase --architectures="$arch" --include="${base_packages//$'\n'/ }" \
    --format=directory --skip=cleanup/apt/lists \
    --essential-hook='mkdir -p "$1/etc/initramfs-tools/conf.d" "$1/usr/share/initramfs-tools/modules.d"
      echo MODULES=list >"$1/etc/initramfs-tools/conf.d/outreach-kiosk-vm.conf"
      printf "virtio_pci\nvirtio_blk\nvirtio_mmio\next4\nvfat\nnls_cp437\nnls_ascii\n" \
        >"$1/usr/share/initramfs-tools/modules.d/outreach-kiosk-vm"' \
    bookworm "$base.part" "$mirror"
  mv "$base.part" "$base"
fi
flock -u 9
if [ -n "$base_only" ]; then
  say "$base is ready"
  exit 0
fi

root="$out/root"
# A build stopped half-way (make test-system's deadline) may have left the host's /proc, /sys and /dev bound here.
for fs in dev sys proc; do mountpoint -q "$root/$fs" 2>/dev/null && umount "$root/$fs"; done
rm -rf --one-file-system "$root" "$out/bootfs" "$out/datafs"
mkdir -p "$root"
say "unpacking the base and customising it (image-build/customize.sh)"
cp -a "$base/." "$root/"
# apt inside the root may fetch a package the base lacks; no service may start inside the build.
cp /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"
for fs in proc sys dev; do mount --bind "/$fs" "$root/$fs"; done
cleanup_mounts() { for fs in dev sys proc; do umount "$root/$fs" 2>/dev/null || true; done; }
trap cleanup_mounts EXIT

# The VM's cmdline.txt, before customize.sh adds the kiosk's words to it as it does to the Pi's.
mkdir -p "$root/boot/firmware"
echo "root=LABEL=rootfs rootfstype=ext4 rootwait console=$console" >"$root/boot/firmware/cmdline.txt"
"$here/customize.sh" "$root" "$deb"
if [ -n "$test_files" ]; then
  say "adding test-only files from $test_files"
  cp -R --no-preserve=ownership "$test_files/." "$root/"
  for unit in "$test_files"/usr/lib/systemd/system/*.service; do
    [ -e "$unit" ] || continue
    grep -q '^WantedBy=' "$unit" && chroot "$root" systemctl enable "$(basename "$unit")"
  done
fi
cleanup_mounts
trap - EXIT
# The VM has no sound, network, camera or USB hardware: those kernel modules go (about 200 MB), so the image is
# quicker to make, copy and check. Its disk, GPU and tablet (virtio, DRM, input) stay.
for modules in "$root"/usr/lib/modules/*/kernel; do
  rm -rf "$modules"/{sound,net} "$modules"/drivers/{net,media,infiniband,scsi,iio,staging,usb,bluetooth,isdn}
  chroot "$root" depmod "$(basename "$(dirname "$modules")")"
done
rm -f "$root/usr/sbin/policy-rc.d" "$root/etc/resolv.conf"
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin

# Boot partition: what the Pi's firmware finds on its FAT partition, with the VM's kernel in place of the Pi's.
bootfs="$out/bootfs"
mv "$root/boot/firmware" "$bootfs"
mkdir -p "$root/boot/firmware"
newest() { find "$root/boot" -maxdepth 1 -name "$1" | sort -V | tail -n1; }
cp "$(newest 'vmlinuz-*')" "$bootfs/vmlinuz"
cp "$(newest 'initrd.img-*')" "$bootfs/initrd.img"

# Data partition: what customize.sh put under /data (the kiosk's folder, owned by kiosk, 0700, and
# NetworkManager's saved Wi-Fi), as the Pi's layout takes it; /data stays as the empty mount point.
datafs="$out/datafs"
kiosk_uid=$(chroot "$root" id -u kiosk)
kiosk_gid=$(chroot "$root" id -g kiosk)
mv "$root/data" "$datafs"
install -d -m 0755 "$root/data"
[ -d "$root/usr/share/outreach-kiosk-test" ] && install -d -m 0700 -o "$kiosk_uid" -g "$kiosk_gid" \
  "$datafs/power-cut"

say "making the partitions and the disk"
boot_mib=160
data_mib=256
root_mib=$(($(du -sm "$root" | cut -f1) * 5 / 4 + 64))
rm -f "$out"/boot.part "$out"/root.part "$out"/data.part
mkfs.vfat -F 32 -n bootfs -C "$out/boot.part" $((boot_mib * 1024)) >/dev/null
mcopy -s -i "$out/boot.part" "$bootfs"/* ::/
mkfs.ext4 -q -L rootfs -d "$root" -E root_owner=0:0 "$out/root.part" "${root_mib}M"
mkfs.ext4 -q -L kioskdata -d "$datafs" -E root_owner=0:0 "$out/data.part" "${data_mib}M"

disk="$out/disk.img"
rm -f "$disk"
total=$((1 + boot_mib + root_mib + data_mib + 1))
truncate -s "${total}M" "$disk"
# MBR like the Pi's card: boot (FAT32 LBA), root, data.
sfdisk -q "$disk" <<EOF
label: dos
start=1MiB, size=${boot_mib}MiB, type=c, bootable
size=${root_mib}MiB, type=83
size=${data_mib}MiB, type=83
EOF
dd if="$out/boot.part" of="$disk" bs=1M seek=1 conv=notrunc status=none
dd if="$out/root.part" of="$disk" bs=1M seek=$((1 + boot_mib)) conv=notrunc status=none
dd if="$out/data.part" of="$disk" bs=1M seek=$((1 + boot_mib + root_mib)) conv=notrunc status=none
rm -f "$out/boot.part" "$out/root.part" "$out/data.part"
say "$disk: boot ${boot_mib} MiB, root ${root_mib} MiB (read-only), data ${data_mib} MiB"
