#!/usr/bin/env bash
# Cross-builds the kiosk and its tests for arm64 (cmake/toolchain-arm64.cmake) and runs the unit tests under
# qemu-aarch64-static. Usage: scripts/test-arm64.sh [BUILD_DIR]   (default build-arm64)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
build=${1:-build-arm64}
jobs=${JOBS:-$(nproc)}

scripts/arm64-unibreak.sh >/dev/null  # libunibreak for arm64, unpacked where the toolchain file looks
cmake -S . -B "$build" -DCMAKE_TOOLCHAIN_FILE="$repo/cmake/toolchain-arm64.cmake" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$jobs"

# Under the emulator run the test programs themselves (Catch2's, started through CMAKE_CROSSCOMPILING_EMULATOR).
# Left out, because they start the arm64 kiosk or kioskctl from a shell or Python script, which only works
# where binfmt_misc hands arm64 programs to qemu (this machine has none); the native `make test` runs them:
excluded=(
  '^app\.'        # tests/app: expect-run.sh (bash) starts the kiosk program
  '^pledge-e2e\.' # tests/pledge-e2e: python3 starts kiosk and kioskctl
)
if [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] && grep -qx enabled /proc/sys/fs/binfmt_misc/qemu-aarch64; then
  echo "test-arm64: binfmt_misc runs arm64 programs here: every test runs"
  excluded=()
else
  echo "test-arm64: no binfmt_misc for arm64 here; left out (run natively by make test): ${excluded[*]}"
fi
exclude_regex=$(IFS='|'; echo "${excluded[*]}")

cd "$build"
# The emulator is slower than the machine: give each test more time than ctest's default.
ctest --output-on-failure -j "$jobs" --timeout 900 ${exclude_regex:+-E "$exclude_regex"}
