"""Effects on the whole process (briefing/process.py): the collector is paused while the briefing
files load, by the callers beside the stages, and given back as it was."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest

from briefing import cli, site_builds
from briefing.process import collector_paused
from briefing.read.cache import CheckedFiles
from briefing.review import snapshot


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_given_back_as_it_was(collector_on):
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner pause does not end the outer one
    assert gc.isenabled()
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("a failing load")
    assert gc.isenabled()


def seen_while_loading(monkeypatch, module, name: str) -> list[bool]:
    """Whether the collector ran while `module.name` (the loader it calls) ran, call by call."""
    seen: list[bool] = []
    loader = getattr(module, name)

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return loader(*args, **kwargs)
    monkeypatch.setattr(module, name, spy)
    return seen


def test_validate_a_build_and_a_review_load_with_the_collector_paused(toy_repo: Path, monkeypatch, collector_on):
    validating = seen_while_loading(monkeypatch, cli, "check_site")
    building = seen_while_loading(monkeypatch, site_builds, "load_site")
    reviewing = seen_while_loading(monkeypatch, snapshot, "load_site")
    cli.check_everything(toy_repo)
    site_builds.SiteModels().load(toy_repo)
    snapshot.snapshot_of("the working tree", toy_repo, [], True, CheckedFiles())
    assert (validating, building, reviewing) == ([False], [False], [False])
    assert gc.isenabled()


def test_a_preview_s_cycle_pauses_the_collector_until_no_build_runs(toy_repo: Path, tmp_path: Path, collector_on):
    """A preview whose folder is kept: no full collection until every language's pages are served."""
    builds = site_builds.SiteBuilds()
    builds.start(preview=True)
    builds.before("en", tmp_path / "site", incremental=True)
    assert not gc.isenabled()
    with builds.later.held():  # as the default language's build holds it while the others build
        builds.before("es", tmp_path / "site/es", incremental=True)
        builds.of("es").failed()
        assert not gc.isenabled()
        builds.of("en").failed()
    assert gc.isenabled()
    builds.close()
