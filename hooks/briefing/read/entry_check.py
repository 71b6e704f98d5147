"""The checks of one entry file on its own: everything but whether the registries know its references.

What is checked here depends on the file's bytes (and on the day: a date too far ahead is a
problem), never on another file; so the result can be kept while the bytes are the same
(cache.py), and only its references to the registries are resolved again, against today's.
"""
from __future__ import annotations

from ..format.spec import ENTRY
from .cache_file import refs_text
from .checks import (
    check_entry_path,
    check_periods,
    check_qualified_values,
    check_references,
    check_source_ids,
    check_updates,
    latest_date,
)
from .date_checks import check_date_order, check_dates
from .report import FileReport, read_file
from .translation_checks import check_entry_translations


def check_entry(path, display: str, data: bytes | None = None) -> FileReport:
    """Read one entry file (or its bytes, already read) and run every check that needs no other file."""
    report = read_file(path, display, lambda node, reader: ENTRY.read(node, "", reader), data)
    if report.root is not None and report.root.kind == "map":
        report.problems += check_entry_path(display, report.root)
        report.problems += check_updates(display, report.root)
        report.problems += check_source_ids(display, report.root)
        report.problems += check_dates(display, report.root, latest_date())
        report.problems += check_date_order(display, report.root)
        report.problems += check_periods(display, report.root)
        report.problems += check_qualified_values(display, report.root)
        report.problems += check_entry_translations(display, report.root)
    # The registries are left out ({}): this asks only whether its claims' sources resolve.
    report.passed_alone = not report.problems and not check_references([report], {})
    if report.passed_alone:
        report.registry_refs = refs_text([ref for ref in report.refs if ref[0] != "source"])
    return report
