"""Golden wording of values, qualifiers and dates: the words readers see must match the source."""
from __future__ import annotations

import datetime as dt

import pytest

from briefing.model.site import Period
from briefing.render.i18n import Language
from briefing.render.words import Words

ENGLISH = Words()


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
    assert ENGLISH.value(low, high, is_range, qualifier) == words


def test_a_range_of_equal_ends_is_still_shown_as_written():
    assert ENGLISH.value(60, 60, True) == "60–60"


def test_numbers_and_dates():
    assert ENGLISH.number(1200) == "1,200"
    assert ENGLISH.date(dt.date(2026, 1, 5)) == "5 January 2026"


SPANISH = Words(Language("es"))


@pytest.mark.parametrize("low, high, is_range, qualifier, gender, words", [
    (400, 400, False, "more-than", None, "más de 400"),
    (116, 116, False, "at-least", None, "al menos 116"),
    (60, 70, True, "exactly", None, "entre 60 y 70"),
    (2000, 2000, False, "about", "feminine", "unas 2.000"),
    (2000, 2000, False, "about", "masculine", "unos 2.000"),
    (2000, 2000, False, "about", None, "alrededor de 2.000"),
    (60, 70, True, "about", "feminine", "entre unas 60 y 70"),
    (800, 1200, True, "exactly", "feminine", "entre 800 y 1.200"),
    (5, 5, False, "at-most", None, "como máximo 5"),
    (10, 10, False, "fewer-than", None, "menos de 10"),
    (2.5, 2.5, False, "exactly", None, "2,5"),
    (1250000.75, 1250000.75, False, "exactly", None, "1.250.000,75"),
])
def test_values_in_spanish_keep_the_source_qualifier(low, high, is_range, qualifier, gender, words):
    assert SPANISH.value(low, high, is_range, qualifier, gender) == words


def test_spanish_dates_numbers_and_words():
    assert SPANISH.date(dt.date(2026, 1, 14)) == "14 de enero de 2026"
    assert SPANISH.number(1200) == "1.200"  # grouped, as Spanish newsrooms write it (CLDR would not)
    assert SPANISH.status("disputed") == "En disputa"
    assert SPANISH.period(Period(dt.date(2026, 1, 8), None)) == "desde el 8 de enero de 2026"
    assert SPANISH.period(Period(dt.date(2026, 1, 8), dt.date(2026, 1, 12))) == (
        "del 8 de enero de 2026 al 12 de enero de 2026")
