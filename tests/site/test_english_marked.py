"""English text on the Spanish site is marked as English (issue 22, class 13; issue 23).

A copy of the site is built from tests/fixtures/english-records/, whose records are left
untranslated on purpose: actors' names (a group's), aliases and roles, figures' labels, units,
singular units and descriptions, topics' titles, summaries and bottom lines, an entry's place,
claims' scopes and quotes, an update's note, sources' titles, and a whole entry. Each such text
holds a marker word starting "Zenglish". Every HTML page of the Spanish build (every type of page),
and the HTML of its feeds' items, is walked: every text (or attribute a reader is shown, or title
of the head, or chart's SVG title and description) that holds a marker must sit inside an element
with lang="en". JSON-LD gives such a text as a work whose inLanguage is "en", and the Spanish search
index takes in no marker that the pages show outside a searched lang="en" element.
"""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, mkdocs_build
from search_records import searchable_text

RECORDS = REPO / "tests" / "fixtures" / "english-records" / "briefings"
MARKER = "zenglish"
SHOWN_ATTRIBUTES = ("title", "alt", "aria-label", "content", "placeholder")
MARKER_WORD = re.compile(r"zenglish[a-z]+")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                  "track", "wbr", "path", "circle", "rect", "line", "polygon", "polyline", "use"})


class UnmarkedEnglish(HTMLParser):
    """Collects the marked texts of a page that no lang="en" element holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # (tag.class, its lang attribute, whether it keeps its text out of search) of open elements
        self.langs: list[tuple[str, str | None, bool]] = []
        self.found: list[str] = []
        self.searched_english: set[str] = set()  # the marker words search may take in, as English

    def in_english(self) -> bool:
        return next((lang for _, lang, _ in reversed(self.langs) if lang is not None), None) == "en"

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        lang = attributes.get("lang") or attributes.get("xml:lang")
        shown = [f"{tag}[{name}]: {value}" for name, value in attrs if name in SHOWN_ATTRIBUTES
                 and value and MARKER in value.lower()]
        if tag not in VOID:
            name = f"{tag}.{attributes['class']}" if attributes.get("class") else tag
            if attributes.get("type") == "application/ld+json":
                name = "jsonld"
            self.langs.append((name, lang, "data-pagefind-ignore" in attributes))
        if shown and not (self.in_english() or lang == "en"):
            self.found += shown

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag) -> None:
        for i in range(len(self.langs) - 1, -1, -1):  # close up to the matching element
            if self.langs[i][0].split(".")[0] == tag:
                del self.langs[i:]
                return

    def handle_data(self, data) -> None:
        if MARKER not in data.lower():
            return
        if self.langs and self.langs[-1][0] == "jsonld":
            self.found += unmarked_in_jsonld(json.loads(data))
        elif not self.in_english():
            self.found.append(f"{self.langs[-1][0] if self.langs else ''}: {data.strip()[:120]}")
        elif not any(ignored for _, _, ignored in self.langs):
            self.searched_english.update(MARKER_WORD.findall(data.lower()))


def unmarked_in_jsonld(data, language: str | None = None) -> list[str]:
    """The marked texts of JSON-LD not inside an object whose inLanguage is "en"."""
    if isinstance(data, dict):
        language = data.get("inLanguage", language)
        return [found for value in data.values() for found in unmarked_in_jsonld(value, language)]
    if isinstance(data, list):
        return [found for value in data for found in unmarked_in_jsonld(value, language)]
    return [f"jsonld: {data[:120]}"] if isinstance(data, str) and MARKER in data.lower() and language != "en" else []


def walked(html: str) -> UnmarkedEnglish:
    parser = UnmarkedEnglish()
    parser.feed(html)
    parser.close()
    return parser


def unmarked_english(html: str) -> list[str]:
    return walked(html).found


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("english-records") / "repo"
    for part in ("docs", "hooks", "overrides"):
        shutil.copytree(REPO / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(RECORDS, repo / "briefings")
    for config in ("mkdocs.yml", "mkdocs.es.yml"):
        shutil.copy(REPO / config, repo / config)
    result = mkdocs_build(repo / "mkdocs.yml", repo / "site")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    return repo / "site" / "es"


def test_the_walker_finds_unmarked_english_and_passes_marked_english() -> None:
    assert unmarked_english('<p lang="es">a <b>Zenglishx</b></p>') == ["b: Zenglishx"]
    assert unmarked_english('<p lang="es"><span lang="en">a <b>Zenglishx</b></span> b</p>') == []
    assert unmarked_english('<p lang="en"><span lang="es">Zenglishx</span></p>') == ["span: Zenglishx"]
    assert unmarked_english('<img alt="Zenglishx"><meta content="Zenglishy">') == [
        "img[alt]: Zenglishx", "meta[content]: Zenglishy"]
    assert unmarked_english('<svg><desc>a <span lang="en">Zenglishx</span> <b>Zenglishy</b></desc></svg>') == [
        "b: Zenglishy"]
    jsonld = '<script type="application/ld+json">{"a": "Zenglishx", "b": {"name": "Zenglishy", "inLanguage": "en"}}</script>'
    assert unmarked_english(jsonld) == ["jsonld: Zenglishx"]
    page = walked('<p lang="en">Zenglishx <span data-pagefind-ignore>Zenglishy</span></p>')
    assert page.searched_english == {"zenglishx"}


# Every type of page on the Spanish site (by its path), each of which the walk must meet.
PAGE_TYPES = {
    "entry": "entries/translated-but-place/index.html", "untranslated entry": "entries/untranslated/index.html",
    "topic": "topics/detentions/index.html", "figure": "figures/prisoners-released/index.html",
    "figure index": "figures/index.html", "actor": "actors/human-rights-groups/index.html",
    "actor index": "actors/index.html", "timeline": "timeline/index.html", "home": "index.html",
    "about": "about/index.html", "contribute": "contribute/index.html", "data": "data/index.html",
    "format": "format/index.html", "not found": "404.html",
}


def feed_items_html(site: Path) -> dict[str, str]:
    """The HTML of every item of the site's feeds, by feed and item: readers show it as a page."""
    items = {}
    for feed in sorted(site.glob("feeds/*.atom.xml")):
        for i, content in enumerate(ET.parse(feed).getroot().iter("{http://www.w3.org/2005/Atom}content")):
            items[f"{feed.name}#{i}"] = content.text or ""
    for feed in sorted(site.glob("feeds/*.json")):
        for i, item in enumerate(json.loads(feed.read_text(encoding="utf-8"))["items"]):
            items[f"{feed.name}#{i}"] = item.get("content_html", "")
    return items


