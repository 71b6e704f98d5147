"""Read a built site's Pagefind index back as data, so tests can see what search holds.

Each page Pagefind indexed is a "fragment": gzip of b"pagefind_dcd" followed by JSON
with the page's url, text content and meta (title).
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

_SIGNATURE = b"pagefind_dcd"


def search_records(site: Path, bundle: str = "pagefind") -> dict[str, dict]:
    """url -> {"url", "content", "meta", ...} for every page in one of the search index's bundles
    (pagefind/, or pagefind-earlier/: the entries older than the recent ones)."""
    records = {}
    for fragment in sorted((site / bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(_SIGNATURE), fragment
        record = json.loads(data[len(_SIGNATURE):])
        records[record["url"]] = record
    return records


def searchable_text(site: Path, url_prefix: str = "/") -> str:
    """The title and text of every indexed page whose url starts with `url_prefix`."""
    return " ".join(record["meta"].get("title", "") + " " + record["content"]
                    for url, record in search_records(site).items() if url.startswith(url_prefix))
