#!/usr/bin/env bash
# Turns a Debian 12 root into an outreach kiosk: the one customisation shared by the Pi image (rpi-image-gen
# layer) and the VM image of `make test-system`. Runs on the build machine against the root folder.
# Usage: customize.sh ROOT DEB   (ROOT: the image's root folder; DEB: the outreach-kiosk .deb for its arch)
#
# What it does, each step a function below: installs the package, fonts and Mesa; lays down the image's own
# files (image-build/rootfs/: fstab with a read-only root and the data partition, the boot-settings service,
# the DRM udev tag); puts the settings file on the boot partition; enables the units; masks the getty on
# tty1; makes the data partition's folders under /data; adds console and splash settings to the kernel command
# line (cmdline.txt) and config.txt.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
root=${1:?"usage: $0 ROOT DEB"}
deb=${2:?"usage: $0 ROOT DEB (the outreach-kiosk package built by make deb)"}
boot="$root/boot/firmware"

say() { echo "customize: $*"; }
die() {
  echo "customize: $*" >&2
  exit 1
}

[ -d "$root/etc" ] || die "$root does not look like a root folder (no etc/)"
[ -f "$deb" ] || die "$deb not found: build the package first (make deb, or make deb-arm64 for a Pi)"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }

install_packages() {
  say "installing $(basename "$deb"), Mesa and the tools the boot-settings service uses"
  cp "$deb" "$root/tmp/outreach-kiosk.deb"
  # Mesa: SDL loads EGL, GBM and the DRI driver at run time (shlibdeps cannot see them), and without libegl1
  # SDL says "EGL not initialized". NetworkManager takes the Wi-Fi from the settings file. The fonts come
  # with the package's Depends; they are named here too so an image never lacks a script's glyphs.
  in_root apt-get install -y -q --no-install-recommends /tmp/outreach-kiosk.deb \
    libegl1 libgbm1 libegl-mesa0 libgl1-mesa-dri libgles2 \
    fonts-noto-core fonts-noto-cjk \
    network-manager wpasupplicant tzdata dosfstools e2fsprogs
  rm -f "$root/tmp/outreach-kiosk.deb"
  in_root apt-get clean
  [ -x "$root/usr/bin/kiosk" ] || die "the package did not install /usr/bin/kiosk"
}

install_image_files() {
  say "installing the image's own files (image-build/rootfs/)"
  # cp -a would carry the checkout's owner; the files belong to root.
  (cd "$here/rootfs" && find . -type f) | while read -r file; do
    mode=0644
    [ -x "$here/rootfs/$file" ] && mode=0755
    install -D -o root -g root -m "$mode" "$here/rootfs/$file" "$root/${file#./}"
  done
  # Mount points for the boot and data partitions; the data partition carries its own folders.
  mkdir -p "$boot" "$root/data" "$root/var/lib/outreach-kiosk"
  # The host name until boot-settings sets the kiosk id (never the build machine's).
  echo outreach-kiosk >"$root/etc/hostname"
  # The time zone boot-settings links in /run at each boot (glibc reads UTC while the link is missing).
  ln -sfn /run/outreach-kiosk/localtime "$root/etc/localtime"
  rm -f "$root/etc/timezone"
  # An empty machine-id: systemd makes one per boot in /run, since the root is read-only.
  : >"$root/etc/machine-id"
  rm -f "$root/var/lib/dbus/machine-id"
}

install_settings_file() {
  local example
  example=$(find "$root/usr/share/outreach-kiosk" "$root/usr/share/doc/outreach-kiosk" \
    -name 'outreach-kiosk.toml.example*' 2>/dev/null | head -n1 || true)
  [ -n "$example" ] || example="$repo/systemd/outreach-kiosk.toml.example"
  case "$example" in *.gz) reader=(zcat) ;; *) reader=(cat) ;; esac
  if [ ! -e "$boot/outreach-kiosk.toml" ]; then
    say "settings file on the boot partition from $(basename "$example")"
    # CRLF line endings: Notepad on an old Windows laptop then shows it properly, and the kiosk reads both.
    "${reader[@]}" "$example" | sed 's/$/\r/' >"$boot/outreach-kiosk.toml"
  fi
}

enable_units() {
  say "enabling the kiosk, its settings service and the push timer; tty1 belongs to the kiosk"
  in_root systemctl enable outreach-kiosk.service outreach-kiosk-settings.service \
    outreach-kiosk-display-times.service outreach-kiosk-push.timer
  # The unit's Conflicts= alone leaves it to chance which of the two starts when both are queued at boot.
  in_root systemctl mask getty@tty1.service
  # Nothing on the booth waits for a network: the kiosk is offline-first.
  in_root systemctl disable NetworkManager-wait-online.service 2>/dev/null || true
  # These write to /var/lib on every boot and fail on a read-only root; the kiosk needs none of them.
  in_root systemctl mask systemd-random-seed.service systemd-update-utmp.service \
    systemd-update-utmp-runlevel.service apt-daily.timer apt-daily-upgrade.timer \
    e2scrub_all.timer e2scrub_reap.service 2>/dev/null || true
  # Users exist before the first boot: systemd-sysusers at boot cannot write a read-only /etc.
  in_root systemd-sysusers
  in_root id kiosk >/dev/null || die "no kiosk user after systemd-sysusers"
}

data_partition_folders() {
  # What the data partition starts with (the Pi's layout, image/outreach-kiosk, and vm-image.sh make the
  # kioskdata partition from /data): the kiosk's folder, bind-mounted on /var/lib/outreach-kiosk, and
  # NetworkManager's saved Wi-Fi; neither readable by anyone else.
  say "data partition folders: /data/outreach-kiosk (kiosk, 0700), /data/network (0700)"
  install -d -m 0700 -o "$(in_root id -u kiosk)" -g "$(in_root id -g kiosk)" "$root/data/outreach-kiosk"
  install -d -m 0700 -o root -g root "$root/data/network"
}

kernel_command_line() {
  # Pi: cmdline.txt on the boot partition (the VM builder writes one first, so both get the same words).
  local cmdline="$boot/cmdline.txt"
  if [ ! -f "$cmdline" ]; then
    say "no $cmdline (the Pi's firmware layer or the VM builder writes it): kernel options left alone"
    return
  fi
  # No console blanking or blinking cursor behind the picture, no boot logo, a read-only root, quiet.
  for arg in ro consoleblank=0 vt.global_cursor_default=0 logo.nologo quiet loglevel=3; do
    grep -q "\(^\| \)$arg\( \|$\)" "$cmdline" || sed -i "1 s/\$/ $arg/" "$cmdline"
  done
  sed -i 's/\(^\| \)rw\( \|$\)/\1\2/' "$cmdline"
}

boot_splash() {
  # The Pi's firmware shows its rainbow square unless told not to, and can show no picture of ours; the
  # kiosk's own first frame comes within seconds, so the screen stays black until then (docs/deployment.md).
  local config="$boot/config.txt"
  [ -f "$config" ] || return 0
  grep -q '^disable_splash=' "$config" || echo "disable_splash=1" >>"$config"
  if [ -f "$repo/assets/splash/splash.png" ]; then
    install -m 0644 "$repo/assets/splash/splash.png" "$boot/outreach-kiosk-splash.png"
  fi
}

install_packages
install_image_files
install_settings_file
enable_units
data_partition_folders
kernel_command_line
boot_splash
# shellcheck disable=SC2016 # dpkg-query's own ${fields}
say "done: $(in_root dpkg-query -W -f='${Package} ${Version}' outreach-kiosk)"
