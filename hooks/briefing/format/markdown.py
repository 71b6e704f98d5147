"""What a Markdown field may hold: limits that keep rendering fast, and words a reader sees.

Python-Markdown is slow on some shapes of text, measured here (tools/worst_case.py times them):
each '[' or '<' that opens nothing scans to the end of its paragraph (300 of them before a
100,000-character paragraph took 7 s, before a 10,000-character one 1.3 s; 50,000 '[' took minutes),
each '<' that no '>' follows scans to the end of the text (300 '<a ' before 90,000 characters of
words, 3 s), a paragraph of 100,000
backslashes took 1.4 s, 3,000 one-character lines 0.2 s, and list markers nested on one line
("1. 1. 1. ...") exhaust Python's recursion limit. Each level of nesting (a quote's '>', a list
marker, four spaces of indentation before one) makes Python-Markdown parse the rest of its block
once more, so a block costs its depth times its length: a staircase of 1, 2, ... 600 '>' took
5.8 s in 180,000 characters, a 200-deep quote with 68 lazy lines under it, 25 times, 1.5 s.
Emphasis, code spans and escapes cost some 30 microseconds a character, fifty times plain text:
250,000 characters of "*a* " took 3 to 4 s.
Bounding the depth of every line bounds a block's depth too (a lazy line under a quote is never
deeper than the quote's own line), so a text costs at most MAX_NESTING passes over it. The limits
below bound the worst case to well under a second per field; real briefings come nowhere near them.
"""
from __future__ import annotations

import bisect
import html
import re

import nh3

MAX_PARAGRAPH = 10_000   # characters between blank lines
MAX_OPENERS = 300        # '[' and '<' in one field: links, images, HTML
MAX_OPENER_SCAN = 100_000  # characters read from each '[' and '<' to its ']' or '>', summed
MAX_INLINE_MARKS = 2_000  # '*', '_', '`' and '\\' in one field: emphasis, code, escapes
INLINE_MARKS = "*_`\\"
MAX_LINES = 2_000
MAX_NESTING = 8  # lists and quotes open inside one another on a line: "> > x", ">>x", "- - x", "        - x"
INDENT_PER_LEVEL = 4  # columns of indentation that nest a list one level deeper (Python-Markdown's tab)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A line that opens with a quote or list marker, then each marker with the white space before it.
_OPENS_NESTING = re.compile(r"^[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])[ \t])", re.M)
# What a line that _OPENS_NESTING opens with, after its white space (or a digit, which \d takes in any script).
_MARKER_FIRST = frozenset(">-*+")
_NESTING_MARKER = re.compile(r"(?P<space>[ \t]*)(?P<marker>>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))")
_BRACKET = re.compile(r"[\[\]]")
_TAG_START, _TAG_END = re.compile("<(?=[A-Za-z/!?])"), re.compile(">")  # what its HTML parser reads as a tag
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK_DEFINITION = re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]*\S.*$", re.M)
_MARKDOWN_SIGNS = re.compile(r"[\[\]()*_`~#>!|\\-]")
_MAYBE_EMPTY = re.compile(r"[<&\[!`]")


def markdown_problem(text: str, inline: bool) -> str | None:
    """Why a Markdown field cannot be rendered as it is, or None."""
    problem = count_problem(text) or paragraph_problem(text) or nesting_problem(text)
    if problem is None and inline and not shows_words(text):
        return "shows no words once its markup is removed; write the text itself"
    return problem


def count_problem(text: str) -> str | None:
    """Too many of the characters that open links, tags, emphasis and code, or too many lines.
    A text holds no more of any character than its length: a short one is not counted at all."""
    openers = text.count("[") + text.count("<") if len(text) > MAX_OPENERS else 0
    if openers > MAX_OPENERS:
        return (f"holds {openers} '[' and '<' characters; the limit is {MAX_OPENERS} "
                "(each link or HTML tag takes one): write fewer links, or split the text")
    marks = sum(text.count(mark) for mark in INLINE_MARKS) if len(text) > MAX_INLINE_MARKS else 0
    if marks > MAX_INLINE_MARKS:
        return (f"holds {marks} '*', '_', '`' and '\\' characters; the limit is {MAX_INLINE_MARKS} "
                "(each emphasis or code span takes two): write less emphasis, or split the text")
    lines = text.count("\n") + 1 if len(text) >= MAX_LINES else 1
    if lines > MAX_LINES:
        return f"has {lines} lines; the limit is {MAX_LINES}"
    return None


