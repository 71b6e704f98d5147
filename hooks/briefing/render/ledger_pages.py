"""The pages of the claims ledger: a page per figure and per actor, and their indexes."""
from __future__ import annotations

from functools import partial

from ..format.spec import ACTOR_KINDS, registry_path
from .cite_pages import citation_view, figure_citation, figure_citation_key
from .claim_views import claim_view, comparison_key, figure_summary, figure_view, label_in_sentence
from .context import RenderContext
from .opendata import figure_data_path
from .outputs import GeneratedPage, Planned
from .pages import make_page, numbered
from .paginate import FIGURE_PAGE_SIZE, PAGE_SIZE, Slice, pager_view, paginate, slice_source
from .paths import ACTORS_URL, FIGURES_URL, figure_url, page_source, relative_file_url, relative_url
from .views import METHOD_PAGE, actor_view, list_item_view
from .words import starting


def newest_pages(items: list, *segments: str, size: int = PAGE_SIZE) -> list:
    """Pages of a date-ordered list, the newest on page 1, each page still in date order."""
    return [Slice(part.number, part.count, part.items[::-1], part.source)
            for part in paginate(items[::-1], *segments, size=size)]


def plan_figures(ctx: RenderContext) -> list[Planned]:
    """A figure's claims, the newest on page 1; every page summarises them all (so it reads the
    figure's comparison too)."""
    planned = []
    for figure_id in ctx.site.figures:
        summary, citing = comparison_key(ctx, figure_id), figure_citation_key(ctx, figure_id)
        for part in newest_pages(ctx.ledger.by_figure[figure_id], "figures", figure_id, size=FIGURE_PAGE_SIZE):
            key = (part.number, part.count, tuple(placed.key for placed in part.items), summary, citing)
            planned.append(Planned(part.source, key, partial(figure_page, ctx, figure_id, part),
                                   registry_path("figure")))
    return planned


def figure_page(ctx: RenderContext, figure_id: str, part: Slice) -> GeneratedPage:
    figure = ctx.site.figures[figure_id]
    label, label_lang = ctx.text(figure, "label"), ctx.text_lang(figure, "label")
    pager = pager_view(part, ("figures", figure_id))
    return make_page(ctx, part.source, registry_path("figure"), numbered(ctx, label, part.number),
                     figure_description(ctx, figure), "figure.html.j2", title_lang=label_lang,
                     search=part.number == 1, search_facts={"type": ctx._("Figure")},
                     figure=figure_view(ctx, figure_id, part.items, part.url, pager),
                     method_url=relative_url(part.url, METHOD_PAGE),
                     citation=citation_view(ctx, figure_citation(ctx, figure_id), part.url, figure_url(figure_id)),
                     data_url=relative_file_url(part.url, figure_data_path(figure_id)))


def figure_description(ctx: RenderContext, figure) -> str:
    """The figure's description, else a sentence naming it, in the page's language alone (a page
    description cannot mark an English part as English)."""
    in_language = ctx.text_lang(figure, "description") == ctx.language
    own = ctx.markdown.plain(ctx.text(figure, "description")) if in_language else ""
    if own:
        return own
    if ctx.text_lang(figure, "label") != ctx.language:
        return ctx._("Every claim of a tracked figure, side by side.")
    return ctx._("Every claim of {figure}, side by side.").format(figure=label_in_sentence(ctx, figure))


def plan_figure_index(ctx: RenderContext) -> list[Planned]:
    key = tuple(comparison_key(ctx, figure_id) for figure_id in ctx.site.figures)
    return [Planned(page_source("figures", "index"), key, partial(figures_index_page, ctx), registry_path("figure"))]


def figures_index_page(ctx: RenderContext) -> GeneratedPage:
    figures = [figure_summary(ctx, figure_id, FIGURES_URL) for figure_id in ctx.site.figures]
    return make_page(ctx, page_source("figures", "index"), registry_path("figure"), ctx._("Figures"),
                     ctx._("Tracked figures and every claim of each, side by side."), "figures_index.html.j2",
                     figures=figures)


