"""The offline edition: per language, one HTML file a reader keeps, forwards in a chat, prints,
and reads with no connection. It holds where things stand (the "as of" line, each topic's
bottom line, the key figures with their full spread) and the entries of the last
`Settings.offline_days` days, newest first, with their claims, sources and updates.

The file lives away from the site (in a chat, a phone's downloads, a USB stick), so it is whole
in itself: its style inline, no script, no image, font or stylesheet to fetch, and a
Content-Security-Policy of its own that refuses any fetch; every link to the site is absolute.
Its size is bounded whatever the site's, twice: it holds the newest entries of the period whose
edition gzips to at most EDITION_GZIP_BUDGET (what a host sends) and is at most
EDITION_SAVED_BUDGET as saved (what a chat sends when a reader forwards it: never gzipped),
both measured, not guessed from a count; and it says how many more the site has.
"""
from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
from collections.abc import Callable
from functools import partial
from itertools import takewhile

from markupsafe import Markup

from ..model.claims import PlacedClaim
from ..model.site import Entry
from .claim_views import claim_view, comparison_key, figure_summary
from .context import RenderContext
from .jinja import TEMPLATES
from .outputs import Planned
from .paths import TIMELINE_URL, absolute, entry_url, relative_file_url
from .standing import key_figures, site_dates
from .views import list_item_view, source_view, topic_view, update_view

EDITION_FOLDER = "offline"
EDITION_GZIP_BUDGET = 100 * 1024  # bytes, gzipped: what a reader on a metered link downloads at most
EDITION_SAVED_BUDGET = 500 * 1024  # bytes, as saved: what forwarding it in a chat sends at most
EDITION_STYLE = TEMPLATES / "edition.css"


def edition_address(language: str) -> str:
    """Where the edition is, from the root of `language`'s site (the service worker caches it
    from here too). Its name is what a reader sees when it arrives as a file in a chat: it names
    the briefing and its language, so the two editions saved in one folder neither replace nor
    pass for each other; and it never changes, so a link to it keeps working."""
    return f"{EDITION_FOLDER}/venezuela-briefing-{language}.html"


def edition_entries(ctx: RenderContext) -> tuple[Entry, ...]:
    """The entries of the last `offline_days` days, newest first. The days end at the site's "as
    of" day, not the build's: a rebuild on a quiet week must not empty the edition."""
    as_of, _ = site_dates(ctx)
    if as_of is None:
        return ()
    first = as_of - dt.timedelta(days=ctx.settings.offline_days - 1)
    return tuple(takewhile(lambda entry: entry.date >= first, ctx.site.entries))


def edition_key(ctx: RenderContext) -> tuple:
    """What the edition reads besides the shared inputs (the registries give the bottom lines,
    the settings its date and address): part of the key of the pages that link it with its size."""
    return (site_dates(ctx), len(ctx.site.entries), edition_entries(ctx),
            tuple(comparison_key(ctx, figure_id) for figure_id in key_figures(ctx.ledger)))


def plan_edition(ctx: RenderContext) -> list[Planned]:
    return [Planned(edition_address(ctx.language), edition_key(ctx), partial(edition_content, ctx))]


def edition_content(ctx: RenderContext) -> Callable[[], str]:
    html = edition_html(ctx)
    return lambda: html


def edition_html(ctx: RenderContext) -> str:
    """The edition, made once a build however many pages ask for it (reuse.py)."""
    return ctx.reuse.get("edition", edition_key(ctx), partial(make_edition, ctx))


def edition_link(ctx: RenderContext, here: str) -> dict:
    """The link to the edition from the page at `here` (relative: it works on a mirror), and its
    size as a reader's phone will show it once it is saved."""
    size = saved_size(edition_html(ctx))
    kilobytes = ctx.words.number(max(1, round(size / 1000)))
    return {"url": relative_file_url(here, edition_address(ctx.language)),
            "size_words": ctx._("HTML, {size} KB").format(size=kilobytes)}


def saved_size(html: str) -> int:
    """Bytes of the file as a reader saves and forwards it (UTF-8, as it is written)."""
    return len(html.encode("utf-8"))


