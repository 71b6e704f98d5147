"""The first search on a slow link, measured in Chromium on a built site, per language.

    .venv/bin/python tools/slow_search.py SITE_DIR [--query LANG:WORD ...] [--runs 3]

For tools/benchmark.py, beside tools/reader_side.py's sizes (whose server, browser and
recorder it uses). Chromium's own network emulation (CDP Network.emulateNetworkConditions)
stands for a reader on a slow mobile link, DevTools' "Slow 3G" as it throttles: 400 ms round
trip, 400 kbit/s down and 400 kbit/s up (a query sends almost nothing up, so the up rate
barely counts). The page loads on that link too; once it has finished fetching, the reader
presses "/" and types the query at once. The time to results runs from the key press to the
first result on screen (the box shows a result only with its title and excerpt, so the
fragments of the first page are in it); the requests and bytes are everything the search
fetched until the network is quiet again, as tools/reader_side.py counts them (gzipped text,
Pagefind's files as stored). Each run is a fresh browser context (an empty cache); the median
of the runs is reported: the machine is shared, and a slow spell moves one run, not three.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from playwright.sync_api import Browser

from reader_side import (
    PATIENCE_SECONDS,
    chromium,
    in_own_thread,
    language_home,
    languages,
    parse_queries,
    recorded_page,
    served,
    summary,
)

ROUND_TRIP_MS = 400
DOWN_KBIT_S = 400
UP_KBIT_S = 400
SLOW_LINK = {"offline": False, "latency": ROUND_TRIP_MS,
             "downloadThroughput": DOWN_KBIT_S * 1000 / 8, "uploadThroughput": UP_KBIT_S * 1000 / 8}
LINK_NAME = f"{ROUND_TRIP_MS} ms round trip, {DOWN_KBIT_S} kbit/s down, {UP_KBIT_S} kbit/s up"


def slow_search_once(browser: Browser, home: str, query: str) -> dict:
    """One first search from the home page on the slow link, in a fresh context: seconds from
    the "/" to the first result shown, and what the search fetched."""
    with recorded_page(browser) as (page, recorder):
        link = page.context.new_cdp_session(page)
        link.send("Network.enable")
        link.send("Network.emulateNetworkConditions", SLOW_LINK)
        page.goto(home, wait_until="load", timeout=PATIENCE_SECONDS * 4000)
        recorder.settle(page)
        recorder.responses.clear()  # what the page fetched to show itself is not the search's
        started = time.monotonic()
        page.keyboard.press("/")
        page.fill(".md-search__input", query)
        page.wait_for_selector(".md-search-result__item", timeout=PATIENCE_SECONDS * 2000)
        seconds = time.monotonic() - started
        recorder.settle(page)
        return summary(recorder.fetched(), query=query, seconds=seconds)


def median_run(runs: list[dict]) -> dict:
    """The run of median time, with every run's seconds beside it."""
    ordered = sorted(runs, key=lambda run: run["seconds"])
    return {**ordered[len(ordered) // 2], "runs_s": [run["seconds"] for run in runs]}


def slow_first_search(site: Path, queries: dict[str, list[str]], runs: int = 3) -> dict:
    """Per language in `queries`: the first query's first search on the slow link, the median
    of `runs` runs, {"query", "seconds", "runs_s", "requests", "kib", "files"}."""
    return in_own_thread(lambda: slow_searches(site, queries, runs))


def slow_searches(site: Path, queries: dict[str, list[str]], runs: int) -> dict:
    folders = languages(site)
    with served(site) as base, chromium() as browser:
        return {language: median_run([slow_search_once(browser, language_home(base, site, folders[language]), words[0])
                                      for _ in range(runs)])
                for language, words in queries.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", action="append", metavar="LANG:WORD", help="a query for one language")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"first search on a slow link ({LINK_NAME}), median of {args.runs} runs")
    for language, search in slow_first_search(args.site, parse_queries(args.query), args.runs).items():
        runs = ", ".join(f"{seconds:.2f}" for seconds in search["runs_s"])
        print(f"  {language} {search['query']!r}: {search['seconds']:.2f} s to results (runs: {runs}); "
              f"{search['requests']} requests, {search['kib']:.1f} KiB")
        for path, size in search["files"]:
            print(f"    {size / 1024:6.1f} KiB  {path}")


if __name__ == "__main__":
    main()
