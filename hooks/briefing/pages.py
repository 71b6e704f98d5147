"""The pages of the site, made from the model: entries, topics, timeline, home sections.

Each page is a Markdown file whose front matter holds the title and description
(already HTML-escaped, because Material prints them unescaped) and whose body is
one block of HTML from a Jinja template. Any engine that reads Markdown with
front matter can publish these pages.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .ledger import Ledger
from .ledger_views import figure_summary
from .markup import plain_text
from .model import Site
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
class GeneratedPage:
    source: str      # path of the page inside docs/, e.g. entries/some-id.md
    origin: str      # the YAML file it comes from, for error messages and "edit this page"
    markdown: str    # front matter + HTML body

    @property
    def url(self) -> str:
        return page_url(self.source)


def front_matter(title: str, description: str) -> str:
    """JSON strings are valid YAML scalars: no contributor text can break out of them."""
    meta = {"title": html.escape(title), "description": html.escape(description, quote=True)}
    return "---\n" + "\n".join(f"{key}: {json.dumps(value)}" for key, value in meta.items()) + "\n---\n\n"


def render(template: str, **context) -> str:
    return _templates.get_template(template).render(**context)


def make_page(source: str, origin: str, title: str, description: str, template: str, **context):
    return GeneratedPage(source, origin, front_matter(title, description) + render(template, **context))


def entry_page(site: Site, entry) -> GeneratedPage:
    return make_page(page_source("entries", entry.id), entry.path, entry.title, plain_text(entry.summary),
                     "entry.html.j2", entry=entry_view(site, entry))


def topic_page(ledger: Ledger, topic_id: str) -> GeneratedPage:
    site, here = ledger.site, page_url(page_source("topics", topic_id))
    entries = site.entries_on(topic_id)
    return make_page(page_source("topics", topic_id), "briefings/topics.yaml", site.topics[topic_id].title,
                     plain_text(site.topics[topic_id].summary), "topic.html.j2",
                     topic=topic_view(site, topic_id, here),
                     entries=[list_item_view(entry, here) for entry in entries],
                     figures=[figure_summary(ledger, f, here) for f in ledger.figures_of(entries)])


def timeline_page(site: Site) -> GeneratedPage:
    months = []
    for month, entries in groupby(site.entries, key=lambda e: (e.date.year, e.date.month)):
        entries = list(entries)
        months.append({"id": f"{month[0]}-{month[1]:02d}", "title": month_in_words(entries[0].date),
                       "entries": [list_item_view(entry, TIMELINE_URL) for entry in entries]})
    return make_page(page_source("timeline"), "briefings", "Timeline", "Every briefing entry by date.",
                     "timeline.html.j2", months=months)


def home_section(ledger: Ledger) -> str:
    """The generated part of the home page, appended below its hand-written introduction."""
    site, here = ledger.site, ""
    return render("home.html.j2",
                  topics=[topic_view(site, topic_id, here) for topic_id in site.topics],
                  figures=[figure_summary(ledger, f, here) for f in site.figures if ledger.by_figure[f]],
                  entries=[list_item_view(e, here) for e in site.entries[:LATEST_ON_HOME]],
                  timeline_url=relative_url(here, TIMELINE_URL),
                  figures_url=relative_url(here, FIGURES_URL), actors_url=relative_url(here, ACTORS_URL))


def format_page() -> GeneratedPage:
    """The format reference: generated from spec.py, no contributor text in it."""
    return GeneratedPage("format.md", "hooks/briefing/spec.py",
                         render("format.md.j2", **reference_context()))
