"""The home page's "as of" is the day of the newest entry's news; a later correction is said as
the day the briefing last changed, never as the day its news is as of."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from briefing.render.standing import home_dates

JAN_13, JAN_14, DEC_6 = dt.date(2026, 1, 13), dt.date(2026, 1, 14), dt.date(2026, 12, 6)


def site(*entries: tuple[dt.date, dt.date]) -> SimpleNamespace:
    """A site of entries, each (its date, the day it last changed)."""
    return SimpleNamespace(entries=[SimpleNamespace(date=date, updated=updated) for date, updated in entries])


def test_a_correction_months_later_is_the_day_it_changed_not_the_day_of_the_news():
    assert home_dates(site((JAN_14, JAN_14), (JAN_13, DEC_6))) == (JAN_14, DEC_6)


def test_without_a_later_change_only_the_news_day_is_given():
    assert home_dates(site((JAN_14, JAN_14), (JAN_13, JAN_14))) == (JAN_14, None)
    assert home_dates(site((JAN_13, JAN_13))) == (JAN_13, None)


def test_an_empty_site_has_neither():
    assert home_dates(site()) == (None, None)
