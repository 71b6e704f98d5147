"""The format reference page, generated from the format definition in spec.py.

Every word the page takes from the definition (records' names, fields' meanings, types' words)
is an English msgid (marked N_() where it is written); `gettext` gives it in the page's language.
English needs no catalog: the default gives each text as written. Numbers and dates the page
states (limits) are written by `number` and `date`, which render/ gives in the page's language
("100.000", "1 de enero de 1999"); the defaults write them as Python does.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .markdown import (
    INDENT_PER_LEVEL,
    MAX_INLINE_MARKS,
    MAX_LINES,
    MAX_NESTING,
    MAX_OPENER_SCAN,
    MAX_OPENERS,
    MAX_PARAGRAPH,
)
from .marks import N_
from .spec import (
    BOTTOM_LINE,
    BRIEFINGS,
    CLAIM,
    EARLIEST_DATE,
    ENTRY,
    ENTRY_FILE,
    FIXED_TOPICS,
    FORMAT_VERSION,
    FUTURE_MARGIN,
    PERIOD,
    REGISTRIES,
    SOURCE,
    UPDATE,
)
from .structure import ListOf, Record
from .translations import BLOCK_DOC, BLOCK_NAME, LANGUAGES, translatable
from .types import ID_MAX, ID_PATTERN

RECORDS = (SOURCE, CLAIM, PERIOD, UPDATE, BOTTOM_LINE)  # each has a section of its own, after the entry's


def field_rows(record: Record, gettext: Callable[[str], str] = N_, number: Callable[[int], str] = str) -> list[dict]:
    rows = []
    for field in record.fields:
        kind, meaning = (block_words(record, field.name, gettext) if field.name in LANGUAGES
                         else (type_words(field.type, gettext, number), gettext(field.doc) if field.doc else ""))
        rows.append({"name": field.name, "type": kind, "required": gettext("yes") if field.required else gettext("no"),
                     "doc": meaning})
    return rows


def block_words(record: Record, code: str, gettext: Callable[[str], str]) -> tuple[str, str]:
    """The type and meaning of a record's language block, which name the record and the language."""
    names = {"record": gettext(record.name), "language": gettext(LANGUAGES[code])}
    block = gettext(BLOCK_NAME).format(**names)
    return mapping_words(record.name, block, gettext), gettext(BLOCK_DOC).format(**names)


def mapping_words(name: str, shown: str, gettext: Callable[[str], str]) -> str:
    """'a period (a mapping, below)'; 'an entry in Spanish (...)' before a vowel."""
    if name[:1] in "aeiou":
        return gettext("an {record} (a mapping, below)").format(record=shown)
    return gettext("a {record} (a mapping, below)").format(record=shown)


def type_words(kind, gettext: Callable[[str], str] = N_, number: Callable[[int], str] = str) -> str:
    if isinstance(kind, Record):
        return mapping_words(kind.name, gettext(kind.name), gettext)
    return kind.describe(gettext, number)


def limits(number: Callable[[int], str] = str, date: Callable[[dt.date], str] = dt.date.isoformat) -> dict:
    """The limits the validator applies beyond each field's type, as the reference states them."""
    counts = {"future_days": FUTURE_MARGIN.days, "max_openers": MAX_OPENERS, "max_scan": MAX_OPENER_SCAN,
              "max_marks": MAX_INLINE_MARKS, "max_lines": MAX_LINES, "max_paragraph": MAX_PARAGRAPH,
              "max_nested": MAX_NESTING, "indent": INDENT_PER_LEVEL, "max_bytes_kib": 256}
    return {"earliest_date": date(EARLIEST_DATE), **{name: number(count) for name, count in counts.items()}}


def article(name: str, gettext) -> str:
    """'A {record}' or, before a vowel, 'An {record}' ("An update"), in the page's language."""
    return gettext("An {record}") if name[:1] in "aeiou" else gettext("A {record}")


def first_upper(text: str) -> str:
    """A heading's first letter in capitals, the rest as written (a language may put the name first)."""
    return text[:1].upper() + text[1:]


def code_list(names) -> str:
    return ", ".join(f"`{name}`" for name in names)


def translated_records(gettext: Callable[[str], str]) -> list[tuple[Record, str]]:
    """Each record that may carry language blocks, and where it is written: the entry, the records
    of its lists (claims, updates), the registries' records."""
    found = [(ENTRY, f"`{BRIEFINGS}/YYYY/MM/{ENTRY_FILE}`")]
    found += [(field.type.item, gettext("an item of an entry's `{field}`").format(field=field.name))
              for field in ENTRY.fields if isinstance(field.type, ListOf) and isinstance(field.type.item, Record)]
    found += [(registry.record, f"`{BRIEFINGS}/{registry.name}`") for registry in REGISTRIES]
    return [(record, where) for record, where in found if translatable(record)]


def translations_context(gettext: Callable[[str], str] = N_) -> dict:
    """The Translations section: which fields each record's blocks hold (all languages' blocks hold
    the same, translations.py), which of them are required, and the fields only a block has."""
    blocks, extra = [], []
    for record, where in translated_records(gettext):
        block = record.by_name[next(iter(LANGUAGES))].type
        required = [field.name for field in block.fields if field.required]
        blocks.append({"record": gettext(record.name), "where": where, "fields": code_list(block.by_name),
                       "required": code_list(required) if required else gettext("none")})
        extra += [{"record": gettext(record.name), **row} for row in field_rows(block, gettext)
                  if row["name"] not in record.by_name]
    languages = ", ".join(f"{gettext(name)} (`{code}`)" for code, name in LANGUAGES.items())
    return {"languages": languages, "codes": code_list(LANGUAGES), "blocks": blocks, "extra": extra}


def reference_context(gettext: Callable[[str], str] = N_, number: Callable[[int], str] = str,
                      date: Callable[[dt.date], str] = dt.date.isoformat) -> dict:
    """What templates/format.md.j2 places, in the language of `gettext`, `number` and `date`
    (English words, Python's digits and ISO dates by default)."""
    return {
        "version": FORMAT_VERSION, "id_pattern": ID_PATTERN, "id_max": number(ID_MAX),
        "fixed_topics": code_list(FIXED_TOPICS), "limits": limits(number, date),
        "entry": field_rows(ENTRY, gettext, number),
        "records": [{"heading": first_upper(article(r.name, gettext).format(record=gettext(r.name))),
                     "doc": gettext(r.doc), "rows": field_rows(r, gettext, number)} for r in RECORDS],
        "registries": [{"name": r.name, "kind": gettext(r.record.name), "doc": gettext(r.doc),
                        "rows": field_rows(r.record, gettext, number)} for r in REGISTRIES],
        "translations": translations_context(gettext),
    }
