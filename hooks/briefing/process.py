"""Every effect the build has on the whole process is here, each with its reason: the garbage
collector paused, other languages' builds forked, a forked build stopped by a signal, a build
stopped by a signal stopping every process it started, and validate's checking workers leaving
a signal to the process that started them.

Nothing in the stages touches the process: they run the same under a test, the command line and
any engine. The modules beside the stages and the engine's adapters call these.
"""
from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NoReturn

# What stops a build from outside: a CI runner's or a container's stop (SIGTERM), Ctrl-C (SIGINT),
# a closed terminal (SIGHUP, where the system has it).
STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))
PROC = Path("/proc")  # the system's table of processes, where it has one (Linux)
GRACE = 10.0  # seconds a stopped child has to stop its own children before it is killed


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
            _promote_young_objects()
            gc.enable()
        self._was_enabled = None


def _promote_young_objects() -> None:
    """Move the objects made during a pause to the oldest generation without walking them. The
    collector counts allocations while paused, so the first allocation after it resumes would walk
    every object the pause made, at once, before the caller goes on (measured: 0.55 s after a cold
    validation of 10,000 entries, which then exits). They are what the caller keeps, not cycles:
    the young collections would only promote them, and a full collection still walks them.
    freeze() moves every tracked object aside and zeroes the count; unfreeze() puts them all in
    the oldest generation. Nothing here freezes objects for good."""
    gc.freeze()
    gc.unfreeze()


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


BUILD_STOPPED = "Stopped by {signal}: every process the build started has ended; the site folder is incomplete."


class StopOnSignals:
    """While installed, a SIGTERM, SIGINT or SIGHUP to the process stops every process it started
    (the forked builds of the other languages, each Pagefind), waits until they have ended, prints
    one line and ends the process with the conventional status, 128 + the signal's number. Nothing
    it started is left writing into the site folder.

    Why children read off /proc rather than processes tracked as they start, or process groups:
    Pagefind is started by the publish stage, which may not know this module, and a process group
    of the build's own would take it from the terminal's job control (Ctrl-C would no longer reach
    it). /proc names exactly the processes still running whose parent is this one, so there is no
    list to keep and no stale number to kill. Each child is sent SIGTERM: a forked build inherits
    this handler, so it stops its own children (its Pagefind) the same way; Pagefind has none. A
    child that has not ended after GRACE seconds is killed (its Pagefind then ends as its input,
    a pipe from that child, closes).
    Only a main thread may install handlers: elsewhere (a preview server's rebuilds) this does
    nothing; so on a system without /proc (macOS), where the engine's own stop (on_shutdown)
    stops the forked builds on Ctrl-C, as before. `restore` gives back the handlers it found, so
    a test harness or a preview server does not keep these."""

    def __init__(self, words: str = BUILD_STOPPED) -> None:
        self._previous: dict[int, object] = {}  # while installed: each signal's handler before
        self._stopping = False
        self._words = words  # the line printed, "{signal}" replaced by the signal's name

    def install(self) -> None:
        if self._previous or threading.current_thread() is not threading.main_thread() or not PROC.is_dir():
            return
        for number in STOPPING:
            before = signal.signal(number, self._stop)
            self._previous[number] = signal.SIG_DFL if before is None else before

    def restore(self) -> None:
        for number, before in self._previous.items():
            signal.signal(number, before)  # type: ignore[arg-type]  # a handler signal.signal gave
        self._previous = {}

    def _stop(self, number: int, frame: object) -> None:
        if self._stopping:  # a second signal while stopping: the first one's stop goes on
            return
        self._stopping = True
        stop_children()
        sys.stdout.flush()
        print(self._words.format(signal=signal.Signals(number).name), file=sys.stderr, flush=True)
        os._exit(128 + number)


def leave_signals_to_parent() -> None:
    """In a worker of validate's pool (check_pool.py): Ctrl-C is ignored (the terminal sends it to
    every process of the job, and the parent's StopOnSignals stops the workers) and SIGTERM ends
    the worker, as it ends a process, not through the handler the fork copied from the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def stop_children(grace: float = GRACE) -> None:
    """Every process this one started and that still runs: sent SIGTERM, waited for, and killed
    if it has not ended after `grace` seconds."""
    waiting = children_of(os.getpid())
    for pid in waiting:
        signal_child(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while waiting and time.monotonic() < deadline:
        waiting = [pid for pid in waiting if not child_ended(pid)]
        if waiting:
            time.sleep(0.02)
    for pid in waiting:
        signal_child(pid, signal.SIGKILL)
        child_ended(pid, wait=True)


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc/<n>/stat ("n (name) state ppid ...", the
    name may hold spaces and parentheses). None where there is no /proc."""
    found = []
    for entry in PROC.iterdir() if PROC.is_dir() else ():
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split() if entry.name.isdigit() else []
        except OSError:  # it ended while we looked
            continue
        if len(fields) > 1 and int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def signal_child(pid: int, number: int) -> None:
    with suppress(ProcessLookupError):  # it ended meanwhile
        os.kill(pid, number)


def child_ended(pid: int, wait: bool = False) -> bool:
    """Whether a child has ended (it is reaped here), waiting for it with `wait`."""
    try:
        ended, _ = os.waitpid(pid, 0 if wait else os.WNOHANG)
    except ChildProcessError:  # reaped already (e.g. by its subprocess.Popen)
        return True
    return ended != 0
