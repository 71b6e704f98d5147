"""JSON Schema (draft 2020-12) generated from the format definition in spec.py.

The committed copies in schema/ are checked against this by a test, so the
schema editors use can never drift from the checks the build runs.
"""
from __future__ import annotations

import json

from .spec import BRIEFINGS, ENTRY, ENTRY_FILE, FORMAT_VERSION, REGISTRIES

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ENTRY_SCHEMA_FILE = "briefing-entry.schema.json"


def entry_schema() -> dict:
    return {"$schema": SCHEMA_DIALECT, "$id": ENTRY_SCHEMA_FILE,
            "title": f"Briefing entry (format version {FORMAT_VERSION})",
            "description": f"One file per entry: {BRIEFINGS}/YYYY/MM/{ENTRY_FILE}",
            **ENTRY.schema()}


def registry_schema(registry) -> dict:
    return {"$schema": SCHEMA_DIALECT, "$id": registry_schema_file(registry),
            "title": f"briefings/{registry.name} (format version {FORMAT_VERSION})",
            "description": registry.doc, **registry.schema()}


def registry_schema_file(registry) -> str:
    return f"briefing-{registry.kind}s.schema.json"


def all_schemas() -> dict:
    """File name -> schema text, exactly as committed in schema/."""
    schemas = {ENTRY_SCHEMA_FILE: entry_schema()}
    schemas.update({registry_schema_file(r): registry_schema(r) for r in REGISTRIES})
    return {name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for name, schema in schemas.items()}


def write_schemas(folder) -> None:
    for name, text in all_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
