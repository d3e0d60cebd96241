# Engagement counts end to end (issue 14): a scripted day of visits on `kiosk play`'s virtual clock, then
# export -> import -> report and CSV with the right funnel; importing twice counts nothing twice; a bundle of
# counts only; and no typed value or identifier of a person anywhere in the counts.
import csv
import io
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from kiosk_e2e import KioskSetup, check, headless_environment, main, saved_uuids

# Distinctive values typed into the forms: none may appear in any count, bundle, CSV or report.
TYPED = ["Zanzibar Quokkafeather", "quokka.zanzibar7@example.org", "Xylophone Quagmire",
         "xylo.quag@example.net", "Quentin Vexillary", "quentin.vex@example.com", "0123456789"]
NEEDLES = ["Zanzibar", "Quokkafeather", "quokka", "Xylophone", "Quagmire", "xylo", "Quentin", "Vexillary",
           "quentin", "0123456789", "123456789", "example.org", "example.net", "example.com"]
SUBJECT = re.compile(r"^[a-z0-9_:-]*$")
METRICS = {"visit", "visit_ms", "visit_read", "visit_act", "visit_pledge", "visit_stored", "language", "screen",
           "screen_ms", "qr", "qr_ms", "pledge_started", "pledge_abandoned", "pledge_stored"}


def sign(name, email, phone=None):
    lines = ["tap nav-act", "expect screen act", "wait 3000", "tap pledge-ratify-uncat", "expect screen pledge",
             "tap field-name", f"type {name}", "tap field-email", f"type {email}"]
    if phone:
        lines += ["tap key-next", f"type {phone}"]  # the next field, as a signer reaches it
    return lines + ["tap consent-sign", "tap submit", "expect screen thanks", "wait 4000", "tap done"]


# 09:00 to 12:xx on 26 June, Kuala Lumpur time: five visits.
DAY = (
    # 1 (09:00, English): reads a story section, acts and signs.
    ["tap begin-en", "expect screen home", "tap nav-story", "wait 8000", "tap home"]
    + sign(TYPED[0], TYPED[1], TYPED[6])
    + ["wait 61000", "expect screen attract", "wait 3600000"]
    # 2 (10:xx, Tamil): reads a case, leaves.
    + ["tap begin-ta", "tap nav-cases", "tap case-yecenia-armenta", "wait 6000", "wait 61000",
       "expect screen attract"]
    # 3 (10:xx, English): starts the pledge, types a name, reaches the e-mail field, walks away.
    + ["tap begin-en", "tap nav-act", "tap pledge-ratify-uncat", "tap field-name", f"type {TYPED[2]}",
       "tap field-email", f"type {TYPED[3]}", "wait 61000", "expect screen attract", "wait 7200000"]
    # 4 (12:xx, Chinese): one touch, then nothing.
    + ["tap begin-zh", "wait 61000", "expect screen attract"]
    # 5 (12:xx, Malay, then English): straight to the action, signs.
    + ["tap begin-ms", "tap lang-en"] + sign(TYPED[4], TYPED[5]) + ["wait 61000", "expect screen attract"]
)
FUNNEL = {"visit": 5, "visit_read": 2, "visit_act": 3, "visit_pledge": 3, "visit_stored": 2}


def play(setup, name, lines, start):
    script = setup.script(name, lines)
    env = headless_environment()
    env["TZ"] = "Asia/Kuala_Lumpur"
    run = subprocess.run([*setup.play_command(script), "--start-time", start], capture_output=True, text=True,
                         timeout=120, env=env)
    check(run.returncode == 0, f"kiosk play {name} exits 0", run.stderr[-2000:])
    return run.stdout


def counts_csv(setup, db):
    run = setup.ctl("csv", "--db", str(db), "--counts")
    check(run.returncode == 0, "kioskctl csv --counts exits 0", run.stderr)
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    check(run.stdout.startswith("kiosk_id,day,hour,metric,subject,value"), "the counts CSV's columns",
          run.stdout[:200])
    return run.stdout, rows


def total(rows, metric, subject=None, day="2026-06-26"):
    return sum(int(r["value"]) for r in rows
               if r["metric"] == metric and r["day"] == day and (subject is None or r["subject"] == subject))


def no_typed_value(where, text):
    for needle in NEEDLES:
        check(needle.lower() not in text.lower(), f"no typed value in {where}", f"found {needle!r}")


