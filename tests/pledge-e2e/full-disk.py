# A full disk costs a signature, never the kiosk: on a small tmpfs filled up, signing shows the polite
# save_failed message and keeps the form; once space is freed the same form saves, and so does a new run.
# Needs root with permission to mount tmpfs; skipped (exit 77) otherwise.
import errno
import os
import subprocess
import sys

from kiosk_e2e import SKIP, KioskSetup, check, main, saved_uuids, sign_lines, ui_text
from live_play import LivePlay

SIZE = "4m"


def fill(path):
    """Writes zeros to `path` until the file system refuses; returns the bytes written."""
    written = 0
    block = b"\0" * 65536
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (65536, 4096, 1):  # then top up with smaller writes
            while True:
                try:
                    n = os.write(fd, block[:size])
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
                written += n
                if n < size:
                    break
    finally:
        os.close(fd)
    return written


def is_dump_of_form(line):
    return line.startswith("field-name button ")


def test(args, setups):
    setup = KioskSetup(args, "full-disk")
    setups.append(setup)
    disk = setup.root / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SIZE},mode=0700", "tmpfs", str(disk)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        print(f"SKIPPED: cannot mount a {SIZE} tmpfs here ({mounted.stderr.strip() or 'mount failed'}); this "
              "needs root with mount permission. The store's unit tests cover a full disk with max_page_count.")
        return SKIP
    try:
        return run_on(setup, disk, args.pack)
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def run_on(setup, disk, pack):
    setup.data_dir = disk / "data"
    setup.config.write_text(setup.config.read_text().replace(str(setup.root / "data"), str(setup.data_dir)))
    failed_phrase = "could not be saved"
    check(failed_phrase in ui_text(pack, "save_failed"), f"the pack's save_failed says {failed_phrase!r}")
    filler = disk / "filler"
    live = LivePlay(setup, "full-disk.play")
    try:
        # The kiosk has opened its store; the form is filled in, not yet signed.
        form = sign_lines("Fulldisk Signer", "full.disk@example.my")
        live.send(form[:-2] + ["dump"])
        live.read_until(is_dump_of_form, "the filled-in form (dump)")
        written = fill(filler)
        free = os.statvfs(disk)
        check(free.f_bavail * free.f_frsize < 4096, "the tmpfs is full", f"{free.f_bavail} blocks free")

        live.send(["tap submit", "expect screen pledge", f"expect text {failed_phrase}",
                   "expect text Fulldisk Signer", "dump"])
        live.read_until(is_dump_of_form, "the form after the failed save (dump)")
        check(live.process.poll() is None, "the kiosk is still running after the failed save", live.stderr())
        check(not saved_uuids(live.stdout), "no pledge-saved line while the disk is full", live.stdout)
        check("storage full" in live.stderr(), "the kiosk notes on stderr that storage is full", live.stderr())

        # Space is freed: "Please press Sign once more" works, in the same run.
        filler.unlink()
        live.send(["tap submit", "expect screen thanks"])
        line = live.read_until(lambda l: l.startswith("pledge-saved "), "pledge-saved after space was freed")
        retried = line.split()[1]
        status = live.finish()
        check(status == 0, f"kiosk play exits 0 (it exited {status})", live.stderr())
    finally:
        live.close()
    check("Fulldisk Signer" not in live.stderr() and "full.disk@" not in live.stderr(),
          "the storage-full note names nothing typed", live.stderr())

    stdout, _ = setup.play(setup.script("after.play", sign_lines("Second Signer", "second@example.my")))
    fresh = saved_uuids(stdout)
    check(len(fresh) == 1, "a new run on the freed disk saves its pledge", stdout)
    check(setup.stored_uuids() == {retried, fresh[0]}, "pledges.db holds both saved pledges")
    print(f"filled the {SIZE} tmpfs ({written} bytes): save_failed shown, form kept, no crash; after freeing "
          "space the retry and a new run both saved")
    return 0


if __name__ == "__main__":
    sys.exit(main(test))
