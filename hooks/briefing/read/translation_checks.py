"""Checks of the language blocks (format/translations.py) that need the record around them: a
block translates only what the record says in English, and a translation is dated plausibly."""
from __future__ import annotations

from ..format.nodes import Node, node_at
from ..format.problems import Problem, quoted
from ..format.spec import CLAIM, ENTRY, PROPER_NAME_KINDS, REGISTRIES, SOURCE, UPDATE
from ..format.text import display_key
from ..format.translations import LANGUAGES, translatable


def check_entry_translations(path: str, root: Node) -> list[Problem]:
    """The entry's block, and those of its claims and updates."""
    records = [("", root)] + [(f"{name}[{i}]", item) for name in ("claims", "updates", "sources")
                              for i, item in _items(root, name)]
    return [problem for where, record in records for problem in _untranslatable(path, where, record)]


def check_registry_translations(registries: dict) -> list[Problem]:
    problems = []
    for registry in REGISTRIES:
        report = registries[registry.kind]
        root = report.root
        for record_id, record in (root.value.items() if root is not None and root.kind == "map" else ()):
            problems += _untranslatable(report.path, record_id, record)
            if registry.kind == "actor":
                problems += _names_checks(report.path, record_id, record)
    return problems


def _names_checks(path: str, actor_id: str, actor: Node) -> list[Problem]:
    """A person's name is a proper name, never translated (an alias may be translated: "President
    Trump"); a translated alias is not the translated name again."""
    problems = []
    kind = actor.value.get("kind") if actor.kind == "map" else None
    for language, block in _blocks(actor):
        if "name" in block.value and kind is not None and kind.value in PROPER_NAME_KINDS:
            key = block.keys["name"]
            problems.append(Problem(path, key.line, key.col, f"{actor_id}.{language}.name",
                                    f"translates the name of a {kind.value}: a {kind.value}'s name is a proper "
                                    "name, shown as written in every language; remove it"))
        problems += _aliases_repeating_name(path, f"{actor_id}.{language}", block)
    return problems


def _aliases_repeating_name(path: str, where: str, block: Node) -> list[Problem]:
    name, aliases = block.value.get("name"), block.value.get("aliases")
    if name is None or not isinstance(name.value, str) or aliases is None or aliases.kind != "seq":
        return []
    return [Problem(path, alias.line, alias.col, f"{where}.aliases[{i}]",
                    f"repeats the name {quoted(name.value)}; an alias is another way to write it: remove it")
            for i, alias in enumerate(aliases.value)
            if isinstance(alias.value, str) and display_key(alias.value) == display_key(name.value)]


def _blocks(record: Node) -> list[tuple[str, Node]]:
    blocks = [(language, record.value.get(language)) for language in LANGUAGES if record.kind == "map"]
    return [(language, block) for language, block in blocks if block is not None and block.kind == "map"]


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
_TRANSLATABLE = frozenset(name for record in (ENTRY, CLAIM, UPDATE, SOURCE, *(r.record for r in REGISTRIES))
                          for names in translatable(record).values() for name in names)


def _items(root: Node, list_name: str) -> list[tuple[int, Node]]:
    items = node_at(root, list_name)
    if items is root or items.kind != "seq":
        return []
    return [(i, item) for i, item in enumerate(items.value) if item.kind == "map"]
