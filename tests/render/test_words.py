"""Golden wording of values, qualifiers and dates: the words readers see must match the source."""
from __future__ import annotations

import datetime as dt

import pytest

from briefing.model.site import Period
from briefing.render.i18n import Language
from briefing.render.words import QUALIFIER_PHRASES, Words

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


# Every qualifier with a single value and a range, and "about" with each gender a unit may have:
# the exact words in each language, so that no shape reads "más de entre 60 y 70".
SHAPES = [  # qualifier, is_range, gender, English, Spanish
    ("exactly", False, None, "60", "60"),
    ("exactly", True, None, "60–70", "entre 60 y 70"),
    ("about", False, None, "about 60", "alrededor de 60"),
    ("about", False, "feminine", "about 60", "unas 60"),
    ("about", False, "masculine", "about 60", "unos 60"),
    ("about", True, None, "about 60–70", "aproximadamente entre 60 y 70"),
    ("about", True, "feminine", "about 60–70", "entre unas 60 y 70"),
    ("about", True, "masculine", "about 60–70", "entre unos 60 y 70"),
    ("at-least", False, None, "at least 60", "al menos 60"),
    ("at-least", True, None, "at least 60–70", "al menos 60 o 70"),
    ("more-than", False, None, "more than 60", "más de 60"),
    ("more-than", True, None, "more than 60–70", "más de 60 o 70"),
    ("at-most", False, None, "at most 60", "como máximo 60"),
    ("at-most", True, None, "at most 60–70", "como máximo 60 o 70"),
    ("fewer-than", False, None, "fewer than 60", "menos de 60"),
    ("fewer-than", True, None, "fewer than 60–70", "menos de 60 o 70"),
]


def test_the_shapes_cover_every_qualifier_and_both_values():
    assert {(q, r) for q, r, *_ in SHAPES} == {(q, r) for q in QUALIFIER_PHRASES for r in (False, True)}


@pytest.mark.parametrize("qualifier, is_range, gender, english, spanish", SHAPES)
def test_every_qualifier_and_value_shape_reads_right(qualifier, is_range, gender, english, spanish):
    high = 70 if is_range else 60
    assert ENGLISH.value(60, high, is_range, qualifier, gender) == english
    assert SPANISH.value(60, high, is_range, qualifier, gender) == spanish
    for other in (None, "feminine", "masculine"):  # gender changes only "about"
        if qualifier != "about":
            assert SPANISH.value(60, high, is_range, qualifier, other) == spanish


@pytest.mark.parametrize("qualifier, is_range, gender, english, spanish", SHAPES)
def test_every_value_shape_fits_the_sentences_that_hold_it(qualifier, is_range, gender, english, spanish):
    """The comparison's sentences place a value after a colon in Spanish, so that any shape reads:
    'La cifra más baja recogida: entre unas 60 y 70 personas; la más alta: más de 400 personas.'"""
    spread = "Reported counts range from %(lowest)s to %(highest)s."
    words = SPANISH.value(60, 70 if is_range else 60, is_range, qualifier, gender)
    assert SPANISH.language.gettext(spread) % {"lowest": f"{words} personas", "highest": "más de 400 personas"} == (
        f"La cifra más baja recogida: {words} personas; la más alta: más de 400 personas.")
    assert ENGLISH.language.gettext(spread) % {"lowest": f"{english} people", "highest": "more than 400 people"} == (
        f"Reported counts range from {english} people to more than 400 people.")
    several = SPANISH.language.gettext("%(count)s claims of %(claim)s.") % {"count": 3, "claim": f"{words} personas"}
    assert several == f"3 afirmaciones: {words} personas."


def test_a_single_day_in_a_sentence_takes_its_article_in_spanish():
    day, days = Period(dt.date(2026, 1, 12), dt.date(2026, 1, 12)), Period(dt.date(2026, 1, 8), dt.date(2026, 1, 12))
    covers = "covers %(period)s"
    assert SPANISH.language.gettext(covers) % {"period": SPANISH.period(day, in_sentence=True)} == (
        "abarca el 12 de enero de 2026")
    assert SPANISH.period(day) == "12 de enero de 2026"  # a table cell or a list names the day alone
    assert SPANISH.period(days, in_sentence=True) == "del 8 de enero de 2026 al 12 de enero de 2026"
    assert SPANISH.period(Period(None, dt.date(2026, 1, 12)), in_sentence=True) == "hasta el 12 de enero de 2026"
    assert ENGLISH.language.gettext(covers) % {"period": ENGLISH.period(day, in_sentence=True)} == (
        "covers 12 January 2026")


def test_a_label_inside_a_spanish_sentence_starts_small():
    assert SPANISH.mid_sentence("Presos liberados") == "presos liberados"
    assert SPANISH.mid_sentence("EE. UU.: buques retenidos") == "EE. UU.: buques retenidos"  # an acronym keeps them
    assert SPANISH.mid_sentence("PDVSA: barriles") == "PDVSA: barriles"
    assert ENGLISH.mid_sentence("Venezuelan oil exports") == "Venezuelan oil exports"  # English keeps labels as written
