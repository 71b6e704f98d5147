"""The pages of the site, made from the model: entries, topics, timeline, figures, actors, home.

A page is an HTML body from a Jinja template plus its meta (title, description,
head data from head.py). Any engine that can place an HTML fragment in a layout
can publish these pages.
"""
from __future__ import annotations

from functools import partial
from itertools import groupby

from ..format.reference import reference_context
from ..format.spec import registry_path
from ..format.translations import SOURCE_LANGUAGE
from ..model.site import Entry, Site
from .cite_pages import citation_view, entry_citation
from .claim_views import comparison_key, figure_summary
from .context import RenderContext
from .edition import edition_key, edition_link
from .head import news_article, page_meta
from .outputs import GeneratedPage, Planned
from .paginate import Slice, pager_view, paginate
from .paths import (
    ACTORS_URL,
    ENTRIES,
    FIGURES_URL,
    TIMELINE_URL,
    entry_url,
    feed_path,
    page_source,
    page_url,
    relative_file_url,
    relative_url,
    topic_feed_name,
)
from .standing import key_figures, site_dates
from .views import METHOD_PAGE, entry_view, list_item_view, topic_view

LATEST_ON_HOME = 5
FEEDS_PAGE = "data/"  # the open data page lists every feed ("Subscribe")
HOME = "index.md"  # the hand-written home page, which the home sections go below
FORMAT_PAGE = "format.md"
FORMAT_DEFINITION = "hooks/briefing/format/spec.py"  # where the format reference is made from


def make_page(ctx: RenderContext, source: str, origin: str, title: str, description: str, template: str,
              topic_ids=(), jsonld=None, search: bool = True, search_facts: dict | None = None,
              title_lang: str | None = None, **context) -> GeneratedPage:
    """`search=False` keeps a page out of the search index: lists that only repeat entries.
    `search_facts` is what a search result shows beside the title: the page's type ("Entry",
    "Topic", ...; "Page" if not given) and an entry's date and topic, as plain text (only the
    search index reads them, and escapes them: publish/search_index.py). A `title_lang` other
    than the page's (a name not yet translated) is given to the theme, which marks the title."""
    meta = page_meta(ctx.site, title, description, topic_ids, jsonld,
                     og_type="article" if jsonld else "website", language=ctx.words.language)
    if title_lang and title_lang != ctx.language:
        meta["briefing_title_in"] = {"lang": title_lang, "title": title, "note": ""}
    meta["briefing_search"] = search_facts or {"type": "Page"}
    if not search:
        meta["search"] = {"exclude": True}
    return GeneratedPage(source, origin, ctx.render(template, **context), meta)


def entry_page(ctx: RenderContext, entry: Entry) -> GeneratedPage:
    """An entry's page; on another language's site, without a translation, a page that says so
    and gives what needs none (date, claims, sources) and the way to the English text."""
    view = entry_view(ctx, entry)
    text = view["text"]
    citation = citation_view(ctx, entry_citation(ctx, entry), entry_url(entry.id), entry_url(entry.id))
    if not text["translated"]:
        title = ctx._("{title} (in English)").format(title=entry.title)
        page = make_page(ctx, page_source(ENTRIES, entry.id), entry.path, title,
                         ctx._("This entry is not translated yet."), "entry_untranslated.html.j2", entry.topics,
                         search=False, entry=view, citation=citation)
        page.meta["briefing_title_in"] = {"lang": SOURCE_LANGUAGE, "title": entry.title, "note": ctx._("(in English)")}
        return page
    description = ctx.markdown.plain(text["summary"])
    facts = {"type": ctx._("Entry"), "date": ctx.words.date(entry.date),
             "topic": ctx.text(ctx.site.topics[entry.topics[0]], "title")}
    return make_page(ctx, page_source(ENTRIES, entry.id), entry.path, text["title"], description,
                     "entry.html.j2", entry.topics, news_article(ctx, entry, text["title"], description),
                     search_facts=facts, entry=view, citation=citation)


def plan_entries(ctx: RenderContext) -> list[Planned]:
    """A page per entry. It reads the entry, its versions and the registers' changes (its history)
    and the registries only (entry_view), never other entries."""
    versions = ctx.histories.of if ctx.histories else lambda entry_id: ()
    changes = ctx.histories.register_changes if ctx.histories else ()
    return [Planned(page_source(ENTRIES, entry.id), (entry, versions(entry.id), changes),
                    partial(entry_page, ctx, entry), entry.path) for entry in ctx.site.entries]


def plan_topics(ctx: RenderContext) -> list[Planned]:
    """A topic's entries, newest first, in pages; page 1 also compares the figures they make claims
    about (so it reads their comparisons too)."""
    planned = []
    for topic_id in ctx.site.topics:
        entries = ctx.site.entries_on(topic_id)
        figure_ids = ctx.ledger.figures_on(topic_id)
        figures_key = tuple(comparison_key(ctx, f) for f in figure_ids)
        for part in paginate(list(entries), "topics", topic_id):
            front = (figures_key, edition_key(ctx)) if part.number == 1 else ()  # page 1: figures, edition
            key = (part.number, part.count, tuple(part.items), len(entries), front)
            planned.append(Planned(part.source, key, partial(topic_page, ctx, topic_id, part, figure_ids),
                                   registry_path("topic")))
    return planned


