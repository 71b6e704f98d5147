"""One language's build of the site, from the loaded model to pages, as an engine drives it.

The engine's adapter (hooks/briefing_hooks.py) calls, for every build: `before`, `check` and `make`
(with the model that site_builds.SiteBuilds loaded), `page_html` for every page the engine lays out, and
`after` (or `failed`); `close` when the engine stops. Where the outputs go, and which of them the
engine lays out, is the build's mode (publish/modes.py): a published build, or a preview
server's rebuild, given when the build is made.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .format.problems import ProblemsFound
from .model.history import EntryVersions
from .model.ledger import Ledger
from .model.site import Site
from .publish.modes import Preview, Published
from .publish.search_index import earlier_pages
from .render.head import feed_links
from .render.jinja import CompiledTemplates
from .render.languages import alternates, hand_written_pages, other_sites
from .render.outputs import GeneratedPage
from .render.pages import HOME
from .render.paths import check_collisions
from .render.settings import Settings
from .render.site_outputs import RenderedSite, SiteRenderer


class LoadedModel:
    """The checked model of the briefing files, as every language's build of one cycle reads it.
    `texts_rendered`: a build has rendered (checked) every text of it, so the others need not again;
    `histories`: the entries' versions from git, or why there are none."""

    def __init__(self, site: Site, ledger: Ledger, histories: EntryVersions | None = None) -> None:
        self.site, self.ledger, self.texts_rendered = site, ledger, False
        self.histories = histories  # each entry's versions from git (model/history.py)


class SiteBuild:
    def __init__(self, language: str, mode: Published | Preview, compiled: CompiledTemplates | None = None) -> None:
        # templates (compiled into `compiled`, shared by every language), Markdown, renderings, reused
        self.renderer = SiteRenderer(language=language, compiled=compiled)
        self.mode = mode
        self.rendered: RenderedSite | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.settings = Settings("", "/", language=language)
        self.hand_written: dict[str, frozenset] = {}  # each language's hand-written pages
        self.earlier: frozenset[str] = frozenset()  # the entry pages of the earlier entries' search bundle

    def before(self, site_dir: Path, incremental: bool = False) -> None:
        """`incremental`: a preview's site folder still holds the last build's output."""
        self.rendered = None
        self.mode.before(site_dir, incremental)

    def compile_templates(self) -> None:
        """Before the other languages' builds are forked from this one: they find every template
        compiled (render/jinja.py CompiledTemplates), instead of each compiling them again."""
        self.renderer.templates.compile_all()

    def check(self, model: LoadedModel, settings: Settings) -> None:
        """Before the other languages' builds start (forked from this one, they share the model):
        the settings, then every text of the model, so that a problem is reported once and the other
        builds need not render this language's texts to check them. Raises ProblemsFound."""
        settings.check()
        if not model.texts_rendered:
            self.renderer.check_texts(model.site)
            model.texts_rendered = True

    def make(self, model: LoadedModel, settings: Settings, docs: set[str], doc_pages: list[str],
             docs_root: Path | None = None) -> list[GeneratedPage]:
        """Render the site in `settings.language`: the pages the engine is to lay out. `docs` are
        the engine's own files, `doc_pages` those of them that are pages (in the engine's order),
        `docs_root` the folder of every language's hand-written pages. Raises ProblemsFound."""
        self.hand_written, self.settings = (hand_written_pages(docs_root) if docs_root else {}), settings
        settings = replace(settings, hand_written=tuple((source, self._written_in(source)) for source in doc_pages))
        rendered = self.renderer.render(model.site, settings, model.ledger, texts_checked=model.texts_rendered,
                                        histories=model.histories)
        model.texts_rendered = True
        collisions = check_collisions(rendered.plan.published(), docs)
        if collisions:
            raise ProblemsFound(collisions)
        self.rendered, self.settings = rendered, settings
        self.pages = {page.source: page for page in rendered.pages}
        self.earlier = earlier_pages(model.site.entries, settings.search_recent_entries)
        to_lay_out = self.mode.to_lay_out(rendered, set(doc_pages), self.earlier)
        if not self.mode.keeps_renderings:  # the pages' only copy is here, until each is written
            self.renderer.reuse.forget(self.pages)
            self.rendered = replace(rendered, pages=[])
        return to_lay_out

    def file_paths(self) -> list[str]:
        """The paths of the files the core writes (the engine checks links to them)."""
        return list(self.rendered.contents) if self.rendered else []

    def page(self, source: str) -> GeneratedPage | None:
        return self.pages.get(source)

    def lays_out(self, source: str) -> bool:
        """Whether the engine lays out this hand-written page again (a preview keeps most)."""
        return self.mode.lays_out_hand_written(source)

    def _written_in(self, source: str) -> tuple[str, ...]:
        """The languages whose folder has this hand-written page."""
        return tuple(code for code, _ in self.settings.sites if source in self.hand_written.get(code, ()))

    def alternates(self, source: str, url: str) -> list[dict]:
        """The page's versions in every language it exists in (the core's pages exist in all)."""
        built = tuple(code for code, _ in self.settings.sites)
        written = built if source in self.pages else self._written_in(source)
        return alternates(self.settings.sites, url, written, self.settings.language)

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
        if page is not None and page.is_html:
            return page.body
        self.mode.laid_out(source, url, meta, title, engine_html)
        return engine_html + self.rendered.home_html if source == HOME and self.rendered else engine_html

    def written(self, source: str) -> bool:
        """The engine has written the page. A published build lets its HTML go (the engine would
        keep every page's until the build ends): nothing reads it again. True if the engine may
        let go of what it holds of the page too (a page of the core's, in a published build)."""
        page = self.pages.get(source)
        if page is None or self.mode.keeps_renderings:
            return False
        if page.is_html:
            self.pages[source] = replace(page, body="")
        return True

    def gone(self) -> set[str]:
        """The generated pages the last build's folder holds that this build no longer makes."""
        return self.mode.gone()

    def after(self) -> None:
        """The engine has written the pages: the mode writes the rest (now, or once served)."""
        rendered = self.rendered
        if not self.mode.keeps_renderings:  # nothing of it is read again once written
            self.rendered, self.pages = None, {}
            self.renderer.reuse.forget()  # the files' contents, written next, hold what they need
        if rendered is not None:
            self.mode.after(rendered)

    def failed(self) -> None:
        self.mode.failed()

    def close(self) -> None:
        self.mode.close()
