"""What the ledger's templates see: claim rows, figure summaries, spreads in words, charts."""
from __future__ import annotations

from markupsafe import Markup

from .chart import chart_geometry
from .ledger import Ledger, PlacedClaim, Spread
from .markup import render_inline
from .model import Site
from .paths import actor_url, entry_url, figure_url, relative_url
from .words import date_in_words

BASIS_WORDS = {"announced": "announced", "counted": "counted", "verified": "verified",
               "estimated": "estimated"}
LATEST_PER_FIGURE = 3


def claim_row(site: Site, placed: PlacedClaim, here: str) -> dict:
    """One claim, with everything a table row, a chart row or a summary needs."""
    claim, entry = placed.claim, placed.entry
    figure = site.figures[claim.figure]
    source = next(source for source in entry.sources if source.id == claim.source)
    on_entry_page = here == entry_url(entry.id)
    return {
        "actor_name": site.actors[claim.by].name, "actor_url": relative_url(here, actor_url(claim.by)),
        "figure_label": figure.label, "figure_url": relative_url(here, figure_url(figure.id)),
        "unit": figure.unit, "value_words": placed.words,
        "said_on": claim.said_on, "said_on_words": date_in_words(claim.said_on),
        "scope": claim.scope, "quote": claim.quote, "basis": BASIS_WORDS.get(claim.basis),
        "entry_title": entry.title, "entry_url": relative_url(here, entry_url(entry.id)),
        "source_title": source.title,
        "source_url": ("" if on_entry_page else relative_url(here, entry_url(entry.id))) + f"#source-{source.id}",
    }


def spread_words(site: Site, spread: Spread | None) -> str:
    """'Claims range from 60–70 (Human rights organizations) to more than 400 (Jorge Rodríguez).'"""
    if spread is None:
        return ""
    low, high = spread.lowest, spread.highest
    return (f"Claims range from {low.words} ({site.actors[low.claim.by].name}) "
            f"to {high.words} ({site.actors[high.claim.by].name}).")


def figure_summary(ledger: Ledger, figure_id: str, here: str) -> dict:
    """A figure in brief, for the home page and topic pages: latest claims and whether they differ."""
    site, claims = ledger.site, ledger.by_figure[figure_id]
    figure = site.figures[figure_id]
    return {"id": figure_id, "label": figure.label, "unit": figure.unit,
            "url": relative_url(here, figure_url(figure_id)), "count": len(claims),
            "differ": ledger.spreads[figure_id] is not None,
            "spread_words": spread_words(site, ledger.spreads[figure_id]),
            "latest": [claim_row(site, placed, here) for placed in claims[-LATEST_PER_FIGURE:][::-1]]}


def figure_view(ledger: Ledger, figure_id: str, claims: list, here: str, pager: dict | None) -> dict:
    """A figure's page: `claims` are the ones on this page (all of them, or one page's worth)."""
    site, figure = ledger.site, ledger.site.figures[figure_id]
    rows = [claim_row(site, placed, here) for placed in claims]
    return {"id": figure_id, "label": figure.label, "unit": figure.unit,
            "description_html": Markup(render_inline(figure.description)),
            "rows": rows, "chart": chart_geometry(claims) if claims else None, "chart_id": f"chart-{figure_id}",
            "summary": figure_summary(ledger, figure_id, here), "pager": pager}


