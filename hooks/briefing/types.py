"""Field types of the format. Each type knows three things about itself:
how to read a YAML node (the validator), its JSON Schema, and its description
for the format reference. Keeping the three together is what stops them drifting.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .problems import did_you_mean, quoted
from .yamlsafe import Node

ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
ID_MAX = 80
_ID_RE = re.compile(ID_PATTERN)
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER_RE = re.compile(r"^(0|[1-9][0-9]*)(\.[0-9]+)?$")
MAX_DIGITS = 15  # beyond this a float is no longer exact, and Python refuses int() past 4,300 digits
INVALID = object()  # what a reader returns after reporting a problem


RESERVED_IDS = ("index",)  # figures/index/ and actors/index/ are the lists of all figures and actors


def id_problem(value: str) -> str | None:
    """Why `value` is not a valid id, or None."""
    if value in RESERVED_IDS:
        return f"{quoted(value)} is reserved for the site's own pages; choose another id"
    if _ID_RE.match(value) and len(value) <= ID_MAX:
        return None
    return (f"{quoted(value)} is not a valid id; use lowercase letters, digits and single hyphens, "
            f"starting with a letter, at most {ID_MAX} characters")


class Reader:
    """What a type needs while reading: where problems go, where references go."""

    def __init__(self, report, refer):
        self.report = report  # report(node, field, message)
        self.refer = refer    # refer(kind, id, node, field)


@dataclass(frozen=True)
class Text:
    max_len: int | None = None
    markdown: str | None = None  # None, "inline" or "block"
    kind = "string"

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        if node.kind != "scalar":
            return _wrong(node, field, reader, "text")
        text = (node.value or "").strip()
        if not text:
            reader.report(node, field, "is empty; write some text or remove the field")
            return INVALID
        if self.max_len and len(text) > self.max_len:
            reader.report(node, field, f"is {len(text)} characters long; the limit is {self.max_len}")
            return INVALID
        return text

    def schema(self) -> dict:
        out = {"type": "string", "minLength": 1, "pattern": r"\S"}
        if self.max_len:
            out["maxLength"] = self.max_len
        return out

    def describe(self) -> str:
        words = {None: "text", "inline": "text (Markdown, inline)", "block": "text (Markdown)"}
        size = f", 1..{self.max_len} characters" if self.max_len else ""
        return words[self.markdown] + size


@dataclass(frozen=True)
class Id:
    """A permanent id: lowercase letters, digits and single hyphens."""

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        if node.kind != "scalar" or node.value is None:
            return _wrong(node, field, reader, "an id")
        problem = id_problem(node.value)
        if problem:
            reader.report(node, field, problem)
            return INVALID
        return node.value

    def schema(self) -> dict:
        return {"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX, "not": {"enum": list(RESERVED_IDS)}}

    def describe(self) -> str:
        return "id"


@dataclass(frozen=True)
class Ref(Id):
    """An id that must name something: a topic, an actor, a figure, or a source of the entry."""

    target: str = ""

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        value = super().read(node, field, reader)
        if value is not INVALID:
            reader.refer(self.target, value, node, field)
        return value

    def describe(self) -> str:
        return f"{self.target} id"


@dataclass(frozen=True)
class Date:
    def read(self, node: Node, field: str, reader: Reader) -> Any:
        if node.kind != "scalar" or node.value is None or not _DATE_RE.match(node.value):
            reader.report(node, field, f"expected a date like 2026-01-13, got {got_words(node)}")
            return INVALID
        try:
            return dt.date.fromisoformat(node.value)
        except ValueError:
            reader.report(node, field, f"{node.value} is not a real date")
            return INVALID

    def schema(self) -> dict:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

    def describe(self) -> str:
        return "date YYYY-MM-DD"


@dataclass(frozen=True)
class Url:
    schemes: tuple = ("http", "https")

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        if node.kind != "scalar" or node.value is None:
            return _wrong(node, field, reader, "a URL")
        value = node.value.strip()
        problem = self.problem(value)
        if problem:
            reader.report(node, field, f"{quoted(value)} {problem}")
            return INVALID
        return value

    def problem(self, value: str) -> str | None:
        try:
            parts = urlsplit(value)
            parts.port  # raises on a port out of range
        except ValueError:
            return "is not a valid URL; check the address for stray brackets or a wrong port"
        if parts.scheme.lower() not in self.schemes:
            return "is not an http or https URL; write the full address, starting with https://"
        if not parts.hostname:
            return "has no host name; write the full address, like https://example.org/page"
        if _has_space(value):
            return "contains spaces or control characters; copy the address again"
        return None

    def schema(self) -> dict:
        return {"type": "string", "format": "uri", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*$"}

    def describe(self) -> str:
        return "http/https URL"


@dataclass(frozen=True)
class Integer:
    def read(self, node: Node, field: str, reader: Reader) -> Any:
        if node.kind == "scalar" and node.plain and node.value and re.fullmatch(r"-?[0-9]+", node.value):
            return int(node.value)
        if node.kind == "scalar" and not node.plain and re.fullmatch(r"-?[0-9]+", node.value or ""):
            reader.report(node, field, f"expected a whole number, got the text {quoted(node.value)}; "
                          "remove the quotes")
            return INVALID
        return _wrong(node, field, reader, "a whole number")

    def schema(self) -> dict:
        return {"type": "integer"}

    def describe(self) -> str:
        return "integer"


@dataclass(frozen=True)
class Choice:
    values: tuple

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        if node.kind == "scalar" and node.value in self.values:
            return node.value
        hint = did_you_mean(str(node.value), self.values) if node.kind == "scalar" else ""
        reader.report(node, field, f"{got_words(node)} is not one of {', '.join(self.values)}{hint}")
        return INVALID

    def schema(self) -> dict:
        return {"type": "string", "enum": list(self.values)}

    def describe(self) -> str:
        return "one of " + ", ".join(f"`{value}`" for value in self.values)


@dataclass(frozen=True)
class Number:
    """A count or amount as written: 400, 2.5. No signs, separators or quotes."""

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        text = node.value if node.kind == "scalar" else None
        digits = sum(char.isdigit() for char in text) if text else 0
        if text is not None and node.plain and _NUMBER_RE.match(text) and digits <= MAX_DIGITS:
            return float(text) if "." in text else int(text)
        hint = ""
        if digits > MAX_DIGITS:
            hint = f"; at most {MAX_DIGITS} digits"
        elif text and not node.plain:
            hint = "; remove the quotes"
        elif text and re.fullmatch(r"0[0-9]+", text):
            hint = f"; write it without leading zeros ({int(text)}, not {text})"
        elif text and re.fullmatch(r"[0-9][0-9,._ ]*", text):
            hint = "; write digits only, without separators (2000, not 2,000)"
        got = got_words(node)
        reader.report(node, field, f"expected a number, got {got}{hint}")
        return INVALID

    def schema(self) -> dict:
        return {"type": "number", "minimum": 0}

    def describe(self) -> str:
        return "number"


@dataclass(frozen=True)
class Amount:
    """A claim's value: one number, or [low, high] with low <= high."""

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        if node.kind != "seq":
            return Number().read(node, field, reader)
        if len(node.value) != 2:
            reader.report(node, field, f"a range has two numbers [low, high], got {len(node.value)}")
            return INVALID
        low, high = (Number().read(item, f"{field}[{i}]", reader) for i, item in enumerate(node.value))
        if INVALID in (low, high):
            return INVALID
        if low > high:
            reader.report(node, field, f"range [{low}, {high}] has low above high; write [{high}, {low}]")
            return INVALID
        return [low, high]

    def schema(self) -> dict:
        number = Number().schema()
        pair = {"type": "array", "prefixItems": [number, number], "minItems": 2, "maxItems": 2,
                "items": False}
        return {"oneOf": [number, pair]}

    def describe(self) -> str:
        return "number, or `[low, high]` with low ≤ high"


def _has_space(text: str) -> bool:
    return any(char.isspace() or ord(char) < 32 for char in text)


def got_words(node: Node) -> str:
    """What the contributor wrote, in a few words: 'nothing', "'no'", 'a list', 'a mapping'."""
    if node.kind == "scalar":
        return "nothing" if node.value is None else quoted(node.value)
    return {"seq": "a list", "map": "a mapping"}[node.kind]


def _wrong(node: Node, field: str, reader: Reader, expected: str):
    reader.report(node, field, f"expected {expected}, got {got_words(node)}")
    return INVALID
