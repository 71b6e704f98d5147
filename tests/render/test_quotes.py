"""A claim's quote: on another language's page, a translated quote is labelled as our translation
before its words start (a reader never meets them as the speaker's own), and the source's English
follows, marked as English; on the English page the words stand alone. Pages and feeds alike."""
from __future__ import annotations

import dataclasses
import re

import pytest

from briefing.model.build import load_site
from briefing.model.ledger import Ledger
from briefing.model.site import Translation
from briefing.render.context import RenderContext
from briefing.render.feeds import site_feeds
from briefing.render.i18n import Language
from briefing.render.jinja import Templates
from briefing.render.markup import SafeMarkdown
from briefing.render.pages import entry_page
from briefing.render.settings import Settings
from briefing.render.words import Words

from conftest import TOY

ENGLISH_WORDS = "We freed them all"
SPANISH_WORDS = "Los liberamos a todos"


def context(language: Language) -> tuple[RenderContext, object]:
    """The toy site, its first entry translated (title, summary) and its first claim quoting
    ENGLISH_WORDS, translated as SPANISH_WORDS."""
    site = load_site(TOY, cache=False)
    entry = next(e for e in site.entries if e.claims)
    claim = entry.claims[0]
    others = tuple(t for t in claim.translations if t.language != "es")
    kept = claim.translation("es").texts if claim.translation("es") else ()
    claim = dataclasses.replace(claim, quote=ENGLISH_WORDS,
                                translations=(*others, Translation("es", (*kept, ("quote", SPANISH_WORDS)))))
    spanish = Translation("es", (("title", "Título"), ("summary", "Resumen"), ("translated_on", entry.updated)))
    edited = dataclasses.replace(entry, claims=(claim, *entry.claims[1:]), translations=(spanish,))
    entries = tuple(edited if e is entry else e for e in site.entries)
    by_topic = {topic: tuple(edited if e is entry else e for e in found) for topic, found in site.by_topic.items()}
    site = dataclasses.replace(site, entries=entries, by_topic=by_topic)
    ctx = RenderContext(site, Ledger(site), Settings("Toy", "https://example.org/"),
                        Templates(language=language), SafeMarkdown(), Words(language))
    return ctx, edited


def outputs(language: Language) -> dict[str, str]:
    """The edited entry's page and its item in the site's JSON feed, as HTML."""
    ctx, entry = context(language)
    feed = next(f.content for f in site_feeds(ctx) if f.path.endswith("feeds/all.json"))
    return {"page": entry_page(ctx, entry).body, "feed": feed.replace('\\"', '"')}


@pytest.mark.parametrize("where", ["page", "feed"])
def test_a_translated_quote_has_its_label_first_and_the_english_beside_it(where: str):
    spanish = Language("es")
    html = outputs(spanish)[where]
    label = spanish.gettext("Our translation of the quote, which the source gives in English:")
    assert label != "Our translation of the quote, which the source gives in English:"  # translated
    assert html.count(SPANISH_WORDS) == 1
    assert html.index(label) < html.index(SPANISH_WORDS)
    assert re.search(rf'<q lang="en"[^>]*>{ENGLISH_WORDS}</q>', html)
    assert html.index(SPANISH_WORDS) < html.index(ENGLISH_WORDS)


@pytest.mark.parametrize("where", ["page", "feed"])
def test_the_english_quote_stands_alone_on_the_english_page(where: str):
    html = outputs(Language())[where]
    assert f"<q>{ENGLISH_WORDS}</q>" in html
    assert SPANISH_WORDS not in html and "Our translation" not in html
