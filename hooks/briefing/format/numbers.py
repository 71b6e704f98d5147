"""Field types for numbers: a menu position (Integer), a count or amount (Number), a claim's
value (Amount). Numbers are read as written: no signs on counts, no separators, no quotes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from .marks import N_
from .nodes import Node
from .problems import quoted
from .types import INVALID, FieldType, Reader, got_words, wrong

_NUMBER_RE = re.compile(r"^(0|[1-9][0-9]*)(\.[0-9]+)?$")
MAX_DIGITS = 15  # beyond this a float is no longer exact, and Python refuses int() past 4,300 digits


@dataclass(frozen=True)
class Integer(FieldType):
    """A whole number, as written: `3`, `-1`."""

    words: ClassVar[str] = N_("integer")
    max_digits: int = 9  # a position in a menu, not a quantity; Python's int() fails past 4,300

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        text = node.value if node.kind == "scalar" else None
        if isinstance(text, str) and re.fullmatch(r"-?[0-9]+", text):
            if len(text.lstrip("-")) > self.max_digits:
                reader.report(node, field, f"is a number of {len(text.lstrip('-'))} digits; "
                              f"write a whole number of at most {self.max_digits} digits")
            elif node.plain:
                return int(text)
            else:
                reader.report(node, field, f"expected a whole number, got the text {quoted(text)}; remove the quotes")
            return INVALID
        return wrong(node, field, reader, "a whole number")

    def schema(self) -> dict:
        largest = 10**self.max_digits - 1
        return {"type": "integer", "minimum": -largest, "maximum": largest}


@dataclass(frozen=True)
class Number(FieldType):
    """A count or amount as written: 400, 2.5. No signs, separators or quotes."""

    json_schema: ClassVar[dict] = {"type": "number", "minimum": 0}
    words: ClassVar[str] = N_("number")

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        text = node.value if node.kind == "scalar" else None
        digits = sum(char.isdigit() for char in text) if text else 0
        if text is not None and node.plain and _NUMBER_RE.fullmatch(text) and digits <= MAX_DIGITS:
            return float(text) if "." in text else int(text)
        reader.report(node, field, f"expected a number, got {got_words(node)}{_number_hint(text, node, digits)}")
        return INVALID


def written_high(node: Node) -> float | None:
    """The highest value an Amount node writes (the number, or a range's high end), if it writes
    a valid one; for checks that read values with their qualifier."""
    end = node.value[-1] if node.kind == "seq" and node.value else node
    text = end.value if end.kind == "scalar" and end.plain else None
    return float(text) if isinstance(text, str) and _NUMBER_RE.fullmatch(text) else None


def _number_hint(text: str | None, node: Node, digits: int) -> str:
    """What to change in something that is not a number as the format writes them."""
    if digits > MAX_DIGITS:
        return f"; at most {MAX_DIGITS} digits"
    if text and not node.plain:
        return "; remove the quotes"
    if text and re.fullmatch(r"[-−][0-9][0-9,._ ]*", text):
        return "; counts and amounts are never negative: write what is counted, not a change in it"
    if text and re.fullmatch(r"\+[0-9][0-9,._ ]*", text):
        return "; write the number without a sign"
    if text and re.fullmatch(r"0[0-9]+", text):
        return f"; write it without leading zeros ({int(text)}, not {text})"
    if text and re.fullmatch(r"[0-9][0-9,._ ]*", text):
        return "; write digits only, without separators (2000, not 2,000)"
    return ""


@dataclass(frozen=True)
class Amount(FieldType):
    """A claim's value: one number, or [low, high] with low <= high."""

    words: ClassVar[str] = N_("number, or `[low, high]` with low ≤ high")

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
