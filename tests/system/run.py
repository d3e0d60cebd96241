# make test-system: boots the kiosk's disk image in QEMU like a Pi boots its card and checks it as a person
# would: the first frame is the attract screen, a touch opens the home screen, a typo in the settings file is
# reported with its line while the rest applies, the watchdog brings a frozen kiosk back, the root is
# read-only and pledges live on the data partition, and whole-machine power cuts lose no acknowledged pledge.
# Usage: run.py --disk IMG --kiosk BIN --pack DIR --work DIR [--power-cuts N] [--arch amd64|arm64]
import argparse
import hashlib
import json
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from vm import SCREEN, Vm, VmError, difference, read_boot_file, write_boot_file

MATCH_MEAN = 8.0  # mean difference per channel (0..255) a frame may have from the headless reference
MATCH_FAR = 0.03  # and the share of its pixels that may be far off (llvmpipe vs SDL's software renderer)
WATCHDOG_S = 30  # WatchdogSec= in systemd/outreach-kiosk.service
RESTART_S = 5  # RestartSec=
PIN = "1234"
TYPO_KEY = "idle_timout_s"
# The power-cut boots and the one after them start with the clock set back, as a Pi without a battery-backed
# clock boots before a network gives it the time: e2fsck must not "repair" the read-only root or the data
# partition for it (image-build/rootfs/etc/e2fsck.conf and the root's fsck pass 0).
CLOCK_BEHIND = "2023-01-01T00:00:00"
SAVED = re.compile(r"pledge-saved ([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})\s*$", re.M)

failures = []
notes = []
machines = []  # every Vm started, so that a deadline can cut their power
out_of_time = []  # the phase the deadline came in


class OutOfTime(Exception):
    pass


def machine(*args, **kwargs):
    vm = Vm(*args, **kwargs)
    machines.append(vm)
    return vm


def stop(vm, what):
    """A clean shutdown, checked; after the deadline (the harness is leaving), just the power cut."""
    if out_of_time:
        vm.power_cut()
    else:
        check(vm.shut_down(), what)


def say(text):
    print(text, flush=True)


def check(condition, what, seen=""):
    if condition:
        say(f"  ok: {what}")
    else:
        say(f"  FAILED: {what}" + (f"\n    seen: {seen}" if seen else ""))
        failures.append(what)
    return condition


# --- the disk's partitions ------------------------------------------------------------------------------------


def partitions(disk):
    table = json.loads(subprocess.run(["sfdisk", "-J", str(disk)], check=True, capture_output=True).stdout)
    sector = table["partitiontable"].get("sectorsize", 512)
    return [(p["start"] * sector, p["size"] * sector) for p in table["partitiontable"]["partitions"]]


def partition_hash(disk, index):
    start, size = partitions(disk)[index]
    digest = hashlib.sha256()
    with open(disk, "rb") as f:
        f.seek(start)
        left = size
        while left:
            chunk = f.read(min(left, 1 << 22))
            digest.update(chunk)
            left -= len(chunk)
    return digest.hexdigest()


def copy_partition(disk, index, to):
    start, size = partitions(disk)[index]
    mib = 1 << 20
    subprocess.run(["dd", f"if={disk}", f"of={to}", f"bs={mib}", f"skip={start // mib}", f"count={size // mib}",
                    "status=none"], check=True)
    return to


def fsck(disk, work, label):
    """fsck of every partition of a disk whose machine is off: (boot, root, data) each clean."""
    results = {}
    for index, name, command in ((0, "boot", ["fsck.vfat", "-n"]), (1, "root", ["e2fsck", "-fn"]),
                                 (2, "data", ["e2fsck", "-fn"])):
        part = copy_partition(disk, index, work / f"{name}.part")
        run = subprocess.run(command + [str(part)], capture_output=True, text=True)
        results[name] = (run.returncode, run.stdout + run.stderr)
        part.unlink()
    for name, (code, output) in results.items():
        check(code == 0, f"{label}: fsck of the {name} partition is clean", output.strip()[-800:])


