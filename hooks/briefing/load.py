"""Load every briefing file, check it, and build the site model (or report every problem)."""
from __future__ import annotations

import gc
import hashlib
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .build_model import build_entry, build_site
from .check_cache import CheckCache, cache_enabled, decode_values, discard_cache, refs_text
from .checks import (check_entry_path, check_fixed_topics, check_references, check_source_ids,
                     check_unique_ids, check_updates, entry_id_of)
from .model import Site
from .problems import Problem, ProblemsFound
from .spec import ENTRY, REGISTRIES
from .types import INVALID, Reader
from .yamlsafe import Node, parse_yaml, read_bytes

BRIEFINGS = "briefings"
_ENTRY_PATH = re.compile(r"^\d{4}/\d{2}/[^/]+\.yaml$")


@dataclass
class FileReport:
    """What reading one file produced: values, references to resolve, problems."""

    path: str
    values: object = INVALID
    refs: list = field(default_factory=list)   # (kind, id, line, col, field)
    problems: list = field(default_factory=list)
    keys: set = field(default_factory=set)     # registry ids, even of invalid records
    root: Node | None = None
    # No problem on its own and every source reference resolves: only the registries can still
    # object, through the references to them (`registry_refs`). Such a report may be cached.
    passed_alone: bool = False
    registry_refs: str | None = None  # as check_cache.refs_text writes them
    from_cache: bool = False          # then `refs` is empty: `registry_refs` resolved when it was read
    values_json: str | None = None    # from the cache: `values` as JSON, until the model needs them

    def checked_values(self):
        """The values; those from the cache are decoded on first use (validating alone skips it)."""
        if self.values_json is not None:
            self.values, self.values_json = decode_values(self.values_json), None
        return self.values

    def reader(self) -> Reader:
        return Reader(report=self.report, refer=self.refer)

    def report(self, node: Node, field_path: str, message: str) -> None:
        self.problems.append(Problem(self.path, node.line, node.col, field_path, message))

    def refer(self, kind: str, ref_id: str, node: Node, field_path: str) -> None:
        self.refs.append((kind, ref_id, node.line, node.col, field_path))


def read_file(path: Path, display: str, read, data: bytes | None = None) -> FileReport:
    """Parse one file (or its bytes, already read) and read it with `read(root_node, reader)`."""
    report = FileReport(display)
    try:
        data = read_bytes(path) if data is None else data
    except OSError as error:
        report.problems.append(Problem(display, 0, 0, "(file)", f"cannot be read: {error.strerror}"))
        return report
    report.root, report.problems = parse_yaml(display, data)
    if report.root is not None:
        report.values = read(report.root, report.reader())
        if report.root.kind == "map":
            report.keys = set(report.root.value)
    return report


_reports: dict = {}  # (path, digest of its bytes) -> FileReport: a preview server rechecks only what changed
_REPORTS_KEPT = 100_000


def read_entry(path, display: str, cache: CheckCache | None = None) -> FileReport:
    """One entry file, checked on its own; the result is reused while its bytes are unchanged."""
    try:
        data = read_bytes(path)
    except OSError:
        return _check_entry(path, display)
    digest = hashlib.blake2b(data, digest_size=16).digest()
    key = (display, digest)
    report = _reports.get(key)
    if not _reusable(report, cache):
        report = _from_cache(cache, display, digest) or _check_entry(path, display, data)
        if len(_reports) >= _REPORTS_KEPT:
            _reports.clear()
        _reports[key] = report
    if cache is not None and report.passed_alone:
        cache.keep(display, digest, report.registry_refs, report.values, report.values_json)
    return report


def _reusable(report: FileReport | None, cache: CheckCache | None) -> bool:
    """A report kept in memory; one from the cache only while today's registries resolve its
    references (it has no `refs` for check_references to look at)."""
    if report is None or not report.from_cache:
        return report is not None
    return cache is not None and cache.resolves(report.registry_refs)


def _from_cache(cache: CheckCache | None, display: str, digest: bytes) -> FileReport | None:
    """A report as good as a fresh one: no problems, its references resolved (so none are left)."""
    found = cache.get(display, digest) if cache is not None else None
    if found is None:
        return None
    registry_refs, values_json = found
    return FileReport(display, passed_alone=True, registry_refs=registry_refs, from_cache=True,
                      values_json=values_json)


