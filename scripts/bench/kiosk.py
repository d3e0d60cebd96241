#!/usr/bin/env python3
"""The kiosk's figures beside a Chromium kiosk's, measured in the same run (scripts/bench-kiosk.sh runs this):
first frame (kiosk and Chromium interleaved), peak memory over a visit of every screen, cross-fade frame time
and instructions, idle CPU. Prints figures and ratios, writes BUILD/bench/results.json and results.md; never a
verdict. usage: kiosk.py BUILD_DIR REPO_DIR"""
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from pathlib import Path

build, repo = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
kiosk, kioskctl = build / "bin" / "kiosk", build / "bin" / "kioskctl"
pack = repo / "content-pack" / "stop-torture"
out = build / "bench"
out.mkdir(parents=True, exist_ok=True)
RUNS = int(os.environ.get("RUNS", "9"))
IDLE_S = float(os.environ.get("IDLE_S", "20"))
SIZES = [(800, 480), (1920, 1080)]
headless_env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
results = {"machine": {}, "first_frame_ms": {}, "memory_mib": {}, "frames": {}, "idle_cpu": {}}
rows = []  # (what, command, kiosk, chromium, ratio) for the Markdown table


def mib(kib):
    return kib / 1024


def size_name(size):
    return f"{size[0]}x{size[1]}"


# --- the machine ---------------------------------------------------------------------------------------------
cpu = "unknown CPU"
with open("/proc/cpuinfo") as f:
    for line in f:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
commit = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True,
                        text=True).stdout.strip()
results["machine"] = {"cpu": cpu, "cores": os.cpu_count(), "load": open("/proc/loadavg").read().split()[:3],
                      "kernel": platform.release(), "commit": commit,
                      "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
print(f"machine: {cpu}, {os.cpu_count()} cores, load average {' '.join(results['machine']['load'])}, "
      f"commit {commit}")

# --- process memory ------------------------------------------------------------------------------------------


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(root):
    """root and every process below it (Chromium's zygote and renderers are its children's children)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


class PssSampler:
    """Samples the PSS summed over a process tree every `interval` s while it runs; keeps the largest."""

    def __init__(self, pid, interval, tree=False):
        self.pid, self.interval, self.tree, self.peak, self.samples = pid, interval, tree, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            pids = descendants(self.pid) if self.tree else [self.pid]
            self.peak = max(self.peak, sum(pss_kib(p) for p in pids))
            self.samples += 1
            self._stop.wait(self.interval)

    def stop(self):
        self._stop.set()
        self._thread.join()
        return self.peak


# --- Chromium --------------------------------------------------------------------------------------------------
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
chromium_note = os.environ.get("CHROMIUM_NOTE", "")
if not chromium:
    print(f"Chromium: not installed, so the kiosk's figures are shown alone. {chromium_note}".strip())
else:
    version = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
    results["machine"]["chromium"] = version
    print(f"Chromium: {version}")


def slide_page(size):
    """An HTML page showing the pack's first attract slide as the kiosk lays it out: picture, title, text and
    the touch-to-begin pill, in the pack's colours and fonts."""
    manifest = tomllib.loads((pack / "pack.toml").read_text(encoding="utf-8"))
    slide = tomllib.loads((pack / "attract.toml").read_text(encoding="utf-8"))["slide"][0]
    theme = manifest.get("theme", {})
    touch = manifest.get("ui", {}).get("touch_to_begin", {}).get("en", "Touch to begin")
    w, h = size
    page = out / f"chromium-slide-{size_name(size)}.html"
    page.write_text(f"""<!doctype html><html lang="en"><meta charset="utf-8"><style>
html,body{{margin:0;width:{w}px;height:{h}px;overflow:hidden;background:{theme.get('background', '#fff')};
color:{theme.get('text', '#111')};font-family:'{theme.get('fonts', {}).get('latin', 'Noto Sans')}',sans-serif}}
main{{display:flex;gap:{w // 40}px;padding:{h // 12}px {w // 24}px;align-items:center;height:{h * 3 // 4}px;
box-sizing:border-box}}
img{{width:{w * 2 // 5}px;height:{h * 3 // 5}px;object-fit:contain}}
h1{{font-size:{h // 12}px;margin:0 0 {h // 40}px}} p{{font-size:{h // 20}px;line-height:1.35;margin:0}}
.pill{{position:absolute;left:50%;bottom:{h // 16}px;transform:translateX(-50%);background:{theme.get('accent', '#fe0')};
color:{theme.get('accent_text', '#111')};border-radius:{h}px;padding:{h // 60}px {w // 30}px;font-size:{h // 22}px;
font-weight:bold}}</style>
<main><img src="{(pack / slide['image']).as_uri()}" alt=""><div><h1>{slide['title']['en']}</h1>
<p>{slide['text']['en']}</p></div></main><div class="pill">{touch}</div></html>
""", encoding="utf-8")
    return page


def chromium_args(size, profile):
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
            f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}", "--hide-scrollbars"]


