#!/usr/bin/env bash
# The kiosk's start-up time, memory and idle CPU, printed as figures beside a Chromium kiosk's; never a verdict.
# usage: scripts/bench-kiosk.sh BUILD_DIR   (RUNS=10 start-ups, IDLE_S=20 seconds an idle measurement, at most 59)
set -euo pipefail

if [ ! -d "${1:-build}" ]; then
  echo "bench-kiosk: no build folder ${1:-build}; build first (make build)" >&2
  exit 1
fi
build="$(cd "${1:-build}" && pwd)"
repo="$(cd "$(dirname "$0")/.." && pwd)"
kiosk="$build/bin/kiosk"
if [ ! -x "$kiosk" ]; then
  echo "bench-kiosk: $kiosk is missing; build first (make build)" >&2
  exit 1
fi

# A one-slide pack whose slide stays 60 s (the longest a pack may ask), longer than the measurement: the idle
# kiosk with nothing to animate at all.
static_pack="$build/bench/static-pack"
rm -rf "$static_pack"
mkdir -p "$build/bench"
cp -R "$repo/content-pack/stop-torture" "$static_pack"
python3 - "$static_pack/attract.toml" <<'EOF'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
first, second = text.find("[[slide]]"), text.find("[[slide]]", text.find("[[slide]]") + 1)
slide = text[first:second if second > 0 else len(text)]
open(path, "w", encoding="utf-8").write(re.sub(r"(?m)^duration_s = \d+", "duration_s = 60", slide))
EOF
if ! "$kiosk" validate "$static_pack" >"$build/bench/static-pack.log" 2>&1; then
  cat "$build/bench/static-pack.log" >&2
  echo "bench-kiosk: the one-slide pack in $static_pack does not validate" >&2
  exit 1
fi

export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
python3 - "$kiosk" "$repo/content-pack/stop-torture" "$static_pack" "${RUNS:-10}" "${IDLE_S:-20}" <<'EOF'
import os, shutil, statistics, subprocess, sys, time

kiosk, pack, static_pack, runs, idle_s = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
CHROMIUM_S, CHROMIUM_MIB = 0.69, 393  # docs: /work/shared/TOOLCHAIN.md, one comparable slide


def run(args, sample_at=None):
    """Runs the kiosk; returns wall seconds, CPU seconds, peak RSS (MiB) and PSS (MiB) sampled at `sample_at` s."""
    start = time.perf_counter()
    child = subprocess.Popen([kiosk, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pss = None
    if sample_at is not None:
        time.sleep(sample_at)
        try:
            with open(f"/proc/{child.pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss = int(line.split()[1]) / 1024
        except OSError:
            pass
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench-kiosk: kiosk {' '.join(args)} exited with {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, pss


first_frame = ["--headless", "--size", "800x480", "--exit-after", "0", "--content", pack]
run(first_frame)  # warm the page cache and fontconfig's cache
walls = [run(first_frame)[0] for _ in range(runs)]
median = statistics.median(walls)
print(f"start-up to first frame and exit (kiosk {' '.join(first_frame)}), {runs} runs:")
print(f"  median {median * 1000:.0f} ms (min {min(walls) * 1000:.0f}, max {max(walls) * 1000:.0f});"
      f" Chromium kiosk: {CHROMIUM_S * 1000:.0f} ms, {CHROMIUM_S / median:.1f}x slower")

_, _, peak, pss = run(["--headless", "--size", "800x480", "--exit-after", "5", "--content", pack], sample_at=3)
print("memory while showing the attract loop (800x480, PSS sampled at 3 s of 5):")
print(f"  peak RSS {peak:.1f} MiB, PSS {pss:.1f} MiB; Chromium kiosk: {CHROMIUM_MIB} MiB PSS"
      f" ({CHROMIUM_MIB / pss:.0f}x more)" if pss else f"  peak RSS {peak:.1f} MiB (PSS not readable)")


def cpu_seconds(pid):
    """utime + stime of a running process, from /proc/PID/stat (fields 14 and 15, after the command name)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_cpu(args, env=None):
    """CPU seconds once started: measured from 2 s after start to 0.5 s before exit, so start-up is left out."""
    child = subprocess.Popen([kiosk, *args, "--exit-after", str(idle_s)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2)
    cpu0, t0 = cpu_seconds(child.pid), time.perf_counter()
    time.sleep(idle_s - 2.5)
    cpu1, t1 = cpu_seconds(child.pid), time.perf_counter()
    if child.wait() != 0:
        sys.exit(f"bench-kiosk: kiosk {' '.join(args)} exited with {child.returncode}")
    return cpu1 - cpu0, t1 - t0


def report_idle(label, args, env=None):
    cpu, wall = idle_cpu(args, env)
    print(f"idle CPU, {label}, {wall:.1f} s untouched after start-up:")
    print(f"  {cpu:.2f} CPU s: {cpu / wall * 60:.2f} CPU s a minute ({cpu / wall * 100:.2f}% of a core)")


headless = ["--headless", "--size", "800x480"]
report_idle("attract loop (slides change every 6-11 s), dummy video", [*headless, "--content", pack])
report_idle("one static slide, dummy video", [*headless, "--content", static_pack])

# SDL's dummy driver cannot sleep until an event: it polls every millisecond. An X server shows the kiosk's own
# idle cost; Xvfb is used when installed (apt-get install xvfb), never required.
if shutil.which("Xvfb"):
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as display:
        number = display.readline().strip()
    try:
        env = dict(os.environ, DISPLAY=f":{number}", SDL_VIDEODRIVER="x11")
        windowed = ["--windowed", "--size", "800x480"]
        report_idle("attract loop, X11 window (Xvfb)", [*windowed, "--content", pack], env)
        report_idle("one static slide, X11 window (Xvfb)", [*windowed, "--content", static_pack], env)
    finally:
        xvfb.terminate()
        xvfb.wait()
else:
    print("idle CPU in an X11 window: skipped (no Xvfb; apt-get install xvfb to measure it)")
EOF
