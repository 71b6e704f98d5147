"""The claims ledger: claims indexed by figure and actor, spreads in words, chart geometry."""
from __future__ import annotations

import pytest

from briefing.model.build import load_site
from briefing.model.ledger import Ledger
from briefing.render.chart import chart_geometry, nice_step
from briefing.render.views import spread_words
from briefing.render.words import claim_value_words

from conftest import REPO


@pytest.fixture(scope="module")
def real_ledger() -> Ledger:
    return Ledger(load_site(REPO))


def test_claims_are_indexed_by_figure_oldest_first(real_ledger: Ledger):
    words = [(p.claim.by, claim_value_words(p.claim), p.claim.said_on.isoformat())
             for p in real_ledger.by_figure["prisoners-released"]]
    assert words == [
        ("jorge-rodriguez", "more than 400", "2026-01-13"),
        ("ministry-of-penitentiary-services", "at least 116", "2026-01-14"),
        ("human-rights-groups", "60–70", "2026-01-14"),
        ("human-rights-groups", "about 60–70", "2026-01-14"),
    ]


def test_the_seed_flags(real_ledger: Ledger):
    flags = {figure: spread_words(real_ledger.site, spread) for figure, spread in real_ledger.spreads.items()}
    assert flags == {
        "prisoners-released":
            "Claims range from 60–70 (Human rights organizations) to more than 400 (Jorge Rodríguez).",
        "political-prisoners-detained": "",
        "detained-after-2024-protests": "",
        "us-citizens-released": "",
    }


def test_actor_index_holds_claims_and_entries(real_ledger: Ledger):
    assert len(real_ledger.by_actor["human-rights-groups"]) == 3
    assert [e.id for e in real_ledger.entries_by_actor["jorge-rodriguez"]] == [
        "rights-groups-say-800-to-1200-political-prisoners-held", "assembly-president-says-more-than-400-freed"]


@pytest.mark.parametrize("largest, step", [(1, 1), (70, 20), (460, 100), (1200, 500), (2530, 1000)])
def test_nice_steps(largest, step):
    assert nice_step(largest) == step


def test_chart_shapes_follow_the_qualifiers(real_ledger: Ledger):
    claims = real_ledger.by_figure["prisoners-released"]
    chart = chart_geometry(claims)
    assert [row["shape"] for row in chart["rows"]] == ["arrow-right", "arrow-right", "bar", "bar"]
    assert chart["rows"][0]["open_start"] and not chart["rows"][1]["open_start"]
    assert chart["rows"][3]["band"] is not None and chart["rows"][2]["band"] is None
    assert [tick["words"] for tick in chart["ticks"]] == ["0", "200", "400", "600"]
    assert all(chart["left"] <= row["start"] <= row["end"] <= chart["right"] for row in chart["rows"])
