"""An entry's history in words, newest first, in the page's language: what each version changed.

Two versions of an entry are compared with the review digest's own comparison (changes.py,
claim_changes.py), each as a one-entry site over today's registries: claims added, removed and
corrected, title, status, date, summary, text and sources, translations added or changed, and the
notes of the updates each version added. Dates are the commits' committer dates, read in the
site's time zone: the committer date is when the change reached the published branch (the author
date is when it was first written, perhaps days before), and the site's dates are all in its zone.

The section is bounded so that no page grows heavy: the SHOWN_VERSIONS newest versions, each with
at most SHOWN_LINES lines; the rest is counted, and is in the repository's history.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..format.translations import N_, SOURCE_LANGUAGE
from ..model.site import Entry, Site
from .changes import Record, language_changes, record_changes
from .claim_changes import claim_pairs, claim_words
from .context import RenderContext

SHOWN_VERSIONS = 20
SHOWN_LINES = 12
FIELD_WORDS = {"value": N_("value"), "qualifier": N_("qualifier"), "period": N_("period"), "said_on": N_("date said"),
               "source": N_("source"), "basis": N_("basis"), "scope": N_("scope"), "quote": N_("quote")}
EDITED = {"summary": N_("Summary edited."), "body": N_("Text edited."), "place": N_("Place changed.")}
REGISTER_WORDS = {("actor", "name"): N_("Actor renamed in the register:"),
                  ("figure", "label"): N_("Figure renamed in the register:"),
                  ("figure", "unit"): N_("Figure's unit changed in the register:"),
                  ("topic", "title"): N_("Topic renamed in the register:")}  # model/history.SHOWN_REGISTER_FIELDS
TRANSLATED = {"es": {"added": N_("Spanish translation added."), "changed": N_("Spanish translation changed."),
                     "removed": N_("Spanish translation removed.")}}  # a message each: Spanish words agree with them


def history_view(ctx: RenderContext, entry: Entry, update_view) -> dict | None:
    """The entry's history section, or None when the build has no history of it; `update_view`
    shows an update's note as the entry's own Updates section does (views.py)."""
    versions = ctx.histories.of(entry.id) if ctx.histories else ()
    if not versions:
        return None
    items = []
    for earlier, later in zip((None, *versions[:-1]), versions, strict=True):
        lines = version_lines(ctx, earlier.entry if earlier else None, later.entry)
        added = set(later.entry.updates) - set(earlier.entry.updates if earlier else ())
        if lines or added:
            notes = [update_view(ctx, update) for update in later.entry.updates if update in added]
            items.append(item_view(ctx, later.time, lines, notes))
    items += register_items(ctx, entry, versions[0].time)
    items.sort(key=lambda item: item["time"], reverse=True)
    first, last = published_and_changed(ctx, entry) or (None, None)
    return {"first": day_words(ctx, first), "last": day_words(ctx, last),
            "items": items[:SHOWN_VERSIONS], "hidden": max(0, len(items) - SHOWN_VERSIONS)}


def published_and_changed(ctx: RenderContext, entry: Entry) -> tuple[dt.date, dt.date] | None:
    """The day the entry was first published and the day it last changed: its first and last
    commits' committer dates in the site's time zone; None when the build has no history of it
    (then no date is given rather than a wrong one). The one source of both dates."""
    versions = ctx.histories.of(entry.id) if ctx.histories else ()
    if not versions:
        return None
    return day_of(ctx, versions[0].time), day_of(ctx, versions[-1].time)


def day_of(ctx: RenderContext, time: int) -> dt.date:
    return dt.datetime.fromtimestamp(time, ctx.settings.zone()).date()


def day_words(ctx: RenderContext, day) -> dict:
    return {"iso": day.isoformat(), "words": ctx.words.date(day)}


def day_view(ctx: RenderContext, time: int) -> dict:
    return day_words(ctx, day_of(ctx, time))


def item_view(ctx: RenderContext, time: int, lines: list, notes: list) -> dict:
    return {**day_view(ctx, time), "time": time, "lines": lines[:SHOWN_LINES],
            "more": max(0, len(lines) - SHOWN_LINES), "updates": notes}


def register_items(ctx: RenderContext, entry: Entry, published: int) -> list[dict]:
    """What the registers changed of the records this entry names, once it was published (an
    actor renamed, a figure's label or unit, a topic's title): the entry shows the new words since."""
    named = {"actor": {*entry.actors, *(claim.by for claim in entry.claims)},
             "figure": {claim.figure for claim in entry.claims}, "topic": set(entry.topics)}
    registers = {"actor": ctx.site.actors, "figure": ctx.site.figures, "topic": ctx.site.topics}
    items = []
    for change in ctx.histories.register_changes if ctx.histories else ():
        if change.key in named[change.kind] and change.time > published and change.key in registers[change.kind]:
            lang = register_lang(ctx, change.kind, registers[change.kind][change.key])
            parts = [(change.old, lang), (" → ", ctx.language), (change.new, lang)]
            words = ctx._(REGISTER_WORDS[(change.kind, change.field)])
            items.append(item_view(ctx, change.time, [line(words, parts=parts)], []))
    return items


def register_lang(ctx: RenderContext, kind: str, record) -> str:
    """The language of a register's words as its history holds them: an actor's name is written in
    the language its record says (context.actor_names); labels, units and titles in English."""
    if kind == "actor":
        lang = ctx.actor_names(record)["name_lang"]
        return lang if ctx.language == SOURCE_LANGUAGE or lang == ctx.language else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def version_lines(ctx: RenderContext, old: Entry | None, new: Entry) -> list[dict]:
    """What `new` changed from `old` (None: the first version), as lines in the page's language."""
    if old is None:
        return [line(ctx._("First published."))]
    before, after = one_entry_site(ctx.site, old), one_entry_site(ctx.site, new)
    return [*field_lines(ctx, old, new, before, after), *claim_lines(ctx, before, after),
            *translation_lines(ctx, old, new)]


