"""The claims ledger: claims indexed by figure and actor, each count once; chart geometry.

Read from a small repository of its own, written here (LEDGER_FILES): four figures, five
entries, the counts of releases of January 2026 that differ.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefing.model.build import load_site
from briefing.model.compare import ComparisonState
from briefing.model.ledger import Ledger
from briefing.render.chart import chart_geometry, nice_step, time_chart_geometry
from briefing.render.words import Words

SOURCE = """\
sources:
  - id: report
    title: Report on prisoner releases
    author: Micah Jonah
    published: 2026-01-14
"""


def entry(title: str, date: str, actors: str, claims: str) -> str:
    return (f"title: {title}\ndate: {date}\ntopics: [detentions]\nsummary: {title}.\nactors: [{actors}]\n"
            f"claims:\n{claims}{SOURCE}")


def claim(figure: str, value: str, by: str, said_on: str, qualifier: str = "exactly") -> str:
    return (f"  - {{figure: {figure}, value: {value}, qualifier: {qualifier}, by: {by}, said_on: {said_on}, "
            "source: report}\n")


LEDGER_FILES = {
    "topics.yaml": "".join(f"{topic}:\n  title: {topic.title()}\n  summary: {topic}.\n  order: {order}\n"
                           for order, topic in enumerate(("detentions", "oil-control", "diplomacy"), 1)),
    "actors.yaml": "".join(f"{actor}:\n  name: {name}\n  kind: {kind}\n" for actor, name, kind in [
        ("jorge-rodriguez", "Jorge Rodríguez", "person"), ("human-rights-groups", "Human rights groups", "group"),
        ("ministry-of-penitentiary-services", "Ministry of Penitentiary Services", "government"),
        ("venezuelan-government", "Venezuelan government", "government"),
        ("bloomberg-news", "Bloomberg News", "media")]),
    "figures.yaml": "".join(f"{figure}:\n  label: {label}\n  unit: people\n" for figure, label in [
        ("prisoners-released", "Prisoners released"), ("political-prisoners-detained", "Political prisoners"),
        ("detained-after-2024-protests", "Detained after the protests"),
        ("us-citizens-released", "US citizens released")]),
    "2026/01/2026-01-12-ministry-says-116-freed.yaml": entry(
        "The ministry says at least 116 were freed", "2026-01-12", "ministry-of-penitentiary-services",
        claim("prisoners-released", "116", "ministry-of-penitentiary-services", "2026-01-14", "at-least")),
    "2026/01/2026-01-13-assembly-says-400-freed.yaml": entry(
        "The assembly's president says more than 400 were freed", "2026-01-13",
        "jorge-rodriguez, human-rights-groups",
        claim("prisoners-released", "400", "jorge-rodriguez", "2026-01-13", "more-than")),
    "2026/01/2026-01-13-bloomberg-reports-a-citizen-freed.yaml": entry(
        "Bloomberg reports a US citizen freed", "2026-01-13", "bloomberg-news",
        claim("us-citizens-released", "1", "bloomberg-news", "2026-01-14", "at-least")),
    "2026/01/2026-01-14-rights-groups-count.yaml": entry(
        "Rights groups count the prisoners", "2026-01-14",
        "human-rights-groups, jorge-rodriguez, venezuelan-government",
        claim("political-prisoners-detained", "[800, 1200]", "human-rights-groups", "2026-01-14")
        + claim("prisoners-released", "[60, 70]", "human-rights-groups", "2026-01-14", "about")),
    "2026/01/2026-01-14-government-counts-detainees.yaml": entry(
        "The government counts the detainees", "2026-01-14", "venezuelan-government",
        claim("detained-after-2024-protests", "2000", "venezuelan-government", "2026-01-14", "about")),
}


@pytest.fixture(scope="module")
def ledger_repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("ledger")
    for name, text in LEDGER_FILES.items():
        path = root / "briefings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def ledger(ledger_repo: Path) -> Ledger:
    return Ledger(load_site(ledger_repo, cache=False))


def test_claims_are_indexed_by_figure_oldest_first(ledger: Ledger):
    words = [(p.claim.by, Words().claim_value(p.claim), p.claim.said_on.isoformat())
             for p in ledger.by_figure["prisoners-released"]]
    assert words == [
        ("jorge-rodriguez", "more than 400", "2026-01-13"),
        ("ministry-of-penitentiary-services", "at least 116", "2026-01-14"),
        ("human-rights-groups", "about 60–70", "2026-01-14"),
    ]


def test_the_comparisons_of_each_figure(ledger: Ledger):
    states = {figure: c.state for figure, c in ledger.comparisons.items()}
    assert states == {"prisoners-released": ComparisonState.DIFFER, "political-prisoners-detained": ComparisonState.ONE,
                      "detained-after-2024-protests": ComparisonState.ONE,
                      "us-citizens-released": ComparisonState.ONE}
    released = ledger.comparisons["prisoners-released"]
    assert (released.lowest.claim.by, released.highest.claim.by) == ("human-rights-groups", "jorge-rodriguez")
    assert (len(released.claims), released.actors, released.conflicts) == (3, 3, ())


def test_the_same_count_entered_twice_from_one_source_is_one_claim(ledger: Ledger):
    site = ledger.site
    rights = next(e for e in site.entries if e.id == "rights-groups-count")
    again = dataclasses.replace(next(e for e in site.entries if e.id == "assembly-says-400-freed"))
    again = dataclasses.replace(again, claims=(*again.claims, rights.claims[1]))
    site = dataclasses.replace(site, entries=tuple(again if e.id == again.id else e for e in site.entries))
    ledger = Ledger(site)
    released = ledger.by_figure["prisoners-released"]
    assert len(released) == 3  # not 4: the groups' count, read in the same report, is there once
    repeated = next(p for p in released if p.claim.by == "human-rights-groups")
    assert repeated.entry.id == again.id and [e.id for e in repeated.also_in] == [rights.id]


def test_actor_index_holds_claims_and_entries(ledger: Ledger):
    assert len(ledger.by_actor["human-rights-groups"]) == 2
    assert [e.id for e in ledger.entries_by_actor["jorge-rodriguez"]] == [
        "rights-groups-count", "assembly-says-400-freed"]


@pytest.mark.parametrize("largest, step", [(1, 1), (70, 20), (460, 100), (1200, 500), (2530, 1000)])
def test_nice_steps(largest, step):
    assert nice_step(largest) == step


def test_chart_shapes_follow_the_qualifiers(ledger: Ledger):
    claims = ledger.by_figure["prisoners-released"]
    chart = chart_geometry(claims, Words())
    assert [row["shape"] for row in chart["rows"]] == ["arrow-right", "arrow-right", "bar"]
    assert chart["rows"][0]["open_start"] and not chart["rows"][1]["open_start"]
    assert chart["rows"][2]["band"] is not None and chart["rows"][1]["band"] is None
    assert [tick["words"] for tick in chart["ticks"]] == ["0", "200", "400", "600"]
    assert all(chart["left"] <= row["start"] <= row["end"] <= chart["right"] for row in chart["rows"])


def test_the_time_chart_places_claims_by_the_day_they_were_said(ledger: Ledger):
    claims = ledger.by_figure["prisoners-released"]
    chart = time_chart_geometry(claims, Words())
    xs = [mark["x"] for mark in chart["marks"]]
    assert xs[0] < xs[1] < xs[2]  # 13 January, then two claims of 14 January side by side
    assert xs[2] - xs[1] == 10
    assert [mark["shape"] for mark in chart["marks"]] == ["arrow-up", "arrow-up", "bar"]
    assert [tick["day"].isoformat() for tick in chart["day_ticks"]] == ["2026-01-13", "2026-01-14"]
    assert all(chart["top"] <= mark["y_high"] <= mark["y_low"] <= chart["bottom"] for mark in chart["marks"])
