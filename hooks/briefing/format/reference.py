"""The format reference page, generated from the format definition in spec.py."""
from __future__ import annotations

from .markdown import MAX_LINES, MAX_NESTED_ON_A_LINE, MAX_OPENERS, MAX_PARAGRAPH
from .spec import (
    BOTTOM_LINE,
    CLAIM,
    EARLIEST_DATE,
    ENTRY,
    FIXED_TOPICS,
    FORMAT_VERSION,
    FUTURE_MARGIN,
    PERIOD,
    REGISTRIES,
    SOURCE,
    UPDATE,
)
from .structure import ListOf, Record
from .types import ID_MAX, ID_PATTERN


def field_rows(record: Record) -> list[dict]:
    return [{"name": f.name, "type": type_words(f.type), "required": "yes" if f.required else "no",
             "doc": f.doc} for f in record.fields]


def type_words(kind) -> str:
    if isinstance(kind, ListOf) and isinstance(kind.item, Record):
        return f"list of {kind.item.name}s" + (f", at least {kind.min_items}" if kind.min_items else "")
    if isinstance(kind, Record):
        return f"a {kind.name} (a mapping, below)"
    return kind.describe()


def limits() -> dict:
    """The limits the validator applies beyond each field's type, as the reference states them."""
    return {"earliest_date": EARLIEST_DATE.isoformat(), "future_days": FUTURE_MARGIN.days,
            "max_openers": MAX_OPENERS, "max_lines": MAX_LINES, "max_paragraph": MAX_PARAGRAPH,
            "max_nested": MAX_NESTED_ON_A_LINE, "max_bytes_kib": 256}


def reference_context() -> dict:
    return {
        "version": FORMAT_VERSION, "id_pattern": ID_PATTERN, "id_max": ID_MAX, "fixed_topics": FIXED_TOPICS,
        "limits": limits(),
        "entry": field_rows(ENTRY),
        "records": [{"name": r.name, "doc": r.doc, "rows": field_rows(r)}
                    for r in (SOURCE, CLAIM, PERIOD, UPDATE, BOTTOM_LINE)],
        "registries": [{"name": r.name, "kind": r.kind, "doc": r.doc, "rows": field_rows(r.record)}
                       for r in REGISTRIES],
    }
