#!/usr/bin/env python3
"""Images that claim a huge picture, fed to `kiosk validate` and to the kiosk itself under a 512 MB board's
share of address space (ulimit -v 400000): each must be refused at the line that names it, with a peak under
100 MB, and the kiosk must go on showing the last good pack. Then a pack holding a link to a big folder
outside it, a link inside it and a FIFO: the kiosk must start, and its last-good copy hold none of them.

usage: image-bombs.py KIOSK_PROGRAM GOOD_PACK WORK_DIR [SANITIZED]
(SANITIZED = 1 skips: AddressSanitizer reserves terabytes of address space, so no address limit can apply.)
"""
import os
import resource
import shutil
import struct
import subprocess
import sys
import threading
import zlib

ADDRESS_LIMIT_KB = 400_000
PEAK_LIMIT_KB = 100 * 1024


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_claiming(width, height, size):
    """A PNG whose header claims width x height, padded with a little image data to exactly `size` bytes."""
    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    tail = chunk(b"IEND", b"")
    room = size - len(head) - len(tail) - 12
    data = zlib.compress(b"\0" * 100_000, 9)
    data = (data * (room // len(data) + 1))[:room]
    png = head + chunk(b"IDAT", data) + tail
    assert len(png) == size, len(png)
    return png


def real_png(width, height):
    """A genuine grey PNG of width x height (400 MB of pixels in about 400 KB), made in well under a second:
    one batch of all-zero rows is deflated once and its block repeated, as each ends in a full flush."""
    batch_rows = 100
    assert height % batch_rows == 0
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(b"\0" * (width + 1) * batch_rows) + deflate.flush(zlib.Z_FULL_FLUSH)
    total = (width + 1) * height
    adler = ((total % 65521) << 16) | 1  # Adler-32 of all-zero bytes
    stream = b"\x78\xda" + block * (height // batch_rows) + b"\x03\x00" + struct.pack(">I", adler)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", stream) + chunk(b"IEND", b""))


def jpeg_claiming(width, height):
    """A baseline JPEG's markers claiming width x height, three components, then scan data."""
    sof = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return (b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0" +
            b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11"
            b"\x00\x3f\x00" + b"\x00" * 4000 + b"\xff\xd9")


def gif_claiming(width, height):
    return (b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\0" * 6 +
            b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02\x02\x44\x01\x00\x3b")


BOMBS = [
    # (file name, bytes, what the validator must say about it)
    ("png-30000.png", lambda: png_claiming(30000, 30000, 312), r"is 30000x30000 px; scale it"),
    ("png-60000.png", lambda: png_claiming(60000, 60000, 545), r"is 60000x60000 px; scale it"),
    ("real-20000.png", lambda: real_png(20000, 20000), r"is 20000x20000 px; scale it"),
    ("svg-20000.svg", lambda: (b'<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000">'
                               b'<rect width="20000" height="20000" fill="#800"/></svg>\n'),
     r"is 20000x20000 px; scale it"),
    ("jpeg-30000.jpg", lambda: jpeg_claiming(30000, 30000), r"is 30000x30000 px; scale it"),
    ("gif-as.png", lambda: gif_claiming(30000, 30000), r"is named like PNG but holds GIF"),
]


def run_limited(command, env):
    """Runs `command` with RLIMIT_AS at the board's share; returns (exit status, output, peak RSS in KB)."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT_KB * 1024, ADDRESS_LIMIT_KB * 1024))

    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                               preexec_fn=limit)
    timer = threading.Timer(120, process.kill)  # a run that blocks (on a FIFO, say) fails instead of hanging
    timer.start()
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, output, usage.ru_maxrss


def main():
    kiosk, good_pack, work = sys.argv[1:4]
    if len(sys.argv) > 4 and sys.argv[4] in ("1", "ON", "TRUE"):
        print("image-bombs: skipped in the sanitizer build (ASan reserves terabytes of address space, so "
              "ulimit -v cannot apply); the release build runs it")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    import re

    # A good run first leaves the last-good copy the bomb runs must fall back to.
    data = os.path.join(work, "data")
    good_config = os.path.join(work, "good.toml")
    with open(good_config, "w") as f:
        f.write(f'kiosk_id = "bomb-test"\ncontent = "{good_pack}"\ndata_dir = "{data}"\n')
    status, output, peak = run_limited([kiosk, "--config", good_config, "--headless", "--exit-after", "0",
                                        "--size", "800x480"], env)
    print(f"good pack: exit {status}, peak {peak // 1024} MB")
    if status != 0 or not os.path.exists(os.path.join(data, "last-good-pack", "pack.toml")):
        print(output)
        print("FAIL: the good pack did not run under the limit or left no last-good copy")
        return 1

    failures = 0
    with open(os.path.join(good_pack, "attract.toml")) as f:
        attract = f.read()
    first_image = re.search(r'^image = "([^"]+)"', attract, re.M)
    line = attract[:first_image.start()].count("\n") + 1
    for name, make, message in BOMBS:
        pack = os.path.join(work, "pack-" + name.replace(".", "-"))
        shutil.copytree(good_pack, pack)
        with open(os.path.join(pack, "images", name), "wb") as f:
            f.write(make())
        with open(os.path.join(pack, "attract.toml"), "w") as f:
            f.write(attract[:first_image.start()] + f'image = "images/{name}"' + attract[first_image.end():])
        where = re.escape(os.path.join(pack, "attract.toml")) + f":{line}:9: error: image \"images/{re.escape(name)}\" "
        size = os.path.getsize(os.path.join(pack, "images", name))

        status, output, peak = run_limited([kiosk, "validate", pack], env)
        ok = status == 1 and re.search(where + ".*" + message, output) and peak < PEAK_LIMIT_KB
        print(f"{'ok  ' if ok else 'FAIL'} validate {name} ({size} bytes): exit {status}, peak {peak // 1024} MB")
        if not ok:
            print(output)
            failures += 1

        config = os.path.join(work, name + ".toml")
        with open(config, "w") as f:
            f.write(f'kiosk_id = "bomb-test"\ncontent = "{pack}"\ndata_dir = "{data}"\n')
        status, output, peak = run_limited([kiosk, "--config", config, "--headless", "--exit-after", "0",
                                            "--size", "800x480"], env)
        ok = (status == 0 and re.search(where + ".*" + message, output) and
              "showing the last pack that loaded" in output and peak < PEAK_LIMIT_KB)
        print(f"{'ok  ' if ok else 'FAIL'} kiosk    {name}: exit {status}, peak {peak // 1024} MB, "
              f"{'last good pack shown' if 'showing the last pack' in output else 'NO last good pack'}")
        if not ok:
            print(output)
            failures += 1
    # Links and a FIFO in the pack folder: nothing outside the pack is read or copied, and nothing is opened
    # but regular files.
    pack = os.path.join(work, "pack-links")
    shutil.copytree(good_pack, pack)
    os.symlink("/usr/share", os.path.join(pack, "images", "big-folder"))
    os.symlink("candle.svg", os.path.join(pack, "images", "alias.svg"))
    os.mkfifo(os.path.join(pack, "pipe"))
    links_data = os.path.join(work, "data-links")
    config = os.path.join(work, "links.toml")
    with open(config, "w") as f:
        f.write(f'kiosk_id = "bomb-test"\ncontent = "{pack}"\ndata_dir = "{links_data}"\n')
    status, output, peak = run_limited([kiosk, "--config", config, "--headless", "--exit-after", "0",
                                        "--size", "800x480"], env)
    copy = os.path.join(links_data, "last-good-pack")
    copied = sorted(os.path.relpath(os.path.join(d, n), copy) for d, ds, fs in os.walk(copy) for n in ds + fs)
    leaked = [p for p in copied if p.endswith(("big-folder", "alias.svg", "pipe")) or p.startswith("images/big")]
    ok = status == 0 and "pack.toml" in copied and not leaked and peak < PEAK_LIMIT_KB
    print(f"{'ok  ' if ok else 'FAIL'} kiosk    pack with links and a FIFO: exit {status}, peak {peak // 1024} MB, "
          f"{len(copied)} entries copied, left out: big-folder, alias.svg, pipe" + (f"; LEAKED {leaked}" if leaked else ""))
    if not ok:
        print(output)
        failures += 1
    print(f"image-bombs: {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
