# Scripted flows through the real kiosk with a real store: cancel and idle wipe the form, a second signature
# with the same e-mail is refused, and wrong admin PINs lock the PIN pad.
import sys
from pathlib import Path

from kiosk_e2e import KioskSetup, check, main, saved_uuids, sign_lines, ui_text


def field_line(dump, field):
    lines = [l for l in dump.splitlines() if l.startswith(f"field-{field} button ")]
    check(len(lines) == 1, f"the dump shows the {field} field once", dump)
    return lines[0]


def form_is_empty(stdout, typed, flow):
    """The dump at the end of a flow shows the form again, with none of what was typed."""
    for field in ("name", "email"):
        line = field_line(stdout, field)  # `field-name button X,Y WxH ["value"]`
        check('"' not in line, f"[{flow}] the reopened form's {field} field is empty", line)
    left = [value for value in typed if value in stdout]
    check(not left, f"[{flow}] nothing typed before is shown on the reopened form", left)


def cancel(setup, plays):
    stdout, _ = setup.play(plays / "cancel.play")
    form_is_empty(stdout, ["Zyxwv Cancelname", "zyxwv.cancel@example.my", "Cancelname"], "cancel")


def idle(setup, plays):
    stdout, _ = setup.play(plays / "idle.play")
    form_is_empty(stdout, ["Zyxwv Idlename", "Idlename"], "idle")


def duplicate(setup, pack):
    refused = ui_text(pack, "already_signed")
    phrase = "already signed"
    check(phrase in refused, f"the pack's already_signed string contains {phrase!r}", refused)
    lines = sign_lines("Dup First", "Dup.Signer@Example.my")
    lines += ["tap done", "expect screen home"]
    second = sign_lines("Dup Second", "dup.signer@example.MY", from_home=True)
    lines += second[:-1]  # all but "expect screen thanks"
    lines += ["expect screen pledge", f"expect text {phrase}", "dump"]
    stdout, _ = setup.play(setup.script("duplicate.play", lines))
    check(len(saved_uuids(stdout)) == 1, "[duplicate] only the first signature prints pledge-saved", stdout)
    check(len(setup.stored_uuids()) == 1, "[duplicate] pledges.db holds one pledge")
    check("Dup Second" not in stdout, "[duplicate] the refused form is cleared", stdout)


def admin_lockout(setup, plays):
    setup.play(plays / "admin-lockout.play")
    # And the lock really holds: the right PIN straight after five wrong ones is refused.
    lines = (plays / "admin-lockout.play").read_text().splitlines()
    early = lines[: lines.index("wait 31000")] + ["tap pin-1", "tap pin-2", "tap pin-3", "tap pin-4", "tap pin-ok",
                                                  "expect screen admin"]
    _, stderr = setup.play(setup.script("admin-early.play", early), expect_exit=1)
    check("expected screen admin, but the screen is admin-pin" in stderr,
          "[admin] during the lock the right PIN leaves the PIN pad shut", stderr)


def test(args, setups):
    setup = KioskSetup(args, "flows")
    setups.append(setup)
    plays = Path(args.plays)
    cancel(setup, plays)
    idle(setup, plays)
    duplicate(setup, args.pack)
    admin_lockout(setup, plays)
    print("cancel and idle wipe the form; a second signature is refused; five wrong PINs lock for 30 s")


if __name__ == "__main__":
    sys.exit(main(test))
