"""What templates see: model objects enriched with words, sanitised HTML and links.

Derived values are computed here, once, so the templates only place them.
Everything marked Markup has been sanitised (markup.py); everything else is
escaped by Jinja's autoescape.
"""
from __future__ import annotations

from markupsafe import Markup

from ..model.ledger import PlacedClaim, Spread, actors_of
from ..model.site import Entry, Site
from .chart import chart_geometry
from .context import RenderContext
from .paths import actor_url, entry_url, figure_url, relative_url, topic_url
from .words import BASIS_WORDS, KIND_WORDS, STATUS_WORDS, claim_value_words, date_in_words, unit_in_words

LATEST_PER_FIGURE = 3


def topic_link(site: Site, topic_id: str, here: str) -> dict:
    topic = site.topics[topic_id]
    return {"id": topic.id, "title": topic.title, "url": relative_url(here, topic_url(topic.id))}


def topic_view(ctx: RenderContext, topic_id: str, here: str) -> dict:
    """A topic with its summary and how many entries it has: for the home and topic pages."""
    topic = ctx.site.topics[topic_id]
    return {**topic_link(ctx.site, topic_id, here), "summary_html": Markup(ctx.markdown.inline(topic.summary)),
            "count": len(ctx.site.entries_on(topic.id))}


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
    }


def claim_view(site: Site, placed: PlacedClaim, here: str) -> dict:
    """One claim, with everything a table row, a chart row or a summary needs."""
    claim, entry = placed.claim, placed.entry
    figure = site.figures[claim.figure]
    source = next(source for source in entry.sources if source.id == claim.source)
    on_entry_page = here == entry_url(entry.id)
    return {
        "actor_name": site.actors[claim.by].name, "actor_url": relative_url(here, actor_url(claim.by)),
        "figure_label": figure.label, "figure_url": relative_url(here, figure_url(figure.id)),
        "unit": unit_in_words(figure, claim), "value_words": claim_value_words(claim),
        "said_on": claim.said_on, "said_on_words": date_in_words(claim.said_on),
        "scope": claim.scope, "quote": claim.quote, "basis": BASIS_WORDS.get(claim.basis or ""),
        "entry_title": entry.title, "entry_url": relative_url(here, entry_url(entry.id)),
        "source_title": source.title,
        "source_url": ("" if on_entry_page else relative_url(here, entry_url(entry.id))) + f"#source-{source.id}",
    }


def spread_words(site: Site, spread: Spread | None) -> str:
    """'Claims range from 60–70 (Human rights organizations) to more than 400 (Jorge Rodríguez).'"""
    if spread is None:
        return ""
    low, high = spread.lowest.claim, spread.highest.claim
    return (f"Claims range from {claim_value_words(low)} ({site.actors[low.by].name}) "
            f"to {claim_value_words(high)} ({site.actors[high.by].name}).")


def figure_summary(ctx: RenderContext, figure_id: str, here: str) -> dict:
    """A figure in brief, for the home page and topic pages: latest claims and whether they differ."""
    site, ledger = ctx.site, ctx.ledger
    claims, figure = ledger.by_figure[figure_id], site.figures[figure_id]
    return {"id": figure_id, "label": figure.label, "unit": figure.unit,
            "url": relative_url(here, figure_url(figure_id)), "count": len(claims),
            "differ": ledger.spreads[figure_id] is not None,
            "spread_words": spread_words(site, ledger.spreads[figure_id]),
            "latest": [claim_view(site, placed, here) for placed in claims[-LATEST_PER_FIGURE:][::-1]]}


def figure_view(ctx: RenderContext, figure_id: str, claims: list, here: str, pager: dict | None) -> dict:
    """A figure's page: `claims` are the ones on this page (all of them, or one page's worth)."""
    figure = ctx.site.figures[figure_id]
    return {"id": figure_id, "label": figure.label, "unit": figure.unit,
            "description_html": Markup(ctx.markdown.inline(figure.description)),
            "rows": [claim_view(ctx.site, placed, here) for placed in claims],
            "chart": chart_geometry(claims) if claims else None, "chart_id": f"chart-{figure_id}",
            "summary": figure_summary(ctx, figure_id, here), "pager": pager}


def actor_view(ctx: RenderContext, actor_id: str, here: str) -> dict:
    actor, ledger = ctx.site.actors[actor_id], ctx.ledger
    return {**actor.__dict__, "kind_words": KIND_WORDS[actor.kind], "url": relative_url(here, actor_url(actor_id)),
            "claims": len(ledger.by_actor[actor_id]), "entries": len(ledger.entries_by_actor[actor_id])}
