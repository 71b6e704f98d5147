"""One build of the site, from the briefing files to published pages, as an engine drives it.

The engine's adapter (hooks/briefing_hooks.py) calls these methods from its events, in this
order: `start` once, then per build `before`, `make`, `page_html` for every page the engine
lays out, and `after` (or `failed`); `close` at the end. Everything a build remembers, and a
preview server carries into its next build, is a field of this one object.

A preview server's rebuild hands the engine only the pages whose output changed
(publish/preview.py), and writes feeds, open data and the search index once the pages are
served (publish/later.py); a published build makes and writes everything before it ends.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .format.problems import ProblemsFound
from .format.translations import SOURCE_LANGUAGE
from .model.build import BuiltEntries, load_site
from .model.ledger import Ledger
from .model.site import Site
from .publish.later import LaterWork, WrittenFiles, search_job, write_files
from .publish.preview import PreviewOutput, inputs_fingerprint
from .publish.search_index import SearchIndex, SearchRecord, earlier_pages, indexed_page
from .read.files import unsafe_files
from .read.load import CheckedFiles
from .render.head import feed_links
from .render.jinja import TemplateBytecode
from .render.languages import alternates, docs_root, hand_written_pages, other_sites
from .render.outputs import GeneratedFile, GeneratedPage
from .render.paths import check_collisions
from .render.settings import Settings
from .render.site_outputs import RenderedSite, SiteRenderer

HOME = "index.md"


class SiteModels:
    """The model of the briefing files, for every language's build. The other languages' builds,
    which the default one runs (they run while it runs), take the model it loaded."""

    def __init__(self, checked: CheckedFiles | None = None) -> None:
        self.checked = checked or CheckedFiles()  # files' reports, reused while their bytes are unchanged
        self.built = BuiltEntries()
        self._loaded: tuple[Path, Site, Ledger] | None = None
        self.rendered: Site | None = None  # the last site a build rendered (and so checked every text of)

    def load(self, root: Path, share: bool) -> tuple[Site, Ledger]:
        if share and self._loaded is not None and self._loaded[0] == root:
            return self._loaded[1], self._loaded[2]
        site = load_site(root, remembered=self.checked, built=self.built)
        self._loaded = (root, site, Ledger(site, last=self._loaded[2] if self._loaded else None))
        return site, self._loaded[2]


class SiteBuild:
    def __init__(self, language: str = SOURCE_LANGUAGE, models: SiteModels | None = None,
                 later: LaterWork | None = None) -> None:
        self.models = models or SiteModels()
        self.later = later or LaterWork()  # a preview's work after the pages are served
        self.renderer = SiteRenderer(language=language)  # templates, Markdown, renderings, reused
        self.output: PreviewOutput | None = None  # a preview server's site folder
        self.written = WrittenFiles()  # the generated files a preview wrote
        self.pages: dict[str, GeneratedPage] = {}
        self.home_html = ""
        self.search: SearchIndex | None = None
        self.site_dir = Path()
        self.settings = Settings("", "/")
        self.hand_written: dict[str, frozenset] = {}  # each language's hand-written pages
        self.written_later: set[str] = set()  # a preview's generated files, which the engine does not write
        self.theme_templates = TemplateBytecode()  # the engine's theme, compiled once
        self._rendered: RenderedSite | None = None
        self._home_laid_out = ""  # the sections the home page in a preview's folder shows
        self._running = False
        self._not_yet_indexed: set[str] = set()  # pages the engine has still to lay out
        self._records: dict[str, SearchRecord | None] = {}  # a preview's search record of each page
        self._record_of: dict[str, tuple[GeneratedPage, SearchRecord | None]] = {}
        self.earlier: frozenset[str] = frozenset()  # the entry pages of the earlier entries' search bundle

    @property
    def checked(self) -> CheckedFiles:
        return self.models.checked

    def start(self, preview: bool) -> None:
        self.output = PreviewOutput() if preview else None
        self.checked.save_later = preview  # the check cache too is saved after the pages are served

    def before(self, root: Path, site_dir: Path) -> None:
        self.later.begin()  # a preview's work of the last build stops before the folder moves
        self._stop_search()
        self.site_dir, self._running = site_dir, True
        if self.output:
            self.output.before(site_dir, inputs_fingerprint(root))
            if self.output.incremental:
                self.later.pause_collector()
            else:
                self.written.forget()

    def make(self, root: Path, settings: Settings, docs: set[str], doc_pages: set[str],
             docs_dir: Path | None = None, loaded: Callable[[], None] | None = None,
             ) -> tuple[list[GeneratedPage], list[GeneratedFile]]:
        """Load, check and render the site in `settings.language`: the pages the engine must lay
        out and the other files. `docs` are the engine's own files (in `docs_dir`), `doc_pages`
        those of them that are pages; `loaded` is called once the briefing files are loaded
        without a problem, before anything is rendered. Raises ProblemsFound."""
        linked = unsafe_files(docs_dir, docs_dir.name) if docs_dir else []
        share = self.later.builds_running > 1  # the default language's build runs this one
        try:
            site, ledger = self.models.load(root, share)
        except ProblemsFound as found:
            raise ProblemsFound([*found.problems, *linked]) from None
        if linked:
            raise ProblemsFound(linked)
        if loaded is not None:
            loaded()
        if self.renderer.language.code != settings.language:
            self.renderer = SiteRenderer(language=settings.language)
        rendered = self.renderer.render(site, settings, ledger, texts_checked=share and self.models.rendered is site)
        self.models.rendered = site
        self.settings = settings
        self.hand_written = hand_written_pages(docs_root(docs_dir, settings.language)) if docs_dir else {}
        outputs = [(page.source, page.origin or "briefings") for page in rendered.pages]
        collisions = check_collisions(outputs + [(item.path, "briefings") for item in rendered.later], docs)
        if collisions:
            raise ProblemsFound(collisions)
        self.pages = {page.source: page for page in rendered.pages}
        self.home_html, self._rendered = rendered.home_html, rendered
        self.earlier = earlier_pages(site.entries, settings.search_recent_entries)
        if self.output:
            return self._preview_outputs(root, docs_dir or root / "docs", doc_pages, rendered)
        self._open_search(settings.language, doc_pages)
        for page in rendered.pages:
            if page.is_html:  # the core's own HTML: indexed now, while the engine works
                self._index(page.source, page.url, page.meta, "", page.body)
        # The engine gets the other files by name (it checks links to them, and writes them empty);
        # `after` writes them, one at a time.
        return rendered.pages, [GeneratedFile(item.path, "") for item in rendered.later]

    def _preview_outputs(self, root: Path, docs_dir: Path, doc_pages: set[str],
                         rendered: RenderedSite) -> tuple[list[GeneratedPage], list[GeneratedFile]]:
        """A preview's: the pages whose output changed (and those that hand-written pages name),
        and the generated files by name only (the engine checks links to them; the core writes
        them after the build)."""
        assert self.output is not None
        always = self.output.linked(root, docs_root(docs_dir, self.settings.language), self.pages)
        handed = self.output.to_lay_out(rendered.pages, always)
        self._records = {source: self._records.get(source) for source in [*self.pages, *doc_pages]}
        for page in rendered.pages:
            if page.is_html:
                self._records[page.source] = self._record(page)
        self.written_later = {item.path for item in rendered.later}
        return [page for page in rendered.pages if page.source in handed], \
            [GeneratedFile(path, "") for path in sorted(self.written_later)]

    def _record(self, page: GeneratedPage) -> SearchRecord | None:
        """A core page's search record, made again only for a new rendering of the page."""
        found, earlier = self._record_of.get(page.source), page.source in self.earlier
        if found is None or found[0] is not page or (found[1] is not None and found[1].earlier != earlier):
            found = (page, indexed_page(page.url, page.meta, "", page.body, earlier))
            self._record_of[page.source] = found
        return found[1]

    def keeps_output(self, source: str) -> bool:
        """A page that a preview's rebuild hands the engine but need not lay out again: a generated
        one handed only for the links and the menu, or a hand-written one (its text, the menu, the
        theme and the hooks are those of the build before: a change to any makes a full build; and
        it shows nothing of the briefing files, but for the home page's sections)."""
        if not (self.output and self.output.incremental):
            return False
        if source in self.pages:
            return self.output.keeps(source)
        return source != HOME or self.home_html is self._home_laid_out

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
        if self.output and not (page is not None and page.is_html):
            self._records[source] = indexed_page(url, meta, title, html)
        elif source in self._not_yet_indexed:
            self._index(source, url, meta, title, html)
        return html + self.home_html if source == HOME else html

    def after(self) -> None:
        """The build is written: a preview lays it over the last one and leaves its files and
        search index for later; a published build writes its other files, then waits for the index."""
        if self.output:
            self.output.after(self.site_dir)
            self._home_laid_out = self.home_html
            rendered, records = self._rendered, [r for r in self._records.values() if r is not None]
            if rendered is not None:
                self.later.add(self.written.job(self.site_dir, rendered.later))
            self.later.add(search_job(self.later, self.site_dir, self.settings.language, records))
            self.later.add(lambda stop: self.checked.save_cache())
        elif self._rendered is not None:
            write_files(self.site_dir, self._rendered.later)
        search, self.search = self.search, None
        if search is not None:
            self._all_indexed(search)  # in case a page the engine was expected to lay out never came
            search.finish()
        self._running = False
        self.later.end()

    def failed(self) -> None:
        self._stop_search()
        if self._running:
            self._running = False
            if self.output:
                self.output.failed(self.site_dir)
            self.later.end()

    def close(self) -> None:
        self._stop_search()
        self.later.stop()
        if self.output and self.site_dir != Path():
            self.output.close(self.site_dir)

    def _open_search(self, language: str, doc_pages: set[str]) -> None:
        self._stop_search()
        self.search = SearchIndex(language, earlier=bool(self.earlier))
        self._not_yet_indexed = set(self.pages) | doc_pages

    def _index(self, source: str, url: str, meta: dict, title: str, html: str) -> None:
        """Hand one page to the index; after the last, the index is written."""
        self._not_yet_indexed.discard(source)
        page = indexed_page(url, meta, title, html, source in self.earlier)
        if page is not None and self.search is not None:
            self.search.add(*page)
        if not self._not_yet_indexed and self.search is not None:
            self._all_indexed(self.search)

    def _all_indexed(self, search: SearchIndex) -> None:
        """Every page is in: the one place that asks Pagefind to write its bundle."""
        search.start_writing(self.site_dir / "pagefind")

    def _stop_search(self) -> None:
        if self.search is not None:
            self.search.close()
            self.search = None


class SiteBuilds:
    """One SiteBuild per language the site is published in, made when its build first starts:
    each keeps its own pages, templates and search index from one build to the next; all share
    the model (the Spanish build reads the files the English one checked) and the work a
    preview leaves for after the pages are served."""

    def __init__(self) -> None:
        self.models = SiteModels()
        self.later = LaterWork()
        self.preview = False
        self.builds: dict[str, SiteBuild] = {}

    def start(self, preview: bool) -> None:
        self.preview = preview
        for build in self.builds.values():
            build.start(preview)

    def of(self, language: str) -> SiteBuild:
        if language not in self.builds:
            self.builds[language] = SiteBuild(language, self.models, self.later)
            self.builds[language].start(self.preview)
        return self.builds[language]

    def failed(self) -> None:
        """One language's build failed: the whole build has (the default language builds the others)."""
        for build in self.builds.values():
            build.failed()

    def close(self) -> None:
        for build in self.builds.values():
            build.close()

