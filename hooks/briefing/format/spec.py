"""The briefing format, version 1: the one definition in code.

The validator reads files with these records (structure.py and types.py do the reading),
the JSON Schemas in schema/ are generated from them (schema.py), and so is the format
reference page, /format/ on the site (reference.py and templates/format.md.j2).
Every vocabulary (qualifiers, statuses, actor kinds, bases) and every file path of
the format is written here once; the words readers see for them are in
render/words.py, and a test fails if the two disagree. Records' names and fields' meanings are
marked N_() (format/marks.py): they read as written here, and the format page in another
language shows them from that language's catalog.
"""
from __future__ import annotations

import datetime as dt
import re

from .marks import N_
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
# Kinds whose names are proper names, read as written in every language: a person's name has no
# translation, and its aliases are spellings of it unless its block translates them ("President
# Trump"). An actor of another kind may carry es.name; without it, its name is English.
PROPER_NAME_KINDS = ("person",)
GENDERS = ("feminine", "masculine")  # of a translated unit, where the language has genders
# The topics the site is organised around: the site's menu links to each of them.
FIXED_TOPICS = ("detentions", "oil-control", "diplomacy")

BOTTOM_LINE = Record(N_("bottom line"), (
    Field("text", Text(max_len=400, markdown="inline"), True,
          N_("one or two sentences: where things stand, attributed as the entries are")),
    Field("as_of", Date(), True, N_("the day it was last checked against the entries")),
), doc=N_("a topic's state in brief, shown first on the home page and the topic page"))

TOPIC = translated(Record(N_("topic"), (
    Field("title", Text(max_len=80), True, N_('"Detentions", "Oil control", "Diplomacy"')),
    Field("summary", Text(max_len=600, markdown="inline"), True,
          N_("one or two sentences shown on the topic page and home")),
    Field("order", Integer(), False, N_("position in menus; default by title")),
    Field("bottom_line", BOTTOM_LINE, False, N_("where things stand, dated (below)")),
)), ("title", "summary", "bottom_line"))

ACTOR = translated(Record(N_("actor"), (
    Field("name", Text(max_len=120), True, N_('display name, with its accents ("Jorge Rodríguez")')),
    Field("kind", Choice(ACTOR_KINDS), True,
          N_('`group` = an unnamed collective, e.g. "human rights organizations"')),
    Field("role", Text(max_len=200), False, N_('"President of the National Assembly of Venezuela"')),
    Field("aliases", ListOf(Text(max_len=120), unique=True, noun=N_("names")), False,
          N_("other spellings that search should find"), default=()),
)), ("name", "role", "aliases"))

FIGURE = translated(Record(N_("figure"), (
    Field("label", Text(max_len=120), True, N_('"Prisoners released"')),
    Field("unit", Text(max_len=40), True, N_('"people", "vessels"')),
    Field("unit_singular", Text(max_len=40), False,
          N_('the unit for a count of one, when it differs: "person" ("1 person", "2 people")')),
    Field("description", Text(max_len=600, markdown="inline"), False,
          N_("what exactly is counted, and over which period")),
)), ("label", "unit", "unit_singular", "description"), extra=(
    Field("unit_gender", Choice(GENDERS), False,
          N_('the grammatical gender of the unit, for the words around a value ("unas 2.000 personas")')),))

SOURCE = translated(Record(N_("source"), (
    Field("id", Id(), True, N_("unique within the entry; claims point to it")),
    Field("title", Text(max_len=300), True, N_("what the source is")),
    Field("publisher", Text(max_len=200), False, N_("outlet or institution")),
    Field("author", Text(max_len=200), False, ""),
    Field("url", Url(), False, N_("never `javascript:`, `data:` or others")),
    Field("published", Date(), False, ""),
    Field("archived", Url(), False, N_("an archived copy")),
), doc=N_("where every statement in the entry comes from")), ("title",))

PERIOD = Record(N_("period"), (
    Field("from", Date(), False, N_("the first day the claim covers")),
    Field("to", Date(), False, N_("the last day the claim covers")),
), doc=N_("the days a claim covers, when the source states them; one or both ends. Claims of one "
          "figure are compared as contradicting only when they state the same period"))

