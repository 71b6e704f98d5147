"""Lists, records and registries: the containers the field types sit in."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .marks import N_
from .nodes import Node
from .problems import did_you_mean, quoted
from .text import display_key
from .types import INVALID, Id, Reader, Text, got_words


@dataclass(frozen=True)
class Field:
    name: str
    type: Any
    required: bool = False
    doc: str = ""
    default: Any = None


@dataclass(frozen=True)
class ListOf:
    item: Any
    min_items: int = 0
    unique: bool = False
    noun: str = N_("items")  # in the reference's words and in problems: "expected a list of tags"
    example: str = "a list, one '- ' line each"

    def read(self, node: Node, field_path: str, reader: Reader) -> Any:
        if node.kind != "seq":
            reader.report(node, field_path,
                          f"expected a list of {self.noun}, got {got_words(node)}; write {self.example}")
            return INVALID
        if len(node.value) < self.min_items:
            reader.report(node, field_path, f"is an empty list; it needs at least one, e.g. {self.example}")
            return INVALID
        values = [self.item.read(item, f"{field_path}[{i}]", reader) for i, item in enumerate(node.value)]
        if self.unique:
            _report_repeats(node, values, field_path, reader, by_look=isinstance(self.item, Text))
        return INVALID if INVALID in values else values

    def schema(self) -> dict:
        out = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.unique:
            out["uniqueItems"] = True
        return out

    def describe(self, gettext: Callable[[str], str] = N_, number: Callable[[int], str] = str) -> str:
        if self.min_items:
            words = gettext("list of {noun}, at least {count}")
            return words.format(noun=gettext(self.noun), count=number(self.min_items))
        return gettext("list of {noun}").format(noun=gettext(self.noun))


@dataclass(frozen=True)
class Record:
    """A mapping with named fields; unknown fields are errors.

    Reading is the hot loop of a validation (once for each record of every file), so the
    tables it needs are made once, from `fields`, when the record is defined: which fields are
    required, and the default of each, in the order of `fields`."""

    name: str
    fields: tuple
    doc: str = ""
    by_name: dict = field(default_factory=dict, compare=False, hash=False)
    required: tuple = field(default=(), init=False, compare=False, hash=False, repr=False)
    defaults: tuple = field(default=(), init=False, compare=False, hash=False, repr=False)

    def __post_init__(self):
        self.by_name.update({f.name: f for f in self.fields})
        object.__setattr__(self, "required", tuple(f.name for f in self.fields if f.required))
        object.__setattr__(self, "defaults", tuple((f.name, f.default) for f in self.fields))

    def read(self, node: Node, field_path: str, reader: Reader) -> Any:
        if node.kind != "map":
            reader.report(node, field_path or "(file)", f"expected a mapping of fields, got {got_words(node)}")
            return INVALID
        out, ok, suggested, by_name = {}, True, set(), self.by_name
        for name, value_node in node.value.items():
            path = f"{field_path}.{name}" if field_path else name
            spec = by_name.get(name)
            if spec is None:
                ok = False
                suggested.add(self._report_unknown(node, name, path, reader))
            elif value_node.kind == "scalar" and (value_node.value is None or not value_node.value.strip()):  # blank
                ok &= self._read_blank(spec, value_node, path, reader)
            else:
                value = out[name] = spec.type.read(value_node, path, reader)
                ok &= value is not INVALID
        if len(out) < len(self.defaults):  # a field absent, blank or unknown: required ones are missed
            ok &= self._fill_absent(node, field_path, reader, out, suggested)
        return out if ok else INVALID

    def _report_unknown(self, node: Node, name: str, path: str, reader: Reader) -> str | None:
        """Report a field the record does not have; the known field it suggests instead, if any."""
        hint = did_you_mean(name, self.by_name)
        reader.report(node.keys[name], path, f"unknown field {quoted(name)}"
                      f"{hint or '; known fields: ' + ', '.join(self.by_name)}")
        return hint.split("'")[1] if hint else None

    def _fill_absent(self, node: Node, field_path: str, reader: Reader, out: dict, suggested: set) -> bool:
        """Report each required field `node` lacks (unless a typo of it was reported already), and
        give each field left out of `out` its default, in the order of the fields. False if one
        was missing."""
        ok = True
        for name in self.required:
            if name not in node.value:
                if name not in suggested:
                    reader.report(node, f"{field_path}.{name}" if field_path else name, "is missing; it is required")
                ok = False
        for name, default in self.defaults:
            if name not in out:
                out[name] = default
        return ok

    @staticmethod
    def _read_blank(spec: Field, node: Node, path: str, reader: Reader) -> bool:
        """An empty value: fine for an optional field left blank, else a problem."""
        if spec.required:
            reader.report(node, path, "is empty; it is required")
            return False
        if node.value is not None:  # quoted "" or "   "
            reader.report(node, path, "is empty; write a value or remove the field")
            return False
        return True

    def schema(self) -> dict:
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [f.name for f in self.fields if f.required],
            "properties": {f.name: {**f.type.schema(), "description": f.doc} for f in self.fields},
        }

    def describe(self, gettext: Callable[[str], str] = N_, number: Callable[[int], str] = str) -> str:
        return gettext(self.name)


@dataclass(frozen=True)
class Registry:
    """A file mapping ids to records: topics.yaml, actors.yaml, figures.yaml."""

    name: str
    kind: str
    record: Record
    doc: str = ""

    def read(self, node: Node, reader: Reader) -> dict:
        if node.kind != "map":
            reader.report(node, "(file)",
                          f"expected a mapping from {self.kind} id to its fields, got {got_words(node)}")
            return {}
        out = {}
        for key, value_node in node.value.items():
            if Id().read(node.keys[key], key, reader) is INVALID:
                continue
            value = self.record.read(value_node, key, reader)
            if value is not INVALID:
                out[key] = value
        return out

    def schema(self) -> dict:
        return {"type": "object", "minProperties": 1, "propertyNames": Id().schema(),
                "additionalProperties": self.record.schema()}


def _report_repeats(node: Node, values: list, field_path: str, reader: Reader, by_look: bool) -> None:
    """Ids repeat when they are equal; text (tags, aliases) when it displays alike ('Oil', 'oil')."""
    seen: dict[str, str] = {}
    for i, value in enumerate(values):
        if value is INVALID or not isinstance(value, str):
            continue
        key = display_key(value) if by_look else value
        if key in seen:
            alike = f" (it looks the same as {quoted(seen[key])})" if seen[key] != value else ""
            reader.report(node.value[i], f"{field_path}[{i}]", f"{quoted(value)} is listed twice{alike}")
        seen.setdefault(key, value)


def field_paths(kind: Any, wanted: type) -> list[tuple[str, ...]]:
    """The paths to every field of type `wanted` in a record, as steps ("[]" steps into each item
    of a list): ("claims", "[]", "said_on"). Checks that apply to every date read them from here,
    so a date field added to the format gets them without being listed again."""
    if isinstance(kind, wanted):
        return [()]
    if isinstance(kind, ListOf):
        return [("[]", *rest) for rest in field_paths(kind.item, wanted)]
    if isinstance(kind, Record):
        return [(spec.name, *rest) for spec in kind.fields for rest in field_paths(spec.type, wanted)]
    return []
