"""The addresses of the pages a build makes from the model, without rendering any of them.

A reviewer's digest lists the pages a change adds and removes, at a thousand entries in well
under a second: rendering both revisions would take many. So the lists are counted here with
the same pagination the pages use (paginate.py), and a test holds this map to what
SiteRenderer really makes.
"""
from __future__ import annotations

from ..format.translations import SOURCE_LANGUAGE
from ..model.ledger import Ledger
from .pages import month_groups
from .paginate import FIGURE_PAGE_SIZE, PAGE_SIZE, paginate
from .paths import ENTRIES, page_source, page_url

FORMAT_PAGE = "format.md"


def page_sources(ledger: Ledger) -> list[str]:
    """The source path (inside docs/) of every generated page of one language's site."""
    site = ledger.site
    sources = [page_source(ENTRIES, entry.id) for entry in site.entries]
    for topic_id in site.topics:
        sources += list_sources(len(site.entries_on(topic_id)), "topics", topic_id)
    for figure_id in site.figures:
        sources += list_sources(len(ledger.by_figure[figure_id]), "figures", figure_id, size=FIGURE_PAGE_SIZE)
    for actor_id in site.actors:
        longest = max(len(ledger.by_actor[actor_id]), len(ledger.entries_by_actor[actor_id]))
        sources += list_sources(longest, "actors", actor_id)
    sources.append(page_source("timeline"))
    for key, entries in month_groups(site):
        sources += list_sources(len(entries), "timeline", key)
    return [*sources, page_source("figures", "index"), page_source("actors", "index"), FORMAT_PAGE]


def list_sources(length: int, *segments: str, size: int = PAGE_SIZE) -> list[str]:
    """The pages of a list of `length` items: page 1 at the list's address, then page/2/ ..."""
    return [part.source for part in paginate([None] * length, *segments, size=size)]


def page_urls(ledger: Ledger, languages: tuple[str, ...], hand_written: list[str]) -> set[str]:
    """Every page address of the site (generated and hand-written), in every language: the
    other languages' sites have the same generated pages under their code ('es/entries/x/')."""
    generated = [page_url(source) for source in page_sources(ledger)]
    urls = {page_url(source) for source in hand_written}
    for language in languages:
        prefix = "" if language == SOURCE_LANGUAGE else f"{language}/"
        urls |= {prefix + url for url in generated}
    return urls
