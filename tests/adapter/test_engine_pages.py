"""In one process (BRIEFING_ONE_PROCESS=1) the other languages build inside the default build's
last event, while the engine still holds the default build's pages: those it no longer reads are
let go first (hooks/briefing_languages.EnginePages), so that the two builds' pages are never held
at once. Measured at 10,000 entries: the one-process build's peak memory, 1,069 MiB before."""
from __future__ import annotations

import gc
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

import briefing_languages


def built_one_process(repo: Path, site: Path, monkeypatch, look) -> list:
    """Build `repo` in this process; `look()` runs where the other languages are built, its results kept."""
    monkeypatch.setenv("BRIEFING_ONE_PROCESS", "1")
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    seen: list = []
    configs = briefing_languages.language_configs
    monkeypatch.setattr(briefing_languages, "language_configs", lambda config: seen.append(look()) or configs(config))
    build(load_config(config_file=str(repo / "mkdocs.yml"), site_dir=str(site)))
    assert seen, "the build never came to the other languages"
    return seen


def test_the_default_build_s_pages_are_let_go_before_the_other_languages_build(toy_repo: Path, tmp_path: Path,
                                                                              monkeypatch):
    def pages_alive() -> list[str]:
        return [obj.file.src_uri for obj in gc.get_objects() if isinstance(obj, Page)]
    alive = built_one_process(toy_repo, tmp_path / "site", monkeypatch, pages_alive)
    assert "index.md" in alive[-1]  # the menu's own pages are the menu's: kept
    assert [source for source in alive[-1] if source.startswith("entries/")] == []


def test_a_written_page_of_the_core_s_keeps_no_meta_or_contents_in_the_engine(toy_repo: Path, tmp_path: Path,
                                                                               monkeypatch):
    """Before they are let go, the written pages of the core's hold none of what only their own
    layout read (no other page's layout reads them: they are in no menu)."""
    held: list = []
    let_go = briefing_languages.EnginePages.let_go

    def looking(self) -> None:
        held.extend((file.src_uri, file.page.meta, file.page.toc) for file in self._files or ()
                    if file.page is not None and file.src_uri.startswith("entries/"))
        let_go(self)
    monkeypatch.setattr(briefing_languages.EnginePages, "let_go", looking)
    built_one_process(toy_repo, tmp_path / "site", monkeypatch, lambda: None)
    assert held and all(meta == {} and list(toc) == [] for _, meta, toc in held), held[:2]
