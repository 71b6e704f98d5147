"""What a Markdown field may hold: limits that keep rendering fast, and words a reader sees.

Python-Markdown is slow on some shapes of text, measured here (tools/worst_case.py times them):
each '[' or '<' that opens nothing scans to the end of its paragraph (300 of them before a
100,000-character paragraph took 7 s; 50,000 '[' took minutes), a paragraph of 100,000
backslashes took 1.4 s, 3,000 one-character lines 0.2 s, and list markers nested on one line
("1. 1. 1. ...") exhaust Python's recursion limit. The limits below bound the worst case to
well under a second per field; real briefings come nowhere near them.
"""
from __future__ import annotations

import html
import re

import nh3

MAX_PARAGRAPH = 10_000   # characters between blank lines
MAX_OPENERS = 300        # '[' and '<' in one field: links, images, HTML
MAX_LINES = 2_000
MAX_NESTED_ON_A_LINE = 8  # list or quote markers that open one line: "- - - x", "> > x"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_NESTED_MARKERS = re.compile(rf"^[ \t]*(?:(?:[-*+>]|\d{{1,9}}[.)])[ \t]+){{{MAX_NESTED_ON_A_LINE + 1}}}", re.M)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK_DEFINITION = re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]*\S.*$", re.M)
_MARKDOWN_SIGNS = re.compile(r"[\[\]()*_`~#>!|\\-]")
_MAYBE_EMPTY = re.compile(r"[<&\[!`]")


def markdown_problem(text: str, inline: bool) -> str | None:
    """Why a Markdown field cannot be rendered as it is, or None."""
    openers = text.count("[") + text.count("<")
    if openers > MAX_OPENERS:
        return (f"holds {openers} '[' and '<' characters; the limit is {MAX_OPENERS} "
                "(each link or HTML tag takes one): write fewer links, or split the text")
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        return f"has {lines} lines; the limit is {MAX_LINES}"
    longest = max(len(paragraph) for paragraph in _PARAGRAPH_BREAK.split(text))
    if longest > MAX_PARAGRAPH:
        return (f"has a paragraph of {longest} characters; the limit is {MAX_PARAGRAPH}: "
                "add blank lines between paragraphs")
    nested = _NESTED_MARKERS.search(text)
    if nested:
        line = text.count("\n", 0, nested.start()) + 1
        return (f"opens more than {MAX_NESTED_ON_A_LINE} lists or quotes on one line (line {line} of the text); "
                "put each item on its own line")
    if inline and not shows_words(text):
        return "shows no words once its markup is removed; write the text itself"
    return None


def shows_words(text: str) -> bool:
    """Whether a reader would see any letter or digit of `text` once it is rendered and sanitised:
    images, link definitions, comments, tags and the content of <script> and <style> show none."""
    if not _MAYBE_EMPTY.search(text):
        return any(char.isalnum() for char in text)
    visible = _LINK_DEFINITION.sub("", _IMAGE.sub("", text))
    visible = html.unescape(nh3.clean(visible, tags=set(), strip_comments=True))
    return any(char.isalnum() for char in _MARKDOWN_SIGNS.sub("", visible))
