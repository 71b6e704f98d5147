"""Property tests for Markdown structure (issue 22): whatever the validator accepts, Python-Markdown
parses with bounded work.

Python-Markdown parses a quote's or a list's content again for each level it nests, so the work
on a text is counted as the characters handed to its block parser, over every level; the limits
of format/markdown.py must keep that within a few passes over the text. Each input also runs under
the guard of test_fuzz.py (an alarm and a memory limit), which stops a runaway case: nothing here
asserts on time.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import event, given
from hypothesis import strategies as st
from markdown.blockparser import BlockParser
from test_fuzz import FUZZ, guarded

from briefing.format.markdown import MAX_NESTING, markdown_problem
from briefing.render.markup import SafeMarkdown

# What opens a line: quotes (with and without a space), list markers, indentation.
OPENERS = [">", "> ", "- ", "* ", "+ ", "1. ", "2) ", "    ", "  ", "\t"]
# What follows: words, emphasis, code, links, escapes, HTML, table cells.
INLINE = ["word", " ", "*a*", "**b**", "_c_", "`d`", "``", "*", "_", "\\", "[e](f)", "[", "<a ", "|", "&amp;",
          "#", "---", "[[", "]", "<b ", ">"]

opener_runs = st.lists(st.sampled_from(OPENERS), max_size=14).map("".join)
contents = st.lists(st.sampled_from(INLINE), max_size=6).map("".join)
lines = st.tuples(opener_runs, contents).map("".join)
# A staircase: one opener repeated 1, 2, 3, ... times (then a marker, so that indentation nests a
# list), a line or a paragraph each, as in the issue.
staircases = st.tuples(st.sampled_from(OPENERS), st.sampled_from(["", "- ", "> ", "1. "]), st.integers(1, 40),
                       st.sampled_from(["\n", "\n\n"]), contents).map(
    lambda s: s[3].join(s[0] * depth + s[1] + (s[4] or "x") for depth in range(1, s[2] + 1)))
# Lazy lines: a deep line, then lines with no marker that continue it.
lazy = st.tuples(opener_runs, st.integers(1, 300)).map(lambda s: s[0] + "x\n" + "word\n" * s[1])
blocks = st.one_of(lines, staircases, lazy)
markdown_structures = st.lists(blocks, min_size=1, max_size=12).flatmap(
    lambda parts: st.sampled_from(["\n", "\n\n"]).map(lambda glue: glue.join(parts)))


@contextmanager
def block_parser_work() -> Iterator[list[int]]:
    """Counts the characters Python-Markdown's block parser is handed, at every level of nesting."""
    parse_blocks = BlockParser.parseBlocks
    counted = [0]

    def counting(parser, parent, texts):
        counted[0] += sum(len(text) + 1 for text in texts)
        return parse_blocks(parser, parent, texts)

    BlockParser.parseBlocks = counting  # type: ignore[method-assign]
    try:
        yield counted
    finally:
        BlockParser.parseBlocks = parse_blocks  # type: ignore[method-assign]


@FUZZ
@given(markdown_structures)
def test_markdown_structure_the_validator_accepts_parses_in_bounded_work(text: str):
    problem = markdown_problem(text, inline=False)
    event("refused" if problem else "rendered")
    if problem is not None:
        return  # refused with a message: never rendered
    with guarded(), block_parser_work() as work:
        SafeMarkdown().block(text)
    assert work[0] <= work_bound(text), (work[0], len(text))


def work_bound(text: str) -> int:
    """One pass over the text, one more for each level it may nest, one for the blocks' separators;
    over the text as Python-Markdown reads it, its tabs expanded to four spaces."""
    return (MAX_NESTING + 2) * (len(text.expandtabs(4)) + 1)


def test_the_work_counted_grows_with_depth_beyond_the_limit():
    """The measure is the one that drives the cost: a staircase of 200 quotes (which the validator
    refuses) costs some seventy passes over its text, far past the bound."""
    text = "\n\n".join(">" * depth + " x" for depth in range(1, 201))
    assert markdown_problem(text, inline=False) is not None
    with guarded(), block_parser_work() as work:
        SafeMarkdown().block(text)
    assert work[0] > 5 * work_bound(text)
