# Killing the kiosk at any moment loses no acknowledged pledge and never damages the database: a script signs
# pledge after pledge and is killed with SIGKILL at a random moment, many times over on one data_dir.
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time

from kiosk_e2e import SAVED_LINE, KioskSetup, check, headless_environment, main, sign_lines

KILLS = 20  # about 21 s on average (a random 50 ms to 2 s each), so not labelled slow
SIGNUPS_PER_RUN = 4000  # far more than a run signs in 2 s (about 400 a second in a release build on an idle
# machine since the text measurements are kept): kills land mid-run


def run_and_kill(setup, script, delay_s):
    """Starts kiosk play, reads its pledge-saved lines until `delay_s` after the start, then SIGKILLs it.
    Returns (uuids printed before the kill, whether the run was still going when killed)."""
    started = time.monotonic()
    process = subprocess.Popen(setup.play_command(script), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=headless_environment())
    fd = process.stdout.fileno()
    output = b""
    while True:
        left = started + delay_s - time.monotonic()
        if left <= 0:
            break
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break  # the run ended by itself
            output += chunk
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    # Whatever is still in the pipe was printed before the kill, so it counts too.
    while chunk := os.read(fd, 65536):
        output += chunk
    process.wait()
    process.stdout.close()
    uuids = []
    for line in output.decode(errors="replace").splitlines():
        if line.startswith("pledge-saved"):
            found = SAVED_LINE.match(line)
            if found:  # a line cut by the kill was never a complete acknowledgement
                uuids.append(found.group(1))
    return uuids, killed


def check_database(setup, acknowledged, round_number):
    """Opens pledges.db as the kiosk does at start (read-write, replaying the WAL) and checks it."""
    db = sqlite3.connect(setup.db_path())
    try:
        verdict = [row[0] for row in db.execute("PRAGMA integrity_check")]
        check(verdict == ["ok"], f"[kill {round_number}] PRAGMA integrity_check says ok", verdict)
        stored = {row[0] for row in db.execute("SELECT uuid FROM pledges")}
        missing = acknowledged - stored
        check(not missing, f"[kill {round_number}] every uuid printed as pledge-saved is in pledges.db",
              sorted(missing))
        count, highest = db.execute("SELECT count(*), coalesce(max(sequence), 0) FROM pledges").fetchone()
        counter = db.execute("SELECT value FROM meta WHERE key = 'sequence'").fetchone()[0]
        check(count == highest == counter,
              f"[kill {round_number}] sequences run 1..N without gaps and the counter is N (a pledge is all or "
              "nothing)", f"{count} pledges, highest sequence {highest}, counter {counter}")
        signers = db.execute("SELECT count(*) FROM signers").fetchone()[0]
        check(signers == count, f"[kill {round_number}] one signer hash a pledge, written in the same transaction",
              f"{signers} signer hashes, {count} pledges")
        return count
    finally:
        db.close()


def test(args, setups):
    setup = KioskSetup(args, "power-cut")
    setups.append(setup)
    seed = int(os.environ.get("POWER_CUT_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    print(f"power-cut seed {seed} (set POWER_CUT_SEED to repeat)")
    acknowledged = set()
    mid_run = 0
    count = 0
    for round_number in range(1, KILLS + 1):
        lines = []
        for i in range(SIGNUPS_PER_RUN):
            lines += sign_lines(f"Cut Signer {round_number}-{i}", f"cut.{round_number}.{i}@example.my",
                                from_home=i > 0)
            lines.append("tap done")
        script = setup.script(f"signups-{round_number}.play", lines)
        delay = rng.uniform(0.05, 2.0)
        uuids, killed = run_and_kill(setup, script, delay)
        mid_run += killed
        acknowledged.update(uuids)
        check(setup.db_path().exists() or not acknowledged, f"[kill {round_number}] pledges.db exists")
        if setup.db_path().exists():
            count = check_database(setup, acknowledged, round_number)
        # A kill before the kiosk got as far as making its data folder leaves nothing to look at.
        aside = [p.name for p in setup.data_dir.iterdir() if ".corrupt-" in p.name] if setup.data_dir.exists() else []
        check(not aside, f"[kill {round_number}] no database was moved aside as damaged", aside)
        print(f"kill {round_number:2d} after {delay * 1000:4.0f} ms: {len(uuids):2d} acknowledged this run, "
              f"{count} stored in all")
    check(mid_run == KILLS, "every run was still signing when it was killed (else the script is too short)",
          f"{mid_run} of {KILLS}")
    check(len(acknowledged) > KILLS, "the runs together acknowledged pledges (the kills were not all too early)",
          len(acknowledged))
    check(setup.status_total() == count, "kioskctl status counts every stored pledge")
    print(f"{KILLS} kills: {len(acknowledged)} acknowledged pledges all stored ({count} in the database), "
          "integrity ok every time")


if __name__ == "__main__":
    sys.exit(main(test))
