"""The pages of the site, made from the model: entries, topics, timeline, figures, actors, home.

A page is an HTML body from a Jinja template plus its meta (title, description,
head data from head.py). Any engine that can place an HTML fragment in a layout
can publish these pages.
"""
from __future__ import annotations

from itertools import groupby

from ..format.reference import reference_context
from ..format.spec import registry_path
from ..model.site import Entry, Site
from .claim_views import claim_view, figure_summary, figure_view
from .context import RenderContext
from .head import news_article, page_meta
from .outputs import GeneratedPage
from .paginate import Slice, pager_view, paginate, slice_source
from .paths import (
    ACTORS_URL,
    ENTRIES,
    FIGURES_URL,
    TIMELINE_URL,
    feed_path,
    page_source,
    page_url,
    relative_url,
    topic_feed_name,
)
from .views import METHOD_PAGE, actor_view, entry_view, list_item_view, topic_view
from .words import KIND_PLURAL_WORDS, date_in_words, month_in_words

LATEST_ON_HOME = 5
FEEDS_PAGE = "data/"  # the open data page lists every feed ("Subscribe")


def make_page(ctx: RenderContext, source: str, origin: str, title: str, description: str, template: str,
              topic_ids=(), jsonld=None, search: bool = True, search_facts: dict | None = None,
              **context) -> GeneratedPage:
    """`search=False` keeps a page out of the search index: lists that only repeat entries.
    `search_facts` is what a search result shows beside the title: the page's type ("Entry",
    "Topic", ...; "Page" if not given) and an entry's date and topic, as plain text (only the
    search index reads them, and escapes them: publish/search_index.py)."""
    meta = page_meta(ctx.site, title, description, topic_ids, jsonld,
                     og_type="article" if jsonld else "website")
    meta["briefing_search"] = search_facts or {"type": "Page"}
    if not search:
        meta["search"] = {"exclude": True}
    return GeneratedPage(source, origin, ctx.render(template, **context), meta)


def entry_page(ctx: RenderContext, entry: Entry) -> GeneratedPage:
    description = ctx.markdown.plain(entry.summary)
    facts = {"type": "Entry", "date": date_in_words(entry.date), "topic": ctx.site.topics[entry.topics[0]].title}
    return make_page(ctx, page_source(ENTRIES, entry.id), entry.path, entry.title, description,
                     "entry.html.j2", entry.topics, news_article(entry, description, ctx.site_name, ctx.base_url),
                     search_facts=facts, entry=entry_view(ctx, entry))


def topic_pages(ctx: RenderContext, topic_id: str) -> list[GeneratedPage]:
    site, ledger, topic = ctx.site, ctx.ledger, ctx.site.topics[topic_id]
    entries = site.entries_on(topic_id)
    segments = ("topics", topic_id)
    pages = []
    for part in paginate(list(entries), *segments):
        here = part.url
        figures = [figure_summary(ctx, f, here) for f in ledger.figures_of(entries)] if part.number == 1 else []
        title = topic.title if part.number == 1 else f"{topic.title}, page {part.number}"
        pages.append(make_page(ctx, part.source, registry_path("topic"), title, ctx.markdown.plain(topic.summary),
                               "topic.html.j2", (topic_id,), search=part.number == 1,
                               search_facts={"type": "Topic"},
                               topic=topic_view(ctx, topic_id, here), figures=figures,
                               feed_url=relative_url(here, feed_path(topic_feed_name(topic_id), "atom")),
                               feeds_url=relative_url(here, FEEDS_PAGE),
                               entries=[list_item_view(ctx, entry, here) for entry in part.items],
                               pager=pager_view(part, segments)))
    return pages


def month_groups(site: Site) -> list[tuple[str, list]]:
    """Entries by month, newest month first: ('2026-01', [entries])."""
    return [(f"{year}-{month:02d}", list(entries))
            for (year, month), entries in groupby(site.entries, key=lambda e: (e.date.year, e.date.month))]


def timeline_pages(ctx: RenderContext) -> list[GeneratedPage]:
    """timeline/: the months; timeline/YYYY-MM/: one month's entries, paginated."""
    groups = month_groups(ctx.site)
    months = [{"title": month_in_words(entries[0].date), "count": len(entries),
               "url": relative_url(TIMELINE_URL, page_url(page_source("timeline", key)))} for key, entries in groups]
    latest = [list_item_view(ctx, e, TIMELINE_URL) for e in (groups[0][1][:LATEST_ON_HOME] if groups else [])]
    pages = [make_page(ctx, page_source("timeline"), "", "Timeline", "Every briefing entry by date.",
                       "timeline.html.j2", search=False, heading="Timeline", months=months, entries=latest,
                       section_id="latest", section_title="Latest entries", pager=None)]
    for key, entries in groups:
        segments = ("timeline", key)
        for part in paginate(entries, *segments):
            title = month_in_words(entries[0].date) + (f", page {part.number}" if part.number > 1 else "")
            pages.append(make_page(ctx, part.source, "", title, f"Briefing entries of {title}.",
                                   "timeline.html.j2", search=False, heading=title, months=[],
                                   entries=[list_item_view(ctx, e, part.url) for e in part.items],
                                   section_id="entries", section_title="Entries, newest first",
                                   pager=pager_view(part, segments)))
    return pages


