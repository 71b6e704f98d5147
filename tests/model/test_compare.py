"""How a figure's claims compare: counts that differ are not a contradiction unless they state
the same period."""
from __future__ import annotations

import datetime as dt

from briefing.model.claims import PlacedClaim
from briefing.model.compare import ComparisonState, compare
from briefing.model.site import Claim, Entry, Period, Source

DAY = dt.date(2026, 1, 12)
SOURCE = Source("s", "A report")


def placed(low, high=None, qualifier="exactly", by="a", period=None, said_on=DAY) -> PlacedClaim:
    claim = Claim("f", low, high if high is not None else low, high is not None, qualifier, by, said_on, "s",
                  period=period)
    return PlacedClaim(claim, Entry("e", "p", "T", said_on, ("t",), "S", (SOURCE,), claims=(claim,)))


def test_counts_of_different_periods_differ_without_conflict():
    result = compare([placed(400, qualifier="more-than", by="a"), placed(60, 70, by="b"),
                      placed(116, qualifier="at-least", by="c", period=Period(DAY, DAY))])
    assert result.state is ComparisonState.DIFFER and result.conflicts == ()
    assert (result.lowest.claim.by, result.highest.claim.by) == ("b", "a")


def test_counts_that_state_the_same_period_and_cannot_both_hold_conflict():
    monday = Period(DAY, DAY)
    result = compare([placed(116, qualifier="at-least", by="a", period=monday),
                      placed(50, qualifier="fewer-than", by="b", period=monday),
                      placed(400, qualifier="more-than", by="c")])
    assert result.state is ComparisonState.CONFLICT
    (period, claims), = result.conflicts
    assert period == monday and [p.claim.by for p in claims] == ["a", "b"]


def test_claims_that_can_all_hold_agree_and_one_claim_is_one():
    assert compare([placed(116, qualifier="at-least"), placed(120, by="b")]).state is ComparisonState.AGREE
    assert compare([placed(5)]).state is ComparisonState.ONE
    assert compare([]).state is ComparisonState.NONE


def test_the_same_stated_period_with_claims_that_can_hold_is_no_conflict():
    monday = Period(DAY, DAY)
    result = compare([placed(100, 130, by="a", period=monday), placed(120, qualifier="about", by="b", period=monday)])
    assert result.state is ComparisonState.AGREE and result.conflicts == ()
