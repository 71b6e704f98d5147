"""Translations: a record's text in the other languages the site publishes.

A record with text a reader sees may carry a block named by a language code (LANGUAGES), which
holds that language's version of its text fields under the same names, with the same types and
limits. Ids, numbers, dates, names, qualifiers, URLs and sources are never translated, so they
have no place in a block: a field there that the record cannot translate is an unknown field.
"""
from __future__ import annotations

from dataclasses import replace

from .structure import Field, Record

LANGUAGES = {"es": "Spanish"}  # besides English, the site's own language


def N_(message: str) -> str:
    """Marks an English text (a field's meaning, a word of a vocabulary) for the translation
    catalogs (render/locale/); it is looked up when a page in another language is made."""
    return message


def NP_(context: str, message: str) -> str:
    """Marks a text whose translation depends on `context` (the grammatical gender of a unit)."""
    return message


def translated(record: Record, names: tuple, required: tuple = (), extra: tuple = ()) -> Record:
    """`record` with an optional block for each language, holding its fields `names` (optional but
    for `required`) and `extra` (fields only a translation needs)."""
    blocks = tuple(Field(code, translation_block(record, language, names, required, extra), False,
                         f"the {language} text of this {record.name} (see Translations below)")
                   for code, language in LANGUAGES.items())
    return Record(record.name, record.fields + blocks, record.doc)


def translation_block(record: Record, language: str, names: tuple, required: tuple, extra: tuple) -> Record:
    fields = tuple(replace(record.by_name[name], required=name in required, default=None) for name in names)
    return Record(f"{record.name} in {language}", fields + extra,
                  doc=f"the {language} version of a {record.name}'s text")


def translatable(record: Record) -> dict[str, tuple[str, ...]]:
    """Language code -> the names of the fields its block may hold."""
    return {code: tuple(f.name for f in record.by_name[code].type.fields)
            for code in LANGUAGES if code in record.by_name}
