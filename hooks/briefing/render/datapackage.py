"""data/datapackage.json: the open data described in the Frictionless Data Package standard, made
from the one definition of the format (format/spec.py) and the one list of claims.csv's columns
(opendata.CLAIM_COLUMNS), so the description cannot drift from the files or from the validator.

Each column of claims.csv comes from a field of the format (COLUMN_ORIGINS): its Table Schema type
and constraints are read from that field's JSON Schema (the one schema.py publishes), its
description from the field's meaning, in the build's language. The codebook page (codebook.py)
shows the same description to readers.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..format.marks import N_
from ..format.spec import ACTOR, CLAIM, FIGURE, FORMAT_VERSION, SOURCE
from ..format.structure import Field, Record
from ..format.types import Id
from .opendata import CLAIM_COLUMNS, LICENCE
from .words import QUALIFIER_PHRASES

ENTRY_ID = Record("entry id", (Field("id", Id(), True),))  # an entry's id is its file's name, not a field
# Where each column's values come from (a record of the format and its field, read when the package
# is made); a column's note says what the column holds, when the field's meaning alone does not.
COLUMN_ORIGINS = {
    "figure": (CLAIM, "figure", ""), "figure_label": (FIGURE, "label", N_("the figure's label")),
    "unit": (FIGURE, "unit", N_("the figure's unit")), "actor": (CLAIM, "by", ""),
    "actor_name": (ACTOR, "name", N_("the name of who made the claim")),
    "low": (CLAIM, "value", N_("the value, or the low end of a range")),
    "high": (CLAIM, "value", N_("the value again, or the high end of a range")),
    "is_range": (None, "", N_("`true` when the source gave a range, e.g. `[60, 70]`")),
    "qualifier": (CLAIM, "qualifier", ""), "basis": (CLAIM, "basis", ""),
    "said_on": (CLAIM, "said_on", N_("when the claim was made")),
    "scope": (CLAIM, "scope", ""), "quote": (CLAIM, "quote", ""),
    "entry": (ENTRY_ID, "id", N_("the id of the entry that reports the claim")),
    "entry_url": (None, "", N_("the entry's page")),
    "source_title": (SOURCE, "title", N_("the source the claim was read in")),
    "source_url": (SOURCE, "url", N_("the source's address, when one is known")),
}
BOOLEAN = {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
URL = {"type": "string", "format": "uri"}
_MARKUP = re.compile(r"<[^>]+>")  # a catalog's lang marks in a field's meaning (for the pages, not programs)
FORMULA_NOTE = N_("A text cell that starts with =, +, - or @ is written with a leading apostrophe, so that "
                  "spreadsheets show it as text.")


def table_type(schema: dict) -> dict:
    """A Table Schema type and constraints for a field whose JSON Schema is `schema`. Text keeps no
    length limit: a cell may carry the apostrophe that keeps a formula from running (opendata.py)."""
    if "enum" in schema:
        return {"type": "string", "constraints": {"enum": list(schema["enum"])}}
    if schema.get("format") == "date":
        return {"type": "date"}
    if schema.get("format") == "uri":
        return dict(URL)
    if "oneOf" in schema:  # a claim's value: one number, or [low, high]; a column holds one number
        return {"type": "number", "constraints": {"minimum": schema["oneOf"][0]["minimum"]}}
    if "pattern" in schema and "minLength" not in schema:  # an id
        return {"type": "string", "constraints": {"pattern": schema["pattern"].strip("^$")}}
    return {"type": "string"}


def qualifier_meanings(gettext: Callable[[str], str]) -> str:
    """'`exactly`: N; `about`: about N; ...': what each qualifier says of a value N."""
    return "; ".join(f"`{name}`: {gettext(single).format(amount='N')}"
                     for name, (single, _) in QUALIFIER_PHRASES.items())


def column_meaning(column: str, gettext: Callable[[str], str]) -> str:
    """What a column holds, as the catalog words it: Markdown code spans, and in a translation the
    <span lang="en"> marks around examples left in English. The codebook page shows the marks; the
    package drops them (column_field), as its descriptions are plain text."""
    record, name, note = COLUMN_ORIGINS[column]
    field = record.by_name[name] if record else None
    words = [gettext(note) if note else "", gettext(field.doc) if field is not None and field.doc else ""]
    if column == "qualifier":
        words.append(qualifier_meanings(gettext))
    return "; ".join(word for word in words if word)


def column_field(column: str, gettext: Callable[[str], str]) -> dict:
    record, name, _note = COLUMN_ORIGINS[column]
    field = record.by_name[name] if record else None
    kind = BOOLEAN if column == "is_range" else URL if field is None else table_type(field.type.schema())
    described = {"name": column, **kind, "description": _MARKUP.sub("", column_meaning(column, gettext))}
    if field is None or field.required or field.default is not None:  # a cell the writer always fills
        described.setdefault("constraints", {})["required"] = True
    return described


def claims_schema(gettext: Callable[[str], str]) -> dict:
    return {"fields": [column_field(column, gettext) for column in CLAIM_COLUMNS], "missingValues": [""]}


def data_package(gettext: Callable[[str], str], site_name: str, base_url: str) -> dict:
    """The package: claims.csv as a table with its schema, briefings.json described (its records
    are the format's, whose JSON Schemas are published in schema/)."""
    claims = {"name": "claims", "path": "claims.csv", "profile": "tabular-data-resource", "format": "csv",
              "mediatype": "text/csv", "encoding": "utf-8", "title": gettext("Claims"),
              "description": gettext("One row per claim: who claimed what value of which figure, when, and where "
                                     "it was reported.") + " " + gettext(FORMULA_NOTE),
              "dialect": {"delimiter": ",", "quoteChar": '"', "lineTerminator": "\r\n", "header": True},
              "schema": claims_schema(gettext)}
    briefings = {"name": "briefings", "path": "briefings.json", "format": "json", "mediatype": "application/json",
                 "encoding": "utf-8", "title": gettext("Briefings"),
                 "description": gettext("Every entry, normalised, with the topics, actors and figures registries "
                                        "and the format version (format version {version}); each entry's fields are "
                                        "described by the JSON Schema {schema}.").format(
                     version=FORMAT_VERSION, schema=base_url.rstrip("/") + "/schema/briefing-entry.schema.json")}
    return {"profile": "data-package", "name": "briefing", "title": site_name, "homepage": base_url,
            "licenses": [{"name": "CC-BY-4.0", "path": LICENCE.split("(")[1].rstrip(")"), "title": LICENCE}],
            "resources": [claims, briefings]}
