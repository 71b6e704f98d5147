"""What templates see: model objects enriched with words, sanitised HTML and links.

Derived values are computed here, once, so the templates only place them.
Everything marked Markup has been sanitised (markup.py); everything else is
escaped by Jinja's autoescape.
"""
from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from ..model.claims import PlacedClaim
from ..model.ledger import actors_of
from ..model.site import Entry, Site
from .claim_views import claim_view
from .context import RenderContext
from .paths import actor_url, entry_url, relative_url, topic_url
from .words import KIND_WORDS, STATUS_WORDS, date_in_words


def topic_link(site: Site, topic_id: str, here: str) -> dict:
    topic = site.topics[topic_id]
    return {"id": topic.id, "title": topic.title, "url": relative_url(here, topic_url(topic.id))}


def topic_view(ctx: RenderContext, topic_id: str, here: str) -> dict:
    """A topic with its summary and how many entries it has: for the home and topic pages."""
    topic = ctx.site.topics[topic_id]
    line = topic.bottom_line
    return {**topic_link(ctx.site, topic_id, here), "summary_html": Markup(ctx.markdown.inline(topic.summary)),
            "count": len(ctx.site.entries_on(topic.id)),
            "bottom_line_html": Markup(ctx.markdown.inline(line.text)) if line else None,
            "bottom_line_as_of": line.as_of if line else None,
            "bottom_line_as_of_words": date_in_words(line.as_of) if line else None}


def list_item_view(ctx: RenderContext, entry: Entry, here: str) -> dict:
    """The short form of an entry used in lists (topic pages, timeline, home)."""
    return {"id": entry.id, "title": entry.title, "date": entry.date,
            "date_words": date_in_words(entry.date), "status": entry.status,
            "status_words": STATUS_WORDS[entry.status],
            "url": relative_url(here, entry_url(entry.id)),
            "summary_html": Markup(ctx.markdown.inline(entry.summary))}


def source_view(source) -> dict:
    words = date_in_words(source.published) if source.published else None
    return {**source.__dict__, "published_words": words}


METHOD_PAGE = "about/"
# A developing entry not reviewed for this long is marked "not reviewed since" (the rule is on About).
STALE_AFTER = dt.timedelta(days=14)


def review_view(ctx: RenderContext, entry: Entry) -> dict:
    """When the entry was last looked at (its review date, else its latest update or date), and
    whether a developing entry has gone unreviewed past STALE_AFTER on the build's date."""
    reviewed = max(filter(None, (entry.reviewed_on, entry.updated)))
    stale = entry.status == "developing" and ctx.settings.build_date - reviewed > STALE_AFTER
    return {"reviewed": reviewed, "reviewed_words": date_in_words(reviewed),
            "explicit": entry.reviewed_on is not None, "stale": stale}


def entry_view(ctx: RenderContext, entry: Entry) -> dict:
    """An entry's page. It reads only the entry and the registries (never other entries), which
    is what lets a preview server reuse it while those are unchanged (site_outputs.EntryPages)."""
    site, here = ctx.site, entry_url(entry.id)
    return {
        **list_item_view(ctx, entry, here),
        "topics": [topic_link(site, topic_id, here) for topic_id in entry.topics],
        "body_html": Markup(ctx.markdown.block(entry.body)),
        "claims": [claim_view(site, PlacedClaim(claim, entry), here) for claim in entry.claims],
        "actors": [{**site.actors[actor_id].__dict__, "url": relative_url(here, actor_url(actor_id))}
                   for actor_id in actors_of(entry)],
        "sources": [source_view(source) for source in entry.sources],
        "updates": [{"date": u.date, "date_words": date_in_words(u.date),
                     "note_html": Markup(ctx.markdown.inline(u.note))} for u in entry.updates],
        "updated": entry.updated, "updated_words": date_in_words(entry.updated),
        "tags": entry.tags, "correction_url": ctx.settings.edit_link(entry.path),
        "place": entry.place, "review": review_view(ctx, entry),
        "method_url": relative_url(here, METHOD_PAGE),
    }


def actor_view(ctx: RenderContext, actor_id: str, here: str) -> dict:
    actor, ledger = ctx.site.actors[actor_id], ctx.ledger
    return {**actor.__dict__, "kind_words": KIND_WORDS[actor.kind], "url": relative_url(here, actor_url(actor_id)),
            "claims": len(ledger.by_actor[actor_id]), "entries": len(ledger.entries_by_actor[actor_id])}
