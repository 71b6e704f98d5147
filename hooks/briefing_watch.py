"""Engine adapter, the preview server's file watcher. The engine's server (MkDocs 1.6's
LiveReloadServer) rebuilds when a watchdog observer, `server.observer`, reports a change of a
file; a rebuild reads every file again, so what matters is only that a change wakes it. Three
habits of that arrangement lose changes, and are worked around here:
- The server drops every event about a folder (its handler returns on `is_directory`), and the
  system's watcher (inotify) reports a folder moved out of the watched tree only as that
  folder's deletion: the files that went with it are never reported, and their pages stay
  served. So a folder made, removed or moved is handed on as a change of a file
  (`FoldersAsFiles`), in both watchers.
- watchdog walks a tree by recursion (os.walk before Python 3.12, and its polling snapshots): a
  folder a thousand levels deep raises RecursionError in a watcher thread, which ends, and the
  server never hears of a change again. The polling watcher here lists a folder at a time, from
  a list of those still to list, never entering a link (`FlatSnapshot`).
- A watcher thread that ends (that error, or any other) ends without a word. `WatchGuard` notices
  it, says so in one line, puts a polling watcher in its place and rebuilds (changes made in the
  meantime were not reported). A polling watcher is the last resort: if it ends too, the server
  stops, saying in one line that it must be started again.
"""
from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingEmitter
from watchdog.utils import BaseThread
from watchdog.utils.dirsnapshot import DirectorySnapshot

from briefing_preview import listed_under

# What the system's watcher reports: a file closed after writing, made, removed, moved or touched,
# and a folder made, removed or moved; not a file opened or read (the build reads every briefing
# file: it would rebuild for ever), nor each write (a save is a write and a close: two events, and
# the server would wait twice its 0.1 s for more changes; and a file is complete once closed).
CHANGES = (FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent, FileAttribEvent,
           DirCreatedEvent, DirDeletedEvent, DirMovedEvent)
AS_FILE = {DirCreatedEvent: FileCreatedEvent, DirDeletedEvent: FileDeletedEvent, DirMovedEvent: FileMovedEvent}
POLL_SECONDS = 0.5  # the engine's own polling interval
CHECK_SECONDS = 1.0  # how often WatchGuard looks at the watcher's threads, besides being told


class FoldersAsFiles(FileSystemEventHandler):
    """The engine's handler, told of a folder made, removed or moved as of a file: it rebuilds only
    for files, and the files inside a folder moved out of the tree are reported by no one."""

    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler

    def dispatch(self, event) -> None:
        as_file = AS_FILE.get(type(event))
        if as_file is not None:
            event = as_file(event.src_path, event.dest_path) if event.dest_path else as_file(event.src_path)
        self.handler.dispatch(event)


class Recorded:
    """An observer that keeps what it was asked to watch, so that another can take its place."""

    event_filter: ClassVar[list | None] = None  # the events its emitters report (None: every event)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scheduled: dict[Any, tuple[FileSystemEventHandler, str, bool]] = {}  # watch -> handler, path, recursive

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        watch = super().schedule(FoldersAsFiles(event_handler), path,  # type: ignore[misc]
                                 recursive=recursive, event_filter=event_filter or self.event_filter,
                                 follow_symlink=follow_symlink)
        self.scheduled[watch] = (event_handler, path, recursive)
        return watch

    def unschedule(self, watch) -> None:
        super().unschedule(watch)  # type: ignore[misc]
        self.scheduled.pop(watch, None)


class ChangesObserver(Recorded, Observer):  # type: ignore[misc,valid-type]
    """The system's own file watcher (inotify on Linux), told only of changes."""

    event_filter: ClassVar[list | None] = list(CHANGES)


class FlatSnapshot(DirectorySnapshot):
    """A polling watcher's picture of a tree, listed a folder at a time (watchdog's own recurses,
    and a deep tree ends its thread). A link is recorded, never entered: a link to a folder above
    would make the walk endless. A folder that cannot be listed (gone, a file, too long a path)
    counts as empty, as in watchdog's."""

    def walk(self, root):
        for item in listed_under(root, deep=self.recursive):
            with contextlib.suppress(OSError):  # gone since its folder was listed: not there
                yield item.path, item.stat(follow_symlinks=False)


