"""The Spanish site (/es/) in Chromium, as CI publishes it: its search searches Spanish, with
Spanish stemming and accents folded, and lists Spanish pages; the language switcher in the
header goes to the same page in the other language and back."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .test_reader import assert_stays_on_site, search

pytestmark = pytest.mark.browser

BLOOMBERG = "entries/bloomberg-reports-us-citizen-released/"
ASSEMBLY = "entries/assembly-president-says-more-than-400-freed/"
OIL = "entries/us-asserts-control-over-oil-exports-after-maduro-abduction/"
ENVOY = "entries/acting-president-expected-to-send-envoy-to-us/"
GOVERNMENT = "entries/government-says-most-of-2000-protest-detainees-released/"  # says "liberadas" only


def result_links(items) -> list[str]:
    return items.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize("words, wanted, why", [
    ("liberados", [GOVERNMENT, ASSEMBLY], "the government entry says only 'liberadas': Spanish stemming"),
    ("liberaron", [BLOOMBERG, GOVERNMENT], "no entry says 'liberaron': Spanish stemming"),
    ("petroleo", [OIL], "typed without its accent, 'petróleo' is found"),
    ("Rodriguez", [ASSEMBLY, ENVOY], "Jorge and Delcy Rodríguez, typed without the accent"),
])
def test_spanish_searches_find_the_spanish_entries(reader, words, wanted, why):
    reader.goto("es/")
    items = search(reader, words)
    for page in wanted:  # the list is drawn again as each letter arrives: wait for the last word's
        expect(items.locator(f"a.md-search-result__link[href$='es/{page}']").first,
               f"{words!r} did not find {page} ({why})").to_be_visible(timeout=15_000)
    links = result_links(items)
    assert all(link.startswith(reader.base + "es/") for link in links), links
    facts = items.locator(".briefing-search-facts").all_inner_texts()
    assert any(fact.startswith("Entrada · ") and " de 2026" in fact for fact in facts), facts
    assert_stays_on_site(reader)


def test_the_english_search_stays_english(reader):
    reader.goto("")
    links = result_links(search(reader, "released"))
    assert links and not [link for link in links if "/es/" in link], links


@pytest.mark.parametrize("path", ["", ASSEMBLY, "topics/oil-control/", "figures/prisoners-released/", "about/",
                                  "timeline/2026-01/"])
def test_the_switcher_goes_to_the_same_page_in_the_other_language_and_back(reader, path):
    page = reader.page
    reader.goto(path)
    assert page.locator("html").get_attribute("lang") == "en"
    english_heading = page.locator("article h1").first.inner_text().strip()
    page.locator("header a[hreflang=es]").click()
    page.wait_for_url(re.compile(re.escape(reader.base + "es/" + path) + "$"))
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("article h1").first.inner_text().strip() != english_heading or path == ""
    page.locator("header a[hreflang=en]").click()
    page.wait_for_url(re.compile(re.escape(reader.base + path) + "$"))
    assert page.locator("article h1").first.inner_text().strip() == english_heading
    assert_stays_on_site(reader)


def test_a_quotation_in_spanish_opens_with_angle_quotes_and_one_in_english_with_the_browsers(reader):
    reader.goto("es/figures/prisoners-released/")
    marks = reader.page.evaluate("""() => [...document.querySelectorAll('article q')].map(q =>
        [q.closest('[lang]').lang, getComputedStyle(q).quotes.split(' ')[0]])""")
    assert ["es", '"«"'] in marks and ["en", "auto"] in marks, marks  # English: the browser's own “”
