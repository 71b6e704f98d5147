"""Checks that need more than one field: file names, references, uniqueness, order."""
from __future__ import annotations

from pathlib import PurePosixPath

import re

from .problems import Problem, did_you_mean, quoted
from .types import ID_MAX, ID_PATTERN
from .yamlsafe import Node, node_at

_ID_RE = re.compile(ID_PATTERN)
_NAME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)\.yaml$")


def check_entry_path(path: str, values: dict, root: Node) -> list[Problem]:
    """The file name is YYYY-MM-DD-<id>.yaml, in folders YYYY/MM that match `date`."""
    name = PurePosixPath(path)
    match = _NAME_RE.match(name.name)
    if not match:
        return [Problem(path, 1, 1, "(file)", "file name must be YYYY-MM-DD-<id>.yaml")]
    year, month, day, entry_id = match.groups()
    problems = []
    if not _ID_RE.match(entry_id) or len(entry_id) > ID_MAX:
        problems.append(Problem(path, 1, 1, "(file)", f"{quoted(entry_id)} in the file name is not a valid "
                                "id; use lowercase letters, digits and single hyphens"))
    date = values["date"].isoformat()
    date_node = node_at(root, "date")
    line, col = date_node.line, date_node.col
    if f"{year}-{month}-{day}" != date:
        problems.append(Problem(path, line, col, "date", f"is {date} but the file name says "
                                f"{year}-{month}-{day}; rename the file or fix the date"))
    elif name.parent.parts[-2:] != (year, month):
        problems.append(Problem(path, line, col, "date", f"is {date} but the file is in "
                                f"{'/'.join(name.parent.parts[-2:])}/; move it to briefings/{year}/{month}/"))
    return problems


def check_updates(path: str, values: dict, root: Node) -> list[Problem]:
    """Updates come after the entry's date, newest last."""
    problems, previous = [], values["date"]
    for i, update in enumerate(values["updates"] or ()):
        if update["date"] < previous:
            what = "the entry's date" if i == 0 else "the update before it"
            node = node_at(root, "updates", i, "date")
            problems.append(Problem(path, node.line, node.col, f"updates[{i}].date",
                                    f"{update['date']} is before {what} ({previous}); updates go newest last"))
        previous = max(previous, update["date"])
    return problems


def check_references(reports: list, known: dict) -> list[Problem]:
    """Every topic, actor and figure id names a registry record; claim sources name an entry source."""
    problems = []
    for report in reports:
        sources = _declared_source_ids(report.root)
        for kind, ref_id, line, col, field in report.refs:
            names = sources if kind == "source" else known.get(kind, set())
            if ref_id not in names:
                where = "this entry's sources" if kind == "source" else f"briefings/{kind}s.yaml"
                hint = did_you_mean(ref_id, names) or f"; add it to {where}"
                problems.append(Problem(report.path, line, col, field, f"unknown {kind} {quoted(ref_id)}{hint}"))
    return problems


def check_unique_ids(reports: list) -> list[Problem]:
    """An entry id is a permalink: two files may not share one."""
    first_by_id, problems = {}, []
    for report in reports:
        entry_id = entry_id_of(report.path)
        if entry_id in first_by_id:
            problems.append(Problem(report.path, 1, 1, "(file)", f"entry id {quoted(entry_id)} is already "
                                    f"used by {first_by_id[entry_id]}; choose another id"))
        else:
            first_by_id[entry_id] = report.path
    return problems


def check_source_ids(path: str, root: Node) -> list[Problem]:
    """Claims point to sources by id, so an entry's source ids must differ."""
    seen, problems = set(), []
    sources = node_at(root, "sources")
    for i, source in enumerate(sources.value if sources.kind == "seq" else ()):
        node = node_at(source, "id")
        if node is not source and node.value in seen:
            problems.append(Problem(path, node.line, node.col, f"sources[{i}].id",
                                    f"{quoted(node.value)} is used by another source of this entry"))
        seen.add(node.value)
    return problems


def entry_id_of(path: str) -> str:
    """briefings/2026/01/2026-01-13-some-id.yaml -> some-id"""
    return PurePosixPath(path).stem[len("YYYY-MM-DD-"):]


def _declared_source_ids(root: Node | None) -> set:
    """Source ids as written, even when the entry has other problems (so each is reported once)."""
    sources = node_at(root, "sources") if root is not None else None
    if sources is None or sources.kind != "seq":
        return set()
    return {node_at(source, "id").value for source in sources.value
            if source.kind == "map" and "id" in source.value}
