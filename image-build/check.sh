#!/usr/bin/env bash
# Sanity checks for the deployment files that CI can run without building an image: rpi-image-gen config and
# layer shape, the files customize.sh installs, the boot-settings script, the settings example and the
# systemd units. (make test-system builds and boots the VM image.) Exits 1 on a problem.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
config="$here/config/kiosk.yaml"
layer="$here/layer/outreach-kiosk.yaml"
failures=0
fail() { echo "check.sh: $*" >&2; failures=$((failures + 1)); }

for f in "$config" "$layer"; do
  [ -f "$f" ] || { fail "$f is missing"; continue; }
  grep -n "$(printf '\t')" "$f" >/dev/null && fail "$f: YAML must not contain tabs"
  grep -n "$(printf '\r')" "$f" >/dev/null && fail "$f: has CR line endings"
done

# Layer: METABEGIN header of comment lines, then ---, then mmdebstrap with packages and customize-hooks.
[ "$(head -n1 "$layer")" = "# METABEGIN" ] || fail "$layer: first line must be '# METABEGIN'"
meta_end=$(grep -n "^# METAEND$" "$layer" | head -n1 | cut -d: -f1)
doc_start=$(grep -n "^---$" "$layer" | head -n1 | cut -d: -f1)
if [ -z "$meta_end" ] || [ -z "$doc_start" ] || [ "$meta_end" -ge "$doc_start" ]; then
  fail "$layer: needs '# METAEND' and then a '---' line"
else
  head -n "$meta_end" "$layer" | grep -v "^#" >/dev/null && fail "$layer: every metadata line must start with #"
  name=$(sed -n 's/^# X-Env-Layer-Name: *//p' "$layer")
  [ "$name" = "$(basename "$layer" .yaml)" ] || fail "$layer: X-Env-Layer-Name '$name' differs from the file name"
  # Every attribute (X-Env-Var-NAME-Desc and the like) needs its variable (X-Env-Var-NAME).
  while read -r var; do
    grep -q "^# X-Env-Var-$var:" "$layer" || fail "$layer: attributes for X-Env-Var-$var but no variable"
  done < <(sed -n 's/^# X-Env-Var-\([a-z0-9_]*\)-\(Desc\|Required\|Valid\|Set\):.*/\1/p' "$layer" | sort -u)
  body=$(tail -n +"$((doc_start + 1))" "$layer")
  for key in "^mmdebstrap:$" "^  packages:$" "^  customize-hooks:$"; do
    grep -q "$key" <<<"$body" || fail "$layer: no '${key//[\^\$]/}' section"
  done
  # shellcheck disable=SC2016 # the literal "$1" of the hook
  grep -q 'enable-units "$1" outreach-kiosk' <<<"$body" || fail "$layer: the unit is not enabled"
  # shellcheck disable=SC2016
  grep -q '/customize.sh" "$1" "$deb"' <<<"$body" || fail "$layer: does not run customize.sh with the package"
fi

# Config: the device layer is one rpi-image-gen knows, and the app layer is ours.
device=$(awk '/^device:/{d=1;next} /^[^ #]/{d=0} d && /^ *layer:/{print $2}' "$config")
case "$device" in rpi3 | rpi4 | rpi5 | rpizero2w | rpi-cm4 | rpi-cm5) ;; *) fail "$config: unknown device layer '$device'" ;; esac
grep -q "^  app: outreach-kiosk$" "$config" || fail "$config: layer app must be outreach-kiosk"

