"""Geometry of the claims chart: one row per claim on a shared axis, drawn as inline SVG.

Only numbers are computed here; the markup is in templates/_chart.svg.j2.
A point is an exact value, a bar a range, an arrow an open end ("more than",
"at least" to the right; "at most", "fewer than" to the left), and a light band
the tolerance we read into "about".
"""
from __future__ import annotations

import math

from ..model.intervals import ABOUT_TOLERANCE, claim_interval, open_side
from .words import number_in_words

WIDTH, LEFT, RIGHT = 400, 10, 390
ROW_HEIGHT, TOP, AXIS_HEIGHT = 44, 6, 30


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
    row = {"y": y, "text_y": y + 14, "mark_y": y + 28, "start": start, "end": end,
           "shape": shape or ("bar" if claim.is_range else "point"),
           "open_start": shape is not None and claim_interval(claim.low, claim.high, claim.qualifier).low_open,
           "band": None}
    if claim.qualifier == "about":
        row["band"] = (x(claim.low * (1 - ABOUT_TOLERANCE)), x(claim.high * (1 + ABOUT_TOLERANCE)))
    return row


def chart_geometry(claims: list) -> dict:
    top, step = axis_end(claims)

    def x(value: float) -> float:
        return round(LEFT + (RIGHT - LEFT) * min(value, top) / top, 1)

    rows = [row_geometry(placed, x, TOP + i * ROW_HEIGHT) for i, placed in enumerate(claims)]
    axis_y = TOP + len(claims) * ROW_HEIGHT + 4
    ticks = [{"x": x(step * i), "words": number_in_words(step * i)} for i in range(round(top / step) + 1)]
    return {"width": WIDTH, "height": axis_y + AXIS_HEIGHT, "rows": rows, "axis_y": axis_y,
            "ticks": ticks, "left": LEFT, "right": RIGHT}