def topic_page(ctx: RenderContext, topic_id: str, part: Slice, figure_ids: list[str]) -> GeneratedPage:
    topic, here, segments = ctx.site.topics[topic_id], part.url, ("topics", topic_id)
    figures = [figure_summary(ctx, f, here) for f in figure_ids] if part.number == 1 else []
    return make_page(ctx, part.source, registry_path("topic"), numbered(ctx, ctx.text(topic, "title"), part.number),
                     ctx.markdown.plain(ctx.text(topic, "summary")),
                     "topic.html.j2", (topic_id,), search=part.number == 1,
                     search_facts={"type": ctx._("Topic")},
                     topic=topic_view(ctx, topic_id, here), figures=figures,
                     feed_url=relative_file_url(here, feed_path(topic_feed_name(topic_id), "atom")),
                     feeds_url=relative_url(here, FEEDS_PAGE),
                     edition=edition_link(ctx, here) if part.number == 1 else None,
                     entries=[list_item_view(ctx, entry, here) for entry in part.items],
                     pager=pager_view(part, segments))


def month_groups(site: Site) -> list[tuple[str, list]]:
    """Entries by month, newest month first: ('2026-01', [entries])."""
    return [(f"{year}-{month:02d}", list(entries))
            for (year, month), entries in groupby(site.entries, key=lambda e: (e.date.year, e.date.month))]


def plan_timeline(ctx: RenderContext) -> list[Planned]:
    """timeline/: the months and the latest entries; timeline/YYYY-MM/: one month's entries, paginated."""
    groups = month_groups(ctx.site)
    latest = tuple(groups[0][1][:LATEST_ON_HOME] if groups else ())
    key = (tuple((month, len(entries)) for month, entries in groups), latest)
    planned = [Planned(page_source("timeline"), key, partial(timeline_index, ctx, groups, latest))]
    for month, entries in groups:
        for part in paginate(entries, "timeline", month):
            planned.append(Planned(part.source, (part.number, part.count, tuple(part.items)),
                                   partial(month_page, ctx, month, part)))
    return planned


def timeline_index(ctx: RenderContext, groups: list, latest: tuple) -> GeneratedPage:
    months = [{"title": ctx.words.month(entries[0].date), "count": len(entries),
               "url": relative_url(TIMELINE_URL, page_url(page_source("timeline", key)))} for key, entries in groups]
    return make_page(ctx, page_source("timeline"), "", ctx._("Timeline"), ctx._("Every briefing entry by date."),
                     "timeline.html.j2", search=False, heading=ctx._("Timeline"), months=months,
                     entries=[list_item_view(ctx, e, TIMELINE_URL) for e in latest],
                     section_id="latest", section_title=ctx._("Latest entries"), pager=None)


def month_page(ctx: RenderContext, month: str, part: Slice) -> GeneratedPage:
    title = numbered(ctx, ctx.words.month(part.items[0].date), part.number)
    return make_page(ctx, part.source, "", title, ctx._("Briefing entries of {month}.").format(month=title),
                     "timeline.html.j2", search=False, heading=title, months=[],
                     entries=[list_item_view(ctx, e, part.url) for e in part.items],
                     section_id="entries", section_title=ctx._("Entries, newest first"),
                     pager=pager_view(part, ("timeline", month)))


def numbered(ctx: RenderContext, title: str, number: int) -> str:
    """A list's title, with its page number after the first page."""
    return title if number == 1 else ctx._("{title}, page {number}").format(title=title, number=number)


LATEST_PER_TOPIC = 1
def plan_home_section(ctx: RenderContext) -> list[Planned]:
    """The generated part of the home page, below its title: where things stand, as of when."""
    site = ctx.site
    topics = tuple((len(site.entries_on(t)), site.entries_on(t)[:LATEST_PER_TOPIC]) for t in site.topics)
    key = (len(site.entries), site_dates(ctx), site.entries[:LATEST_ON_HOME],
           topics, tuple(comparison_key(ctx, f) for f in key_figures(ctx.ledger)), edition_key(ctx))
    return [Planned(HOME, key, partial(home_html, ctx))]


def home_html(ctx: RenderContext) -> str:
    site, ledger, here = ctx.site, ctx.ledger, ""
    as_of, changed = site_dates(ctx)
    topics = [{**topic_view(ctx, topic_id, here),
               "latest": [list_item_view(ctx, e, here) for e in site.entries_on(topic_id)[:LATEST_PER_TOPIC]]}
              for topic_id in site.topics]
    return ctx.render("home.html.j2", as_of=as_of, as_of_words=ctx.words.date(as_of) if as_of else None,
                      changed=changed, changed_words=ctx.words.date(changed) if changed else None,
                      entry_count=len(site.entries), topics=topics,
                      figures=[figure_summary(ctx, f, here) for f in key_figures(ledger)],
                      entries=[list_item_view(ctx, e, here) for e in site.entries[:LATEST_ON_HOME]],
                      timeline_url=relative_url(here, TIMELINE_URL), feeds_url=relative_url(here, FEEDS_PAGE),
                      figures_url=relative_url(here, FIGURES_URL), actors_url=relative_url(here, ACTORS_URL),
                      about_url=relative_url(here, METHOD_PAGE), edition=edition_link(ctx, here))


def plan_format_page(ctx: RenderContext) -> list[Planned]:
    """The format reference: it reads only the format's definition (shared by every build)."""
    return [Planned(FORMAT_PAGE, (), partial(format_page, ctx), FORMAT_DEFINITION)]


def format_page(ctx: RenderContext) -> GeneratedPage:
    """The format reference: Markdown generated from format/spec.py, no contributor text in it, in the
    build's language (the words spec.py gives, through its catalog)."""
    return GeneratedPage(FORMAT_PAGE, FORMAT_DEFINITION,
                         ctx.render("format.md.j2", **reference_context(ctx._, ctx.words.number, ctx.words.date)),
                         {"title": ctx._("Format reference"),
                          "description": ctx._("The briefing entry format: every field, its type and meaning.")},
                         is_html=False)
