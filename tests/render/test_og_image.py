"""The site's images of itself (render/og_image.py): valid PNGs of the stated sizes, drawn from
the logo's own shapes, the same bytes every time, and part of every rendered site."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from briefing.model.build import load_site
from briefing.render import og_image
from briefing.render.bitmap_font import drawable, wrap
from briefing.render.og_image import CARD_HEIGHT, CARD_PATH, CARD_WIDTH, LOGO, TOUCH_ICON_PATH, card_png
from briefing.render.raster import Polygon, RoundedRect, hex_color
from briefing.render.settings import Settings
from briefing.render.site_outputs import SiteRenderer

from conftest import REPO, TOY
from png_reader import chunks, read_png

SVG = "{http://www.w3.org/2000/svg}"


def test_the_card_is_a_png_of_the_stated_size_with_the_logo_and_the_name():
    card = read_png(card_png("Venezuela crisis briefing"))
    assert (card.width, card.height) == (CARD_WIDTH, CARD_HEIGHT) == (1200, 630)
    assert [kind for kind, _ in chunks(card_png("Venezuela crisis briefing"))] == [b"IHDR", b"IDAT", b"IEND"]
    assert card.pixel(5, 5) == og_image.CARD_BACKGROUND
    # the logo sits at (96, 187), 256 px wide (8 px a unit): its badge, and each bubble's middle
    assert card.pixel(96 + 8 * 1, 187 + 8 * 16) == og_image.WHITE
    assert card.pixel(96 + 8 * 8, 187 + 8 * 9) == og_image.INDIGO
    assert card.pixel(96 + 8 * 24, 187 + 8 * 20) == og_image.ORANGE
    text = {card.pixel(x, y) for y in range(180, 450) for x in range(420, 1100)}
    assert og_image.CARD_TEXT in text and og_image.CARD_BACKGROUND in text
    corner = {card.pixel(x, y) for x in range(96 + 8 * 4, 96 + 8 * 7) for y in range(187 + 8 * 6, 187 + 8 * 9)}
    assert len(corner) > 3, "the bubble's rounded corner is not blended"


def test_the_touch_icon_is_a_square_png():
    icon = read_png(og_image.touch_icon_png())
    assert (icon.width, icon.height) == (og_image.TOUCH_ICON_SIZE,) * 2 == (180, 180)
    assert icon.pixel(0, 0) == og_image.WHITE  # edge to edge, no transparent corners for iOS to fill black
    assert icon.pixel(60, 60) == og_image.INDIGO


def test_the_images_are_the_same_bytes_every_time_and_follow_the_name():
    assert card_png("Venezuela crisis briefing") == card_png("Venezuela crisis briefing")
    assert og_image.touch_icon_png() == og_image.touch_icon_png()
    assert card_png("Venezuela crisis briefing") != card_png("Another briefing")


def svg_shapes(path) -> list:
    """docs/assets/logo.svg's shapes, as the core's shape types, with their fill colours."""
    shapes = []
    for element in ET.parse(path).getroot():
        if element.tag == SVG + "rect":
            x, y, w, h, r = (float(element.get(name, "0")) for name in ("x", "y", "width", "height", "rx"))
            shapes.append((RoundedRect(x, y, w, h, r), hex_color(element.get("fill"))))
        elif element.tag == SVG + "polygon":
            pairs = (point.split(",") for point in element.get("points").split())
            shapes.append((Polygon(tuple((float(a), float(b)) for a, b in pairs)), hex_color(element.get("fill"))))
    return shapes


def test_the_images_draw_the_logo_the_site_shows():
    root = ET.parse(REPO / "docs/assets/logo.svg").getroot()
    assert root.get("viewBox") == f"0 0 {og_image.LOGO_UNITS} {og_image.LOGO_UNITS}"
    assert svg_shapes(REPO / "docs/assets/logo.svg") == [
        (shape if isinstance(shape, Polygon) else RoundedRect(*map(float, vars(shape).values())), color)
        for shape, color in LOGO]
    assert not root.findall(f".//{SVG}text"), "the logo must not depend on a font"


def test_every_rendered_site_has_its_images():
    rendered = SiteRenderer().render(load_site(TOY, cache=False), Settings("Toy", "https://example.org/"))
    images = {item.path: item.content for item in rendered.files() if item.path.endswith(".png")}
    assert set(images) == {CARD_PATH, TOUCH_ICON_PATH}
    assert images[CARD_PATH] == card_png("Toy")


@pytest.mark.parametrize("text, shown", [
    ("Crisis en Venezuela: ¿qué pasó?", "CRISIS EN VENEZUELA:  QUE PASO?"),
    ("Ñandú — «briefing»", "NANDU    BRIEFING "),
])
def test_the_font_draws_capitals_without_accents_and_blanks_what_it_lacks(text, shown):
    assert drawable(text) == shown


def test_names_wrap_on_words_and_never_overflow():
    assert wrap("VENEZUELA CRISIS BRIEFING", 16) == ["VENEZUELA CRISIS", "BRIEFING"]
    assert wrap("SUPERCALIFRAGILISTIC", 8) == ["SUPERCAL"]
    lines, scale = og_image.name_lines("A VERY LONG NAME FOR A BRIEFING SITE ABOUT MANY THINGS", 688)
    assert len(lines) <= 3 and all(len(line) * 6 * scale - scale <= 688 for line in lines)
