"""Checks that need more than one field: file names, references, uniqueness, order.

They read the node tree rather than the checked values, so that they still run
when another field of the same file has a problem: a contributor sees every
problem of a file in one run.
"""
from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from ..format.nodes import Node, node_at
from ..format.numbers import written_high
from ..format.problems import Problem, did_you_mean, quoted
from ..format.spec import (
    BRIEFINGS,
    ENTRY_FILE,
    ENTRY_FILE_NAME,
    FIXED_TOPICS,
    FUTURE_MARGIN,
    registry_path,
)
from ..format.text import display_key, normalized
from ..format.types import id_problem
from .date_checks import date_of
from .source_date import source_date


def check_entry_path(path: str, root: Node) -> list[Problem]:
    """The file name is YYYY-MM-DD-<id>.yaml, in folders YYYY/MM that match `date`."""
    name, folders = name_and_folders(path)
    match = ENTRY_FILE_NAME.fullmatch(name)
    if not match:
        return [Problem(path, 1, 1, "(file)", f"file name must be {ENTRY_FILE}")]
    year, month, day, entry_id = match.groups()
    problems = []
    if id_problem(entry_id):
        problems.append(Problem(path, 1, 1, "(file)", f"the id in the file name: {id_problem(entry_id)}"))
    date_node = node_at(root, "date")
    date = date_of(date_node) if date_node is not root else None
    if date is None:
        return problems  # a missing or malformed date is reported by the field check
    if f"{year}-{month}-{day}" != date.isoformat():
        problems.append(Problem(path, date_node.line, date_node.col, "date", f"is {date} but the file name "
                                f"says {year}-{month}-{day}; rename the file or fix the date"))
    elif folders != (year, month):
        problems.append(Problem(path, date_node.line, date_node.col, "date", f"is {date} but the file is in "
                                f"{'/'.join(folders)}/; move it to {BRIEFINGS}/{year}/{month}/"))
    return problems


def name_and_folders(path: str) -> tuple[str, tuple[str, ...]]:
    """The file name and the last two folders of `path`, as PurePosixPath gives them. A plain
    relative path (every path the walk gives) is split as a string, at a tenth of the cost of
    parsing it (once for every file of a validation); any other is left to PurePosixPath, which
    drops empty and '.' parts and keeps a root."""
    if path[:1] not in ("/", ".") and "//" not in path and "/." not in path and path[-1:] != "/":
        *folders, name = path.split("/")
        return name, tuple(folders[-2:])
    parsed = PurePosixPath(path)
    return parsed.name, parsed.parent.parts[-2:]


def check_updates(path: str, root: Node) -> list[Problem]:
    """Updates come after the entry's date, newest last."""
    problems, previous = [], date_of(node_at(root, "date"))
    updates = node_at(root, "updates")
    for i, update in enumerate(updates.value if updates.kind == "seq" and updates is not root else ()):
        node = node_at(update, "date")
        date = date_of(node) if node is not update else None
        if date is None or previous is None:
            previous = date or previous
            continue
        if date < previous:
            what = "the entry's date" if i == 0 else "the update before it"
            problems.append(Problem(path, node.line, node.col, f"updates[{i}].date",
                                    f"{date} is before {what} ({previous}); updates go newest last"))
        previous = max(previous, date)
    return problems


def latest_date(today: dt.date | None = None) -> dt.date:
    """The latest date a file may hold: the check's day (or the build's, if later) and a margin.
    ProblemsFound, naming it, for a SOURCE_DATE_EPOCH that is no time (source_date.py)."""
    return max(today or dt.datetime.now(dt.UTC).date(), source_date() or dt.date.min) + FUTURE_MARGIN


def _items(root: Node, list_name: str) -> list[tuple[int, Node]]:
    """(index, node) of the mappings in one of the entry's lists, as written."""
    items = node_at(root, list_name)
    if items is root or items.kind != "seq":
        return []
    return [(i, item) for i, item in enumerate(items.value) if item.kind == "map"]


