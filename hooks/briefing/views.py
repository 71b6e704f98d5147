"""What templates see: model objects enriched with words, sanitised HTML and links.

Derived values are computed here, once, so the templates only place them.
Everything marked Markup has been sanitised (markup.py); everything else is
escaped by Jinja's autoescape.
"""
from __future__ import annotations

from markupsafe import Markup

from .markup import render_block, render_inline
from .model import Entry, Site
from .paths import page_source, page_url, relative_url
from .words import STATUS_WORDS, date_in_words, value_in_words


def entry_url(entry_id: str) -> str:
    return page_url(page_source("entries", entry_id))


def topic_url(topic_id: str) -> str:
    return page_url(page_source("topics", topic_id))


TIMELINE_URL = page_url(page_source("timeline"))


def topic_view(site: Site, topic_id: str, here: str) -> dict:
    topic = site.topics[topic_id]
    return {"id": topic.id, "title": topic.title, "url": relative_url(here, topic_url(topic.id)),
            "summary_html": Markup(render_inline(topic.summary)),
            "count": len(site.entries_on(topic.id))}


def list_item_view(entry: Entry, here: str) -> dict:
    """The short form of an entry used in lists (topic pages, timeline, home)."""
    return {"id": entry.id, "title": entry.title, "date": entry.date,
            "date_words": date_in_words(entry.date), "status": entry.status,
            "status_words": STATUS_WORDS[entry.status],
            "url": relative_url(here, entry_url(entry.id)),
            "summary_html": Markup(render_inline(entry.summary))}


def claim_view(site: Site, entry: Entry, claim) -> dict:
    figure = site.figures[claim.figure]
    sources = {source.id: source for source in entry.sources}
    return {"actor_name": site.actors[claim.by].name, "figure_label": figure.label,
            "unit": figure.unit, "source": claim.source,
            "source_title": sources[claim.source].title,
            "value_words": value_in_words(claim.low, claim.high, claim.is_range, claim.qualifier),
            "said_on": claim.said_on, "said_on_words": date_in_words(claim.said_on),
            "scope": claim.scope, "quote": claim.quote}


def source_view(source) -> dict:
    words = date_in_words(source.published) if source.published else None
    return {**source.__dict__, "published_words": words}


def entry_view(site: Site, entry: Entry) -> dict:
    here = entry_url(entry.id)
    actor_ids = list(entry.actors) + [c.by for c in entry.claims if c.by not in entry.actors]
    return {
        **list_item_view(entry, here),
        "topics": [topic_view(site, topic_id, here) for topic_id in entry.topics],
        "body_html": Markup(render_block(entry.body)),
        "claims": [claim_view(site, entry, claim) for claim in entry.claims],
        "actors": [site.actors[actor_id] for actor_id in actor_ids],
        "sources": [source_view(source) for source in entry.sources],
        "updates": [{"date": u.date, "date_words": date_in_words(u.date),
                     "note_html": Markup(render_inline(u.note))} for u in entry.updates],
        "updated": entry.updated, "updated_words": date_in_words(entry.updated),
        "tags": entry.tags,
    }
