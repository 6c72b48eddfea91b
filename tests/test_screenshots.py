"""scripts/screenshots.py builds the example, photographs it in a real browser and writes three real pictures.

Each PNG is read with a small decoder here (no imaging library): its header gives the size, and its first rows of
pixels must hold more than a few colours, so a blank or failed page does not pass.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from tests.site.browsing import CHROMIUM, require

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "screenshots.py"
NAMES = ("status-light.png", "status-dark.png", "portal-now.png")
SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {2: 3, 6: 4}  # colour type: RGB, RGBA
ROWS = 200  # rows decoded to count colours: the header, the title and the first lines of the page


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Split a PNG after its signature into (type, body) chunks."""
    found, at = [], len(SIGNATURE)
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        found.append((kind, data[at + 8:at + 8 + length]))
        at += 12 + length
    return found


def header(data: bytes) -> tuple[int, int, int, int]:
    """Return width, height, bit depth and colour type from a PNG's IHDR, after checking the signature."""
    assert data[:8] == SIGNATURE and data[12:16] == b"IHDR"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, depth, colour


def paeth(left: int, up: int, corner: int) -> int:
    """The PNG Paeth predictor."""
    guess = left + up - corner
    near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
    return near[2]


def unfilter(line: bytes, kind: int, prior: bytearray, step: int) -> bytearray:
    """Undo one scanline's PNG filter against the previous, already unfiltered, line."""
    out = bytearray(line)
    for i in range(len(out)):
        left = out[i - step] if i >= step else 0
        corner = prior[i - step] if i >= step else 0
        predict = (0, left, prior[i], (left + prior[i]) // 2, paeth(left, prior[i], corner))[kind]
        out[i] = (out[i] + predict) & 0xFF
    return out


def colours(data: bytes, rows: int = ROWS) -> set[bytes]:
    """Return the distinct pixel values of the first ``rows`` rows of an 8-bit RGB or RGBA PNG."""
    width, _, depth, colour = header(data)
    assert depth == 8 and colour in CHANNELS
    step = CHANNELS[colour]
    pixels = zlib.decompress(b"".join(body for kind, body in chunks(data) if kind == b"IDAT"))
    stride, prior, seen = width * step + 1, bytearray(width * step), set()
    for row in range(rows):
        line = pixels[row * stride:(row + 1) * stride]
        prior = unfilter(line[1:], line[0], prior, step)
        seen.update(bytes(prior[i:i + step]) for i in range(0, len(prior), step))
    return seen


def solid_png(width: int, height: int) -> bytes:
    """Make a one-colour RGB PNG, to show that the colour count tells a blank picture."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        """Frame one chunk with its length and CRC."""
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return SIGNATURE + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_the_decoder_sees_one_colour_in_a_blank_picture():
    assert colours(solid_png(1280, 900)) == {b"\xff\xff\xff"}


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Run the script into a fresh folder."""
    require(CHROMIUM.is_file(), f"no browser at {CHROMIUM}: apt-get install -y --no-install-recommends chromium")
    out = tmp_path_factory.mktemp("screenshots")
    done = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("name", NAMES)
def test_each_screenshot_is_a_1280_by_900_picture_of_a_page(shots, name):
    data = (shots / name).read_bytes()
    assert header(data)[:2] == (1280, 900)
    assert len(colours(data)) > 16


def test_the_dark_status_page_is_not_the_light_one(shots):
    light, dark = (colours((shots / name).read_bytes()) for name in NAMES[:2])
    assert light != dark


def test_only_the_three_screenshots_are_written(shots):
    assert sorted(p.name for p in shots.iterdir()) == sorted(NAMES)
