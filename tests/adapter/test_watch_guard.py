"""A watcher thread that ends is noticed (hooks/briefing_watch.py, WatchGuard): the system's
watcher is replaced by polling, and the site built again; a polling watcher that ends stops the
server, in one line. Never a server that has silently stopped watching."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from watchdog.events import FileSystemEventHandler

from briefing_watch import ChangesObserver, PollingWatcher, WatchGuard

from conftest import deep_tree


class Engine(FileSystemEventHandler):
    """The engine's handler: the paths it was told of."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.told = threading.Condition()

    def on_any_event(self, event) -> None:
        with self.told:
            self.paths.append(event.src_path)
            self.told.notify_all()

    def until(self, path: Path) -> None:
        with self.told:
            assert self.told.wait_for(lambda: str(path) in self.paths, 20), f"{path} was never reported: {self.paths}"


class Server:
    def __init__(self, observer) -> None:
        self.observer = observer


def make_raise(observer) -> None:
    """Its emitter's next look at the files raises, and ends the emitter's thread."""
    def broken(timeout, **_) -> None:
        raise RuntimeError("the watcher broke")
    for emitter in observer.emitters:
        emitter.queue_events = broken


@pytest.fixture
def watched(tmp_path: Path):
    def start(observer):
        engine = observer_engine = Engine()
        observer.schedule(observer_engine, str(tmp_path), recursive=True)
        observer.start()
        server, said, guard = Server(observer), [], WatchGuard()
        guard.start(server, said.append)
        return engine, server, said, guard
    started: list = []
    yield lambda observer: started.append(start(observer)) or started[-1]
    for _, server, _, _ in started:
        server.observer.stop()


def test_a_system_watcher_that_ends_is_replaced_by_polling_and_the_site_built_again(watched, tmp_path: Path):
    engine, server, said, guard = watched(ChangesObserver())
    make_raise(server.observer)
    (tmp_path / "wakes-it.yaml").write_text("x")
    engine.until(tmp_path)  # the rebuild the guard asks for, for the watched folder
    assert said == ["The system's file watcher stopped (RuntimeError: the watcher broke): the server polls the "
                    "files every half second instead."]
    assert isinstance(server.observer, PollingWatcher) and guard.stop_line is None
    (tmp_path / "after.yaml").write_text("y")
    engine.until(tmp_path / "after.yaml")  # the polling watcher reports changes


def test_a_polling_watcher_that_ends_stops_the_server_in_one_line(watched, tmp_path: Path):
    engine, server, said, guard = watched(PollingWatcher())
    make_raise(server.observer)
    engine.until(tmp_path)
    assert guard.stop_line == ("The file watcher stopped (RuntimeError: the watcher broke), and this server would "
                               "not see another change: stop here. Run `make serve` again.")
    assert said == []


def test_a_deep_tree_does_not_end_the_polling_watcher(watched, tmp_path: Path):
    engine, server, said, guard = watched(PollingWatcher())
    (tmp_path / "ready").write_text("")
    engine.until(tmp_path / "ready")
    deep_tree(tmp_path, 1000)
    (tmp_path / "after.yaml").write_text("y")
    engine.until(tmp_path / "after.yaml")
    assert said == [] and guard.stop_line is None and server.observer.is_alive()
