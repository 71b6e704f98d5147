"""What a reader downloads for a first search, measured in Chromium on a built site.

    .venv/bin/python tools/first_search.py SITE_DIR QUERY [QUERY ...]

Serves SITE_DIR on 127.0.0.1, opens the home page in a fresh browser page per query, types
the query into the search box, waits for results, and sums what the search fetched:
Pagefind's own files as stored (they are compressed already) and its scripts and JSON
gzipped, as a static host sends them. tools/benchmark.py estimates the same figure
without a browser.
"""
from __future__ import annotations

import gzip
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

PORT = 8766
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def transferred(url: str, body: bytes) -> int:
    compressible = urllib.parse.urlparse(url).path.endswith((".js", ".json"))
    return len(gzip.compress(body, 6)) if compressible else len(body)


def wait_until_serving(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the site did not come up at {url}")


def measure(browser, base: str, query: str) -> str:
    page = browser.new_page()
    page.goto(base)
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.keyboard.press("/")
    page.fill(".md-search__input", query)
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    page.wait_for_timeout(1500)  # let the first page of results finish loading
    fetched = [r for r in responses if "/pagefind/" in r.url]
    total = sum(transferred(r.url, r.body()) for r in fetched)
    found = page.inner_text(".md-search-result__meta")
    page.close()
    return f"{query!r}: {found}; {len(fetched)} requests, {total / 1024:.0f} KiB"


def main() -> None:
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    site, queries = Path(sys.argv[1]), sys.argv[2:]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(PORT), "--bind", "127.0.0.1"],
                              cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{PORT}/"
        wait_until_serving(base)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for query in queries:
                print(measure(browser, base, query))
            browser.close()
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
