"""How the claims of one figure compare: their full spread, whether they can all hold, and
whether any that state the same period contradict each other.

Claims that differ are not a contradiction by themselves: "more than 400 released, no clear
timeline" and "60-70 since last week" may both be true. Two claims contradict only when they
state the same period (claim.period) and no value satisfies both. The ledger says that the
claims disagree, never which of them is right.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby

from .claims import PlacedClaim
from .intervals import can_all_hold


class ComparisonState(StrEnum):
    """How a figure's claims compare. The values are what templates test (`c.state == "differ"`)
    and the CSS class of a figure's flag; the words readers see are render/words.py's."""
    CONFLICT = "conflict"  # claims that state the same period cannot all hold
    DIFFER = "differ"      # no value is allowed by every claim, yet none that state one period contradict
    AGREE = "agree"        # two or more claims, which can all hold
    ONE = "one"
    NONE = "none"


@dataclass(frozen=True)
class Comparison:
    claims: tuple                 # PlacedClaim, in date order
    lowest: PlacedClaim | None    # the claim that allows the lowest values (None without claims)
    highest: PlacedClaim | None   # the claim that allows the highest
    differ: bool                  # no value is allowed by every claim
    conflicts: tuple              # (period, claims stating it that cannot all hold), in date order
    actors: int = 0               # how many claimants (counted once: every figure summary shows it)

    @property
    def state(self) -> ComparisonState:
        if self.conflicts:
            return ComparisonState.CONFLICT
        if self.differ:
            return ComparisonState.DIFFER
        return {0: ComparisonState.NONE, 1: ComparisonState.ONE}.get(len(self.claims), ComparisonState.AGREE)


def compare(claims: list[PlacedClaim]) -> Comparison:
    ordered = tuple(claims)
    if not ordered:
        return Comparison((), None, None, False, ())
    lowest = min(ordered, key=lambda p: (p.interval.low, p.interval.high))
    highest = max(ordered, key=lambda p: (p.interval.low, p.interval.high))
    differ = not can_all_hold([placed.interval for placed in ordered])
    return Comparison(ordered, lowest, highest, differ, conflicts_of(ordered),
                      len({placed.claim.by for placed in ordered}))


def conflicts_of(claims: tuple) -> tuple:
    """The claims that state one and the same period, grouped by it, where they cannot all hold."""
    stated = sorted((p for p in claims if p.claim.period is not None), key=_period_key)
    found = []
    for _, group in groupby(stated, key=_period_key):
        same = tuple(sorted(group, key=lambda p: p.sort_key))
        if len(same) > 1 and not can_all_hold([p.interval for p in same]):
            found.append((same[0].claim.period, same))
    return tuple(found)


def _period_key(placed: PlacedClaim) -> tuple:
    period = placed.claim.period
    return (period.start.toordinal() if period and period.start else 0,
            period.end.toordinal() if period and period.end else 0)
