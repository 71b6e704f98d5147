"""When an entry file must be read and checked again, and when it need not: the one place that
decides, and the evidence each decision trusts.

The checks run on every commit and after every edit under a preview server, and almost every
file is unchanged since the last run; reading and checking YAML is what costs. So a file is read
and checked afresh (entry_check.py) unless one of these vouches for it, each for one thing only:

- The digest of its bytes (report.digest_of) -> the report that the same display path with the
  same bytes gave earlier in this process (a preview server's last run, the other revision of a
  review). A file's own checks depend on its path, its bytes and the inputs of the checks
  (entry_check.CheckInputs, such as the latest date a file may hold): a run whose inputs are
  not the last run's forgets the last run's reports. Reports are kept by (display path,
  digest), never by which object they are; the model's entries are kept by the same key
  (model/build.py, BuiltEntries).
- Its lstat (device, inode, mode, size, modification and change times) -> its bytes are those
  this process read last time, so their digest is known without reading them. Believed only when
  the change time was at least SETTLED_NS before that read began: a write in the same tick of the
  file system's clock as the read could leave the lstat as it was (git's "racy" rule), so a file
  changed just before it was read is read again on every run until it has settled.
- The signed check cache on disk (cache_file.py, signed with cache_key.py) -> a file with these
  bytes passed every check of its own, on this machine, with this code and these inputs. Its
  references to the registries are not believed: they are resolved against today's registries,
  and a file whose references do not all resolve is read again, to say where. A cache this user's key did not sign
  (one a pull request adds, one from another machine) is never believed. Only files without
  problems are kept, so problems are always reported fresh, with their lines.

The references a report makes are checked on every run (read/load.py), but for the files whose
(path, digest) the last run found good against the same registries' ids (`VerifiedReferences`).
BRIEFING_CACHE=off turns the disk cache off; what a process remembers in memory stays.
"""
from __future__ import annotations

import os

from ..format.problems import Problem
from .cache_file import CODE_FINGERPRINT, CheckCache
from .entry_check import CheckInputs, check_each, check_inputs
from .report import FileReport, read_stamped, stat_key_of

SETTLED_NS = 2_000_000_000  # a file changed this long before it was read is trusted by its lstat after


def cache_enabled() -> bool:
    """BRIEFING_CACHE=off turns the disk cache off: nothing is read from it or written to it."""
    return os.environ.get("BRIEFING_CACHE", "").strip().lower() not in ("off", "0", "no", "false")


class SettledFiles:
    """The lstat evidence: the files this process read that cannot have changed since."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[tuple, bytes]] = {}  # display path -> (lstat, digest) of the last run
        self._this_run: dict[str, tuple[tuple, bytes]] = {}

    def unchanged_digest(self, path: str, display: str) -> bytes | None:
        """The digest of the bytes the last run read, if the file cannot have changed since: the
        same lstat as before that read, which came well after the file's last change."""
        found = self._last.get(display)
        if found is None or stat_key_of(path) != found[0]:
            return None
        self._this_run[display] = found
        return found[1]

    def read(self, path: str, display: str) -> tuple[bytes, bytes] | None:
        """The file's bytes and their digest, or None when it cannot be read."""
        try:
            data, digest, stamp = read_stamped(path)
        except OSError:
            return None
        self.note(display, digest, stamp)
        return data, digest

    def note(self, display: str, digest: bytes, stamp: tuple) -> None:
        """A file read, here or by a checking worker (report.read_stamped): its lstat, taken before
        the read, is believed next time only if the file had settled by then."""
        key, started = stamp
        if key is not None and key[-1] < started - SETTLED_NS:
            self._this_run[display] = (key, digest)

    def end_run(self) -> None:
        self._last, self._this_run = self._this_run, {}


class VerifiedReferences:
    """The files whose references all resolved in the last run, by path and bytes, and the
    registries' ids they resolved against: a next run checks only the others."""

    def __init__(self) -> None:
        self._known: dict | None = None  # the registries' ids the last run checked references against
        self._verified: set[tuple[str, bytes]] = set()  # (path, digest) whose references all resolved then

    def to_check(self, reports: list[FileReport], known: dict) -> list[FileReport]:
        """The reports whose references this run must check: all but those whose path and bytes
        the last run found good against the same registries' ids."""
        if known != self._known:
            self._known, self._verified = known, set()
        return [report for report in reports if (report.path, report.digest) not in self._verified]

    def checked(self, reports: list[FileReport], problems: list[Problem]) -> None:
        """The references of `reports` were checked; `problems` are those that did not resolve."""
        failed = {problem.path for problem in problems}
        self._verified = {(report.path, report.digest) for report in reports
                          if report.digest is not None and report.path not in failed}


