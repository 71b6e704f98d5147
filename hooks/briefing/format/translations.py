"""Translations: a record's text in the other languages the site publishes.

A record with text a reader sees may carry a block named by a language code (LANGUAGES), which
holds that language's version of its text fields under the same names, with the same types and
limits. Ids, numbers, dates, names, qualifiers, URLs and sources are never translated, so they
have no place in a block: a field there that the record cannot translate is an unknown field.
"""
from __future__ import annotations

from dataclasses import replace

from .marks import N_
from .marks import NP_ as NP_  # marks.py holds both; render/ imports them from here
from .structure import Field, Record

# English: the language the records are written in (a block holds another language's text), and
# so the site's default, at the root. Tables keyed by language code hold "en" as data.
SOURCE_LANGUAGE = "en"
LANGUAGES = {"es": N_("Spanish")}  # besides SOURCE_LANGUAGE, the site's own language
# A block's own words, which the format reference translates ({record}: the record's name).
BLOCK_NAME = N_("{record} in {language}")
BLOCK_DOC = N_("the {language} text of this {record} (see Translations below)")


def translated(record: Record, names: tuple, required: tuple = (), extra: tuple = ()) -> Record:
    """`record` with an optional block for each language, holding its fields `names` (optional but
    for `required`) and `extra` (fields only a translation needs)."""
    blocks = tuple(Field(code, translation_block(record, language, names, required, extra), False,
                         BLOCK_DOC.format(language=language, record=record.name))
                   for code, language in LANGUAGES.items())
    return Record(record.name, record.fields + blocks, record.doc)


def translation_block(record: Record, language: str, names: tuple, required: tuple, extra: tuple) -> Record:
    fields = tuple(replace(record.by_name[name], required=name in required, default=None) for name in names)
    return Record(BLOCK_NAME.format(record=record.name, language=language), fields + extra,
                  doc=f"the {language} version of a {record.name}'s text")


def translatable(record: Record) -> dict[str, tuple[str, ...]]:
    """Language code -> the names of the fields its block may hold."""
    return {code: tuple(f.name for f in record.by_name[code].type.fields)
            for code in LANGUAGES if code in record.by_name}
