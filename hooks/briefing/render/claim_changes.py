"""Claims added, removed and changed, in words, by figure; and figures whose comparison moves.

A claim is known by its entry, figure and claimant (and its place among that entry's claims by
the same claimant about the same figure), so a value corrected in place reads as a change, not
as one claim removed and another added.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model.compare import Comparison
from ..model.ledger import Ledger
from ..model.site import Claim, Entry, Site
from .changes import Record, TranslationChange, language_changes
from .words import Words

ENGLISH = Words()


@dataclass(frozen=True)
class ClaimWords:
    """One claim as a reviewer reads it: 'Foro Penal: 49 people, verified, said 12 January 2026'."""

    actor: str
    value: str      # '49', 'more than 400', '60–70'
    unit: str
    basis: str | None
    said_on: str
    scope: str | None
    entry: str      # the entry's title
    path: str       # the entry's file


@dataclass(frozen=True)
class ClaimChange:
    what: str                     # 'added', 'removed', 'changed'
    now: ClaimWords
    was: ClaimWords | None = None  # for 'changed'
    fields: tuple = ()             # for 'changed': the names of the claim's fields that changed


@dataclass(frozen=True)
class FigureChange:
    label: str
    now: str      # 'Counts differ: 60–70 to more than 400 people, 5 claims'
    was: str


def claim_words(site: Site, claim: Claim, entry: Entry, words: Words = ENGLISH) -> ClaimWords:
    """The claim in `words`' language: the digest's in English, an entry's history in its page's."""
    figure = site.figures[claim.figure]
    one = not claim.is_range and claim.low == claim.high == 1
    unit = figure.text_in(words.code, "unit_singular" if one and figure.unit_singular else "unit")
    return ClaimWords(site.actors[claim.by].text_in(words.code, "name"), words.claim_value(claim), unit,
                      words.basis(claim.basis) if words is not ENGLISH else claim.basis,
                      words.date(claim.said_on), claim.text_in(words.code, "scope"), entry.text_in(words.code, "title"),
                      entry.path)


def keyed_claims(site: Site) -> dict:
    """(entry id, figure, claimant, n) -> (claim, entry), n counting repeats within the entry."""
    found = {}
    for entry in site.entries:
        seen: Counter = Counter()
        for claim in entry.claims:
            seen[(claim.figure, claim.by)] += 1
            found[(entry.id, claim.figure, claim.by, seen[(claim.figure, claim.by)])] = (claim, entry)
    return found


def claim_pairs(old: Site, new: Site) -> list[tuple]:
    """(what, (claim, entry) now, (claim, entry) before or None, the fields changed) for each claim
    added, changed or removed, in that order: what the digest and an entry's history tell."""
    before, after = keyed_claims(old), keyed_claims(new)
    pairs = []
    for key, now in after.items():
        if key not in before:
            pairs.append(("added", now, None, ()))
        elif fields := changed_fields(before[key][0], now[0]):
            pairs.append(("changed", now, before[key], fields))
    pairs += [("removed", was, None, ()) for key, was in before.items() if key not in after]
    return pairs


def claim_changes(old: Site, new: Site) -> dict[str, list[ClaimChange]]:
    """Figure label -> the claims added, removed and changed about it, in that order."""
    changes: list[tuple[str, ClaimChange]] = []
    for what, now, was, fields in claim_pairs(old, new):
        site = old if what == "removed" else new
        change = ClaimChange(what, claim_words(site, *now), claim_words(old, *was) if was else None, fields)
        changes.append((site.figures[now[0].figure].label, change))
    by_figure: dict[str, list[ClaimChange]] = {}
    order = {"added": 0, "removed": 1, "changed": 2}
    for label, change in sorted(changes, key=lambda item: (item[0].casefold(), order[item[1].what])):
        by_figure.setdefault(label, []).append(change)
    return by_figure


def changed_fields(old: Claim, new: Claim) -> tuple:
    """The fields of a claim that differ (its translations are the translations' business:
    changes.py); 'value' for its low and high end and whether it is a range."""
    names = [name for name in old.__dict__ if name != "translations" and getattr(old, name) != getattr(new, name)]
    value = {"low", "high", "is_range"}
    return tuple(dict.fromkeys("value" if name in value else name for name in names))


def figure_changes(old: Site, new: Site) -> list[FigureChange]:
    """Figures whose comparison (its state, its spread or its number of claims) changes."""
    before, after = Ledger(old).comparisons, Ledger(new).comparisons
    changes = []
    for figure_id, figure in new.figures.items():
        now = comparison_words(new, after[figure_id])
        was = comparison_words(old, before[figure_id]) if figure_id in before else "a new figure"
        if now != was:
            changes.append(FigureChange(figure.label, now, was))
    return changes


def comparison_words(site: Site, comparison: Comparison) -> str:
    count = len(comparison.claims)
    state = ENGLISH.comparison(comparison.state)  # the site's words for it
    if not comparison.lowest or not comparison.highest:
        return state
    low, high = comparison.lowest.claim, comparison.highest.claim
    unit = site.figures[low.figure].unit
    spread = ENGLISH.claim_value(low) if low == high else f"{ENGLISH.claim_value(low)} to {ENGLISH.claim_value(high)}"
    return f"{state}: {spread} {unit}, {count} {'claim' if count == 1 else 'claims'}"


def claim_translation_changes(old: Site, new: Site, language: str) -> list[TranslationChange]:
    """The language blocks of claims (their scope and quote) added, removed or changed."""
    before = keyed_claims(old)
    found = []
    for key, (claim, entry) in keyed_claims(new).items():
        if key in before and before[key][0] == claim:
            continue
        who = f"{new.actors[claim.by].name} about {new.figures[claim.figure].label}"
        record = Record("claim", key[0], f"the claim of {who} in {entry.title}", entry.path)
        found += language_changes(record, language, before.get(key, (None,))[0], claim)
    return found
