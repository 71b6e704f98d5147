"""What templates see: model objects enriched with words, sanitised HTML and links.

Derived values are computed here, once, so the templates only place them.
Everything marked Markup has been sanitised (markup.py); everything else is
escaped by Jinja's autoescape.
"""
from __future__ import annotations

from markupsafe import Markup

from .markup import render_block, render_inline
from .model import Entry, Site
from .ledger import PlacedClaim, actors_of
from .ledger_views import claim_row
from .paths import actor_url, entry_url, relative_url, topic_url
from .words import STATUS_WORDS, date_in_words


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


def source_view(source) -> dict:
    words = date_in_words(source.published) if source.published else None
    return {**source.__dict__, "published_words": words}


def entry_view(site: Site, entry: Entry) -> dict:
    here = entry_url(entry.id)
    return {
        **list_item_view(entry, here),
        "topics": [topic_view(site, topic_id, here) for topic_id in entry.topics],
        "body_html": Markup(render_block(entry.body)),
        "claims": [claim_row(site, PlacedClaim(claim, entry), here) for claim in entry.claims],
        "actors": [{**site.actors[actor_id].__dict__, "url": relative_url(here, actor_url(actor_id))}
                   for actor_id in actors_of(entry)],
        "sources": [source_view(source) for source in entry.sources],
        "updates": [{"date": u.date, "date_words": date_in_words(u.date),
                     "note_html": Markup(render_inline(u.note))} for u in entry.updates],
        "updated": entry.updated, "updated_words": date_in_words(entry.updated),
        "tags": entry.tags,
    }
