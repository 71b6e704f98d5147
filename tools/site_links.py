"""The links of a built site that lychee 0.24.2 does not read by itself, found with Python.

What lychee extracts was tried on the built site (tools/check_links.py runs it over the rest):
- An Atom feed (.xml) is read like HTML: only attribute links (`<link href>`; a sitemap's
  `<loc>` text too). The links inside an entry's `<content type="html">` are escaped text to it,
  so they were never checked.
- JSON (JSON Feed, open data, schemas) is not read by default; asked to, lychee reads it as plain
  text and picks out whatever looks like an absolute URL: a `content_html` link keeps its `\\"`
  quote (`…/x/\\"` becomes `…/x//`, and `#id\\"` a fragment that does not exist), `\\/` and
  `\\uXXXX` escapes are missed or mangled, relative links are never seen.
- In a page, `<meta content>` (og:image, og:url, twitter:image) and JSON-LD are skipped.
So these are parsed here. Each link found is absolute or it is a problem: a feed reader, a link
preview or a user of the open data reads it away from the page, against no agreed base.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

LINK_ATTRIBUTES = frozenset({"href", "src"})
NOT_LINKS = frozenset({"id"})  # a JSON Feed item's id is a name (it may carry #update-N), not a link
SKIPPED_SCHEMES = frozenset({"mailto", "data", "tel"})


class _LinkCollector(HTMLParser):
    """href and src of every element; with `meta`, also what a page's head gives to other readers:
    <meta content> that is a URL, and the text of JSON-LD scripts."""

    def __init__(self, meta: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.meta = meta
        self.links: list[str] = []
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if not self.meta:
            self.links += [value for name, value in attrs if name in LINK_ATTRIBUTES and value]
        elif tag == "meta" and looks_like_url(values.get("content") or ""):
            self.links.append(values["content"] or "")
        self._in_json_ld = self.meta and tag == "script" and values.get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)


def looks_like_url(text: str) -> bool:
    """A whole value that is an absolute http(s) address (a JSON string, a <meta content>)."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in text)


def links_in_html(html: str) -> list[str]:
    collector = _LinkCollector()
    collector.feed(html)
    collector.close()
    return collector.links


def links_in_json_value(value: Any, key: str = "") -> Iterator[str]:
    """Every string that is a whole URL, and the links of HTML held in `*_html` fields."""
    if isinstance(value, dict):
        for name, inner in value.items():
            yield from links_in_json_value(inner, str(name))
    elif isinstance(value, list):
        for inner in value:
            yield from links_in_json_value(inner, key)
    elif isinstance(value, str) and key not in NOT_LINKS:
        if key.endswith("_html"):
            yield from links_in_html(value)
        elif looks_like_url(value):
            yield value


def links_in_json(text: str) -> list[str]:
    return list(links_in_json_value(json.loads(text)))


def links_in_atom(text: str) -> list[str]:
    """href and src attributes anywhere (XHTML content too), and the links of escaped HTML content."""
    links = []
    for element in ElementTree.fromstring(text).iter():
        links += [value for name, value in element.attrib.items() if name in LINK_ATTRIBUTES]
        if element.get("type") == "html":
            links += links_in_html(element.text or "")
    return links


def links_in_page_head(html: str) -> list[str]:
    collector = _LinkCollector(meta=True)
    collector.feed(html)
    collector.close()
    return collector.links + [link for block in collector.json_ld for link in links_in_json(block)]


def links_lychee_skips(path: Path) -> list[str]:
    """The links of one built file that lychee would miss or misread (none for other files)."""
    if path.name.endswith(".atom.xml"):
        return links_in_atom(path.read_text(encoding="utf-8"))
    if path.suffix == ".json":
        return links_in_json(path.read_text(encoding="utf-8"))
    if path.suffix == ".html":
        return links_in_page_head(path.read_text(encoding="utf-8"))
    return []


def lychee_reads_it_right(path: Path) -> bool:
    """Whether lychee itself should read this file: pages, stylesheets, the sitemaps, the CSV.
    Feeds and JSON are only read through `links_lychee_skips` (read directly, JSON gives mangled
    URLs, so failures that are not there)."""
    if path.name.endswith(".atom.xml"):
        return False
    return path.suffix in (".html", ".css", ".xml", ".csv")


def is_relative(link: str) -> bool:
    return not urlsplit(link).scheme


def checkable(link: str) -> bool:
    """An absolute link lychee can be given; mailto:, data: and tel: lead nowhere in the site."""
    return urlsplit(link).scheme not in SKIPPED_SCHEMES
