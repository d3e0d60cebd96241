#!/bin/sh
# Runs each libFuzzer target for a bounded time on a scratch copy of its seed corpus (tests/fuzz/corpus/TARGET/),
# after replaying the inputs that once crashed it (tests/fuzz/regressions/TARGET/); non-zero on any crash.
# Usage: scripts/run-fuzz.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]
set -eu

build=${1:?usage: run-fuzz.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]}
seconds=${2:?usage: run-fuzz.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]}
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
targets=${*:-fuzz_pack_loader fuzz_config fuzz_image_header fuzz_bundle fuzz_controller}

# Crash inputs are kept in the build folder for reproducing: $fuzzer <file>; copy one into
# tests/fuzz/regressions/TARGET/ once fixed, so it is replayed on every run.
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
# The targets write scratch files for every input: keep them in memory when the machine offers a tmpfs.
scratch=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then scratch=/dev/shm; fi
work=$(mktemp -d "$scratch/fuzz-run.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

for target in $targets; do
    fuzzer="$build/bin/$target"
    if [ ! -x "$fuzzer" ]; then
        echo "run-fuzz: $fuzzer not found; build it with -DKIOSK_FUZZ=ON and CXX=clang++ (make fuzz)" >&2
        exit 2
    fi
    dict=""
    [ "$target" = fuzz_pack_loader ] && dict="-dict=$root/tests/fuzz/pack.dict"
    regressions="$root/tests/fuzz/regressions/$target"
    if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
        echo "run-fuzz: $target replays $(ls "$regressions" | wc -l) regression inputs"
        TMPDIR=$work ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} "$fuzzer" "$regressions"/*
    fi
    # Work on a copy so new inputs found in this run do not pile up in the repository.
    corpus="$work/corpus-$target"
    mkdir -p "$corpus"
    cp "$root/tests/fuzz/corpus/$target"/* "$corpus"/ 2>/dev/null || true
    echo "run-fuzz: $target for ${seconds}s (crashes go to $artifacts/)"
    TMPDIR=$work ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
        "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 $dict \
        -artifact_prefix="$artifacts/$target-" "$corpus" >"$work/$target.log" 2>&1 || status=$?
    # libFuzzer prints a line per new input; show only its summary, or everything after a crash.
    if [ "${status:-0}" -ne 0 ]; then
        cat "$work/$target.log"
        echo "run-fuzz: $target failed (exit $status); the input is in $artifacts/" >&2
        exit 1
    fi
    grep -E '^(stat::|Done|INFO: seed corpus)' "$work/$target.log" || true
done
echo "run-fuzz: every target ran ${seconds}s without a crash"
