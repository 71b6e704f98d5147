"""Effects on the whole process (briefing/process.py): the collector is paused while the briefing
files load, by the callers beside the stages, and given back as it was; a published build's
handlers of the stopping signals are given back too, and stopping a build stops its children
(test_build_stopped.py stops real builds)."""
from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import briefing_languages
from briefing import cli, site_builds
from briefing.process import STOPPING, StopOnSignals, children_of, collector_paused, stop_children
from briefing.read.cache import CheckedFiles
from briefing.review import snapshot

from conftest import failing_after


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


def test_resuming_the_collector_does_not_walk_what_the_pause_made(collector_on):
    """The objects a pause made are kept, not garbage: the collector resumes without a collection
    over all of them at once (a cold validation that then exits paid half a second for one)."""
    with collector_paused():
        kept = [[number] for number in range(50_000)]
        collections = gc.get_stats()[0]["collections"]
    assert gc.get_stats()[0]["collections"] == collections
    assert gc.get_count()[0] < 1_000
    assert len(kept) == 50_000


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


@pytest.fixture
def own_handlers():
    """Handlers of the test's own on the stopping signals, given back as they were afterwards."""
    def mine(number, frame):
        raise AssertionError("not to be called")
    before = {number: signal.signal(number, mine) for number in STOPPING}
    yield mine
    for number, handler in before.items():
        signal.signal(number, handler)


def test_the_stopping_handlers_are_given_back_as_they_were(own_handlers):
    stop = StopOnSignals()
    stop.install()
    assert {signal.getsignal(number) for number in STOPPING} == {stop._stop}
    stop.install()  # twice: the handlers before are still the test's
    stop.restore()
    assert {signal.getsignal(number) for number in STOPPING} == {own_handlers}
    stop.restore()
    assert {signal.getsignal(number) for number in STOPPING} == {own_handlers}


def test_only_a_main_thread_installs_them(own_handlers):
    """A preview server's rebuilds run in a thread of their own, where no handler may be set."""
    failed = []

    def install() -> None:
        try:
            StopOnSignals().install()
        except ValueError as error:  # "signal only works in main thread of the main interpreter"
            failed.append(str(error))
    worker = threading.Thread(target=install)
    worker.start()
    worker.join()
    assert failed == []
    assert {signal.getsignal(number) for number in STOPPING} == {own_handlers}


def test_a_published_build_gives_the_handlers_back(toy_repo: Path, tmp_path: Path, own_handlers, monkeypatch):
    """Installed while the languages are built (here one after the other), given back after."""
    monkeypatch.setenv("BRIEFING_ONE_PROCESS", "1")
    seen = []
    configs = briefing_languages.language_configs
    monkeypatch.setattr(briefing_languages, "language_configs",
                        lambda config: seen.append(signal.getsignal(signal.SIGTERM)) or configs(config))
    config = load_config(config_file=str(toy_repo / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    assert (tmp_path / "site/pagefind").is_dir()
    # The last look at the languages is when the build builds them (the settings read earlier, before
    # the text check the other languages' builds wait for, name them before the handlers are installed).
    assert type(getattr(seen[-1], "__self__", None)) is StopOnSignals
    assert {signal.getsignal(number) for number in STOPPING} == {own_handlers}


def child(code: str) -> subprocess.Popen:
    """A Python child that has run `code` once it has printed its first line."""
    started = subprocess.Popen([sys.executable, "-c", f"import signal, sys, time\n{code}\nprint('ready', flush=True)\n"
                                "time.sleep(600)"], stdout=subprocess.PIPE, text=True)
    assert started.stdout is not None and started.stdout.readline() == "ready\n"
    return started


def test_children_are_stopped_and_one_that_will_not_stop_is_killed():
    """Each child is asked with SIGTERM; one that ignores it is killed once its grace is over;
    every child is reaped."""
    willing = child("signal.signal(signal.SIGTERM, lambda *_: (print('asked', flush=True), sys.exit()))")
    stubborn = child("signal.signal(signal.SIGTERM, signal.SIG_IGN)")
    try:
        assert {stubborn.pid, willing.pid} <= set(children_of(os.getpid()))
        with failing_after(30):  # a stubborn child waited for forever
            stop_children(grace=0.5)
        assert not {stubborn.pid, willing.pid} & set(children_of(os.getpid()))
        assert [stubborn.poll(), willing.poll()] == [0, 0]  # reaped by stop_children: Popen finds no status
        assert willing.stdout is not None and willing.stdout.read() == "asked\n"
    finally:
        for started in (stubborn, willing):
            started.kill()
            started.communicate()
