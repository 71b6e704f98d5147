"""The site's images of itself, drawn at build time: the card link previews show (og:image) and
the icon phones put on a home screen (apple-touch-icon).

Both draw the logo, docs/assets/logo.svg, from the same shapes: LOGO below lists them in the
SVG's own units and order (tests/render/test_og_image.py fails if the two drift apart).
"""
from __future__ import annotations

from .bitmap_font import ADVANCE, GLYPH_HEIGHT, drawable, ink, wrap
from .outputs import GeneratedFile
from .raster import Canvas, Color, Polygon, RoundedRect, Shape, hex_color

CARD_PATH = "assets/og-image.png"        # overrides/main.html names it, with its size, in og:image
CARD_WIDTH, CARD_HEIGHT = 1200, 630      # the size link previews ask for (1.91:1)
TOUCH_ICON_PATH = "assets/apple-touch-icon.png"  # overrides/main.html links it
TOUCH_ICON_SIZE = 180                    # what iOS asks for

LOGO_UNITS = 32  # the SVG's viewBox is 0 0 32 32
WHITE, INDIGO, ORANGE = hex_color("#ffffff"), hex_color("#4051b5"), hex_color("#e65100")
CARD_BACKGROUND, CARD_TEXT = hex_color("#283593"), WHITE

# Two speech bubbles side by side, on a white badge: claims from different voices, shown together.
# The white rectangle before the second bubble draws the gap that keeps the two apart.
LOGO: tuple[tuple[Shape, Color], ...] = (
    (RoundedRect(0, 0, 32, 32, 7), WHITE),
    (RoundedRect(4, 6, 15, 11, 3), INDIGO),
    (Polygon(((6, 16), (6, 22), (11, 16))), INDIGO),
    (RoundedRect(11.5, 12.5, 18, 14, 4.5), WHITE),
    (RoundedRect(13, 14, 15, 11, 3), ORANGE),
    (Polygon(((26, 24), (26, 29), (21, 24))), ORANGE),
)


def draw_logo(canvas: Canvas, left: float, top: float, size: float, badge: bool = True) -> None:
    """The logo in a size×size square; without its badge, the bubbles stand on the canvas."""
    scale = size / LOGO_UNITS
    for index, (shape, color) in enumerate(LOGO):
        if index or badge:
            canvas.fill(shape.scaled(left, top, scale), color)


def site_images(site_name: str) -> list[GeneratedFile]:
    return [GeneratedFile(CARD_PATH, card_png(site_name)), GeneratedFile(TOUCH_ICON_PATH, touch_icon_png())]


def card_png(site_name: str) -> bytes:
    """The logo, and the site's name in capitals beside it, on the site's indigo."""
    canvas = Canvas(CARD_WIDTH, CARD_HEIGHT, CARD_BACKGROUND)
    margin, logo_size = 96, 256
    draw_logo(canvas, margin, (CARD_HEIGHT - logo_size) // 2, logo_size)
    text_left = margin + logo_size + 64
    lines, scale = name_lines(drawable(site_name), CARD_WIDTH - text_left - margin)
    line_height = (GLYPH_HEIGHT + 4) * scale
    top = (CARD_HEIGHT - len(lines) * line_height + 4 * scale) // 2
    for number, line in enumerate(lines):
        for rect in ink(line, text_left, top + number * line_height, scale):
            canvas.fill_rect(*rect, CARD_TEXT)
    canvas.fill_rect(0, CARD_HEIGHT - 16, CARD_WIDTH, CARD_HEIGHT, ORANGE)
    return canvas.png()


def name_lines(name: str, width: int, max_lines: int = 3) -> tuple[list[str], int]:
    """The name wrapped at the largest letter size that fits `width` in at most `max_lines`."""
    for scale in (8, 7, 6, 5, 4, 3):
        columns = (width + scale) // (ADVANCE * scale)
        lines = wrap(name, columns)
        if len(lines) <= max_lines and all(len(word) <= columns for word in name.split()):
            return lines, scale
    return wrap(name, (width + 3) // (ADVANCE * 3))[:max_lines], 3


def touch_icon_png() -> bytes:
    """The bubbles on white, edge to edge: iOS rounds the corners itself."""
    canvas = Canvas(TOUCH_ICON_SIZE, TOUCH_ICON_SIZE, WHITE)
    draw_logo(canvas, 0, 0, TOUCH_ICON_SIZE, badge=False)
    return canvas.png()

