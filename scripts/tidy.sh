#!/usr/bin/env bash
# clang-tidy over kiosk/'s sources with the repository's .clang-tidy (the headers under kiosk/ are checked through
# the sources that include them), JOBS files at a time from BUILD's compile database (a configured build folder is
# enough: nothing the sources include is generated). Any finding fails.
# Usage: scripts/tidy.sh [BUILD, default build] [JOBS, default nproc]
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
build=${1:-build}
jobs=${2:-$(nproc)}
if ! command -v clang-tidy >/dev/null; then
  echo "tidy: clang-tidy not installed, skipped (scripts/install-deps.sh --test installs it)"
  exit 0
fi
if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy: $build/compile_commands.json is missing: configure first (cmake -S . -B $build)"
  exit 1
fi
# Largest first, one file a process: the last files to start are the quick ones, so the jobs end together.
# The "N warnings generated" lines count what the header filter hid (system headers): noise, so dropped.
mapfile -t files < <(git ls-files -z 'kiosk/*.cpp' | xargs -0 ls -S)
printf '%s\0' "${files[@]}" |
  xargs -0 -P "$jobs" -n 1 clang-tidy -p "$build" --quiet --warnings-as-errors='*' 2>&1 |
  grep -v -E '^[0-9]+ (warnings?|errors?)( and [0-9]+ errors?)? generated\.$'
status=("${PIPESTATUS[@]}")
if [ "${status[1]}" -ne 0 ]; then
  echo "tidy: clang-tidy found the problems above (.clang-tidy's checks; fix them, or say why in a NOLINT)"
  exit 1
fi
echo "tidy: clean (${#files[@]} files)"
