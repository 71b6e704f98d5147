"""The offline edition as a reader keeps it: each language's file, from the site as CI publishes
it, copied ALONE into an empty folder and opened from there by file:// in Chromium with the
network off (context.set_offline) and a route that records and aborts every request but the
file's own. Nothing else may be asked for, and everything a reader needs is on the page: the "as
of" line, each topic's bottom line and the key figures' spread exactly as the site's home page
gives them, the entries (newest first) with claims, sources and updates, each linking back to its
page on the site by its absolute address, and the edition's own date and the site's address.

The file is opened twice: once with its Content-Security-Policy bypassed, so that anything it
refers to is attempted and seen as a request (with the policy in force Chromium refuses such a
fetch before it is a request), and once as a reader opens it, where nothing may be refused (no
console error: a style whose hash no longer matches would be one)."""
from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field

import pytest

from briefing.render.edition import edition_address

from .conftest import published_site

pytestmark = pytest.mark.browser

LANGUAGES = {"en": "", "es": "es/"}  # language: its site's folder
# The edition's own words (the catalog's), a date in each language's style, a qualifier kept.
WORDS = {
    "en": {"mark": "Offline edition", "made": "Made on {date} from the briefing at {address}, where the latest "
           "version is.", "as_of": "As of {date}", "stand": "Where things stand", "figures": "Key figures",
           "entries": "Entries of the last 30 days, newest first", "claims": "Claims", "sources": "Sources",
           "updates": "Updates", "no_link": "No link is known for this source.", "qualified": "more than 400 people",
           "date": "{day} January 2026"},
    "es": {"mark": "Edición sin conexión", "made": "Edición hecha el {date} a partir del sitio {address}, donde está "
           "la versión más reciente.", "as_of": "Al {date}", "stand": "La situación actual", "figures": "Cifras clave",
           "entries": "Entradas de los últimos 30 días, de la más reciente a la más antigua",
           "claims": "Afirmaciones", "sources": "Fuentes", "updates": "Actualizaciones",
           "no_link": "No se conoce ningún enlace a esta fuente.", "qualified": "más de 400 personas",
           "date": "{day} de enero de 2026"},
}
TEXTS = "selector => [...document.querySelectorAll(selector)].map(el => el.innerText.trim())"
# Each entry as the edition gives it: its link and date, and the items under each of its headings
# (named in the edition's language: `words`).
ENTRIES = """words => [...document.querySelectorAll('main article')].map(article => {
  const part = name => {
    const heading = [...article.querySelectorAll('h4')].find(h => h.innerText.trim() === name);
    return heading ? [...heading.nextElementSibling.children] : [];
  };
  return {
    id: article.id, href: article.querySelector('h3 a').href, date: article.querySelector('time').dateTime,
    headings: [...article.querySelectorAll('h4')].map(h => h.innerText.trim()),
    claims: part(words.claims).map(li => ({
      text: li.innerText, source: li.querySelector('a[href^="#"]')?.getAttribute('href')})),
    sources: part(words.sources).map(li => ({
      id: li.id, text: li.innerText, address: li.querySelector('a.edition-address')?.getAttribute('href'),
      shown: li.querySelector('a.edition-address')?.innerText})),
    updates: part(words.updates).filter(li => li.querySelector('time')).length,
  };
})"""


@dataclass
class Opened:
    """The edition opened from its folder: the page, and what it asked for or complained of."""
    page: object
    file_url: str
    requests: list[str] = field(default_factory=list)  # every request event, the file's own included
    routed: list[str] = field(default_factory=list)  # requests the route aborted
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions


@pytest.fixture(scope="module")
def build_date() -> dt.date:
    """The build's date: CI's fixed SOURCE_DATE_EPOCH, as a UTC day."""
    epoch = int(published_site.PUBLISHED_ENV["SOURCE_DATE_EPOCH"])
    return dt.datetime.fromtimestamp(epoch, dt.UTC).date()