class FlatPollingEmitter(PollingEmitter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._take_snapshot = lambda: FlatSnapshot(self.watch.path, recursive=self.watch.is_recursive)


class PollingWatcher(Recorded, BaseObserver):
    """Looks at every watched file every half second, as the engine's polling does, told of
    every change (polling sees no reads); walks any tree (FlatSnapshot)."""

    def __init__(self) -> None:
        super().__init__(FlatPollingEmitter, timeout=POLL_SECONDS)


class WatchGuard:
    """Keeps a preview server's watcher running, or stops the server in one line: never a server
    that has silently stopped watching. A watcher thread that ends is seen either way: by the
    thread hook, when it ends with an error (watchdog's inotify reader is a thread of its own,
    shared, that no observer knows of), or by looking, when it ends without one."""

    def __init__(self) -> None:
        self.server: Any = None
        self.stop_line: str | None = None  # set when the server must stop: the next build says it
        self._endings: list[tuple[Any, str]] = []  # watcher threads that ended with an error, and why
        self._told = threading.Event()
        self._say: Callable[[str], Any] = print

    def start(self, server: Any, say: Callable[[str], Any]) -> None:
        """Guard `server.observer` from now on; `say` logs a line (a warning)."""
        self.server, self._say = server, say
        self._chain_thread_hook()
        threading.Thread(target=self._guard, name="briefing-watch-guard", daemon=True).start()

    def _chain_thread_hook(self) -> None:
        """A watchdog thread that ends with an error is noted, its traceback (a thousand lines for a
        deep tree) replaced by the one line the guard says; any other thread's goes on as before."""
        earlier = threading.excepthook

        def hook(args) -> None:
            if isinstance(args.thread, BaseThread):  # watchdog's: its observers, emitters, inotify reader
                self._endings.append((args.thread, _words(args.exc_type, args.exc_value)))
                self._told.set()
            else:
                earlier(args)
        threading.excepthook = hook

    def _guard(self) -> None:
        while True:
            self._told.wait(CHECK_SECONDS)
            self._told.clear()
            observer = self.server.observer
            if not observer.should_keep_running():
                return  # the server is stopping, and stopped it
            why = self._why_ended(observer)
            if why is not None and not self._replace(observer, why):
                return

    def _why_ended(self, observer) -> str | None:
        """Why the watcher no longer reports changes; None while it does (or has not started). Once
        polling, only its own threads count: the ones replaced may still end with errors."""
        ours = {observer, *observer.emitters} if isinstance(observer, PollingWatcher) else None
        for thread, why in self._endings:
            if ours is None or thread in ours:
                return why
        if observer.ident is None:
            return None
        if not observer.is_alive():
            return "its thread ended"
        stopped = sorted(emitter.watch.path for emitter in observer.emitters if not emitter.is_alive())
        return f"it stopped watching {stopped[0]}" if stopped else None

    def _replace(self, observer, why: str) -> bool:
        """A polling watcher takes the place of one that ended, and the site is built again; if
        polling is what ended, the server is to stop. True while the server goes on."""
        if isinstance(observer, PollingWatcher):
            self.stop_line = (f"The file watcher stopped ({why}), and this server would not see another change: "
                              "stop here. Run `make serve` again.")
        else:
            self._say(f"The system's file watcher stopped ({why}): the server polls the files every half "
                      "second instead.")
            try:
                self.server.observer = _polling_like(observer)
            except Exception as error:  # a watched path gone, say: nothing watches the files now
                self.stop_line = (f"The file watcher stopped ({why}) and polling could not start "
                                  f"({_words(type(error), error)}): stop here. Run `make serve` again.")
        self._endings.clear()
        _stop_quietly(observer)
        _rebuild(observer)
        return self.stop_line is None


def _polling_like(observer) -> PollingWatcher:
    """A polling watcher, started, watching what `observer` watched, for the same handlers."""
    polling = PollingWatcher()
    for handler, path, recursive in observer.scheduled.values():
        polling.schedule(handler, path, recursive=recursive)
    polling.start()
    return polling


def _rebuild(observer) -> None:
    """Tell the engine's handlers that something changed: a rebuild reads every file again."""
    for handler, path, _ in list(observer.scheduled.values()):
        handler.dispatch(FileModifiedEvent(path))


def _stop_quietly(observer) -> None:
    with contextlib.suppress(Exception):  # a watcher that ended may fail to stop; it is no longer used
        observer.stop()


def _words(kind: type[BaseException], error: BaseException | None) -> str:
    """An error in one line: its kind, and its message if it has one."""
    return ": ".join(filter(None, (kind.__name__, str(error or "").partition("\n")[0])))


def watch_changes(server: Any, config: Any, guard: WatchGuard, say) -> bool:
    """Have a preview server (the engine's LiveReloadServer, in `on_serve`) learn of changes from
    the system instead of polling. MkDocs polls every watched file every half second: at 10,000
    entries a poll takes an eighth of a second of the server's own time, and an edit waits a
    third of a second, on average, to be seen. BRIEFING_WATCH=poll polls (for folders whose
    changes the system does not report, such as some network or VM mounts), with PollingWatcher.
    The paths the server watches already are moved to the new watcher, which `guard` keeps
    running. False if the system's cannot run, and the server's log says so in one line, with
    why (a slower preview should not be a mystery)."""
    why_not = _why_poll(config.docs_dir)
    if why_not:
        say(f"{why_not}: the server polls the files every half second instead.")
    moved = []
    for path in [config.docs_dir, config.config_file_path, *config.theme.dirs]:
        while path:
            try:
                server.unwatch(path)
            except KeyError:
                break
            moved.append(path)
    server.observer = PollingWatcher() if why_not else ChangesObserver()
    for path in moved:
        server.watch(path)
    guard.start(server, say)
    return not why_not


def _why_poll(folder: str) -> str | None:
    """Why the server polls: asked to, or the system watcher does not start here (it may be out of
    watches, or missing), in the words of its error; None when the watcher starts."""
    if os.environ.get("BRIEFING_WATCH", "").strip().lower() == "poll":
        return "BRIEFING_WATCH=poll asks for polling"
    probe = ChangesObserver()
    try:
        probe.schedule(FileSystemEventHandler(), folder, recursive=False)
        probe.start()
    except Exception as error:  # any failure means: poll
        return f"The system's file watcher could not start here ({_words(type(error), error)})"
    probe.stop()
    probe.join()
    return None