def one_entry_site(site: Site, entry: Entry) -> Site:
    return replace(site, entries=(entry,), by_topic={})


def line(words: str, value: str | None = None, lang: str | None = None, parts: list | None = None) -> dict:
    """A line of the history: its words in the page's language, then what it is about, in parts of
    (text, language) so that text left in English on another language's page is marked."""
    return {"words": words, "parts": parts if parts is not None else ([(value, lang)] if value else [])}


def field_lines(ctx: RenderContext, old: Entry, new: Entry, before: Site, after: Site) -> list[dict]:
    changed = record_changes(before, after)[2]
    names = [field.name for change in changed for field in change.fields]
    lines = []
    if "title" in names:
        lines.append(line(ctx._("Title changed to:"), ctx.text(new, "title"), ctx.text_lang(new, "title")))
    if "status" in names:
        lines.append(line(ctx._("Status changed from {old} to {new}.").format(
            old=ctx.words.status(old.status), new=ctx.words.status(new.status))))
    if "date" in names:
        lines.append(line(ctx._("Date changed from {old} to {new}.").format(
            old=ctx.words.date(old.date), new=ctx.words.date(new.date))))
    lines += [line(ctx._(EDITED[name])) for name in EDITED if name in names]
    return lines + source_lines(ctx, old, new)


def source_lines(ctx: RenderContext, old: Entry, new: Entry) -> list[dict]:
    was = {source.id: source for source in old.sources}
    now = {source.id: source for source in new.sources}
    lines = []
    for source_id, source in now.items():
        if source_id not in was or was[source_id] != source:
            words = ctx._("Source added:") if source_id not in was else ctx._("Source changed:")
            lines.append(line(words, ctx.text(source, "title"), ctx.text_lang(source, "title")))
    lines += [line(ctx._("Source removed:"), ctx.text(source, "title"), ctx.text_lang(source, "title"))
              for source_id, source in was.items() if source_id not in now]
    return lines


def claim_lines(ctx: RenderContext, before: Site, after: Site) -> list[dict]:
    lines = []
    for what, now, was, fields in claim_pairs(before, after):
        text = claim_text(ctx, before if what == "removed" else after, now[0], now[1], "scope" in fields)
        if what == "changed":
            names = ", ".join(ctx._(FIELD_WORDS[name]) for name in fields if name in FIELD_WORDS) or ctx._("wording")
            now_words, was_words = ctx._("{now}; was {was}").split("{now}")[1].split("{was}")
            was_text = claim_text(ctx, before, was[0], was[1], "scope" in fields)
            text = [*text, (now_words, ctx.language), *was_text, (was_words, ctx.language)]
            lines.append(line(ctx._("Claim corrected ({fields}):").format(fields=names), parts=text))
        else:
            words = ctx._("Claim added:") if what == "added" else ctx._("Claim removed:")
            lines.append(line(words, parts=text))
    return lines


def claim_text(ctx: RenderContext, site: Site, claim, entry: Entry, scope: bool = False) -> list:
    """The claim as (text, language) parts: who, how many, of what (its unit may be untranslated),
    its period, and its scope when that is what changed."""
    said = claim_words(site, claim, entry, ctx.words)
    figure, actor = site.figures[claim.figure], site.actors[claim.by]
    unit_name = "unit_singular" if said.unit != figure.text_in(ctx.language, "unit") else "unit"
    parts = [(f"{said.actor}", ctx.actor_names(actor)["name_lang"]), (f": {said.value} ", ctx.language),
             (said.unit, ctx.text_lang(figure, unit_name))]
    if claim.period:
        parts.append((f", {ctx.words.period(claim.period)}", ctx.language))
    if scope and said.scope:
        parts += [(" (", ctx.language), (said.scope, ctx.text_lang(claim, "scope")), (")", ctx.language)]
    return parts


def translation_lines(ctx: RenderContext, old: Entry, new: Entry) -> list[dict]:
    record = Record("entry", new.id, new.title, new.path)
    lines = []
    for code, words in TRANSLATED.items():
        lines += [line(ctx._(words[change.what])) for change in language_changes(record, code, old, new)
                  if change.what in words]
    return lines
