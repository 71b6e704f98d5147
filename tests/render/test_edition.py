"""The offline edition (render/edition.py): what it holds, that it fetches nothing, and that it
stays within its size bounds (gzipped and as saved) however many entries the site has."""
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from briefing.model.build import load_site
from briefing.render.edition import EDITION_GZIP_BUDGET, EDITION_SAVED_BUDGET, edition_address, gzipped_size, saved_size
from briefing.render.settings import Settings
from briefing.render.site_outputs import SiteRenderer
from edition_size import edition_of, synthetic_site

from conftest import TOY

SITE_URL = "https://example.org/toy/"


class Links(HTMLParser):
    """Every tag, and every address an attribute names, of a document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.addresses: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.addresses += [(name, value or "") for name, value in attrs
                           if name in ("src", "href", "srcset", "data", "poster", "action", "xlink:href")]


def rendered(language: str) -> tuple[str, str]:
    """The toy site's edition and home section in `language`."""
    settings = Settings("Toy", SITE_URL, build_date=dt.date(2026, 1, 20), language=language)
    out = SiteRenderer(language=language).render(load_site(TOY, cache=False), settings)
    return out.contents[edition_address(language)](), out.home_html


@pytest.fixture(scope="module", params=["en", "es"])
def toy(request) -> tuple[str, str, str]:
    return (request.param, *rendered(request.param))


def test_the_edition_fetches_nothing_and_links_only_the_site_sources_and_itself(toy):
    _, edition, _ = toy
    parsed = Links()
    parsed.feed(edition)
    assert not {"script", "img", "link", "iframe", "object", "embed", "video", "audio", "source"} & set(parsed.tags)
    assert "url(" not in edition and "@import" not in edition
    assert "default-src 'none'" in edition
    for name, address in parsed.addresses:
        assert name == "href" and (address.startswith("#") or re.match(r"https?://", address)), address
    anchors = {address[1:] for _, address in parsed.addresses if address.startswith("#")}
    assert all(f'id="{anchor}"' in edition for anchor in anchors)


def test_the_edition_holds_what_a_reader_needs_and_says_its_date_and_address(toy):
    language, edition, _ = toy
    assert f'<html lang="{language}">' in edition
    words = {"en": ("As of", "20 January 2026", "more than 400", "Oil shipments resume", "Clarified the wording"),
             "es": ("Al <time", "20 de enero de 2026", "más de 400", "Oil shipments resume", "Clarified the wording")}
    assert all(word in edition for word in words[language])
    assert f'href="{SITE_URL}"' in edition and f"{SITE_URL}entries/oil-exports-resume/" in edition
    assert "https://example.org/report</a>" in edition  # a source's address, in full
    assert edition.index("Oil shipments resume") < edition.index("Assembly president says")  # newest first


def test_untranslated_words_on_the_spanish_edition_are_marked_english():
    edition, _ = rendered("es")
    assert '<span lang="en">Clarified the wording of the summary.</span>' in edition
    assert 'lang="en">Oil shipments resume' in edition


def test_the_home_page_links_the_edition_relatively_with_its_size(toy):
    language, edition, home = toy
    kilobytes = round(len(edition.encode()) / 1000)
    size = {"en": f"HTML, {kilobytes} KB", "es": f"HTML de {kilobytes} KB"}[language]
    assert f'<a href="offline/venezuela-briefing-{language}.html" download>' in home
    assert f"({size})" in home


@pytest.mark.parametrize("language", ["en", "es"])
def test_ten_thousand_entries_in_the_period_stay_within_both_bounds_and_the_rest_are_counted(language):
    site = synthetic_site(10_000)
    edition = edition_of(site, language)
    assert gzipped_size(edition) <= EDITION_GZIP_BUDGET
    assert saved_size(edition) <= EDITION_SAVED_BUDGET  # forwarded in a chat, it is sent as saved
    shown = edition.count("<article ")
    assert 50 < shown < 10_000
    more = f"{10_000 - shown:,}".replace(",", "." if language == "es" else ",")
    said = {"en": f"{more} more entries of these days are on the site",
            "es": f"Hay {more} entradas más de estos días en el sitio"}[language]
    assert said in edition and 'href="https://example.org/briefing/timeline/"' in edition
