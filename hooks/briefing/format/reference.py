"""The format reference page, generated from the format definition in spec.py."""
from __future__ import annotations

from .spec import CLAIM, ENTRY, FIXED_TOPICS, FORMAT_VERSION, REGISTRIES, SOURCE, UPDATE
from .structure import ListOf, Record
from .types import ID_MAX, ID_PATTERN


def field_rows(record: Record) -> list[dict]:
    return [{"name": f.name, "type": type_words(f.type), "required": "yes" if f.required else "no",
             "doc": f.doc} for f in record.fields]


def type_words(kind) -> str:
    if isinstance(kind, ListOf) and isinstance(kind.item, Record):
        return f"list of {kind.item.name}s" + (f", at least {kind.min_items}" if kind.min_items else "")
    return kind.describe()


def reference_context() -> dict:
    return {
        "version": FORMAT_VERSION, "id_pattern": ID_PATTERN, "id_max": ID_MAX, "fixed_topics": FIXED_TOPICS,
        "entry": field_rows(ENTRY),
        "records": [{"name": r.name, "doc": r.doc, "rows": field_rows(r)} for r in (SOURCE, CLAIM, UPDATE)],
        "registries": [{"name": r.name, "kind": r.kind, "doc": r.doc, "rows": field_rows(r.record)}
                       for r in REGISTRIES],
    }
