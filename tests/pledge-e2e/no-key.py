# Without coordinator_public_key the kiosk cannot seal, so it offers no sign button: the act screen says
# signing is not available here and points to the QR code instead.
import sys

from kiosk_e2e import KioskSetup, check, main, saved_uuids, ui_text


def test(args, setups):
    setup = KioskSetup(args, "no-key", with_key=False)
    setups.append(setup)
    note = ui_text(args.pack, "not_collecting")
    lines = ["tap start", "tap nav-act", "expect screen act", f"expect text {note}", "tap pledge-ratify-uncat"]
    stdout, stderr = setup.play(setup.script("no-key.play", lines), expect_exit=1)
    check(f'no-key.play:{len(lines)}: no tappable widget "pledge-ratify-uncat" on screen act' in stderr,
          "the script fails at its last line, the tap on the missing sign button", stderr)
    check(not saved_uuids(stdout), "no pledge is saved", stdout)

    status = setup.ctl("status", "--config", str(setup.config))
    check(status.returncode == 0, "kioskctl status exits 0", status.stderr)
    check("collecting: no (not set up to collect: no coordinator_public_key in the config)" in status.stdout,
          "kioskctl status says the kiosk is not collecting, and why", status.stdout)
    check(setup.status_total() == 0, "kioskctl status reports total: 0")
    print(f"no coordinator key: no sign button, the act screen says \"{note}\"")


if __name__ == "__main__":
    sys.exit(main(test))