def walked_pages(site: Path) -> dict[str, UnmarkedEnglish]:
    pages = {str(page.relative_to(site)): page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))}
    missing = {kind: path for kind, path in PAGE_TYPES.items() if path not in pages}
    assert missing == {}, "page types the walk did not meet"
    shown = {path for path, html in pages.items() if MARKER in html.lower()}
    assert {PAGE_TYPES[kind] for kind in ("entry", "untranslated entry", "figure", "figure index", "actor",
                                          "actor index", "topic", "home")} <= shown
    items = feed_items_html(site)
    assert any(MARKER in html.lower() for html in items.values())  # the feeds have something to check
    return {path: walked(html) for path, html in (pages | items).items()}


def test_every_spanish_page_marks_all_the_english_it_shows(spanish_site: Path) -> None:
    found = {path: page.found for path, page in walked_pages(spanish_site).items() if page.found}
    assert found == {}


def test_the_spanish_search_index_takes_in_no_english_but_marked_searched_names(spanish_site: Path) -> None:
    searched = set().union(*(page.searched_english for page in walked_pages(spanish_site).values()))
    indexed = set(MARKER_WORD.findall(searchable_text(spanish_site).lower()))
    assert indexed and indexed <= searched, indexed - searched
    assert {"zenglishsourceone", "zenglishscopeone", "zenglishquoteone"}.isdisjoint(indexed)  # marked, not searched


def test_a_lower_case_spanish_name_heads_its_page_and_its_lines_with_a_capital(spanish_site: Path) -> None:
    page = (spanish_site / "actors" / "us-government" / "index.html").read_text(encoding="utf-8")
    assert "<title>Gobierno de Estados Unidos - " in page
    assert '<h1 id="us-government">Gobierno de Estados Unidos</h1>' in page
    index = (spanish_site / "actors" / "index.html").read_text(encoding="utf-8")
    assert ">Gobierno de Estados Unidos</a>" in index and ">gobierno de Estados Unidos<" not in index
