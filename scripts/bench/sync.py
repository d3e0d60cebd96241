#!/usr/bin/env python3
"""Adds the coordinator's figures (bench_sync's output in BENCH_DIR/sync.txt) to BENCH_DIR/results.json and
a table to BENCH_DIR/results.md, beside the kiosk's (scripts/bench-sync.sh runs this). Figures only.
usage: sync.py BENCH_DIR LOAD_AVERAGE"""
import json
import re
import sys
from pathlib import Path

out, load = Path(sys.argv[1]), sys.argv[2]
text = (out / "sync.txt").read_text()
figures = {"load": load.split()}
rows = []

commit = re.search(r"(\d+) commits, median ([\d.]+) ms, p99 ([\d.]+) ms, worst ([\d.]+) ms, CPU ([\d.]+) ms", text)
if commit:
    n, median, p99, worst, cpu = commit.groups()
    figures["commit_ms"] = {"commits": int(n), "median": float(median), "p99": float(p99), "worst": float(worst),
                            "cpu": float(cpu)}
    rows.append((f"pledge commit through the store, on disk, {n} commits: median / p99 / worst; CPU a commit",
                 "`scripts/bench-sync.sh build` (commit phase)",
                 f"**{median} / {p99} / {worst} ms**; CPU {cpu} ms", "figure only"))

for key, label, pattern, target in [
        ("import", "import of the pledges into a coordinator database",
         r"coordinator import: imported (\d+) new.*?, ([\d.]+) s \(CPU ([\d.]+) s\), peak RSS (\d+) MiB",
         "< 3 s, < 100 MiB"),
        ("csv", "CSV export of the pledges, one file an action",
         r"coordinator CSV export: (\d+) rows.*?, ([\d.]+) s \(CPU ([\d.]+) s\), peak RSS (\d+) MiB",
         "< 1.5 s, < 100 MiB")]:
    found = re.search(pattern, text)
    if not found:
        continue
    count, wall, cpu, peak = found.groups()
    figures[key] = {"pledges": int(count), "wall_s": float(wall), "cpu_s": float(cpu), "peak_rss_mib": int(peak)}
    rows.append((f"{label}: {int(count):,}", f"`scripts/bench-sync.sh build` ({key} phase)",
                 f"**{wall} s** (CPU {cpu} s), peak {peak} MiB RSS", target))

results_path = out / "results.json"
results = json.loads(results_path.read_text()) if results_path.exists() else {}
results["coordinator"] = figures
results_path.write_text(json.dumps(results, indent=2) + "\n")
table = ["", f"Coordinator (`scripts/bench-sync.sh build`, load average {load}; wall time moves with the "
         "load, CPU time much less):", "", "| what | command | figure | target |", "|---|---|---|---|"]
table += [f"| {' | '.join(row)} |" for row in rows]
md = out / "results.md"
previous = md.read_text() if md.exists() else ""
previous = previous.split("\nCoordinator (")[0].rstrip("\n") + "\n" if previous else ""
md.write_text(previous + "\n".join(table) + "\n")
print(f"bench-sync: added the coordinator's figures to {results_path} and {md}")
