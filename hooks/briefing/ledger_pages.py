"""Pages of the claims ledger: a page per figure and per actor, and their indexes."""
from __future__ import annotations

from .ledger import Ledger
from .ledger_views import claim_row, figure_summary, figure_view
from .markup import plain_text
from .pages import Build, GeneratedPage, make_page
from .paginate import Slice, pager_view, paginate, slice_source
from .paths import ACTORS_URL, FIGURES_URL, actor_url, page_source, relative_url
from .views import list_item_view

METHOD_PAGE = "about/"
KIND_WORDS = {"person": "Person", "organization": "Organization", "government": "Government",
              "media": "Media", "group": "Group"}


def newest_pages(items: list, *segments: str) -> list:
    """Pages of a date-ordered list, the newest on page 1, each page still in date order."""
    return [Slice(part.number, part.count, part.items[::-1], part.source)
            for part in paginate(items[::-1], *segments)]


def figure_pages(build: Build, figure_id: str) -> list[GeneratedPage]:
    figure, segments = build.site.figures[figure_id], ("figures", figure_id)
    description = plain_text(figure.description) or f"Every claim of {figure.label}, side by side."
    pages = []
    for part in newest_pages(build.ledger.by_figure[figure_id], *segments):
        title = figure.label + (f", page {part.number}" if part.number > 1 else "")
        pages.append(make_page(build, part.source, "briefings/figures.yaml", title, description, "figure.html.j2",
                               search=part.number == 1,
                               figure=figure_view(build.ledger, figure_id, part.items, part.url,
                                                  pager_view(part, segments)),
                               method_url=relative_url(part.url, METHOD_PAGE)))
    return pages


def figures_index(build: Build) -> GeneratedPage:
    figures = [figure_summary(build.ledger, figure_id, FIGURES_URL) for figure_id in build.site.figures]
    return make_page(build, page_source("figures", "index"), "briefings/figures.yaml", "Figures",
                     "Tracked figures and every claim of each, side by side.", "figures_index.html.j2",
                     figures=figures)


def actor_view(ledger: Ledger, actor_id: str, here: str) -> dict:
    actor = ledger.site.actors[actor_id]
    return {**actor.__dict__, "kind_words": KIND_WORDS[actor.kind], "url": relative_url(here, actor_url(actor_id)),
            "claims": len(ledger.by_actor[actor_id]), "entries": len(ledger.entries_by_actor[actor_id])}


def actor_pages(build: Build, actor_id: str) -> list[GeneratedPage]:
    """Claims (in date order) and entries (newest first), the newest of each on page 1."""
    ledger, actor, segments = build.ledger, build.site.actors[actor_id], ("actors", actor_id)
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
        pages.append(make_page(build, part.source, "briefings/actors.yaml", title, description, "actor.html.j2",
                               search=number == 1, actor=actor_view(ledger, actor_id, here),
                               claims=[claim_row(build.site, placed, here) for placed in page_claims],
                               entries=[list_item_view(entry, here) for entry in page_entries],
                               pager=pager_view(part, segments)))
    return pages


def actors_index(build: Build) -> GeneratedPage:
    actors = sorted((actor_view(build.ledger, actor_id, ACTORS_URL) for actor_id in build.site.actors),
                    key=lambda actor: actor["name"].casefold())
    return make_page(build, page_source("actors", "index"), "briefings/actors.yaml", "Actors",
                     "Who appears in the briefings, and the claims attributed to each.", "actors_index.html.j2",
                     actors=actors)
