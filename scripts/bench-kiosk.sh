#!/usr/bin/env bash
# The kiosk's first frame, peak memory over every screen, cross-fade frames and idle CPU, printed beside a
# Chromium kiosk measured in the same run (Debian's chromium, installed here when missing and possible);
# figures and ratios only, never a verdict. Writes BUILD/bench/results.json and results.md (README's table).
# usage: scripts/bench-kiosk.sh BUILD_DIR   (RUNS=9 interleaved start-ups a size, IDLE_S=20 s an idle measurement)
set -euo pipefail

if [ ! -d "${1:-build}" ]; then
  echo "bench-kiosk: no build folder ${1:-build}; build first (make build)" >&2
  exit 1
fi
build="$(cd "${1:-build}" && pwd)"
repo="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -x "$build/bin/kiosk" ] || [ ! -x "$build/bin/kioskctl" ]; then
  echo "bench-kiosk: $build/bin/kiosk or kioskctl is missing; build first (make build)" >&2
  exit 1
fi
cmake --build "$build" --target bench_frames >/dev/null

# Chromium (the comparison) and valgrind (instructions a frame) are the benchmark's own needs, never the
# tests'. Installed when missing and this user may; otherwise the figures say what was left out.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v valgrind >/dev/null || missing+=(valgrind)
note=""
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if command -v apt-get >/dev/null &&
    $sudo apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}" >"$build/bench-apt.log" 2>&1; then
    echo "bench-kiosk: installed ${missing[*]}"
  else
    note="(apt-get install ${missing[*]} failed or is not allowed here: see $build/bench-apt.log)"
  fi
fi

# A one-slide pack whose slide stays 60 s (the longest a pack may ask), longer than the idle measurement.
static_pack="$build/bench/static-pack"
rm -rf "$static_pack"
mkdir -p "$build/bench"
cp -R "$repo/content-pack/stop-torture" "$static_pack"
python3 - "$static_pack/attract.toml" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
first, second = text.find("[[slide]]"), text.find("[[slide]]", text.find("[[slide]]") + 1)
slide = text[first:second if second > 0 else len(text)]
open(path, "w", encoding="utf-8").write(re.sub(r"(?m)^duration_s = \d+", "duration_s = 60", slide))
PY
if ! "$build/bin/kiosk" validate "$static_pack" >"$build/bench/static-pack.log" 2>&1; then
  cat "$build/bench/static-pack.log" >&2
  echo "bench-kiosk: the one-slide pack in $static_pack does not validate" >&2
  exit 1
fi

STATIC_PACK="$static_pack" CHROMIUM_NOTE="$note" python3 "$repo/scripts/bench/kiosk.py" "$build" "$repo"
