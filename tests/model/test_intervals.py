"""Claims as intervals: every qualifier, ranges, open ends, and the boundary cases."""
from __future__ import annotations

import math

import pytest

from briefing.model.intervals import Interval, can_all_hold, claim_interval


@pytest.mark.parametrize("low, high, qualifier, expected", [
    (116, 116, "exactly", Interval(116, 116)),
    (60, 70, "exactly", Interval(60, 70)),
    (2000, 2000, "about", Interval(1800, 2200)),
    (60, 70, "about", Interval(54, 77)),
    (116, 116, "at-least", Interval(116, math.inf, high_open=True)),
    (400, 400, "more-than", Interval(400, math.inf, low_open=True, high_open=True)),
    (60, 70, "more-than", Interval(60, math.inf, low_open=True, high_open=True)),
    (5, 5, "at-most", Interval(0, 5)),
    (5, 10, "at-most", Interval(0, 10)),
    (5, 5, "fewer-than", Interval(0, 5, high_open=True)),
])
def test_every_qualifier_becomes_an_interval(low, high, qualifier, expected):
    got = claim_interval(low, high, qualifier)
    assert got.low == pytest.approx(expected.low) and got.high == pytest.approx(expected.high)
    assert (got.low_open, got.high_open) == (expected.low_open, expected.high_open)


def holds(*claims) -> bool:
    return can_all_hold([claim_interval(*claim) for claim in claims])


def test_the_seed_prisoner_counts_differ():
    assert not holds((400, 400, "more-than"), (60, 70, "exactly"))
    assert not holds((400, 400, "more-than"), (116, 116, "at-least"), (60, 70, "about"))


def test_more_than_400_and_exactly_400_differ():
    assert not holds((400, 400, "more-than"), (400, 400, "exactly"))


def test_at_least_400_and_exactly_400_agree():
    assert holds((400, 400, "at-least"), (400, 400, "exactly"))


def test_touching_closed_intervals_agree():
    assert holds((60, 70, "exactly"), (70, 80, "exactly"))


def test_touching_at_an_open_end_differ():
    assert not holds((70, 70, "fewer-than"), (70, 80, "exactly"))
    assert not holds((70, 70, "more-than"), (60, 70, "exactly"))


def test_at_least_and_at_most_overlap_when_they_meet():
    assert holds((100, 100, "at-least"), (100, 100, "at-most"))
    assert not holds((100, 100, "more-than"), (100, 100, "at-most"))


def test_about_allows_ten_percent_either_way():
    assert holds((2000, 2000, "about"), (2200, 2200, "exactly"))
    assert not holds((2000, 2000, "about"), (2201, 2201, "exactly"))
    assert holds((60, 70, "about"), (116, 116, "fewer-than")) is True


def test_open_ended_claims_agree_with_each_other():
    assert holds((116, 116, "at-least"), (400, 400, "more-than"))


def test_one_claim_or_none_always_holds():
    assert can_all_hold([]) and holds((5, 5, "exactly"))
