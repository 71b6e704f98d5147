"""What templates see: model objects enriched with words, sanitised HTML and links.

Derived values are computed here, once, so the templates only place them.
Everything marked Markup has been sanitised (markup.py); everything else is
escaped by Jinja's autoescape.
"""
from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from ..format.translations import SOURCE_LANGUAGE
from ..model.claims import PlacedClaim
from ..model.ledger import actors_of
from ..model.site import Entry
from .claim_views import claim_view
from .context import RenderContext
from .history import history_view
from .languages import FOLDERS
from .paths import absolute, actor_url, entry_url, relative_url, topic_url
from .texts import entry_text


def topic_link(ctx: RenderContext, topic_id: str, here: str) -> dict:
    topic = ctx.site.topics[topic_id]
    return {"id": topic.id, "title": ctx.text(topic, "title"), "url": relative_url(here, topic_url(topic.id))}


def topic_view(ctx: RenderContext, topic_id: str, here: str) -> dict:
    """A topic with its summary and how many entries it has: for the home and topic pages."""
    topic = ctx.site.topics[topic_id]
    line = ctx.text(topic, "bottom_line")
    return {**topic_link(ctx, topic_id, here), "summary_html": Markup(ctx.markdown.inline(ctx.text(topic, "summary"))),
            "count": len(ctx.site.entries_on(topic.id)),
            "bottom_line_html": Markup(ctx.markdown.inline(line.text)) if line else None,
            "bottom_line_as_of": line.as_of if line else None,
            "bottom_line_as_of_words": ctx.words.date(line.as_of) if line else None}


def list_item_view(ctx: RenderContext, entry: Entry, here: str) -> dict:
    """The short form of an entry used in lists (topic pages, timeline, home)."""
    text = entry_text(ctx, entry)
    return {"id": entry.id, "title": text["title"], "title_lang": text["lang"], "translated": text["translated"],
            "date": entry.date, "date_words": ctx.words.date(entry.date), "status": entry.status,
            "status_words": ctx.words.status(entry.status),
            "url": relative_url(here, entry_url(entry.id)),
            "summary_html": Markup(ctx.markdown.inline(text["summary"])) if text["summary"] else None}


def source_view(ctx: RenderContext, source) -> dict:
    words = ctx.words.date(source.published) if source.published else None
    return {**source.__dict__, "title": ctx.text(source, "title"), "title_lang": ctx.text_lang(source, "title"),
            "published_words": words}


METHOD_PAGE = "about/"
# A developing entry not reviewed for this long is marked "not reviewed since" (the rule is on About).
STALE_AFTER = dt.timedelta(days=14)


def review_view(ctx: RenderContext, entry: Entry) -> dict:
    """When the entry was last looked at (its review date, else its latest update or date), and
    whether a developing entry has gone unreviewed past STALE_AFTER on the build's date."""
    reviewed = max(filter(None, (entry.reviewed_on, entry.updated)))
    stale = entry.status == "developing" and ctx.settings.build_date - reviewed > STALE_AFTER
    return {"reviewed": reviewed, "reviewed_words": ctx.words.date(reviewed),
            "explicit": entry.reviewed_on is not None, "stale": stale}


def update_view(ctx: RenderContext, update) -> dict:
    """An update's note in the build's language, else in English, marked as such."""
    note = ctx.text(update, "note")
    lang = ctx.language if note is not update.note or ctx.language == SOURCE_LANGUAGE else SOURCE_LANGUAGE
    return {"date": update.date, "date_words": ctx.words.date(update.date), "lang": lang,
            "note_html": Markup(ctx.markdown.inline(note))}


def entry_view(ctx: RenderContext, entry: Entry) -> dict:
    """An entry's page. It reads only the entry and the registries (never other entries), which
    is what lets its key be the entry alone (pages.plan_entries)."""
    site, here, text = ctx.site, entry_url(entry.id), entry_text(ctx, entry)
    return {
        **list_item_view(ctx, entry, here), "text": text,
        "translated_on_words": ctx.words.date(text["translated_on"]) if text["translated_on"] else None,
        "topics": [topic_link(ctx, topic_id, here) for topic_id in entry.topics],
        "body_html": Markup(ctx.markdown.block(text["body"])) if text["body"] else None,
        "claims": [claim_view(ctx, PlacedClaim(claim, entry), here) for claim in entry.claims],
        "actors": [actor_texts(ctx, site.actors[actor_id], here) for actor_id in actors_of(entry)],
        "sources": [source_view(ctx, source) for source in entry.sources],
        "updates": [update_view(ctx, update) for update in entry.updates],
        "updated": entry.updated, "updated_words": ctx.words.date(entry.updated),
        "english_url": english_link(ctx, entry_url(entry.id)),
        "tags": entry.tags, "correction_url": ctx.settings.edit_link(entry.path),
        "place": ctx.text(entry, "place"), "place_lang": ctx.text_lang(entry, "place"),
        "review": review_view(ctx, entry),
        "history": history_view(ctx, entry, update_view),
        "method_url": relative_url(here, METHOD_PAGE),
    }


def actor_texts(ctx: RenderContext, actor, here: str) -> dict:
    """An actor's fields, its names and role in the build's language (each with its language), and its link."""
    return {**actor.__dict__, **ctx.actor_names(actor), "role": ctx.text(actor, "role"),
            "role_lang": ctx.text_lang(actor, "role"), "url": relative_url(here, actor_url(actor.id))}


def actor_view(ctx: RenderContext, actor_id: str, here: str) -> dict:
    actor, ledger = ctx.site.actors[actor_id], ctx.ledger
    return {**actor_texts(ctx, actor, here), "kind_words": ctx.words.kind(actor.kind),
            "claims": len(ledger.by_actor[actor_id]), "entries": len(ledger.entries_by_actor[actor_id])}


def english_url(ctx: RenderContext, url: str) -> str | None:
    """The same page on the English site (absolute), from another language's site."""
    english = ctx.settings.site_of(SOURCE_LANGUAGE)
    return absolute(english, url) if english and ctx.language != SOURCE_LANGUAGE else None


def english_link(ctx: RenderContext, url: str) -> str | None:
    """The same page on the English site, from that page in another language's site, as a reader
    clicks it: relative, so that a copy of the site at another address keeps its reader (a feed,
    read away from the site, takes english_url)."""
    if not ctx.settings.site_of(SOURCE_LANGUAGE) or ctx.language == SOURCE_LANGUAGE:
        return None
    return relative_url(FOLDERS[ctx.language] + url, FOLDERS[SOURCE_LANGUAGE] + url)
