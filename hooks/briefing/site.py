"""Everything the site publishes, made from the model in one pass: pages, feeds, data."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


_entry_pages: dict = {}  # an entry's page depends on the entry, the registries and the templates only
TEMPLATES = Path(__file__).parent / "templates"


def templates_fingerprint() -> tuple:
    """Changes when a template is edited, so a preview server re-renders every page."""
    return tuple(sorted((path.name, path.stat().st_mtime_ns) for path in TEMPLATES.iterdir()))


def entry_pages(build: Build) -> list[GeneratedPage]:
    """Entry pages, reusing those whose entry and registries are unchanged since the last build
    (a preview server rebuilds after every edit; one edit should cost one page)."""
    site = build.site
    context = (tuple(site.topics.values()), tuple(site.actors.values()), tuple(site.figures.values()),
               build.site_name, build.base_url, templates_fingerprint())
    if _entry_pages.get("context") != context:
        _entry_pages.clear()
        _entry_pages["context"] = context
    pages = []
    for entry in site.entries:
        if entry not in _entry_pages:
            _entry_pages[entry] = entry_page(build, entry)
        pages.append(_entry_pages[entry])
    kept = set(site.entries) | {"context"}
    for stale in [key for key in _entry_pages if key not in kept]:
        del _entry_pages[stale]
    return pages


def render_site(site: Site, site_name: str, base_url: str) -> RenderedSite:
    build = Build(site, Ledger(site), site_name, base_url)
    pages: list[GeneratedPage] = entry_pages(build)
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
