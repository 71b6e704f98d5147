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
import logging
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from ..render.outputs import Content
from .search_index import SearchIndex, SearchIndexError, SearchRecord, bundle_folders

SERVED_FIRST = 0.3  # seconds for the server to answer the requests that waited for the build


class Job(Protocol):
    """A piece of later work: it runs until done, or until `stop` is set."""

    def __call__(self, stop: threading.Event) -> None: ...


class LaterWork:
    """Jobs that wait until no build runs, then run in order in one thread. A job that fails says
    so in one line (`report`), and the work goes on with the next; a job stopped by a new build
    says nothing."""

    def __init__(self, report: Callable[[str], None] | None = None, on_idle: Callable[[], None] | None = None) -> None:
        self._jobs: list[tuple[str, Job]] = []
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._running_builds = 0
        self._cancel: list[Callable[[], None]] = []  # how to interrupt the job that runs
        self.report = report or logging.getLogger("briefing.preview").warning
        self._on_idle = on_idle  # called once no build runs, before the jobs start

    def begin(self) -> None:
        """A build starts: work left from the last cycle is stopped (the build makes its own)."""
        self.stop_last_cycle()
        self._running_builds += 1

    def stop_last_cycle(self) -> None:
        """Stop the last cycle's work, if a thread runs it: before anything moves the folder it
        writes into. (No thread runs while a cycle builds: its jobs start once its builds end.)"""
        if self._thread is not None:
            self.stop()

    def end(self) -> None:
        """A build is written (or failed): once none runs, the jobs start."""
        self._running_builds = max(0, self._running_builds - 1)
        if self._running_builds:
            return
        if self._on_idle is not None:
            self._on_idle()
        if self._jobs and (self._thread is None or not self._thread.is_alive()):
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

    def add(self, what: str, job: Job) -> None:
        """`what` names the job's work in the line that says it failed ("the search index")."""
        self._jobs.append((what, job))

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

    def wait(self, timeout: float | None = None) -> bool:
        """Until the jobs are done, or `timeout` seconds (tests, and the benchmark's quiet server):
        whether they are."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self._thread is None or not self._thread.is_alive()

    def _run(self, jobs: list[tuple[str, Job]], stop: threading.Event) -> None:
        if stop.wait(SERVED_FIRST):
            return
        for what, job in jobs:
            if stop.is_set():
                return
            try:
                job(stop)
            except (SearchIndexError, OSError) as error:
                if not stop.is_set():  # a stopped job's Pagefind is gone: that is no failure
                    self.report(f"The preview could not write {what}: {error}")


def write_file(site_dir: Path, path: str, content: str | bytes) -> None:
    """A file as the engine would write it: text as UTF-8, an image's bytes as they are."""
    (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / path).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def remove_file(site_dir: Path, path: str) -> None:
    """Remove one output file, and the folders it leaves empty (never the site folder itself): an
    entry's folder holds its page and its files (cite.bib, cite.json), and goes with the last of them."""
    target = site_dir / path
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def write_files(site_dir: Path, contents: dict[str, Content]) -> None:
    """Each file made and written in turn, so that a published build holds one in memory at a
    time, not all (its feeds and open data are about 250 MB a language at 10,000 entries). Each
    is taken out of `contents` as it is written, and what it was made from goes with it."""
    while contents:
        path = next(iter(contents))
        write_file(site_dir, path, contents.pop(path)())


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
