"""A page's table of contents, read off its finished HTML: the headings that have an id.

The engine builds a table of contents from the Markdown it converts; the core's pages are HTML
already, and the home page gets its sections after conversion, so their headings come from here
(shaped as Python-Markdown's toc tokens: level, id, name, children). Names stay HTML-escaped,
as they are in the page, since themes print them as they are.
"""
from __future__ import annotations

import re

_HEADING = re.compile(r"<h([1-3])\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]*>")


def toc_tokens(html: str) -> list[dict]:
    """The h1-h3 headings with an id, nested by level."""
    root: list[dict] = []
    open_levels: list[tuple[int, list]] = [(0, root)]
    for level_text, anchor, inner in _HEADING.findall(html):
        level = int(level_text)
        token = {"level": level, "id": anchor, "name": " ".join(_TAG.sub("", inner).split()), "children": []}
        while open_levels[-1][0] >= level:
            open_levels.pop()
        open_levels[-1][1].append(token)
        open_levels.append((level, token["children"]))
    return root
