"""One build of the site, from the briefing files to published pages, as an engine drives it.

The engine's adapter (hooks/briefing_hooks.py) calls these methods from its events, in this
order: `start` once, then per build `before`, `make`, `page_html` for every page the engine
lays out, and `after` (or `failed`); `close` at the end. Everything a build remembers, and a
preview server carries into its next build, is a field of this one object.
"""
from __future__ import annotations

import threading
from pathlib import Path

from .format.problems import ProblemsFound
from .model.build import load_site
from .publish.preview import OutputReuse, inputs_fingerprint
from .publish.search_index import SearchIndex, SearchIndexError, indexed_page
from .read.files import unsafe_files
from .read.load import CheckedFiles
from .render.head import feed_links
from .render.languages import alternates, docs_root, hand_written_pages, other_sites
from .render.outputs import GeneratedFile, GeneratedPage
from .render.paths import check_collisions
from .render.settings import Settings
from .render.site_outputs import SiteRenderer

HOME = "index.md"


class SiteBuild:
    def __init__(self, language: str = "en", checked: CheckedFiles | None = None) -> None:
        self.checked = checked or CheckedFiles()  # files' reports, reused while their bytes are unchanged
        self.renderer = SiteRenderer(language=language)  # templates, Markdown, entry pages, reused
        self.reuse: OutputReuse | None = None  # a preview server's laid-out entry pages
        self.pages: dict[str, GeneratedPage] = {}
        self.home_html = ""
        self.search: SearchIndex | None = None
        self.site_dir = Path()
        self.settings = Settings("", "/")
        self.hand_written: dict[str, frozenset] = {}  # each language's hand-written pages
        self._not_yet_indexed: set[str] = set()  # pages the engine has still to lay out
        self._held: list[tuple] = []  # a preview's pages, indexed after the build

    def start(self, preview: bool) -> None:
        """A preview server reuses unchanged entry pages between rebuilds (publish/preview.py)."""
        self.reuse = OutputReuse() if preview else None

    def before(self, root: Path, site_dir: Path) -> None:
        self._stop_search()  # a preview's previous index may still be writing
        self.site_dir = site_dir
        if self.reuse:
            self.reuse.set_aside(site_dir, inputs_fingerprint(root))

    def make(self, root: Path, settings: Settings, docs: set[str], doc_pages: set[str],
             docs_dir: Path | None = None) -> tuple[list[GeneratedPage], list[GeneratedFile]]:
        """Load, check and render the site in `settings.language`: the pages the engine must lay
        out and the other files. `docs` are the engine's own files (in `docs_dir`), `doc_pages`
        those of them that are pages. Raises ProblemsFound."""
        linked = unsafe_files(docs_dir, docs_dir.name) if docs_dir else []
        try:
            site = load_site(root, remembered=self.checked)
        except ProblemsFound as found:
            raise ProblemsFound([*found.problems, *linked]) from None
        if linked:
            raise ProblemsFound(linked)
        if self.renderer.language.code != settings.language:
            self.renderer = SiteRenderer(language=settings.language)
        rendered = self.renderer.render(site, settings)
        self.settings = settings
        self.hand_written = hand_written_pages(docs_root(docs_dir, settings.language)) if docs_dir else {}
        outputs = [(page.source, page.origin or "briefings") for page in rendered.pages]
        collisions = check_collisions(outputs + [(item.path, "briefings") for item in rendered.files], docs)
        if collisions:
            raise ProblemsFound(collisions)
        reused = self.reuse.reusable(self.site_dir, rendered.pages) if self.reuse else set()
        self.pages = {page.source: page for page in rendered.pages}
        self.home_html = rendered.home_html
        self._open_search(settings.language, doc_pages)
        for page in rendered.pages:
            if page.is_html:  # the core's own HTML: indexed now, while the engine works
                self._index(page.source, page.url, page.meta, "", page.body)
        return [page for page in rendered.pages if page.source not in reused], rendered.files

    def page(self, source: str) -> GeneratedPage | None:
        return self.pages.get(source)

    def alternates(self, source: str, url: str) -> list[dict]:
        """The page's versions in every language it exists in (the core's pages exist in all)."""
        sites = self.settings.sites
        built = tuple(code for code, _ in sites)
        languages = built if source in self.pages else tuple(
            code for code in built if source in self.hand_written.get(code, ()))
        return alternates(sites, url, languages)

    def other_sites(self) -> list[dict]:
        """The other languages' sites, with a line in each one's language (for the not-found page)."""
        return other_sites(self.settings.sites, self.settings.language)

    def hand_written_meta(self) -> dict:
        """What a hand-written page's head needs from the core: the site's feeds, in its language."""
        return {"briefing_feeds": feed_links(language=self.renderer.language)}

    def page_html(self, source: str, url: str, meta: dict, title: str, engine_html: str) -> str:
        """The HTML a page shows: the core's own for its HTML pages, else what the engine made
        (the home page gets the core's sections below it)."""
        page = self.pages.get(source)
        html = page.body if page is not None and page.is_html else engine_html
        if source in self._not_yet_indexed:
            self._index(source, url, meta, title, html)
        return html + self.home_html if source == HOME else html

    def after(self) -> None:
        """The build is written: a preview indexes its pages now; a published build waits for the index."""
        if self.reuse:
            self.reuse.put_back(self.site_dir)
            threading.Thread(target=self._index_held, name="search-held", daemon=True).start()
            return
        search, self.search = self.search, None
        if search is not None:
            self._all_indexed(search)  # in case a page the engine was expected to lay out never came
            search.finish()

    def failed(self) -> None:
        self._stop_search()
        if self.reuse:
            self.reuse.forget()

    def close(self) -> None:
        self._stop_search()

    def _open_search(self, language: str, doc_pages: set[str]) -> None:
        self._stop_search()
        self.search, self._held = SearchIndex(language), []
        self._not_yet_indexed = set(self.pages) | doc_pages

    def _index(self, source: str, url: str, meta: dict, title: str, html: str) -> None:
        """Hand one page to the index (a preview holds it); after the last, the index is written."""
        self._not_yet_indexed.discard(source)
        page = indexed_page(url, meta, title, html)
        if page is not None and self.reuse:
            self._held.append(page)
        elif page is not None and self.search is not None:
            self.search.add(*page)
        if not self._not_yet_indexed and not self.reuse and self.search is not None:
            self._all_indexed(self.search)

    def _index_held(self) -> None:
        """A preview's pages, sent once the engine has shown them; the next build may stop it."""
        search, held = self.search, self._held
        if search is None:
            return
        try:
            for page in held:
                search.add(*page)
            self._all_indexed(search)
        except SearchIndexError:
            pass  # stopped by the next build, which makes its own index

    def _all_indexed(self, search: SearchIndex) -> None:
        """Every page is in: the one place that asks Pagefind to write its bundle."""
        search.start_writing(self.site_dir / "pagefind")

    def _stop_search(self) -> None:
        if self.search is not None:
            self.search.close()
            self.search = None


class SiteBuilds:
    """One SiteBuild per language the site is published in, made when its build first starts:
    each keeps its own pages, templates and search index from one build to the next, and all
    share the checked files (the Spanish build reads the same files the English one checked)."""

    def __init__(self) -> None:
        self.checked = CheckedFiles()
        self.preview = False
        self.builds: dict[str, SiteBuild] = {}

    def start(self, preview: bool) -> None:
        self.preview = preview
        for build in self.builds.values():
            build.start(preview)

    def of(self, language: str) -> SiteBuild:
        if language not in self.builds:
            self.builds[language] = SiteBuild(language, self.checked)
            self.builds[language].start(self.preview)
        return self.builds[language]

    def failed(self) -> None:
        """One language's build failed: the whole build has (the default language builds the others)."""
        for build in self.builds.values():
            build.failed()

    def close(self) -> None:
        for build in self.builds.values():
            build.close()
