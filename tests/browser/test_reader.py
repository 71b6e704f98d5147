"""Readers, proven in a real browser: they can get from the home page to an entry, no page asks
any other host for anything, axe-core finds nothing on the pages or in the search dialog (light and
dark), and search finds entries by their words."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import listed_results

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "topic": "topics/detentions/",
    "entry": "entries/bloomberg-reports-us-citizen-released/",
    "timeline": "timeline/",
    "figure": "figures/prisoners-released/",
    "actor": "actors/jorge-rodriguez/",
}
SCHEMES = {"light": "default", "dark": "slate"}  # browser colour scheme -> Material's palette
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
BLOOMBERG = "Bloomberg News reports at least one US citizen released from a Venezuelan prison"
ENVOY = "Acting President Delcy Rodríguez expected to send an envoy to the US capital, according to reports"


def assert_scheme(reader, scheme: str) -> None:
    """Material picked the palette that matches the reader's colour scheme."""
    assert reader.page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]


def assert_stays_on_site(reader) -> None:
    assert reader.requests, "no request was recorded at all"
    assert not reader.foreign_requests(), (
        f"requests left the site ({reader.origin}):\n" + "\n".join(reader.foreign_requests()))


def search(reader, words: str, phone: bool = False):
    """Type into Material's search box as a reader does; return the result items once listed."""
    page = reader.page
    if phone:  # on a phone the box hides behind the magnifier button in the header
        page.locator("header button[data-briefing-search-open]").click()
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(words, delay=20)
    items = listed_results(page)
    items.first.wait_for(state="visible")
    assert page.locator("#__search").is_checked(), "the search dialog is not open"
    return items


def result_titled(items, href_end: str, title: str):
    """The result for one page: its link holds href_end, and it shows the page's title."""
    link = items.locator(f"a.md-search-result__link[href*='{href_end}']").first
    link.wait_for(state="visible")
    shown = " ".join(link.locator("h1").first.inner_text().split())
    assert shown == title, f"result for {href_end} shows {shown!r}"
    return link


# --- (a) From the home page to an entry, by clicking ---------------------------------------------

def test_a_reader_goes_from_home_to_a_topic_to_an_entry(reader):
    page = reader.page
    reader.goto("")
    page.locator("article .briefing-home__topics").get_by_role("link", name="Detentions", exact=True).click()
    page.wait_for_url(re.compile(r"/topics/detentions/$"))
    assert page.locator("article h1").first.inner_text().strip() == "Detentions"

    page.locator("article").get_by_role("link", name=BLOOMBERG, exact=True).first.click()
    page.wait_for_url(re.compile(r"/entries/bloomberg-reports-us-citizen-released/$"))
    assert page.locator("article h1").first.inner_text().strip() == BLOOMBERG
    assert page.title().startswith(BLOOMBERG)

    claims = page.locator("article table", has=page.locator("caption", has_text="Who claims what"))
    claims.wait_for(state="visible")
    headers = [" ".join(text.split()) for text in claims.locator("thead th").all_inner_texts()]
    assert headers[:3] == ["Who", "Figure", "Value"], headers
    rows = [" ".join(text.split()) for text in claims.locator("tbody tr").all_inner_texts()]
    assert any("Bloomberg News" in row and "US citizens released" in row and "at least 1" in row
               for row in rows), rows
    assert_stays_on_site(reader)


# --- (b) Every kind of page: nothing from other hosts, nothing for axe ---------------------------

@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_pages_stay_on_the_site_and_pass_axe(open_reader, assert_axe_clean, kind, scheme):
    reader = open_reader(scheme)
    reader.goto(PAGES[kind])
    assert_scheme(reader, scheme)
    assert_axe_clean(reader.page, f"the {kind} page ({PAGES[kind] or '/'}), {scheme}")
    assert_stays_on_site(reader)


@pytest.mark.parametrize("kind", PAGES)
def test_pages_load_everything_they_ask_for_without_errors(reader, kind):
    """Every request answered (no 404s), no error in the console, no uncaught exception."""
    reader.goto(PAGES[kind])
    reader.page.wait_for_load_state("networkidle")
    assert not reader.failures, "requests failed:\n" + "\n".join(reader.failures)
    assert not reader.errors, "errors in the page:\n" + "\n".join(reader.errors)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", ["home", "entry"])
def test_pages_on_a_phone_pass_axe_with_the_menu_open(open_reader, assert_axe_clean, kind, scheme):
    """Phones get other layouts: claims as cards, navigation in a drawer."""
    reader = open_reader(scheme, **PHONE)
    reader.goto(PAGES[kind])
    assert_axe_clean(reader.page, f"the {kind} page on a phone, {scheme}")
    reader.page.locator("label.md-header__button[for='__drawer']").click()
    reader.page.locator("nav.md-nav--primary").get_by_role("link", name="Timeline").wait_for(state="visible")
    assert_axe_clean(reader.page, f"the {kind} page on a phone with the menu open, {scheme}")
    assert_stays_on_site(reader)


# --- (c) The search dialog, open with results ----------------------------------------------------

@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_open_search_dialog_passes_axe(open_reader, assert_axe_clean, scheme, device):
    reader = open_reader(scheme, **(PHONE if device == "phone" else {}))
    reader.goto("")
    items = search(reader, "released", phone=device == "phone")
    assert items.count() > 1
    dialog = reader.page.locator(".md-search[role='dialog']")
    assert dialog.get_attribute("aria-label"), "the search dialog has no accessible name"
    assert_axe_clean(reader.page, f"the search dialog with results for 'released' ({scheme}, {device})")
    assert_stays_on_site(reader)


# --- (d) Search works --------------------------------------------------------------------------

def test_search_lists_an_entry_by_a_word_of_its_title(reader):
    reader.goto("")
    items = search(reader, "Bloomberg")
    link = result_titled(items, "entries/bloomberg-reports-us-citizen-released/", BLOOMBERG)
    link.click()
    reader.page.wait_for_url(re.compile(r"/entries/bloomberg-reports-us-citizen-released/"))
    assert reader.page.locator("article h1").first.inner_text().strip() == BLOOMBERG
    assert_stays_on_site(reader)


ENVOY_SUMMARY = "Venezuela's acting president, Delcy Rodríguez, is expected to send an envoy"
MACHADO = "María Corina Machado expected to meet Donald Trump in Washington on Thursday"
MACHADO_SUMMARY = "Opposition leader and Nobel Peace Prize winner María Corina Machado"


@pytest.mark.parametrize("words, href, title, summary", [
    ("Rodríguez", "entries/acting-president-expected-to-send-envoy-to-us/", ENVOY, ENVOY_SUMMARY),
    ("Rodriguez", "entries/acting-president-expected-to-send-envoy-to-us/", ENVOY, ENVOY_SUMMARY),
    ("Machado", "entries/machado-expected-to-meet-trump-in-washington/", MACHADO, MACHADO_SUMMARY),
    ("Maria Corina", "entries/machado-expected-to-meet-trump-in-washington/", MACHADO, MACHADO_SUMMARY),
])
def test_search_finds_names_with_or_without_accents(reader, words, href, title, summary):
    """Typed with or without accents, a name finds the entry, shown with its title and summary."""
    reader.goto("")
    items = search(reader, words)
    result_titled(items, href, title)
    # The list is drawn again as each letter arrives: wait for the final one's result to show the
    # summary (to_contain_text fails when its time is up; it compares with spaces collapsed).
    result = items.filter(has=reader.page.locator(f"a[href*='{href}']")).first
    expect(result, f"the result for {href} does not show its summary").to_contain_text(summary, timeout=15_000)
