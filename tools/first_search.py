"""What a reader downloads for a first search, measured in Chromium on a built site.

    .venv/bin/python tools/first_search.py SITE_DIR QUERY [QUERY ...] [--language es]

Serves SITE_DIR on 127.0.0.1 (at the path prefix it was built for), opens the home page of one
language (default: the site's root) in a fresh browser context per query, types the query into
the search box, waits for results, and sums what the search fetched: Pagefind's own files as
stored (they are compressed already) and its scripts and JSON gzipped, as a static host sends
them. The measuring is tools/reader_side.py's (`first_search_kib`, for every language);
tools/benchmark.py estimates the same figure without a browser.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from reader_side import chromium, language_home, languages, search_once, served


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("queries", nargs="+", metavar="QUERY")
    parser.add_argument("--language", help="the language whose home page searches (default: the site's root)")
    args = parser.parse_args()
    folders = languages(args.site)
    folder = folders[args.language] if args.language else args.site
    with served(args.site) as base, chromium() as browser:
        home = language_home(base, args.site, folder)
        for query in args.queries:
            search = search_once(browser, home, query)
            print(f"{query!r}: {search['found']}; {search['requests']} requests, {search['kib']:.0f} KiB")


if __name__ == "__main__":
    main()
