"""The Spanish site (/es/), built by the English build from the same files.

A copy of the real site with two held-out entries (tests/fixtures/held-out/): one with a Spanish
block, which /es/ must publish in Spanish on its page, its topic page, the timeline, the figure
and actor pages, the feeds and the search index, and / in English; one without, which /es/ must
show as not yet translated (its English title marked as English, its date, claims and sources,
a link to the English text), never with its English summary or body. And on every Spanish page
of both sites, no English interface text outside what is marked lang="en".
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO, mkdocs_build
from search_records import search_records
from spanish_text import english_interface_phrases, english_phrases_in, spanish_text

HELD_OUT = REPO / "tests" / "fixtures" / "held-out"
TRANSLATED, UNTRANSLATED = "held-out-translated", "held-out-untranslated"
SPANISH_TITLE = "Entrada de prueba: los grupos de derechos humanos dan otra cifra de presos excarcelados"
ENGLISH_TITLE = "Held-out test entry: rights groups give another count of released prisoners"
UNTRANSLATED_TITLE = "Held-out test entry without a translation"
NEVER_IN_SPANISH = ("Heldoutenglishsummary", "Heldoutenglishbody", "Untranslatedsummaryword", "Untranslatedbodyword")


@pytest.fixture(scope="module")
def held_out_site(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("held-out") / "repo"
    for part in ("briefings", "docs", "hooks", "overrides"):
        shutil.copytree(REPO / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    for config in ("mkdocs.yml", "mkdocs.es.yml"):
        shutil.copy(REPO / config, repo / config)
    for entry in HELD_OUT.glob("*.yaml"):
        shutil.copy(entry, repo / "briefings/2026/01" / entry.name)
    result = mkdocs_build(repo / "mkdocs.yml", repo / "site")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    return repo / "site"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_a_translated_entry_is_in_spanish_on_its_spanish_page_and_in_english_on_its_english_one(held_out_site):
    spanish = read(held_out_site, f"es/entries/{TRANSLATED}/index.html")
    assert '<html lang="es"' in spanish and '<article class="briefing-entry" lang="es">' in spanish
    assert f'<h1 id="headline">{SPANISH_TITLE}</h1>' in spanish
    assert "Heldoutcuerpo" in spanish and "desde que empezó la semana de prueba" in spanish
    assert "al menos 75</strong> personas" in spanish and "Traducida del inglés el 15 de enero de 2026." in spanish
    english = read(held_out_site, f"entries/{TRANSLATED}/index.html")
    assert '<html lang="en"' in english and f'<h1 id="headline">{ENGLISH_TITLE}</h1>' in english
    assert "Heldoutenglishbody" in english and "Heldoutcuerpo" not in english


@pytest.mark.parametrize("page", ["es/topics/detentions/index.html", "es/timeline/2026-01/index.html",
                                  "es/figures/prisoners-released/index.html",
                                  "es/actors/human-rights-groups/index.html", "es/index.html"])
def test_the_spanish_lists_give_the_translated_title(held_out_site, page):
    assert SPANISH_TITLE in read(held_out_site, page) and ENGLISH_TITLE not in read(held_out_site, page)


def test_the_spanish_feeds_carry_the_spanish_text(held_out_site):
    atom = read(held_out_site, "es/feeds/all.atom.xml")
    assert 'xml:lang="es"' in atom and SPANISH_TITLE in atom and "Heldoutcuerpo" in atom
    items = json.loads(read(held_out_site, "es/feeds/topic-detentions.json"))
    assert items["language"] == "es" and SPANISH_TITLE in [item["title"] for item in items["items"]]


def test_an_untranslated_entry_says_so_and_gives_what_needs_no_translation(held_out_site):
    page = read(held_out_site, f"es/entries/{UNTRANSLATED}/index.html")
    assert f'<span lang="en" data-pagefind-ignore>{UNTRANSLATED_TITLE}</span>' in page
    assert "Todavía sin traducir" in page and "nunca traduce de forma automática" in page
    assert f'href="../../../entries/{UNTRANSLATED}/" hreflang="en"' in page  # relative: a mirror keeps its reader
    assert '<time datetime="2026-01-15">15 de enero de 2026</time>' in page
    assert "10</strong> personas" in page and "Held-out test report" in page
    listed = read(held_out_site, "es/topics/detentions/index.html")
    assert f'lang="en">{UNTRANSLATED_TITLE}</a> <span class="briefing-meta">(en inglés)</span>' in listed


def test_no_english_summary_or_body_is_published_on_the_spanish_site(held_out_site):
    for path in [*(held_out_site / "es").rglob("*.html"), *(held_out_site / "es/feeds").iterdir()]:
        text = path.read_text(encoding="utf-8")
        assert not [word for word in NEVER_IN_SPANISH if word in text], path


def test_open_data_carries_each_records_translation(held_out_site):
    data = json.loads(read(held_out_site, "data/briefings.json"))
    entry = next(e for e in data["entries"] if e["id"] == TRANSLATED)
    assert entry["es"]["title"] == SPANISH_TITLE and entry["claims"][0]["es"] == {
        "scope": "desde que empezó la semana de prueba"}
    assert data["topics"][0]["es"]["title"] == "Detenciones"
    assert "es" not in next(e for e in data["entries"] if e["id"] == UNTRANSLATED)


def test_the_spanish_search_index_holds_the_spanish_text_only(held_out_site):
    """/es/'s index has the translated entry in Spanish and leaves the untranslated one out (its
    page holds no Spanish text of it); /'s index has both in English."""
    spanish = search_records(held_out_site / "es")
    page = spanish["/entries/held-out-translated/"]  # urls from the Spanish site's root
    assert page["meta"]["title"] == SPANISH_TITLE and "Heldoutcuerpo" in page["content"]
    assert "/entries/held-out-untranslated/" not in spanish
    indexed = " ".join(record["meta"].get("title", "") + " " + record["content"] for record in spanish.values())
    assert not [word for word in NEVER_IN_SPANISH if word in indexed]
    english = search_records(held_out_site)
    assert "Heldoutenglishbody" in english["/entries/held-out-translated/"]["content"]
    assert "Untranslatedbodyword" in english["/entries/held-out-untranslated/"]["content"]