def chromium_first_screenshot(size):
    """Seconds from exec to exit after its first screenshot of the slide, with a fresh profile."""
    with tempfile.TemporaryDirectory(prefix="bench-chromium-") as profile:
        shot = Path(profile) / "shot.png"
        start = time.perf_counter()
        run = subprocess.run(chromium_args(size, profile) + [f"--screenshot={shot}", slide_page(size).as_uri()],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        wall = time.perf_counter() - start
        if run.returncode != 0 or not shot.exists():
            raise RuntimeError(f"chromium exited {run.returncode} without a screenshot")
        return wall


def chromium_memory(size, seconds=6.0):
    """Peak PSS summed over Chromium's processes while it shows the slide (sampled every 0.25 s)."""
    with tempfile.TemporaryDirectory(prefix="bench-chromium-") as profile:
        child = subprocess.Popen(chromium_args(size, profile) + [slide_page(size).as_uri()],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        sampler = PssSampler(child.pid, 0.25, tree=True)
        time.sleep(seconds)
        peak = sampler.stop()
        processes = len(descendants(child.pid))
        os.killpg(child.pid, signal.SIGTERM)
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        return peak, processes


# --- the kiosk -----------------------------------------------------------------------------------------------
def kiosk_first_frame(size):
    """Wall seconds from exec to exit after the first frame, and the CPU seconds (user + system, from wait4)
    the kiosk spent: on a loaded machine the wall figure mostly measures waiting for a core."""
    args = [str(kiosk), "--headless", "--size", size_name(size), "--exit-after", "0", "--content", str(pack)]
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=headless_env, text=True)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"bench-kiosk: {' '.join(args)} exited {code}: {stderr}")
    if f" {size_name(size)}\n" not in stderr:
        sys.exit(f"bench-kiosk: the kiosk did not draw at {size_name(size)}: {stderr}")
    return wall, usage.ru_utime + usage.ru_stime


def kiosk_first_frame_instructions(size):
    """Instructions from exec to exit after the first frame (callgrind, dynamic loading included), or None
    without valgrind. Unlike time, this does not move with the machine's load."""
    if not shutil.which("valgrind"):
        return None
    with tempfile.TemporaryDirectory(prefix="bench-callgrind-") as work:
        grind = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={work}/callgrind.out",
                                str(kiosk), "--headless", "--size", size_name(size), "--exit-after", "0",
                                "--content", str(pack)], capture_output=True, text=True, env=headless_env)
        collected = re.search(r"Collected : (\d+)", grind.stderr)
        return int(collected.group(1)) if collected else None


def summary(values):
    return statistics.median(values), min(values), max(values)


ff_cmd = "kiosk --headless --size {} --exit-after 0"
for size in SIZES:
    kiosk_first_frame(size)  # warm the page cache and fontconfig's cache
    kiosk_times, kiosk_cpu, chromium_times = [], [], []
    if chromium:
        try:
            chromium_first_screenshot(size)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            print(f"Chromium could not take a screenshot ({error}); the kiosk's figures are shown alone")
            chromium = None
    for _ in range(RUNS):  # interleaved, so both see the same load
        wall, cpu_s = kiosk_first_frame(size)
        kiosk_times.append(wall)
        kiosk_cpu.append(cpu_s)
        if chromium:
            chromium_times.append(chromium_first_screenshot(size))
    k = summary(kiosk_times)
    cpu_median = statistics.median(kiosk_cpu)
    instructions = kiosk_first_frame_instructions(size)
    entry = {"kiosk_median": k[0] * 1000, "kiosk_min": k[1] * 1000, "kiosk_max": k[2] * 1000, "runs": RUNS,
             "kiosk_cpu_median": cpu_median * 1000}
    if instructions:
        entry["kiosk_instructions"] = instructions
    line = (f"first frame at {size_name(size)}, {RUNS} interleaved runs: kiosk median {k[0] * 1000:.0f} ms "
            f"({k[1] * 1000:.0f}-{k[2] * 1000:.0f}), CPU {cpu_median * 1000:.0f} ms" +
            (f", {instructions / 1e6:.0f} million instructions (callgrind)" if instructions else ""))
    chromium_cell, ratio_cell = "not measured", ""
    if chromium_times:
        c = summary(chromium_times)
        entry.update(chromium_median=c[0] * 1000, chromium_min=c[1] * 1000, chromium_max=c[2] * 1000,
                     ratio=c[0] / k[0])
        line += f"; Chromium to its first screenshot {c[0] * 1000:.0f} ms ({c[1] * 1000:.0f}-{c[2] * 1000:.0f}): " \
                f"{c[0] / k[0]:.1f}x longer"
        chromium_cell, ratio_cell = f"{c[0] * 1000:.0f} ms", f"{c[0] / k[0]:.1f}x"
    print(line)
    results["first_frame_ms"][size_name(size)] = entry
    rows.append((f"first frame, {size_name(size)}, median of {RUNS} (min-max); CPU; instructions",
                 f"`{ff_cmd.format(size_name(size))}`",
                 f"**{k[0] * 1000:.0f} ms** ({k[1] * 1000:.0f}-{k[2] * 1000:.0f}); CPU {cpu_median * 1000:.0f} ms" +
                 (f"; {instructions / 1e6:.0f} M instructions" if instructions else ""), chromium_cell, ratio_cell))


