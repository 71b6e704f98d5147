"""The words of each language the site is published in: its gettext catalog, its dates, its numbers.

The interface's text is English in the templates and the code (msgids); each other language has
a gettext catalog, render/locale/<code>/LC_MESSAGES/messages.po, which `make translations`
updates from them (pybabel extract and update) and which is compiled in memory with Babel when a
build starts. Dates and numbers take each language's own forms from Babel's CLDR data ("14 de
enero de 2026", "1.200"), with one choice of ours: thousands are always grouped, as Spanish
newsrooms write them ("1.200", where CLDR would write "1200").
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from ..format.translations import SOURCE_LANGUAGE

LOCALE_FOLDER = Path(__file__).parent / "locale"
DATE_PATTERNS = {"en": ("d MMMM y", "MMMM y"), "es": ("d 'de' MMMM 'de' y", "MMMM 'de' y")}


def load_translations(code: str, folder: Path = LOCALE_FOLDER) -> NullTranslations:
    """The language's catalog, compiled from its .po file (English needs none)."""
    if code == SOURCE_LANGUAGE:
        return NullTranslations()
    with open(folder / code / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalog = read_po(po, locale=code)
    compiled = BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled)


class Language:
    """One language of the site: `gettext` for the interface's words, `date` and `number` for the
    forms of dates and numbers."""

    def __init__(self, code: str = SOURCE_LANGUAGE, translations: NullTranslations | None = None):
        self.code = code
        self.locale = Locale.parse(code)
        self.translations = translations or load_translations(code)
        self._date_pattern, self._month_pattern = DATE_PATTERNS[code]
        self._dates: dict[dt.date, str] = {}
        self._numbers: dict[float, str] = {}

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        return str(self.translations.pgettext(context, message))

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def date(self, day: dt.date) -> str:
        found = self._dates.get(day)  # Babel takes 30 µs a date; a site prints the same days thousands of times
        if found is None:
            found = self._dates[day] = format_date(day, self._date_pattern, locale=self.locale)
        return found

    def month(self, day: dt.date) -> str:
        return format_date(day, self._month_pattern, locale=self.locale)

    def number(self, number: float) -> str:
        found = self._numbers.get(number)  # and the same values: remembered for the language's life
        if found is None:
            found = self._numbers[number] = self._format_number(number)
        return found

    def _format_number(self, number: float) -> str:
        """As written, grouped by thousands, never in scientific notation: 2000 -> '2,000' / '2.000';
        2.5 -> '2.5' / '2,5'; 0.00001 -> '0.00001' / '0,00001'."""
        exact = Decimal(int(number)) if float(number).is_integer() else Decimal(repr(float(number)))
        decimals = max(0, -exact.as_tuple().exponent) if not float(number).is_integer() else 0  # type: ignore[operator]
        return str(format_decimal(exact, "#,##0" + ("." + "0" * decimals if decimals else ""), locale=self.locale))
