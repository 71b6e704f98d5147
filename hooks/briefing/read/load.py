"""Read every briefing file and check it: the checked values of each file, or every problem."""
from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..format.nodes import Node
from ..format.problems import Problem, ProblemsFound
from ..format.spec import ENTRY, REGISTRIES, registry_path
from ..format.types import INVALID, Reader
from .check_cache import CheckCache, cache_enabled, decode_values, refs_text
from .checks import (
    check_dates,
    check_distinct_names,
    check_entry_path,
    check_fixed_topics,
    check_periods,
    check_references,
    check_source_ids,
    check_unique_ids,
    check_updates,
    latest_date,
)
from .files import entry_files
from .remembered import CheckedFiles, stat_key_of
from .translation_checks import check_entry_translations, check_registry_translations
from .yamlsafe import parse_yaml, read_bytes, read_error_words


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


def read_file(path, display: str, read, data: bytes | None = None) -> FileReport:
    """Parse one file (or its bytes, already read) and read it with `read(root_node, reader)`."""
    report = FileReport(display)
    try:
        data = read_bytes(path) if data is None else data
    except OSError as error:
        exists = os.path.lexists(path)  # a missing file has no line to point at; a link or device does
        report.problems.append(Problem(display, int(exists), int(exists), "(file)", read_error_words(error)))
        return report
    report.root, report.problems = parse_yaml(display, data)
    if report.root is not None:
        report.values = read(report.root, report.reader())
        if report.root.kind == "map":
            report.keys = set(report.root.value)
    return report


def read_entry(path, display: str, cache: CheckCache | None, remembered: CheckedFiles) -> FileReport:
    """One entry file, checked on its own; the result is reused while its bytes are unchanged."""
    data, digest = None, remembered.unchanged_digest(path, display)
    if digest is None:
        started, key = time.time_ns(), stat_key_of(path)
        try:
            data = read_bytes(path)
        except OSError:
            return check_entry(path, display)
        digest = hashlib.blake2b(data, digest_size=16).digest()
        remembered.read(display, key, digest, started)
    report, read = remembered.get(display, digest), False
    if report is None or not _reusable(report, cache):
        report = _from_cache(cache, display, digest)
        if report is None:
            report, read = check_entry(path, display, data), True
    remembered.keep(display, digest, report, read)
    if cache is not None and report.passed_alone:
        cache.keep(display, digest, report.registry_refs, report.values, report.values_json)
    return report


def _reusable(report: FileReport, cache: CheckCache | None) -> bool:
    """A report kept in memory; one from the cache only while today's registries resolve its
    references (it has no `refs` for check_references to look at)."""
    if not report.from_cache:
        return True
    return cache is not None and report.registry_refs is not None and cache.resolves(report.registry_refs)


def _from_cache(cache: CheckCache | None, display: str, digest: bytes) -> FileReport | None:
    """A report as good as a fresh one: no problems, its references resolved (so none are left)."""
    found = cache.get(display, digest) if cache is not None else None
    if found is None:
        return None
    registry_refs, values_json = found
    return FileReport(display, passed_alone=True, registry_refs=registry_refs, from_cache=True,
                      values_json=values_json)


def check_entry(path, display: str, data: bytes | None = None) -> FileReport:
    """Read one entry file and run every check that needs no other file."""
    report = read_file(path, display, lambda node, reader: ENTRY.read(node, "", reader), data)
    if report.root is not None and report.root.kind == "map":
        report.problems += check_entry_path(display, report.root)
        report.problems += check_updates(display, report.root)
        report.problems += check_source_ids(display, report.root)
        report.problems += check_dates(display, report.root, latest_date())
        report.problems += check_periods(display, report.root)
        report.problems += check_entry_translations(display, report.root)
    # The registries are left out ({}): this asks only whether its claims' sources resolve.
    report.passed_alone = not report.problems and not check_references([report], {})
    if report.passed_alone:
        report.registry_refs = refs_text([ref for ref in report.refs if ref[0] != "source"])
    return report


def check_site(root, cache: bool = True, remembered: CheckedFiles | None = None) -> tuple[dict, list]:
    """The registry reports by kind and the entry reports, every check passed; else ProblemsFound.

    With `cache`, entry files unchanged since an earlier run without problems are not read
    again (see check_cache.py); BRIEFING_CACHE=off in the environment turns that off too.
    """
    with collector_paused():
        registries = {registry.kind: read_file(os.path.join(root, registry_path(registry.kind)),
                                               registry_path(registry.kind), registry.read)
                      for registry in REGISTRIES}
        problems = [problem for report in registries.values() for problem in report.problems]
        known = {kind: report.keys if _readable(report) else None for kind, report in registries.items()}
        cache_known = known if cache and cache_enabled() else None
        remembered = remembered or CheckedFiles()
        reports, entry_problems = _read_entries(os.fspath(root), cache_known, remembered)
        problems += entry_problems
        problems += check_fixed_topics(registry_path("topic"), known["topic"])
        problems += check_distinct_names(registries)
        problems += check_registry_translations(registries)
        unresolved = check_references(remembered.references_to_check(reports, known), known)
        remembered.references_checked(reports, unresolved)
        problems += unresolved
        problems += check_unique_ids(reports)
        if problems:
            raise ProblemsFound(problems)
        return registries, reports


def _read_entries(root: str, cache_known: dict | None, remembered: CheckedFiles) -> tuple[list, list]:
    """Every entry file's report, and the problems of each on its own; the cache is used when
    it is given the registries' ids (`cache_known`), against which cached references resolve."""
    files, problems = entry_files(root)
    cache = remembered.check_cache(root, cache_known) if cache_known is not None else None
    reports = [read_entry(path, display, cache, remembered) for path, display in files]
    remembered.end_run()
    if cache is not None and not remembered.save_later:
        cache.save()  # before any problem is raised: the good files of a failing run count too
    problems += [problem for report in reports for problem in report.problems]
    return reports, problems


@contextmanager
def collector_paused() -> Iterator[None]:
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


def read_registry_ids(root: Path, kind: str) -> set:
    """The ids a registry file names (for `briefing new`, which checks the topics it is given)."""
    registry = next(r for r in REGISTRIES if r.kind == kind)
    return read_file(root / registry_path(kind), registry_path(kind), registry.read).keys
