#!/usr/bin/env bash
# Sync benchmark: export of 100,000 pledges from a real pledge store into a bundle, then import of it into a
# coordinator database; prints seconds and peak RSS for each (targets < 10 s and < 200 MB). Figures only.
# Usage: scripts/bench-sync.sh [BUILD_FOLDER] [PLEDGES]
set -euo pipefail
build="${1:-build}"
pledges="${2:-100000}"
cmake --build "$build" --target bench_sync >/dev/null
# Recording 100,000 pledges one durable transaction at a time takes minutes on a disk (an fsync each), so the
# work folder goes to tmpfs when there is one; export and import then measure CPU, not the disk.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  work="$(mktemp -d /dev/shm/bench-sync.XXXXXX)"
else
  work="$(mktemp -d "$build/bench-sync.XXXXXX")"
fi
trap 'rm -rf "$work"' EXIT
echo "bench-sync: $pledges pledges in $work on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/bin/bench_sync" "$work/run" "$pledges"
