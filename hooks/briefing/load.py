"""Load every briefing file, check it, and build the site model (or report every problem)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .build_model import build_entry, build_site
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


def read_entry(path: Path, display: str) -> FileReport:
    """One entry file, checked on its own; the result is reused while its bytes are unchanged."""
    try:
        data = read_bytes(path)
    except OSError:
        return _check_entry(path, display)
    key = (display, hashlib.blake2b(data, digest_size=16).digest())
    if key not in _reports:
        if len(_reports) >= _REPORTS_KEPT:
            _reports.clear()
        _reports[key] = _check_entry(path, display, data)
    return _reports[key]


def _check_entry(path: Path, display: str, data: bytes | None = None) -> FileReport:
    report = read_file(path, display, lambda node, reader: ENTRY.read(node, "", reader), data)
    if report.root is not None and report.root.kind == "map":
        report.problems += check_entry_path(display, report.root)
        report.problems += check_updates(display, report.root)
        report.problems += check_source_ids(display, report.root)
    return report


def find_entry_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """Every entry file under briefings/, and a problem for any file that would be ignored."""
    folder = root / BRIEFINGS
    registry_names = {registry.name for registry in REGISTRIES}
    entries, problems = [], []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if relative in registry_names or path.name.startswith("."):
            continue
        if _ENTRY_PATH.match(relative):
            entries.append(path)
        else:
            problems.append(Problem(f"{BRIEFINGS}/{relative}", 1, 1, "(file)",
                                    "not an entry file; entries live at briefings/YYYY/MM/YYYY-MM-DD-<id>.yaml"))
    return entries, problems


def load_site(root: Path, only: list[Path] | None = None) -> Site:
    """The checked model of the site in `root`; raises ProblemsFound with every problem."""
    root = Path(root)
    registries = {}
    problems: list[Problem] = []
    for registry in REGISTRIES:
        report = read_file(root / BRIEFINGS / registry.name, f"{BRIEFINGS}/{registry.name}", registry.read)
        registries[registry.kind] = report
        problems += report.problems
    paths, path_problems = find_entry_files(root)
    problems += path_problems
    reports = [read_entry(path, path.relative_to(root).as_posix()) for path in paths]
    problems += [problem for report in reports for problem in report.problems]
    known = {kind: report.keys if _readable(report) else None for kind, report in registries.items()}
    problems += check_fixed_topics(f"{BRIEFINGS}/topics.yaml", known["topic"])
    problems += check_references(reports, known)
    problems += check_unique_ids(reports)
    if problems:
        raise ProblemsFound(problems)
    entries = [build_entry(entry_id_of(r.path), r.path, r.values) for r in reports]
    values = {kind: report.values for kind, report in registries.items()}
    return build_site(values["topic"], values["actor"], values["figure"], entries)


def _readable(report: FileReport) -> bool:
    """A registry whose ids we know (a mapping), even if some of its records have problems."""
    return report.root is not None and report.root.kind == "map"
