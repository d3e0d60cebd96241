#!/usr/bin/env python3
"""Writes a `kiosk play` script that visits every screen of a pack in every language: each attract slide and
its cross-fade, home, every page of the story, every timeline entry, the list of cases and every page of
each case, every action, the pledge form with each field focused (one pledge signed a language, on the
on-screen keyboard's language), thanks, credits, and the admin screen through its PIN. A `shot` after each
step draws the frame (headless, no file is written), so the memory benchmark sees every texture the visit
needs. usage: visit.py PACK_DIR PIN > visit.play"""
import sys
import tomllib
from pathlib import Path

pack = Path(sys.argv[1])
pin = sys.argv[2]


def load(name):
    path = pack / name
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


languages = load("pack.toml").get("pack", {}).get("languages", ["en"])
story = load("story.toml").get("section", [])
timeline = load("timeline.toml").get("entry", [])
cases = load("cases.toml").get("case", [])
actions = load("actions.toml").get("action", [])
slides = load("attract.toml").get("slide", [])

lines = []
shots = 0


def shot():
    global shots
    shots += 1
    lines.append(f"shot s{shots}")


def pages(swipes):
    """Swipes left through an item's pages (and on to the next items); a swipe past the last page stays."""
    for _ in range(swipes):
        lines.append("swipe left")
        shot()


# The attract loop: every slide and a frame of each cross-fade.
shot()
for slide in slides:
    lines.append(f"wait {int(slide.get('duration_s', 8)) * 1000}")
    shot()
    lines.append("wait 350")
    shot()
    lines.append("wait 400")

for n, language in enumerate(languages):
    lines += ["tap start", f"tap lang-{language}", "expect screen home"]
    shot()
    lines += ["tap nav-story", "expect screen story"]
    shot()
    pages(4 * max(1, len(story)) + 4)
    lines += ["tap home", "tap nav-timeline", "expect screen timeline"]
    shot()
    pages(len(timeline) + 2)
    lines += ["tap home", "tap nav-cases", "expect screen cases"]
    shot()
    for case in cases:
        lines += [f"tap case-{case['id']}", "expect screen case"]
        shot()
        pages(6)
        lines += ["tap back", "expect screen cases"]
    lines += ["tap back", "expect screen home", "tap nav-act", "expect screen act"]
    shot()
    for action in actions:
        lines.append(f"tap action-{action['id']}")
        shot()
    signable = [a for a in actions if a.get("form")]
    if signable:
        action = signable[0]
        lines += [f"tap action-{action['id']}", f"tap pledge-{action['id']}", "expect screen pledge"]
        shot()
        for index, field in enumerate(action["form"].get("field", [])):
            kind = field.get("kind", field.get("type", "text"))
            # As a signer does: the first field by a tap, the rest by the keyboard's next key (rows below
            # the e-mail field may stand under the keyboard, out of reach of a tap).
            lines.append(f"tap field-{field['id']}" if index == 0 else "tap key-next")
            shot()
            if field["id"] == "name":
                lines.append("type Aminah Binti Yusof")
            elif field["id"] == "email":
                lines.append(f"type visitor{n}@example.org")
            elif field["id"] == "phone":
                lines.append("type 012-345 6789")
            elif kind in ("choice", "select"):
                options = field.get("option", field.get("options", []))
                if options:
                    first = options[0]
                    lines.append(f"tap option-{first['value']}")
            shot()
        for consent in action["form"].get("consent", []):
            if consent["id"] == "sign":
                lines.append(f"tap consent-{consent['id']}")
        shot()
        lines += ["tap submit", "expect screen thanks"]
        shot()
        lines.append("tap done")
    lines += ["expect screen home", "tap nav-credits", "expect screen credits"]
    shot()
    pages(4)
    lines += ["tap home", "wait 200000", "expect screen attract"]
    shot()

lines += ["admin", "expect screen admin-pin", f"type {pin}", "key enter", "expect screen admin"]
shot()
print("\n".join(lines))
