# A QEMU machine (amd64, or arm64 like the Pi) booted from the kiosk's disk image the way a Pi boots its card: kernel, initrd and
# cmdline.txt come from the FAT boot partition. The harness sees it as a person would: the screen (QMP
# screendump), a touch panel (QMP input-send-event on a virtio tablet), the journal (serial console), and a
# root shell on a second serial port or virtio console (a test-only unit) for what no person could see.
import json
import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

BOOT_OFFSET = "1M"  # image-build/vm-image.sh puts the FAT partition at 1 MiB, like the Pi's card
SCREEN = (800, 480)  # the original 7" panel


class VmError(Exception):
    pass


def boot_files(disk, into):
    """Copies vmlinuz, initrd.img and cmdline.txt out of the image's FAT partition (mtools: no mount)."""
    into.mkdir(parents=True, exist_ok=True)
    for name in ("vmlinuz", "initrd.img", "cmdline.txt"):
        subprocess.run(["mcopy", "-o", "-n", "-i", f"{disk}@@{BOOT_OFFSET}", f"::{name}", str(into / name)],
                       check=True)
    return (into / "cmdline.txt").read_text().strip()


def read_boot_file(disk, name):
    return subprocess.run(["mtype", "-i", f"{disk}@@{BOOT_OFFSET}", f"::{name}"], check=True,
                          capture_output=True).stdout.decode()


def write_boot_file(disk, name, text, work):
    path = work / name
    path.write_bytes(text.encode())
    subprocess.run(["mcopy", "-o", "-i", f"{disk}@@{BOOT_OFFSET}", str(path), f"::{name}"], check=True)


