"""Pages a reader opened stay readable offline (render/offline.py, the service worker), on a copy of
the site as CI publishes it, served at its /briefing/ prefix by a server of the test's own: the
reader opens the home page and an entry; the server is stopped (and the browser set offline);
both reload, with the day they were saved; a page never opened shows the offline page. Online,
a page edited on the server is what a reload shows, never the kept copy. Both languages."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from contextlib import ExitStack
from pathlib import Path

import pytest

from briefing.render.edition import edition_address
from briefing.render.i18n import Language

from .conftest import serving

WAIT_MS = 20_000
SAVED = {"en": "Saved on", "es": "Guardada el"}
OFFLINE = {"en": "You are offline", "es": "Está sin conexión"}


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the published build that a test may edit and stop serving."""
    copy = tmp_path / "briefing"
    shutil.copytree(built_site, copy)
    return copy


def entries_of(site: Path, folder: str) -> list[str]:
    return sorted(path.parent.name for path in (site / folder / "entries").glob("*/index.html"))[:2]


# Waits poll inside the page with evaluate(): wait_for_function would eval(), which the site's CSP refuses.
CONTROLLED = """async (ms) => { const end = Date.now() + ms;
    while (Date.now() < end) { if (navigator.serviceWorker && navigator.serviceWorker.controller) return true;
      await new Promise((done) => setTimeout(done, 100)); } return false; }"""
KEPT = """async ([url, ms]) => { const end = Date.now() + ms;
    while (Date.now() < end) { for (const name of await caches.keys()) {
        if (await (await caches.open(name)).match(url)) return true; }
      await new Promise((done) => setTimeout(done, 100)); } return false; }"""


def wait_until_controlled(page) -> None:
    """The worker controls the page (it claims the pages open when it starts); fails loudly if not."""
    if not page.evaluate(CONTROLLED, WAIT_MS):
        pytest.fail(f"the service worker did not control {page.url} within {WAIT_MS} ms", pytrace=False)


def wait_until_kept(page, url: str | None = None) -> None:
    """The page (or `url`) is in the worker's cache; fails loudly if not within the time allowed."""
    url = url or page.url
    if not page.evaluate(KEPT, [url, WAIT_MS]):
        pytest.fail(f"{url} was not kept within {WAIT_MS} ms", pytrace=False)


def open_and_keep(page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, url
    wait_until_controlled(page)
    wait_until_kept(page)


ACTIVATED = """async (ms) => { const end = Date.now() + ms;
    while (Date.now() < end) { const worker = navigator.serviceWorker.controller;
      if (worker && worker.state === "activated") return true;
      await new Promise((done) => setTimeout(done, 100)); } return false; }"""
IN_CACHE = """async (url) => { for (const name of await caches.keys()) {
    if (await (await caches.open(name)).match(url)) return true; } return false; }"""


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_first_visit_keeps_the_page_alone_and_not_the_edition(browser, site_copy: Path, language: str):
    """A reader on a metered link who opens one page pays for that page: the worker, starting on
    it, keeps it, and has finished starting (its activation waits for what it keeps) without
    having fetched the edition, which comes with the next page opened."""
    folder = "" if language == "en" else "es/"
    context = browser.new_context()
    try:
        with serving(site_copy, "/briefing/") as base:
            page = context.new_page()
            open_and_keep(page, base + folder)
            if not page.evaluate(ACTIVATED, WAIT_MS):
                pytest.fail(f"the service worker was not activated within {WAIT_MS} ms", pytrace=False)
            assert not page.evaluate(IN_CACHE, f"{base}{folder}{edition_address(language)}")
    finally:
        context.close()


def days_around_now(language: str) -> tuple[str, ...]:
    today = dt.date.today()
    return tuple(Language(language).date(day) for day in (today - dt.timedelta(days=1), today))


@pytest.mark.parametrize("language", ["en", "es"])
def test_pages_opened_reload_offline_with_their_saved_date_and_others_show_the_offline_page(
        browser, site_copy: Path, language: str):
    folder = "" if language == "en" else "es/"
    entry, never_opened = entries_of(site_copy, folder)
    context = browser.new_context()
    try:
        with ExitStack() as server:
            base = server.enter_context(serving(site_copy, "/briefing/"))
            page = context.new_page()
            home, entry_url = base + folder, f"{base}{folder}entries/{entry}/"
            open_and_keep(page, home)
            open_and_keep(page, entry_url)
            entry_title = page.title()
            edition = f"{base}{folder}{edition_address(language)}"
            wait_until_kept(page, edition)  # the edition of the language read in is kept too
        # the server is stopped, by its pid; the browser is offline too
        context.set_offline(True)
        for url in (home, entry_url):
            page.goto(url, wait_until="load")
            text = page.get_by_role("status").first.inner_text()
            assert text.startswith(SAVED[language]) and any(day in text for day in days_around_now(language)), text
            assert page.locator("article.md-content__inner h1").count() == 1  # the kept page itself, under its notice
        page.goto(f"{base}{folder}entries/{never_opened}/", wait_until="load")
        assert page.get_by_role("heading", level=1).inner_text() == OFFLINE[language]
        assert page.locator("html").get_attribute("lang") == language
        page.locator(f'a[href$="{edition_address(language)}"]').click()
        page.wait_for_url(edition)
        assert page.locator("html").get_attribute("lang") == language
        # the edition itself: its links to the site are absolute
        assert page.locator('a[href^="http://127.0.0.1:"][href*="/briefing/"]').count() > 0
        page.go_back(wait_until="load")
        kept = page.locator("#kept a")
        assert entry_title in kept.all_inner_texts()
        kept.filter(has_text=entry_title).first.click()
        page.wait_for_url(entry_url)
        assert page.get_by_role("status").first.inner_text().startswith(SAVED[language])
    finally:
        context.close()


def written_later(path: Path, text: str) -> None:
    """Write `text`, dated a few seconds after the file's last date: the test's server gives dates to
    the second (Last-Modified), and an edit within the same second would be answered 304."""
    before = path.stat().st_mtime
    path.write_text(text, encoding="utf-8")
    os.utime(path, (before + 5, before + 5))


@pytest.mark.parametrize("language", ["en", "es"])
def test_online_an_edited_page_is_served_fresh_never_from_the_cache(browser, site_copy: Path, language: str):
    folder = "" if language == "en" else "es/"
    entry = entries_of(site_copy, folder)[0]
    page_file = site_copy / folder / "entries" / entry / "index.html"
    with serving(site_copy, "/briefing/") as base:
        context = browser.new_context()
        try:
            page = context.new_page()
            url = f"{base}{folder}entries/{entry}/"
            open_and_keep(page, url)
            page.goto(base + folder, wait_until="load")
            html = page_file.read_text(encoding="utf-8")
            edited = re.sub(r"(<article[^>]*md-content__inner[^>]*>)", r"\1<p id='edited'>Edited</p>", html, count=1)
            assert edited != html
            written_later(page_file, edited)
            page.goto(url, wait_until="load")  # a link followed: the browser's cache may not answer alone
            assert page.locator("#edited").count() == 1
            written_later(page_file, html)
            page.reload(wait_until="load")
            assert page.locator("#edited").count() == 0
            assert page.get_by_role("status").count() == 0  # online: no "saved on" notice
        finally:
            context.close()
