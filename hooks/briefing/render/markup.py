"""Contributor text to HTML that is safe to show: Markdown rendered, then sanitised.

Python-Markdown passes raw HTML, event handlers and `javascript:` links straight
through, so its output is only ever used after nh3 has cleaned it with an
allowlist. Plain fields (titles, names) are escaped by the templates instead.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable

import markdown
import nh3

INLINE_TAGS = frozenset({"a", "em", "strong", "code", "br", "abbr", "sub", "sup"})
BLOCK_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote", "pre", "h2", "h3", "h4", "hr",
                            "table", "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"a": frozenset({"href", "title"}), "abbr": frozenset({"title"})}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_TAG = re.compile(r"<[^>]*>")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Prose that Markdown turns into paragraphs and nothing else: letters, digits and punctuation that
# begins no Markdown construct; each line opening with a letter, a digit (not a list's "1.") or an
# opening quote or bracket, and not ending in a space (two make a line break); paragraphs one
# blank line apart.
_PROSE_OPENERS = frozenset("\"“‘'(¿¡")
_LIST_NUMBER = re.compile(r"\d+[.)]")
_PROSE_CHARS = re.compile(r"[^\W_]|[ ,.;:!?'\"“”‘’()/%–—\n-]")


class MarkdownFailed(Exception):
    """Python-Markdown could not render a text (it ran out of recursion on deep nesting)."""


def _clean(rendered: str, tags: frozenset) -> str:
    return nh3.clean(rendered, tags=tags, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="nofollow noopener", strip_comments=True)


class SafeMarkdown:
    """Renders contributor Markdown, remembering each text's HTML for this build and the last:
    a summary is shown on many lists and feeds, and a preview server renders the same texts
    again after every edit. Call `new_build` once per build; older texts are then forgotten."""

    def __init__(self) -> None:
        self._converter = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
        self._last: dict[tuple[str, str], str] = {}
        self._this_build: dict[tuple[str, str], str] = {}

    def new_build(self) -> None:
        self._last, self._this_build = self._this_build, {}

    def block(self, text: str | None) -> str:
        """A body in Markdown, as sanitised HTML."""
        return self._remembered("block", text, lambda text: _clean(self._convert(text), BLOCK_TAGS))

    def inline(self, text: str | None) -> str:
        """A summary or note in inline Markdown, as sanitised HTML without block elements."""
        return self._remembered("inline", text, lambda text: _clean(self._convert(text), INLINE_TAGS).strip())

    def plain(self, text: str | None) -> str:
        """Inline Markdown reduced to its words: for <meta> descriptions and feeds."""
        return self._remembered("plain", text,
                                lambda text: " ".join(html.unescape(_TAG.sub("", self.inline(text))).split()))

    def _convert(self, text: str) -> str:
        return prose_html(text) or self.markdown_html(text)

    def markdown_html(self, text: str) -> str:
        """Python-Markdown's HTML of a text, not yet sanitised (prose_html must give the same). The
        validator's limits (format/markdown.py) keep texts within what Python-Markdown can render;
        if one still fails, the build names it instead of stopping with a traceback.
        (A lone surrogate, which the validator refuses too, would stop nh3: it becomes U+FFFD.)"""
        try:
            return self._converter.reset().convert(_SURROGATE.sub("\ufffd", text))
        except (RecursionError, ValueError, IndexError, KeyError) as error:
            self._converter = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
            raise MarkdownFailed(type(error).__name__) from None

    def _remembered(self, kind: str, text: str | None, make: Callable[[str], str]) -> str:
        if not text:
            return ""
        key = (kind, text)
        found = self._this_build.get(key)
        if found is None:
            found = self._last.get(key)
            if found is None:
                found = make(text)
            self._this_build[key] = found
        return found


def prose_html(text: str) -> str | None:
    """Python-Markdown's HTML for a text of plain prose, without running it (a third of a build's
    render went to Markdown, most of it on texts with no Markdown in them); None for any other text.
    tests/render/test_markup.py holds this to Python-Markdown's own output."""
    if not text or len(_PROSE_CHARS.sub("", text)):
        return None
    paragraphs = text.strip("\n").split("\n\n")
    lines = [line for paragraph in paragraphs for line in paragraph.split("\n")]
    if not all(_prose_line(line) for line in lines):
        return None
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def _prose_line(line: str) -> bool:
    return (bool(line) and (line[0].isalnum() or line[0] in _PROSE_OPENERS) and not line.endswith(" ")
            and not _LIST_NUMBER.match(line))