def visit_setup(root):
    """A kiosk folder with a coordinator key, a PIN hash and kiosk.toml, as a real kiosk has."""
    (root / "data").mkdir(parents=True)
    keygen = subprocess.run([str(kioskctl), "keygen", str(root / "coordinator.key")], capture_output=True,
                            text=True, check=True).stdout
    public = re.search(r"^public-key: (\S+)$", keygen, re.M).group(1)
    pin_hash = subprocess.run([str(kioskctl), "pin"], input="1234\n", capture_output=True, text=True,
                              check=True).stdout.strip()
    config = root / "kiosk.toml"
    config.write_text(f'kiosk_id = "bench"\ncontent = "{pack}"\ndata_dir = "{root / "data"}"\n'
                      f'admin_pin_hash = "{pin_hash}"\ncoordinator_public_key = "{public}"\n')
    script = root / "visit.play"
    script.write_text(subprocess.run([sys.executable, str(Path(__file__).with_name("visit.py")), str(pack), "1234"],
                                     capture_output=True, text=True, check=True).stdout)
    return config, script


def visit_memory(size):
    """Peak PSS (sampled every 10 ms) and peak RSS (wait4) of `kiosk play` visiting every screen in every
    language."""
    with tempfile.TemporaryDirectory(prefix="bench-visit-") as work:
        config, script = visit_setup(Path(work))
        args = [str(kiosk), "play", str(script), "--config", str(config), "--size", size_name(size)]
        log = Path(work) / "play.out"
        with open(log, "w") as sink:
            child = subprocess.Popen(args, stdout=sink, stderr=subprocess.STDOUT, env=headless_env)
            sampler = PssSampler(child.pid, 0.01)
            _, status, usage = os.wait4(child.pid, 0)
            peak = sampler.stop()
        output = log.read_text()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"bench-kiosk: the visit failed at {size_name(size)}: {output[-2000:]}")
        return peak, usage.ru_maxrss, output.count("pledge-saved "), len(script.read_text().splitlines())


visit_cmd = "kiosk play visit.play --config kiosk.toml --size {}"
for size in SIZES:
    peak, rss, signed, steps = visit_memory(size)
    entry = {"kiosk_visit_peak_pss": mib(peak), "kiosk_visit_peak_rss": mib(rss), "pledges_signed": signed,
             "script_lines": steps}
    line = (f"memory at {size_name(size)}: a visit of every screen in every language ({steps} steps, {signed} "
            f"pledges signed, the admin PIN entered) peaks at {mib(peak):.1f} MiB PSS (sampled every 10 ms), "
            f"{mib(rss):.1f} MiB RSS (the kernel's peak)")
    chromium_cell, ratio_cell = "not measured", ""
    if chromium:
        c_peak, processes = chromium_memory(size)
        entry.update(chromium_one_slide_pss=mib(c_peak), chromium_processes=processes,
                     ratio=c_peak / peak)
        line += f"; Chromium showing one slide: {mib(c_peak):.0f} MiB PSS over {processes} processes, " \
                f"{c_peak / peak:.1f}x more"
        chromium_cell, ratio_cell = f"{mib(c_peak):.0f} MiB PSS (one slide, {processes} processes)", \
            f"{c_peak / peak:.1f}x"
    print(line)
    results["memory_mib"][size_name(size)] = entry
    rows.append((f"peak memory, {size_name(size)}: every screen, 4 languages, {signed} pledges signed, PIN entered",
                 f"`{visit_cmd.format(size_name(size))}` (scripts/bench/visit.py writes visit.play)",
                 f"**{mib(peak):.1f} MiB PSS** ({mib(rss):.1f} MiB peak RSS)", chromium_cell, ratio_cell))

