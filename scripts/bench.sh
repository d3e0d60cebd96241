#!/usr/bin/env bash
# Runs every benchmark script (scripts/bench-*.sh) in turn against one build folder; figures only, no verdict.
set -euo pipefail
build="${1:-build}"
here="$(cd "$(dirname "$0")" && pwd)"
shopt -s nullglob
scripts=("$here"/bench-*.sh)
if [ ${#scripts[@]} -eq 0 ]; then
  echo "bench: no scripts/bench-*.sh yet"
  exit 0
fi
for script in "${scripts[@]}"; do
  echo "== $(basename "$script")"
  bash "$script" "$build"
done