class CheckedFiles:
    """What a run of the checks remembers for the next in the same process, and the disk cache it
    uses. A run keeps only the files it saw, so what is remembered never outgrows the site."""

    def __init__(self) -> None:
        self._settled = SettledFiles()
        self._inputs: CheckInputs | None = None  # those of the checks of the last run (entry_check.py)
        self._last: dict[tuple[str, bytes], FileReport] = {}  # (display path, digest) -> its report
        self._this_run: dict[tuple[str, bytes], FileReport] = {}
        self._disk: CheckCache | None = None  # as the last run that used it left it
        self._use_disk = False  # whether this run uses it
        self.references = VerifiedReferences()
        self._read: list[str] = []
        self.read_in_last_run: list[str] = []  # files read and checked afresh (not remembered, not cached)
        self.save_later = False  # a preview server saves the disk cache after the pages are served
        self.check_files = check_each  # checks the files nothing vouches for (validate shares them: cli.py)

    def begin_run(self, root: str, cache_known: dict | None) -> None:
        """A run over the entry files of `root`. With `cache_known` (each registry's ids by kind,
        None for one that cannot be read), it uses the disk cache, whose references those resolve."""
        inputs = check_inputs()
        if inputs != self._inputs:  # a report of other inputs may not be the one these give
            self._inputs, self._last = inputs, {}
        self._use_disk = cache_known is not None and cache_enabled()
        if cache_known is not None and self._use_disk:
            self._disk = _disk_cache(self._disk, root, cache_known, inputs.key())

    def reports_of(self, files: list[tuple[str, str]]) -> list[FileReport]:
        """Each entry file's report, in the order of `files`; read and checked only when nothing
        vouches for its bytes (see the module's docstring). Those left go to `check_files` at once,
        which may share them among processes (cli.py) and gives their reports back in order; it
        reads those sent without their bytes (entry_check.check_read_here), and says why one
        cannot be read."""
        remembered = {display for display, _ in self._last} | {display for display, _ in self._this_run}
        found = [self._vouched_or_read(path, display, remembered) for path, display in files]
        to_check = [(*file, data) for file, (report, _, data) in zip(files, found, strict=True) if report is None]
        fresh = iter(self.check_files(to_check, self._inputs or check_inputs()))
        reports = []
        for (_, display), (report, digest, _) in zip(files, found, strict=True):
            if report is None:
                report = next(fresh)
                digest = digest or report.digest
                if digest is not None:
                    self._read.append(display)
                    report.digest = digest
                if digest is not None and report.read_stamp is not None:
                    self._settled.note(display, digest, report.read_stamp)
            reports.append(self._remembered(display, digest, report) if digest is not None else report)
        return reports

    def _remembered(self, display: str, digest: bytes, report: FileReport) -> FileReport:
        """The report, kept for the next run and, if it passed alone, in the disk cache."""
        self._this_run[(display, digest)] = report
        disk = self._disk_this_run()
        if disk is not None and report.passed_alone:
            disk.keep(display, digest, report.registry_refs, report.values, report.values_json)
        return report

    def end_run(self) -> None:
        """Every report of the run is in: the disk cache is saved now, before any problem is
        raised (the good files of a failing run count too), unless `save_later`."""
        self._last, self._this_run = self._this_run, {}
        self._settled.end_run()
        self.read_in_last_run, self._read = self._read, []
        disk = self._disk_this_run()
        if disk is not None and not self.save_later:
            disk.save()

    def forget(self) -> None:
        """Let go of what this process remembers of the files: a published build loads them once,
        and its reports and the disk cache's values, kept for a next run, would be held until it
        ends. A next run reads the disk cache's file again."""
        self._settled, self._last, self._disk, self.references = SettledFiles(), {}, None, VerifiedReferences()

    def save_cache(self) -> None:
        """Save the disk cache as the last run left it (with `save_later`, the run left it unsaved)."""
        if self._disk is not None:
            self._disk.save()

    def _vouched_or_read(self, path: str, display: str, remembered: set[str]) -> tuple:
        """(report, digest, None) when something vouches for the file's bytes; (None, digest,
        bytes) when they must be checked; (None, None, None) when the checker is to read them:
        nothing could vouch for any bytes of this path (none `remembered`, none in the disk cache,
        as in a cold validation), or the file cannot be read (the checker says why)."""
        digest = self._settled.unchanged_digest(path, display)
        report = self._vouched_for(display, digest) if digest is not None else None
        if report is not None and digest is not None:
            return report, digest, None
        disk = self._disk_this_run()
        if display not in remembered and (disk is None or not disk.has_record(display)):
            return None, None, None
        found = self._settled.read(path, display)
        if found is None:
            return None, None, None
        data, digest = found
        report = self._vouched_for(display, digest)
        return (report, digest, None) if report is not None else (None, digest, data)

    def _vouched_for(self, display: str, digest: bytes) -> FileReport | None:
        """The report of these bytes that this process, or else the disk cache, vouches for. One
        from the disk cache has no `refs` left to check: it is kept only while its references resolve."""
        report = self._this_run.get((display, digest)) or self._last.get((display, digest))
        disk = self._disk_this_run()
        if report is not None and report.from_cache:
            resolved = disk is not None and report.registry_refs is not None and disk.resolves(report.registry_refs)
            report = report if resolved else None
        return report or self._from_disk(display, digest)

    def _from_disk(self, display: str, digest: bytes) -> FileReport | None:
        """A report as good as a fresh one: no problems, its references resolved (so none are left)."""
        disk = self._disk_this_run()
        found = disk.get(display, digest) if disk is not None else None
        if found is None:
            return None
        registry_refs, values_json = found
        return FileReport(display, passed_alone=True, registry_refs=registry_refs, from_cache=True,
                          values_json=values_json, digest=digest)

    def _disk_this_run(self) -> CheckCache | None:
        return self._disk if self._use_disk else None


def _disk_cache(last: CheckCache | None, root: str, known: dict, inputs: str) -> CheckCache:
    """The disk cache of `root` as the last run left it: read from its file only in a first run,
    or when the root, the checking code or the checks' inputs are others."""
    if last is None or last.root != root or last.fingerprint != CODE_FINGERPRINT or last.inputs != inputs:
        return CheckCache(root, known, inputs=inputs)
    last.next_run()
    last.use_registries(known)
    return last
