# Nothing a signer types reaches the kiosk's disk in clear: every byte of every file in data_dir (database,
# write-ahead log, shared memory, keys) is searched while a kiosk still holds the database, and again after.
import sys

from kiosk_e2e import KioskSetup, check, main, saved_uuids, sign_lines
from live_play import LivePlay

NAME = "Zyxwv Plaintextname"
EMAIL_TYPED = "Zyxwv.Unique@Example.MY"
PHONE_TYPED = "+60 12-345 6789"
# Every form the values could take on the way to disk: as typed, normalised, lower-cased, in parts.
NEEDLES = [NAME, "Plaintextname", EMAIL_TYPED, "Zyxwv.Unique@example.my", "zyxwv.unique@example.my",
           "zyxwv.unique", PHONE_TYPED, "+60123456789", "60123456789", "12-345 6789"]
# Matched in any letter case (a stray copy of the name or e-mail in some other casing is still a leak).
CASELESS = ["zyxwv", "plaintextname", "example.my"]


def leaks(setup):
    """(file, needle) for each value found in any file under data_dir; also the files searched."""
    found = []
    files = sorted(p for p in setup.data_dir.rglob("*") if p.is_file())
    for path in files:
        data = path.read_bytes()
        lowered = data.lower()
        found += [(path.name, n) for n in NEEDLES if n.encode() in data]
        found += [(path.name, n) for n in CASELESS if n.encode() in lowered]
    return found, [p.name for p in files]


def test(args, setups):
    setup = KioskSetup(args, "no-plaintext")
    setups.append(setup)
    live = LivePlay(setup, "sign-and-hold.play")
    try:
        live.send(sign_lines(NAME, EMAIL_TYPED, phone=PHONE_TYPED, state="sabah", updates=True) + ["wait 5000"])
        line = live.read_until(lambda l: l.startswith("pledge-saved "), "a pledge-saved line")
        uuid = line.split()[1]

        # The kiosk is still running, blocked on its next script line: its database is open.
        check(live.process.poll() is None, "the kiosk is still running during the first search")
        found, files = leaks(setup)
        for expected in ["pledges.db", "pledges.db-wal", "pledges.db-shm", "signer-key"]:
            check(expected in files, f"{expected} is among the files searched while the kiosk runs", files)
        check((setup.data_dir / "pledges.db-wal").stat().st_size > 0,
              "the write-ahead log holds the new pledge while the kiosk runs")
        check(not found, "no typed value is on disk while the kiosk holds the database", found)
        check(uuid in setup.stored_uuids(), "the saved pledge is readable while the kiosk runs")

        live.send(["expect screen thanks"])
        status = live.finish()
        check(status == 0, f"kiosk play exits 0 after the search (it exited {status})", live.stderr())
    finally:
        live.close()

    check(saved_uuids(live.stdout) == [uuid], "exactly one pledge-saved line", live.stdout)
    found, files = leaks(setup)
    check("pledges.db" in files, "pledges.db is searched after the kiosk ends", files)
    check(not found, "no typed value is on disk after the kiosk ends", found)
    printed = live.stdout + live.stderr()
    check(not [n for n in NEEDLES if n in printed], "the kiosk prints nothing typed", printed)
    print(f"searched {', '.join(files)} for {len(NEEDLES) + len(CASELESS)} forms of the typed values, "
          "during and after the run: none found")


if __name__ == "__main__":
    sys.exit(main(test))