def newest_pages(items: list, *segments: str) -> list:
    """Pages of a date-ordered list, the newest on page 1, each page still in date order."""
    return [Slice(part.number, part.count, part.items[::-1], part.source)
            for part in paginate(items[::-1], *segments)]


def figure_pages(ctx: RenderContext, figure_id: str) -> list[GeneratedPage]:
    figure, segments = ctx.site.figures[figure_id], ("figures", figure_id)
    description = ctx.markdown.plain(figure.description) or f"Every claim of {figure.label}, side by side."
    pages = []
    for part in newest_pages(ctx.ledger.by_figure[figure_id], *segments):
        title = figure.label + (f", page {part.number}" if part.number > 1 else "")
        pages.append(make_page(ctx, part.source, registry_path("figure"), title, description, "figure.html.j2",
                               search=part.number == 1, search_facts={"type": "Figure"},
                               figure=figure_view(ctx, figure_id, part.items, part.url, pager_view(part, segments)),
                               method_url=relative_url(part.url, METHOD_PAGE)))
    return pages


def figures_index(ctx: RenderContext) -> GeneratedPage:
    figures = [figure_summary(ctx, figure_id, FIGURES_URL) for figure_id in ctx.site.figures]
    return make_page(ctx, page_source("figures", "index"), registry_path("figure"), "Figures",
                     "Tracked figures and every claim of each, side by side.", "figures_index.html.j2",
                     figures=figures)


def actor_pages(ctx: RenderContext, actor_id: str) -> list[GeneratedPage]:
    """Claims (in date order) and entries (newest first), the newest of each on page 1."""
    ledger, actor, segments = ctx.ledger, ctx.site.actors[actor_id], ("actors", actor_id)
    claims = newest_pages(ledger.by_actor[actor_id], *segments)
    entries = paginate(ledger.entries_by_actor[actor_id], *segments)
    count = max(len(claims), len(entries))
    description = f"{actor.name}" + (f", {actor.role}" if actor.role else "") + ": claims and entries."
    pages = []
    for number in range(1, count + 1):
        part = Slice(number, count, [], slice_source(segments, number))
        here = part.url
        title = actor.name + (f", page {number}" if number > 1 else "")
        page_claims = claims[number - 1].items if number <= len(claims) else []
        page_entries = entries[number - 1].items if number <= len(entries) else []
        pages.append(make_page(ctx, part.source, registry_path("actor"), title, description, "actor.html.j2",
                               search=number == 1, search_facts={"type": "Actor"},
                               actor=actor_view(ctx, actor_id, here),
                               claims=[claim_view(ctx.site, placed, here) for placed in page_claims],
                               entries=[list_item_view(ctx, entry, here) for entry in page_entries],
                               pager=pager_view(part, segments)))
    return pages


def actors_index(ctx: RenderContext) -> GeneratedPage:
    """Every actor, by kind (people first), each kind a section, names in alphabetical order."""
    actors = sorted((actor_view(ctx, actor_id, ACTORS_URL) for actor_id in ctx.site.actors),
                    key=lambda actor: actor["name"].casefold())
    kinds = [{"id": kind, "words": words, "actors": [a for a in actors if a["kind"] == kind]}
             for kind, words in KIND_PLURAL_WORDS.items()]
    return make_page(ctx, page_source("actors", "index"), registry_path("actor"), "Actors",
                     "Who appears in the briefings, and the claims attributed to each.", "actors_index.html.j2",
                     kinds=[kind for kind in kinds if kind["actors"]])


LATEST_PER_TOPIC = 1
CONTESTED_FIRST = {"conflict": 0, "differ": 1, "agree": 2, "one": 3}


def key_figures(ledger) -> list[str]:
    """The figures with claims, the contested first, then those with more claims."""
    compared = ledger.comparisons
    return sorted((f for f in ledger.site.figures if ledger.by_figure[f]),
                  key=lambda f: (CONTESTED_FIRST.get(compared[f].state, 4), -len(compared[f].claims)))


def home_section(ctx: RenderContext) -> str:
    """The generated part of the home page, below its title: where things stand, as of when."""
    site, ledger, here = ctx.site, ctx.ledger, ""
    as_of = max((entry.updated for entry in site.entries), default=None)
    topics = [{**topic_view(ctx, topic_id, here),
               "latest": [list_item_view(ctx, e, here) for e in site.entries_on(topic_id)[:LATEST_PER_TOPIC]]}
              for topic_id in site.topics]
    return ctx.render("home.html.j2", as_of=as_of, as_of_words=date_in_words(as_of) if as_of else None,
                      entry_count=len(site.entries), topics=topics,
                      figures=[figure_summary(ctx, f, here) for f in key_figures(ledger)],
                      entries=[list_item_view(ctx, e, here) for e in site.entries[:LATEST_ON_HOME]],
                      timeline_url=relative_url(here, TIMELINE_URL), feeds_url=relative_url(here, FEEDS_PAGE),
                      figures_url=relative_url(here, FIGURES_URL), actors_url=relative_url(here, ACTORS_URL),
                      about_url=relative_url(here, METHOD_PAGE))


def format_page(ctx: RenderContext) -> GeneratedPage:
    """The format reference: Markdown generated from format/spec.py, no contributor text in it."""
    return GeneratedPage("format.md", "hooks/briefing/format/spec.py",
                         ctx.render("format.md.j2", **reference_context()),
                         {"title": "Format reference",
                          "description": "The briefing entry format: every field, its type and meaning."},
                         is_html=False)