@pytest.fixture
def open_edition(browser, built_site, tmp_path):
    """open_edition(language, bypass_csp) -> Opened: the language's edition copied alone into an
    empty folder and opened from there, offline, every other request recorded and aborted."""
    contexts = []

    def open_(language: str, bypass_csp: bool) -> Opened:
        folder = tmp_path / f"{language}-{bypass_csp}"
        folder.mkdir()
        name = edition_address(language).rsplit("/", 1)[1]
        shutil.copyfile(built_site / LANGUAGES[language] / edition_address(language), folder / name)
        assert [path.name for path in folder.iterdir()] == [name]
        context = browser.new_context(bypass_csp=bypass_csp)
        contexts.append(context)
        context.set_offline(True)
        opened = Opened(page=context.new_page(), file_url=(folder / name).as_uri())

        def only_the_file(route) -> None:
            if route.request.url == opened.file_url:
                route.continue_()
            else:
                opened.routed.append(route.request.url)
                route.abort()
        context.route("**/*", only_the_file)
        opened.page.on("request", lambda request: opened.requests.append(request.url))
        opened.page.on("console", lambda message: message.type == "error" and opened.errors.append(message.text))
        opened.page.on("pageerror", lambda error: opened.errors.append(str(error)))
        opened.page.set_default_timeout(15_000)
        response = opened.page.goto(opened.file_url, wait_until="load")
        assert response is None or response.ok, response and response.status
        opened.page.wait_for_load_state("networkidle")
        return opened

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_edition_opened_from_a_folder_asks_for_nothing(open_edition, language):
    for bypass_csp in (True, False):
        opened = open_edition(language, bypass_csp)
        assert opened.page.locator("html").get_attribute("lang") == language
        assert opened.routed == [], f"the edition asked for {opened.routed}"
        assert opened.requests[:1] == [opened.file_url], "the listener did not see the file itself"
        assert [url for url in opened.requests if url != opened.file_url] == [], opened.requests
        assert opened.errors == [], opened.errors
        # Its own style applied (allowed by its hash): the heading's rule is black on paper and screen.
        assert opened.page.evaluate("getComputedStyle(document.querySelector('h2')).borderBottomStyle") == "solid"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_edition_holds_what_the_site_says(open_edition, open_reader, site_url, built_site, build_date,
                                               language):
    """Read against the site's own home page: the same "as of" line, bottom lines and spreads."""
    words, prefix = WORDS[language], LANGUAGES[language]
    home = open_reader()
    home.goto(prefix)
    site_as_of = home.page.locator(".briefing-asof time").first.inner_text()
    site_lines = [home.page.locator(".briefing-bottom-line").nth(i).evaluate(
        "p => p.firstChild.textContent.trim()") for i in range(home.page.locator(".briefing-bottom-line").count())]
    site_spreads = home.page.evaluate(TEXTS, ".briefing-figures__spread")
    site_figures = home.page.evaluate(TEXTS, ".briefing-figures__title")

    page = open_edition(language, False).page
    text = page.locator("body").inner_text()
    address = site_url + prefix
    made = words["made"].format(date=words["date"].format(day=build_date.day), address=address)
    assert page.locator(".edition-mark").text_content() == words["mark"]  # shown in capitals
    assert made in text, text[:600]
    assert page.locator(".edition-made a").get_attribute("href") == address
    assert page.locator("footer a").get_attribute("href") == address
    assert words["as_of"].format(date=site_as_of) in page.locator(".edition-asof").inner_text()
    assert site_lines and all(line in text for line in site_lines), site_lines
    assert page.evaluate(TEXTS, ".briefing-figures__spread") == site_spreads
    assert page.evaluate(TEXTS, ".briefing-figures__title") == site_figures
    assert any(words["qualified"] in spread for spread in site_spreads), site_spreads
    for heading in (words["stand"], words["figures"], words["entries"]):
        assert heading in page.evaluate(TEXTS, "main h2"), heading
    check_entries(page, words, address, built_site / prefix)


def check_entries(page, words: dict, address: str, site_folder) -> None:
    """Every entry links to its page on the site (absolute, and the page exists), newest first;
    its claims name a source of the entry; its sources give their addresses in full, or say none
    is known; and claims and updates are there to be checked at all."""
    entries = page.evaluate(ENTRIES, words)
    assert entries, "no entry in the edition"
    dates = [entry["date"] for entry in entries]
    assert dates == sorted(dates, reverse=True), dates
    for entry in entries:
        assert entry["href"] == f"{address}entries/{entry['id']}/", entry["href"]
        assert (site_folder / "entries" / entry["id"] / "index.html").is_file(), entry["id"]
        assert words["sources"] in entry["headings"] and entry["sources"], entry["id"]
        for source in entry["sources"]:
            assert ((source["address"] or "").startswith("http") and source["shown"] == source["address"]) \
                or words["no_link"] in source["text"], source
        anchors = {f"#{source['id']}" for source in entry["sources"]}
        assert all(claim["source"] in anchors for claim in entry["claims"]), entry["claims"]
        assert bool(entry["claims"]) == (words["claims"] in entry["headings"]), entry["id"]
        assert bool(entry["updates"]) == (words["updates"] in entry["headings"]), entry["id"]
    claims = [claim["text"] for entry in entries for claim in entry["claims"]]
    assert any(words["qualified"] in claim for claim in claims), claims
    assert sum(entry["updates"] for entry in entries) > 0, "no update in the edition"