CLAIM = translated(Record(N_("claim"), (
    Field("figure", Ref(target="figure"), True, N_("what is counted")),
    Field("value", Amount(), True, N_("`400`, or `[60, 70]`")),
    Field("qualifier", Choice(QUALIFIERS), False,
          N_('"more than 400" = `400` + `more-than`'), default="exactly"),
    Field("by", Ref(target="actor"), True, N_("who asserts it")),
    Field("said_on", Date(), False, N_("default: the entry's `date`")),
    Field("scope", Text(max_len=300), False,
          N_('the period or place it covers, in words: "since January 8"')),
    Field("period", PERIOD, False, N_("the same period as dates, when the source gives them (below)")),
    Field("source", Ref(target="source"), True, N_("where we read it: a source id of this entry")),
    Field("quote", Text(max_len=1000), False, N_("the words, when quoted")),
    Field("basis", Choice(BASES), False,
          N_("how the claimant arrived at the value, when the source says: `announced` (stated, "
             "e.g. by an official), `counted` (a tally), `verified` (checked case by case, e.g. by "
             "name), `estimated`")),
), doc=N_("one actor asserting one value of one tracked figure")), ("scope", "quote"))

UPDATE = translated(Record(N_("update"), (
    Field("date", Date(), True, N_("when the correction or addition was made")),
    Field("note", Text(max_len=600, markdown="inline"), True, N_("what changed")),
), doc=N_("a dated correction or addition, newest last; shown to readers")), ("note",))

ENTRY = translated(Record(N_("entry"), (
    Field("title", Text(max_len=200), True, N_("headline")),
    Field("date", Date(), True, N_("day of the event or statement")),
    Field("place", Text(max_len=80), False, N_('where it happened or was said, when the source says: "Caracas"')),
    Field("topics", ListOf(Ref(target="topic"), min_items=1, unique=True, noun=N_("topic ids"),
                           example="[detentions]"), True,
          N_("first one is the primary topic")),
    Field("summary", Text(max_len=600, markdown="inline"), True,
          N_("shown in lists, feeds, search results and the page description")),
    Field("body", Text(max_len=100_000, markdown="block"), False, N_("the full briefing")),
    Field("sources", ListOf(SOURCE, min_items=1, noun=N_("sources"),
                                         example="- id: ... / title: ..."), True,
          N_("where every statement in the entry comes from")),
    Field("actors", ListOf(Ref(target="actor"), unique=True, noun=N_("actor ids"),
                                       example="[jorge-rodriguez]"), False,
          N_("who is involved"), default=()),
    Field("claims", ListOf(CLAIM, noun=N_("claims")), False, N_("attributed figures"), default=()),
    Field("tags", ListOf(Text(max_len=60), unique=True, noun=N_("tags"), example="[prisoners, releases]"), False,
          N_("free keywords"), default=()),
    Field("status", Choice(STATUSES), False, N_("default `developing`"), default="developing"),
    Field("reviewed_on", Date(), False, N_("the day an editor last checked the entry against its sources")),
    Field("updates", ListOf(UPDATE, noun=N_("updates")), False,
          N_("dated corrections and additions, newest last; shown to readers"), default=()),
)), ("title", "summary", "body", "place"), required=("title", "summary"), extra=(
    Field("translated_on", Date(), True, N_("the day the translation was made or last brought up to date")),))

REGISTRIES = (
    Registry("topics.yaml", "topic", TOPIC, N_("the topics (detentions, oil-control, diplomacy, ...)")),
    Registry("actors.yaml", "actor", ACTOR, N_("people, organisations, governments, media")),
    Registry("figures.yaml", "figure", FIGURE, N_("tracked quantities whose claimed values are compared")),
)
REGISTRY_BY_KIND = {registry.kind: registry for registry in REGISTRIES}


def registry_path(kind: str) -> str:
    """'topic' -> 'briefings/topics.yaml': where a registry lives, from the repository root."""
    return f"{BRIEFINGS}/{REGISTRY_BY_KIND[kind].name}"


def entry_file(date: dt.date, entry_id: str) -> str:
    """Where an entry lives, from the repository root: briefings/2026/01/2026-01-13-<id>.yaml."""
    return f"{BRIEFINGS}/{date:%Y}/{date:%m}/{date.isoformat()}-{entry_id}.yaml"
