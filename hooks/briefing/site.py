"""Everything the site publishes, made from the model in one pass: pages, feeds, data."""
from __future__ import annotations

from dataclasses import dataclass

from .feeds import site_feeds
from .ledger import Ledger
from .ledger_pages import actor_pages, actors_index, figure_pages, figures_index
from .model import Site
from .opendata import briefings_json, claims_csv
from .outputs import GeneratedFile
from .pages import Build, GeneratedPage, entry_page, format_page, home_section, render, timeline_pages, topic_pages
from .schema import all_schemas


@dataclass(frozen=True)
class RenderedSite:
    pages: list          # GeneratedPage, each placed at its own source path
    files: list          # GeneratedFile: feeds, open data, schemas
    home_html: str       # appended below the hand-written home page


def render_site(site: Site, site_name: str, base_url: str) -> RenderedSite:
    build = Build(site, Ledger(site), site_name, base_url)
    pages: list[GeneratedPage] = [entry_page(build, entry) for entry in site.entries]
    for topic_id in site.topics:
        pages += topic_pages(build, topic_id)
    for figure_id in site.figures:
        pages += figure_pages(build, figure_id)
    for actor_id in site.actors:
        pages += actor_pages(build, actor_id)
    pages += timeline_pages(build)
    pages += [figures_index(build), actors_index(build), format_page(build)]
    files = site_feeds(site, site_name, base_url, render)
    files += [briefings_json(site, base_url), claims_csv(build.ledger, base_url)]
    files += [GeneratedFile(f"schema/{name}", text) for name, text in all_schemas().items()]
    return RenderedSite(pages, files, home_section(build))