def check_periods(path: str, root: Node) -> list[Problem]:
    """A claim's period names at least one end, its ends in order, and no day after the claim
    was made (a count covers what has happened, not what will)."""
    problems, entry_date = [], date_of(node_at(root, "date"))
    for i, claim in _items(root, "claims"):
        period = claim.value.get("period")
        if period is None or period.kind != "map":
            continue
        start, end = (date_of(period.value[k]) if k in period.value else None for k in ("from", "to"))
        said_node = claim.value.get("said_on")
        said = date_of(said_node) if said_node is not None else entry_date
        if not period.value:
            problems.append(Problem(path, period.line, period.col, f"claims[{i}].period",
                                    "is empty; give its first day (from), its last day (to), or both"))
        elif start and end and start > end:
            problems.append(Problem(path, period.line, period.col, f"claims[{i}].period",
                                    f"runs from {start} to {end}, backwards; swap from and to"))
        elif said and (start or end) and max(day for day in (start, end) if day) > said:
            problems.append(Problem(path, period.line, period.col, f"claims[{i}].period",
                                    f"ends after the claim was made ({said}); a count covers days already past"))
    return problems


def check_qualified_values(path: str, root: Node) -> list[Problem]:
    """A qualifier and a value that no count can satisfy: counts are never negative, so nothing
    is "fewer than 0" (nor fewer than a range that ends at 0)."""
    problems = []
    for i, claim in _items(root, "claims"):
        qualifier, value = claim.value.get("qualifier"), claim.value.get("value")
        if qualifier is None or value is None or qualifier.value != "fewer-than" or written_high(value) != 0:
            continue
        problems.append(Problem(path, qualifier.line, qualifier.col, f"claims[{i}].qualifier",
                                "fewer-than with a value of 0 allows no count, as none is below 0; "
                                "write the value the source gives, or exactly 0 for none"))
    return problems


def check_source_ids(path: str, root: Node) -> list[Problem]:
    """Claims point to sources by id, so an entry's source ids must differ."""
    first_line: dict[str, int] = {}
    problems = []
    sources = node_at(root, "sources")
    for i, node in enumerate(_source_id_nodes(sources if sources is not root else None)):
        if node is None:
            continue
        if node.value in first_line:
            problems.append(Problem(path, node.line, node.col, f"sources[{i}].id", f"{quoted(node.value)} is "
                                    f"used by another source of this entry (line {first_line[node.value]})"))
        first_line.setdefault(node.value, node.line)
    return problems


def check_fixed_topics(path: str, topic_ids: set | None) -> list[Problem]:
    """The fixed topics stay in the registry: the site's menu links to each of them."""
    if topic_ids is None:
        return []  # the registry itself could not be read; that is reported already
    return [Problem(path, 1, 1, "(file)", f"topic '{topic_id}' is missing; the site's menu links to it, "
                    "so it must stay in the registry") for topic_id in FIXED_TOPICS if topic_id not in topic_ids]


# The names readers tell records apart by, per registry: the field, and a list of other names.
NAMES = {"actor": ("name", "aliases"), "figure": ("label", None), "topic": ("title", None)}


def check_distinct_names(registries: dict) -> list[Problem]:
    """No two records of a registry have names that display alike: an impostor "Jorge Rodríguez"
    (a Cyrillic letter, a zero-width space, NFD accents, or simply the same name twice, or
    another actor's name as an alias) would put its claims under his name."""
    problems = []
    for kind, (field, also) in NAMES.items():
        report = registries[kind]
        first: dict[str, tuple[str, int]] = {}  # display key -> (record id, line)
        for record_id, where, node in _name_nodes(report.root, field, also):
            key = display_key(normalized(node.value.strip()))
            seen_id, seen_line = first.setdefault(key, (record_id, node.line))
            if seen_id != record_id:
                problems.append(Problem(report.path, node.line, node.col, f"{record_id}.{where}",
                                        f"{quoted(node.value.strip())} looks the same as a name of {seen_id} "
                                        f"(line {seen_line}); readers could not tell them apart: make them distinct"))
    return problems


