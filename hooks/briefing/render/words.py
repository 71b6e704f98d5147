"""The words readers see for values, dates and the format's vocabularies.

Each table has one entry per value of a vocabulary in format/spec.py (qualifiers,
statuses, actor kinds, bases); a test fails if a table and the spec disagree.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

QUALIFIER_WORDS = {
    "exactly": "", "about": "about ", "at-least": "at least ", "more-than": "more than ",
    "at-most": "at most ", "fewer-than": "fewer than ",
}
STATUS_WORDS = {"developing": "Developing", "confirmed": "Confirmed", "disputed": "Disputed"}
KIND_WORDS = {"person": "Person", "organization": "Organization", "government": "Government",
              "media": "Media", "group": "Group"}
KIND_PLURAL_WORDS = {"person": "People", "organization": "Organizations", "government": "Governments",
                     "media": "Media", "group": "Groups"}
BASIS_WORDS = {"announced": "announced", "counted": "counted", "verified": "verified", "estimated": "estimated"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def number_in_words(number: float) -> str:
    """2000 -> '2,000'; 2.5 -> '2.5'; 0.00001 -> '0.00001' (as written, grouped by thousands,
    never in scientific notation: repr gives the shortest digits, Decimal writes them out)."""
    if float(number).is_integer():
        return f"{int(number):,}"
    whole, _, fraction = format(Decimal(repr(float(number))), "f").partition(".")
    return f"{int(whole):,}.{fraction}"


def value_in_words(low: float, high: float, is_range: bool, qualifier: str = "exactly") -> str:
    """A claim's value as the source put it: 'more than 400', 'about 60–70'."""
    amount = number_in_words(low)
    if is_range:
        amount = f"{amount}–{number_in_words(high)}"
    return QUALIFIER_WORDS[qualifier] + amount


def claim_value_words(claim) -> str:
    """A model Claim's value in words."""
    return value_in_words(claim.low, claim.high, claim.is_range, claim.qualifier)


def unit_in_words(figure, claim) -> str:
    """The unit as the value needs it: "1 person", "at least 1 person", "2 people", "60–70 people"
    (the figure's `unit_singular` for a count of exactly one, when it has one)."""
    one = not claim.is_range and claim.low == claim.high == 1
    return figure.unit_singular if one and figure.unit_singular else figure.unit


def date_in_words(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def period_in_words(period) -> str:
    """'12 January 2026', '12–14 January 2026', '30 December 2025 – 2 January 2026',
    'since 8 January 2026', 'up to 14 January 2026'."""
    start, end = period.start, period.end
    if start and end and start == end:
        return date_in_words(start)
    if start and end and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_in_words(end)}"
    if start and end:
        return f"{date_in_words(start)} – {date_in_words(end)}"
    return f"since {date_in_words(start)}" if start else f"up to {date_in_words(end)}"


def month_in_words(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"
