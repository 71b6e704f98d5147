"""What rendering gives: pages (an HTML body and its head data) and other files, by path."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from .paths import page_url


@dataclass(frozen=True)
class GeneratedPage:
    source: str      # the page's path among the engine's pages (as if in docs/), e.g. entries/some-id.md
    origin: str      # the file to edit to change it ("" for lists made of many files)
    body: str        # HTML from a template (or Markdown, for the format reference)
    meta: dict = field(default_factory=dict)
    is_html: bool = True  # False: Markdown for the engine to render

    @property
    def url(self) -> str:
        return page_url(self.source)


class Planned(NamedTuple):
    """One output: `address` is a page's source among the engine's pages ('entries/x.md') or a
    file's path in the site ('feeds/all.atom.xml'); an equal `key` makes the same output. (A
    named tuple: a build plans one for every page, and a tuple is made fastest.)"""
    address: str
    key: Hashable
    make: Callable[[], Any]
    origin: str = "briefings"  # the file to edit to change it (collision problems name it)


@dataclass(frozen=True)
class GeneratedFile:
    path: str              # inside the built site, e.g. feeds/all.atom.xml
    content: str | bytes   # text (written as UTF-8), or an image's bytes (og_image.py)


class Content(Protocol):
    """A file's content, made when called (maybe in another thread)."""

    def __call__(self) -> str | bytes: ...


def json_text(data) -> str:
    """Compact JSON (the C encoder: indenting is five times slower) that is valid UTF-8 whatever
    the text holds: a lone surrogate, which UTF-8 cannot carry, is written as its \\u escape."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


# Characters XML 1.0 does not allow anywhere, not even escaped: C0 controls but tab, newline and
# carriage return; surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text an XML 1.0 parser accepts: characters XML forbids are replaced by U+FFFD. (The
    validator refuses them; this keeps a feed well-formed even if one got through.)"""
    return _NOT_XML.sub("\ufffd", text)
