"""Problems found in contributor files, reported as PATH:LINE:COL: field: message."""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file. Lines and columns count from 1."""

    path: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        """One line, whatever the file name holds: a name with a newline cannot print a second line."""
        path = printable(self.path)
        where = f"{path}:{self.line}:{self.col}" if self.line else path
        return f"{where}: {printable(self.field)}: {printable(self.message)}"


class ProblemsFound(Exception):
    """Raised by the loader when a run found problems; carries all of them."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the briefing files")


def printable(text: str) -> str:
    """`text` with every character that is not printable (newlines, controls, bidi) as an escape."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """'; did you mean 'x'?' when a close name exists, else ''. Names whose length rules out a
    ratio of 0.6 (shorter than 3/7 of the other) are left out before difflib compares any."""
    low, high = len(word) * 3 / 7, len(word) * 7 / 3
    near = sorted(choice for choice in choices if low <= len(choice) <= high)
    close = difflib.get_close_matches(word, near, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def quoted(text: object, limit: int = 60) -> str:
    """A short, single-line rendering of contributor input for messages."""
    shown = str(text).replace("\n", "\\n")
    return repr(shown if len(shown) <= limit else shown[:limit] + "...")
