"""What a reader downloads, measured in Chromium on a built site, per language.

    .venv/bin/python tools/reader_side.py SITE_DIR [--query LANG:WORD ...]

For tools/benchmark.py and tools/first_search.py, on a folder that `mkdocs build` wrote:

- `first_search_kib`: what a first search fetches (Pagefind's script, worker, WebAssembly,
  metadata, index chunks and the first page of result fragments, from pagefind/ and, if the
  search reads it, pagefind-earlier/), per language, worst query;
- `home_first_load_kib`: everything the browser fetches to show the home page, and what it
  fetches right after the load, per language;
- `largest_html`: the largest page of the whole site (both languages; the offline editions, files
  to download with a bound of their own, left out).

Sizes are what a static host sends: text types gzipped (as GitHub Pages does), the rest
(Pagefind's files, compressed already; images, fonts, WebAssembly) as stored. The site is
served on 127.0.0.1 at the path prefix it was built for (its home page's canonical link),
by tools/published_site.py, and the server is stopped by its pid. Each measure opens a fresh
browser context (an empty cache) and listens on the context, which also sees what the page's
workers fetch.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import gzip
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Response, sync_playwright

import published_site

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from briefing.render.edition import edition_address
from briefing.render.languages import FOLDERS

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
              "application/manifest+json", "application/atom+xml", "application/feed+json")
QUIET_SECONDS = 1.0  # no new response for this long: the page (or the search) has finished fetching
PATIENCE_SECONDS = 30.0
T = TypeVar("T")
DEFAULT_QUERIES = {"en": ["prisoners", "oil"], "es": ["presos", "petróleo"]}


@dataclass(frozen=True)
class Fetched:
    """One response as a static host would send it: its URL and the bytes on the wire."""
    url: str
    size: int


def sent_size(response: Response) -> int:
    """Bytes a static host sends for this response: gzipped if it is text, else as stored."""
    body = response.body()
    kind = response.headers.get("content-type", "")
    return len(gzip.compress(body, 9, mtime=0)) if kind.startswith(TEXT_TYPES) else len(body)


def languages(site: Path) -> dict[str, Path]:
    """Each language's folder: the site's root and every folder below it with its own Pagefind
    index (es/), keyed by the language its home page declares (<html lang="...">)."""
    folders = [site, *sorted(p.parent.parent for p in site.glob("*/pagefind/pagefind-entry.json"))]
    found = {}
    for folder in folders:
        declared = re.search(r'<html[^>]*\blang="([^"]+)"', (folder / "index.html").read_text(encoding="utf-8"))
        found[declared.group(1) if declared else folder.name] = folder
    return found


def path_prefix(site: Path) -> str:
    """The path the site was built for (SITE_URL's path), from its home page's canonical link."""
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    path = urlsplit(canonical.group(1)).path if canonical else "/"
    return path if path.endswith("/") else path + "/"


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """The site served at the prefix it was built for, on a free port of 127.0.0.1: its address."""
    for _attempt in range(3):  # another process may take the free port before the server binds it
        with published_site.serving(site, published_site.free_port(), path_prefix(site)) as url:
            if url is not None:
                yield url
                return
    raise RuntimeError("could not start a server on 127.0.0.1")


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium (never a downloaded one), headless."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


class Recorder:
    """Every response a browser context receives (cleared where a measure starts)."""

    def __init__(self) -> None:
        self.responses: list[Response] = []

    def __call__(self, response: Response) -> None:
        self.responses.append(response)

    def settle(self, page: Any) -> None:
        """Wait until no response has arrived for QUIET_SECONDS (at most PATIENCE_SECONDS)."""
        deadline = time.monotonic() + PATIENCE_SECONDS
        seen, quiet_since = -1, time.monotonic()
        while time.monotonic() < deadline:
            if len(self.responses) != seen:
                seen, quiet_since = len(self.responses), time.monotonic()
            elif time.monotonic() - quiet_since >= QUIET_SECONDS:
                return
            page.wait_for_timeout(100)

    def fetched(self, only: str = "") -> list[Fetched]:
        """What was received (redirects carry no body), keeping URLs that contain `only`."""
        return [Fetched(r.url, sent_size(r)) for r in self.responses
                if only in r.url and not 300 <= r.status < 400]


def summary(fetched: list[Fetched], **extra: Any) -> dict:
    """The total, and every file (its path on the server, its bytes), the largest first."""
    largest = sorted(fetched, key=lambda f: (-f.size, f.url))
    return {"kib": sum(f.size for f in fetched) / 1024, "requests": len(fetched),
            "files": [(urlsplit(f.url).path, f.size) for f in largest], **extra}


def search_once(browser: Browser, home: str, query: str) -> dict:
    """One first search from the home page in a fresh context: what the search fetched, and
    how many results it found (the results' own line, e.g. "120 matching documents")."""
    with recorded_page(browser) as (page, recorder):
        page.goto(home, wait_until="networkidle")
        recorder.responses.clear()  # what the page fetched to show itself is not the search's
        page.keyboard.press("/")
        page.fill(".md-search__input", query)
        page.wait_for_selector(".md-search-result__item", timeout=PATIENCE_SECONDS * 1000)
        recorder.settle(page)  # the first page of results loads its fragments
        found = page.inner_text(".md-search-result__meta")
        return summary(recorder.fetched(only="/pagefind"), query=query, found=found)  # either bundle


@contextlib.contextmanager
def recorded_page(browser: Browser) -> Iterator[tuple[Any, Recorder]]:
    """A page in a fresh context (an empty cache), and a recorder of every response it gets."""
    context = browser.new_context()
    try:
        recorder = Recorder()
        context.on("response", recorder)
        yield context.new_page(), recorder
    finally:
        context.close()


def in_own_thread(measure: Callable[[], T]) -> T:
    """Run a measure on a thread of its own: Playwright's sync API will not start in a thread
    where it already runs (as in a test session with a browser open), and its objects belong
    to the thread that made them."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(measure).result()


def first_search_kib(site: Path, queries: dict[str, list[str]]) -> dict:
    """Per language in `queries` (e.g. {"en": ["oil"], "es": ["petróleo"]}): the worst query's
    first search, {"query", "kib", "requests", "found", "files", "queries": {query: kib}}."""
    return in_own_thread(lambda: first_searches(site, queries))


def first_searches(site: Path, queries: dict[str, list[str]]) -> dict:
    folders = languages(site)
    results: dict[str, dict] = {}
    with served(site) as base, chromium() as browser:
        for language, words in queries.items():
            home = language_home(base, site, folders[language])
            measured = [search_once(browser, home, word) for word in words]
            worst = max(measured, key=lambda m: m["kib"])
            results[language] = {**worst, "queries": {m["query"]: m["kib"] for m in measured}}
    return results


def home_load(browser: Browser, home: str) -> dict:
    """Everything the browser fetches to show the home page (and right after its load event)."""
    with recorded_page(browser) as (page, recorder):
        page.goto(home, wait_until="load")
        recorder.settle(page)
        return summary(recorder.fetched())


def home_first_load_kib(site: Path) -> dict:
    """Per language: {"kib", "requests", "files": [(path, bytes), ...]} of the home page's first load."""
    return in_own_thread(lambda: home_loads(site))


def home_loads(site: Path) -> dict:
    with served(site) as base, chromium() as browser:
        return {language: home_load(browser, language_home(base, site, folder))
                for language, folder in languages(site).items()}


def language_home(base: str, site: Path, folder: Path) -> str:
    """The address of a language's home page: the base address, then the folder below the site."""
    below = folder.relative_to(site).as_posix()
    return base if below == "." else f"{base}{below}/"


def largest_html(site: Path) -> tuple[str, int]:
    """The largest page of the whole site (every language): its path below the site, its bytes.
    The offline editions are not pages a reader is sent to but files to download, with a bound of
    their own (render/edition.py: 100 KiB gzipped, 500 KiB as saved), which the benchmark prints."""
    editions = {site / folder / edition_address(code) for code, folder in FOLDERS.items()}
    biggest = max((path for path in site.rglob("*.html") if path not in editions), key=lambda path: path.stat().st_size)
    return biggest.relative_to(site).as_posix(), biggest.stat().st_size


def parse_queries(pairs: list[str] | None) -> dict[str, list[str]]:
    if not pairs:
        return DEFAULT_QUERIES
    queries: dict[str, list[str]] = {}
    for pair in pairs:
        language, _, word = pair.partition(":")
        queries.setdefault(language, []).append(word)
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", action="append", metavar="LANG:WORD",
                        help=f"a query for one language (default: {DEFAULT_QUERIES})")
    args = parser.parse_args()
    for language, load in home_first_load_kib(args.site).items():
        print(f"home page first load, {language}: {load['kib']:.1f} KiB in {load['requests']} requests; "
              f"largest {load['files'][:5]}")
    for language, search in first_search_kib(args.site, parse_queries(args.query)).items():
        print(f"first search, {language}: worst {search['query']!r} {search['kib']:.1f} KiB in "
              f"{search['requests']} requests ({search['found']}); all {search['queries']}; "
              f"largest {search['files'][:5]}")
    page, size = largest_html(args.site)
    print(f"largest HTML file: {page} ({size / 1024:.1f} KiB)")


if __name__ == "__main__":
    main()
