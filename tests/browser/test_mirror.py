"""A copy of the site, as CI builds it, served at another port and path (a mirror) works there and
keeps its reader there: every internal link of every kind of page in both languages, feed links
and feeds' autodiscovery included, the search and the language switcher.

The build names its own address (http://127.0.0.1:PORT/briefing/) in a few places on purpose;
these, and only these, may point at the original from a page (ALLOWED_ON_THE_ORIGINAL). A
reader never follows them, and a crawler needs them absolute. The not-found page is not among
the pages checked: a host shows it at any address, so its links cannot be relative (MkDocs
writes them from the site's path); on a mirror at another path it leads to the original's
paths. Everything else a page links or loads is relative.
"""
from __future__ import annotations

import fnmatch
import re
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urlsplit

import pytest

from .conftest import serving
from .test_reader import search

pytestmark = pytest.mark.browser

MIRROR_PREFIX = "/mirror/copy/"
# Which attribute may name the original, and why it must: both are read away from the page.
ALLOWED_ON_THE_ORIGINAL = {
    "link[rel=canonical]": "the page's one address for search engines (MkDocs' canonical link)",
    "link[rel=alternate][hreflang]": "the page in each language, for search engines: absolute by their rules",
}
# Not collected as links at all, and naming the original for the same reason: <meta property=og:url>,
# og:image and twitter:image (link previews fetch them away from the page), and JSON-LD's url and
# mainEntityOfPage (read by search engines).
KINDS = ("index.html", "entries/*/index.html", "topics/*/index.html", "topics/*/page/*/index.html",
         "actors/index.html", "actors/*/index.html", "figures/index.html", "figures/*/index.html",
         "timeline/index.html", "timeline/*/index.html", "about/index.html", "contribute/index.html",
         "format/index.html", "data/index.html")
LINKS = """() => [...document.querySelectorAll('[href], [src]')].map(el => ({
  tag: el.tagName.toLowerCase(), rel: (el.getAttribute('rel') || '').trim(), hreflang: el.getAttribute('hreflang'),
  url: new URL(el.getAttribute('href') || el.getAttribute('src'), document.baseURI).href}))"""


def sample_pages(site) -> list[str]:
    """Two pages of each kind (where there are two; a topic's later pages where it has them), in
    each language: paths from the site root."""
    files = sorted(path.relative_to(site).as_posix() for path in site.rglob("index.html"))
    chosen = []
    for language in ("", "es/"):
        for kind in KINDS:
            found = [name for name in fnmatch.filter(files, language + kind) if language or not name.startswith("es/")]
            chosen += [name[: -len("index.html")] for name in found[:2]]
    return chosen


def allowed_on_the_original(link: dict) -> bool:
    """The page's permanent address may name the original: its canonical link, its languages'
    alternates, and the address a citation cites (rel="bookmark", the page's permalink)."""
    if link["tag"] == "a":
        return link["rel"] == "bookmark"
    return link["tag"] == "link" and (link["rel"] == "canonical" or (link["rel"] == "alternate" and link["hreflang"]))


@pytest.fixture(scope="module")
def mirror(built_site, site_url):
    """The same folder at another port and path; the original keeps serving at site_url."""
    with serving(built_site, MIRROR_PREFIX) as url:
        assert not url.startswith(site_url) and MIRROR_PREFIX in url
        yield url


@pytest.fixture
def mirror_reader(open_reader, mirror):
    reader = open_reader()
    reader.base = mirror
    return reader


def requests_off_the_mirror(reader) -> list[str]:
    return [url for url in reader.requests if not url.startswith((reader.base, "data:", "blob:"))]


def answers(url: str) -> int:
    """The status the mirror answers with (after a redirect: a folder without its slash)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_every_internal_link_of_every_kind_of_page_stays_on_the_mirror(mirror_reader, built_site, site_url):
    reader, original, internal, wrong = mirror_reader, site_url, set(), []
    pages = sample_pages(built_site)
    assert len(pages) >= 30 and any(page.startswith("es/topics/") for page in pages), pages
    for path in pages:
        reader.goto(path)
        for link in reader.page.evaluate(LINKS):
            url = urldefrag(link["url"]).url
            if url.startswith(reader.base):
                internal.add(url)
            elif urlsplit(url).hostname == "127.0.0.1" and not (
                    url.startswith(original) and allowed_on_the_original(link)):
                wrong.append(f"{path}: <{link['tag']} rel={link['rel']!r}> {link['url']}")
    assert wrong == [], "links that leave the mirror:\n" + "\n".join(wrong)
    assert any(re.search(r"/feeds/topic-[a-z-]+\.atom\.xml$", url) for url in internal), "no topic feed link seen"
    failing = [(url, status) for url in sorted(internal) if (status := answers(url)) != 200]
    assert failing == [], "internal links the mirror does not answer:\n" + "\n".join(map(str, failing))
    assert requests_off_the_mirror(reader) == [], "requests left the mirror"


def test_feed_autodiscovery_links_resolve_on_the_mirror(mirror_reader):
    reader = mirror_reader
    for path in ("", "topics/oil-control/", "es/topics/detentions/"):
        reader.goto(path)
        feeds = reader.page.locator("link[rel~=feed]").evaluate_all("links => links.map(l => l.href)")
        assert len(feeds) >= 2 and all(url.startswith(reader.base) and answers(url) == 200 for url in feeds), feeds
        assert path == "" or any("/feeds/topic-" in url for url in feeds), feeds


@pytest.mark.parametrize("start, words, wanted", [
    ("", "released", "entries/bloomberg-reports-us-citizen-released/"),
    ("es/", "liberados", "es/entries/assembly-president-says-more-than-400-freed/"),
])
def test_the_search_finds_entries_and_its_results_stay_on_the_mirror(mirror_reader, start, words, wanted):
    reader = mirror_reader
    reader.goto(start)
    items = search(reader, words)
    links = items.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert reader.base + wanted in links and all(link.startswith(reader.base) for link in links), links
    items.locator(f"a.md-search-result__link[href*='{wanted.rstrip('/').rsplit('/', 1)[1]}']").first.click()
    reader.page.wait_for_url(re.compile(re.escape(reader.base + wanted) + "(#.*)?$"))
    assert requests_off_the_mirror(reader) == []


@pytest.mark.parametrize("path", ["", "entries/assembly-president-says-more-than-400-freed/",
                                  "topics/oil-control/", "figures/prisoners-released/", "about/"])
def test_the_switcher_goes_to_the_same_page_in_the_other_language_on_the_mirror_and_back(mirror_reader, path):
    reader, page = mirror_reader, mirror_reader.page
    reader.goto(path)
    page.locator("header a[hreflang=es]").click()
    page.wait_for_url(re.compile(re.escape(reader.base + "es/" + path) + "$"))
    assert page.locator("html").get_attribute("lang") == "es"
    page.locator("header a[hreflang=en]").click()
    page.wait_for_url(re.compile(re.escape(reader.base + path) + "$"))
    assert requests_off_the_mirror(reader) == []

