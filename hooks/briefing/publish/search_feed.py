"""What the search index is fed: every page of the plan and every hand-written page, once laid out.

A published build hands each page to Pagefind while the engine works (PublishedSearch): the core's
HTML pages as soon as they are made, the engine's own pages (hand-written, and the format
reference, which the engine turns from Markdown) as the engine lays them out, and asks for the
bundle when the last one is in. A preview server keeps a search record of every page between its
rebuilds (PreviewSearch), made again only for a page made again, and indexes them all after the
pages are served (later.py). Either way, which pages there are is the plan's (render/plan.py):
a page's meta says whether it is searched, and the entries older than the newest N go in a
bundle of their own (search_index.earlier_pages).
"""
from __future__ import annotations

from pathlib import Path

from ..render.outputs import GeneratedPage
from ..render.site_outputs import RenderedSite
from .search_index import SearchIndex, SearchRecord, indexed_page


class PublishedSearch:
    """One language's index in a published build: fed as pages are laid out, written after the last."""

    def __init__(self, language: str, rendered: RenderedSite, doc_pages: set[str], earlier: frozenset[str],
                 site_dir: Path) -> None:
        self.index = SearchIndex(language, earlier=bool(earlier))
        self.earlier, self.site_dir = earlier, site_dir
        self.waiting = {page.source for page in rendered.pages} | doc_pages  # the pages still to come
        for page in rendered.pages:
            if page.is_html:  # the core's own HTML: indexed now, while the engine works
                self.laid_out(page.source, page.url, page.meta, "", page.body)

    def laid_out(self, source: str, url: str, meta: dict, title: str, html: str) -> None:
        """Hand one page to the index (once); after the last, the bundle is asked for."""
        if source not in self.waiting:
            return
        self.waiting.discard(source)
        record = indexed_page(url, meta, title, html, source in self.earlier)
        if record is not None:
            self.index.add(*record)
        if not self.waiting:
            self.index.start_writing(self.site_dir / "pagefind")

    def finish(self) -> None:
        """Ask for the bundle if a page the engine was expected to lay out never came; wait for it."""
        self.index.start_writing(self.site_dir / "pagefind")
        self.index.finish()

    def close(self) -> None:
        self.index.close()


class PreviewSearch:
    """A preview server's search record of every page of one language, kept between rebuilds."""

    def __init__(self) -> None:
        self.records: dict[str, SearchRecord | None] = {}
        self._made_from: dict[str, bool] = {}  # a core page's record: whether it went in the earlier bundle

    def refresh(self, rendered: RenderedSite, doc_pages: set[str], earlier: frozenset[str]) -> None:
        """The records of this build's pages: a core page's made again when the page was made again
        (its key changed) or moved between bundles; the hand-written pages' come as laid out."""
        records = {source: self.records.get(source) for source in [*(p.source for p in rendered.pages), *doc_pages]}
        for page in rendered.pages:
            if page.is_html:
                self._refresh_page(records, page, rendered.made, page.source in earlier)
        self.records = records
        self._made_from = {source: self._made_from[source] for source in self._made_from.keys() & records.keys()}

    def _refresh_page(self, records: dict, page: GeneratedPage, made: frozenset[str], earlier: bool) -> None:
        if page.source in made or self._made_from.get(page.source) != earlier:
            records[page.source] = indexed_page(page.url, page.meta, "", page.body, earlier)
            self._made_from[page.source] = earlier

    def laid_out(self, source: str, url: str, meta: dict, title: str, html: str) -> None:
        """A page the engine laid out (a hand-written one, or the format reference)."""
        self.records[source] = indexed_page(url, meta, title, html)

    def all(self) -> list[SearchRecord]:
        return [record for record in self.records.values() if record is not None]
