"""Contributor text made inert for GitHub's Markdown (a job summary, a pull request comment).

GitHub renders the digest as GitHub Flavored Markdown: raw HTML, links, images, bare URLs and
e-mail addresses (its autolinks), emphasis, math and tables all come from plain characters. So a
text is printed as it is only if it holds nothing but letters, digits, spaces and punctuation that
no Markdown construct begins with, and no autolink ('www.', '://'); anything else goes into a
code span, in which GitHub renders nothing. tests/review/test_inert.py renders both with
cmark-gfm, GitHub's own Markdown library.
"""
from __future__ import annotations

import re

# Begins as no block does (a list item '- ', '+ ', '1. ', a quote): where a value opens a line or a
# list item, it must not start one of its own.
_PLAIN = re.compile(r"(?!\d+[.)])(?:[^\W_]|[(¿¡\"“'’])(?:[^\W_]|[ ,.;:'’\"“”()/%+?¿¡!–—-])*")
_AUTOLINKS = ("www.", "://")
_BACKTICKS = re.compile(r"`+")


class MarkdownText(str):
    """Markdown made here (inert text, a code block), printed by the digest's template as it is."""


def inert(value: object) -> str:
    """`value` as Markdown that shows it and does nothing else."""
    if isinstance(value, MarkdownText):
        return value
    text = " ".join(str("" if value is None else value).split())  # one line: no block can start
    if not text or (_PLAIN.fullmatch(text) and not any(mark in text.casefold() for mark in _AUTOLINKS)):
        return text
    return code(text)


def code(value: object) -> MarkdownText:
    """`value` in a code span, always (names of fields, files and revisions)."""
    text = " ".join(str(value).split())
    fence = "`" * (1 + max((len(run) for run in _BACKTICKS.findall(text)), default=0))
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text  # so the fence stays whole
    return MarkdownText(f"{fence}{padded}{fence}")


def code_block(lines: list[str]) -> MarkdownText:
    """Lines shown exactly, in a fenced block no line can close (its fence is longer than any
    run of backticks in them)."""
    longest = max((len(run) for line in lines for run in _BACKTICKS.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    return MarkdownText("\n".join([f"{fence}text", *lines, fence]))
