#!/usr/bin/env python3
"""Decodes the QR codes of a tour's act, case and thank-you screens with zbarimg and compares them with the pack's
URLs (the thank-you code carries the tour's sample reference code)."""
import pathlib
import subprocess
import sys
import tomllib


def expected_codes(pack: pathlib.Path) -> dict[str, str]:
    """Screen name (as the tour names its PNGs) -> the URL its QR code must carry."""
    with open(pack / "pack.toml", "rb") as f:
        files = tomllib.load(f).get("files", {})
    with open(pack / files.get("actions", "actions.toml"), "rb") as f:
        actions = tomllib.load(f)["action"]
    with open(pack / files.get("cases", "cases.toml"), "rb") as f:
        cases = tomllib.load(f)["case"]
    def qr_url(action: dict) -> str:  # the short link when the pack gives one
        return action.get("short_url", action["url"])
    codes = {f"act-{a['id']}": qr_url(a) for a in actions}
    # An action that can be signed here is also shown as a kiosk that cannot take pledges shows it.
    codes.update({f"act-{a['id']}-not-collecting": qr_url(a) for a in actions if a.get("form")})
    tour_reference = "MX7D-C15R"  # the code the tour shows on its thank-you screens
    codes.update({f"thanks-{a['id']}": qr_url(a) + ("&" if "?" in qr_url(a) else "?") + "ref=" + tour_reference
                  for a in actions if a.get("form")})
    codes.update({f"case-{c['id']}": c["action_url"] for c in cases if c.get("action_url")})
    return codes


def decode(png: pathlib.Path) -> list[str]:
    # zbarimg exits 4 when it finds no code; that is a failure we report, not an error of this script.
    run = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
    return [line for line in run.stdout.splitlines() if line]


def main() -> int:
    if len(sys.argv) < 4:
        print("usage: check-qr.py PACK_DIR TOUR_DIR SIZE/LANG...", file=sys.stderr)
        return 2
    pack = pathlib.Path(sys.argv[1])
    tour = pathlib.Path(sys.argv[2])
    codes = expected_codes(pack)
    failures = 0
    checked = 0
    for folder in sys.argv[3:]:
        for screen, url in sorted(codes.items()):
            png = tour / folder / f"{screen}.png"
            if not png.exists():
                print(f"{png}: missing (did the tour render {folder}?)")
                failures += 1
                continue
            found = decode(png)
            checked += 1
            if found != [url]:
                print(f"{png}: decoded {found or 'no QR code'}, expected [{url!r}]")
                failures += 1
            else:
                print(f"{png}: {url}")
    print(f"check-qr: {checked} images decoded, {failures} failures")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
