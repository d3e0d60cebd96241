#!/bin/sh
# rpi-image-gen runs this before genimage, in this folder, with the staged root and genimage's input folder:
# it writes genimage.cfg from genimage.cfg.in with the layer's sizes and a disk signature of its own.
# Usage: pre-image.sh ROOTFS GENIMAGE_INPUT_DIR
set -eu

rootfs=$1
genimage_in=$2
here=$(cd "$(dirname "$0")" && pwd)

[ -d "$rootfs/data/outreach-kiosk" ] || {
  echo "image-outreach-kiosk: $rootfs/data/outreach-kiosk is missing: did the outreach-kiosk layer run customize.sh?" >&2
  exit 1
}

# The data partition is at least 256 MB: years of pledges and the saved Wi-Fi, with room for ext4's journal.
data_size=${IGconf_image_data_part_size:-512M}
case "$data_size" in
*M) data_mb=${data_size%M} ;;
*G) data_mb=$((${data_size%G} * 1024)) ;;
*) data_mb=0 ;;
esac
if [ "$data_mb" -lt 256 ]; then
  echo "image-outreach-kiosk: data_part_size $data_size: give at least 256M (in M or G)" >&2
  exit 1
fi

# The kernel finds its root by the partition's MBR id (root=PARTUUID=SIGNATURE-02: no initramfs needed for it);
# everything after that mounts by label.
signature=$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')
sed -e "s|<IMAGE_DIR>|${IGconf_image_outputdir:?}|g" \
  -e "s|<IMAGE_NAME>|${IGconf_image_name:?}|g" \
  -e "s|<IMAGE_SUFFIX>|${IGconf_image_suffix:?}|g" \
  -e "s|<BOOT_SIZE>|${IGconf_image_boot_part_size:-512M}|g" \
  -e "s|<ROOT_SIZE>|${IGconf_image_root_part_size:-150%}|g" \
  -e "s|<DATA_SIZE>|$data_size|g" \
  -e "s|<DISK_SIGNATURE>|0x$signature|g" \
  -e "s|<ROOT_PARTUUID>|$signature-02|g" \
  -e "s|<SETUP_BOOT>|$here/setup-boot.sh|g" \
  "$here/genimage.cfg.in" >"$genimage_in/genimage.cfg"
