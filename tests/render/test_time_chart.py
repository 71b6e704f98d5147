"""The time chart draws every claim inside its picture, however many claims share a day (issue 22).

The chart is rendered from its template and read back as SVG: each claim's group must lie inside
the viewBox, whole (its dot, bar, arrow and band), and there must be one group per claim.
"""
from __future__ import annotations

import datetime
import itertools
import re
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest

from briefing.render.chart import time_chart_geometry
from briefing.render.jinja import Templates
from briefing.render.words import Words

SVG = "{http://www.w3.org/2000/svg}"
DAYS = [datetime.date(2026, 1, 1), datetime.date(2026, 1, 15), datetime.date(2026, 1, 31)]
# (low, high, qualifier): a dot, a bar, arrows up and down, and a dot with the band of "about"
SHAPES = [(40, 40, "exactly"), (30, 60, "exactly"), (50, 50, "more-than"), (20, 20, "fewer-than"),
          (45, 45, "about")]


def placed(day: datetime.date, n: int) -> SimpleNamespace:
    low, high, qualifier = SHAPES[n % len(SHAPES)]
    return SimpleNamespace(claim=SimpleNamespace(said_on=day, low=float(low), high=float(high),
                                                 qualifier=qualifier, is_range=low != high))


def claims_with(count: int, crowded: datetime.date) -> list:
    """One claim on each day of DAYS, and `count` on the crowded one."""
    return [placed(day, n) for day in DAYS for n in range(count if day == crowded else 1)]


def rendered_svg(claims: list) -> ET.Element:
    html = Templates().render("_time_chart.svg.j2", chart=time_chart_geometry(claims, Words()), chart_id="c",
                              figure=SimpleNamespace(label="Prisoners released", label_lang="en"), rows=[])
    return ET.fromstring(re.search(r"<svg.*</svg>", html, re.S)[0])


def points(element: ET.Element) -> list[tuple[float, float]]:
    """The corners of what one SVG element draws."""
    a = {name: float(value) for name, value in element.attrib.items() if re.fullmatch(r"[-\d.]+", value)}
    tag = element.tag.removeprefix(SVG)
    if tag == "circle":
        return [(a["cx"] - a["r"], a["cy"] - a["r"]), (a["cx"] + a["r"], a["cy"] + a["r"])]
    if tag == "rect":
        return [(a["x"], a["y"]), (a["x"] + a["width"], a["y"] + a["height"])]
    if tag == "line":
        return [(a["x1"], a["y1"]), (a["x2"], a["y2"])]
    assert tag == "polygon", tag
    return [tuple(float(n) for n in pair.split(",")) for pair in element.attrib["points"].split()]


@pytest.mark.parametrize("crowded", DAYS, ids=["first day", "middle day", "newest day"])
@pytest.mark.parametrize("count", [1, 4, 10, 50])
def test_every_claim_is_drawn_inside_the_picture(count: int, crowded: datetime.date):
    claims = claims_with(count, crowded)
    svg = rendered_svg(claims)
    _, _, width, height = (float(n) for n in svg.attrib["viewBox"].split())
    groups = svg.findall(f"{SVG}g[@class='briefing-chart__claim']")
    assert len(groups) == len(claims)
    for group in groups:
        drawn = [point for element in group for point in points(element)]
        assert drawn and all(0 <= x <= width and 0 <= y <= height for x, y in drawn), drawn


def test_claims_of_a_crowded_day_keep_their_order_and_their_day():
    chart = time_chart_geometry(claims_with(50, DAYS[-1]), Words())
    crowded = [mark["x"] for mark in chart["marks"][2:]]
    assert crowded == sorted(crowded) and len(set(crowded)) == 50  # side by side, none on another
    assert crowded[0] == chart["day_ticks"][-1]["x"]  # the first stands on its day, as before


def test_three_claims_a_day_stand_the_full_gap_apart_as_before():
    xs = [mark["x"] for mark in time_chart_geometry(claims_with(3, DAYS[-1]), Words())["marks"][2:]]
    assert [round(b - a, 1) for a, b in itertools.pairwise(xs)] == [10, 10]
