# Shared set-up for the pledge end-to-end tests: a kiosk folder with real keys, PIN hash and config, and runs
# of the real `kiosk play` and `kioskctl` programs with the checks every test repeats.
import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import tomllib
import traceback
from pathlib import Path

PIN = "1234"
SAVED_LINE = re.compile(r"^pledge-saved ([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$")
SKIP = 77  # ctest's SKIP_RETURN_CODE for these tests


class CheckFailed(Exception):
    """One named check did not hold; its message says which and what was seen."""


def check(condition, what, detail=""):
    if not condition:
        raise CheckFailed(what + (f"\n  seen: {detail}" if detail else ""))


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kiosk", required=True, help="the kiosk program")
    parser.add_argument("--kioskctl", required=True, help="the kioskctl program")
    parser.add_argument("--pack", required=True, help="the content pack folder")
    parser.add_argument("--work", required=True, help="a folder under the build tree for temp folders")
    parser.add_argument("--plays", required=True, help="the folder of this test's .play scripts")
    return parser.parse_args()


def headless_environment():
    env = dict(os.environ)
    env["SDL_VIDEODRIVER"] = "dummy"
    env["SDL_AUDIODRIVER"] = "dummy"
    return env


def ui_text(pack, key, language="en"):
    """A string from the pack's [ui] table, so tests follow the pack's wording."""
    with open(Path(pack) / "pack.toml", "rb") as f:
        return tomllib.load(f)["ui"][key][language]


class KioskSetup:
    """A temp folder with a coordinator key pair (the secret half kept apart, as on a real kiosk), an admin PIN
    hash and kiosk.toml pointing data_dir inside it."""

    def __init__(self, args, name, with_key=True, data_dir=None, kiosk_id="e2e-kiosk", pack=None, coordinator=None):
        """`pack` overrides --pack; `coordinator` (another KioskSetup) shares its coordinator key pair, so one
        central database can import both kiosks' bundles."""
        self.args = args
        Path(args.work).mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=name + "-", dir=args.work))
        self.data_dir = Path(data_dir) if data_dir else self.root / "data"
        self.kiosk_id = kiosk_id
        self.secret_key = self.root / "coordinator" / "coordinator.key"
        self.secret_key.parent.mkdir()
        if coordinator:
            self.secret_key, self.public_key = coordinator.secret_key, coordinator.public_key
        else:
            keygen = self.ctl("keygen", str(self.secret_key))
            check(keygen.returncode == 0, "kioskctl keygen exits 0", keygen.stderr)
            found = re.search(r"^public-key: (\S+)$", keygen.stdout, re.M)
            check(found is not None, "kioskctl keygen prints `public-key: <base64>`", keygen.stdout)
            self.public_key = found.group(1)
        pin = self.ctl("pin", input=PIN + "\n")
        check(pin.returncode == 0 and pin.stdout.startswith("$argon2"), "kioskctl pin prints a hash", pin.stderr)
        self.pin_hash = pin.stdout.strip()
        self.config = self.root / "kiosk.toml"
        lines = [f'kiosk_id = "{kiosk_id}"', f'content = "{Path(pack or args.pack).resolve()}"',
                 f'data_dir = "{self.data_dir}"', f'admin_pin_hash = "{self.pin_hash}"']
        if with_key:
            lines.append(f'coordinator_public_key = "{self.public_key}"')
        self.config.write_text("\n".join(lines) + "\n")

    def ctl(self, *words, input=None):
        return subprocess.run([self.args.kioskctl, *words], input=input, capture_output=True, text=True,
                              timeout=60)

    def script(self, name, lines):
        path = self.root / name
        path.write_text("\n".join(lines) + "\n")
        return path

    def play_command(self, script):
        return [self.args.kiosk, "play", str(script), "--config", str(self.config)]

    def play(self, script, expect_exit=0):
        """Runs a script to its end; returns (stdout, stderr) after checking the exit status."""
        run = subprocess.run(self.play_command(script), capture_output=True, text=True, timeout=120,
                             env=headless_environment())
        check(run.returncode == expect_exit,
              f"kiosk play {Path(script).name} exits {expect_exit} (it exited {run.returncode})",
              run.stderr.strip() or run.stdout[-2000:])
        return run.stdout, run.stderr

    def db_path(self):
        return self.data_dir / "pledges.db"

    def stored_uuids(self, read_only=True):
        """Every uuid in pledges.db. Read-only leaves the files as they are; read-write replays the WAL as the
        kiosk does when it starts."""
        uri = f"file:{self.db_path()}" + ("?mode=ro" if read_only else "")
        db = sqlite3.connect(uri, uri=True)
        try:
            return {row[0] for row in db.execute("SELECT uuid FROM pledges")}
        finally:
            db.close()

    def rows(self):
        db = sqlite3.connect(f"file:{self.db_path()}?mode=ro", uri=True)
        db.row_factory = sqlite3.Row
        try:
            return [dict(row) for row in db.execute("SELECT * FROM pledges ORDER BY sequence")]
        finally:
            db.close()

    def status_total(self):
        status = self.ctl("status", "--config", str(self.config))
        check(status.returncode == 0, "kioskctl status exits 0", status.stderr)
        found = re.search(r"^total: (\d+)$", status.stdout, re.M)
        check(found is not None, "kioskctl status prints `total: N`", status.stdout)
        return int(found.group(1))

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


def saved_uuids(stdout):
    """The uuids of `pledge-saved <uuid>` lines, in order; any malformed pledge-saved line fails."""
    uuids = []
    for line in stdout.splitlines():
        if line.startswith("pledge-saved"):
            found = SAVED_LINE.match(line)
            check(found is not None, "each pledge-saved line is `pledge-saved <uuid v4>`", line)
            uuids.append(found.group(1))
    return uuids


def sign_lines(name, email, language=None, phone=None, state=None, updates=False, from_home=False):
    """Play-script lines that sign the ratify-uncat pledge from the attract screen (or from home)."""
    lines = [] if from_home else ["tap start"]
    if language:
        lines.append(f"tap lang-{language}")
    lines += ["tap nav-act", "expect screen act", "tap pledge-ratify-uncat", "expect screen pledge",
              "tap field-name", f"type {name}", "tap field-email", f"type {email}"]
    # As a signer does: the keyboard's next key walks the fields in the form's order (name, e-mail, phone,
    # state); below the e-mail field the rows may stand under the keyboard, out of reach of a tap.
    if phone or state:
        lines += ["tap key-next"] + ([f"type {phone}"] if phone else [])
    if state:
        lines += ["tap key-next", f"tap option-{state}"]
    lines.append("tap consent-sign")
    if updates:
        lines.append("tap consent-updates")
    lines += ["tap submit", "expect screen thanks"]
    return lines


def main(test):
    """Runs `test(args, setups)`; a failed check prints which one and keeps the temp folders for a look."""
    args = arguments()
    setups = []
    try:
        status = test(args, setups)
    except CheckFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        for setup in setups:
            print(f"  (kept {setup.root} for a look)", file=sys.stderr)
        return 1
    except Exception:  # a crash of the test itself: still say so plainly
        traceback.print_exc()
        return 1
    for setup in setups:
        setup.remove()
    return status or 0
