"""Every output with an escaping rule holds whatever text it is given: Atom (XML 1.0's allowed
characters), CSV (RFC 4180 quoting), JSON. The validator refuses most of these characters; the
writers must not depend on that, so the model here is made without it."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import xml.etree.ElementTree as ET

import feedparser
import pytest

from briefing.model.build import load_site
from briefing.model.ledger import Ledger
from briefing.render.context import RenderContext
from briefing.render.feeds import site_feeds
from briefing.render.jinja import Templates
from briefing.render.markup import SafeMarkdown
from briefing.render.opendata import CLAIM_COLUMNS, briefings_json, claims_csv
from briefing.render.settings import Settings
from briefing.render.words import Words

from conftest import TOY

# One character of every class that an escaping rule must handle.
CODE_POINTS = {
    "C0 control": "\x01", "NUL": "\x00", "escape": "\x1b", "vertical tab": "\x0b", "DEL": "\x7f",
    "C1 control": "\x85", "carriage return": "\r", "line feed": "\n", "CRLF": "\r\n", "tab": "\t",
    "zero-width space": "\u200b", "bidi override": "\u202e", "BOM": "\ufeff", "surrogate": "\ud800",
    "private use": "\ue000", "noncharacter FFFE": "\ufffe", "noncharacter FFFF": "\uffff",
    "unassigned": "\u0378", "line separator": "\u2028", "paragraph separator": "\u2029",
    "no-break space": "\xa0", "astral emoji": "\U0001f600", "combining accent": "e\u0301",
    "markup": "<b>&amp;</b>", "quotes": "\"'", "delimiters": ",;", "formula": "=1+1", "at": "@cmd",
}
XML_FORBIDDEN = set("\x00\x01\x0b\x1b\ud800\ufffe\uffff")


def site_holding(text: str):
    """The toy site, its first entry's title, summary and a claim's scope and quote set to `text`."""
    site = load_site(TOY, cache=False)
    entry = next(e for e in site.entries if e.claims)
    claim = dataclasses.replace(entry.claims[0], scope=f"a{text}b", quote=f"{text}quote")
    edited = dataclasses.replace(entry, title=f"Title {text} end", summary=f"Summary {text} end",
                                 claims=(claim, *entry.claims[1:]))
    entries = tuple(edited if e is entry else e for e in site.entries)
    by_topic = {topic: tuple(edited if e is entry else e for e in found) for topic, found in site.by_topic.items()}
    return dataclasses.replace(site, entries=entries, by_topic=by_topic), edited


def feeds_of(site) -> list:
    settings = Settings("Toy", "https://example.org/")
    ctx = RenderContext(site, Ledger(site), settings, Templates(), SafeMarkdown(), Words())
    return site_feeds(ctx)


@pytest.mark.parametrize("text", CODE_POINTS.values(), ids=CODE_POINTS.keys())
def test_atom_feeds_stay_well_formed_xml(text: str):
    site, entry = site_holding(text)
    atom = next(f.content for f in feeds_of(site) if f.path == "feeds/all.atom.xml")
    root = ET.fromstring(atom.encode("utf-8"))  # raises on anything XML 1.0 does not allow
    titles = [t.text for t in root.iter("{http://www.w3.org/2005/Atom}title")]
    expected = "".join("\ufffd" if char in XML_FORBIDDEN else char for char in entry.title)
    assert expected.replace("\r\n", "\n").replace("\r", "\n") in titles  # as XML reads line breaks
    assert feedparser.parse(atom.encode("utf-8")).bozo == 0


@pytest.mark.parametrize("text", CODE_POINTS.values(), ids=CODE_POINTS.keys())
def test_json_outputs_parse_back_to_the_same_text(text: str):
    site, entry = site_holding(text)
    feed = next(f.content for f in feeds_of(site) if f.path == "feeds/all.json")
    data = briefings_json(site, "https://example.org/").content
    for written in (feed, data):
        written.encode("utf-8")  # valid UTF-8, even for a lone surrogate
    titles = [item["title"] for item in json.loads(feed)["items"]]
    assert entry.title in titles
    assert entry.title in [e["title"] for e in json.loads(data)["entries"]]


@pytest.mark.parametrize("text", CODE_POINTS.values(), ids=CODE_POINTS.keys())
def test_csv_keeps_every_cell_in_its_row(text: str):
    site, _ = site_holding(text)
    content = claims_csv(Ledger(site), "https://example.org/").content
    assert "\r\n" in content and content.count('"') >= 2 * len(CLAIM_COLUMNS)  # RFC 4180: CRLF, quoted
    rows = list(csv.reader(io.StringIO(content, newline="")))
    claims = sum(len(e.claims) for e in site.entries)
    assert len(rows) == claims + 1 and all(len(row) == len(CLAIM_COLUMNS) for row in rows)
    scopes = [row[CLAIM_COLUMNS.index("scope")] for row in rows[1:]]
    assert f"a{text}b" in scopes  # the cell holds the text whole, line breaks included
    quotes = [row[CLAIM_COLUMNS.index("quote")] for row in rows[1:]]
    assert (f"'{text}quote" if text[0] in "=+-@\t\r" else f"{text}quote") in quotes
    assert not [cell for row in rows[1:] for cell in row if cell[:1] in ("=", "+", "-", "@")]
