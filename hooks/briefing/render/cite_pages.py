"""The citations of the site's pages: what an entry or a figure page's "Cite this" shows, and the
BibTeX and CSL-JSON files beside each page (citation.py makes the three forms from one Citation)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import partial

from ..format.spec import registry_path
from ..model.site import Entry
from .citation import CITE_FILES, Citation, bibtex, csl_json
from .context import RenderContext
from .history import published_and_changed
from .outputs import Planned
from .paths import absolute, entry_url, figure_url, relative_file_url

FORMS = {"bibtex": bibtex, "csl": csl_json}


def version_dates(ctx: RenderContext, entry: Entry) -> tuple[dt.date, dt.date]:
    """(published, changed): the day an entry was first published and the day of the version a
    citation cites. The one place every citation, and every figure's, reads them from: the
    entry's first and last commits where the build has its history (history.py); else the dates
    the entry itself gives, its date and its latest update's (Entry.updated). Worked out once a
    build for the site's entries (a build asks six times an entry: its citations' keys, its
    figures'), keyed by the context itself: one build's, whose site and histories do not change."""
    known = ctx.reuse.part("version dates", ctx, partial(every_version_dates, ctx))
    found = known.get(entry.id)
    return found[1] if found is not None and found[0] is entry else entry_version_dates(ctx, entry)


def every_version_dates(ctx: RenderContext) -> dict[str, tuple[Entry, tuple[dt.date, dt.date]]]:
    return {entry.id: (entry, entry_version_dates(ctx, entry)) for entry in ctx.site.entries}


def entry_version_dates(ctx: RenderContext, entry: Entry) -> tuple[dt.date, dt.date]:
    return published_and_changed(ctx, entry) or (entry.date, entry.updated)


def figure_dates(ctx: RenderContext, entries: Iterable[Entry]) -> tuple[dt.date, dt.date] | None:
    """A figure page's (published, changed): the earliest of its claims' entries' first
    publication, and the latest of their changes; None while it has no claims."""
    dates = [version_dates(ctx, entry) for entry in entries]
    if not dates:
        return None
    return min(published for published, _ in dates), max(changed for _, changed in dates)


def entry_citation(ctx: RenderContext, entry: Entry) -> Citation:
    return Citation(f"{ctx.language}-entry-{entry.id}", ctx.text(entry, "title"), ctx.site_name, ctx.site_name,
                    absolute(ctx.base_url, entry_url(entry.id)), ctx.text_lang(entry, "title"),
                    version_dates(ctx, entry))


def figure_entries(ctx: RenderContext, figure_id: str) -> list[Entry]:
    return [placed.entry for placed in ctx.ledger.by_figure[figure_id]]


def figure_citation(ctx: RenderContext, figure_id: str) -> Citation:
    figure = ctx.site.figures[figure_id]
    return Citation(f"{ctx.language}-figure-{figure_id}", ctx.text(figure, "label"), ctx.site_name, ctx.site_name,
                    absolute(ctx.base_url, figure_url(figure_id)), ctx.text_lang(figure, "label"),
                    figure_dates(ctx, figure_entries(ctx, figure_id)))


def figure_citation_key(ctx: RenderContext, figure_id: str) -> tuple:
    """What a figure's citation reads besides the registries and settings: part of the key of its
    pages and files."""
    return (figure_id, figure_dates(ctx, figure_entries(ctx, figure_id)))


def citation_view(ctx: RenderContext, citation: Citation, here: str, page_url: str) -> dict:
    """What templates/_citation.html.j2 prints: the parts of the plain text, in the page's language
    (dates in its words), and links from the page at `here` to the files beside `page_url`."""
    published, changed = citation.dates or (None, None)
    return {"author": citation.author, "title": citation.title, "title_lang": citation.language,
            "site": citation.site_name, "url": citation.url,
            "published": ctx.words.date(published) if published else None,
            "changed": ctx.words.date(changed) if changed else None,
            **{form: relative_file_url(here, page_url + name) for form, name in CITE_FILES.items()}}


def plan_citations(ctx: RenderContext) -> list[Planned]:
    """cite.bib and cite.json beside every entry's page and every figure's first page."""
    planned = []
    for entry in ctx.site.entries:
        key = (entry, version_dates(ctx, entry))
        for form, name in CITE_FILES.items():
            planned.append(Planned(entry_url(entry.id) + name, key,
                                   partial(citation_content, form, partial(entry_citation, ctx, entry)),
                                   entry.path))
    for figure_id in ctx.site.figures:
        key = figure_citation_key(ctx, figure_id)
        for form, name in CITE_FILES.items():
            planned.append(Planned(figure_url(figure_id) + name, key,
                                   partial(citation_content, form, partial(figure_citation, ctx, figure_id)),
                                   registry_path("figure")))
    return planned


def citation_content(form: str, cite: Callable[[], Citation]) -> Callable[[], str]:
    """The file made now, in the build's thread (it reads the model), given when asked."""
    text = FORMS[form](cite())
    return lambda: text
