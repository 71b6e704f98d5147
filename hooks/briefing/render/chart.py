"""Geometry of the claims chart: one row per claim on a shared axis, drawn as inline SVG.

Only numbers are computed here; the markup is in templates/_chart.svg.j2.
A point is an exact value, a bar a range, an arrow an open end ("more than",
"at least" to the right; "at most", "fewer than" to the left), and a light band
the tolerance we read into "about".
"""
from __future__ import annotations

import math
from collections import Counter

from ..model.intervals import ABOUT_TOLERANCE, claim_interval, open_side
from .words import Words

WIDTH, LEFT, RIGHT = 400, 10, 390
ROW_HEIGHT, TOP, AXIS_HEIGHT = 58, 6, 30  # a row: who and the value, then date and scope, then the mark


def nice_step(largest: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about `ticks` ticks."""
    raw = max(largest, ticks) / ticks  # counts: never a step below 1
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def axis_end(claims: list) -> tuple[float, float]:
    """The axis maximum (a whole number of steps above every finite value) and its step."""
    largest = max(max(p.claim.high, p.claim.low) for p in claims)
    if any(p.claim.qualifier == "about" for p in claims):
        largest *= 1 + ABOUT_TOLERANCE
    step = nice_step(largest * 1.15)
    return max(step, step * math.ceil(largest * 1.15 / step)), step  # at least one step: every claim may be 0


def row_geometry(placed, x, y: float) -> dict:
    claim = placed.claim
    start, end = x(claim.low), x(claim.high)
    shape = {"above": "arrow-right", "below": "arrow-left", None: None}[open_side(claim.qualifier)]
    if shape == "arrow-left":
        start, end = x(0), x(claim.high)
    elif shape == "arrow-right":
        end = RIGHT
    row = {"y": y, "text_y": y + 14, "note_y": y + 28, "mark_y": y + 42, "start": start, "end": end,
           "shape": shape or ("bar" if claim.is_range else "point"),
           "open_start": shape is not None and claim_interval(claim.low, claim.high, claim.qualifier).low_open,
           "band": None}
    if claim.qualifier == "about":
        row["band"] = (x(claim.low * (1 - ABOUT_TOLERANCE)), x(claim.high * (1 + ABOUT_TOLERANCE)))
    return row


def chart_geometry(claims: list, words: Words) -> dict:
    top, step = axis_end(claims)

    def x(value: float) -> float:
        return round(LEFT + (RIGHT - LEFT) * min(value, top) / top, 1)

    rows = [row_geometry(placed, x, TOP + i * ROW_HEIGHT) for i, placed in enumerate(claims)]
    axis_y = TOP + len(claims) * ROW_HEIGHT + 4
    ticks = [{"x": x(step * i), "words": words.number(step * i)} for i in range(round(top / step) + 1)]
    return {"width": WIDTH, "height": axis_y + AXIS_HEIGHT, "rows": rows, "axis_y": axis_y,
            "ticks": ticks, "left": LEFT, "right": RIGHT}


# The claims over time: each claim where it was said (x) and at the values it allows (y).
TIME_WIDTH, TIME_HEIGHT, TIME_LEFT, TIME_RIGHT, TIME_TOP, TIME_BOTTOM = 400, 240, 56, 390, 10, 204
SAME_DAY_GAP = 10  # claims said on one day stand side by side, this far apart


def time_chart_geometry(claims: list, words: Words) -> dict:
    """Where each claim goes on a chart of value against the date it was said."""
    top, step = axis_end(claims)
    days = sorted({placed.claim.said_on for placed in claims})
    first, span = days[0], max(1, (days[-1] - days[0]).days)

    def x(day) -> float:
        inner = TIME_LEFT + 20, TIME_RIGHT - 20
        share = 0.5 if len(days) == 1 else (day - first).days / span
        return round(inner[0] + (inner[1] - inner[0]) * share, 1)

    def y(value: float) -> float:
        return round(TIME_BOTTOM - (TIME_BOTTOM - TIME_TOP) * min(value, top) / top, 1)

    marks: list[dict] = []
    said_that_day = Counter(placed.claim.said_on for placed in claims)
    seen_on: dict = {}  # said_on -> how many claims of that day are placed so far
    for placed in claims:
        day = placed.claim.said_on
        nth = seen_on[day] = seen_on.get(day, -1) + 1
        marks.append(_time_mark(placed, _beside(x(day), nth, said_that_day[day]), y))
    return {"width": TIME_WIDTH, "height": TIME_HEIGHT, "left": TIME_LEFT, "right": TIME_RIGHT,
            "top": TIME_TOP, "bottom": TIME_BOTTOM, "marks": marks,
            "value_ticks": [{"y": y(step * i), "words": words.number(step * i)}
                            for i in range(round(top / step) + 1)],
            "day_ticks": [{"x": x(day), "day": day, "words": words.date(day)} for day in _some(days, 3)]}


def _beside(day_x: float, nth: int, count: int) -> float:
    """Where the nth of `count` claims said on one day stands: SAME_DAY_GAP apart from the day's
    place rightwards, or closer together when that would pass the plot's right edge (the newest
    day has room for three at the full gap), so that every claim stays inside the picture."""
    room = TIME_RIGHT - day_x
    if (count - 1) * SAME_DAY_GAP <= room:
        return day_x + nth * SAME_DAY_GAP
    return round(day_x + nth * room / (count - 1), 1)


def _time_mark(placed, x: float, y) -> dict:
    """One claim: a dot (a value), a bar (a range), an arrow up or down (an open end)."""
    claim, side = placed.claim, open_side(placed.claim.qualifier)
    ends = {"above": (claim.low, None), "below": (0.0, claim.high)}
    low, high = ends.get(side or "", (claim.low, claim.high))
    shape = {"above": "arrow-up", "below": "arrow-down"}.get(side or "", "bar" if claim.is_range else "point")
    mark = {"x": x, "shape": shape, "y_low": y(low), "y_high": y(high) if high is not None else TIME_TOP,
            "open_start": claim_interval(claim.low, claim.high, claim.qualifier).low_open and side == "above",
            "band": None}
    if claim.qualifier == "about":
        mark["band"] = (y(claim.high * (1 + ABOUT_TOLERANCE)), y(claim.low * (1 - ABOUT_TOLERANCE)))
    return mark


def _some(days: list, most: int) -> list:
    """At most `most` of the days, evenly spread, the first and the last always among them."""
    if len(days) <= most:
        return days
    picks = {round(i * (len(days) - 1) / (most - 1)) for i in range(most)}
    return [day for i, day in enumerate(days) if i in picks]
