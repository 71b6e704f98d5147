"""What a preview server does once the pages are served: feeds, open data, the search index.

At 10,000 entries a language's feeds and open data are 250 MB of text, and Pagefind takes
seconds to index its pages: a reader waiting for an edited page would wait for all of it. So a
preview writes those after the build, in one thread, once every language's build of the cycle is
written (a thread running while the next language builds would slow that build down). The next
rebuild stops the work before it touches the site folder; until the work is done, the feeds,
open data and search are those of the build before. Published builds write everything before
they end.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from .search_index import SearchIndex, SearchIndexError, SearchRecord, bundle_folders

SERVED_FIRST = 0.3  # seconds for the server to answer the requests that waited for the build


class Job(Protocol):
    """A piece of later work: it runs until done, or until `stop` is set."""

    def __call__(self, stop: threading.Event) -> None: ...


class LaterWork:
    """Jobs that wait until no build runs, then run in order in one thread."""

    def __init__(self) -> None:
        self._jobs: list[Job] = []
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._running_builds = 0
        self._cancel: list[Callable[[], None]] = []  # how to interrupt the job that runs
        self._collector_was: bool | None = None  # whether garbage collection ran before a pause

    @property
    def builds_running(self) -> int:
        return self._running_builds

    def begin(self) -> None:
        """A build starts: work left from the last cycle is stopped (the build makes its own)."""
        if self._thread is not None:
            self.stop()
        self._running_builds += 1

    def pause_collector(self) -> None:
        """No cyclic garbage collection until no build runs. A preview server holds millions of
        objects (the model, the pages it keeps); a full collection walks them all, a second at
        10,000 entries, and one falls due every few rebuilds: better after the pages are served.
        (A rebuild that lays out a few pages leaves little garbage; a full build is not paused.)"""
        if self._collector_was is None:
            self._collector_was = gc.isenabled()
            gc.disable()

    def end(self) -> None:
        """A build is written (or failed): once none runs, the jobs start."""
        self._running_builds = max(0, self._running_builds - 1)
        if not self._running_builds and self._collector_was is not None:
            if self._collector_was:
                gc.enable()
            self._collector_was = None
        if not self._running_builds and self._jobs and (self._thread is None or not self._thread.is_alive()):
            jobs, self._jobs = self._jobs, []
            self._stop = threading.Event()
            self._thread = threading.Thread(target=self._run, args=(jobs, self._stop), name="preview-later",
                                            daemon=True)
            self._thread.start()

    @contextlib.contextmanager
    def held(self):
        """No job starts inside (the default language's build holds them while it builds the others)."""
        self.begin()
        try:
            yield
        finally:
            self.end()

    def add(self, job: Job) -> None:
        self._jobs.append(job)

    def on_stop(self, cancel: Callable[[], None]) -> None:
        """What interrupts the running job's wait (e.g. stopping Pagefind)."""
        self._cancel.append(cancel)

    def stop(self) -> None:
        """Stop the jobs and wait for the thread; the jobs not run are dropped."""
        self._stop.set()
        for cancel in self._cancel:
            cancel()
        if self._thread is not None:
            self._thread.join()
        self._thread, self._jobs, self._cancel = None, [], []

    def wait(self) -> None:
        """Until the jobs are done (tests, and the benchmark's quiet server)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self, jobs: list[Job], stop: threading.Event) -> None:
        if stop.wait(SERVED_FIRST):
            return
        for job in jobs:
            if stop.is_set():
                return
            with contextlib.suppress(SearchIndexError, OSError):  # stopped, or the folder went away
                job(stop)


def made_bytes(later) -> bytes:
    """A LaterFile's content as the engine would write it: text as UTF-8, an image as it is."""
    content = later.make()
    return content.encode("utf-8") if isinstance(content, str) else content


def write_file(site_dir: Path, path: str, data: bytes) -> None:
    (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / path).write_bytes(data)


def write_files(site_dir: Path, files: list) -> None:
    """Each LaterFile made and written in turn, so that a published build holds one in memory
    at a time, not all (its feeds and open data are about 40 MB a language at 10,000 entries)."""
    for later in files:
        write_file(site_dir, later.path, made_bytes(later))


class WrittenFiles:
    """The generated files a preview has written into one language's site folder, by digest."""

    def __init__(self) -> None:
        self.digests: dict[str, bytes] = {}

    def forget(self) -> None:
        self.digests = {}

    def job(self, site_dir: Path, files: list) -> Job:
        """Write each LaterFile whose content changed; remove those no longer made."""
        def write(stop: threading.Event) -> None:
            made = set()
            for later in files:
                if stop.is_set():
                    return
                data = made_bytes(later)
                digest = hashlib.blake2b(data, digest_size=16).digest()
                made.add(later.path)
                if self.digests.get(later.path) != digest:
                    write_file(site_dir, later.path, data)
                    self.digests[later.path] = digest
            for gone in self.digests.keys() - made:
                (site_dir / gone).unlink(missing_ok=True)
                del self.digests[gone]
        return write


def search_job(later: LaterWork, site_dir: Path, language: str, records: list[SearchRecord]) -> Job:
    """Index `records` (search_index.indexed_page) with a Pagefind of their own, into new bundles
    that replace site_dir/pagefind (and pagefind-earlier) once they are written."""
    def index(stop: threading.Event) -> None:
        search = SearchIndex(language, earlier=any(record.earlier for record in records))
        later.on_stop(search.close)
        try:
            for record in records:
                if stop.is_set():
                    return
                search.add(*record)
            fresh = site_dir / ".pagefind-new"
            for folder in bundle_folders(fresh):
                shutil.rmtree(folder, ignore_errors=True)
            search.start_writing(fresh)
            search.finish()
            for written, current in zip(bundle_folders(fresh), bundle_folders(site_dir / "pagefind"), strict=True):
                replace_folder(current, written)
        finally:
            search.close()
    return index


def replace_folder(current: Path, written: Path) -> None:
    """`written` takes `current`'s place (or, if it was not written, `current` goes)."""
    old = current.with_name("." + current.name + "-old")
    if current.exists():
        current.rename(old)
    if written.exists():
        written.rename(current)
    shutil.rmtree(old, ignore_errors=True)
