"""Tables never break a word (issue 23): on every page of the published site that has a table, in
both languages, at every width from a small phone to a wide desktop,

- every word in a table cell lies on one line. A word is a run of text between spaces; a token
  with '/', '@' or '://' in it (an address, a path) or longer than 30 characters may wrap, as it
  would not fit a phone's column otherwise (a date format, YYYY-MM-DD, is code, which keeps to
  one line: Chromium would break plain text after its hyphens whatever the style sheet says);
- every table takes its container's width (the article's content box, 2 px of rounding allowed)
  or scrolls inside its own wrapper, and the page itself never scrolls sideways.

One browser page walks every table page and every width; each (page, width) is judged by one
`page.evaluate`, which returns what it found wrong.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

WIDTHS = (320, 375, 414, 768, 1024, 1280, 1920)
# The kinds of page that hold a table, in each language: the claims tables of entries, figures and
# actors, and the Markdown tables of the hand-written and format pages.
TABLE_KINDS = {"about", "actors", "data", "entries", "figures", "format"}

SETTLE_SECONDS = 5.0  # for the theme's transitions (the search box widens) after a resize
AT_REST = "() => document.getAnimations().every(animation => animation.playState !== 'running')"
PROBLEMS = """() => {
  const problems = [];
  const page = document.documentElement;
  if (page.scrollWidth > innerWidth)
    problems.push(`the page scrolls sideways: ${page.scrollWidth}px in ${innerWidth}px`);
  const mayWrap = word => /[/@]/.test(word) || word.length > 30;  // '://' has a '/'
  const shown = node => {
    const head = node.parentElement.closest('thead');  // the cards' header row, for screen readers only
    return node.parentElement.getClientRects().length && !(head && head.getBoundingClientRect().width <= 1);
  };
  const lines = (node, start, text) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + text.length);
    return new Set([...range.getClientRects()].filter(box => box.width > 0).map(box => Math.round(box.top))).size;
  };
  const scrolls = box => ['auto', 'scroll'].includes(getComputedStyle(box).overflowX)
    && box.scrollWidth > box.clientWidth + 1;
  for (const table of document.querySelectorAll('article table')) {
    const column = table.closest('article'), style = getComputedStyle(column);
    const room = column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const width = table.getBoundingClientRect().width;
    let scroller = table.parentElement;
    while (scroller !== column && !scrolls(scroller)) scroller = scroller.parentElement;
    const named = (table.caption || table.rows[0]).textContent.trim().replace(/\\s+/g, ' ').slice(0, 40);
    if (scroller === column && Math.abs(width - room) > 2)
      problems.push(`table "${named}" is ${Math.round(width)}px wide in a ${Math.round(room)}px column`);
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT, {acceptNode: node =>
      node.parentElement.closest('td, th') && shown(node) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT});
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const word = match[0];
        if (mayWrap(word)) continue;
        if (lines(node, match.index, word) > 1) problems.push(`"${word}" is broken over lines`);
      }
    }
  }
  return problems;
}"""


def at_rest(page, where: str) -> None:
    """Wait until the page's transitions have finished, so that widths are measured at rest."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while not page.evaluate(AT_REST):
        if time.monotonic() > deadline:
            pytest.fail(f"{where}: still animating after {SETTLE_SECONDS}s", pytrace=False)
        time.sleep(0.05)


def table_pages(site: Path) -> dict[str, list[str]]:
    """Every page of the built site with a table: its path, by kind ("figures", "es/figures")."""
    pages: dict[str, list[str]] = {}
    for html in sorted(site.rglob("index.html")):
        if re.search(r"<table\b", html.read_text(encoding="utf-8")):
            path = html.parent.relative_to(site).as_posix() + "/"
            parts = path.split("/")
            kind = "/".join(parts[:2]) if parts[0] == "es" else parts[0]
            pages.setdefault(kind, []).append(path)
    return pages


def test_no_table_breaks_a_word_or_leaves_its_column(built_site, open_reader):
    pages = table_pages(built_site)
    wanted = set(TABLE_KINDS) | {f"es/{kind}" for kind in TABLE_KINDS}
    assert set(pages) == wanted, f"pages with tables: {sorted(pages)}; expected {sorted(wanted)}"
    # Reduced motion: the theme then skips its transitions, so a resized page is at rest at once.
    reader = open_reader(viewport={"width": WIDTHS[0], "height": 900}, reduced_motion="reduce")
    failures = []
    for path in [path for paths in pages.values() for path in paths]:
        reader.page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        reader.goto(path)
        for width in WIDTHS:
            reader.page.set_viewport_size({"width": width, "height": 900})
            at_rest(reader.page, f"{path} at {width}px")
            problems = reader.page.evaluate(PROBLEMS)
            failures += [f"{path} at {width}px: {problem}" for problem in problems]
    assert not failures, f"{len(failures)} problem(s) in tables:\n" + "\n".join(failures)
