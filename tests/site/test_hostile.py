"""Hostile but valid contributions reach readers inert, in every output of the site.

tests/fixtures/hostile/ holds registries and an entry with markup, script breakers,
dangerous links and spreadsheet formulas in every text and URL field. It is valid,
so it builds; every output is then parsed and checked for live markup.
"""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import REPO
from hostile_checks import build_hostile_site, live_markup
from search_records import search_records


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return build_hostile_site(tmp_path_factory.mktemp("hostile"))


def test_the_fixture_really_is_hostile(hostile_site: Path):
    page = (hostile_site / "entries/hostile-entry/index.html").read_text()
    assert page.count("alert(") >= 15  # the payloads are there, as text


def test_no_page_holds_live_markup(hostile_site: Path):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 10
    findings = {page.relative_to(hostile_site).as_posix(): live_markup(page.read_text()) for page in pages}
    assert {page: found for page, found in findings.items() if found} == {}


def test_feeds_are_well_formed_and_their_html_is_inert(hostile_site: Path):
    atom = "{http://www.w3.org/2005/Atom}"
    for path in (hostile_site / "feeds").glob("*.atom.xml"):
        for content in ET.parse(path).getroot().iter(f"{atom}content"):
            assert live_markup(content.text or "") == [], path.name
    for path in (hostile_site / "feeds").glob("*.json"):
        for item in json.loads(path.read_text())["items"]:
            assert live_markup(item["content_html"]) == [], path.name


def test_the_search_index_holds_payloads_as_text_and_the_box_shows_them_as_text(hostile_site: Path):
    """Pagefind stores each page's text: a payload is there as the characters a reader saw
    (escaped in the page, so never parsed as markup). The search box (docs/assets/search.js)
    must then never turn index text into markup; the browser test fires the payloads."""
    records = search_records(hostile_site)
    assert any("<script>" in record["meta"]["title"] for record in records.values())
    assert any("onmouseover=" in record["content"] for record in records.values())
    script = (REPO / "docs/assets/search.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("):
        assert sink not in script, sink


def test_the_chart_is_well_formed_svg_without_scripts(hostile_site: Path):
    html = (hostile_site / "figures/prisoners-released/index.html").read_text()
    start = html.index("<svg", html.index('<figure class="briefing-chart">'))
    svg = ET.fromstring(html[start:html.index("</svg>", start) + 6])
    tags = {element.tag.split("}")[1] for element in svg.iter()}
    assert "script" not in tags and "foreignObject" not in tags
    assert not [a for element in svg.iter() for a in element.attrib if a.startswith("on")]


def test_csv_cells_never_become_formulas(hostile_site: Path):
    rows = list(csv.reader(io.StringIO((hostile_site / "data/claims.csv").read_text())))
    cells = [cell for row in rows[1:] for cell in row]
    assert [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")] == []
    assert "'+cmd" in cells and "'-1+1 <script>alert('scope')</script>" in cells


def test_data_json_keeps_the_text_as_written(hostile_site: Path):
    data = json.loads((hostile_site / "data/briefings.json").read_text())
    entry = data["entries"][0]
    assert entry["title"].startswith("</title><script>alert('entry-title')</script>")  # data, not markup


@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href=" javascript:alert(1)">x</a>',
    "<a href=\"data:text/html,x\">x</a>", "<iframe srcdoc='alert(1)'></iframe>", "<svg onload=alert(1)>",
    '<script type="application/ld+json">{"a": "</script><script>alert(1)</script>',
    '<script type="application/ld+json">{"headline": "</script>"}',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'])
def test_the_checker_finds_live_markup(html):
    """A check that cannot fail proves nothing: each of these must be caught."""
    assert live_markup(html) != []


def test_the_checker_passes_escaped_text():
    assert live_markup("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><meta content=\"alert(1)\">") == []
