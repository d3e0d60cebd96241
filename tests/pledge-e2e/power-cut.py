# Killing the kiosk at any moment loses no acknowledged pledge and never damages the database: a script signs
# pledge after pledge and is killed with SIGKILL at a random moment, many times over on one data_dir.
#
# The moments are taken from what the kiosk has done, not from the wall clock alone, so a slow machine (a loaded
# CI runner, arm64 under emulation) tests the same thing as a fast one: most runs are killed at a random moment
# after their first acknowledged pledge, while signing; every fourth is killed at a random moment of its
# start-up (opening or making the database, before it could acknowledge anything).
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time

from kiosk_e2e import SAVED_LINE, CheckFailed, KioskSetup, check, headless_environment, main, sign_lines

KILLS = 20
START_UP_EVERY = 4  # every fourth run is killed during start-up
SIGNUPS_PER_RUN = 4000  # far more than a run signs before its kill (about 400 a second on an idle machine)
FIRST_PLEDGE_LIMIT_S = 60  # a run that acknowledges nothing in this long is a failure, not a slow machine


def run_and_kill(setup, script, delay_s, after_first_pledge, log_path):
    """Starts kiosk play and reads its pledge-saved lines; SIGKILLs it `delay_s` after the start or, with
    `after_first_pledge`, `delay_s` after its first pledge-saved line. Returns (uuids printed before the kill,
    whether the run was still going when killed, whether a first pledge was waited for and never came)."""
    started = time.monotonic()
    with open(log_path, "wb") as log:  # the kiosk's own log, shown if a check of this run fails
        process = subprocess.Popen(setup.play_command(script), stdout=subprocess.PIPE, stderr=log,
                                   env=headless_environment())
    fd = process.stdout.fileno()
    output = b""
    kill_at = None if after_first_pledge else started + delay_s
    never_signed = False
    while True:
        now = time.monotonic()
        if kill_at is None and b"pledge-saved " in output:
            kill_at = now + delay_s
        if kill_at is None and now - started > FIRST_PLEDGE_LIMIT_S:
            never_signed = True
            break
        left = (kill_at if kill_at is not None else started + FIRST_PLEDGE_LIMIT_S) - now
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
    return uuids, killed, never_signed


def check_database(setup, acknowledged, round_number):
    """Opens pledges.db as the kiosk does at start (read-write, replaying the WAL) and checks it."""
    db = sqlite3.connect(setup.db_path())
    try:
        verdict = [row[0] for row in db.execute("PRAGMA integrity_check")]
        check(verdict == ["ok"], f"[kill {round_number}] PRAGMA integrity_check says ok", verdict)
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "pledges" not in tables:
            # Killed while the very first start made the database: its schema comes in one transaction, and
            # nothing can have been acknowledged before it.
            check(not acknowledged, f"[kill {round_number}] a database without its schema acknowledged nothing",
                  f"{len(acknowledged)} acknowledged, tables {sorted(tables)}")
            return 0
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
        during_start_up = round_number % START_UP_EVERY == 1
        delay = rng.uniform(0.05, 1.0) if during_start_up else rng.uniform(0.0, 1.5)
        log_path = setup.root / f"kiosk-{round_number}.log"
        uuids, killed, never_signed = run_and_kill(setup, script, delay, after_first_pledge=not during_start_up,
                                                   log_path=log_path)
        moment = "of start-up" if during_start_up else "after its first pledge"
        # Printed before the checks, so that a log cut short still names the run that failed.
        print(f"kill {round_number:2d} {delay * 1000:4.0f} ms {moment:22s}: {len(uuids):3d} acknowledged this run",
              flush=True)
        try:
            count = check_round(setup, round_number, never_signed, uuids, acknowledged, count)
        except CheckFailed as failure:
            print(f"FAILED: {failure}", flush=True)  # on stdout too, beside the run's lines
            tail = log_path.read_text(errors="replace").splitlines()[-15:] or ["(nothing)"]
            print(f"the kiosk's last log lines in run {round_number}:", *tail, sep="\n  ", flush=True)
            raise
        mid_run += killed
    check(mid_run == KILLS, "every run was still signing when it was killed (else the script is too short)",
          f"{mid_run} of {KILLS}")
    check(setup.status_total() == count, "kioskctl status counts every stored pledge")
    print(f"{KILLS} kills: {len(acknowledged)} acknowledged pledges all stored ({count} in the database), "
          "integrity ok every time")


def check_round(setup, round_number, never_signed, uuids, acknowledged, count):
    """The checks after one kill; returns the number of pledges stored."""
    check(not never_signed, f"[kill {round_number}] the run acknowledged a pledge within "
          f"{FIRST_PLEDGE_LIMIT_S} s of its start")
    acknowledged.update(uuids)
    check(setup.db_path().exists() or not acknowledged, f"[kill {round_number}] pledges.db exists")
    if setup.db_path().exists():
        count = check_database(setup, acknowledged, round_number)
    # A kill before the kiosk got as far as making its data folder leaves nothing to look at.
    aside = [p.name for p in setup.data_dir.iterdir() if ".corrupt-" in p.name] if setup.data_dir.exists() else []
    check(not aside, f"[kill {round_number}] no database was moved aside as damaged", aside)
    print(f"        {count} stored in all", flush=True)
    return count


if __name__ == "__main__":
    sys.exit(main(test))
