"""The sitemap (sitemap.xml, and gzipped): every page of one language's site, generated and
hand-written, with each page's versions in the other languages. It is made from the plan's pages
(plan.py) and the hand-written pages the settings list, so a preview's sitemap is a full build's."""
from __future__ import annotations

import datetime as dt
import gzip
import io
from collections.abc import Callable
from functools import cache, partial

from .context import RenderContext
from .languages import DEFAULT, alternates
from .outputs import Planned
from .paths import absolute, page_url

SITEMAP = "sitemap.xml"


def plan_sitemap(ctx: RenderContext, pages: list[str]) -> list[Planned]:
    """`pages`: the sources of the plan's generated pages, in the plan's order. Both files read
    only which pages there are (and the settings, which every output reads)."""
    key = (tuple(pages),)
    text = cache(partial(sitemap_text, ctx, pages))  # made when written (a preview writes it only
    # when the pages change), once for both files
    return [Planned(SITEMAP, key, lambda: text),
            Planned(SITEMAP + ".gz", key, lambda: partial(gzipped, ctx, text))]


def gzipped(ctx: RenderContext, text: Callable[[], str]) -> bytes:
    """The sitemap gzipped as sitemap readers expect it: its name inside, the build's day as its time."""
    moment = dt.datetime.combine(ctx.settings.build_date, dt.time(), dt.UTC)
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, filename=SITEMAP + ".gz", mode="wb", mtime=int(moment.timestamp())) as packed:
        packed.write(text().encode("utf-8"))
    return out.getvalue()


def sitemap_text(ctx: RenderContext, generated: list[str]) -> str:
    """Hand-written pages first (in the order the settings give them), then the generated ones.
    The default language's site (at the root) lists every version of each page, so its one
    sitemap lists every language's; another language's lists its own pages."""
    settings = ctx.settings
    built = tuple(code for code, _ in settings.sites)
    every = [*settings.hand_written, *((source, built) for source in generated)]
    return ctx.render("sitemap.xml.j2", pages=[page_view(ctx, source, languages) for source, languages in every],
                      lastmod=settings.build_date.isoformat())


def page_view(ctx: RenderContext, source: str, languages: tuple[str, ...]) -> dict:
    """A page's addresses to list, and its versions (hreflang) to name beside each."""
    versions = alternates(ctx.settings.sites, page_url(source), languages)
    others = [version["href"] for version in versions if version["lang"] != "x-default"]
    listed = others if others and ctx.language == DEFAULT else [absolute(ctx.settings.base_url, page_url(source))]
    return {"listed": listed, "alternates": versions}
