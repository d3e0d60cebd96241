#!/bin/sh
# genimage runs this before it makes the boot partition, with IMAGEMOUNTPATH set to what will go on it: the
# kernel's root becomes the root partition's MBR id, and it is mounted read-only (`ro`, as customize.sh also
# writes; said again here because the firmware layer's template may come after it).
# Usage: setup-boot.sh ROOT_PARTUUID
set -eu

partuuid=$1
cmdline="$IMAGEMOUNTPATH/cmdline.txt"
[ -f "$cmdline" ] || {
  echo "image-outreach-kiosk: no cmdline.txt on the boot partition" >&2
  exit 1
}
sed -i -e "s|root=[^ ]*|root=PARTUUID=$partuuid|" -e 's/\(^\| \)rw\( \|$\)/\1\2/' "$cmdline"
grep -q "root=PARTUUID=$partuuid" "$cmdline" || sed -i "1 s|^|root=PARTUUID=$partuuid |" "$cmdline"
grep -q '\(^\| \)ro\( \|$\)' "$cmdline" || sed -i '1 s/$/ ro/' "$cmdline"
[ -f "$IMAGEMOUNTPATH/outreach-kiosk.toml" ] || {
  echo "image-outreach-kiosk: no outreach-kiosk.toml on the boot partition: did customize.sh run?" >&2
  exit 1
}
