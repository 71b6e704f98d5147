"""Open data: every entry as JSON, and every claim as a CSV row.

CSV follows RFC 4180 (CRLF between rows, every cell quoted), so a line break inside a
cell never starts a row of its own. Cells are text that spreadsheets may execute: a
cell starting with = + - @ (or a tab or carriage return) is prefixed with an apostrophe
so it stays text.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import is_dataclass
from functools import partial

from ..format.spec import FORMAT_VERSION, registry_path
from ..model.ledger import Ledger
from ..model.site import Site
from .context import RenderContext
from .outputs import GeneratedFile, Planned, json_text
from .paths import absolute, entry_url

LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
CLAIM_COLUMNS = ("figure", "figure_label", "unit", "actor", "actor_name", "low", "high", "is_range",
                 "qualifier", "basis", "said_on", "scope", "quote", "entry", "entry_url", "source_title",
                 "source_url")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plain(value):
    """Model values as JSON: records as objects, dates as ISO text, tuples as lists, nothing dropped.

    (dataclasses.asdict deep-copies everything first; this walks the frozen model once.)"""
    if is_dataclass(value):
        record = {key: plain(item) for key, item in value.__dict__.items() if key != "translations"}
        return record | translation_blocks(getattr(value, "translations", ()))
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def translation_blocks(translations) -> dict:
    """A record's translations as the format writes them: one block per language, `es: {title: ...}`."""
    return {t.language: {name: plain(text) for name, text in t.texts} for t in translations}


def entry_record(entry, base_url: str) -> dict:
    record = plain(entry)
    record["url"] = absolute(base_url, entry_url(entry.id))
    record["updated"] = entry.updated.isoformat()
    return record


def entry_json(entry, base_url: str) -> str:
    """An entry's record as JSON text (a preview server keeps it while the entry is unchanged)."""
    return json_text(entry_record(entry, base_url))


def briefings_json(site: Site, base_url: str, entries: list[str] | None = None) -> GeneratedFile:
    """Every record; `entries`: the entries' records as entry_json made them, if made already.
    The text is the head and the records joined, as json_text would write the whole."""
    head = json_text({"format_version": FORMAT_VERSION, "licence": LICENCE,
                      "topics": plain(list(site.topics.values())),
                      "actors": plain(list(site.actors.values())),
                      "figures": plain(list(site.figures.values()))})
    records = entries if entries is not None else [entry_json(entry, base_url) for entry in site.entries]
    return GeneratedFile("data/briefings.json", head[:-1] + ',"entries":[' + ",".join(records) + "]}\n")


def plan_open_data(ctx: RenderContext) -> list[Planned]:
    """data/briefings.json and data/claims.csv: both read every entry."""
    key = (ctx.site.entries,)
    return [Planned("data/briefings.json", key, partial(briefings_content, ctx)),
            Planned("data/claims.csv", key, partial(claims_content, ctx))]


def briefings_content(ctx: RenderContext) -> Callable[[], str | bytes]:
    """Each entry's record made now (or kept from the last build while the entry is unchanged), the
    file when asked."""
    site, base_url = ctx.site, ctx.base_url
    records = [ctx.reuse.get("record:" + entry.id, (entry,), partial(entry_json, entry, base_url))
               for entry in site.entries]
    return lambda: briefings_json(site, base_url, records).content


def claims_content(ctx: RenderContext) -> Callable[[], str | bytes]:
    ledger, base_url = ctx.ledger, ctx.base_url
    return lambda: claims_csv(ledger, base_url).content


def safe_cell(value):
    """Text that a spreadsheet would run as a formula is kept as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def csv_row(ledger: Ledger, placed, base_url: str) -> list:
    claim, entry, site = placed.claim, placed.entry, ledger.site
    source = next(s for s in entry.sources if s.id == claim.source)
    row = {"figure": claim.figure, "figure_label": site.figures[claim.figure].label,
           "unit": site.figures[claim.figure].unit, "actor": claim.by, "actor_name": site.actors[claim.by].name,
           "low": claim.low, "high": claim.high, "is_range": str(claim.is_range).lower(),
           "qualifier": claim.qualifier, "basis": claim.basis, "said_on": claim.said_on.isoformat(),
           "scope": claim.scope, "quote": claim.quote, "entry": entry.id,
           "entry_url": absolute(base_url, entry_url(entry.id)), "source_title": source.title,
           "source_url": source.url}
    return [safe_cell(row[column]) for column in CLAIM_COLUMNS]


def claims_csv(ledger: Ledger, base_url: str, figure_ids: Iterable[str] | None = None,
               path: str = "data/claims.csv") -> GeneratedFile:
    """The claims of `figure_ids` (every figure's, by default), figure by figure, in date order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CLAIM_COLUMNS)
    for figure_id in ledger.site.figures if figure_ids is None else figure_ids:
        for placed in ledger.by_figure[figure_id]:
            writer.writerow(csv_row(ledger, placed, base_url))
    return GeneratedFile(path, out.getvalue())


def figure_data_path(figure_id: str) -> str:
    """data/figures/<id>.csv: one figure's rows of claims.csv, its columns and escaping."""
    return f"data/figures/{figure_id}.csv"


def plan_figure_data(ctx: RenderContext) -> list[Planned]:
    """A CSV file per figure, linked from its page; it reads the figure's claims and their entries."""
    return [Planned(figure_data_path(figure_id), (figure_id, tuple(ctx.ledger.by_figure[figure_id])),
                    partial(figure_data_content, ctx, figure_id), registry_path("figure"))
            for figure_id in ctx.site.figures]


def figure_data_content(ctx: RenderContext, figure_id: str) -> Callable[[], str | bytes]:
    ledger, base_url = ctx.ledger, ctx.base_url
    return lambda: claims_csv(ledger, base_url, (figure_id,), figure_data_path(figure_id)).content