class Vm:
    def __init__(self, arch, disk, work, extra_cmdline="", log=print, clock="utc"):
        """clock: where the machine's real-time clock starts, QEMU's -rtc base= ("utc" is now; a date sets it
        back, as a Pi without a battery-backed clock boots before its network gives the time)."""
        self.arch, self.disk, self.work = arch, Path(disk), Path(work)
        self.extra_cmdline = extra_cmdline
        self.clock = clock
        self.log = log
        self.process = None
        self.qmp_sock = None
        self.shell_sock = None
        self.console_path = self.work / "console.log"
        self.console_offset = 0
        self.started = None

    # --- life cycle --------------------------------------------------------------------------------------

    def start(self):
        self.work.mkdir(parents=True, exist_ok=True)
        files = self.work / "boot"
        # no_timer_check: on a busy host, TCG is too slow for the kernel's IO-APIC timer check, which then
        # panics ("IO-APIC + timer doesn't work!"); the journal goes to the serial console for the harness.
        # systemd.default_timeout_start_sec: on a busy host, services (the kiosk's first frame under llvmpipe)
        # may take longer than systemd's 90 s to start.
        cmdline = (boot_files(self.disk, files) + " no_timer_check systemd.journald.forward_to_console=1 "
                   "systemd.default_timeout_start_sec=900 " + self.extra_cmdline)
        if self.arch == "arm64":
            cmdline += " systemd.getty_auto=0"  # no login prompt on hvc0, the test shell's console
        for sock in ("qmp.sock", "shell.sock"):
            (self.work / sock).unlink(missing_ok=True)
        # Each boot appends to the console log; remember where this one starts.
        self.console_offset = self.console_path.stat().st_size if self.console_path.exists() else 0
        if self.arch == "arm64":
            # The Pi's CPU; the virt machine has one UART (the console), so the test shell is a virtio console.
            machine = ["qemu-system-aarch64", "-machine", "virt,accel=tcg", "-cpu", "cortex-a72"]
            shell = ["-device", "virtio-serial-pci", "-device", "virtconsole,chardev=shell"]
        else:
            machine = ["qemu-system-x86_64", "-machine", "pc,accel=tcg", "-cpu", "max"]
            shell = ["-serial", "chardev:shell"]
        args = machine + ["-smp", "1", "-m", "1024", "-nodefaults", "-no-user-config", "-display", "none",
                "-kernel", str(files / "vmlinuz"), "-initrd", str(files / "initrd.img"), "-append", cmdline,
                # cache=none: a write QEMU acknowledged has reached the host file, so kill -9 of QEMU is a
                # power cut that loses RAM (guest and QEMU), not writes the guest was told are stored.
                "-drive", f"if=none,id=card,file={self.disk},format=raw,cache=none,aio=threads",
                "-device", "virtio-blk-pci,drive=card",
                "-device", f"virtio-gpu-pci,xres={SCREEN[0]},yres={SCREEN[1]}",
                "-device", "virtio-tablet-pci",
                "-chardev", f"file,id=console,path={self.console_path},append=on",
                "-serial", "chardev:console",
                "-chardev", f"socket,id=shell,path={self.work / 'shell.sock'},server=on,wait=off"] + shell + [
                "-qmp", f"unix:{self.work / 'qmp.sock'},server=on,wait=off",
                "-rtc", f"base={self.clock}"]
        self.started = time.monotonic()
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=open(self.work / "qemu.log", "ab"),
                                        stderr=subprocess.STDOUT)
        self._connect_qmp()
        self.log(f"vm: started (cmdline: {cmdline})")

    def _connect_qmp(self):
        deadline = time.monotonic() + 30
        while True:
            try:
                self.qmp_sock = socket.socket(socket.AF_UNIX)
                self.qmp_sock.connect(str(self.work / "qmp.sock"))
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise VmError("QEMU did not start: see " + str(self.work / "qemu.log"))
                time.sleep(0.1)
        self.qmp_file = self.qmp_sock.makefile("rwb")
        json.loads(self.qmp_file.readline())  # greeting
        self.qmp("qmp_capabilities")

    def qmp(self, command, **arguments):
        message = {"execute": command}
        if arguments:
            message["arguments"] = arguments
        self.qmp_file.write(json.dumps(message).encode() + b"\n")
        self.qmp_file.flush()
        while True:
            reply = json.loads(self.qmp_file.readline())
            if "event" in reply:
                continue
            if "error" in reply:
                raise VmError(f"QMP {command}: {reply['error']}")
            return reply.get("return")

    def power_cut(self):
        """SIGKILL to QEMU: the machine loses power, RAM and all."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
        self._close()

    def shut_down(self, timeout=300):
        """A clean poweroff from inside; a power cut if it does not come. Returns whether it was clean."""
        try:
            self.shell("systemctl poweroff --no-block", timeout=60)
            self.process.wait(timeout=timeout)
        except (VmError, subprocess.TimeoutExpired, OSError) as error:
            # The power button (ACPI, handled by logind) is the other way a person shuts a machine down.
            self.log(f"vm: poweroff through the test shell failed ({error or type(error).__name__}); "
                     "pressing the power button")
            try:
                self.qmp("system_powerdown")
                self.process.wait(timeout=timeout)
            except (VmError, subprocess.TimeoutExpired, OSError):
                self.log("vm: no clean shutdown in time; cutting the power")
                self.power_cut()
                self._close()
                return False
        self._close()
        return True

    def _close(self):
        for sock in (self.qmp_sock, self.shell_sock):
            try:
                if sock:
                    sock.close()
            except OSError:
                pass
        self.qmp_sock = self.shell_sock = None

    def seconds(self):
        return time.monotonic() - self.started

    # --- the journal on the serial console ----------------------------------------------------------------

    def console(self):
        with open(self.console_path, "rb") as f:
            f.seek(self.console_offset)
            return f.read().decode(errors="replace")

    def wait_console(self, pattern, timeout, since=0):
        """Waits for `pattern` in this boot's console output (after character `since`); returns the match."""
        regex = re.compile(pattern, re.M)
        deadline = time.monotonic() + timeout
        while True:
            found = regex.search(self.console(), since)
            if found:
                return found
            self.check_boot()
            if time.monotonic() > deadline:
                raise VmError(f"no /{pattern}/ on the serial console within {timeout} s")
            time.sleep(0.2)

    def check_boot(self):
        """Raises VmError when the machine stopped or its boot went to emergency mode (waiting is then pointless)."""
        if self.process.poll() is not None:
            raise VmError(f"the VM stopped (see {self.console_path})")
        if "You are in emergency mode" in self.console():
            failed = re.findall(r"(?:Timed out waiting for|Dependency failed for|Failed to start) [^\n]*",
                                self.console())
            raise VmError("the boot went to emergency mode: " + "; ".join(failed[:4]))

    # --- the root shell on ttyS1 --------------------------------------------------------------------------

    def _connect_shell(self, timeout):
        deadline = time.monotonic() + timeout
        self.shell_sock = socket.socket(socket.AF_UNIX)
        self.shell_sock.connect(str(self.work / "shell.sock"))
        self.shell_sock.settimeout(1)
        self.shell_buffer = b""
        # The shell starts with the test-only unit; poke it until it answers. The marker is split in the command,
        # so the terminal's echo of a poke (before `stty -echo`, or before the shell runs) never passes for it.
        while time.monotonic() < deadline:
            self.shell_sock.sendall(b"\nPS1=; stty -echo; echo SHELL-\"\"READY\n")
            if self._read_until(b"SHELL-READY\r\n", 3) is not None:
                return
        raise VmError("the test shell on ttyS1 did not answer")

    def _read_until(self, marker, timeout):
        deadline = time.monotonic() + timeout
        while marker not in self.shell_buffer:
            if time.monotonic() > deadline:
                return None
            try:
                chunk = self.shell_sock.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                raise VmError("the test shell closed")
            self.shell_buffer += chunk
        before, _, self.shell_buffer = self.shell_buffer.partition(marker)
        return before

    def shell(self, command, timeout=60):
        """Runs `command` as root in the VM; returns (exit status, output)."""
        if self.shell_sock is None:
            self._connect_shell(timeout=max(timeout, 120))
        token = os.urandom(4).hex()
        # The markers are split in the command so an echo of the command never matches them; what came before
        # the begin marker (late answers to earlier pokes) is dropped.
        self.shell_sock.sendall(f"echo \"@@BEGIN-\"\"{token}\"; {{ {command} ; }} 2>&1; "
                                f"echo \"@@DONE-\"\"{token} $?\"\n".encode())
        if self._read_until(f"@@BEGIN-{token}\r\n".encode(), timeout) is None:
            raise VmError(f"no answer from the VM to `{command}` within {timeout} s")
        out = self._read_until(f"@@DONE-{token} ".encode(), timeout)
        if out is None:
            raise VmError(f"no end to `{command}` within {timeout} s")
        status = self._read_until(b"\n", 5)
        return int(status.strip() or b"255"), out.decode(errors="replace").replace("\r", "")

    # --- screen and touch ----------------------------------------------------------------------------------

    def screendump(self, path):
        self.qmp("screendump", filename=str(path))
        return Image.open(path).convert("RGB")

    def _point_at(self, x, y):
        """Moves the tablet's pointer to screen pixel (x, y) as SDL 2.26 (Debian 12) reads an absolute pointer.

        SDL 2.26's evdev code passes an absolute mouse's raw axis values on as window coordinates (scaling by the
        axis range came with SDL 2.28, libsdl-org/SDL#7899), and after each report it forgets both axes, so an
        axis the kernel left out (its value unchanged) arrives as 0. So the harness sends pixel values, and first
        a point one or two pixels off in both axes, so that each report carries both axes.
        """
        last = getattr(self, "_pointer", (-1, -1))
        off = next(d for d in (1, -1, 2) if x + d != last[0] and y + d != last[1] and x + d >= 0 and y + d >= 0)
        for px, py in ((x + off, y + off), (x, y)):
            self.qmp("input-send-event", events=[{"type": "abs", "data": {"axis": "x", "value": px}},
                                                 {"type": "abs", "data": {"axis": "y", "value": py}}])
        self._pointer = (x, y)

    def touch_down(self, x, y):
        """A finger down at (x, y) in screen pixels (the VM's touch panel is QEMU's virtio tablet)."""
        self._point_at(x, y)
        time.sleep(0.05)
        self.qmp("input-send-event", events=[{"type": "btn", "data": {"down": True, "button": "left"}}])

    def touch_up(self):
        self.qmp("input-send-event", events=[{"type": "btn", "data": {"down": False, "button": "left"}}])

    def touch(self, x, y, hold_s=0.15):
        """A tap: down at (x, y), held for `hold_s`, lifted."""
        self.touch_down(x, y)
        time.sleep(hold_s)
        self.touch_up()


def difference(a, b):
    """(mean absolute difference per channel 0..255, share of pixels off by more than 64 in some channel)."""
    if a.size != b.size:
        return 255.0, 1.0
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    mean = sum(ImageStat.Stat(diff).mean) / 3
    r, g, b_ = diff.split()
    worst = ImageChops.lighter(ImageChops.lighter(r, g), b_)
    far = worst.point(lambda v: 255 if v > 64 else 0).histogram()[255]
    return mean, far / (a.size[0] * a.size[1])