def stored_pledges(disk, work):
    """What the next boot finds on the data partition: a copy fsck'd as systemd-fsck does at boot (preen: the
    journal replayed, the orphans a cut leaves cleared, nothing that needs a person), then a full check that
    must find nothing more; pledges.db read from it."""
    part = copy_partition(disk, 2, work / "data-cut.part")
    preen = subprocess.run(["e2fsck", "-p", str(part)], capture_output=True, text=True)
    run = subprocess.run(["e2fsck", "-fn", str(part)], capture_output=True, text=True)
    # e2fsck's exit codes: 0 clean, 1 errors corrected (the preen's journal replay and orphans), 4 and up a person
    # is needed.
    clean = (preen.returncode in (0, 1) and run.returncode == 0,
             f"preen: exit {preen.returncode} {preen.stdout[-400:]}{preen.stderr[-400:]}; "
             f"full check: exit {run.returncode} {run.stdout[-800:]}")
    db_dir = work / "db"
    shutil.rmtree(db_dir, ignore_errors=True)
    db_dir.mkdir()
    for name in ("pledges.db", "pledges.db-wal"):
        subprocess.run(["debugfs", "-R", f"dump /power-cut/{name} {db_dir / name}", str(part)], capture_output=True)
    part.unlink()
    if not (db_dir / "pledges.db").exists():
        return clean, set(), "no pledges.db yet"
    db = sqlite3.connect(str(db_dir / "pledges.db"))
    try:
        verdict = [row[0] for row in db.execute("PRAGMA integrity_check")]
        uuids = {row[0] for row in db.execute("SELECT uuid FROM pledges")}
    finally:
        db.close()
    return clean, uuids, ",".join(verdict)


# --- what the headless kiosk draws, to compare the VM's screen with ---------------------------------------------


def host_play(kiosk, pack, settings_text, work, name, lines):
    """Runs `kiosk play` on this machine with the VM's settings (its data_dir moved here); returns stdout."""
    folder = work / f"host-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    # Same line numbers as the VM's file: only data_dir's value changes.
    text = re.sub(r'(?m)^data_dir = .*$', f'data_dir = "{folder / "data"}"', settings_text)
    (folder / "kiosk.toml").write_text(text)
    (folder / "script.play").write_text("\n".join(lines) + "\n")
    run = subprocess.run([kiosk, "play", str(folder / "script.play"), "--config", str(folder / "kiosk.toml"),
                          "--content", pack, "--shots", str(folder), "--size", f"{SCREEN[0]}x{SCREEN[1]}"],
                         capture_output=True, text=True, env={"SDL_VIDEODRIVER": "dummy", "PATH": "/usr/bin:/bin"},
                         timeout=120)
    return run, folder


