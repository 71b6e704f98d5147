"""Each vocabulary of the format is defined once (format/spec.py), and the states of a figure's
comparison once (model/compare.py); every word table, meaning, template, stylesheet, schema and
page that lists one must agree with it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jinja2 import Environment, nodes

from briefing.format.spec import ACTOR_KINDS, BASES, QUALIFIERS, STATUSES
from briefing.model.compare import ComparisonState
from briefing.model.intervals import claim_interval, open_side
from briefing.render.jinja import TEMPLATES
from briefing.render.words import (
    BASIS_WORDS,
    COMPARISON_WORDS,
    KIND_PLURAL_WORDS,
    KIND_WORDS,
    QUALIFIER_PHRASES,
    STATUS_WORDS,
)

from conftest import REPO

STATES = tuple(ComparisonState)
VOCABULARIES = {"qualifier": QUALIFIERS, "status": STATUSES, "kind": ACTOR_KINDS, "basis": BASES, "state": STATES}


@pytest.mark.parametrize("table, vocabulary", [(QUALIFIER_PHRASES, QUALIFIERS), (STATUS_WORDS, STATUSES),
                                               (KIND_WORDS, ACTOR_KINDS), (KIND_PLURAL_WORDS, ACTOR_KINDS),
                                               (BASIS_WORDS, BASES), (COMPARISON_WORDS, STATES)])
def test_every_word_table_covers_exactly_its_vocabulary(table: dict, vocabulary: tuple):
    assert tuple(table) == vocabulary


def test_every_qualifier_has_a_meaning():
    sides = {qualifier: open_side(qualifier) for qualifier in QUALIFIERS}
    assert sides == {"exactly": None, "about": None, "at-least": "above", "more-than": "above",
                     "at-most": "below", "fewer-than": "below"}
    assert all(not claim_interval(60, 70, qualifier).is_empty for qualifier in QUALIFIERS)


def test_the_schema_enumerates_the_spec_vocabularies():
    entry = json.loads((REPO / "schema/briefing-entry.schema.json").read_text())
    claim = entry["properties"]["claims"]["items"]["properties"]
    actors = json.loads((REPO / "schema/briefing-actors.schema.json").read_text())
    assert claim["qualifier"]["enum"] == list(QUALIFIERS)
    assert claim["basis"]["enum"] == list(BASES)
    assert entry["properties"]["status"]["enum"] == list(STATUSES)
    assert actors["additionalProperties"]["properties"]["kind"]["enum"] == list(ACTOR_KINDS)


def compared_values(template: Path) -> list[tuple[str, str]]:
    """(vocabulary, value) for every `x.status == "..."`-like test a template makes, and for
    every value of `x.state in ("...", "...")`."""
    tree = Environment(extensions=["jinja2.ext.i18n"]).parse(template.read_text())  # {% trans %} too
    found = []
    for compare in tree.find_all(nodes.Compare):
        sides = [compare.expr, *(operand.expr for operand in compare.ops)]
        names = [side.attr for side in sides if isinstance(side, nodes.Getattr) and side.attr in VOCABULARIES]
        consts = [item for side in sides for item in (side.items if isinstance(side, nodes.Tuple) else [side])]
        values = [side.value for side in consts if isinstance(side, nodes.Const) and isinstance(side.value, str)]
        found += [(name, value) for name in names for value in values]
    return found


def test_templates_compare_only_values_the_spec_has():
    compared = [pair for path in TEMPLATES.glob("*.j2") for pair in compared_values(path)]
    assert [(name, value) for name, value in compared if value not in VOCABULARIES[name]] == []


def test_the_template_check_can_fail(tmp_path: Path):
    planted = tmp_path / "planted.html.j2"
    planted.write_text('{% if entry.status == "disputd" or "about" == row.qualifier or c.state in ("differ", "odd") %}'
                       'x{% endif %}')
    assert compared_values(planted) == [("status", "disputd"), ("qualifier", "about"), ("state", "differ"),
                                        ("state", "odd")]


def test_status_and_flag_styles_name_only_spec_statuses_and_comparison_states():
    css = (REPO / "docs/assets/briefing.css").read_text()
    assert set(re.findall(r"\.briefing-status--([a-z-]+)", css)) <= set(STATUSES)
    assert set(re.findall(r"\.briefing-flag--([a-z-]+)", css)) <= set(STATES)


@pytest.mark.parametrize("page, row, vocabulary", [
    ("data.md", "| `qualifier` |", QUALIFIERS), ("data.md", "| `basis` |", BASES),
    ("contribute.md", "`kind` is", ACTOR_KINDS), ("contribute.md", "`status` is optional", STATUSES)])
def test_pages_that_list_a_vocabulary_list_all_of_it(page: str, row: str, vocabulary: tuple):
    text = (REPO / "docs" / page).read_text()
    start = text.index(row)
    listed = set(re.findall(r"`([a-z-]+)`", text[start:text.index("\n\n", start)]))
    assert set(vocabulary) <= listed
