"""The briefing format, version 1: the one definition in code.

The validator reads files with these records (structure.py and types.py do the reading),
the JSON Schemas in schema/ are generated from them (schema.py), and so is the format
reference page, /format/ on the site (reference.py and templates/format.md.j2).
Every vocabulary (qualifiers, statuses, actor kinds, bases) and every file path of
the format is written here once; the words readers see for them are in
render/words.py, and a test fails if the two disagree.
"""
from __future__ import annotations

import datetime as dt
import re

from .numbers import Amount, Integer
from .structure import Field, ListOf, Record, Registry
from .translations import translated
from .types import Choice, Date, Id, Ref, Text, Url

FORMAT_VERSION = 1
BRIEFINGS = "briefings"  # the folder of the briefing files, from the repository root
ENTRY_FILE = "YYYY-MM-DD-<id>.yaml"  # an entry's file name, in briefings/YYYY/MM/
# Dates a briefing can hold: none before EARLIEST_DATE, and none more than FUTURE_MARGIN after the
# day of the check (a build in UTC may run a day behind Caracas, and a day ahead of an editor).
EARLIEST_DATE = dt.date(1999, 1, 1)
FUTURE_MARGIN = dt.timedelta(days=2)
ENTRY_FILE_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})-(.+)\.yaml")  # year, month, day, id (fullmatch)
QUALIFIERS = ("exactly", "about", "at-least", "more-than", "at-most", "fewer-than")
STATUSES = ("developing", "confirmed", "disputed")
ACTOR_KINDS = ("person", "organization", "government", "media", "group")
BASES = ("announced", "counted", "verified", "estimated")
GENDERS = ("feminine", "masculine")  # of a translated unit, where the language has genders
# The topics the site is organised around: the menu (mkdocs.yml nav) links to each of them.
FIXED_TOPICS = ("detentions", "oil-control", "diplomacy")

BOTTOM_LINE = Record("bottom line", (
    Field("text", Text(max_len=400, markdown="inline"), True,
          "one or two sentences: where things stand, attributed as the entries are"),
    Field("as_of", Date(), True, "the day it was last checked against the entries"),
), doc="a topic's state in brief, shown first on the home page and the topic page")

TOPIC = translated(Record("topic", (
    Field("title", Text(max_len=80), True, '"Detentions", "Oil control", "Diplomacy"'),
    Field("summary", Text(max_len=600, markdown="inline"), True,
          "one or two sentences shown on the topic page and home"),
    Field("order", Integer(), False, "position in menus; default by title"),
    Field("bottom_line", BOTTOM_LINE, False, "where things stand, dated (below)"),
)), ("title", "summary", "bottom_line"))

ACTOR = translated(Record("actor", (
    Field("name", Text(max_len=120), True, 'display name, with its accents ("Jorge Rodríguez")'),
    Field("kind", Choice(ACTOR_KINDS), True,
          '`group` = an unnamed collective, e.g. "human rights organizations"'),
    Field("role", Text(max_len=200), False, '"President of the National Assembly of Venezuela"'),
    Field("aliases", ListOf(Text(max_len=120), unique=True, noun="names"), False,
          "other spellings that search should find", default=()),
)), ("role",))

FIGURE = translated(Record("figure", (
    Field("label", Text(max_len=120), True, '"Prisoners released"'),
    Field("unit", Text(max_len=40), True, '"people", "vessels"'),
    Field("unit_singular", Text(max_len=40), False,
          'the unit for a count of one, when it differs: "person" ("1 person", "2 people")'),
    Field("description", Text(max_len=600, markdown="inline"), False,
          "what exactly is counted, and over which period"),
)), ("label", "unit", "unit_singular", "description"), extra=(
    Field("unit_gender", Choice(GENDERS), False,
          'the grammatical gender of the unit, for the words around a value ("unas 2.000 personas")'),))

SOURCE = Record("source", (
    Field("id", Id(), True, "unique within the entry; claims point to it"),
    Field("title", Text(max_len=300), True, "what the source is"),
    Field("publisher", Text(max_len=200), False, "outlet or institution"),
    Field("author", Text(max_len=200), False, ""),
    Field("url", Url(), False, "never `javascript:`, `data:` or others"),
    Field("published", Date(), False, ""),
    Field("archived", Url(), False, "an archived copy"),
), doc="where every statement in the entry comes from")

