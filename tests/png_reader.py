"""A strict reader for the PNG files the site writes (8-bit RGB, unfiltered or filtered rows): it
checks the signature, every chunk's CRC, the IHDR, and that the image data decompresses to
exactly one filter byte and one row of pixels per line. Tests read pixels with it."""
from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Png:
    width: int
    height: int
    rows: list[bytes]  # unfiltered RGB, 3 bytes a pixel

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        return tuple(self.rows[y][3 * x:3 * x + 3])  # type: ignore[return-value]


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == SIGNATURE, "not a PNG signature"
    found, at = [], 8
    while at < len(data):
        (length,), kind = struct.unpack(">I", data[at:at + 4]), data[at + 4:at + 8]
        body = data[at + 8:at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        assert crc == zlib.crc32(kind + body), f"bad CRC on {kind!r}"
        found.append((kind, body))
        at += 12 + length
    assert found[-1] == (b"IEND", b""), "no IEND at the end"
    return found


def unfilter(kind: int, line: bytes, above: bytes) -> bytes:
    """PNG's filters for 3-byte pixels (None, Sub, Up, Average, Paeth)."""
    if kind == 0:
        return line
    out = bytearray(line)
    for i, value in enumerate(line):
        left, up, corner = (out[i - 3] if i >= 3 else 0), above[i], (above[i - 3] if i >= 3 else 0)
        if kind == 1:
            out[i] = (value + left) & 0xFF
        elif kind == 2:
            out[i] = (value + up) & 0xFF
        elif kind == 3:
            out[i] = (value + (left + up) // 2) & 0xFF
        elif kind == 4:
            guess = left + up - corner
            best = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
            out[i] = (value + best[2]) & 0xFF
    return bytes(out)


def read_png(data: bytes) -> Png:
    found = chunks(data)
    kind, header = found[0]
    assert kind == b"IHDR" and len(header) == 13
    width, height, depth, color, compression, filtering, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, color, compression, filtering, interlace) == (8, 2, 0, 0, 0), "not 8-bit RGB"
    raw = zlib.decompress(b"".join(body for kind, body in found if kind == b"IDAT"))
    stride = 1 + 3 * width
    assert len(raw) == height * stride, f"{len(raw)} bytes of pixels for {width}×{height}"
    rows, above = [], bytes(3 * width)
    for y in range(height):
        line = raw[y * stride:(y + 1) * stride]
        assert line[0] <= 4, f"unknown filter {line[0]} on row {y}"
        above = unfilter(line[0], line[1:], above)
        rows.append(above)
    return Png(width, height, rows)
