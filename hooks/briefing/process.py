"""Every effect the build has on the whole process is here, each with its reason: the garbage
collector paused, other languages' builds forked, a forked build stopped by a signal.

Nothing in the stages touches the process: they run the same under a test, the command line and
any engine. The modules beside the stages and the engine's adapters call these.
"""
from __future__ import annotations

import gc
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside. Loading the briefing files makes hundreds of thousands
    of objects and no reference cycles; the collector would walk them again and again as they pile
    up (measured: a fifth of a cold validation, a third of a warm one). Nested pauses are safe:
    the collector runs again only if it ran before."""
    pause = CollectorPause()
    pause.start()
    try:
        yield
    finally:
        pause.end()


class CollectorPause:
    """A pause of the cyclic garbage collector that spans several calls (a preview server's cycle
    of builds: a full collection walks the millions of objects it keeps, a second at 10,000
    entries, and one falls due every few rebuilds; better after the pages are served)."""

    def __init__(self) -> None:
        self._was_enabled: bool | None = None  # while paused: whether it ran before

    def start(self) -> None:
        if self._was_enabled is None:
            self._was_enabled = gc.isenabled()
            gc.disable()

    def end(self) -> None:
        if self._was_enabled:
            gc.enable()
        self._was_enabled = None


def fork() -> int:
    """os.fork: a published build forks each other language's build once the briefing files are
    loaded, so that the two languages' builds take the machine's two cores (briefing_languages.py)."""
    return os.fork()


def may_fork(threads: int) -> bool:
    """Only where no other thread runs (a fork copies just the caller's, and any lock another holds
    stays held), on a system that forks, unless BRIEFING_ONE_PROCESS=1 says not to."""
    return hasattr(os, "fork") and threads == 1 and os.environ.get("BRIEFING_ONE_PROCESS") != "1"


def end_child(status: int) -> NoReturn:
    """A forked build ends without running what the parent's process runs at its exit."""
    os._exit(status)


def stop_child(pid: int) -> None:
    """A forked build the parent no longer needs (its own build failed, or the engine stops) is
    stopped with SIGTERM, and waited for."""
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
