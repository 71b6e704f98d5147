"""The checks of one entry file on its own: everything but whether the registries know its references.

What is checked here depends on the file's path and bytes and on the CheckInputs below, never on
another file; so the result can be kept while all of those are the same (cache.py), and only its
references to the registries are resolved again, against today's.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
from .report import FileReport, read_file, read_stamped
from .translation_checks import check_entry_translations


@dataclass(frozen=True)
class CheckInputs:
    """Everything the checks of one file read besides its path and bytes: the one place that
    lists them, and the key under which a report is reused (in memory and in the disk cache).
    Not among them: the checking code (the disk cache's fingerprint, cache_file.py) and the
    registries, which no check of one file reads (its references to them are resolved against
    today's registries on every run, cache.py)."""

    latest: dt.date  # the latest date a file may hold: it moves with the day and SOURCE_DATE_EPOCH

    def key(self) -> str:
        return f"latest={self.latest.isoformat()}"


def check_inputs() -> CheckInputs:
    """The inputs of the checks as they are now."""
    return CheckInputs(latest=latest_date())


def check_entry(path, display: str, data: bytes | None = None, inputs: CheckInputs | None = None) -> FileReport:
    """Read one entry file (or its bytes, already read) and run every check that needs no other
    file, with `inputs` (those of now, unless given). A file that passes them keeps no node tree:
    nothing reads it again (a preview server keeps every report, and the trees of a thousand
    entries are about 14 MiB), and its claims' sources, which the tree names, have resolved."""
    inputs = inputs or check_inputs()
    report = read_file(path, display, lambda node, reader: ENTRY.read(node, "", reader), data)
    if report.root is not None and report.root.kind == "map":
        report.problems += check_entry_path(display, report.root)
        report.problems += check_updates(display, report.root)
        report.problems += check_source_ids(display, report.root)
        report.problems += check_dates(display, report.root, inputs.latest)
        report.problems += check_date_order(display, report.root)
        report.problems += check_periods(display, report.root)
        report.problems += check_qualified_values(display, report.root)
        report.problems += check_entry_translations(display, report.root)
    # The registries are left out ({}): this asks only whether its claims' sources resolve.
    report.passed_alone = not report.problems and not check_references([report], {})
    if report.passed_alone:  # its node tree and its resolved references to its sources are not kept
        report.root, report.refs = None, [ref for ref in report.refs if ref[0] != "source"]
        report.registry_refs = refs_text(report.refs)
    return report


def check_each(files: list[tuple[str, str, bytes | None]], inputs: CheckInputs) -> list[FileReport]:
    """The report of each (path, display path, bytes), checked on its own with `inputs`, in order;
    a file given without its bytes is read here (check_read_here)."""
    return [check_entry(path, display, data, inputs) if data is not None else check_read_here(path, display, inputs)
            for path, display, data in files]


def check_read_here(path: str, display: str, inputs: CheckInputs) -> FileReport:
    """Read a file and check it. The caller sent only its path, since nothing could vouch for any
    bytes of it (cache.py); in a pool, the files are then read on every core. The report carries
    the digest of the bytes and the read's stamp (report.read_stamped), which the caller keeps."""
    try:
        data, digest, stamp = read_stamped(path)
    except OSError:
        return check_entry(path, display, None, inputs)  # which reads it again, to say why it cannot
    report = check_entry(path, display, data, inputs)
    report.digest, report.read_stamp = digest, stamp
    return report