# The card's layout (image/outreach-kiosk, picked by every config): three partitions whose labels, file systems
# and mount points are the ones rootfs/etc/fstab mounts, with sizes that hold what they must.
layout="$here/image/outreach-kiosk"
fstab="$here/rootfs/etc/fstab"
image_layer=$(sed -n 's/^# X-Env-Layer-Name: *//p' "$layout/image.yaml" 2>/dev/null)
[ "$image_layer" = image-outreach-kiosk ] || fail "$layout/image.yaml: X-Env-Layer-Name is '$image_layer'"
grep -q "^# X-Env-Layer-Provides: image$" "$layout/image.yaml" || fail "$layout/image.yaml: must provide 'image'"
for c in "$here"/config/*.yaml; do
  included=$(awk '/^include:/{i=1;next} /^[^ #]/{i=0} i && /^ *file:/{print $2}' "$c")
  if [ -n "$included" ]; then
    [ -f "$here/config/$included" ] || [ "$included" = bookworm-minbase.yaml ] || fail "$c: includes '$included', which is not there"
  fi
  d=$(awk '/^device:/{d=1;next} /^[^ #]/{d=0} d && /^ *layer:/{print $2}' "$c")
  case "$d" in rpi4 | rpi5 | rpizero2w) ;; *) fail "$c: device layer '$d' is not rpi4, rpi5 or rpizero2w" ;; esac
done
for board in rpi4 rpi5 rpizero2w; do
  grep -lq "^  layer: $board$" "$here"/config/*.yaml || fail "no config for $board (Pi 4, Pi 5, Zero 2 W)"
done
grep -q "^  layer: $image_layer$" "$config" || fail "$config: image layer must be $image_layer (the card layout)"
# label, file system, mount point: in the genimage template and in fstab.
for entry in bootfs:vfat:/boot/firmware rootfs:ext4:/ kioskdata:ext4:/data; do
  IFS=: read -r label fs mount <<<"$entry"
  awk -v l="$label" -v f="$fs" -v m="$mount" '
    /^image [^ ]+ *\{/ { img = $2; type = ""; lab = ""; mp = "" }
    $1 == f && $2 == "{" { type = f }
    $1 == "label" { gsub(/"/, "", $3); lab = $3 }
    $1 == "mountpoint" { gsub(/"/, "", $3); mp = $3 }
    /^\}/ { if (type == f && lab == l && mp == m) found = 1 }
    END { exit !found }' "$layout/genimage.cfg.in" ||
    fail "$layout/genimage.cfg.in: no $fs image labelled '$label' mounted at $mount"
  awk -v l="LABEL=$label" -v f="$fs" -v m="$mount" '$1 == l && $2 == m && $3 == f {found = 1} END {exit !found}' "$fstab" ||
    fail "$fstab: no '$fs' line for LABEL=$label at $mount (the layout's label)"
done
awk '$1 == "LABEL=rootfs" && $4 ~ /(^|,)ro(,|$)/ && $6 == 0 {found = 1} END {exit !found}' "$fstab" ||
  fail "$fstab: the root must be mounted ro and never checked at boot (pass 0)"
grep -q '^[[:space:]]*broken_system_clock = 1' "$here/rootfs/etc/e2fsck.conf" 2>/dev/null ||
  fail "rootfs/etc/e2fsck.conf: broken_system_clock = 1 is missing (a Pi has no clock)"
# The partitions in the disk, in the order fstab's comments and the VM (vm-image.sh) use: boot, root, data.
order=$(awk '/^   partition /{printf "%s ", $2}' "$layout/genimage.cfg.in")
[ "$order" = "boot root data " ] || fail "$layout/genimage.cfg.in: partitions are '$order', not boot root data"
# Sizes: the default and each config's data partition at least 256M, the boot partition at least 256M.
size_mb() { case "$1" in *M) echo "${1%M}" ;; *G) echo $((${1%G} * 1024)) ;; *) echo 0 ;; esac; }
for f in "$layout/image.yaml" "$here"/config/*.yaml; do
  for part in data boot; do
    size=$(sed -n "s/^# X-Env-Var-${part}_part_size: *//p; s/^  ${part}_part_size: *//p" "$f")
    [ -z "$size" ] || [ "$(size_mb "$size")" -ge 256 ] || fail "$f: ${part}_part_size $size is under 256M"
  done
done
# Every <PLACEHOLDER> of the template is filled in by pre-image.sh; a run of it with rpi-image-gen's variables
# leaves none, and it refuses a data partition under 256M; setup-boot.sh makes cmdline.txt's root the root
# partition's MBR id and keeps ro.
for script in pre-image.sh setup-boot.sh; do
  [ -x "$layout/$script" ] || fail "$layout/$script is not executable"
  if command -v shellcheck >/dev/null; then
    out=$(shellcheck "$layout/$script" 2>&1) || fail "$layout/$script: $out"
  fi