def plan_actors(ctx: RenderContext) -> list[Planned]:
    """Claims (in date order) and entries (newest first), the newest of each on page 1."""
    return [planned for actor_id in ctx.site.actors for planned in plan_actor(ctx, actor_id)]


def plan_actor(ctx: RenderContext, actor_id: str) -> list[Planned]:
    ledger, segments = ctx.ledger, ("actors", actor_id)
    claims = newest_pages(ledger.by_actor[actor_id], *segments)
    entries = paginate(ledger.entries_by_actor[actor_id], *segments)
    count = max(len(claims), len(entries))
    totals = (len(ledger.by_actor[actor_id]), len(ledger.entries_by_actor[actor_id]))
    planned = []
    for number in range(1, count + 1):
        part = Slice(number, count, [], slice_source(segments, number))
        page_claims = claims[number - 1].items if number <= len(claims) else []
        page_entries = entries[number - 1].items if number <= len(entries) else []
        key = (count, tuple(placed.key for placed in page_claims), tuple(page_entries), totals)
        planned.append(Planned(part.source, key, partial(actor_page, ctx, actor_id, part, page_claims, page_entries),
                               registry_path("actor")))
    return planned


def actor_page(ctx: RenderContext, actor_id: str, part: Slice, claims: list, entries: list) -> GeneratedPage:
    actor, here, names = ctx.site.actors[actor_id], part.url, ctx.actor_names(ctx.site.actors[actor_id])
    return make_page(ctx, part.source, registry_path("actor"), numbered(ctx, starting(names["name"]), part.number),
                     actor_description(ctx, actor), "actor.html.j2", title_lang=names["name_lang"],
                     search=part.number == 1, search_facts={"type": ctx._("Actor")},
                     actor=actor_view(ctx, actor_id, here),
                     claims=[claim_view(ctx, placed, here) for placed in claims],
                     entries=[list_item_view(ctx, entry, here) for entry in entries],
                     pager=pager_view(part, ("actors", actor_id)))


def actor_description(ctx: RenderContext, actor) -> str:
    """"Name, role: claims and entries.", from the parts in the page's language alone: a page
    description is one text, and cannot mark an English part as English."""
    names, role = ctx.actor_names(actor), ctx.text(actor, "role")
    if names["name_lang"] != ctx.language:
        return ctx._("An actor's claims and entries.")
    name, in_language = starting(names["name"]), role and ctx.text_lang(actor, "role") == ctx.language
    who = ctx._("{name}, {role}").format(name=name, role=role) if in_language else name
    return ctx._("{who}: claims and entries.").format(who=who)


def plan_actor_index(ctx: RenderContext) -> list[Planned]:
    ledger = ctx.ledger
    key = tuple((len(ledger.by_actor[a]), len(ledger.entries_by_actor[a])) for a in ctx.site.actors)
    return [Planned(page_source("actors", "index"), key, partial(actors_index_page, ctx), registry_path("actor"))]


def actors_index_page(ctx: RenderContext) -> GeneratedPage:
    """Every actor, by kind (people first), each kind a section, names in alphabetical order."""
    actors = sorted((actor_view(ctx, actor_id, ACTORS_URL) for actor_id in ctx.site.actors),
                    key=lambda actor: actor["name"].casefold())
    kinds = [{"id": kind, "words": ctx.words.kinds(kind), "actors": [a for a in actors if a["kind"] == kind]}
             for kind in ACTOR_KINDS]
    return make_page(ctx, page_source("actors", "index"), registry_path("actor"), ctx._("Actors"),
                     ctx._("Who appears in the briefings, and the claims attributed to each."), "actors_index.html.j2",
                     kinds=[kind for kind in kinds if kind["actors"]])
