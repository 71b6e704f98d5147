"""Pages of the claims ledger: a page per figure and per actor, and their indexes."""
from __future__ import annotations

from .ledger import Ledger
from .ledger_views import actor_claims, figure_summary, figure_view
from .markup import plain_text
from .pages import Build, GeneratedPage, make_page
from .paths import ACTORS_URL, FIGURES_URL, actor_url, figure_url, page_source, relative_url
from .views import list_item_view

METHOD_PAGE = "about/"
KIND_WORDS = {"person": "Person", "organization": "Organization", "government": "Government",
              "media": "Media", "group": "Group"}


def figure_page(build: Build, figure_id: str) -> GeneratedPage:
    figure = build.site.figures[figure_id]
    description = plain_text(figure.description) or f"Every claim of {figure.label}, side by side."
    return make_page(build, page_source("figures", figure_id), "briefings/figures.yaml", figure.label, description,
                     "figure.html.j2", figure=figure_view(build.ledger, figure_id),
                     method_url=relative_url(figure_url(figure_id), METHOD_PAGE))


def figures_index(build: Build) -> GeneratedPage:
    figures = [figure_summary(build.ledger, figure_id, FIGURES_URL) for figure_id in build.site.figures]
    return make_page(build, page_source("figures", "index"), "briefings/figures.yaml", "Figures",
                     "Tracked figures and every claim of each, side by side.", "figures_index.html.j2",
                     figures=figures)


def actor_view(ledger: Ledger, actor_id: str, here: str) -> dict:
    actor = ledger.site.actors[actor_id]
    return {**actor.__dict__, "kind_words": KIND_WORDS[actor.kind], "url": relative_url(here, actor_url(actor_id)),
            "claims": len(ledger.by_actor[actor_id]), "entries": len(ledger.entries_by_actor[actor_id])}


def actor_page(build: Build, actor_id: str) -> GeneratedPage:
    ledger, actor, here = build.ledger, build.site.actors[actor_id], actor_url(actor_id)
    description = f"{actor.name}" + (f", {actor.role}" if actor.role else "") + ": claims and entries."
    return make_page(build, page_source("actors", actor_id), "briefings/actors.yaml", actor.name, description,
                     "actor.html.j2", actor=actor_view(ledger, actor_id, here),
                     claims=actor_claims(ledger, actor_id, here),
                     entries=[list_item_view(entry, here) for entry in ledger.entries_by_actor[actor_id]])


def actors_index(build: Build) -> GeneratedPage:
    actors = sorted((actor_view(build.ledger, actor_id, ACTORS_URL) for actor_id in build.site.actors),
                    key=lambda actor: actor["name"].casefold())
    return make_page(build, page_source("actors", "index"), "briefings/actors.yaml", "Actors",
                     "Who appears in the briefings, and the claims attributed to each.", "actors_index.html.j2",
                     actors=actors)
