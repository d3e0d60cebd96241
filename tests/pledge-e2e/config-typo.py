# A typo in the settings file costs only its own line (issue 13): with `idle_timeout_s = 90 s` among the
# settings, the kiosk still collects pledges (its coordinator key, data_dir and kiosk_id survive), the admin
# PIN still opens the volunteer screen, and that screen names the file and line of the typo.
import re
import sys

from kiosk_e2e import PIN, KioskSetup, check, main, saved_uuids, sign_lines


def test(args, setups):
    setup = KioskSetup(args, "config-typo")
    setups.append(setup)
    lines = setup.config.read_text().splitlines()
    lines.insert(2, "idle_timeout_s = 90 s")  # the typo: a unit after the number
    setup.config.write_text("\n".join(lines) + "\n")
    script = setup.script("typo.play", sign_lines("Typo Tester", "typo@example.org") + [
        "wait 600000", "expect screen attract", "admin", "expect screen admin-pin", f"type {PIN}", "key enter",
        "expect screen admin", "dump"])
    stdout, stderr = setup.play(script)
    where = re.escape(str(setup.config)) + r":3:\d+: error: TOML syntax"
    check(re.search(where, stderr), "the typo is reported at its file and line", stderr)
    check(len(saved_uuids(stdout)) == 1, "the kiosk still collects: one pledge saved", stdout + stderr)
    check(setup.stored_uuids() == set(saved_uuids(stdout)), "the pledge is in the configured data_dir")
    # The dump prints the status text (several lines) after "admin-status"; it ends at its closing quote.
    status = re.search(r'^admin-status text [^"]*"([^"]*)"', stdout, re.M)
    check(status and re.search(where, status.group(1)), "the admin screen names the typo's file and line", stdout)
    shown = re.search(where + r"[^\n]*", status.group(1)).group(0)
    print(f"a typo on line 3 cost only that line: a pledge was saved in data_dir, the PIN opened the admin "
          f"screen, which shows: {shown[len(str(setup.config)):]}")


if __name__ == "__main__":
    sys.exit(main(test))
