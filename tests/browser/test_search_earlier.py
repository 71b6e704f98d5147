"""A large site's first search reads the recent entries' index only (hooks/briefing/publish/
search_index.py, docs/assets/search.js), in Chromium, on the real site built as CI publishes it
but with SEARCH_RECENT_ENTRIES=3: the three newest entries and every other page in pagefind/,
the older entries in pagefind-earlier/."""
from __future__ import annotations

import os

import pytest

import published_site
from .conftest import listed_results

pytestmark = pytest.mark.browser

OLDEST = "entries/penitentiary-ministry-says-at-least-116-freed/"  # dated 2026-01-12: an earlier entry
NOTE = ".briefing-search-earlier"


@pytest.fixture(scope="module")
def split_site(tmp_path_factory):
    """(folder, address) of the real site as published, with three recent entries."""
    port = published_site.free_port()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SEARCH_RECENT_ENTRIES", "3")
        try:
            site = published_site.build(tmp_path_factory.mktemp("split"), port)
        except published_site.BuildFailed as error:
            pytest.fail(str(error), pytrace=False)
    assert os.environ.get("SEARCH_RECENT_ENTRIES") is None
    with published_site.serving(site, port) as url:
        if url is None:
            pytest.fail("could not serve the site on its port")
        yield site, url


def search(browser, url: str, query: str):
    """A fresh reader's first search from the home page at `url`: (page, the addresses it fetched)."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.goto(url, wait_until="networkidle")
    context.on("request", lambda request: fetched.append(request.url))
    page.keyboard.press("/")
    page.fill(".md-search__input", query)
    listed_results(page)
    page.wait_for_load_state("networkidle")
    return page, fetched


def count(page) -> int:
    return int(page.inner_text(".md-search-result__meta").split()[0])


def test_the_site_has_two_bundles_and_the_oldest_entry_is_in_the_earlier_one(split_site):
    site, _ = split_site
    for folder in (site, site / "es"):
        assert (folder / "pagefind/pagefind-entry.json").is_file()
        assert (folder / "pagefind-earlier/pagefind-entry.json").is_file()
    assert "data-briefing-search-earlier" in (site / "index.html").read_text()


@pytest.mark.parametrize(("language", "query", "says"), [
    ("", "prisoners", "These results are from the most recent entries"),
    ("es/", "presos", "Estos resultados son de las entradas más recientes"),
])
def test_a_common_word_is_searched_in_the_recent_entries_first_and_the_reader_may_ask_for_the_rest(
        browser, split_site, language, query, says):
    _, url = split_site
    page, fetched = search(browser, url + language, query)
    assert [address for address in fetched if "/pagefind/" in address]
    assert not [address for address in fetched if "/pagefind-earlier/" in address]
    note = page.locator(NOTE)
    assert note.is_visible() and says in note.inner_text()
    recent = count(page)
    assert recent >= 10
    note.locator("button").click()
    page.wait_for_load_state("networkidle")
    for _ in range(100):  # the page's policy refuses wait_for_function's eval: polled from here
        if count(page) > recent:
            break
        page.wait_for_timeout(100)
    assert count(page) > recent
    assert [address for address in fetched if "/pagefind-earlier/" in address]
    assert not note.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.context.close()


def test_a_word_the_recent_entries_hardly_hold_is_searched_in_all_of_them_at_once(browser, split_site):
    """Fewer than ten recent pages hold "Penitentiary" (the ministry's own entry is the oldest):
    the first search reads both bundles, and finds that entry."""
    _, url = split_site
    page, fetched = search(browser, url, "Penitentiary")
    assert [address for address in fetched if "/pagefind-earlier/" in address]
    links = page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    assert url + OLDEST in links
    assert not page.locator(NOTE).is_visible()
    page.context.close()
