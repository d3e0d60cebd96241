#!/bin/sh
# The README's contact sheets (docs/images/contact-*.jpg) from a fresh tour of the shipped pack:
# twelve screens at 800x480 in English and Tamil, six at 720x1280 in Chinese.
# Usage: scripts/contact-sheets.sh [BUILD_DIR]   (default: build; needs its kiosk program)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
work=$build/contact-sheets
rm -rf "$work" && mkdir -p "$work"
cc -O2 "$repo/scripts/contact-sheet.c" $(pkg-config --cflags --libs sdl2 SDL2_image) -o "$work/contact-sheet"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
"$build/bin/kiosk" tour "$work/tour" --content "$repo/content-pack/stop-torture" \
  --sizes 800x480,720x1280 --langs en,ta,zh >/dev/null
landscape="attract-udhr-article-1 home story-why-torture-persists timeline-01-1948-12-10 cases case-yecenia-armenta act-ratify-uncat
  pledge-ratify-uncat-name thanks-ratify-uncat admin story-safeguard-lawyers credits"
portrait="attract-udhr-article-1 home story-why-torture-persists case-yecenia-armenta pledge-ratify-uncat-name thanks-ratify-uncat"
sheet() { # OUT SIZE LANG COLUMNS PERCENT SCREENS...
  out=$1 size=$2 lang=$3 columns=$4 percent=$5
  shift 5
  files=
  for screen in "$@"; do files="$files $work/tour/$size/$lang/$screen.png"; done
  # shellcheck disable=SC2086
  "$work/contact-sheet" "$repo/docs/images/$out" "$columns" "$percent" $files
}
# shellcheck disable=SC2086
sheet contact-en.jpg 800x480 en 4 40 $landscape
# shellcheck disable=SC2086
sheet contact-ta.jpg 800x480 ta 4 40 $landscape
# shellcheck disable=SC2086
sheet contact-zh-portrait.jpg 720x1280 zh 6 30 $portrait
echo "contact sheets: docs/images/contact-en.jpg, contact-ta.jpg, contact-zh-portrait.jpg"
