"""Golden wording of values, qualifiers and dates: the words readers see must match the source."""
from __future__ import annotations

import datetime as dt

import pytest

from briefing.render.words import date_in_words, number_in_words, value_in_words


@pytest.mark.parametrize("low, high, is_range, qualifier, words", [
    (400, 400, False, "more-than", "more than 400"),
    (60, 70, True, "exactly", "60–70"),
    (60, 70, True, "about", "about 60–70"),
    (116, 116, False, "at-least", "at least 116"),
    (2000, 2000, False, "about", "about 2,000"),
    (800, 1200, True, "exactly", "800–1,200"),
    (5, 5, False, "at-most", "at most 5"),
    (10, 10, False, "fewer-than", "fewer than 10"),
    (1, 1, False, "exactly", "1"),
    (2.5, 2.5, False, "exactly", "2.5"),
    (1250000.75, 1250000.75, False, "about", "about 1,250,000.75"),
    (0, 0, False, "exactly", "0"),
])
def test_value_in_words(low, high, is_range, qualifier, words):
    assert value_in_words(low, high, is_range, qualifier) == words


def test_a_range_of_equal_ends_is_still_shown_as_written():
    assert value_in_words(60, 60, True) == "60–60"


def test_numbers_and_dates():
    assert number_in_words(1200) == "1,200"
    assert date_in_words(dt.date(2026, 1, 5)) == "5 January 2026"
