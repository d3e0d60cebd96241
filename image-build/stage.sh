#!/usr/bin/env bash
# Gathers what the image layer installs into image-build/stage/: arm64 programs, content pack, systemd files.
# Usage: image-build/stage.sh BUILD_DIR   (BUILD_DIR: an arm64 build, e.g. from a cross build, see README.md)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
build=${1:?"usage: $0 BUILD_DIR (an arm64 build folder holding bin/kiosk and bin/kioskctl)"}
stage=${STAGE_DIR:-"$here/stage"}

for program in kiosk kioskctl; do
  binary="$build/bin/$program"
  if [ ! -x "$binary" ]; then
    echo "stage.sh: $binary not found: build the kiosk for arm64 first (image-build/README.md)." >&2
    exit 1
  fi
  machine=$(readelf -h "$binary" | sed -n 's/^ *Machine: *//p')
  if [ "$machine" != "AArch64" ]; then
    echo "stage.sh: $binary is built for '$machine', the Pi needs AArch64: use an arm64 build folder." >&2
    exit 1
  fi
done

rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/content" "$stage/systemd" "$stage/doc"
install -m 0755 "$build/bin/kiosk" "$build/bin/kioskctl" "$stage/bin/"
cp -R "$repo/content-pack/." "$stage/content/"
install -m 0644 "$repo/systemd/outreach-kiosk.service" "$repo/systemd/outreach-kiosk.sysusers.conf" \
  "$repo/systemd/70-outreach-kiosk-backlight.rules" "$repo/systemd/outreach-kiosk.toml.example" \
  "$repo/systemd/outreach-kiosk-push.service" "$repo/systemd/outreach-kiosk-push.timer" \
  "$repo/systemd/outreach-kiosk-usb-export@.service" "$repo/systemd/99-outreach-kiosk-usb.rules" "$stage/systemd/"
install -m 0755 "$repo/systemd/outreach-kiosk-usb-export" "$stage/systemd/"
install -m 0644 "$repo/docs/deployment.md" "$stage/doc/"
echo "staged in $stage"
