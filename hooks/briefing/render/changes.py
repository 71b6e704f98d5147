"""Records added, removed and changed between two models, field by field, and their translations:
the one comparison that the review digest (review/) and each entry's history (history.py) tell.

Records are compared as open data publishes them (render/opendata.plain), so a change the
digest reports is a change a reader of the data sees. Claims are compared in claim_changes.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..format.translations import LANGUAGES
from ..model.site import Entry, Site
from .opendata import plain

KINDS = (("entry", "entries", "title"), ("topic", "topics", "title"), ("actor", "actors", "name"),
         ("figure", "figures", "label"))
SHORT = 80  # a value shown as old → new is one line of at most this many characters
NOT_COMPARED = frozenset({"claims", "translations"})  # claims: claim_changes.py; translations: below


@dataclass(frozen=True)
class Record:
    kind: str
    id: str
    title: str
    path: str | None = None   # an entry's file


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: str | None  # None: too long to show (or, for a field added or removed, absent)
    new: str | None
    shown: bool      # old → new can be shown


@dataclass(frozen=True)
class RecordChange:
    record: Record
    fields: tuple    # FieldChange


@dataclass(frozen=True)
class TranslationChange:
    record: Record
    language: str
    what: str        # 'added', 'removed', 'changed', 'now stale'
    why: str = ""    # for 'now stale': what makes it so
    fields: tuple = ()


def records_of(site: Site) -> dict:
    """(kind, id) -> (Record, the record's model object), every record of the site."""
    found = {}
    for kind, attribute, title in KINDS:
        values = getattr(site, attribute)
        for item in (values if isinstance(values, tuple) else values.values()):
            found[(kind, item.id)] = (Record(kind, item.id, getattr(item, title), getattr(item, "path", None)), item)
    return found


def record_changes(old: Site, new: Site) -> tuple[list, list, list]:
    """Records added, removed, and changed (with the fields that changed), in kind order."""
    before, after = records_of(old), records_of(new)
    added = [after[key][0] for key in after if key not in before]
    removed = [before[key][0] for key in before if key not in after]
    changed = []
    for key in after.keys() & before.keys():
        if before[key][1] == after[key][1]:
            continue
        fields = field_changes(plain(before[key][1]), plain(after[key][1]))
        if fields:
            changed.append(RecordChange(after[key][0], tuple(fields)))
    order = {kind: i for i, (kind, _, _) in enumerate(KINDS)}
    changed.sort(key=lambda change: (order[change.record.kind], change.record.id))
    return added, removed, changed


def field_changes(old: dict, new: dict) -> list[FieldChange]:
    changes = []
    for name in dict.fromkeys([*old, *new]):
        if name in NOT_COMPARED or name in LANGUAGES or old.get(name) == new.get(name):
            continue
        before, after = shown(old.get(name)), shown(new.get(name))
        changes.append(FieldChange(name, before, after, before is not None or after is not None))
    old_claims, new_claims = old.get("claims") or [], new.get("claims") or []
    if old_claims != new_claims:  # the claims themselves are told in claim_changes.py; here, how many
        count = lambda claims: f"{len(claims)} claim{'' if len(claims) == 1 else 's'}"  # noqa: E731
        changes.append(FieldChange("claims", count(old_claims), count(new_claims), len(old_claims) != len(new_claims)))
    return changes


def shown(value) -> str | None:
    """A value as one short line ('detentions, diplomacy'), '(none)' for no value, or None if too long."""
    if value is None or value == [] or value == "":
        return "(none)"
    if isinstance(value, list) and all(isinstance(item, (str, int, float)) for item in value):
        text = ", ".join(map(str, value))
    elif isinstance(value, (dict, list)):
        return None
    else:
        text = str(value)
    return text if len(text) <= SHORT and "\n" not in text else None


def translation_changes(old: Site, new: Site) -> list[TranslationChange]:
    """Language blocks added, removed or changed, and entries whose translation is now stale."""
    before, after = records_of(old), records_of(new)
    found = []
    for key, (record, item) in after.items():
        previous = before.get(key, (None, None))[1]
        if previous == item:
            continue
        for language in LANGUAGES:
            found += language_changes(record, language, previous, item)
    return found


def language_changes(record: Record, language: str, old, new) -> list[TranslationChange]:
    was: dict = (plain(old).get(language) if old is not None else None) or {}
    now: dict = plain(new).get(language) or {}
    if now and not was:
        return [TranslationChange(record, language, "added")]
    if was and not now:
        return [TranslationChange(record, language, "removed")]
    if not now:
        return []
    changes = []
    if was != now:
        changes.append(TranslationChange(record, language, "changed", fields=tuple(field_changes(was, now))))
    stale = why_stale(old, new, language) if isinstance(new, Entry) else ""
    if stale:
        changes.append(TranslationChange(record, language, "now stale", stale))
    return changes


def why_stale(old: Entry | None, new: Entry, language: str) -> str:
    """Why the entry's translation no longer matches its English, when this change makes it so."""
    translation = new.translation(language)
    translated_on = translation.get("translated_on") if translation else None
    if old is None or translated_on is None:
        return ""
    earlier = old.translation(language)
    was_translated_on = earlier.get("translated_on") if earlier else None
    if translated_on != was_translated_on:
        return ""  # the translator brought it up to date in this very change
    if new.updated > translated_on >= old.updated:
        return f"the entry was updated on {new.updated.isoformat()}, after its translation of {translated_on}"
    edited = [name for name in ("title", "summary", "body", "place") if getattr(old, name) != getattr(new, name)]
    if edited:
        return f"its English {', '.join(edited)} changed; the translation of {translated_on.isoformat()} did not"
    return ""
