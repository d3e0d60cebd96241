#!/usr/bin/env bash
# Runs the unit tests of the arm64 package's build (make deb-arm64 builds them with the package, naming
# qemu-aarch64-static as the emulator) under qemu-aarch64-static.
# Usage: scripts/test-arm64.sh [BUILD_DIR]   (default build/deb/arm64/build)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
build=${1:-build/deb/arm64/build}
jobs=${JOBS:-$(nproc)}
if [ ! -f "$build/CTestTestfile.cmake" ]; then
  echo "test-arm64: no tests in $build: make deb-arm64 builds them (not under DEB_BUILD_PROFILES=nocheck, and" \
    "only with qemu-user-static installed)" >&2
  exit 1
fi

cd "$build"
# Under the emulator run the test programs themselves (started through CMAKE_CROSSCOMPILING_EMULATOR). Left out:
# the soak and the tours, which take minutes each under the emulator; and, where no binfmt_misc hands arm64
# programs to qemu (this machine has none), the tests that start the arm64 kiosk or kioskctl themselves: those run
# by bash or python3 (tests/app's expect-run.sh, tests/pledge-e2e) and the test programs that std::system() a
# program (app_pictures_tests: kiosk play; ctl_tests: kioskctl). The native `make test` runs all of them.
binfmt=0
if [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] && head -n1 /proc/sys/fs/binfmt_misc/qemu-aarch64 | grep -qx enabled; then
  binfmt=1
fi
numbers=$(ctest --show-only=json-v1 | BINFMT=$binfmt python3 -c '
import json, os, sys
binfmt = os.environ["BINFMT"] == "1"
spawning = {"app_pictures_tests", "ctl_tests", "update_spawn_tests"}
tests = json.load(sys.stdin)["tests"]
run, left_out = [], {}
for number, test in enumerate(tests, 1):
    command = test.get("command") or [""]
    program = os.path.basename(command[1]) if len(command) > 1 else ""
    labels = next((p["value"] for p in test.get("properties", []) if p["name"] == "LABELS"), [])
    if test["name"] == "app.soak" or "slow" in labels:
        why = "the soak and the tours: minutes each under the emulator"
    elif test["name"].startswith("signing name, e-mail and the required consent takes at most 30 taps"):
        why = "the tap count, which signs with real fonts at two sizes in four languages: minutes under the emulator"
    elif not binfmt and not command[0].endswith("qemu-aarch64-static"):
        why = os.path.basename(command[0]) + " script starts arm64 programs, and no binfmt_misc here"
    elif not binfmt and program in spawning:
        why = program + " starts arm64 programs, and no binfmt_misc here"
    else:
        run.append(number)
        continue
    left_out[why] = left_out.get(why, 0) + 1
# ctest adds a selected test'"'"'s fixture setup by itself: a test needing what a left-out test makes is left out too.
prop = lambda test, name: next((p["value"] for p in test.get("properties", []) if p["name"] == name), [])
missing = {f for n, t in enumerate(tests, 1) if n not in run for f in prop(t, "FIXTURES_SETUP")}
for number in list(run):
    if missing & set(prop(tests[number - 1], "FIXTURES_REQUIRED")):
        run.remove(number)
        why = "needs what a left-out test makes (a tour)"
        left_out[why] = left_out.get(why, 0) + 1
for why, count in sorted(left_out.items()):
    print(f"test-arm64: left out {count} ({why}; make test runs them natively)", file=sys.stderr)
print(f"test-arm64: running {len(run)} of {len(tests)} tests under qemu-aarch64-static", file=sys.stderr)
print(",".join(map(str, run)))
')
selection=(-I "0,0,0,$numbers")

# The emulator is slower than the machine: give each test more time than ctest's default.
ctest --output-on-failure -j "$jobs" --timeout 900 "${selection[@]}"
