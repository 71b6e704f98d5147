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
        where = f"{self.path}:{self.line}:{self.col}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}"


class ProblemsFound(Exception):
    """Raised by the loader when a run found problems; carries all of them."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the briefing files")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """'; did you mean 'x'?' when a close name exists, else ''."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def quoted(text: object, limit: int = 60) -> str:
    """A short, single-line rendering of contributor input for messages."""
    shown = str(text).replace("\n", "\\n")
    return repr(shown if len(shown) <= limit else shown[:limit] + "...")
