# Issue 8: two packs' forms with different field and consent ids (Stop Torture's ratify-uncat; the clean-water
# fixture's water-pledge and village-letter) signed through the real kiosk, exported, imported with kioskctl into
# one central database: every typed value and every consent arrives in the CSV exactly once, in its own column of
# its action's file.
import csv
import io
import sys
from pathlib import Path

from kiosk_e2e import KioskSetup, check, main, saved_uuids, sign_lines

CLEAN_WATER = Path(__file__).resolve().parent.parent / "fixtures" / "packs" / "clean-water"

# (language, action, {field id: typed text or choice value}, kinds of field that are choices, consents ticked,
#  consents left empty)
WATER_SIGNERS = [
    ("id", "water-pledge", {"display_name": "Dewi Lestari", "postcode": "40115", "contact_email": "dewi@example.id"},
     set(), ["agree", "contact_ok"], []),
    ("en", "water-pledge", {"display_name": "Rina Wati"}, set(), ["agree"], ["contact_ok"]),
    ("en", "village-letter", {"full_name": "Budi Santoso", "district": "river", "reply_email": "budi@example.id"},
     {"district"}, ["endorse", "publish_name"], ["contact_ok"]),
    ("id", "village-letter", {"full_name": "Sri Mulyani Hartono", "district": "coast"}, {"district"}, ["endorse"],
     ["publish_name", "contact_ok"]),
]


def form_lines(language, action, values, choices, ticked):
    # Three actions: each has a tab on the act screen; its own tab shows its sign button.
    lines = ["tap start", f"tap lang-{language}", "tap nav-act", "expect screen act", f"tap action-{action}",
             f"tap pledge-{action}", "expect screen pledge"]
    for field, value in values.items():
        lines.append(f"tap field-{field}")
        lines.append(f"tap option-{value}" if field in choices else f"type {value}")
    lines += [f"tap consent-{c}" for c in ticked]
    lines += ["tap submit", "expect screen thanks"]
    return lines


def sign_once(kiosk, name, lines):
    stdout, _ = kiosk.play(kiosk.script(name, lines))
    uuids = saved_uuids(stdout)
    check(len(uuids) == 1, f"{name}: exactly one pledge-saved line", stdout)
    return uuids[0]


def test(args, setups):
    torture = KioskSetup(args, "anyform-torture", kiosk_id="kl-booth-1")
    setups.append(torture)
    water = KioskSetup(args, "anyform-water", kiosk_id="jkt-booth-1", pack=CLEAN_WATER, coordinator=torture)
    setups.append(water)

    expected = {}  # uuid -> (action, {column: cell})
    uuid = sign_once(torture, "torture.play", sign_lines("Aminah Binti Yusof", "aminah@example.my", language="ms",
                                                          phone="012-345 6789", state="penang", updates=True))
    expected[uuid] = ("ratify-uncat", {"field_name": "Aminah Binti Yusof", "field_email": "aminah@example.my",
                                       "field_phone": "'+60123456789", "field_state": "penang",
                                       "consent_sign": "1", "consent_updates": "1"})
    for n, (language, action, values, choices, ticked, unticked) in enumerate(WATER_SIGNERS):
        uuid = sign_once(water, f"water-{n}.play", form_lines(language, action, values, choices, ticked))
        cells = {f"field_{k}": v for k, v in values.items()}
        cells.update({f"consent_{c}": "1" for c in ticked})
        cells.update({f"consent_{c}": "0" for c in unticked})
        expected[uuid] = (action, cells)

    central = torture.root / "coordinator" / "central.db"
    for kiosk in (torture, water):
        stick = kiosk.root / "stick"
        exported = kiosk.ctl("export", str(stick), "--config", str(kiosk.config))
        check(exported.returncode == 0, f"{kiosk.kiosk_id}: kioskctl export exits 0", exported.stderr)
        imported = kiosk.ctl("import", "--key", str(torture.secret_key), "--db", str(central), str(stick))
        check(imported.returncode == 0, f"{kiosk.kiosk_id}: kioskctl import exits 0", imported.stdout + imported.stderr)

    out = torture.root / "csv"
    table = torture.ctl("csv", "--db", str(central), "--out-dir", str(out))
    check(table.returncode == 0, "kioskctl csv --out-dir exits 0", table.stderr)
    files = sorted(p.name for p in out.iterdir())
    check(files == ["ratify-uncat.csv", "village-letter.csv", "water-pledge.csv"], "one CSV file a action", files)
    texts = {p.stem: p.read_bytes().decode("utf-8") for p in out.iterdir()}
    rows = {}
    for action, text in texts.items():
        for row in csv.DictReader(io.StringIO(text, newline="")):
            check(row["action_id"] == action, f"{action}.csv holds only its action's pledges", row)
            rows[row["uuid"]] = (action, row)
    check(set(rows) == set(expected), "every signed pledge is in the CSV once", sorted(rows))

    everything = "".join(texts.values())
    for uuid, (action, cells) in expected.items():
        found_action, row = rows[uuid]
        check(found_action == action, f"pledge {uuid} is in {action}.csv", found_action)
        for column, cell in cells.items():
            check(row.get(column) == cell, f"{action}: column {column} of {uuid} is {cell!r}", row.get(column))
            if column.startswith("field_") and len(cell) > 3:
                check(everything.count(cell.lstrip("'")) == 1, f"{cell!r} appears exactly once in all the CSV",
                      everything.count(cell))
        # Columns of the form that were left empty are empty, never another signer's value.
        for column, value in row.items():
            if column.startswith("field_") and column not in cells:
                check(value == "", f"{action}: {column} of {uuid} was left empty", value)
    header = next(csv.reader(io.StringIO(texts["water-pledge"])))
    check([c for c in header if c.startswith(("field_", "consent_"))] ==
          ["field_display_name", "field_postcode", "field_contact_email", "consent_agree", "consent_contact_ok"],
          "water-pledge.csv has a column per field and consent, in form order", header)

    report = torture.root / "report.html"
    made = torture.ctl("report", "--db", str(central), "--out", str(report))
    check(made.returncode == 0, "kioskctl report exits 0", made.stderr)
    html = report.read_text(encoding="utf-8")
    for action, consent, ticked, shown in [("water-pledge", "agree", 2, 2), ("water-pledge", "contact_ok", 1, 2),
                                           ("village-letter", "publish_name", 1, 2), ("ratify-uncat", "updates", 1, 1)]:
        cell = f'<td>{action}</td><td>{consent}</td><td class="n">{ticked}</td><td class="n">{shown}</td>'
        check(cell in html, f"the report counts {action}'s {consent} consent: {ticked} of {shown}", html[-3000:])
    print(f"{len(expected)} pledges from two packs' three forms: every value and consent in its own column, once")


if __name__ == "__main__":
    sys.exit(main(test))
