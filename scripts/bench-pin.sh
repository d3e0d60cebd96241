#!/usr/bin/env bash
# The CPU one admin PIN check costs with the kiosk's Argon2id setting and the ones it replaced (docs/hardening.md
# turns it into the time an offline search takes). Figures only.
# Usage: scripts/bench-pin.sh [BUILD_FOLDER]
set -euo pipefail
build="${1:-build}"
cmake --build "$build" --target bench_pin >/dev/null
echo "bench-pin: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/bin/bench_pin"
