#!/usr/bin/env bash
# Sync benchmark: 1,000 single pledge commits through the real store on disk (median, p99), export of 100,000
# pledges from a pledge store into a bundle, import of it into a coordinator database (target < 3 s,
# < 100 MiB) and the coordinator's CSV export (target < 1.5 s); wall and CPU seconds, peak RSS. Figures only.
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
# The commit benchmark runs in the build folder: on disk, where each commit's fdatasync is real.
mkdir -p "$build/bench"
"$build/bin/bench_sync" "$work/run" "$pledges" "$build" | tee "$build/bench/sync.txt"
# The figures join scripts/bench-kiosk.sh's results.json and results.md (make bench runs it first).
python3 "$(dirname "$0")/bench/sync.py" "$build/bench" "$(cut -d' ' -f1-3 /proc/loadavg)"
