"""Field types of the format. Each type knows three things about itself:
how to read a YAML node (the validator), its JSON Schema, and its description
for the format reference. Keeping the three together is what stops them drifting.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import urlsplit

from .nodes import Node
from .problems import did_you_mean, quoted

ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
ID_MAX = 80
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_ID_RE = re.compile(ID_PATTERN)
_DATE_RE = re.compile(DATE_PATTERN)
_NUMBER_RE = re.compile(r"^(0|[1-9][0-9]*)(\.[0-9]+)?$")
MAX_DIGITS = 15  # beyond this a float is no longer exact, and Python refuses int() past 4,300 digits
INVALID: Any = object()  # what a reader returns after reporting a problem
RESERVED_IDS = ("index",)  # figures/index/ and actors/index/ are the lists of all figures and actors


def id_problem(value: str) -> str | None:
    """Why `value` is not a valid id, or None."""
    if value in RESERVED_IDS:
        return f"{quoted(value)} is reserved for the site's own pages; choose another id"
    if _ID_RE.match(value) and len(value) <= ID_MAX:
        return None
    return (f"{quoted(value)} is not a valid id; use lowercase letters, digits and single hyphens, "
            f"starting with a letter, at most {ID_MAX} characters")


def parse_date(text: str | None) -> dt.date | None:
    """The date `text` writes as YYYY-MM-DD, or None if it writes none (or an impossible one)."""
    if not text or not _DATE_RE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


class Reader:
    """What a type needs while reading: where problems go, where references go."""

    def __init__(self, report, refer):
        self.report = report  # report(node, field, message)
        self.refer = refer    # refer(kind, id, node, field)


class FieldType:
    """A type whose schema and description are fixed: given as data, not as code."""

    json_schema: ClassVar[dict] = {}
    words: ClassVar[str] = ""

    def schema(self) -> dict:
        return dict(self.json_schema)

    def describe(self) -> str:
        return self.words


@dataclass(frozen=True)
class Text(FieldType):
    max_len: int | None = None
    markdown: str | None = None  # None, "inline" or "block"

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
class Id(FieldType):
    """A permanent id: lowercase letters, digits and single hyphens."""

    json_schema: ClassVar[dict] = {"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX,
                                   "not": {"enum": list(RESERVED_IDS)}}
    words: ClassVar[str] = "id"

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        if node.kind != "scalar" or node.value is None:
            return _wrong(node, field, reader, "an id")
        problem = id_problem(node.value)
        if problem:
            reader.report(node, field, problem)
            return INVALID
        return node.value


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
class Date(FieldType):
    json_schema: ClassVar[dict] = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    words: ClassVar[str] = "date YYYY-MM-DD"

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        text = node.value if node.kind == "scalar" else None
        if not isinstance(text, str) or not _DATE_RE.fullmatch(text):
            reader.report(node, field, f"expected a date like 2026-01-13, got {got_words(node)}")
            return INVALID
        date = parse_date(text)
        if date is None:
            reader.report(node, field, f"{text} is not a real date")
            return INVALID
        return date


@dataclass(frozen=True)
class Url(FieldType):
    json_schema: ClassVar[dict] = {"type": "string", "format": "uri",
                                   "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*$"}
    words: ClassVar[str] = "http/https URL"
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
            _ = parts.port  # raises on a port out of range
        except ValueError:
            return "is not a valid URL; check the address for stray brackets or a wrong port"
        if parts.scheme.lower() not in self.schemes:
            return "is not an http or https URL; write the full address, starting with https://"
        if not parts.hostname:
            return "has no host name; write the full address, like https://example.org/page"
        if _has_space(value):
            return "contains spaces or control characters; copy the address again"
        return None


@dataclass(frozen=True)
class Integer(FieldType):
    json_schema: ClassVar[dict] = {"type": "integer"}
    words: ClassVar[str] = "integer"

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        text = node.value if node.kind == "scalar" else None
        if isinstance(text, str) and re.fullmatch(r"-?[0-9]+", text):
            if node.plain:
                return int(text)
            reader.report(node, field, f"expected a whole number, got the text {quoted(text)}; remove the quotes")
            return INVALID
        return _wrong(node, field, reader, "a whole number")


@dataclass(frozen=True)
class Choice(FieldType):
    values: tuple = ()

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
class Number(FieldType):
    """A count or amount as written: 400, 2.5. No signs, separators or quotes."""

    json_schema: ClassVar[dict] = {"type": "number", "minimum": 0}
    words: ClassVar[str] = "number"

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        text = node.value if node.kind == "scalar" else None
        digits = sum(char.isdigit() for char in text) if text else 0
        if text is not None and node.plain and _NUMBER_RE.match(text) and digits <= MAX_DIGITS:
            return float(text) if "." in text else int(text)
        reader.report(node, field, f"expected a number, got {got_words(node)}{_number_hint(text, node, digits)}")
        return INVALID


def _number_hint(text: str | None, node: Node, digits: int) -> str:
    """What to change in something that is not a number as the format writes them."""
    if digits > MAX_DIGITS:
        return f"; at most {MAX_DIGITS} digits"
    if text and not node.plain:
        return "; remove the quotes"
    if text and re.fullmatch(r"0[0-9]+", text):
        return f"; write it without leading zeros ({int(text)}, not {text})"
    if text and re.fullmatch(r"[0-9][0-9,._ ]*", text):
        return "; write digits only, without separators (2000, not 2,000)"
    return ""


@dataclass(frozen=True)
class Amount(FieldType):
    """A claim's value: one number, or [low, high] with low <= high."""

    words: ClassVar[str] = "number, or `[low, high]` with low ≤ high"

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


def _has_space(text: str) -> bool:
    return any(char.isspace() or ord(char) < 32 for char in text)


def got_words(node: Node) -> str:
    """What the contributor wrote, in a few words: 'nothing', "'no'", 'a list', 'a mapping'."""
    if node.kind == "scalar":
        return "nothing" if node.value is None else quoted(node.value)
    return {"seq": "a list", "map": "a mapping"}[node.kind]


def _wrong(node: Node, field: str, reader: Reader, expected: str) -> Any:
    reader.report(node, field, f"expected {expected}, got {got_words(node)}")
    return INVALID
