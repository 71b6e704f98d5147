"""What the claims' templates see: a claim in full, and a figure's claims compared.

The sentences that compare claims are written in templates/_comparison.html.j2 from what
these views give: the lowest and the highest claim (always both ends), how many claims and
claimants, the comparison's state, and any claims that state one period and contradict.
"""
from __future__ import annotations

from markupsafe import Markup

from ..model.claims import PlacedClaim
from ..model.compare import Comparison
from ..model.site import Site
from .chart import chart_geometry, time_chart_geometry
from .context import RenderContext
from .paths import actor_url, entry_url, figure_url, relative_url
from .words import BASIS_WORDS, claim_value_words, date_in_words, period_in_words, unit_in_words


def claim_view(site: Site, placed: PlacedClaim, here: str) -> dict:
    """One claim, with everything a table row, a chart row or a summary needs."""
    claim, entry, source = placed.claim, placed.entry, placed.source
    figure = site.figures[claim.figure]
    on_entry_page = here == entry_url(entry.id)
    return {
        "actor_name": site.actors[claim.by].name, "actor_url": relative_url(here, actor_url(claim.by)),
        "figure_label": figure.label, "figure_url": relative_url(here, figure_url(figure.id)),
        "unit": unit_in_words(figure, claim), "value_words": claim_value_words(claim),
        "said_on": claim.said_on, "said_on_words": date_in_words(claim.said_on),
        "scope": claim.scope, "period_words": period_in_words(claim.period) if claim.period else None,
        "quote": claim.quote, "basis": BASIS_WORDS.get(claim.basis or ""),
        "entry_title": entry.title, "entry_url": relative_url(here, entry_url(entry.id)),
        "source_title": source.title,
        "source_url": ("" if on_entry_page else relative_url(here, entry_url(entry.id))) + f"#source-{source.id}",
        "also_in": [{"title": e.title, "url": relative_url(here, entry_url(e.id))} for e in placed.also_in],
    }


def comparison_view(site: Site, comparison: Comparison, here: str) -> dict:
    """A figure's claims compared, for the sentences of _comparison.html.j2."""
    def view(placed):
        return claim_view(site, placed, here) if placed else None
    return {"state": comparison.state, "count": len(comparison.claims), "actors": comparison.actors,
            "lowest": view(comparison.lowest), "highest": view(comparison.highest),
            "conflicts": [{"period_words": period_in_words(period), "claims": [view(p) for p in claims]}
                          for period, claims in comparison.conflicts]}


def figure_summary(ctx: RenderContext, figure_id: str, here: str) -> dict:
    """A figure in brief, for the home page and topic pages: its full spread and how the claims compare."""
    figure = ctx.site.figures[figure_id]
    return {"id": figure_id, "label": figure.label, "unit": figure.unit,
            "url": relative_url(here, figure_url(figure_id)),
            "comparison": comparison_view(ctx.site, ctx.ledger.comparisons[figure_id], here)}


def figure_view(ctx: RenderContext, figure_id: str, claims: list, here: str, pager: dict | None) -> dict:
    """A figure's page: `claims` are the ones on this page (all of them, or one page's worth)."""
    figure = ctx.site.figures[figure_id]
    rows = [claim_view(ctx.site, placed, here) for placed in claims]
    return {"id": figure_id, "label": figure.label, "unit": figure.unit,
            "description_html": Markup(ctx.markdown.inline(figure.description)), "rows": rows,
            "chart": chart_geometry(claims) if claims else None, "chart_id": f"chart-{figure_id}",
            "time_chart": time_chart_geometry(claims) if claims else None,
            "summary": figure_summary(ctx, figure_id, here), "pager": pager}
