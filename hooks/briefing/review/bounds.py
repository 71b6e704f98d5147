"""How much of the digest is shown: GitHub refuses a job summary over 1 MiB (the step that writes
it fails), and a reviewer reads the top of it first.

Each revision's problems are shown up to a number per file, a number and a size in all, each
line up to a length; the digest says how many more there are and how to see them. Whatever else
it holds (lists of changes, each already cut at SHOWN items) is cut at a line when it would pass
DIGEST_BYTES, with a line that says so. The top of the digest (the revisions compared and their
problems: at most 2 × PROBLEMS_BYTES) is far smaller than DIGEST_BYTES, so it always survives.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Half of the 1 MiB GitHub takes: the margin is for the workflow's own lines in the same summary.
DIGEST_BYTES = 512 * 1024
SHOWN = 200                   # items shown in one list of changes
PROBLEMS_PER_FILE = 20        # a file with hundreds of problems has one cause, shown by the first few
PROBLEMS_SHOWN = 200          # of one revision
PROBLEMS_BYTES = 64 * 1024    # of one revision's problem lines
LINE_CHARS = 1000             # of one problem line (a name of 255 bytes and its message fit)
_FENCE_OPENS = re.compile(r"(`{3,})text")  # inert.code_block's fence


@dataclass(frozen=True)
class ShownProblems:
    lines: list      # as `make validate` prints them, some shortened
    hidden: int      # problems not shown

    @property
    def all_shown(self) -> bool:
        return self.hidden == 0


def shown_problems(problems) -> ShownProblems:
    """The problems the digest shows, in their order: at most PROBLEMS_PER_FILE of a file, and
    PROBLEMS_SHOWN lines or PROBLEMS_BYTES in all."""
    lines: list[str] = []
    of_file: Counter = Counter()
    size = 0
    for problem in problems:
        if of_file[problem.path] == PROBLEMS_PER_FILE:
            continue
        line = shortened(str(problem))
        size += len(line.encode()) + 1
        if len(lines) == PROBLEMS_SHOWN or size > PROBLEMS_BYTES:
            break
        of_file[problem.path] += 1
        lines.append(line)
    return ShownProblems(lines, len(problems) - len(lines))


def shortened(line: str) -> str:
    """`line`, or its first LINE_CHARS characters and a mark that it goes on."""
    return line if len(line) <= LINE_CHARS else f"{line[:LINE_CHARS - 1]}…"


def bounded(markdown: str, cut_note: str) -> str:
    """`markdown` if it fits in DIGEST_BYTES; else its first lines that leave room for a code
    block's closing fence and `cut_note`, which says what was left out."""
    if len(markdown.encode()) <= DIGEST_BYTES:
        return markdown
    room = DIGEST_BYTES - len(cut_note.encode()) - 64  # the fence, blank lines
    kept: list[str] = []
    fence = None  # the fence of the code block the kept lines leave open
    for line in markdown.splitlines(keepends=True):
        room -= len(line.encode())
        if room < 0:
            break
        kept.append(line)
        opening = _FENCE_OPENS.fullmatch(line.rstrip("\n"))
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None and line.rstrip("\n") == fence:
            fence = None
    closing = f"{fence}\n" if fence else ""
    return f"{''.join(kept)}{closing}\n{cut_note}\n"