# --- cross-fade frames -----------------------------------------------------------------------------------------
bench_frames = build / "bin" / "bench_frames"
frame_size = "1920x1080"
run = subprocess.run([str(bench_frames), str(pack), frame_size, "300"], capture_output=True, text=True,
                     env=headless_env)
found = re.search(r"median ([\d.]+) p99 ([\d.]+) worst ([\d.]+)", run.stdout)
if run.returncode != 0 or not found:
    sys.exit(f"bench-kiosk: bench_frames failed: {run.stdout}{run.stderr}")
median, p99, worst = map(float, found.groups())
frames = {"size": frame_size, "frames": 300, "cpu_ms_median": median, "cpu_ms_p99": p99, "cpu_ms_worst": worst}
instructions = None
if shutil.which("valgrind"):
    counted = 20
    with tempfile.TemporaryDirectory(prefix="bench-callgrind-") as work:
        grind = subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=bench_fade_frame",
                                f"--callgrind-out-file={work}/callgrind.out", str(bench_frames), str(pack),
                                frame_size, str(counted)], capture_output=True, text=True, env=headless_env)
        collected = re.search(r"Collected : (\d+)", grind.stderr)
        # callgrind counts every call, the warm-up's too: divide by the calls bench_frames reports.
        calls = re.search(r"bench_fade_frame called (\d+) times", grind.stdout)
        if collected and calls:
            instructions = int(collected.group(1)) / int(calls.group(1))
            frames["instructions_per_frame"] = instructions
print(f"cross-fade frames at {frame_size}, software renderer, 300 frames: CPU a frame median {median:.2f} ms, "
      f"p99 {p99:.2f} ms, worst {worst:.2f} ms" +
      (f"; {instructions / 1e6:.1f} million instructions a frame (callgrind)" if instructions else
       "; instructions not counted (no valgrind: apt-get install valgrind)"))
results["frames"] = frames
rows.append((f"cross-fade frame, {frame_size}, software renderer: CPU median / p99 / worst",
             f"`bench_frames content-pack/stop-torture {frame_size} 300`",
             f"**{median:.1f} / {p99:.1f} / {worst:.1f} ms**", "", ""))
if instructions:
    rows.append((f"cross-fade frame, {frame_size}: instructions", "`valgrind --tool=callgrind "
                 "--toggle-collect=bench_fade_frame bench_frames ... 20`", f"**{instructions / 1e6:.1f} M**", "", ""))


# --- idle CPU ------------------------------------------------------------------------------------------------
def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_cpu(args, env):
    child = subprocess.Popen([str(kiosk), *args, "--exit-after", str(IDLE_S)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2)
    cpu0, t0 = cpu_seconds(child.pid), time.perf_counter()
    time.sleep(IDLE_S - 2.5)
    cpu1, t1 = cpu_seconds(child.pid), time.perf_counter()
    if child.wait() != 0:
        sys.exit(f"bench-kiosk: kiosk {' '.join(args)} exited with {child.returncode}")
    return (cpu1 - cpu0) / (t1 - t0) * 60


static_pack = Path(os.environ["STATIC_PACK"])
headless = ["--headless", "--size", "800x480"]
for label, args in [("attract loop, dummy video", [*headless, "--content", str(pack)]),
                    ("one static slide, dummy video", [*headless, "--content", str(static_pack)])]:
    per_minute = idle_cpu(args, headless_env)
    results["idle_cpu"][label] = per_minute
    print(f"idle CPU, {label}: {per_minute:.2f} CPU s a minute ({per_minute / 60 * 100:.2f}% of a core)")
    rows.append((f"idle CPU, {label}, 800x480", f"`kiosk {' '.join(headless)} --exit-after {IDLE_S:g}`",
                 f"{per_minute:.2f} CPU s a minute", "", ""))

# --- results -------------------------------------------------------------------------------------------------
(out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
m = results["machine"]
table = [f"Measured {m['date']} at commit {m['commit']} on {m['cpu']} ({m['cores']} cores, load average "
         f"{' '.join(m['load'])}){', ' + m['chromium'] if 'chromium' in m else ', Chromium not installed'}; "
         f"`make bench` (scripts/bench-kiosk.sh build).", "",
         "| what | command | kiosk | Chromium, same first slide, same run | Chromium / kiosk |",
         "|---|---|---|---|---|"]
table += [f"| {' | '.join(row)} |" for row in rows]
(out / "results.md").write_text("\n".join(table) + "\n")
print(f"wrote {out / 'results.json'} and {out / 'results.md'}")