def _name_nodes(root: Node | None, field: str, also: str | None) -> list[tuple[str, str, Node]]:
    """(record id, field path, node) of every name in a registry, as written."""
    found = []
    for record_id, record in (root.value.items() if root is not None and root.kind == "map" else ()):
        if record.kind != "map":
            continue
        nodes = [(field, record.value.get(field))]
        extra = record.value.get(also) if also else None
        if extra is not None and extra.kind == "seq":
            nodes += [(f"{also}[{i}]", item) for i, item in enumerate(extra.value)]
        found += [(record_id, where, node) for where, node in nodes
                  if node is not None and node.kind == "scalar" and isinstance(node.value, str)]
    return found


def check_references(reports: list, known: dict) -> list[Problem]:
    """Every topic, actor and figure id names a registry record; claim sources name an entry source.

    `known` maps a kind to its registry's ids, or to None when the registry itself
    could not be read: its own problem is reported, and every reference to it is not.
    """
    problems: list[Problem] = []
    hints = Hints()
    for report in reports:
        sources = {node.value for node in _source_id_nodes(node_at(report.root, "sources")
                                                             if report.root else None) if node}
        for kind, ref_id, line, col, field in report.refs:
            names = sources if kind == "source" else known.get(kind)
            if names is None or ref_id in names:
                continue
            where = "this entry's sources" if kind == "source" else registry_path(kind)
            hint = hints.near(kind if kind != "source" else report.path, ref_id, names) or f"; add it to {where}"
            problems.append(Problem(report.path, line, col, field, f"unknown {kind} {quoted(ref_id)}{hint}"))
    return problems


class Hints:
    """Did-you-mean hints for unknown references, each word looked up once, and at most
    COMPARISONS_PER_RUN names compared in a run (about a second): difflib compares a word with
    every name of the registry, up to 0.2 s a word against thousands of similar ids, and a file
    can hold thousands of unknown ids. Past the budget the message still names the id and
    where to add it. The budget counts names, not seconds, so the same files always get the
    same lines."""

    COMPARISONS_PER_RUN = 40_000

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], str] = {}
        self._left = self.COMPARISONS_PER_RUN

    def near(self, scope: str, word: str, names) -> str:
        key = (scope, word)
        if key not in self._found:
            self._found[key] = did_you_mean(word, names) if self._left >= len(names) else ""
            self._left -= len(names)
        return self._found[key]


def check_unique_ids(reports: list) -> list[Problem]:
    """An entry id is a permalink: two files may not share one."""
    first_by_id: dict[str, str] = {}
    problems = []
    for report in reports:
        match = ENTRY_FILE_NAME.fullmatch(report.path.rpartition("/")[2])
        if not match:
            continue  # reported by check_entry_path
        entry_id = match.group(4)
        if entry_id in first_by_id:
            problems.append(Problem(report.path, 1, 1, "(file)", f"entry id {quoted(entry_id)} is already "
                                    f"used by {first_by_id[entry_id]}; choose another id"))
        else:
            first_by_id[entry_id] = report.path
    return problems


def entry_id_of(path: str) -> str:
    """briefings/2026/01/2026-01-13-some-id.yaml -> some-id"""
    name = path.rpartition("/")[2]  # plain string work: called for every entry of every build
    match = ENTRY_FILE_NAME.fullmatch(name)
    return match.group(4) if match else PurePosixPath(name).stem


def _source_id_nodes(sources: Node | None) -> list:
    """The id node of each source (None where a source has no usable id), as written."""
    if sources is None or sources.kind != "seq":
        return []
    nodes = []
    for source in sources.value:
        node = source.value.get("id") if source.kind == "map" else None
        usable = node is not None and node.kind == "scalar" and node.value and node.value.strip()
        nodes.append(node if usable else None)
    return nodes

