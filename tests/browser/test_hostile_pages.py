"""Hostile but valid contributions, read in a real browser: no payload ever runs.

The hostile fixture (tests/fixtures/hostile) puts scripts, handlers and dangerous links in
every field. Each payload calls alert(); a dialog handler records any that fires, while
the reader opens every page and searches for the payloads' words.
"""
from __future__ import annotations

import pytest

from .conftest import serving
from hostile_checks import build_hostile_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    # At the path its site_url names (tests/conftest.py: https://example.org/toy/), as Pages serves it.
    with serving(build_hostile_site(tmp_path_factory.mktemp("hostile-browser")), prefix="/toy/") as url:
        yield url


def test_no_payload_runs_on_any_page_or_through_search(browser, hostile_url):
    context = browser.new_context()
    dialogs: list[str] = []
    context.on("page", lambda page: page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss())))
    page = context.new_page()
    paths = ["", "entries/hostile-entry/", "topics/detentions/", "topics/oil-control/", "figures/prisoners-released/",
             "actors/evil-actor/", "actors/human-rights-groups/", "timeline/", "figures/", "actors/",
             "no/such/page/"]  # the site's 404 page, as a reader meets it
    page.goto(hostile_url, wait_until="networkidle")
    page.evaluate("alert('control')")  # the handler must see a dialog when one opens
    assert dialogs == ["control"]
    dialogs.clear()
    for path in paths:
        page.goto(hostile_url + path, wait_until="networkidle")
    page.goto(hostile_url, wait_until="networkidle")
    for words in ("alert", "script", "Evil", "onerror", "Prisoners", "Detentions"):
        box = page.locator("input.md-search__input")
        box.fill("")
        box.press_sequentially(words, delay=10)
        page.wait_for_timeout(600)
        for item in page.locator(".md-search-result__item").all()[:5]:
            item.hover()
    page.wait_for_timeout(300)
    context.close()
    assert dialogs == []


def test_the_payloads_are_on_the_pages_as_text(browser, hostile_url):
    """The test above could pass on empty pages; the payloads must be there, shown as text."""
    page = browser.new_page()
    page.goto(hostile_url + "entries/hostile-entry/", wait_until="networkidle")
    text = page.locator("article.briefing-entry").inner_text()
    assert "alert('entry-title')" in text and "alert('quote')" in text
    page.close()
