# Nothing a signer typed stays in the kiosk's memory once they have left: a running kiosk is dumped with gdb's
# gcore after a signer typed, was drawn, signed and walked away (the idle timeout back to the attract loop),
# and the dump is searched for the typed values in UTF-8, UTF-16 and UTF-32. Skipped (exit 77) where ptrace
# is not permitted. The unit itself sets LimitCORE=0, so a crash writes no such dump to disk.
import os
import shutil
import subprocess
import sys

from kiosk_e2e import KioskSetup, check, main, sign_lines
from live_play import LivePlay

NAME = "Zyxwv Memoryname"
EMAIL_TYPED = "Zyxwv.Memory@Example.MY"
PHONE_TYPED = "+60 12-987 6543"
NEEDLES = [NAME, "Memoryname", EMAIL_TYPED, "zyxwv.memory@example.my", "Zyxwv.Memory", PHONE_TYPED,
           "+60129876543"]
# Shown by the pack on the attract screen: it must be found, or the search itself is broken.
CONTROL = "Stop Torture"


def encodings(text):
    return {"UTF-8": text.encode(), "UTF-16": text.encode("utf-16-le"), "UTF-32": text.encode("utf-32-le")}


def skip(reason):
    print(f"SKIPPED: {reason}")
    sys.exit(77)


def test(args, setups):
    if os.environ.get("KIOSK_SANITIZED") == "1":
        skip("sanitizer build: AddressSanitizer's allocator replaces the kiosk's wipe-on-free, and a core of "
             "its shadow memory is terabytes; the release build runs this test")
    if shutil.which("gcore") is None:
        skip("gdb's gcore is not installed")
    setup = KioskSetup(args, "no-plaintext-in-memory")
    setups.append(setup)
    live = LivePlay(setup, "sign-and-leave.play")
    try:
        lines = sign_lines(NAME, EMAIL_TYPED, phone=PHONE_TYPED)
        # Draw the form with the values on it, so the renderer's caches hold them, then sign.
        at = lines.index("tap consent-sign")
        lines[at:at] = ["shot typed"]
        live.send(lines)
        live.read_until(lambda l: l.startswith("pledge-saved "), "a pledge-saved line")
        # The script reaches the kiosk through a pipe into a stream buffer and a line string: a long comment
        # overwrites them, so only the kiosk's own copies are left to find.
        live.send(["# " + "-" * 6000])
        # The signer walks away: the thanks screen and the idle timeout bring back the attract loop, drawn a
        # few times so cached textures of the form age out.
        live.send(["wait 600000", "expect screen attract"] + [f"shot after-{i}" for i in range(6)] + ["dump"])
        live.read_until(lambda l: l.startswith("start "), "the attract screen's dump")

        core_prefix = setup.root / "kiosk-core"
        dumped = subprocess.run(["gcore", "-o", str(core_prefix), str(live.process.pid)], capture_output=True,
                                text=True, timeout=120)
        core = setup.root / f"kiosk-core.{live.process.pid}"
        if dumped.returncode != 0 or not core.exists():
            if "ptrace" in dumped.stderr + dumped.stdout or "Operation not permitted" in dumped.stderr:
                skip("ptrace is not permitted here (gcore: "
                     + (dumped.stderr.strip().splitlines() or ["?"])[-1] + ")")
            check(False, "gcore dumps the running kiosk", dumped.stderr + dumped.stdout)
        data = core.read_bytes()
        size_mb = len(data) / 1e6
        found = [(needle, name) for needle in NEEDLES for name, encoded in encodings(needle).items()
                 if encoded in data]
        control = CONTROL.encode() in data
        core.unlink()
        check(control, f"the search works: the pack's \"{CONTROL}\" is in the dump ({size_mb:.0f} MB)")
        check(not found, "no typed value is in the running kiosk's memory after the signer left", found)
        live.send(["expect screen attract"])
        check(live.finish() == 0, "kiosk play exits 0", live.stderr())
    finally:
        live.close()
    print(f"searched a {size_mb:.0f} MB gcore of the running kiosk for {len(NEEDLES)} typed values in UTF-8, "
          f"UTF-16 and UTF-32 after the signer left: none found (the control \"{CONTROL}\" was found)")


if __name__ == "__main__":
    sys.exit(main(test))
