"""What the claims' templates see: a claim in full, and a figure's claims compared.

The sentences that compare claims are written in templates/_comparison.html.j2 from what
these views give: the lowest and the highest claim (always both ends), how many claims and
claimants, the comparison's state, and any claims that state one period and contradict.
"""
from __future__ import annotations

from functools import partial

from markupsafe import Markup

from ..format.translations import SOURCE_LANGUAGE
from ..model.claims import PlacedClaim
from ..model.compare import Comparison
from .chart import chart_geometry, time_chart_geometry
from .context import RenderContext
from .paths import actor_url, entry_url, figure_url, relative_url
from .texts import entry_text


def unit_words(ctx: RenderContext, figure, claim) -> tuple[str, str]:
    """The unit as the value needs it, and its language: "1 person", "at least 1 person", "2 people",
    "60–70 people" (the figure's `unit_singular` for a count of exactly one, when it has one)."""
    one = not claim.is_range and claim.low == claim.high == 1
    name = "unit_singular" if one and ctx.text(figure, "unit_singular") else "unit"
    return ctx.text(figure, name), ctx.text_lang(figure, name)


def scope_view(ctx: RenderContext, claim, name: str) -> tuple:
    """A claim's scope or quote in the build's language, and the language it is in."""
    translation = claim.translation(ctx.language) if ctx.language != SOURCE_LANGUAGE else None
    translated = translation.get(name) if translation else None
    english = getattr(claim, name)
    return (translated, ctx.language) if translated or not english else (english, SOURCE_LANGUAGE)


def claim_view(ctx: RenderContext, placed: PlacedClaim, here: str) -> dict:
    """One claim, with everything a table row, a chart row or a summary needs: its words (made
    once a build: claim_words) and its links from the page at `here`."""
    claim, entry = placed.claim, placed.entry
    name = f"claim:{entry.id}:{entry.claims.index(claim)}"
    words = ctx.reuse.part(name, (claim, entry), partial(claim_words, ctx, placed))
    return {
        **words, "actor_url": relative_url(here, actor_url(claim.by)),
        "figure_url": relative_url(here, figure_url(claim.figure)),
        "entry_url": relative_url(here, entry_url(entry.id)),
        "source_url": ("" if here == entry_url(entry.id) else relative_url(here, entry_url(entry.id)))
                      + f"#source-{placed.source.id}",
        "also_in": [{"title": entry_text(ctx, e)["title"], "lang": entry_text(ctx, e)["lang"],
                     "url": relative_url(here, entry_url(e.id))} for e in placed.also_in],
    }


def claim_words(ctx: RenderContext, placed: PlacedClaim) -> dict:
    """A claim's words in the build's language, the same on every page that shows it: what it
    reads is the claim and its entry (and the registries every output reads)."""
    site, claim, entry, source = ctx.site, placed.claim, placed.entry, placed.source
    figure = site.figures[claim.figure]
    gender = figure.translation(ctx.language).get("unit_gender") if figure.translation(ctx.language) else None
    (scope, scope_lang), (quote, quote_lang) = scope_view(ctx, claim, "scope"), scope_view(ctx, claim, "quote")
    (unit, unit_lang), names, text = unit_words(ctx, figure, claim), ctx.actor_names(site.actors[claim.by]), \
        entry_text(ctx, entry)
    return {
        "actor_name": names["name"], "actor_name_lang": names["name_lang"],
        "figure_label": ctx.text(figure, "label"), "figure_label_lang": ctx.text_lang(figure, "label"),
        "unit": unit, "unit_lang": unit_lang, "value_words": ctx.words.claim_value(claim, gender),
        "said_on": claim.said_on, "said_on_words": ctx.words.date(claim.said_on),
        "scope": scope, "scope_lang": scope_lang, "quote": quote, "quote_lang": quote_lang,
        "quote_translated": bool(quote) and quote_lang != SOURCE_LANGUAGE,  # an es quote renders the English one
        "quote_english": claim.quote, "quote_english_lang": SOURCE_LANGUAGE,  # shown beside a translated quote
        "period_words": ctx.words.period(claim.period) if claim.period else None,
        "period_in_sentence": ctx.words.period(claim.period, in_sentence=True) if claim.period else None,
        "basis": ctx.words.basis(claim.basis), "entry_title": text["title"], "entry_lang": text["lang"],
        "source_title": ctx.text(source, "title"), "source_title_lang": ctx.text_lang(source, "title"),
    }


def comparison_view(ctx: RenderContext, comparison: Comparison, here: str) -> dict:
    """A figure's claims compared, for the sentences of _comparison.html.j2."""
    def view(placed):
        return claim_view(ctx, placed, here) if placed else None
    return {"state": comparison.state, "state_words": ctx.words.comparison(comparison.state),
            "count": len(comparison.claims), "actors": comparison.actors,
            "lowest": view(comparison.lowest), "highest": view(comparison.highest),
            "conflicts": [{"period_words": ctx.words.period(period), "claims": [view(p) for p in claims]}
                          for period, claims in comparison.conflicts]}


def placed_key(placed: PlacedClaim | None) -> tuple | None:
    """What claim_view reads of a placed claim (PlacedClaim.key)."""
    return placed.key if placed else None


def comparison_key(ctx: RenderContext, figure_id: str) -> tuple:
    """What figure_summary and comparison_view read of a figure's claims: part of the key of every
    page that shows the summary (plan.py)."""
    c = ctx.ledger.comparisons[figure_id]
    return (figure_id, c.state, len(c.claims), c.actors, placed_key(c.lowest), placed_key(c.highest),
            tuple((period, tuple(placed_key(p) for p in claims)) for period, claims in c.conflicts))


def label_in_sentence(ctx: RenderContext, figure) -> str:
    """A figure's label as a sentence of the page's language holds it ('Afirmaciones sobre presos
    liberados'); a label left in English is kept as written."""
    label = ctx.text(figure, "label")
    return ctx.words.mid_sentence(label) if ctx.text_lang(figure, "label") == ctx.language else label


def figure_texts(ctx: RenderContext, figure) -> dict:
    """A figure's label (also as it reads mid-sentence) and unit, each with the language it is in."""
    return {"label": ctx.text(figure, "label"), "label_lang": ctx.text_lang(figure, "label"),
            "label_in_sentence": label_in_sentence(ctx, figure),
            "unit": ctx.text(figure, "unit"), "unit_lang": ctx.text_lang(figure, "unit")}


def figure_summary(ctx: RenderContext, figure_id: str, here: str) -> dict:
    """A figure in brief, for the home page and topic pages: its full spread and how the claims compare."""
    figure = ctx.site.figures[figure_id]
    return {"id": figure_id, **figure_texts(ctx, figure), "url": relative_url(here, figure_url(figure_id)),
            "comparison": comparison_view(ctx, ctx.ledger.comparisons[figure_id], here)}


def figure_view(ctx: RenderContext, figure_id: str, claims: list, here: str, pager: dict | None) -> dict:
    """A figure's page: `claims` are the ones on this page (all of them, or one page's worth)."""
    figure = ctx.site.figures[figure_id]
    rows = [claim_view(ctx, placed, here) for placed in claims]
    return {"id": figure_id, **figure_texts(ctx, figure), "description_lang": ctx.text_lang(figure, "description"),
            "description_html": Markup(ctx.markdown.inline(ctx.text(figure, "description"))), "rows": rows,
            "chart": chart_geometry(claims, ctx.words) if claims else None, "chart_id": f"chart-{figure_id}",
            "time_chart": time_chart_geometry(claims, ctx.words) if claims else None,
            "summary": figure_summary(ctx, figure_id, here), "pager": pager}