def test(args, setups):
    setup = KioskSetup(args, "counts", kiosk_id="kl-booth-07")
    setups.append(setup)
    out = play(setup, "day.play", DAY, "2026-06-26T09:00")
    check(len(saved_uuids(out)) == 2, "two pledges stored in the day", out)

    # The counts on the kiosk: ids, hours and integers only.
    db = sqlite3.connect(f"file:{setup.db_path()}?mode=ro", uri=True)
    stored = list(db.execute("SELECT batch, kiosk_id, day, hour, metric, subject, value FROM counts"))
    db.close()
    check(len(stored) > 20, "the kiosk keeps counts in pledges.db", stored)
    for batch, kiosk, day, hour, metric, subject, value in stored:
        check(metric in METRICS and SUBJECT.match(subject) and kiosk == "kl-booth-07" and day == "2026-06-26"
              and 9 <= hour <= 12 and isinstance(value, int) and value > 0,
              "each kept count is a known metric, ids, a local hour and a positive integer",
              (batch, kiosk, day, hour, metric, subject, value))
    no_typed_value("the counts table", repr(stored))

    stick = setup.root / "stick"
    export = setup.ctl("export", str(stick), "--config", str(setup.config))
    check(export.returncode == 0 and "exported 2 pledges" in export.stdout, "kioskctl export exits 0",
          export.stdout + export.stderr)
    bundles = sorted(stick.glob("*.okb"))
    check(len(bundles) == 1, "one bundle holds the pledges and the counts", bundles)
    no_typed_value("the bundle", bundles[0].read_bytes().decode("latin-1"))

    central = setup.root / "central.sqlite"
    imported = setup.ctl("import", "--key", str(setup.secret_key), "--db", str(central), str(stick))
    check(imported.returncode == 0 and re.search(r"counts: \d+ new, 0 already in", imported.stdout),
          "import takes the counts", imported.stdout + imported.stderr)
    first_csv, rows = counts_csv(setup, central)
    for metric, expected in FUNNEL.items():
        check(total(rows, metric) == expected, f"the day's {metric} is {expected}", total(rows, metric))
    hours = {h: sum(int(r["value"]) for r in rows if r["metric"] == "visit" and int(r["hour"]) == h)
             for h in range(24)}
    check({h: n for h, n in hours.items() if n} == {9: 1, 10: 2, 12: 2}, "visits by local hour", hours)
    check(total(rows, "language", "en") == 3 and total(rows, "language", "ta") == 1
          and total(rows, "language", "zh") == 1 and total(rows, "language", "ms") == 1,
          "languages used, once a visit each", [r for r in rows if r["metric"] == "language"])
    check(total(rows, "pledge_abandoned", "ratify-uncat:email") == 1,
          "the form left at the e-mail field is counted there, by id", rows)
    check(total(rows, "pledge_stored", "ratify-uncat") == 2 and total(rows, "pledge_started") == 3,
          "three forms started, two stored", rows)
    check(total(rows, "qr", "act:ratify-uncat") >= 3 and total(rows, "qr", "thanks:ratify-uncat") == 2,
          "QR codes shown per action", rows)
    check(total(rows, "screen_ms", "story:why-torture-persists") >= 8000, "time on the story section", rows)
    no_typed_value("the counts CSV", first_csv)

    report_path = setup.root / "report.html"
    report = setup.ctl("report", "--db", str(central), "--out", str(report_path))
    check(report.returncode == 0, "kioskctl report exits 0", report.stderr)
    html = report_path.read_text()
    check("<h3>kl-booth-07, 2026-06-26</h3>" in html, "the report has a part for the kiosk's day", html[-3000:])
    for label, figure in [("Visits", "5 (100%)"), ("Read something", "2 (40%)"), ("Act screen", "3 (60%)"),
                          ("Pledge started", "3 (60%)"), ("Pledge stored", "2 (40%)")]:
        check(re.search(f">{label}</text><rect[^>]*/><text[^>]*>{re.escape(figure)}</text>", html) is not None,
              f"the funnel chart shows {label}: {figure}", html[html.find("Funnel"):][:2500])
    check("<script" not in html.lower(), "the report needs no script")
    no_typed_value("the report", html)

    # The same bundle again: nothing counted twice.
    again = setup.ctl("import", "--key", str(setup.secret_key), "--db", str(central), str(stick))
    check(again.returncode == 0 and re.search(r"counts: 0 new, \d+ already in", again.stdout),
          "importing the same bundle again adds no counts", again.stdout)
    check(counts_csv(setup, central)[0] == first_csv, "the counts are the same after importing twice")

    # A later visit with no pledge travels in a bundle of counts only.
    play(setup, "later.play", ["tap begin-en", "tap nav-timeline", "wait 7000", "wait 61000",
                               "expect screen attract"], "2026-06-26T15:30")
    export = setup.ctl("export", str(stick), "--config", str(setup.config))
    check(export.returncode == 0 and "exported counts only" in export.stdout,
          "a second export writes the new counts alone", export.stdout + export.stderr)
    counts_only = [b for b in stick.glob("*.okb") if "-counts-" in b.name]
    check(len(counts_only) == 1, "a bundle of counts only, named so", sorted(p.name for p in stick.glob("*.okb")))
    imported = setup.ctl("import", "--key", str(setup.secret_key), "--db", str(central), str(stick))
    check(imported.returncode == 0, "the counts-only bundle imports", imported.stdout + imported.stderr)
    _, rows = counts_csv(setup, central)
    check(total(rows, "visit") == 6 and total(rows, "visit_read") == 3 and total(rows, "visit_stored") == 2,
          "the later visit is added once, the earlier ones not again", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(test))
