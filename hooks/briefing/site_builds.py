"""Every language's build, and the model they share, as a run of the engine keeps them.

One SiteBuilds lives as long as the engine's run (a preview server's, or one build of every
language) and holds a SiteBuild per language, each with its own renderings, templates and
search records from one build to the next. The briefing files are loaded once
per cycle of builds, by the default language's build; the other languages' builds of the cycle,
which it runs (or which run in processes forked from it), take that model: `model` says which.
In a preview server, the cycle's work after the pages are served waits until every language's
build is written (publish/later.py), and the garbage collector waits with it (process.py).
"""
from __future__ import annotations

from pathlib import Path

from .model.build import BuiltEntries, load_site
from .model.history import EntryHistories
from .model.ledger import Ledger
from .process import CollectorPause, collector_paused
from .publish.later import LaterWork
from .publish.modes import Preview, Published
from .read.cache import CheckedFiles
from .render.jinja import CompiledTemplates
from .render.languages import DEFAULT
from .render.pages import HOME
from .site_build import LoadedModel, SiteBuild


class SiteModels:
    """The model of the briefing files, loaded again for every cycle; what the last load checked
    and built is reused for the files whose bytes are unchanged (read/, model/build.py)."""

    def __init__(self) -> None:
        self.checked = CheckedFiles()  # files' reports, reused while their bytes are unchanged
        self.built = BuiltEntries()
        self.ledger: Ledger | None = None  # the last one: a new ledger takes its unchanged comparisons
        self.histories = EntryHistories()
        self._history_said: str | None = None  # the line said about histories, said once per run

    def load(self, root: Path, remember: bool = True) -> LoadedModel:
        """`remember`: keep what the checks read for the next load (a preview server's); a
        published build loads once, and lets it go."""
        with collector_paused():
            site = load_site(root, remembered=self.checked, built=self.built)
            histories = self.histories.of(root, site)
        if not remember:
            self.checked.forget()
        self.ledger = Ledger(site, last=self.ledger)
        return LoadedModel(site, self.ledger, histories)

    def history_line(self, model: LoadedModel) -> str | None:
        """The line to log when the model has no histories, the first time only (a preview
        server rebuilds often, and one line says it)."""
        line = model.histories.log_line() if model.histories else None
        if line is None or line == self._history_said:
            return None
        self._history_said = line
        return line


class SiteBuilds:
    def __init__(self, report=None) -> None:
        self.models = SiteModels()
        self.compiled = CompiledTemplates()  # every language's templates, compiled once a run
        self.collector = CollectorPause()
        self.later = LaterWork(report=report, on_idle=self.collector.end)
        self.preview = False
        self.builds: dict[str, SiteBuild] = {}
        self._cycle: tuple[Path, LoadedModel] | None = None  # the default language's model of this cycle

    def start(self, preview: bool) -> None:
        """Once, before any build: a preview server's builds, or published ones (a preview saves
        the check cache once the pages are served, with the rest of its later work)."""
        self.preview = preview
        self.models.checked.save_later = preview

    def of(self, language: str) -> SiteBuild:
        if language not in self.builds:
            self.builds[language] = SiteBuild(language, self._mode(language), self.compiled)
        return self.builds[language]

    def _mode(self, language: str) -> Published | Preview:
        if not self.preview:
            return Published(language)
        return Preview(language, self.later, self.models.checked.save_cache, HOME)

    def before(self, language: str, site_dir: Path, incremental: bool = False) -> None:
        """A language's build starts. The default language's starts a cycle; in a preview whose
        folder is kept, the collector waits until the cycle's pages are served (a full collection
        walks every object the server keeps, a second at 10,000 entries)."""
        if language == DEFAULT:
            self._cycle = None
            if self.preview and incremental:
                self.collector.start()
        self.of(language).before(site_dir, incremental)

    def model(self, language: str, root: Path) -> LoadedModel:
        """The model this language's build renders: the default language's build loads it (raising
        ProblemsFound with every problem of the files); another language's takes the one its cycle
        loaded, if any."""
        if language != DEFAULT and self._cycle is not None and self._cycle[0] == root:
            return self._cycle[1]
        model = self.models.load(root, remember=self.preview)
        if language == DEFAULT:
            self._cycle = (root, model)
        return model

    def failed(self) -> None:
        """One language's build failed: the whole build has (the default language builds the others)."""
        self._cycle = None
        for build in self.builds.values():
            build.failed()

    def close(self) -> None:
        for build in self.builds.values():
            build.close()
        self.collector.end()