def _check_entry(path: Path, display: str, data: bytes | None = None) -> FileReport:
    report = read_file(path, display, lambda node, reader: ENTRY.read(node, "", reader), data)
    if report.root is not None and report.root.kind == "map":
        report.problems += check_entry_path(display, report.root)
        report.problems += check_updates(display, report.root)
        report.problems += check_source_ids(display, report.root)
    # The registries are left out ({}): this asks only whether its claims' sources resolve.
    report.passed_alone = not report.problems and not check_references([report], {})
    if report.passed_alone:
        report.registry_refs = refs_text([ref for ref in report.refs if ref[0] != "source"])
    return report


def find_entry_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """Every entry file under briefings/, and a problem for any file that would be ignored."""
    files, problems = _entry_files(os.fspath(root))
    return [Path(path) for path, _ in files], problems


def _entry_files(root: str) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(path, display path) of every entry file, in path order; plain strings, as they are many."""
    folder = os.path.join(root, BRIEFINGS)
    registry_names = {registry.name for registry in REGISTRIES}
    entries, problems = [], []
    for relative in sorted(_files_under(folder), key=lambda relative: relative.split("/")):
        if relative in registry_names or relative.rpartition("/")[2].startswith("."):
            continue
        if _ENTRY_PATH.match(relative):
            entries.append((os.path.join(folder, relative), f"{BRIEFINGS}/{relative}"))
        else:
            problems.append(Problem(f"{BRIEFINGS}/{relative}", 1, 1, "(file)",
                                    "not an entry file; entries live at briefings/YYYY/MM/YYYY-MM-DD-<id>.yaml"))
    return entries, problems


def _files_under(folder: str, prefix: str = "") -> list[str]:
    """Paths relative to `folder` of the files under it; like Path.rglob, links to folders are not entered."""
    try:
        scan = os.scandir(folder)
    except OSError:
        return []
    found = []
    with scan:
        for item in scan:
            if item.is_dir():
                if not item.is_symlink():
                    found += _files_under(item.path, f"{prefix}{item.name}/")
            elif item.is_file():
                found.append(prefix + item.name)
    return found


def load_site(root: Path, only: list[Path] | None = None, cache: bool = True) -> Site:
    """The checked model of the site in `root`; raises ProblemsFound with every problem.

    With `cache`, entry files unchanged since an earlier run without problems are not read
    again (see check_cache.py); BRIEFING_CACHE=off in the environment turns that off too.
    """
    with _collector_paused():
        registries, reports = check_site(root, cache)
        try:
            entries = [build_entry(entry_id_of(r.path), r.path, r.checked_values()) for r in reports]
        except Exception:
            if not any(report.from_cache for report in reports):
                raise
            discard_cache(root)  # values in the cache that do not build: it is damaged
            return load_site(root, only, cache=False)
        values = {kind: report.values for kind, report in registries.items()}
        return build_site(values["topic"], values["actor"], values["figure"], entries)


def check_site(root: Path, cache: bool = True) -> tuple[dict, list]:
    """The registry reports by kind and the entry reports, every check passed; else ProblemsFound."""
    with _collector_paused():
        return _check_site(root, cache)


def _check_site(root: Path, cache: bool) -> tuple[dict, list]:
    registries = {}
    problems: list[Problem] = []
    for registry in REGISTRIES:
        report = read_file(os.path.join(root, BRIEFINGS, registry.name), f"{BRIEFINGS}/{registry.name}",
                           registry.read)
        registries[registry.kind] = report
        problems += report.problems
    known = {kind: report.keys if _readable(report) else None for kind, report in registries.items()}
    reports, entry_problems = _read_entries(os.fspath(root), known if cache and cache_enabled() else None)
    problems += entry_problems
    problems += check_fixed_topics(f"{BRIEFINGS}/topics.yaml", known["topic"])
    problems += check_references(reports, known)
    problems += check_unique_ids(reports)
    if problems:
        raise ProblemsFound(problems)
    return registries, reports


def _read_entries(root: str, cache_known: dict | None) -> tuple[list[FileReport], list[Problem]]:
    """Every entry file's report, and the problems of each on its own; the cache is used when
    it is given the registries' ids (`cache_known`), against which cached references resolve."""
    files, problems = _entry_files(root)
    cache = CheckCache(root, cache_known) if cache_known is not None else None
    reports = [read_entry(path, display, cache) for path, display in files]
    if cache is not None:
        cache.save()  # before any problem is raised: the good files of a failing run count too
    problems += [problem for report in reports for problem in report.problems]
    return reports, problems


@contextmanager
def _collector_paused():
    """Loading makes a few hundred thousand objects and no reference cycles; the cycle collector
    would walk them again and again as they pile up (a fifth of a cold run, a third of a warm one)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _readable(report: FileReport) -> bool:
    """A registry whose ids we know (a mapping), even if some of its records have problems."""
    return report.root is not None and report.root.kind == "map"
