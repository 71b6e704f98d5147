"""The site model: immutable, checked, and everything pages are made from."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Translation:
    """A record's text in one other language: (field name, value) pairs, as written."""

    language: str
    texts: tuple

    def get(self, name: str):
        return next((value for key, value in self.texts if key == name), None)


class Translatable:
    """A record that may carry translations (the format's language blocks)."""

    translations: tuple

    def translation(self, language: str) -> Translation | None:
        return next((t for t in self.translations if t.language == language), None)

    def text_in(self, language: str, name: str):
        """The field `name` in `language` where the record translates it, else as written (in English)."""
        translation = self.translation(language)
        translated = translation.get(name) if translation else None
        return translated if translated is not None else getattr(self, name)


@dataclass(frozen=True)
class BottomLine:
    text: str
    as_of: dt.date


@dataclass(frozen=True)
class Topic(Translatable):
    id: str
    title: str
    summary: str
    order: int | None = None
    bottom_line: BottomLine | None = None
    translations: tuple = ()


@dataclass(frozen=True)
class Actor(Translatable):
    id: str
    name: str
    kind: str
    role: str | None = None
    aliases: tuple = ()
    translations: tuple = ()


@dataclass(frozen=True)
class Figure(Translatable):
    id: str
    label: str
    unit: str
    description: str | None = None
    unit_singular: str | None = None
    translations: tuple = ()


@dataclass(frozen=True)
class Source(Translatable):
    id: str
    title: str
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: dt.date | None = None
    archived: str | None = None
    translations: tuple = ()


@dataclass(frozen=True)
class Period:
    """The days a claim covers, as the source states them: either end may be unknown."""

    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class Claim(Translatable):
    figure: str
    low: float
    high: float
    is_range: bool
    qualifier: str
    by: str
    said_on: dt.date
    source: str
    scope: str | None = None
    quote: str | None = None
    basis: str | None = None
    period: Period | None = None
    translations: tuple = ()


@dataclass(frozen=True)
class Update(Translatable):
    date: dt.date
    note: str
    translations: tuple = ()


@dataclass(frozen=True)
class Entry(Translatable):
    id: str
    path: str  # repository-relative path of the YAML file
    title: str
    date: dt.date
    topics: tuple
    summary: str
    sources: tuple
    body: str | None = None
    actors: tuple = ()
    claims: tuple = ()
    tags: tuple = ()
    status: str = "developing"
    updates: tuple = ()
    place: str | None = None
    reviewed_on: dt.date | None = None
    translations: tuple = ()

    @property
    def updated(self) -> dt.date:
        if not self.updates:  # most entries: a build asks this of every entry many times
            return self.date
        return max([self.date, *(update.date for update in self.updates)])


@dataclass(frozen=True)
class Site:
    topics: dict      # id -> Topic, in menu order
    actors: dict      # id -> Actor
    figures: dict     # id -> Figure
    entries: tuple    # newest first
    by_topic: dict = field(default_factory=dict, compare=False)  # topic id -> its entries, newest first

    def entries_on(self, topic_id: str) -> tuple:
        return self.by_topic.get(topic_id, ())
