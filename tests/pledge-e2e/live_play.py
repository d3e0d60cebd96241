# A `kiosk play` fed line by line through a named pipe: the kiosk stays running, its database open, for as long
# as the test keeps the pipe open, so files can be checked while a real kiosk process holds them.
import errno
import os
import select
import subprocess
import time

from kiosk_e2e import check, headless_environment


class LivePlay:
    def __init__(self, setup, name):
        self.fifo = setup.root / name
        os.mkfifo(self.fifo)
        self.stderr_file = open(setup.root / (name + ".stderr"), "w+")
        self.process = subprocess.Popen(setup.play_command(self.fifo), stdout=subprocess.PIPE,
                                        stderr=self.stderr_file, env=headless_environment())
        self.stdout = ""
        self._pending = b""
        self.writer = self._open_writer(timeout_s=30)

    def _open_writer(self, timeout_s):
        # Opening without a reader fails with ENXIO; the kiosk opens the script first thing when it starts.
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
                os.set_blocking(fd, True)
                return fd
            except OSError as error:
                if error.errno != errno.ENXIO:
                    raise
            check(self.process.poll() is None, "kiosk play keeps running to read its script", self.stderr())
            check(time.monotonic() < deadline, f"kiosk play opens its script within {timeout_s} s")
            time.sleep(0.01)

    def send(self, lines):
        os.write(self.writer, ("\n".join(lines) + "\n").encode())

    def read_until(self, predicate, what, timeout_s=30):
        """Reads stdout lines until `predicate(line)` holds; returns that line."""
        deadline = time.monotonic() + timeout_s
        fd = self.process.stdout.fileno()
        while True:
            while b"\n" in self._pending:
                raw, self._pending = self._pending.split(b"\n", 1)
                line = raw.decode()
                self.stdout += line + "\n"
                if predicate(line):
                    return line
            left = deadline - time.monotonic()
            check(left > 0, f"within {timeout_s} s, kiosk play prints {what}", self.stdout[-2000:] + self.stderr())
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536)
                check(chunk != b"", f"kiosk play prints {what} before it ends", self.stdout[-2000:] + self.stderr())
                self._pending += chunk

    def finish(self, timeout_s=60):
        """Closes the script; returns the exit status once the kiosk has run the rest."""
        if self.writer is not None:
            os.close(self.writer)
            self.writer = None
        rest, _ = self.process.communicate(timeout=timeout_s)
        self.stdout += (self._pending + rest).decode()
        self._pending = b""
        return self.process.returncode

    def stderr(self):
        if self.stderr_file.closed:
            return self._stderr_text
        self.stderr_file.flush()
        self.stderr_file.seek(0)
        return self.stderr_file.read()

    def close(self):
        if self.writer is not None:
            os.close(self.writer)
            self.writer = None
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if not self.stderr_file.closed:
            self._stderr_text = self.stderr()
            self.stderr_file.close()