def paragraph_problem(text: str) -> str | None:
    """A paragraph too long, or '[' and '<' that leave Python-Markdown scanning far for their ends."""
    if len(text) <= MAX_PARAGRAPH and (text.count("[") + text.count("<")) * len(text) <= MAX_OPENER_SCAN:
        return None  # no paragraph is longer than the text, and no '[' or '<' reads on beyond its end
    paragraphs = _PARAGRAPH_BREAK.split(text)
    longest = max(len(paragraph) for paragraph in paragraphs)
    if longest > MAX_PARAGRAPH:
        return (f"has a paragraph of {longest} characters; the limit is {MAX_PARAGRAPH}: "
                "add blank lines between paragraphs")
    scan = sum(bracket_scan(paragraph) for paragraph in paragraphs) + tag_scan(text)
    if scan > MAX_OPENER_SCAN:
        return (f"has '[' and '<' that read on {scan} characters in all to their ']' or '>' (an unclosed '[' "
                f"to the end of its paragraph, '<' to the end of the text); the limit is {MAX_OPENER_SCAN}: "
                "close them, or write fewer")
    return None


def bracket_scan(paragraph: str) -> int:
    """How far each '[' of a paragraph reads to find the ']' that closes it, counting nested pairs
    as Python-Markdown does; an unclosed one reads to the end of the paragraph."""
    scan, open_at = 0, []
    for bracket in _BRACKET.finditer(paragraph):
        if bracket[0] == "[":
            open_at.append(bracket.start())
        elif open_at:
            scan += bracket.start() - open_at.pop()
    return scan + sum(len(paragraph) - start for start in open_at)


def tag_scan(text: str) -> int:
    """How far each '<' that may open a tag reads to the next '>': the HTML parser looks past blank
    lines, to the end of the text when there is none ('<' before a space or a digit opens nothing)."""
    closes = [close.start() for close in _TAG_END.finditer(text)]
    scan = 0
    for tag in _TAG_START.finditer(text):
        after = bisect.bisect_left(closes, tag.start())
        scan += (closes[after] if after < len(closes) else len(text)) - tag.start()
    return scan


def nesting_problem(text: str) -> str | None:
    """The first line whose lists and quotes nest deeper than MAX_NESTING, as a message, or None.
    Only a line whose first character after its white space can be a marker is matched (most
    lines of prose open with a letter: searching every line's start cost more than the rest)."""
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        first = line.lstrip(" \t")[:1]
        if (first in _MARKER_FIRST or first.isdecimal()) and _OPENS_NESTING.match(text, start):
            depth = nesting_depth(text, start)
            if depth > MAX_NESTING:
                return (f"nests lists and quotes {depth} deep on line {number} of the text; the limit is "
                        f"{MAX_NESTING} (each '>', list marker, and {INDENT_PER_LEVEL} spaces of indentation "
                        "before one, is a level): put each item on its own line, with less indentation")
        start += len(line) + 1
    return None


def nesting_depth(text: str, start: int) -> int:
    """How deep the line at `start` nests: one level for each quote or list marker that opens it,
    and one for each INDENT_PER_LEVEL columns of white space before the first marker or after a
    '>' (beyond the one space a quote may take); the space after a list marker only separates."""
    depth = columns = 0
    after = ""
    while (marker := _NESTING_MARKER.match(text, start)):
        space = len(marker["space"].expandtabs(INDENT_PER_LEVEL))
        columns += 0 if after not in ("", ">") else max(space - (after == ">"), 0)
        depth, after, start = depth + 1, marker["marker"][-1], marker.end()
    return depth + columns // INDENT_PER_LEVEL


def shows_words(text: str) -> bool:
    """Whether a reader would see any letter or digit of `text` once it is rendered and sanitised:
    images, link definitions, comments, tags and the content of <script> and <style> show none."""
    if not _MAYBE_EMPTY.search(text):
        return any(char.isalnum() for char in text)
    visible = _LINK_DEFINITION.sub("", _IMAGE.sub("", text))
    visible = html.unescape(nh3.clean(visible, tags=set(), strip_comments=True))
    return any(char.isalnum() for char in _MARKDOWN_SIGNS.sub("", visible))
