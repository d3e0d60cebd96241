#!/usr/bin/env python3
"""Writes a pack at the format's limits from the minimal fixture: COUNT cases and actions, every title, name,
country, summary, field label and consent at its longest (docs/pack-format.md, Limits), for the tour.

usage: make-stress-pack.py MINIMAL_PACK_DIR OUT_DIR COUNT
"""
import shutil
import sys
from pathlib import Path

# The refused-above numbers of kiosk/content/ValueRules.h: the longest text each place takes.
TITLE, NAME, LABEL, SENTENCE, TEASER = 120, 60, 80, 500, 120


def longest(word, limit):
    """Whole words up to `limit` characters."""
    text = ""
    while len(text + word) <= limit:
        text += word
    return text.strip()


def text(limit):
    return f'{{ en = "{longest("Safeguard ", limit)}", ms = "{longest("Perlindungan ", limit)}" }}'


def main():
    source, out, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(source, out)
    cases = []
    for i in range(count):
        cases.append(f"""[[case]]
id = "person-{i + 1}"
name = {text(NAME)}
country = {text(NAME)}
summary = {text(SENTENCE)}
story = {{ en = "What happened.", ms = "Apa yang berlaku." }}
what_you_can_do = {{ en = "Sign the petition.", ms = "Tandatangani petisyen." }}
image = "images/portrait.png"
action_url = "https://www.amnesty.org/en/petition/example"
sources = ["https://www.amnesty.org/en/latest/example"]
""")
    (out / "cases.toml").write_text("\n".join(cases), encoding="utf-8")

    form = (source / "actions.toml").read_text(encoding="utf-8")
    form = form[form.index("[action.form]"):]
    form = form.replace('label = { en = "Name", ms = "Nama" }', f"label = {text(LABEL)}")
    form = form.replace('text = { en = "I add my name.", ms = "Saya menambah nama saya." }', f"text = {text(SENTENCE)}")
    form = form.replace('text = { en = "E-mail me updates.", ms = "Hantar berita terkini kepada saya." }',
                        f"text = {text(SENTENCE)}")
    actions = []
    for i in range(count):
        actions.append(f"""[[action]]
id = "act-{i + 1}"
title = {text(TITLE)}
text = {{ en = "Add your name.", ms = "Tambah nama anda." }}
url = "https://www.amnesty.my/stop-torture"
""" + (form if i == 0 else ""))
    (out / "actions.toml").write_text("\n".join(actions), encoding="utf-8")

    tiles = "".join(f"\n[home.{tile}]\nteaser = {text(TEASER)}\n" for tile in ("story", "timeline", "cases", "act"))
    with open(out / "pack.toml", "a", encoding="utf-8") as manifest:
        manifest.write(tiles)

    timeline = (out / "timeline.toml").read_text(encoding="utf-8")
    timeline = timeline.replace('title = { en = "Universal Declaration", ms = "Perisytiharan Sejagat" }',
                                f"title = {text(TITLE)}")
    (out / "timeline.toml").write_text(timeline, encoding="utf-8")
    print(f"make-stress-pack.py: {out} has {count} cases and {count} actions at the longest texts")


if __name__ == "__main__":
    main()
