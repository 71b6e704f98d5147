"""Everything the site publishes, made from the model in one pass."""
from __future__ import annotations

from dataclasses import dataclass

from .ledger import Ledger
from .ledger_pages import actor_page, actors_index, figure_page, figures_index
from .model import Site
from .pages import GeneratedPage, entry_page, format_page, home_section, timeline_page, topic_page


@dataclass(frozen=True)
class RenderedSite:
    pages: list          # GeneratedPage, each placed at its own source path
    home_html: str       # appended below the hand-written home page


def render_site(site: Site) -> RenderedSite:
    ledger = Ledger(site)
    pages: list[GeneratedPage] = [entry_page(site, entry) for entry in site.entries]
    pages += [topic_page(ledger, topic_id) for topic_id in site.topics]
    pages += [figure_page(ledger, figure_id) for figure_id in site.figures]
    pages += [actor_page(ledger, actor_id) for actor_id in site.actors]
    pages += [figures_index(ledger), actors_index(ledger), timeline_page(site), format_page()]
    return RenderedSite(pages, home_section(ledger))
