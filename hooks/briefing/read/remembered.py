"""What a run of the checks remembers for the next one in the same process (a preview server,
a review of two revisions): each file's report while its bytes are unchanged, which files cannot
have changed at all, whose references resolved, and the check cache as it was saved."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..format.problems import Problem
from .check_cache import CODE_FINGERPRINT, CheckCache

if TYPE_CHECKING:
    from .load import FileReport

SETTLED_NS = 2_000_000_000  # a file changed this long before it was read is trusted by its lstat after


def stat_key(found: os.stat_result) -> tuple:
    """What changes whenever a file's bytes do; the change time last (the kernel sets it on every
    write and rename, and no tool can set it back)."""
    return (found.st_dev, found.st_ino, found.st_mode, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def stat_key_of(path) -> tuple | None:
    try:
        return stat_key(os.lstat(path))
    except OSError:
        return None


class CheckedFiles:
    """The entry reports of the last run, by display path and digest of the file's bytes.

    A preview server checks the site again after every edit; with this, it rereads only the
    files that changed. A run keeps the reports of the files it saw, so what is remembered
    never outgrows the site.
    """

    def __init__(self) -> None:
        self._last: dict[tuple[str, bytes], FileReport] = {}
        self._this_run: dict[tuple[str, bytes], FileReport] = {}
        self._read: list[str] = []
        self.read_in_last_run: list[str] = []  # files read and checked afresh (not remembered, not cached)
        self._stats: dict[str, tuple[tuple, bytes]] = {}  # display path -> (lstat, digest) of the last run
        self._stats_this_run: dict[str, tuple[tuple, bytes]] = {}
        self._cache: CheckCache | None = None
        self.save_later = False  # a preview server saves the cache after the pages are served
        self._known: dict | None = None  # the registries' ids the last run checked references against
        self._verified: dict[str, FileReport] = {}  # reports whose references all resolved then

    def references_to_check(self, reports: list[FileReport], known: dict) -> list[FileReport]:
        """The reports whose references this run must check: all, unless the last run found them
        good against the same registries (a report stays the same object while its bytes do)."""
        if known != self._known:
            self._known, self._verified = known, {}
        return [report for report in reports if self._verified.get(report.path) is not report]

    def references_checked(self, reports: list[FileReport], problems: list[Problem]) -> None:
        failed = {problem.path for problem in problems}
        self._verified = {report.path: report for report in reports if report.path not in failed}

    def save_cache(self) -> None:
        """Save the check cache of the last run (with `save_later`, the run left it unsaved)."""
        if self._cache is not None:
            self._cache.save()

    def check_cache(self, root: str, known: dict) -> CheckCache:
        """The check cache of `root`, as the last run left it: read from its file only in a first
        run, or when the root or the checking code is another."""
        cache = self._cache
        if cache is None or cache.root != root or cache.fingerprint != CODE_FINGERPRINT:
            cache = CheckCache(root, known)
        else:
            cache.next_run()
            cache.use_registries(known)
        self._cache = cache
        return cache

    def unchanged_digest(self, path: str, display: str) -> bytes | None:
        """The digest of a file's bytes as the last run read them, if the file cannot have changed
        since: the same inode, mode, size and change time, that change well before the read (a write
        in the same tick of the file system's clock as the read could otherwise go unseen: git's
        "racy" rule). A preview server then reads only the files an edit touched."""
        found = self._stats.get(display)
        try:
            if found is None or stat_key(os.lstat(path)) != found[0]:
                return None
        except OSError:
            return None
        self._stats_this_run[display] = found
        return found[1]

    def read(self, display: str, key: tuple | None, digest: bytes, started_ns: int) -> None:
        """A file's bytes were read: `key` is its lstat taken before (None if it failed)."""
        if key is not None and key[-1] < started_ns - SETTLED_NS:
            self._stats_this_run[display] = (key, digest)

    def get(self, display: str, digest: bytes) -> FileReport | None:
        return self._this_run.get((display, digest)) or self._last.get((display, digest))

    def keep(self, display: str, digest: bytes, report: FileReport, read: bool) -> None:
        self._this_run[(display, digest)] = report
        if read:
            self._read.append(display)

    def end_run(self) -> None:
        self._last, self._this_run = self._this_run, {}
        self._stats, self._stats_this_run = self._stats_this_run, {}
        self.read_in_last_run, self._read = self._read, []
