#!/usr/bin/env bash
# `make run`: starts the built kiosk in a window with development settings; without a display, renders the tour.
# usage: scripts/run-desktop.sh BUILD_DIR   (extra kiosk arguments in KIOSK_RUN_ARGS, e.g. "--exit-after 3")
set -euo pipefail

if [ ! -d "${1:-build}" ]; then
  echo "run-desktop: no build folder ${1:-build}; build first (make build)" >&2
  exit 1
fi
build="$(cd "${1:-build}" && pwd)"
repo="$(cd "$(dirname "$0")/.." && pwd)"
kiosk="$build/bin/kiosk"
kioskctl="$build/bin/kioskctl"
pack="$repo/content-pack/stop-torture"
dev="$build/dev"

for program in "$kiosk" "$kioskctl"; do
  if [ ! -x "$program" ]; then
    echo "run-desktop: $program is missing; build first (make build)" >&2
    exit 1
  fi
done

# A development coordinator key pair, made once and kept: pledges made on this desktop stay readable with it.
mkdir -p "$dev/data"
key="$dev/coordinator.key"
public="$dev/coordinator.pub"
if [ ! -f "$key" ]; then
  "$kioskctl" keygen "$key" 2>/dev/null | sed -n 's/^public-key: //p' >"$public"
  echo "run-desktop: made a development coordinator key in $key (for this desktop only)"
fi
public_key="$(cat "$public" 2>/dev/null || true)"
if [ -z "$public_key" ]; then
  echo "run-desktop: $key exists but its public key ($public) is missing; remove $dev to start afresh" >&2
  exit 1
fi

# The settings are rewritten each time so they follow the checkout if it moves; the key above stays.
pin_hash="$(echo 1234 | "$kioskctl" pin)"
cat >"$dev/kiosk.toml" <<EOF
# Development settings written by scripts/run-desktop.sh (make run); rewritten on each run.
kiosk_id = "dev-desktop"
content = "$pack"
data_dir = "$dev/data"
coordinator_public_key = "$public_key"
admin_pin_hash = "$pin_hash"
EOF

echo "run-desktop: settings in $dev/kiosk.toml; the development admin PIN is 1234"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-desktop: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window can open."
  echo "run-desktop: rendering every screen to $build/tour/ instead; open $build/tour/index.html in a browser."
  rm -rf "$build/tour"
  # The tour exits 1 both when it cannot render and when it finds layout problems; only the first stops us,
  # since the pictures of the second are what a person wants to look at.
  if ! SDL_VIDEODRIVER=dummy "$kiosk" tour "$build/tour" --content "$pack"; then
    [ -f "$build/tour/tour.json" ] || exit 1
    echo "run-desktop: the tour found the layout problems listed above; see them in $build/tour/index.html"
  fi
  exit 0
fi

# KIOSK_RUN_ARGS is split into words on purpose: it carries extra options.
# shellcheck disable=SC2086
exec "$kiosk" --config "$dev/kiosk.toml" --windowed --size 1280x800 ${KIOSK_RUN_ARGS:-}
