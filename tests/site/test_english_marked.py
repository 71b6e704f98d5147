"""English text on the Spanish site is marked as English (issue 22, class 13).

A copy of the site is built from tests/fixtures/english-records/, whose records are left
untranslated on purpose: actors' roles, figures' labels, units, singular units and descriptions,
topics' titles, summaries and bottom lines, an entry's place, claims' scopes and quotes, an
update's note, and a whole entry. Each such text holds a marker word starting "Zenglish". Every
HTML page of the Spanish build is walked, and every text (or attribute a reader is shown) that
holds a marker must sit inside an element with lang="en".
"""
from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, mkdocs_build

RECORDS = REPO / "tests" / "fixtures" / "english-records" / "briefings"
MARKER = "zenglish"
SHOWN_ATTRIBUTES = ("title", "alt", "aria-label", "content", "placeholder")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                  "track", "wbr", "path", "circle", "rect", "line", "polygon", "polyline", "use"})


class UnmarkedEnglish(HTMLParser):
    """Collects the marked texts of a page that no lang="en" element holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.langs: list[tuple[str, str | None]] = []  # (tag.class, its lang attribute) of open elements
        self.found: list[str] = []

    def in_english(self) -> bool:
        return next((lang for _, lang in reversed(self.langs) if lang is not None), None) == "en"

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        lang = attributes.get("lang") or attributes.get("xml:lang")
        shown = [f"{tag}[{name}]: {value}" for name, value in attrs if name in SHOWN_ATTRIBUTES
                 and value and MARKER in value.lower()]
        if tag not in VOID:
            self.langs.append((f"{tag}.{attributes['class']}" if attributes.get("class") else tag, lang))
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
        if MARKER in data.lower() and not self.in_english():
            self.found.append(f"{self.langs[-1][0] if self.langs else ''}: {data.strip()[:120]}")


def unmarked_english(html: str) -> list[str]:
    parser = UnmarkedEnglish()
    parser.feed(html)
    parser.close()
    return parser.found


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


# Where English is not marked yet (issue 22, class 13, left open): the head's <title> and <meta
# content> (a document title cannot mark part of itself), the charts' SVG <title> and <desc>
# (plain text: a part of them cannot be marked either), and the theme's header and table of
# contents (<span class="md-ellipsis">s of page titles and headings, made by the theme).
NOT_MARKED_YET = ("title:", "meta[content]:", "desc:", "span.md-ellipsis:")


def unmarked_pages(site: Path) -> dict[str, list[str]]:
    pages = sorted(site.rglob("*.html"))
    kinds = {page.relative_to(site).parts[0] for page in pages}
    assert {"entries", "figures", "actors", "topics", "timeline", "index.html"} <= kinds
    shown = [page for page in pages if MARKER in page.read_text(encoding="utf-8").lower()]
    assert len(shown) >= 8  # the markers are on the pages, so the walk has something to check
    return {str(page.relative_to(site)): found for page in pages
            if (found := unmarked_english(page.read_text(encoding="utf-8")))}


def test_every_spanish_page_marks_the_english_its_templates_show(spanish_site: Path) -> None:
    problems = {page: [text for text in found if not text.startswith(NOT_MARKED_YET)]
                for page, found in unmarked_pages(spanish_site).items()}
    assert {page: found for page, found in problems.items() if found} == {}


@pytest.mark.xfail(strict=True, reason="NOT_MARKED_YET: head titles and descriptions, SVG titles, theme spans")
def test_every_spanish_page_marks_all_the_english_it_shows(spanish_site: Path) -> None:
    assert unmarked_pages(spanish_site) == {}
