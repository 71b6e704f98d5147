"""Field types of the format. Each type knows three things about itself:
how to read a YAML node (the validator), its JSON Schema, and its description
for the format reference. Keeping the three together is what stops them drifting.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import urlsplit

from .markdown import markdown_problem
from .marks import N_
from .nodes import Node
from .problems import did_you_mean, quoted
from .text import normalized, text_problem

ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
ID_MAX = 80
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_ID_RE = re.compile(ID_PATTERN)
_DATE_RE = re.compile(DATE_PATTERN)
INVALID: Any = object()  # what a reader returns after reporting a problem
RESERVED_IDS = ("index",)  # figures/index/ and actors/index/ are the lists of all figures and actors


def id_problem(value: str) -> str | None:
    """Why `value` is not a valid id, or None."""
    if value in RESERVED_IDS:
        return f"{quoted(value)} is reserved for the site's own pages; choose another id"
    if _ID_RE.fullmatch(value) and len(value) <= ID_MAX:
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
    """A type whose schema and description are fixed: given as data, not as code.

    `describe` gives the words the format reference shows for a type, in the language of
    `gettext` and `number` (English, the words as marked and digits as Python writes them, unless
    told otherwise)."""

    json_schema: ClassVar[dict] = {}
    words: ClassVar[str] = ""

    def schema(self) -> dict:
        return dict(self.json_schema)

    def describe(self, gettext: Callable[[str], str] = N_, number: Callable[[int], str] = str) -> str:
        return gettext(self.words)


@dataclass(frozen=True)
class Text(FieldType):
    max_len: int | None = None
    markdown: str | None = None  # None, "inline" or "block"

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        if node.kind != "scalar":
            return wrong(node, field, reader, "text")
        text = normalized((node.value or "").strip())
        if not text:
            reader.report(node, field, "is empty; write some text or remove the field")
            return INVALID
        if self.max_len and len(text) > self.max_len:
            reader.report(node, field, f"is {len(text)} characters long; the limit is {self.max_len}")
            return INVALID
        problem = text_problem(text)
        if problem is None and self.markdown:
            problem = markdown_problem(text, inline=self.markdown == "inline")
        if problem:
            reader.report(node, field, problem)
            return INVALID
        return text

    def schema(self) -> dict:
        out = {"type": "string", "minLength": 1, "pattern": r"\S"}
        if self.max_len:
            out["maxLength"] = self.max_len
        return out

    def describe(self, gettext: Callable[[str], str] = N_, number: Callable[[int], str] = str) -> str:
        words = {None: N_("text"), "inline": N_("text (Markdown, inline)"), "block": N_("text (Markdown)")}
        kind = gettext(words[self.markdown])
        if not self.max_len:
            return kind
        return gettext("{kind}, 1..{max_len} characters").format(kind=kind, max_len=number(self.max_len))


@dataclass(frozen=True)
class Id(FieldType):
    """A permanent id: lowercase letters, digits and single hyphens."""

    json_schema: ClassVar[dict] = {"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX,
                                   "not": {"enum": list(RESERVED_IDS)}}
    words: ClassVar[str] = N_("id")

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        if node.kind != "scalar" or node.value is None:
            return wrong(node, field, reader, "an id")
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

    def describe(self, gettext: Callable[[str], str] = N_, number: Callable[[int], str] = str) -> str:
        """'figure id': the target is a record's name (spec.py marks each one for translation)."""
        return gettext("{target} id").format(target=gettext(self.target))


@dataclass(frozen=True)
class Date(FieldType):
    json_schema: ClassVar[dict] = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    words: ClassVar[str] = N_("date `YYYY-MM-DD`")

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
    words: ClassVar[str] = N_("http/https URL")
    schemes: tuple = ("http", "https")

    def read(self, node: Node, field: str, reader: Reader) -> Any:
        if node.kind != "scalar" or node.value is None:
            return wrong(node, field, reader, "a URL")
        value = node.value.strip()
        problem = self.problem(value)
        if problem:
            reader.report(node, field, f"{quoted(value)} {problem}")
            return INVALID
        return value

    def problem(self, value: str) -> str | None:
        """Why `value` is not an address the site may link, or None."""
        if _PLAIN_URL.fullmatch(value) and value.partition(":")[0].lower() in self.schemes:
            return None  # the usual address, which none of the checks below can refuse
        return self.careful_problem(value)

    def careful_problem(self, value: str) -> str | None:
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
        return _deceptive_url_problem(value, parts)


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

    def describe(self, gettext: Callable[[str], str] = N_, number: Callable[[int], str] = str) -> str:
        return gettext("one of {values}").format(values=", ".join(f"`{value}`" for value in self.values))


def _deceptive_url_problem(value: str, parts) -> str | None:
    """Addresses that read as one site and lead to another."""
    if parts.username is not None or parts.password is not None:
        return ("has a user name before '@', so it leads to the host after the '@', not to the one it "
                "seems to name; write the address without it")
    if "\\" in value:
        return "holds a backslash, which browsers read as '/'; copy the address again"
    if not parts.hostname.isascii():
        return "has a host name with non-ASCII letters, which can imitate another site's; write its xn-- form"
    return None


# An address that none of Url.careful_problem's checks can refuse, matched at a fifth of their cost
# (urlsplit in Python, once for every URL of every file): http or https, a host of ASCII letters,
# digits, dots and hyphens (so no user name, port, brackets or non-ASCII letters), then a path,
# query or fragment without white space, control characters or backslashes.
_PLAIN_URL = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(?:[/?#][^\s\x00-\x1f\\]*)?")
# White space as str.isspace() finds it (re's \s is the same test, made in C), or a control character.
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f]")


def _has_space(text: str) -> bool:
    return _SPACE_OR_CONTROL.search(text) is not None


def got_words(node: Node) -> str:
    """What the contributor wrote, in a few words: 'nothing', "'no'", 'a list', 'a mapping'."""
    if node.kind == "scalar":
        return "nothing" if node.value is None else quoted(node.value)
    return {"seq": "a list", "map": "a mapping"}[node.kind]


def wrong(node: Node, field: str, reader: Reader, expected: str) -> Any:
    reader.report(node, field, f"expected {expected}, got {got_words(node)}")
    return INVALID
