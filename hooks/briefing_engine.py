"""Engine adapter, the engine itself: which engine runs this build, MkDocs 1.6 or ProperDocs 1.6
(MkDocs' maintained fork: the same events, classes and `hooks:`, under its own package name).

The adapters take every class and function they hand to the engine from the engine that runs
the build, read off the configuration it passes them, so each engine builds with itself. Not
`from mkdocs import ...`: ProperDocs' command line maps the name `mkdocs` to itself, but ProperDocs
driven from Python does not, and there the Spanish site would be built by MkDocs (if installed)
inside a ProperDocs build; where `mkdocs` is not MkDocs 1 (MkDocs 2 drops hooks), or not
installed, the adapters could not even be loaded. tests/site/test_engines.py checks both engines.
"""
from __future__ import annotations

import importlib
import logging
import os
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from watchdog.events import (
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

ENGINES = ("mkdocs", "properdocs")  # the packages' names: `mkdocs build`, `properdocs build`


@dataclass(frozen=True)
class Engine:
    """The engine package that runs this build, and what the adapters need of it."""
    name: str

    def module(self, dotted: str) -> ModuleType:
        return importlib.import_module(f"{self.name}.{dotted}")

    @property
    def plugin_error(self) -> type[Exception]:
        error: type[Exception] = self.module("exceptions").PluginError
        return error

    @property
    def files(self) -> ModuleType:
        """structure.files: File, InclusionLevel."""
        return self.module("structure.files")

    def get_toc(self, tokens: Any) -> Any:
        return self.module("structure.toc").get_toc(tokens)

    @property
    def abort(self) -> type[Exception]:
        """What stops the engine's command with a message and no traceback (click's Abort)."""
        error: type[Exception] = self.module("exceptions").Abort
        return error

    def load_config(self, path: str, **overrides: Any) -> Any:
        return self.module("config").load_config(path, **overrides)

    def build(self, config: Any) -> None:
        self.module("commands.build").build(config)

    def log(self) -> logging.Logger:
        """The hooks' logger, under the engine's own (the one whose warnings `--strict` counts)."""
        return logging.getLogger(f"{self.name}.hooks.briefing")


def engine_of(config: Any) -> Engine:
    """The engine whose configuration object this is (mkdocs.config.defaults.MkDocsConfig or
    properdocs.config.defaults.ProperDocsConfig)."""
    name = type(config).__module__.partition(".")[0]
    if name not in ENGINES:
        raise RuntimeError(f"the briefing hooks run under {' or '.join(ENGINES)}, not {name}")
    return Engine(name)


# What a preview server rebuilds for: a file closed after writing, made, removed, moved or touched;
# not a file opened or read (the build reads every briefing file: it would rebuild for ever), nor
# each write (a save is a write and a close: two events, and the server would wait twice its 0.1 s
# for more changes; and a file is complete once closed).
CHANGES = (FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent, FileAttribEvent)


class ChangesObserver(Observer):  # type: ignore[misc,valid-type]
    """The system's own file watcher (inotify on Linux), told only of changes."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or list(CHANGES),
                                follow_symlink=follow_symlink)


def watch_natively(server: Any, config: Any) -> bool:
    """Have a preview server (the engine's LiveReloadServer, in `on_serve`) learn of changes from
    the system instead of polling. MkDocs polls every watched file every half second: at 10,000
    entries a poll takes an eighth of a second of the server's own time, and an edit waits a
    third of a second, on average, to be seen. BRIEFING_WATCH=poll keeps the engine's polling
    (for folders whose changes the system does not report, such as some network or VM mounts).
    The paths the server watches already are moved to the new watcher; False if it cannot run,
    and the server's log says so in one line, with why (a slower preview should not be a mystery)."""
    why_not = _why_poll(config.docs_dir)
    if why_not:
        engine_of(config).log().info(f"{why_not}: the server polls the files every half second instead.")
        return False
    moved = []
    for path in [config.docs_dir, config.config_file_path, *config.theme.dirs]:
        while path:
            try:
                server.unwatch(path)
            except KeyError:
                break
            moved.append(path)
    server.observer = ChangesObserver()
    for path in moved:
        server.watch(path)
    return True


def _why_poll(folder: str) -> str | None:
    """Why the server keeps polling: asked to, or the system watcher does not start here (it may
    be out of watches, or missing), in the words of its error; None when the watcher starts."""
    if os.environ.get("BRIEFING_WATCH", "").strip().lower() == "poll":
        return "BRIEFING_WATCH=poll asks for the engine's own watcher"
    probe = ChangesObserver()
    try:
        probe.schedule(FileSystemEventHandler(), folder, recursive=False)
        probe.start()
    except Exception as error:  # any failure means: keep polling
        words = ": ".join(filter(None, (type(error).__name__, str(error))))
        return f"The system's file watcher could not start here ({words})"
    probe.stop()
    probe.join()
    return None
