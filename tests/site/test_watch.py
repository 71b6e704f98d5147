"""A preview server learns of edits from the system's file watcher (briefing_watch.py), told of
changes only: reading a file (every build reads every briefing file) must not start a rebuild."""
from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from briefing_engine import Engine
from briefing_watch import ChangesObserver, PollingWatcher, WatchGuard, watch_changes


class Seen(FileSystemEventHandler):
    """The events the watcher reports about files, in the order it reports them."""

    def __init__(self) -> None:
        self.events: list = []
        self.arrived = threading.Condition()

    def on_any_event(self, event) -> None:
        if not event.is_directory:
            with self.arrived:
                self.events.append(event)
                self.arrived.notify_all()

    def until(self, path: Path, timeout: float = 10) -> list:
        """The events up to the first about `path` (that one too), taken off the list once it has
        come; fails if it has not come within `timeout` seconds."""
        def first() -> int | None:
            return next((n for n, event in enumerate(self.events) if event.src_path == str(path)), None)
        with self.arrived:
            assert self.arrived.wait_for(lambda: first() is not None, timeout), \
                f"the watcher did not report {path.name} within {timeout} s"
            taken, self.events = self.events[: first() + 1], self.events[first() + 1:]
        return taken


def test_the_watcher_reports_a_write_and_not_a_read(tmp_path: Path):
    """One watcher reports events in the order they happen, so a marker file written after the read
    bounds the wait: once its event has come, any event of the read would have come before it."""
    entry = tmp_path / "entry.yaml"
    entry.write_text("title: x\n")
    seen, observer = Seen(), ChangesObserver()
    observer.schedule(seen, str(tmp_path), recursive=True)
    observer.start()
    try:
        (tmp_path / "ready").write_text("")
        seen.until(tmp_path / "ready")  # the watcher is running
        entry.read_text()
        (tmp_path / "after-the-read").write_text("")
        reported = seen.until(tmp_path / "after-the-read")
        assert [event for event in reported if event.src_path == str(entry)] == [], "a read was reported"
        entry.write_text("title: y\n")
        seen.until(entry)
    finally:
        observer.stop()
        observer.join()


class Server:
    """What watch_changes uses of MkDocs' LiveReloadServer: watch, unwatch and its observer."""

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


@pytest.fixture
def config(tmp_path: Path):
    """A site's configuration as the engine reads it: the log line goes to that engine's logger."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    return Engine("mkdocs").load_config(str(tmp_path / "mkdocs.yml"))


@pytest.fixture
def hooks_log(caplog):
    """What the hooks log, at INFO and above, on the engine's hooks logger."""
    caplog.set_level(logging.INFO, logger=Engine("mkdocs").log().name)
    return caplog


def lines_of(caplog) -> list[str]:
    return [f"{record.levelname} {record.getMessage()}" for record in caplog.records
            if record.name == "mkdocs.hooks.briefing"]


def say(caplog_line: str) -> None:
    Engine("mkdocs").log().info(caplog_line)


def test_the_server_s_watched_paths_move_to_the_system_watcher(config, hooks_log):
    server = Server()
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    assert watch_changes(server, config, WatchGuard(), say)
    assert isinstance(server.observer, ChangesObserver)
    assert server.watched == {config.docs_dir: 1, config.config_file_path: 1}
    assert len(server.observer.emitters) == 2  # the new watcher watches both
    assert lines_of(hooks_log) == []


def test_polling_asked_for_is_kept_and_said_once(config, hooks_log, monkeypatch):
    monkeypatch.setenv("BRIEFING_WATCH", "poll")
    polling = Server()
    polling.watch(config.docs_dir)
    assert not watch_changes(polling, config, WatchGuard(), say) and isinstance(polling.observer, PollingWatcher)
    assert lines_of(hooks_log) == ["INFO BRIEFING_WATCH=poll asks for polling: the server polls "
                                   "the files every half second instead."]


def test_a_system_watcher_that_cannot_start_leaves_polling_and_the_log_says_why(config, hooks_log, monkeypatch):
    def out_of_watches(observer) -> None:
        raise OSError(28, "inotify watch limit reached")
    monkeypatch.setattr(ChangesObserver, "start", out_of_watches)
    polling = Server()
    polling.watch(config.docs_dir)
    assert not watch_changes(polling, config, WatchGuard(), say) and isinstance(polling.observer, PollingWatcher)
    assert lines_of(hooks_log) == ["INFO The system's file watcher could not start here (OSError: [Errno 28] "
                                   "inotify watch limit reached): the server polls the files every half second "
                                   "instead."]
