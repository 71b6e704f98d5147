"""The words readers see for values, dates, the format's vocabularies and how a figure's claims
compare, in the build's language.

Each table has one entry per value of a vocabulary in format/spec.py (qualifiers, statuses,
actor kinds, bases), or per state of a comparison (model/compare.py); a test fails if a table
and its vocabulary disagree. The tables hold English msgids: a language's words come from its
gettext catalog (i18n.py), and a value's phrase takes the grammatical gender of the figure's
unit where the language has one ("unas 2.000 personas").
"""
from __future__ import annotations

import datetime as dt

from ..format.translations import N_, NP_
from ..model.compare import ComparisonState
from .i18n import Language

# A value's phrase for each qualifier: a single value, and a range [low, high].
QUALIFIER_PHRASES = {
    "exactly": (N_("{amount}"), N_("{low}–{high}")),
    "about": (N_("about {amount}"), N_("about {low}–{high}")),
    "at-least": (N_("at least {amount}"), N_("at least {low}–{high}")),
    "more-than": (N_("more than {amount}"), N_("more than {low}–{high}")),
    "at-most": (N_("at most {amount}"), N_("at most {low}–{high}")),
    "fewer-than": (N_("fewer than {amount}"), N_("fewer than {low}–{high}")),
}
# Phrases whose words agree with the unit's gender in some languages ("unas 2.000 personas",
# "unos 2.000 presos"); a figure without a gender, or a language without one, takes the plain phrase.
GENDERED_PHRASES = {
    "feminine": (NP_("feminine", "about {amount}"), NP_("feminine", "about {low}–{high}")),
    "masculine": (NP_("masculine", "about {amount}"), NP_("masculine", "about {low}–{high}")),
}
STATUS_WORDS = {"developing": N_("Developing"), "confirmed": N_("Confirmed"), "disputed": N_("Disputed")}
KIND_WORDS = {"person": N_("Person"), "organization": N_("Organization"), "government": N_("Government"),
              "media": N_("Media"), "group": N_("Group")}
KIND_PLURAL_WORDS = {"person": N_("People"), "organization": N_("Organizations"), "government": N_("Governments"),
                     "media": N_("Media"), "group": N_("Groups")}
BASIS_WORDS = {"announced": N_("announced"), "counted": N_("counted"), "verified": N_("verified"),
               "estimated": N_("estimated")}
# A single day where a sentence names it ("covers 12 January 2026", "abarca el 12 de enero de 2026"):
# Spanish puts the article before a day; a period's other forms carry their own words.
DAY_IN_SENTENCE = NP_("a day, in a sentence", "{date}")
# Languages whose labels are common noun phrases in sentence case, written with a small first
# letter inside a sentence ("Afirmaciones sobre presos liberados"). English labels may begin with
# a word English always capitalises ("Venezuelan oil exports"), so English keeps them as written.
LABELS_LOWERED_MID_SENTENCE = frozenset({"es"})
# How a figure's claims compare: the site's flag (conflict, differ) and the review digest say these.
COMPARISON_WORDS = {ComparisonState.CONFLICT: N_("Claims conflict"), ComparisonState.DIFFER: N_("Counts differ"),
                    ComparisonState.AGREE: N_("Claims can all hold"), ComparisonState.ONE: N_("One claim"),
                    ComparisonState.NONE: N_("No claims")}


def starting(text: str) -> str:
    """A name as it reads at the start of a heading, a title, a sentence or a line: its first letter
    a capital. A Spanish description names a group in lower case inside a sentence ("afirmaciones
    atribuidas a organizaciones de derechos humanos") and heads its own page as "Organizaciones…"."""
    return text[:1].upper() + text[1:]


class Words:
    """Values, dates and vocabulary in one language."""

    def __init__(self, language: Language | None = None):
        self.language = language or Language()
        self.code = self.language.code

    def number(self, number: float) -> str:
        return self.language.number(number)

    def date(self, day: dt.date) -> str:
        return self.language.date(day)

    def month(self, day: dt.date) -> str:
        return self.language.month(day)

    def value(self, low: float, high: float, is_range: bool, qualifier: str = "exactly",
              gender: str | None = None) -> str:
        """A claim's value as the source put it: 'more than 400', 'about 60–70'; 'entre 60 y 70'."""
        phrase = QUALIFIER_PHRASES[qualifier][1 if is_range else 0]
        gendered = gender is not None and phrase in GENDERED_PHRASES.get(gender, ())
        phrase = self.language.pgettext(gender, phrase) if gendered and gender else self.language.gettext(phrase)
        return phrase.format(amount=self.number(low), low=self.number(low), high=self.number(high))

    def claim_value(self, claim, gender: str | None = None) -> str:
        return self.value(claim.low, claim.high, claim.is_range, claim.qualifier, gender)

    def period(self, period, in_sentence: bool = False) -> str:
        """'12 January 2026', '8 January 2026 to 12 January 2026', 'since 8 January 2026', 'up to
        14 January 2026'; `in_sentence`, a single day as a sentence names it ('el 12 de enero de 2026')."""
        start, end = period.start, period.end
        if start and end and start == end:
            if in_sentence:
                return self.language.pgettext("a day, in a sentence", DAY_IN_SENTENCE).format(date=self.date(start))
            return self.date(start)
        if start and end:
            return self.language.gettext("{start} to {end}").format(start=self.date(start), end=self.date(end))
        if start:
            return self.language.gettext("since {date}").format(date=self.date(start))
        return self.language.gettext("up to {date}").format(date=self.date(end))

    def mid_sentence(self, label: str) -> str:
        """A label as it reads inside a sentence: 'presos liberados' in Spanish; an acronym
        ('EE. UU.', 'PDVSA') or a label in English keeps its capital."""
        if self.code not in LABELS_LOWERED_MID_SENTENCE or label[1:2].isupper():
            return label
        return label[:1].lower() + label[1:]

    def status(self, status: str) -> str:
        return self.language.gettext(STATUS_WORDS[status])

    def kind(self, kind: str) -> str:
        return self.language.gettext(KIND_WORDS[kind])

    def kinds(self, kind: str) -> str:
        return self.language.gettext(KIND_PLURAL_WORDS[kind])

    def basis(self, basis: str | None) -> str | None:
        return self.language.gettext(BASIS_WORDS[basis]) if basis else None

    def comparison(self, state: ComparisonState) -> str:
        return self.language.gettext(COMPARISON_WORDS[state])
