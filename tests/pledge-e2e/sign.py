# Signing the UNCAT pledge in each of the pack's four languages stores exactly one sealed pledge, which
# kioskctl counts and which the coordinator's key opens to what was typed.
import csv
import io
import sys

from kiosk_e2e import KioskSetup, check, main, saved_uuids, sign_lines

# (language, name typed, e-mail typed): Latin names in ms, a Chinese and a Tamil name in their own languages.
SIGNERS = [
    ("en", "Aminah Binti Yusof", "aminah.en@example.my"),
    ("ms", "Siti Nurhaliza", "siti.ms@example.my"),
    ("zh", "林美玲", "lin.zh@example.my"),
    ("ta", "கார்த்திகேயன் சுப்பிரமணியம்", "karthik.ta@example.my"),
]


def sign_in(args, setups, language, name, email):
    kiosk = KioskSetup(args, f"sign-{language}")
    setups.append(kiosk)
    script = kiosk.script("sign.play", sign_lines(name, email, language=language, phone="012-345 6789",
                                                  state="penang", updates=True))
    stdout, stderr = kiosk.play(script)
    uuids = saved_uuids(stdout)
    check(len(uuids) == 1, f"[{language}] exactly one pledge-saved line", stdout)
    rows = kiosk.rows()
    check([row["uuid"] for row in rows] == uuids, f"[{language}] pledges.db holds that uuid and nothing else",
          [row["uuid"] for row in rows])
    row = rows[0]
    expected = {"kiosk_id": kiosk.kiosk_id, "action_id": "ratify-uncat", "pack_id": "stop-torture",
                "language": language, "sequence": 1}
    for column, value in expected.items():
        check(row[column] == value, f"[{language}] the stored {column} is {value!r}", row[column])
    check(kiosk.status_total() == 1, f"[{language}] kioskctl status reports total: 1")
    check(name not in stdout + stderr and email not in stdout + stderr,
          f"[{language}] nothing typed is printed by kiosk play", stdout + stderr)

    # The coordinator's side: export, import with the secret key, CSV: the sealed box held what was typed.
    exported = kiosk.ctl("export", str(kiosk.root / "stick"), "--config", str(kiosk.config))
    check(exported.returncode == 0, f"[{language}] kioskctl export exits 0", exported.stderr)
    central = kiosk.root / "coordinator" / "central.db"
    imported = kiosk.ctl("import", "--key", str(kiosk.secret_key), "--db", str(central), str(kiosk.root / "stick"))
    check(imported.returncode == 0, f"[{language}] kioskctl import of the bundle exits 0",
          imported.stdout + imported.stderr)
    table = kiosk.ctl("csv", "--db", str(central))
    check(table.returncode == 0, f"[{language}] kioskctl csv exits 0", table.stderr)
    records = list(csv.DictReader(io.StringIO(table.stdout)))
    check(len(records) == 1 and records[0]["uuid"] == uuids[0], f"[{language}] the CSV has the one pledge",
          table.stdout)
    opened = records[0]
    # (The CSV guards cells starting with + against spreadsheet formulas with a leading apostrophe.)
    wanted = {"field_name": name, "field_email": email, "field_phone": "'+60123456789", "field_state": "penang",
              "language": language, "consent_sign": "1", "consent_updates": "1"}
    for column, value in wanted.items():
        check(opened[column] == value, f"[{language}] the opened pledge's {column} is {value!r}", opened[column])
    check(len(opened["wording_sha256"]) == 64, f"[{language}] the consent wording's SHA-256 is sealed",
          opened["wording_sha256"])


def test(args, setups):
    for language, name, email in SIGNERS:
        sign_in(args, setups, language, name, email)
    print(f"signed in {len(SIGNERS)} languages: one sealed pledge each, opened by the coordinator's key")


if __name__ == "__main__":
    sys.exit(main(test))
