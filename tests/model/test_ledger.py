"""The claims ledger: claims indexed by figure and actor, each count once; chart geometry."""
from __future__ import annotations

import dataclasses

import pytest

from briefing.model.build import load_site
from briefing.model.ledger import Ledger
from briefing.render.chart import chart_geometry, nice_step, time_chart_geometry
from briefing.render.words import Words

from conftest import REPO


@pytest.fixture(scope="module")
def real_ledger() -> Ledger:
    return Ledger(load_site(REPO, cache=False))


def test_claims_are_indexed_by_figure_oldest_first(real_ledger: Ledger):
    words = [(p.claim.by, Words().claim_value(p.claim), p.claim.said_on.isoformat())
             for p in real_ledger.by_figure["prisoners-released"]]
    assert words == [
        ("jorge-rodriguez", "more than 400", "2026-01-13"),
        ("ministry-of-penitentiary-services", "at least 116", "2026-01-14"),
        ("human-rights-groups", "about 60–70", "2026-01-14"),
    ]


def test_the_seed_comparisons(real_ledger: Ledger):
    states = {figure: c.state for figure, c in real_ledger.comparisons.items()}
    assert states == {"prisoners-released": "differ", "political-prisoners-detained": "one",
                      "detained-after-2024-protests": "one", "us-citizens-released": "one"}
    released = real_ledger.comparisons["prisoners-released"]
    assert (released.lowest.claim.by, released.highest.claim.by) == ("human-rights-groups", "jorge-rodriguez")
    assert (len(released.claims), released.actors, released.conflicts) == (3, 3, ())


def test_the_same_count_entered_twice_from_one_source_is_one_claim():
    site = load_site(REPO, cache=False)
    rights = next(e for e in site.entries if e.id == "rights-groups-say-800-to-1200-political-prisoners-held")
    again = dataclasses.replace(next(e for e in site.entries if e.id == "assembly-president-says-more-than-400-freed"))
    again = dataclasses.replace(again, claims=(*again.claims, rights.claims[1]))
    site = dataclasses.replace(site, entries=tuple(again if e.id == again.id else e for e in site.entries))
    ledger = Ledger(site)
    released = ledger.by_figure["prisoners-released"]
    assert len(released) == 3  # not 4: the groups' count, read in the same report, is there once
    repeated = next(p for p in released if p.claim.by == "human-rights-groups")
    assert repeated.entry.id == again.id and [e.id for e in repeated.also_in] == [rights.id]


def test_actor_index_holds_claims_and_entries(real_ledger: Ledger):
    assert len(real_ledger.by_actor["human-rights-groups"]) == 2
    assert [e.id for e in real_ledger.entries_by_actor["jorge-rodriguez"]] == [
        "rights-groups-say-800-to-1200-political-prisoners-held", "assembly-president-says-more-than-400-freed"]


@pytest.mark.parametrize("largest, step", [(1, 1), (70, 20), (460, 100), (1200, 500), (2530, 1000)])
def test_nice_steps(largest, step):
    assert nice_step(largest) == step


def test_chart_shapes_follow_the_qualifiers(real_ledger: Ledger):
    claims = real_ledger.by_figure["prisoners-released"]
    chart = chart_geometry(claims, Words())
    assert [row["shape"] for row in chart["rows"]] == ["arrow-right", "arrow-right", "bar"]
    assert chart["rows"][0]["open_start"] and not chart["rows"][1]["open_start"]
    assert chart["rows"][2]["band"] is not None and chart["rows"][1]["band"] is None
    assert [tick["words"] for tick in chart["ticks"]] == ["0", "200", "400", "600"]
    assert all(chart["left"] <= row["start"] <= row["end"] <= chart["right"] for row in chart["rows"])


def test_the_time_chart_places_claims_by_the_day_they_were_said(real_ledger: Ledger):
    claims = real_ledger.by_figure["prisoners-released"]
    chart = time_chart_geometry(claims, Words())
    xs = [mark["x"] for mark in chart["marks"]]
    assert xs[0] < xs[1] < xs[2]  # 13 January, then two claims of 14 January side by side
    assert xs[2] - xs[1] == 10
    assert [mark["shape"] for mark in chart["marks"]] == ["arrow-up", "arrow-up", "bar"]
    assert [tick["day"].isoformat() for tick in chart["day_ticks"]] == ["2026-01-13", "2026-01-14"]
    assert all(chart["top"] <= mark["y_high"] <= mark["y_low"] <= chart["bottom"] for mark in chart["marks"])
