"""A 5×7 capital-letter bitmap font, so the site's images can carry its name without a font file.

Each glyph is seven rows of five cells, top to bottom ('1' = ink). Text is drawn in capitals;
letters with accents lose them (Í -> I, Ñ -> N), and a character the font lacks becomes a space.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator

GLYPH_WIDTH, GLYPH_HEIGHT = 5, 7
ADVANCE = GLYPH_WIDTH + 1  # one blank column between letters

GLYPHS = {
    "A": "01110 10001 10001 11111 10001 10001 10001",
    "B": "11110 10001 10001 11110 10001 10001 11110",
    "C": "01110 10001 10000 10000 10000 10001 01110",
    "D": "11100 10010 10001 10001 10001 10010 11100",
    "E": "11111 10000 10000 11110 10000 10000 11111",
    "F": "11111 10000 10000 11110 10000 10000 10000",
    "G": "01110 10001 10000 10111 10001 10001 01111",
    "H": "10001 10001 10001 11111 10001 10001 10001",
    "I": "01110 00100 00100 00100 00100 00100 01110",
    "J": "00111 00010 00010 00010 00010 10010 01100",
    "K": "10001 10010 10100 11000 10100 10010 10001",
    "L": "10000 10000 10000 10000 10000 10000 11111",
    "M": "10001 11011 10101 10101 10001 10001 10001",
    "N": "10001 10001 11001 10101 10011 10001 10001",
    "O": "01110 10001 10001 10001 10001 10001 01110",
    "P": "11110 10001 10001 11110 10000 10000 10000",
    "Q": "01110 10001 10001 10001 10101 10010 01101",
    "R": "11110 10001 10001 11110 10100 10010 10001",
    "S": "01111 10000 10000 01110 00001 00001 11110",
    "T": "11111 00100 00100 00100 00100 00100 00100",
    "U": "10001 10001 10001 10001 10001 10001 01110",
    "V": "10001 10001 10001 10001 10001 01010 00100",
    "W": "10001 10001 10001 10101 10101 10101 01010",
    "X": "10001 10001 01010 00100 01010 10001 10001",
    "Y": "10001 10001 10001 01010 00100 00100 00100",
    "Z": "11111 00001 00010 00100 01000 10000 11111",
    "0": "01110 10001 10011 10101 11001 10001 01110",
    "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00010 00100 01000 11111",
    "3": "11111 00010 00100 00010 00001 10001 01110",
    "4": "00010 00110 01010 10010 11111 00010 00010",
    "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110",
    "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110",
    "9": "01110 10001 10001 01111 00001 00010 01100",
    " ": "00000 00000 00000 00000 00000 00000 00000",
    "-": "00000 00000 00000 11111 00000 00000 00000",
    ".": "00000 00000 00000 00000 00000 01100 01100",
    ",": "00000 00000 00000 00000 01100 00100 01000",
    ":": "00000 01100 01100 00000 01100 01100 00000",
    "'": "01100 00100 01000 00000 00000 00000 00000",
    "&": "01100 10010 10100 01000 10101 10010 01101",
    "/": "00000 00001 00010 00100 01000 10000 00000",
    "(": "00010 00100 01000 01000 01000 00100 00010",
    ")": "01000 00100 00010 00010 00010 00100 01000",
    "!": "00100 00100 00100 00100 00100 00000 00100",
    "?": "01110 10001 00001 00010 00100 00000 00100",
}


def drawable(text: str) -> str:
    """The text as the font can draw it: capitals, accents dropped, unknown characters as spaces."""
    bare = "".join(char for char in unicodedata.normalize("NFKD", text.upper())
                   if not unicodedata.combining(char))
    return "".join(char if char in GLYPHS else " " for char in bare)


def text_width(text: str, scale: int) -> int:
    """Pixels from the first letter's left edge to the last letter's right edge."""
    return max(len(text) * ADVANCE - 1, 0) * scale


def wrap(text: str, columns: int) -> list[str]:
    """Words on lines of at most `columns` letters (a longer word gets a line of its own, cut)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= columns:
            lines[-1] += " " + word
        else:
            lines.append(word[:columns])
    return lines


def ink(text: str, left: int, top: int, scale: int) -> Iterator[tuple[int, int, int, int]]:
    """The rectangles (left, top, right, bottom) that draw `text` (drawable already) at a scale:
    one per run of ink in a glyph's row."""
    for index, char in enumerate(text):
        x0 = left + index * ADVANCE * scale
        for row, cells in enumerate(GLYPHS[char].split()):
            y0 = top + row * scale
            start = None
            for column, cell in enumerate(cells + "0"):
                if cell == "1" and start is None:
                    start = column
                elif cell == "0" and start is not None:
                    yield x0 + start * scale, y0, x0 + column * scale, y0 + scale
                    start = None
