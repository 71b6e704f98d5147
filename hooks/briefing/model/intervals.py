"""Claims as intervals, to tell whether the claims of one figure can all hold at once.

Each qualifier becomes a set of values the claim allows:
- exactly 116 -> [116, 116]; a range [60, 70] -> [60, 70]
- about v -> [v - 10%, v + 10%] (the tolerance we chose: "about 2,000" allows 1,800-2,200);
  about [60, 70] -> [54, 77]
- at least v -> [v, inf); more than v -> (v, inf)
- at most v -> [0, v]; fewer than v -> [0, v)
For a range with an open qualifier, the bound that faces the open side is used:
"more than 60-70" reads as more than 60. Counts are never negative, so 0 is the floor.
The claims of a figure differ when these intervals have no value in common. This says
that the claims disagree, never which of them is right.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

ABOUT_TOLERANCE = 0.10


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    @property
    def is_empty(self) -> bool:
        if self.low > self.high:
            return True
        return self.low == self.high and (self.low_open or self.high_open)


def claim_interval(low: float, high: float, qualifier: str) -> Interval:
    if qualifier == "exactly":
        return Interval(low, high)
    if qualifier == "about":
        return Interval(max(0.0, low * (1 - ABOUT_TOLERANCE)), high * (1 + ABOUT_TOLERANCE))
    if qualifier == "at-least":
        return Interval(low, math.inf, high_open=True)
    if qualifier == "more-than":
        return Interval(low, math.inf, low_open=True, high_open=True)
    if qualifier == "at-most":
        return Interval(0.0, high)
    if qualifier == "fewer-than":
        return Interval(0.0, high, high_open=True)
    raise ValueError(f"unknown qualifier {qualifier!r}")


def open_side(qualifier: str) -> str | None:
    """Which way a qualifier leaves a claim open: "above" ("more than", "at least"), "below"
    ("at most", "fewer than"), or None. Read off the intervals above, so it cannot disagree."""
    probe = claim_interval(1.0, 1.0, qualifier)
    if probe.high == math.inf:
        return "above"
    return "below" if probe.low == 0 else None


def intersection(intervals: list[Interval]) -> Interval:
    """The values every interval allows (possibly empty)."""
    low = max(interval.low for interval in intervals)
    high = min(interval.high for interval in intervals)
    low_open = any(i.low_open for i in intervals if i.low == low)
    high_open = any(i.high_open for i in intervals if i.high == high)
    return Interval(low, high, low_open, high_open)


def can_all_hold(intervals: list[Interval]) -> bool:
    return len(intervals) < 2 or not intersection(intervals).is_empty
