"""Read every briefing file and check it: the checked values of each file, or every problem."""
from __future__ import annotations

import os
from pathlib import Path

from ..format.problems import ProblemsFound
from ..format.spec import REGISTRIES, registry_path
from .cache import CheckedFiles
from .checks import check_distinct_names, check_fixed_topics, check_references, check_unique_ids, latest_date
from .date_checks import check_registry_dates
from .files import entry_files
from .report import FileReport, read_file
from .translation_checks import check_registry_translations


def check_site(root, cache: bool = True, remembered: CheckedFiles | None = None) -> tuple[dict, list]:
    """The registry reports by kind and the entry reports, every check passed; else ProblemsFound.

    `remembered` keeps what this run checked for the next in the same process; with `cache`,
    the check cache on disk is used too. Which files are read and checked again, and which are
    not, is cache.py's to decide (BRIEFING_CACHE=off in the environment turns the disk cache off).
    """
    registries = read_registries(root)
    problems = [problem for report in registries.values() for problem in report.problems]
    known = {kind: report.keys if _readable(report) else None for kind, report in registries.items()}
    remembered = remembered or CheckedFiles()
    reports, entry_problems = _read_entries(os.fspath(root), known if cache else None, remembered)
    problems += entry_problems
    problems += check_fixed_topics(registry_path("topic"), known["topic"])
    problems += check_distinct_names(registries)
    problems += check_registry_translations(registries)
    problems += check_registry_dates(registries, latest_date())
    unresolved = check_references(remembered.references.to_check(reports, known), known)
    remembered.references.checked(reports, unresolved)
    problems += unresolved
    problems += check_unique_ids(reports)
    if problems:
        raise ProblemsFound(problems)
    return registries, reports


def read_registries(root) -> dict[str, FileReport]:
    """Each registry file's report, by kind ("actor"), read on every run: every entry's
    references resolve against today's registries."""
    return {registry.kind: read_file(os.path.join(root, registry_path(registry.kind)),
                                     registry_path(registry.kind), registry.read)
            for registry in REGISTRIES}


def _read_entries(root: str, cache_known: dict | None, remembered: CheckedFiles) -> tuple[list, list]:
    """Every entry file's report, and the problems of each on its own; the disk cache is used
    when it is given the registries' ids (`cache_known`), against which cached references resolve."""
    files, problems = entry_files(root)
    remembered.begin_run(root, cache_known)
    reports = remembered.reports_of(files)
    remembered.end_run()
    problems += [problem for report in reports for problem in report.problems]
    return reports, problems


def _readable(report: FileReport) -> bool:
    """A registry whose ids we know (a mapping), even if some of its records have problems."""
    return report.root is not None and report.root.kind == "map"


def read_registry_ids(root: Path, kind: str) -> set:
    """The ids a registry file names (for `briefing new`, which checks the topics it is given)."""
    registry = next(r for r in REGISTRIES if r.kind == kind)
    return read_file(root / registry_path(kind), registry_path(kind), registry.read).keys
