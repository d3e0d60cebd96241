#!/usr/bin/env bash
# Runs every benchmark script (scripts/bench-*.sh) in turn against one build folder; figures only, no verdict.
# One script failing does not stop the others; the exit status says whether any failed.
set -uo pipefail
build="${1:-build}"
here="$(cd "$(dirname "$0")" && pwd)"
shopt -s nullglob
scripts=("$here"/bench-*.sh)
if [ ${#scripts[@]} -eq 0 ]; then
  echo "bench: no scripts/bench-*.sh yet"
  exit 0
fi
failed=()
for script in "${scripts[@]}"; do
  echo "== $(basename "$script")"
  bash "$script" "$build" || failed+=("$(basename "$script")")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "bench: failed to run: ${failed[*]}" >&2
  exit 1
fi