done
tmp=$(mktemp -d)
mkdir -p "$tmp/root/data/outreach-kiosk" "$tmp/in" "$tmp/boot"
run_pre() {
  env IGconf_image_outputdir="$tmp/out" IGconf_image_name=outreach-kiosk IGconf_image_suffix=img \
    IGconf_image_boot_part_size=512M IGconf_image_root_part_size=150% "$@" \
    "$layout/pre-image.sh" "$tmp/root" "$tmp/in" 2>&1
}
if out=$(run_pre IGconf_image_data_part_size=512M); then
  grep -n '<[A-Z_]*>' "$tmp/in/genimage.cfg" && fail "pre-image.sh left placeholders in genimage.cfg"
  grep -q 'size = 512M' "$tmp/in/genimage.cfg" || fail "pre-image.sh: the sizes did not reach genimage.cfg"
  signature=$(sed -n 's/^ *disk-signature = 0x\([0-9a-f]\{8\}\)$/\1/p' "$tmp/in/genimage.cfg")
  [ -n "$signature" ] || fail "pre-image.sh: no disk signature of 8 hex digits"
  printf 'console=serial0,115200 console=tty1 root=PARTUUID=abcd-02 rootfstype=ext4 rw fsck.repair=yes rootwait\n' \
    >"$tmp/boot/cmdline.txt"
  : >"$tmp/boot/outreach-kiosk.toml"
  setup=$(sed -n 's/^ *exec-pre = "\([^ ]*\) \([^"]*\)"$/\1 \2/p' "$tmp/in/genimage.cfg")
  # shellcheck disable=SC2086 # the command and its argument, as genimage splits them
  IMAGEMOUNTPATH="$tmp/boot" $setup >/dev/null 2>&1 || fail "setup-boot.sh failed: $setup"
  cmdline=$(cat "$tmp/boot/cmdline.txt")
  grep -q "root=PARTUUID=$signature-02 " <<<"$cmdline" || fail "setup-boot.sh: cmdline.txt root is not the root partition: $cmdline"
  if ! grep -q ' ro\( \|$\)' <<<"$cmdline" || grep -q ' rw\( \|$\)' <<<"$cmdline"; then
    fail "setup-boot.sh: cmdline.txt not ro: $cmdline"
  fi
else
  fail "pre-image.sh failed: $out"
fi
run_pre IGconf_image_data_part_size=128M >/dev/null && fail "pre-image.sh accepted a 128M data partition"
rm -rf "$tmp"
# customize.sh makes the data partition's folders, as the layout and the VM take them from /data.
# shellcheck disable=SC2016 # the literal lines of customize.sh
grep -q 'install -d -m 0700 -o "$(in_root id -u kiosk)" -g "$(in_root id -g kiosk)" "$root/data/outreach-kiosk"' \
  "$here/customize.sh" || fail "customize.sh: does not make /data/outreach-kiosk owned by kiosk, 0700"
# shellcheck disable=SC2016
grep -q 'install -d -m 0700 -o root -g root "$root/data/network"' "$here/customize.sh" ||
  fail "customize.sh: does not make /data/network, 0700"

# With PyYAML present, parse both for real (the layer's metadata is a comment, so it parses too).
if python3 -c "import yaml" 2>/dev/null; then
  python3 - "$config" "$layer" <<'PY' || fail "YAML does not parse or lacks a section (see above)"
import sys, yaml
config = yaml.safe_load(open(sys.argv[1]))
layer = yaml.safe_load(open(sys.argv[2]))
assert config["device"]["layer"] and config["layer"]["app"] == "outreach-kiosk", "config sections"
mm = layer["mmdebstrap"]
assert all(isinstance(p, str) for p in mm["packages"]), "packages must be names"
assert all(isinstance(h, str) for h in mm["customize-hooks"]), "hooks must be strings"
PY
fi