def gzipped_size(html: str) -> int:
    """Bytes a static host sends for the file, gzipped; reproducible (no time in the header)."""
    return len(gzip.compress(html.encode("utf-8"), 9, mtime=0))


def make_edition(ctx: RenderContext) -> str:
    entries = edition_entries(ctx)
    fragments: list[str] = []

    def document(count: int) -> str:
        fragments.extend(entry_fragment(ctx, entry) for entry in entries[len(fragments):count])
        return edition_document(ctx, front, Markup("".join(fragments[:count])), len(entries) - count)

    front = front_view(ctx)
    return document(fitting_count(document, len(entries)))


def fitting_count(document: Callable[[int], str], available: int) -> int:
    """The most entries, of the `available` newest, whose document is within both budgets
    (gzipped and as saved): the count doubles until the document is too large, then halves the
    gap. Only a count whose document was measured within both is given (0 if none is: the front
    alone)."""
    def fits(count: int) -> bool:
        html = document(count)
        return saved_size(html) <= EDITION_SAVED_BUDGET and gzipped_size(html) <= EDITION_GZIP_BUDGET
    fitting, too_many = 0, 1
    while too_many <= available and fits(too_many):
        fitting, too_many = too_many, too_many * 2
    too_many = min(too_many, available + 1)
    while too_many - fitting > 1:
        middle = (fitting + too_many) // 2
        fitting, too_many = (middle, too_many) if fits(middle) else (fitting, middle)
    return fitting


def front_view(ctx: RenderContext) -> dict:
    """What the edition says before its entries, with every link to the site absolute."""
    site, base = ctx.site, ctx.base_url
    as_of, changed = site_dates(ctx)
    topics = [{**view, "url": absolute(base, view["url"])} for view in
              (topic_view(ctx, topic_id, "") for topic_id in site.topics)]
    figures = [{**view, "url": absolute(base, view["url"])} for view in
               (figure_summary(ctx, figure_id, "") for figure_id in key_figures(ctx.ledger))]
    return {"as_of": as_of, "as_of_words": ctx.words.date(as_of) if as_of else None,
            "changed": changed, "changed_words": ctx.words.date(changed) if changed else None,
            "entry_count": len(site.entries), "topics": topics, "figures": figures,
            "made_on": ctx.settings.build_date, "made_on_words": ctx.words.date(ctx.settings.build_date),
            "days": ctx.settings.offline_days, "site_name": ctx.site_name, "site_url": base,
            "timeline_url": absolute(base, TIMELINE_URL), **edition_style()}


def edition_style() -> dict:
    """The edition's stylesheet, inline (a written file: no Python builds CSS), and its hash for
    the edition's own Content-Security-Policy, which then refuses every other style and fetch."""
    style = EDITION_STYLE.read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return {"style": Markup(style), "style_hash": f"sha256-{digest}"}


def entry_fragment(ctx: RenderContext, entry: Entry) -> str:
    return ctx.render("_edition_entry.html.j2", entry=edition_entry_view(ctx, entry))


def edition_entry_view(ctx: RenderContext, entry: Entry) -> dict:
    """An entry as the edition gives it: its summary, claims, sources (addresses in full) and
    updates, not its body (the page on the site has it, a link away). Its sources' anchors are
    the entry's own: the edition holds many entries, each with a source 's1'."""
    item = list_item_view(ctx, entry, "")
    claims = [{**claim_view(ctx, PlacedClaim(claim, entry), ""), "anchor": f"{entry.id}-source-{claim.source}"}
              for claim in entry.claims]
    return {**item, "url": absolute(ctx.base_url, entry_url(entry.id)), "claims": claims,
            "topics": [ctx.text(ctx.site.topics[topic_id], "title") for topic_id in entry.topics],
            "sources": [{**source_view(ctx, source), "anchor": f"{entry.id}-source-{source.id}"}
                        for source in entry.sources],
            "updates": [update_view(ctx, update) for update in entry.updates]}


def edition_document(ctx: RenderContext, front: dict, entries_html: Markup, more: int) -> str:
    return ctx.render("edition.html.j2", **front, entries_html=entries_html, more=more,
                      more_words=ctx.words.number(more))

