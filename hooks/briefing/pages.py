"""The pages of the site, made from the model: entries, topics, timeline, home sections.

A page is an HTML body from a Jinja template plus its meta (title, description,
head data from head.py). Any engine that can place an HTML fragment in a layout
can publish these pages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .head import news_article, page_meta
from .ledger import Ledger
from .ledger_views import figure_summary
from .markup import plain_text
from .model import Site
from .paginate import paginate, pager_view
from .paths import ACTORS_URL, FIGURES_URL, TIMELINE_URL, page_source, page_url, relative_url
from .reference import reference_context
from .views import entry_view, list_item_view, topic_view
from .words import month_in_words

LATEST_ON_HOME = 10
_templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=select_autoescape(["html.j2"], disabled_extensions=["md.j2"], default=True),
                         undefined=StrictUndefined,
                         trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


@dataclass(frozen=True)
class Build:
    """Everything pages are made from: the model, its ledger, and where the site is published."""

    site: Site
    ledger: Ledger
    site_name: str
    base_url: str


@dataclass(frozen=True)
class GeneratedPage:
    source: str      # path of the page inside docs/, e.g. entries/some-id.md
    origin: str      # the file to edit to change it ("" for lists made of many files)
    body: str        # HTML from a template (or Markdown, for the format reference)
    meta: dict = field(default_factory=dict)
    is_html: bool = True  # False: Markdown for the engine to render

    @property
    def url(self) -> str:
        return page_url(self.source)


def render(template: str, **context) -> str:
    return _templates.get_template(template).render(**context)


def make_page(build: Build, source: str, origin: str, title: str, description: str, template: str,
              topic_ids=(), jsonld=None, search: bool = True, **context) -> GeneratedPage:
    """`search=False` keeps a page out of the search index: lists that only repeat entries."""
    meta = page_meta(build.site, title, description, topic_ids, jsonld,
                     og_type="article" if jsonld else "website")
    if not search:
        meta["search"] = {"exclude": True}
    return GeneratedPage(source, origin, render(template, **context), meta)


def entry_page(build: Build, entry) -> GeneratedPage:
    description = plain_text(entry.summary)
    return make_page(build, page_source("entries", entry.id), entry.path, entry.title, description,
                     "entry.html.j2", entry.topics, news_article(entry, description, build.site_name, build.base_url),
                     entry=entry_view(build.site, entry))


def topic_pages(build: Build, topic_id: str) -> list[GeneratedPage]:
    site, ledger, topic = build.site, build.ledger, build.site.topics[topic_id]
    entries = site.entries_on(topic_id)
    segments = ("topics", topic_id)
    pages = []
    for part in paginate(list(entries), *segments):
        here = part.url
        figures = [figure_summary(ledger, f, here) for f in ledger.figures_of(entries)] if part.number == 1 else []
        title = topic.title if part.number == 1 else f"{topic.title}, page {part.number}"
        pages.append(make_page(build, part.source, "briefings/topics.yaml", title, plain_text(topic.summary),
                               "topic.html.j2", (topic_id,), search=part.number == 1,
                               topic=topic_view(site, topic_id, here), figures=figures,
                               entries=[list_item_view(entry, here) for entry in part.items],
                               pager=pager_view(part, segments)))
    return pages


def month_groups(site: Site) -> list[tuple[str, list]]:
    """Entries by month, newest month first: ('2026-01', [entries])."""
    return [(f"{year}-{month:02d}", list(entries))
            for (year, month), entries in groupby(site.entries, key=lambda e: (e.date.year, e.date.month))]


def timeline_pages(build: Build) -> list[GeneratedPage]:
    """timeline/: the months; timeline/YYYY-MM/: one month's entries, paginated."""
    groups = month_groups(build.site)
    months = [{"title": month_in_words(entries[0].date), "count": len(entries),
               "url": relative_url(TIMELINE_URL, page_url(page_source("timeline", key)))} for key, entries in groups]
    latest = [list_item_view(e, TIMELINE_URL) for e in (groups[0][1][:LATEST_ON_HOME] if groups else [])]
    pages = [make_page(build, page_source("timeline"), "", "Timeline", "Every briefing entry by date.",
                       "timeline.html.j2", search=False, heading="Timeline", months=months, entries=latest,
                       section_id="latest", section_title="Latest entries", pager=None)]
    for key, entries in groups:
        segments = ("timeline", key)
        for part in paginate(entries, *segments):
            title = month_in_words(entries[0].date) + (f", page {part.number}" if part.number > 1 else "")
            pages.append(make_page(build, part.source, "", title, f"Briefing entries of {title}.",
                                   "timeline.html.j2", search=False, heading=title, months=[],
                                   entries=[list_item_view(e, part.url) for e in part.items],
                                   section_id="entries", section_title="Entries, newest first",
                                   pager=pager_view(part, segments)))
    return pages


def home_section(build: Build) -> str:
    """The generated part of the home page, appended below its hand-written introduction."""
    site, ledger, here = build.site, build.ledger, ""
    return render("home.html.j2",
                  topics=[topic_view(site, topic_id, here) for topic_id in site.topics],
                  figures=[figure_summary(ledger, f, here) for f in site.figures if ledger.by_figure[f]],
                  entries=[list_item_view(e, here) for e in site.entries[:LATEST_ON_HOME]],
                  timeline_url=relative_url(here, TIMELINE_URL),
                  figures_url=relative_url(here, FIGURES_URL), actors_url=relative_url(here, ACTORS_URL))


def format_page(build: Build | None = None) -> GeneratedPage:
    """The format reference: Markdown generated from spec.py, no contributor text in it."""
    return GeneratedPage("format.md", "hooks/briefing/spec.py", render("format.md.j2", **reference_context()),
                         {"title": "Format reference",
                          "description": "The briefing entry format: every field, its type and meaning."},
                         is_html=False)
