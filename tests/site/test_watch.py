"""A preview server learns of edits from the system's file watcher (briefing_engine.py), told of
changes only: reading a file (every build reads every briefing file) must not start a rebuild."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace

from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from briefing_engine import ChangesObserver, watch_natively


class Seen(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: list = []
        self.arrived = threading.Event()

    def on_any_event(self, event) -> None:
        if not event.is_directory:
            self.events.append(event)
            self.arrived.set()


def test_the_watcher_reports_a_write_and_not_a_read(tmp_path: Path):
    entry = tmp_path / "entry.yaml"
    entry.write_text("title: x\n")
    seen, observer = Seen(), ChangesObserver()
    observer.schedule(seen, str(tmp_path), recursive=True)
    observer.start()
    try:
        time.sleep(0.2)
        entry.read_text()
        time.sleep(0.5)  # a bound for events that must not come, not a timing assertion
        assert seen.events == []
        entry.write_text("title: y\n")
        assert seen.arrived.wait(10), "the write was never reported"
    finally:
        observer.stop()
        observer.join()


class Server:
    """What watch_natively uses of MkDocs' LiveReloadServer: watch, unwatch and its observer."""

    def __init__(self) -> None:
        self.observer = PollingObserver()
        self.watched: dict[str, int] = {}

    def watch(self, path: str) -> None:
        self.watched[path] = self.watched.get(path, 0) + 1
        self.observer.schedule(FileSystemEventHandler(), path)

    def unwatch(self, path: str) -> None:
        self.watched[path] -= 1  # KeyError for a path not watched, as MkDocs' does
        if not self.watched[path]:
            del self.watched[path]


def test_the_server_s_watched_paths_move_to_the_system_watcher_unless_polling_is_asked_for(tmp_path: Path,
                                                                                            monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), config_file_path=str(tmp_path / "mkdocs.yml"),
                             theme=SimpleNamespace(dirs=[str(tmp_path / "theme")]))
    monkeypatch.setenv("BRIEFING_WATCH", "poll")
    polling = Server()
    polling.watch(config.docs_dir)
    assert not watch_natively(polling, config) and isinstance(polling.observer, PollingObserver)
    monkeypatch.delenv("BRIEFING_WATCH")
    server = Server()
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    assert watch_natively(server, config)
    assert isinstance(server.observer, ChangesObserver)
    assert server.watched == {config.docs_dir: 1, config.config_file_path: 1}
    assert len(server.observer.emitters) == 2  # the new watcher watches both
