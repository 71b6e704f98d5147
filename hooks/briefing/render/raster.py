"""A small raster canvas and PNG writer, for the images the site makes of itself (og_image.py).

Pure Python (zlib and struct), so no imaging library and no external service is needed, and the
same drawing gives the same bytes on every build: no timestamps or text chunks in the file, and
only integer blending.

Shapes are convex (rounded rectangles, triangles) and drawn scanline by scanline: each pixel row
is sampled on SUBROWS horizontal lines, and each line covers an exact span, so a pixel's coverage
is how much of it the spans cover. Pixels inside every span are filled in one slice; only the few
at a shape's edges are blended one by one, which keeps a 1200×630 image fast in pure Python.
"""
from __future__ import annotations

import math
import struct
import zlib
from dataclasses import dataclass
from typing import NamedTuple, Protocol

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SUBROWS = 4  # samples per pixel row: enough for smooth curves at icon and card sizes

class Color(NamedTuple):
    red: int
    green: int
    blue: int


def hex_color(text: str) -> Color:
    """'#4051b5' -> (64, 81, 181)."""
    value = text.lstrip("#")
    return Color(int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


class Shape(Protocol):
    """A convex shape: the rows it spans, and where each horizontal line crosses it."""

    @property
    def top(self) -> float: ...

    @property
    def bottom(self) -> float: ...

    def span(self, y: float) -> tuple[float, float] | None: ...

    def scaled(self, left: float, top: float, scale: float) -> Shape: ...


@dataclass(frozen=True)
class RoundedRect:
    x: float
    y: float
    width: float
    height: float
    radius: float = 0.0

    @property
    def top(self) -> float:
        return self.y

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def span(self, y: float) -> tuple[float, float] | None:
        """Where the horizontal line at height y crosses the shape, or None if it misses it."""
        if not self.y <= y < self.bottom:
            return None
        corner = max(self.y + self.radius - y, y - (self.bottom - self.radius), 0.0)
        inset = self.radius - math.sqrt(max(self.radius ** 2 - corner ** 2, 0.0)) if corner else 0.0
        return self.x + inset, self.x + self.width - inset

    def scaled(self, left: float, top: float, scale: float) -> RoundedRect:
        return RoundedRect(left + self.x * scale, top + self.y * scale, self.width * scale,
                           self.height * scale, self.radius * scale)


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[float, float], ...]  # convex, in any order around it

    @property
    def top(self) -> float:
        return min(y for _, y in self.points)

    @property
    def bottom(self) -> float:
        return max(y for _, y in self.points)

    def span(self, y: float) -> tuple[float, float] | None:
        crossings = []
        for (x1, y1), (x2, y2) in zip(self.points, self.points[1:] + self.points[:1], strict=True):
            if y1 != y2 and min(y1, y2) <= y <= max(y1, y2):
                crossings.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
        return (min(crossings), max(crossings)) if len(crossings) >= 2 else None

    def scaled(self, left: float, top: float, scale: float) -> Polygon:
        return Polygon(tuple((left + x * scale, top + y * scale) for x, y in self.points))


class Canvas:
    """RGB pixels, painted in order: what is drawn later covers what was drawn before."""

    def __init__(self, width: int, height: int, background: Color) -> None:
        self.width, self.height = width, height
        self.rows = [bytearray(bytes(background) * width) for _ in range(height)]

    def fill_rect(self, left: int, top: int, right: int, bottom: int, color: Color) -> None:
        """Fill whole pixels from (left, top) up to, not including, (right, bottom)."""
        left, right = max(left, 0), min(right, self.width)
        if left >= right:
            return
        run = bytes(color) * (right - left)
        for y in range(max(top, 0), min(bottom, self.height)):
            self.rows[y][3 * left:3 * right] = run

    def fill(self, shape: Shape, color: Color) -> None:
        """Paint a convex shape, its edges blended by how much of each pixel they cover."""
        for y in range(max(math.floor(shape.top), 0), min(math.ceil(shape.bottom), self.height)):
            spans = [shape.span(y + (k + 0.5) / SUBROWS) for k in range(SUBROWS)]
            present = [span for span in spans if span is not None]
            if not present:
                continue
            inner_left, inner_right = self.width, 0  # pixels every line covers whole, filled at once
            if len(present) == SUBROWS:
                inner_left = max(math.ceil(max(a for a, _ in present)), 0)
                inner_right = min(math.floor(min(b for _, b in present)), self.width)
                self.fill_rect(inner_left, y, inner_right, y + 1, color)
            edge_left = max(math.floor(min(a for a, _ in present)), 0)
            edge_right = min(math.ceil(max(b for _, b in present)), self.width)
            for x in range(edge_left, edge_right):
                if not inner_left <= x < inner_right:
                    self._blend(x, y, color, coverage(present, x))

    def _blend(self, x: int, y: int, color: Color, cover: float) -> None:
        alpha = round(cover * 255)
        if alpha <= 0:
            return
        row, at = self.rows[y], 3 * x
        for channel in range(3):
            row[at + channel] = (row[at + channel] * (255 - alpha) + color[channel] * alpha + 127) // 255

    def png(self) -> bytes:
        """The canvas as a PNG file: 8-bit RGB, not interlaced, rows unfiltered (flat colour
        compresses as well as with filters, and joining rows is fast in pure Python)."""
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        raw = b"".join(b"\x00" + row for row in self.rows)
        return PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) \
            + chunk(b"IEND", b"")


def coverage(spans: list[tuple[float, float]], x: int) -> float:
    """How much of pixel column x the sampled spans cover, from 0 to 1."""
    return sum(max(0.0, min(b, x + 1) - max(a, x)) for a, b in spans) / SUBROWS


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
