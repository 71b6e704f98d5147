"""Checks of the language blocks (format/translations.py) that need the record around them: a
block translates only what the record says in English, and a translation is dated plausibly."""
from __future__ import annotations

from ..format.nodes import Node, node_at
from ..format.problems import Problem
from ..format.spec import CLAIM, ENTRY, REGISTRIES, UPDATE
from ..format.translations import LANGUAGES, translatable


def check_entry_translations(path: str, root: Node) -> list[Problem]:
    """The entry's block, and those of its claims and updates."""
    records = [("", root)] + [(f"{name}[{i}]", item) for name in ("claims", "updates")
                              for i, item in _items(root, name)]
    return [problem for where, record in records for problem in _untranslatable(path, where, record)]


def check_registry_translations(registries: dict) -> list[Problem]:
    problems = []
    for registry in REGISTRIES:
        report = registries[registry.kind]
        root = report.root
        for record_id, record in (root.value.items() if root is not None and root.kind == "map" else ()):
            problems += _untranslatable(report.path, record_id, record)
    return problems


def _untranslatable(path: str, where: str, record: Node) -> list[Problem]:
    """A field of a language block that the record does not have in English has nothing to
    translate: the English comes first (readers of both languages see the same facts)."""
    if record.kind != "map":
        return []
    problems = []
    for language in LANGUAGES:
        block = record.value.get(language)
        for name in (block.value if block is not None and block.kind == "map" else ()):
            english = record.value.get(name)
            has_english = english is not None and english.value not in (None, "")
            if has_english or name in _NOT_ENGLISH or name not in _TRANSLATABLE:
                continue  # (an unknown field has a problem of its own)
            field = f"{where}.{language}.{name}" if where else f"{language}.{name}"
            problems.append(Problem(path, block.keys[name].line, block.keys[name].col, field,
                                    f"translates {name}, which this record does not have in English; "
                                    "write the English first, or remove it"))
    return problems


_NOT_ENGLISH = frozenset({"translated_on", "unit_gender"})  # fields only a translation has
_TRANSLATABLE = frozenset(name for record in (ENTRY, CLAIM, UPDATE, *(r.record for r in REGISTRIES))
                          for names in translatable(record).values() for name in names)


def _items(root: Node, list_name: str) -> list[tuple[int, Node]]:
    items = node_at(root, list_name)
    if items is root or items.kind != "seq":
        return []
    return [(i, item) for i, item in enumerate(items.value) if item.kind == "map"]
