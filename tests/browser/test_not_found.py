"""The 404 page, as a reader meets it: the site published one folder below the host's root (as a
GitHub Pages project site is), an address several folders deep that is not a page, and the host
answering with 404.html. Its styles and scripts load, its links open the pages they name, its
search finds entries and opens them, and axe-core finds nothing."""
from __future__ import annotations

import re

import pytest

import published_site

pytestmark = pytest.mark.browser

PREFIX = "/briefing/"
DEEP = "no/such/page/"
MAIN_LINKS = ("Home", "Detentions", "Oil control", "Diplomacy", "Timeline", "About and method")
BLOOMBERG = "Bloomberg News reports at least one US citizen released from a Venezuelan prison"


@pytest.fixture(scope="module")
def project_site(site_url):
    """The real site as CI publishes it, one folder below the host's root (its links start with
    /briefing/), served by a server that answers unknown addresses with 404.html (conftest.py)."""
    assert site_url.endswith(PREFIX)
    return site_url


def open_not_found(open_reader, project_site, **options):
    reader = open_reader(**options)
    response = reader.page.goto(project_site + DEEP, wait_until="networkidle")
    assert response is not None and response.status == 404
    assert reader.page.locator("article h1").inner_text().strip() == "Page not found"
    return reader


def test_the_404_page_loads_everything_and_opens_each_page_it_links(open_reader, project_site):
    reader = open_not_found(open_reader, project_site)
    page = reader.page
    assert page.title() == "Page not found - Venezuela crisis briefing"
    assert page.locator("link[rel=stylesheet]").count() >= 3
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    # Only the page itself may fail: its answer is the 404 (and Chromium says so in the console).
    failed = [line for line in [*reader.failures, *reader.errors] if not line.endswith((DEEP, f"{DEEP})"))]
    assert not failed, failed
    hrefs = {name: page.locator("article").get_by_role("link", name=name, exact=True).evaluate("a => a.href")
             for name in MAIN_LINKS}
    suggest = page.locator("footer").get_by_role("link", name="Suggest a briefing").evaluate("a => a.href")
    assert suggest == f"{published_site.PUBLISHED_ENV['REPO_URL']}/issues/new?template=suggest-a-briefing.yml"
    for name, href in hrefs.items():
        assert href.startswith(project_site), (name, href)
        assert page.request.get(href).status == 200, (name, href)
    page.locator("article").get_by_role("link", name="Detentions", exact=True).click()
    page.wait_for_url(re.compile(r"/briefing/topics/detentions/$"))
    assert page.locator("article h1").first.inner_text().strip() == "Detentions"
    assert not reader.foreign_requests(), reader.foreign_requests()


def test_search_on_the_404_page_finds_and_opens_entries(open_reader, project_site):
    reader = open_not_found(open_reader, project_site)
    page = reader.page
    page.get_by_role("button", name="Search the site").click()
    assert page.locator("#__search").is_checked(), "the button did not open the search dialog"
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    box.press_sequentially("Bloomberg citizen", delay=20)
    result = page.locator(f".md-search-result__item a[href*='{PREFIX}entries/']", has_text=BLOOMBERG).first
    result.wait_for(state="visible")
    result.click()
    page.wait_for_url(re.compile(r"/briefing/entries/bloomberg-reports-us-citizen-released/$"))
    assert page.locator("article h1").first.inner_text().strip() == BLOOMBERG
    assert not reader.foreign_requests(), reader.foreign_requests()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_404_page_passes_axe(open_reader, assert_axe_clean, project_site, scheme):
    reader = open_not_found(open_reader, project_site, color_scheme=scheme)
    assert_axe_clean(reader.page, f"the 404 page at {DEEP}, {scheme}")