# Runtime packages exist in Debian 12 (local apt metadata only; skipped without apt lists).
if command -v apt-cache >/dev/null && compgen -G "/var/lib/apt/lists/*Packages*" >/dev/null; then
  wanted=$(sed -n '/^  packages:$/,/^  customize-hooks:$/s/^    - \([a-z0-9.+-]*\)\( *#.*\)\{0,1\}$/\1/p' "$layer")
  # One apt-cache call (each costs seconds); it prints "name:" and a candidate only for packages it knows.
  # shellcheck disable=SC2086
  known=$(apt-cache policy $wanted 2>/dev/null | awk '/^[^ ]+:$/{name=substr($1, 1, length($1)-1)}
    /^  Candidate:/ && $2 != "(none)" {print name}')
  for p in $wanted; do
    grep -qx -- "$p" <<<"$known" || fail "$layer: package '$p' is unknown to apt here (Debian 12)"
  done
fi

# Everything customize.sh installs from the repository exists, and its scripts pass the shell's checks.
for f in systemd/outreach-kiosk.service systemd/70-outreach-kiosk-drm.rules systemd/outreach-kiosk.toml.example \
  image-build/rootfs/etc/fstab image-build/rootfs/usr/lib/systemd/system/outreach-kiosk-settings.service \
  image-build/rootfs/usr/lib/systemd/system/outreach-kiosk-display-times.service \
  image-build/rootfs/usr/libexec/outreach-kiosk/boot-settings image-build/rootfs/usr/libexec/outreach-kiosk/display; do
  [ -e "$repo/$f" ] || fail "$f is missing (customize.sh installs it)"
done
for script in image-build/customize.sh image-build/vm-image.sh tests/system/test-system.sh \
  image-build/rootfs/usr/libexec/outreach-kiosk/boot-settings image-build/rootfs/usr/libexec/outreach-kiosk/display; do
  [ -x "$repo/$script" ] || fail "$script is not executable"
  bash -n "$repo/$script" || fail "$script: shell syntax"
  if command -v shellcheck >/dev/null; then
    out=$(shellcheck "$repo/$script" 2>&1) || fail "$script: $out"
  fi
done

# boot-settings with stand-ins for hostname, systemd-run and kioskctl: the plain PIN becomes admin_pin_hash on
# its own line, the Wi-Fi goes into a NetworkManager keyfile and leaves the file, CRLF endings and the other
# lines stay as they were, and a second run changes nothing.
boot_settings="$repo/image-build/rootfs/usr/libexec/outreach-kiosk/boot-settings"
if [ -x "$boot_settings" ]; then
  tmp=$(mktemp -d)
  mkdir -p "$tmp/bin"
  printf '#!/bin/sh\necho "hostname $*" >>"%s/log"\n' "$tmp" >"$tmp/bin/hostname"
  printf '#!/bin/sh\necho "systemd-run $*" >>"%s/log"\n' "$tmp" >"$tmp/bin/systemd-run"
  printf '#!/bin/sh\necho "mount $*" >>"%s/log"\n' "$tmp" >"$tmp/bin/mount"
  # shellcheck disable=SC2016 # expanded when the stand-in runs
  printf '#!/bin/sh\nread -r pin; [ "$pin" = 2580 ] && echo "\\$argon2id\\$fake"\n' >"$tmp/bin/kioskctl"
  chmod +x "$tmp/bin"/*
  printf 'kiosk_id = "kl_booth.1"\r\nadmin_pin = "2580"\r\nadmin_pin_hash = "old"\r\nwifi_name = "Booth"\r\n' >"$tmp/settings.toml"
  printf 'wifi_password = "pa\\"ss"\r\ntime_zone = "Asia/Kuala_Lumpur"\r\ndisplay_off = "22:00"\r\n' >>"$tmp/settings.toml"
  printf 'display_on = "7:00"\r\n[sync]\r\nwifi_name = "kept"\r\n' >>"$tmp/settings.toml"
  sed -i 's|/usr/bin/kioskctl|kioskctl|' "$tmp/settings.toml"
  sed 's|/usr/bin/kioskctl|kioskctl|; s|^runtime=/run/outreach-kiosk|runtime=${RUNTIME:-/run/outreach-kiosk}|' \
    "$boot_settings" >"$tmp/boot-settings"
  chmod +x "$tmp/boot-settings"
  run_boot() { PATH="$tmp/bin:$PATH" RUNTIME="$tmp/run" "$tmp/boot-settings" "$tmp/settings.toml" "$tmp/net" 2>&1; }
  out=$(run_boot) || fail "boot-settings failed: $out"
  expected=$(printf 'kiosk_id = "kl_booth.1"\r\nadmin_pin_hash = "$argon2id$fake"\r\ntime_zone = "Asia/Kuala_Lumpur"\r\ndisplay_off = "22:00"\r\ndisplay_on = "7:00"\r\n[sync]\r\nwifi_name = "kept"\r')
  [ "$(cat "$tmp/settings.toml")" = "$expected" ] || fail "boot-settings rewrote the file as: $(cat -A "$tmp/settings.toml")"
  grep -qx 'ssid=Booth' "$tmp/net/outreach-kiosk-wifi.nmconnection" 2>/dev/null &&
    grep -qx 'psk=pa"ss' "$tmp/net/outreach-kiosk-wifi.nmconnection" || fail "boot-settings: no Wi-Fi keyfile as expected"
  [ "$(stat -c %a "$tmp/net/outreach-kiosk-wifi.nmconnection" 2>/dev/null)" = 600 ] || fail "boot-settings: keyfile not 0600"
  grep -q "^mount -o remount,rw $tmp\$" "$tmp/log" && grep -q "^mount -o remount,ro $tmp\$" "$tmp/log" ||
    fail "boot-settings: the boot partition was not made writable and read-only again: $(cat "$tmp/log")"
  grep -q '^hostname kl-booth-1$' "$tmp/log" || fail "boot-settings: host name not set from kiosk_id: $(cat "$tmp/log")"
  grep -q 'systemd-run' "$tmp/log" && fail "boot-settings: systemd-run early in boot (it hangs there)"
  out=$(PATH="$tmp/bin:$PATH" RUNTIME="$tmp/run" "$tmp/boot-settings" --display-times "$tmp/settings.toml" 2>&1) ||
    fail "boot-settings --display-times failed: $out"
  grep -q 'outreach-kiosk-display-off --on-calendar=\*-\*-\* 22:00:00' "$tmp/log" || fail "boot-settings: no display_off timer"
  grep -q 'display-on' "$tmp/log" && fail "boot-settings: made a timer for the malformed display_on"
  [ "$(readlink "$tmp/run/localtime")" = /usr/share/zoneinfo/Asia/Kuala_Lumpur ] || fail "boot-settings: time zone not linked"
  before=$(cat "$tmp/settings.toml")
  out=$(run_boot) || fail "boot-settings failed the second time: $out"
  [ "$(cat "$tmp/settings.toml")" = "$before" ] || fail "boot-settings changed the file a second time"
  rm -rf "$tmp"
fi

# The settings example parses and documents every key the kiosk reads.
example="$repo/systemd/outreach-kiosk.toml.example"
if python3 -c "import tomllib" 2>/dev/null; then
  python3 - "$example" <<'PY' || fail "$example: not valid TOML or a key is missing (see above)"
import sys, tomllib
c = tomllib.load(open(sys.argv[1], "rb"))
top = {"kiosk_id", "content", "data_dir", "coordinator_public_key", "admin_pin_hash", "idle_timeout_s",
       "default_language", "orientation", "sync"}
sync = {"url", "token", "ca_file", "keep_days_after_delivery"}
missing = (top - c.keys()) | {"sync." + k for k in sync - c.get("sync", {}).keys()}
if missing: sys.exit("missing keys: " + ", ".join(sorted(missing)))
if c["orientation"] not in (0, 90, 180, 270): sys.exit("orientation must be 0, 90, 180 or 270")
PY
fi

# The unit passes systemd's own checks (with a stand-in program, since /usr/bin/kiosk is not installed here).
if command -v systemd-analyze >/dev/null; then
  tmp=$(mktemp -d)
  sed 's|^ExecStart=/usr/bin/kiosk|ExecStart=/bin/true|' "$repo/systemd/outreach-kiosk.service" >"$tmp/outreach-kiosk.service"
  out=$(systemd-analyze verify "$tmp/outreach-kiosk.service" 2>&1) || fail "unit: $out"
  [ -z "$out" ] || fail "unit: $out"
  rm -rf "$tmp"
fi

# Sync units: the push service and timer, the USB export template (checked as instance sda1) and its script
# and udev rule, all present and passing systemd's and the shell's own checks.
sync_files="outreach-kiosk-push.service outreach-kiosk-push.timer outreach-kiosk-usb-export@.service
  outreach-kiosk-usb-export 99-outreach-kiosk-usb.rules"
for f in $sync_files; do
  [ -e "$repo/systemd/$f" ] || fail "systemd/$f is missing"
done
if [ -e "$repo/systemd/outreach-kiosk-usb-export" ]; then
  [ -x "$repo/systemd/outreach-kiosk-usb-export" ] || fail "systemd/outreach-kiosk-usb-export is not executable"
  sh -n "$repo/systemd/outreach-kiosk-usb-export" || fail "systemd/outreach-kiosk-usb-export: shell syntax"
  if command -v shellcheck >/dev/null; then
    out=$(shellcheck "$repo/systemd/outreach-kiosk-usb-export" 2>&1) || fail "usb-export script: $out"
  fi
fi
grep -q 'SYSTEMD_WANTS}+="outreach-kiosk-usb-export@%k.service"' "$repo/systemd/99-outreach-kiosk-usb.rules" ||
  fail "99-outreach-kiosk-usb.rules does not start outreach-kiosk-usb-export@%k.service"
grep -q 'nosuid,nodev,noexec' "$repo/systemd/outreach-kiosk-usb-export" ||
  fail "outreach-kiosk-usb-export must mount sticks nosuid,nodev,noexec"
if command -v systemd-analyze >/dev/null; then
  tmp=$(mktemp -d)
  sed 's|/usr/bin/kioskctl|/bin/true|' "$repo/systemd/outreach-kiosk-push.service" >"$tmp/outreach-kiosk-push.service"
  cp "$repo/systemd/outreach-kiosk-push.timer" "$tmp/"
  sed 's|/usr/libexec/outreach-kiosk/usb-export|/bin/true|' "$repo/systemd/outreach-kiosk-usb-export@.service" \
    >"$tmp/outreach-kiosk-usb-export@sda1.service"
  # Paths, not names: only then does verify read these files (and report unknown keys) rather than none.
  out=$(systemd-analyze verify "$tmp/outreach-kiosk-push.service" "$tmp/outreach-kiosk-push.timer" \
    "$tmp/outreach-kiosk-usb-export@sda1.service" 2>&1) || fail "sync units: $out"
  [ -z "$out" ] || fail "sync units: $out"
  rm -rf "$tmp"
fi

# The USB export script's decisions, with stand-ins for mount, blkid and the rest that log their arguments:
# a stick with the folder is mounted nosuid,nodev,noexec, exported into as kiosk and unmounted; one without
# stays mounted; a non-FAT stick and a bad device name are refused.
usb_script="$repo/systemd/outreach-kiosk-usb-export"
if [ -x "$usb_script" ]; then
  tmp=$(mktemp -d)
  mkdir -p "$tmp/bin" "$tmp/base"
  for tool in mount umount runuser sync mountpoint; do
    printf '#!/bin/sh\necho "%s $*" >>"%s/log"\n' "$tool" "$tmp" >"$tmp/bin/$tool"
  done
  printf '#!/bin/sh\nexit 1\n' >"$tmp/bin/findmnt"
  # shellcheck disable=SC2016 # expanded when the stand-in runs
  printf '#!/bin/sh\necho "${FAKE_FS_TYPE:-vfat}"\n' >"$tmp/bin/blkid"
  printf '#!/bin/sh\necho 999\n' >"$tmp/bin/id"
  # umount really leaves the folder empty, so the script can remove its mount point.
  # shellcheck disable=SC2016 # expanded when the stand-in runs
  printf '#!/bin/sh\necho "umount $*" >>"%s/log"\nrm -rf "$1"/outreach-kiosk-sync\n' "$tmp" >"$tmp/bin/umount"
  chmod +x "$tmp"/bin/*
  run_usb() { PATH="$tmp/bin:$PATH" OUTREACH_KIOSK_USB_BASE="$tmp/base" "$usb_script" "$@" >/dev/null 2>&1; }

  mkdir -p "$tmp/base/sda1/outreach-kiosk-sync"  # what the stand-in mount would show
  run_usb start sda1 /cfg.toml || fail "usb-export: start with the folder failed"
  grep -q "^mount -t vfat -o nosuid,nodev,noexec,noatime,uid=999,gid=999,umask=077 /dev/sda1 $tmp/base/sda1$" \
    "$tmp/log" || fail "usb-export: not mounted as expected: $(cat "$tmp/log")"
  grep -q "^runuser -u kiosk -- /usr/bin/kioskctl export $tmp/base/sda1/outreach-kiosk-sync --config /cfg.toml$" \
    "$tmp/log" || fail "usb-export: no export as kiosk: $(cat "$tmp/log")"
  grep -q "^umount $tmp/base/sda1$" "$tmp/log" || fail "usb-export: the stick was not unmounted"
  [ -e "$tmp/base/sda1" ] && fail "usb-export: mount point left behind"

  : >"$tmp/log"
  run_usb start sdb1 /cfg.toml || fail "usb-export: start without the folder failed"
  grep -q "^runuser" "$tmp/log" && fail "usb-export: exported to a stick without the folder"
  grep -q "^umount" "$tmp/log" && fail "usb-export: unmounted a stick left for the admin screen"

  : >"$tmp/log"
  FAKE_FS_TYPE=ext4 run_usb start sdc1 /cfg.toml
  [ -s "$tmp/log" ] && fail "usb-export: acted on an ext4 stick: $(cat "$tmp/log")"
  run_usb start "../sda1" /cfg.toml && fail "usb-export: accepted a device name with a slash"
  rm -rf "$tmp"
fi

if [ "$failures" -gt 0 ]; then
  echo "check.sh: $failures problem(s)" >&2
  exit 1
fi
echo "check.sh: deployment files look sane"
