"""The day a run is made as, from SOURCE_DATE_EPOCH (reproducible builds): read in this one place
for the checks (the latest date a file may hold) and for the build (the day its pages are dated).
"""
from __future__ import annotations

import datetime as dt
import os

from ..format.problems import Problem, ProblemsFound, quoted
from ..format.spec import FUTURE_MARGIN

# The last day a run may be dated: the checks allow dates up to FUTURE_MARGIN after it, and
# those must still be dates (the calendar ends with year 9999).
LATEST_SOURCE_DATE = dt.date.max - FUTURE_MARGIN
_LATEST_SECONDS = int(dt.datetime.combine(LATEST_SOURCE_DATE, dt.time(23, 59, 59), dt.UTC).timestamp())
_HINT = "; give whole seconds since 1970-01-01 UTC, as `date +%s` prints, or leave it unset"


def source_date() -> dt.date | None:
    """SOURCE_DATE_EPOCH's day in UTC; None when it is unset or empty; ProblemsFound, naming it,
    when it is not a whole number of seconds (signs, spaces and non-ASCII digits included) or
    its day is after LATEST_SOURCE_DATE. A bad value is refused, not ignored: a build that says
    it is reproducible must not quietly be dated today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return None
    if not (epoch.isascii() and epoch.isdigit()):
        raise _refused(f"{quoted(epoch)} is not a whole number of seconds{_HINT}")
    # Compared as text first: int() of thousands of digits is slow, and refused past 4300.
    if len(epoch.lstrip("0")) > len(str(_LATEST_SECONDS)) or int(epoch) > _LATEST_SECONDS:
        raise _refused(f"{quoted(epoch)} is a time after {LATEST_SOURCE_DATE}, the latest day a build "
                       f"may be dated{_HINT}")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()


def _refused(message: str) -> ProblemsFound:
    return ProblemsFound([Problem("the environment", 0, 0, "SOURCE_DATE_EPOCH", message)])