PERIOD = Record("period", (
    Field("from", Date(), False, "the first day the claim covers"),
    Field("to", Date(), False, "the last day the claim covers"),
), doc="the days a claim covers, when the source states them; one or both ends. Claims of one "
       "figure are compared as contradicting only when they state the same period")

CLAIM = translated(Record("claim", (
    Field("figure", Ref(target="figure"), True, "what is counted"),
    Field("value", Amount(), True, "`400`, or `[60, 70]`"),
    Field("qualifier", Choice(QUALIFIERS), False,
          '"more than 400" = `400` + `more-than`', default="exactly"),
    Field("by", Ref(target="actor"), True, "who asserts it"),
    Field("said_on", Date(), False, "default: the entry's `date`"),
    Field("scope", Text(max_len=300), False,
          'the period or place it covers, in words: "since January 8"'),
    Field("period", PERIOD, False, "the same period as dates, when the source gives them (below)"),
    Field("source", Ref(target="source"), True, "where we read it: a source id of this entry"),
    Field("quote", Text(max_len=1000), False, "the words, when quoted"),
    Field("basis", Choice(BASES), False,
          "how the claimant arrived at the value, when the source says: `announced` (stated, "
          "e.g. by an official), `counted` (a tally), `verified` (checked case by case, e.g. by "
          "name), `estimated`"),
), doc="one actor asserting one value of one tracked figure"), ("scope", "quote"))

UPDATE = translated(Record("update", (
    Field("date", Date(), True, "when the correction or addition was made"),
    Field("note", Text(max_len=600, markdown="inline"), True, "what changed"),
), doc="a dated correction or addition, newest last; shown to readers"), ("note",))

ENTRY = translated(Record("entry", (
    Field("title", Text(max_len=200), True, "headline"),
    Field("date", Date(), True, "day of the event or statement"),
    Field("place", Text(max_len=80), False, 'where it happened or was said, when the source says: "Caracas"'),
    Field("topics", ListOf(Ref(target="topic"), min_items=1, unique=True, noun="topic ids",
                           example="[detentions]"), True,
          "first one is the primary topic"),
    Field("summary", Text(max_len=600, markdown="inline"), True,
          "shown in lists, feeds, search results and the page description"),
    Field("body", Text(max_len=100_000, markdown="block"), False, "the full briefing"),
    Field("sources", ListOf(SOURCE, min_items=1, noun="sources",
                                         example="- id: ... / title: ..."), True,
          "where every statement in the entry comes from"),
    Field("actors", ListOf(Ref(target="actor"), unique=True, noun="actor ids",
                                       example="[jorge-rodriguez]"), False,
          "who is involved", default=()),
    Field("claims", ListOf(CLAIM, noun="claims"), False, "attributed figures", default=()),
    Field("tags", ListOf(Text(max_len=60), unique=True, noun="tags", example="[prisoners, releases]"), False,
          "free keywords", default=()),
    Field("status", Choice(STATUSES), False, "default `developing`", default="developing"),
    Field("reviewed_on", Date(), False, "the day an editor last checked the entry against its sources"),
    Field("updates", ListOf(UPDATE, noun="updates"), False,
          "dated corrections and additions, newest last; shown to readers", default=()),
)), ("title", "summary", "body", "place"), required=("title", "summary"), extra=(
    Field("translated_on", Date(), True, "the day the translation was made or last brought up to date"),))

REGISTRIES = (
    Registry("topics.yaml", "topic", TOPIC, "the topics (detentions, oil-control, diplomacy, ...)"),
    Registry("actors.yaml", "actor", ACTOR, "people, organisations, governments, media"),
    Registry("figures.yaml", "figure", FIGURE, "tracked quantities whose claimed values are compared"),
)
REGISTRY_BY_KIND = {registry.kind: registry for registry in REGISTRIES}


def registry_path(kind: str) -> str:
    """'topic' -> 'briefings/topics.yaml': where a registry lives, from the repository root."""
    return f"{BRIEFINGS}/{REGISTRY_BY_KIND[kind].name}"


def entry_file(date: dt.date, entry_id: str) -> str:
    """Where an entry lives, from the repository root: briefings/2026/01/2026-01-13-<id>.yaml."""
    return f"{BRIEFINGS}/{date:%Y}/{date:%m}/{date.isoformat()}-{entry_id}.yaml"
