"""The ledger's pages end to end: figure pages with charts, actor pages, key figures at a glance."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import REPO, mkdocs_build
from search_records import searchable_text

SVG = "{http://www.w3.org/2000/svg}"
NEW_CLAIMS = """\
title: Three more counts of released prisoners
date: 2026-01-20
topics: [detentions]
summary: Three more organisations give their counts.
claims:
  - {figure: prisoners-released, value: 90, qualifier: about, by: group-a, source: s, basis: counted}
  - {figure: prisoners-released, value: [100, 150], by: group-b, source: s, scope: since January 8}
  - {figure: prisoners-released, value: 500, qualifier: fewer-than, by: group-c, source: s, basis: verified}
sources:
  - {id: s, title: A later report}
"""
NEW_ACTORS = "".join(f"group-{x}:\n  name: Group {x.upper()} Watch\n  kind: organization\n" for x in "abc")


def svg_of(html: str) -> ET.Element:
    """The chart, parsed as XML: it must be well-formed on its own."""
    start = html.index("<svg", html.index('<figure class="briefing-chart">'))
    end = html.index("</svg>", start) + len("</svg>")
    return ET.fromstring(html[start:end])


def test_the_prisoners_released_page_shows_every_seed_claim(real_site: Path):
    html = (real_site / "figures/prisoners-released/index.html").read_text()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    for words in ("more than 400", "at least 116", "about 60–70", "Counts differ",
                  "Reported counts range from about 60–70 people (Human rights organizations, freed since last week; "
                  "said 14 January 2026) to more than 400 people (Jorge Rodríguez, no clear timeline given; "
                  "said 13 January 2026).",
                  "The counts differ, but the claims do not state the same period, so they need not contradict "
                  "each other."):
        assert words in text
    assert "cannot all hold" not in text  # no two claims state the same period
    svg = svg_of(html)
    assert svg.find(f"{SVG}title").text == "Prisoners released: 3 claims side by side"
    assert ("Jorge Rodríguez: more than 400 people, no clear timeline given, said on 13 January 2026."
            in svg.find(f"{SVG}desc").text)
    assert len(svg.findall(f"{SVG}g")) == 3


def test_every_figure_and_actor_has_a_page(real_site: Path):
    for kind in ("figures", "actors"):
        registry = (REPO / "briefings" / f"{kind}.yaml").read_text()
        ids = [line[:-1] for line in registry.splitlines() if line and line[0].isalpha() and line.endswith(":")]
        assert ids and all((real_site / kind / i / "index.html").exists() for i in ids)
        assert (real_site / kind / "index.html").exists()


def test_entry_pages_link_claims_to_figures_and_actors(real_site: Path):
    html = (real_site / "entries/assembly-president-says-more-than-400-freed/index.html").read_text()
    assert 'href="../../figures/prisoners-released/"' in html
    assert 'href="../../actors/jorge-rodriguez/"' in html


def test_topic_and_home_pages_show_figures_with_their_full_spread(real_site: Path):
    topic = (real_site / "topics/detentions/index.html").read_text()
    home = (real_site / "index.html").read_text()
    for page, figure_link in ((topic, "../../figures/prisoners-released/"), (home, "figures/prisoners-released/")):
        assert f'<a href="{figure_link}"><strong>Prisoners released</strong></a> · 3 claims by 3 actors' in page
        text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
        assert "from about 60–70 people (Human rights organizations" in text  # the lowest claim
        assert "to more than 400 people (Jorge Rodríguez" in text  # and the highest, always both ends
    assert "Key figures" in home


def test_three_new_claims_appear_everywhere_with_no_code_change(toy_repo: Path, tmp_path: Path):
    (toy_repo / "briefings/2026/01/2026-01-20-three-more-counts.yaml").write_text(NEW_CLAIMS)
    with (toy_repo / "briefings/actors.yaml").open("a") as actors:
        actors.write(NEW_ACTORS)
    result = mkdocs_build(toy_repo / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    figure = (site / "figures/prisoners-released/index.html").read_text()
    for words in ("about 90", "100–150", "fewer than 500", "counted", "verified", "since January 8"):
        assert words in figure
    labels = [t.text for t in svg_of(figure).iter(f"{SVG}text")]
    assert {"Group A Watch: about 90", "Group B Watch: 100–150", "Group C Watch: fewer than 500"} <= set(labels)
    for x in "abc":
        assert "Three more counts of released prisoners" in (site / f"actors/group-{x}/index.html").read_text()
    home = (site / "index.html").read_text()
    assert "Group C Watch" in home and "fewer than 500" in home
    assert "Group B Watch" in searchable_text(site, "/entries/")
