#!/usr/bin/env bash
# Copies a content pack and misspells one key (duration_s -> duraton_s in attract.toml): the typo an editor makes.
# usage: make-broken-pack.sh GOOD_PACK_DIR BROKEN_PACK_DIR
set -euo pipefail
good="$1"
broken="$2"
rm -rf -- "$broken"
mkdir -p -- "$(dirname -- "$broken")"
cp -R -- "$good" "$broken"
sed -i '0,/^duration_s/s//duraton_s/' "$broken/attract.toml"
if ! grep -q '^duraton_s' "$broken/attract.toml"; then
  echo "make-broken-pack.sh: $broken/attract.toml has no duration_s line to misspell" >&2
  exit 1
fi
echo "make-broken-pack.sh: $broken/attract.toml now says duraton_s"
