"""Contributor text to HTML that is safe to show: Markdown rendered, then sanitised.

Python-Markdown passes raw HTML, event handlers and `javascript:` links straight
through, so its output is only ever used after nh3 has cleaned it with an
allowlist. Plain fields (titles, names) are escaped by the templates instead.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3

INLINE_TAGS = {"a", "em", "strong", "code", "br", "abbr", "sub", "sup"}
BLOCK_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote", "pre", "h2", "h3", "h4", "hr",
                            "table", "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}
_converter = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
_TAG = re.compile(r"<[^>]*>")


def _clean(rendered: str, tags: set) -> str:
    return nh3.clean(rendered, tags=tags, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="nofollow noopener", strip_comments=True)


@lru_cache(maxsize=65536)  # a summary is shown on many lists and feeds: render it once
def render_block(text: str | None) -> str:
    """A body in Markdown, as sanitised HTML."""
    if not text:
        return ""
    return _clean(_converter.reset().convert(text), BLOCK_TAGS)


@lru_cache(maxsize=65536)
def render_inline(text: str | None) -> str:
    """A summary or note in inline Markdown, as sanitised HTML without block elements."""
    if not text:
        return ""
    return _clean(_converter.reset().convert(text), INLINE_TAGS).strip()


@lru_cache(maxsize=65536)
def plain_text(text: str | None) -> str:
    """Inline Markdown reduced to its words: for <meta> descriptions and feeds."""
    if not text:
        return ""
    words = html.unescape(_TAG.sub("", render_inline(text)))
    return " ".join(words.split())
