"""How one language's rendered site reaches its folder: as a published build, or as a preview
server's rebuild. A SiteBuild (site_build.py) is given one of the two when it is made.

Published: the engine lays out every page; the core's HTML pages go to the search index as soon
as they are made and the engine's own as it lays them out; the files are written, one at a time,
once the engine has written the pages.

Preview: the engine lays out only the pages whose output changed (preview.py), the files whose key
changed are written, and the whole search index is made again, once every language's pages are
served (later.py); the check cache is saved then too.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..render.outputs import GeneratedPage
from ..render.site_outputs import RenderedSite
from .later import LaterWork, search_job, write_files
from .preview import PreviewFiles, PreviewPages
from .search_feed import PreviewSearch, PublishedSearch


class Published:
    # Each output is written once and read no more: the build lets it go as soon as it is written.
    keeps_renderings = False

    def __init__(self, language: str) -> None:
        self.language = language
        self.search: PublishedSearch | None = None
        self.site_dir = Path()

    def before(self, site_dir: Path, incremental: bool = False) -> None:
        self.close()
        self.site_dir = site_dir

    def to_lay_out(self, rendered: RenderedSite, doc_pages: set[str], earlier: frozenset[str]) -> list[GeneratedPage]:
        self.search = PublishedSearch(self.language, rendered, doc_pages, earlier, self.site_dir)
        return rendered.pages

    def lays_out_hand_written(self, source: str) -> bool:
        return True

    def laid_out(self, source: str, url: str, meta: dict, title: str, html: str) -> None:
        """A page the engine laid out from Markdown (hand-written, or the format reference)."""
        if self.search is not None:
            self.search.laid_out(source, url, meta, title, html)

    def after(self, rendered: RenderedSite) -> None:
        write_files(self.site_dir, rendered.contents)
        search, self.search = self.search, None
        if search is not None:
            search.finish()

    def gone(self) -> set[str]:
        return set()

    def failed(self) -> None:
        self.close()

    def close(self) -> None:
        if self.search is not None:
            self.search.close()
            self.search = None


class Preview:
    """A preview server's rebuilds of one language; `later` runs, for every language, what waits
    until the pages are served; `save_checks` saves the check cache; `home` is the hand-written
    page the home page's sections go below."""
    # The next rebuild compares its outputs with these, and reuses what is unchanged.
    keeps_renderings = True

    def __init__(self, language: str, later: LaterWork, save_checks: Callable[[], None], home: str) -> None:
        self.language, self.later, self.save_checks, self.home = language, later, save_checks, home
        self.pages, self.files, self.search = PreviewPages(), PreviewFiles(), PreviewSearch()
        self.site_dir = Path()
        self.incremental = False
        self.home_changed = True
        self.running = False

    def before(self, site_dir: Path, incremental: bool = False) -> None:
        """`incremental`: the site folder holds the last build's output (the adapter kept it)."""
        self.later.begin()  # the last cycle's work is stopped (the adapter stops it before it moves the folder)
        self.site_dir, self.incremental, self.running = site_dir, incremental, True
        if not incremental:
            self.files.forget()

    def to_lay_out(self, rendered: RenderedSite, doc_pages: set[str], earlier: frozenset[str]) -> list[GeneratedPage]:
        changed = self.pages.changed(rendered, self.incremental)
        self.home_changed = self.pages.home_changed(rendered.home_html)
        self.search.refresh(rendered, doc_pages, earlier)
        return [page for page in rendered.pages if page.source in changed]

    def lays_out_hand_written(self, source: str) -> bool:
        """A hand-written page's text, the menu, the theme and the hooks are the last build's (a
        change to any makes a full build), and it shows nothing of the briefing files, but for the
        home page's sections."""
        return not self.incremental or (source == self.home and self.home_changed)

    def laid_out(self, source: str, url: str, meta: dict, title: str, html: str) -> None:
        """A page the engine laid out from Markdown (hand-written, or the format reference)."""
        self.search.laid_out(source, url, meta, title, html)

    def gone(self) -> set[str]:
        """The generated pages the folder holds that this build no longer makes."""
        return self.pages.gone()

    def after(self, rendered: RenderedSite) -> None:
        self.pages.laid_out(rendered.home_html)
        self.later.add("the feeds and open data", self.files.job(self.site_dir, rendered))
        self.later.add("the search index", search_job(self.later, self.site_dir, self.language, self.search.all()))
        self.later.add("the check cache", lambda stop: self.save_checks())
        self.running = False
        self.later.end()

    def failed(self) -> None:
        if self.running:
            self.running = False
            self.pages.failed()
            self.later.end()

    def close(self) -> None:
        self.later.stop()