def widget_centres(dump_text):
    """From `dump` lines "ID KIND X,Y WxH ...": the centre of each widget with an id."""
    centres = {}
    for line in dump_text.splitlines():
        found = re.match(r"^(\S+) \S+ (-?\d+),(-?\d+) (\d+)x(\d+)", line.strip())
        if found and found.group(1) != "-":
            x, y, w, h = map(int, found.groups()[1:])
            centres[found.group(1)] = (x + w // 2, y + h // 2)
    return centres


def wait_for_screen(vm, reference, timeout, work, name):
    """Polls screendumps until one matches `reference`, or one of a list of them (the first ones after a present
    can be black)."""
    references = reference if isinstance(reference, list) else [reference]
    deadline = time.monotonic() + timeout
    best = (255.0, 1.0)
    while time.monotonic() < deadline:
        vm.check_boot()
        shot = vm.screendump(work / f"{name}.ppm")
        mean, far = min(difference(shot, one) for one in references)
        if mean < best[0]:
            best = (mean, far)
        if mean <= MATCH_MEAN and far <= MATCH_FAR:
            shot.save(work / f"{name}.png")
            return vm.seconds(), (mean, far)
        time.sleep(0.5)
    vm.screendump(work / f"{name}.ppm").save(work / f"{name}-last.png")
    return None, best


# --- the settings file a volunteer would write -------------------------------------------------------------------


def set_key(text, key, value):
    """Sets a top-level key: its line (or its commented-out example) is replaced, else it goes before [sync]."""
    line = f"{key} = {value}"
    found = re.search(rf"(?m)^#? ?{key} = .*$", text)
    if found:
        return text[:found.start()] + line + text[found.end():]
    table = re.search(r"(?m)^\[", text)
    return text[:table.start()] + line + "\n\n" + text[table.start():]


def volunteer_settings(example):
    """The shipped example with what a volunteer types: id, PIN, Wi-Fi, time zone, screen times, and a typo."""
    text = example.replace("\r\n", "\n")
    # The PIN in plain text where the example has its hash.
    text = re.sub(r"(?m)^admin_pin_hash = .*$", f'admin_pin = "{PIN}"', text)
    for key, value in (("kiosk_id", '"vm-booth-01"'),
                       ("wifi_name", '"Booth Wi-Fi"'), ("wifi_password", '"not so secret"'),
                       ("time_zone", '"Asia/Kuala_Lumpur"'), ("display_off", '"23:30"'),
                       ("display_on", '"07:45"'), (TYPO_KEY, "120")):
        text = set_key(text, key, value)
    # Notepad's line endings, as the card comes back from a Windows laptop.
    return text.replace("\n", "\r\n")


def line_of(text, prefix):
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if line.startswith(prefix):
            return number
    return None


# --- the test -----------------------------------------------------------------------------------------------------


def first_boot(args, disk, work):
    say("== boot 1: first frame, settings, touch, volunteer menu, watchdog, read-only root")
    settings = volunteer_settings(read_boot_file(disk, "outreach-kiosk.toml"))
    write_boot_file(disk, "outreach-kiosk.toml", settings, work)

    # The attract loop speaks each language in turn and a tap opens the home screen in the language on show:
    # the home screen in each of the four is a right answer to the touch.
    attract_run, attract_dir = host_play(args.kiosk, args.pack, settings, work, "attract",
                                         ["expect screen attract", "shot attract", "tap 400 240",
                                          "expect screen home", "shot home", "tap lang-ms", "shot home-ms",
                                          "tap lang-zh", "shot home-zh", "tap lang-ta", "shot home-ta"])
    if not check(attract_run.returncode == 0, "the headless kiosk renders the attract and home references",
                 attract_run.stderr[-800:]):
        return
    from PIL import Image
    attract = Image.open(attract_dir / "attract.png").convert("RGB")
    homes = [Image.open(attract_dir / f"home{suffix}.png").convert("RGB") for suffix in ("", "-ms", "-zh", "-ta")]

    vm = machine(args.arch, disk, work / "vm")
    vm.start()
    try:
        shown, best = wait_for_screen(vm, attract, args.boot_timeout, work, "first-frame")
        check(shown is not None, "the VM's first kiosk frame matches the attract picture",
              f"closest frame: mean difference {best[0]:.1f}, {best[1] * 100:.1f}% pixels far off")
        if shown is not None:
            say(f"  boot-to-first-frame: {shown:.1f} s from power-on (QEMU TCG; a figure, not a bound); "
                f"difference mean {best[0]:.2f}/255, {best[1] * 100:.2f}% of pixels far off")
        console = vm.console()
        check(re.search(r"outreach-kiosk\.service|Outreach kiosk", console) is not None,
              "the journal reaches the serial console")

        status, out = vm.shell("cat /proc/net/route; systemctl is-active systemd-timesyncd; "
                               "systemctl show -p ActiveState -p Result outreach-kiosk; cat /proc/$(systemctl show "
                               "-p MainPID --value outreach-kiosk)/environ | tr '\\0' '\\n' | grep SDL_VIDEO")
        check("00000000" not in "\n".join(l.split("\t")[1] for l in out.splitlines()[1:] if "\t" in l),
              "no default route: the kiosk came up with no network", out)
        check("ActiveState=active" in out, "outreach-kiosk.service is active", out)
        check("SDL_VIDEODRIVER=kmsdrm" in out, "the kiosk draws on KMS/DRM", out)

        # The settings: applied, secrets taken out, the typo reported with its line.
        status, rewritten = vm.shell("cat /boot/firmware/outreach-kiosk.toml")
        rewritten = rewritten.replace("\r\n", "\n")
        typo_line = line_of(rewritten, TYPO_KEY)
        check(re.search(r"(?m)^admin_pin =", rewritten) is None and
              re.search(r'(?m)^admin_pin_hash = "\$argon2id\$', rewritten) is not None and
              line_of(rewritten, "admin_pin_hash") == line_of(settings, "admin_pin ="),
              "admin_pin was hashed and its line rewritten as admin_pin_hash")
        check("wifi_name" not in rewritten and "not so secret" not in rewritten,
              "the Wi-Fi name and password left the settings file")
        status, out = vm.shell("hostname; date +%z; cat /data/network/outreach-kiosk-wifi.nmconnection; "
                               "systemctl list-timers --all --no-legend 'outreach-kiosk-display-*'")
        check(out.startswith("vm-booth-01\n"), "the host name is the kiosk id", out)
        check("\n+0800\n" in out, "the time zone is Asia/Kuala_Lumpur", out)
        check("ssid=Booth Wi-Fi" in out and "psk=not so secret" in out,
              "the Wi-Fi went to NetworkManager's keyfile on the data partition", out)
        check("outreach-kiosk-display-off" in out and "outreach-kiosk-display-on" in out,
              "display_off/display_on made daily timers", out)
        status, journal = vm.shell("journalctl -b -u outreach-kiosk --no-pager -o cat | head -n 60")
        check(re.search(rf"outreach-kiosk\.toml:{typo_line}:\d+: error: unknown key \"{TYPO_KEY}\"", journal)
              is not None, f"the typo is reported with its line ({typo_line}) in the kiosk's log", journal[-1500:])

        # Touch: a finger through the kernel's input layer and SDL to the controller.
        vm.touch(SCREEN[0] // 2, SCREEN[1] // 2)
        shown, best = wait_for_screen(vm, homes, 60, work, "home")
        check(shown is not None, "a touch on the attract screen opens the home screen (in the language on show)",
              f"closest frame: mean {best[0]:.1f}, {best[1] * 100:.1f}% far off")

        volunteer_menu(args, vm, rewritten, typo_line, work)
        watchdog(vm, attract, work)

        status, out = vm.shell("findmnt -no OPTIONS /; touch /usr/share/written-by-test; echo touch=$?; "
                               "findmnt -no SOURCE /var/lib/outreach-kiosk; findmnt -no SOURCE /data; "
                               "ls /var/lib/outreach-kiosk")
        check(out.split(",")[0] == "ro", "the root is mounted read-only", out)
        check("Read-only file system" in out and "touch=1" in out, "a write to the root fails", out)
        check("/dev/vda3" in out, "the kiosk's data folder is on the data partition", out)
        status, out = vm.shell("systemctl --failed --no-legend --plain")
        if out.strip():
            notes.append("failed units on the kiosk image: " + " ".join(l.split()[0] for l in out.splitlines()))
            say("  note: failed units: " + out.strip().replace("\n", "; "))
    finally:
        stop(vm, "the machine shuts down cleanly")


def volunteer_menu(args, vm, settings, typo_line, work):
    """Long press in a corner, the PIN on the pad, and the volunteer menu as the headless kiosk draws it."""
    run, folder = host_play(args.kiosk, args.pack, settings, work, "admin",
                            ["admin", "expect screen admin-pin", "shot admin-pin", "dump", "tap pin-1", "tap pin-2", "tap pin-3",
                             "tap pin-4", "tap pin-ok", "expect screen admin", "shot admin", "dump"])
    if not check(run.returncode == 0, "the headless kiosk opens the volunteer menu with the PIN",
                 run.stderr[-800:]):
        return
    pads = widget_centres(run.stdout)
    menu_text = run.stdout.split("expect screen admin")[-1] if "expect screen admin" in run.stdout else run.stdout
    # The volunteer menu the VM should show names the typo's line (the headless kiosk draws the same menu).
    check(re.search(rf"(line {typo_line}\b|:{typo_line}:)", menu_text) is not None,
          f"the volunteer menu lists the settings typo with its line ({typo_line})", menu_text[-1500:])
    from PIL import Image
    reference = Image.open(folder / "admin.png").convert("RGB")
    # A long press in the top-left corner (3 s), held as a person would until the PIN pad shows: a busy
    # emulated machine may see the lift late.
    vm.touch_down(2, 2)
    shown, best = wait_for_screen(vm, Image.open(folder / "admin-pin.png").convert("RGB"), 60, work, "admin-pin")
    vm.touch_up()
    time.sleep(1)
    if not check(shown is not None, "a long press in the corner opens the PIN pad",
                 f"mean {best[0]:.1f}, {best[1] * 100:.1f}% far off (see {work / 'admin-pin-last.png'})"):
        return
    for key in ("pin-1", "pin-2", "pin-3", "pin-4", "pin-ok"):
        if key not in pads:
            check(False, f"the PIN pad has {key}", menu_text[:800])
            return
        vm.touch(*pads[key])
        time.sleep(0.6)
    # The kiosk's own key and counts differ from the headless run's: a looser match.
    deadline = time.monotonic() + 30
    best = (255.0, 1.0)
    while time.monotonic() < deadline:
        shot = vm.screendump(work / "admin.ppm")
        best = min(best, difference(shot, reference))
        if best[0] <= MATCH_MEAN * 2 and best[1] <= MATCH_FAR * 3:
            break
        time.sleep(0.5)
    shot.save(work / "admin.png")
    check(best[0] <= MATCH_MEAN * 2 and best[1] <= MATCH_FAR * 3,
          "long press, PIN by touch: the volunteer menu is on the VM's screen",
          f"mean {best[0]:.1f}, {best[1] * 100:.1f}% far off (see {work / 'admin.png'})")


def watchdog(vm, attract, work):
    status, pid = vm.shell("systemctl show -p MainPID --value outreach-kiosk")
    pid = pid.strip()
    vm.shell(f"kill -STOP {pid}")
    stopped = time.monotonic()
    deadline = stopped + WATCHDOG_S + RESTART_S + 90
    new_pid = pid
    while time.monotonic() < deadline:
        status, new_pid = vm.shell("systemctl show -p MainPID --value outreach-kiosk")
        new_pid = new_pid.strip()
        if new_pid not in (pid, "0", ""):
            break
        time.sleep(2)
    restarted = time.monotonic() - stopped
    check(new_pid not in (pid, "0", ""), "SIGSTOP to the kiosk: systemd's watchdog restarts it",
          f"MainPID still {new_pid}")
    check(restarted <= WATCHDOG_S + RESTART_S + 30, f"restarted within WatchdogSec ({WATCHDOG_S} s) + "
          f"RestartSec ({RESTART_S} s): {restarted:.0f} s")
    status, journal = vm.shell("journalctl -b -u outreach-kiosk --no-pager -o cat | grep -i watchdog | head -3")
    check("atchdog timeout" in journal, "the journal says the watchdog timed out", journal)
    shown, best = wait_for_screen(vm, attract, 120, work, "after-watchdog")
    check(shown is not None, "the screen comes back with the attract picture after the restart",
          f"mean {best[0]:.1f}, {best[1] * 100:.1f}% far off")
    say(f"  watchdog: frozen kiosk replaced after {restarted:.0f} s")


def power_cuts(args, disk, work, root_hash):
    say(f"== power cuts: {args.power_cuts} whole-machine cuts while the kiosk signs pledges on the data partition")
    rng = random.Random(args.seed)
    acknowledged = set()
    survived = done = 0
    longest_cut = final_boot = 0.0
    for cut in range(1, args.power_cuts + 1):
        if args.deadline and cut > 1 and time.time() + longest_cut + final_boot > args.deadline:
            say(f"  no power cut {cut}: the deadline is {args.deadline - time.time():.0f} s away, a cut took up "
                f"to {longest_cut:.0f} s and the boot after the cuts needs about {final_boot:.0f} s")
            break
        cut_started = time.monotonic()
        # The display kiosk is masked for these boots: the cuts are about the data partition, and under TCG its
        # drawing would only slow the signing loop down.
        vm = machine(args.arch, disk, work / "vm", clock=CLOCK_BEHIND,
                extra_cmdline="outreach-kiosk-test.power-cut systemd.mask=outreach-kiosk.service")
        vm.start()
        try:
            # Signing under emulation is slow: the first pledge can take minutes after the boot.
            vm.wait_console(r"pledge-saved ", args.boot_timeout + 600)
            signing = vm.seconds()
            time.sleep(rng.uniform(0.0, 6.0))
        except VmError as error:
            check(False, f"[cut {cut}] the pledge loop signs after boot", str(error))
            vm.power_cut()
            return
        cut_at = vm.seconds()
        vm.power_cut()
        uuids = set(SAVED.findall(vm.console()))
        say(f"  [cut {cut}] first pledge {signing:.0f} s after power-on, power cut at {cut_at:.1f} s, "
            f"{len(uuids)} pledges acknowledged this boot")
        acknowledged |= uuids
        (clean, output), stored, verdict = stored_pledges(disk, work)
        lost = acknowledged - stored
        ok = check(clean, f"[cut {cut}] the data partition is clean after its journal is replayed", output)
        ok &= check(verdict == "ok", f"[cut {cut}] pledges.db integrity_check is ok", verdict)
        ok &= check(not lost, f"[cut {cut}] every pledge the journal acknowledged is stored "
                    f"({len(uuids)} this boot, {len(acknowledged)} in all, {len(stored)} stored)", sorted(lost)[:5])
        ok &= check(partition_hash(disk, 1) == root_hash, f"[cut {cut}] the root partition is untouched")
        survived += ok
        done = cut
        longest_cut = max(longest_cut, time.monotonic() - cut_started)
        # The boot after the cuts: a boot like this one's up to its first pledge, the checks, a shutdown, fsck.
        final_boot = max(final_boot, signing + 150)
    say(f"  power cuts survived: {survived} of {done}" + (f" ({args.power_cuts} asked; the deadline left time for "
        f"{done})" if done < args.power_cuts else "") + f", {len(acknowledged)} acknowledged pledges kept")
    return survived


def clock_behind(vm):
    """This boot's clock is behind the root's making, as a Pi's without a clock or a network: the read-only root
    was not checked at boot (the caller compares its bytes), and the image's e2fsck, given a file system whose
    last mount is "in the future" and which asks for checks every 180 days (as a card formatted elsewhere may;
    ours ask for none), leaves it alone instead of rewriting its superblock."""
    status, out = vm.shell("date -u +%s; date -u +%s -d \"$(TZ=UTC dumpe2fs -h $(findmnt -no SOURCE /) 2>/dev/null | "
                           "sed -n 's/^Last write time: *//p')\"; systemctl show -p ActiveState systemd-fsck-root; "
                           "f=/tmp/clock-test.ext4; mkfs.ext4 -q $f 8M && tune2fs -i 180d $f >/dev/null && "
                           "debugfs -w -R 'ssv mtime 20991231000000' $f 2>/dev/null; e2fsck -p $f; "
                           "echo e2fsck=$?; rm -f $f")
    lines = out.splitlines()
    try:
        now, built = int(lines[0]), int(lines[1])
    except (IndexError, ValueError):
        check(False, "the VM's clock and the root's last write time can be read", out)
        return
    day = "%Y-%m-%d %H:%M"
    check(now < built, f"this boot's clock ({time.strftime(day, time.gmtime(now))}) is behind the root's making "
          f"({time.strftime(day, time.gmtime(built))})", out)
    check("ActiveState=inactive" in out, "the read-only root is not checked at boot (fsck pass 0)", out)
    check("broken_system_clock set" in out and "in the future" not in out and "e2fsck=0" in out,
          "e2fsck leaves a file system last mounted \"in the future\" alone (broken_system_clock)", out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--disk", required=True, help="the pristine disk image (image-build/vm-image.sh)")
    parser.add_argument("--kiosk", required=True, help="this machine's kiosk program, for reference frames")
    parser.add_argument("--pack", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--arch", default="amd64", choices=("amd64", "arm64"), help="the image's architecture")
    parser.add_argument("--power-cuts", type=int, default=3)
    parser.add_argument("--boot-timeout", type=int, default=400)
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    parser.add_argument("--skip-first-boot", action="store_true", help="only the power cuts (while working on them)")
    parser.add_argument("--deadline", type=float, help="finish by this time (seconds since 1970): as many power "
                        "cuts as fit (at least 1); at the deadline the machine's power is cut and the run ends "
                        "with the skip code 77, unless a check failed before")
    args = parser.parse_args()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    disk = work / "disk.img"
    shutil.copyfile(args.disk, disk)
    root_hash = partition_hash(disk, 1)
    say(f"test-system: {disk} (seed {args.seed}; repeat with --seed)")

    started = time.monotonic()
    phase = ["the start"]
    if args.deadline:
        # The deadline stops whatever runs then; the machine's power is cut and the run says what was left.
        def deadline_came(signum, frame):
            out_of_time.append(phase[-1])
            raise OutOfTime()
        signal.signal(signal.SIGALRM, deadline_came)
        signal.alarm(max(1, int(args.deadline - time.time())))
        say(f"test-system: deadline in {args.deadline - time.time():.0f} s")
    try:
        if not args.skip_first_boot:
            phase.append("the first boot's checks")
            first_boot(args, disk, work)
            fsck(disk, work, "after a clean shutdown")
            check(partition_hash(disk, 1) == root_hash, "the root partition is byte for byte as built")
            say(f"  first boot and its checks: {time.monotonic() - started:.0f} s")
        if args.power_cuts > 0:
            phase.append("the power cuts")
            power_cuts(args, disk, work, root_hash)
            phase.append("the boot after the power cuts")
            say("== boot after the last cut: the kiosk still comes up, and a clean shutdown leaves clean disks")
            vm = machine(args.arch, disk, work / "vm", clock=CLOCK_BEHIND)
            vm.start()
            try:
                vm.wait_console(r"Started outreach-kiosk\.service|Started .*Outreach kiosk", args.boot_timeout)
                check(True, "the kiosk starts after the power cuts")
                clock_behind(vm)
            except VmError as error:
                check(False, "the kiosk starts after the power cuts", str(error))
            stop(vm, "the machine shuts down cleanly after the power cuts")
            fsck(disk, work, "after the power cuts and a clean shutdown")
            check(partition_hash(disk, 1) == root_hash, "the root partition is still byte for byte as built")
        signal.alarm(0)
    except VmError as error:
        signal.alarm(0)
        check(False, "the VM ran as expected", str(error))
    except OutOfTime:
        for vm in machines:
            vm.power_cut()
        say(f"test-system: OUT OF TIME: the deadline came during {out_of_time[0]}; what followed was not checked")
    say(f"test-system: {time.monotonic() - started:.0f} s in the VM tests")
    for note in notes:
        say(f"note: {note}")
    if failures:
        say(f"test-system: {len(failures)} check(s) FAILED; the VM's console log: {work / 'vm' / 'console.log'}")
        return 1
    if out_of_time:
        say("test-system: SKIPPED (out of time) after the checks above passed")
        return 77
    say("test-system: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
