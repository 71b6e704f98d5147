"""Where things stand, as the home page and the offline edition both say it: as of when, and
which figures come first."""
from __future__ import annotations

from functools import partial

from ..model.compare import ComparisonState

CONTESTED_FIRST = {ComparisonState.CONFLICT: 0, ComparisonState.DIFFER: 1, ComparisonState.AGREE: 2,
                   ComparisonState.ONE: 3}


def key_figures(ledger) -> list[str]:
    """The figures with claims, the contested first, then those with more claims."""
    compared = ledger.comparisons
    return sorted((f for f in ledger.site.figures if ledger.by_figure[f]),
                  key=lambda f: (CONTESTED_FIRST.get(compared[f].state, 4), -len(compared[f].claims)))


def site_dates(ctx) -> tuple:
    """home_dates of the build's site, worked out once a build: its pages and the edition's key
    ask for them a dozen times, each a pass over every entry. (Keyed by the context itself: one
    build's, whose site does not change.)"""
    return ctx.reuse.part("home dates", ctx, partial(home_dates, ctx.site))


def home_dates(site) -> tuple:
    """The day the briefing's news is as of (its newest entry's date), and the day an entry last
    changed, if later (a correction made months on): a reader is not told the news is as of the
    day a typo was fixed."""
    as_of = max((entry.date for entry in site.entries), default=None)
    changed = max((entry.updated for entry in site.entries), default=None)
    return as_of, changed if changed and as_of and changed > as_of else None