def test_each_language_has_its_own_search_index(held_out_site):
    assert json.loads(read(held_out_site, "pagefind/pagefind-entry.json"))["languages"].keys() == {"en"}
    assert json.loads(read(held_out_site, "es/pagefind/pagefind-entry.json"))["languages"].keys() == {"es"}


def test_pages_link_their_other_language_version_and_the_sitemap_lists_both(held_out_site):
    english = read(held_out_site, "about/index.html")
    for lang, href in (("en", "about/"), ("es", "es/about/"), ("x-default", "about/")):
        assert f'<link rel="alternate " hreflang="{lang}" href="http://127.0.0.1:8000/{href}">' in english
    # The switcher a reader clicks is relative (a copy of the site elsewhere keeps its reader).
    assert '<a class="md-header__button briefing-language" href="../es/about/" hreflang="es"' in english
    assert 'briefing-language" href="../../about/" hreflang="en"' in read(held_out_site, "es/about/index.html")
    sitemap = read(held_out_site, "sitemap.xml")
    assert f"<loc>http://127.0.0.1:8000/es/entries/{TRANSLATED}/</loc>" in sitemap
    assert f"<loc>http://127.0.0.1:8000/entries/{TRANSLATED}/</loc>" in sitemap


@pytest.fixture(scope="module")
def interface_phrases() -> set[str]:
    phrases = english_interface_phrases()
    assert {"Claims", "Who is involved", "more than", "Skip to content"} <= phrases
    return phrases


@pytest.mark.parametrize("which", ["real", "held-out"])
def test_no_english_interface_text_on_any_spanish_page(request, which, interface_phrases):
    site = request.getfixturevalue("real_site" if which == "real" else "held_out_site")
    pages = sorted((site / "es").rglob("*.html"))
    assert len(pages) > 30
    found = {}
    for path in pages:
        english = english_phrases_in(spanish_text(path.read_text(encoding="utf-8")), interface_phrases)
        if english:
            found[path.relative_to(site).as_posix()] = english
    assert found == {}


def test_the_not_found_page_tells_spanish_readers_in_spanish(real_site):
    """The host answers every missing address with the root 404.html, /es/ ones too."""
    page = read(real_site, "404.html")
    assert ('<p lang="es">Página no encontrada. La página de inicio del sitio en español: '
            '<a href="http://127.0.0.1:8000/es/" hreflang="es">Español</a></p>') in page
    assert '<p lang="en">Page not found.' in read(real_site, "es/404.html")
