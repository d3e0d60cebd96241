#!/bin/sh
# Runs the pack-loader fuzz target for a bounded time on a scratch copy of the seed corpus; non-zero on a crash.
# Usage: scripts/run-fuzz.sh BUILD_DIR SECONDS
set -eu

build=${1:?usage: run-fuzz.sh BUILD_DIR SECONDS}
seconds=${2:?usage: run-fuzz.sh BUILD_DIR SECONDS}
root=$(cd "$(dirname "$0")/.." && pwd)
fuzzer="$build/bin/fuzz_pack_loader"

if [ ! -x "$fuzzer" ]; then
    echo "run-fuzz: $fuzzer not found; build it with -DKIOSK_FUZZ=ON and CXX=clang++ (make fuzz)" >&2
    exit 2
fi

# Work on a copy so new inputs found in this run do not pile up in the repository.
corpus=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-corpus.XXXXXX")
trap 'rm -rf "$corpus"' EXIT INT TERM
cp "$root"/tests/fuzz/corpus/* "$corpus"/

# Crash inputs are kept in the build folder for reproducing: $fuzzer <file>
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"

# The target writes a scratch pack for every input: keep it in memory when the machine offers a tmpfs.
scratch=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then scratch=/dev/shm; fi

echo "run-fuzz: fuzz_pack_loader for ${seconds}s (crashes go to $artifacts/)"
TMPDIR=$scratch ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
    "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$root/tests/fuzz/pack.dict" -artifact_prefix="$artifacts/" "$corpus"
