"""Checks of the dates a file holds: each within the window the site takes, and in the order
their meanings require (a translation, a review or a report comes after what it is about).

Every date field is found from the format's definition (structure.field_paths), in entries and
registries alike, so a date field added to the format is checked without being listed here.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..format.nodes import Node, node_at
from ..format.problems import Problem, quoted
from ..format.spec import EARLIEST_DATE, ENTRY, REGISTRIES
from ..format.structure import field_paths
from ..format.translations import LANGUAGES
from ..format.types import Date, parse_date

# What the day of a date field is, for the hint when it is in the future; by the field's name.
DAY_OF = {"translated_on": "it was translated", "reviewed_on": "it was reviewed", "as_of": "it was last checked"}
DAY_OF_OTHERS = "it happened, was said or was published"
# Where an entry's dates are: found once, from the definition, not again for every file.
ENTRY_DATES = tuple(field_paths(ENTRY, Date))


def check_dates(path: str, root: Node, latest: dt.date) -> list[Problem]:
    """Every date of an entry is plausible: not before EARLIEST_DATE, not after `latest`
    (9999-12-31 would pin an entry first in every list and feed for ever)."""
    return _window_problems(path, dated_nodes(root, ENTRY_DATES), latest)


def check_registry_dates(registries: dict, latest: dt.date) -> list[Problem]:
    """The dates of the registries' records (a topic's bottom_line.as_of) have the entries'
    window: a bottom line "as of 31 December 9999" would never look out of date."""
    problems = []
    for registry in REGISTRIES:
        report = registries[registry.kind]
        root = report.root
        paths = field_paths(registry.record, Date)
        for record_id, record in (root.value.items() if root is not None and root.kind == "map" else ()):
            problems += _window_problems(report.path, dated_nodes(record, paths, record_id), latest)
    return problems


def _window_problems(path: str, found: list[tuple[str, Node]], latest: dt.date) -> list[Problem]:
    problems = []
    for where, node in found:
        date = date_of(node)
        if date is not None and date < EARLIEST_DATE:
            problems.append(Problem(path, node.line, node.col, where, f"{date} is before {EARLIEST_DATE}, "
                                    "the earliest date the site takes; check the year"))
        elif date is not None and date > latest:
            what = DAY_OF.get(where.rpartition(".")[2], DAY_OF_OTHERS)
            problems.append(Problem(path, node.line, node.col, where, f"{date} is in the future; write the day {what}"))
    return problems


def check_date_order(path: str, root: Node) -> list[Problem]:
    """Dates that cannot come before the entry's date: its review and its translations are of
    what it reports. (Updates are checked in order by check_updates; periods by check_periods.)"""
    entry_date = date_of(node_at(root, "date"))
    if entry_date is None:
        return _source_order(path, root)
    after_entry = [("reviewed_on", "an entry is reviewed after what it reports")]
    after_entry += [(f"{code}.translated_on", "a translation is made after what it translates") for code in LANGUAGES]
    problems = []
    for where, why in after_entry:
        for _, node in dated_nodes(root, [tuple(where.split("."))]):
            date = date_of(node)
            if date is not None and date < entry_date:
                problems.append(Problem(path, node.line, node.col, where, f"{date} is before the entry's "
                                        f"date ({entry_date}); {why}, so check the date"))
    return problems + _source_order(path, root)


def _source_order(path: str, root: Node) -> list[Problem]:
    """A claim's source was not published before the day the claim says it was said: it could not
    report it. Only a written said_on counts: without one, the entry's date stands in for it, and
    an entry dated by its event may well cite a report of what was said the day before."""
    published = {_text(item.value.get("id")): date_of(item.value["published"])
                 for _, item in _items(root, "sources") if "published" in item.value and _text(item.value.get("id"))}
    problems = []
    for i, claim in _items(root, "claims"):
        source, said_node = claim.value.get("source"), claim.value.get("said_on")
        said = date_of(said_node) if said_node is not None else None
        day = published.get(_text(source))
        if source is None or said is None or day is None or day >= said:
            continue
        problems.append(Problem(path, source.line, source.col, f"claims[{i}].source",
                                f"{quoted(source.value)} was published on {day}, before the claim was said "
                                f"({said}); a source reports what was said already: fix the claim's said_on "
                                "or the source's published"))
    return problems


def dated_nodes(node: Node, paths: Sequence[tuple[str, ...]], where: str = "") -> list[tuple[str, Node]]:
    """(field path, node) of what `node` holds at each of `paths`, as written: claims[2].said_on."""
    found = []
    for steps in paths:
        found += _nodes_at(node, steps, where)
    return found


def _nodes_at(node: Node, steps: tuple[str, ...], where: str) -> list[tuple[str, Node]]:
    """A step at a time over every node found so far, in order: the order written, as a walk
    down each branch in turn would give it, without a call for each node."""
    level = [(where, node)]
    for step in steps:
        following: list[tuple[str, Node]] = []
        for at, here in level:
            if step == "[]":
                if here.kind == "seq":
                    following += [(f"{at}[{i}]", item) for i, item in enumerate(here.value)]
            elif here.kind == "map" and step in here.value:
                following.append((f"{at}.{step}" if at else step, here.value[step]))
        level = following
    return level


def _items(root: Node, list_name: str) -> list[tuple[int, Node]]:
    """(index, node) of the mappings in one of the entry's lists, as written."""
    items = node_at(root, list_name)
    if items is root or items.kind != "seq":
        return []
    return [(i, item) for i, item in enumerate(items.value) if item.kind == "map"]


def _text(node: Node | None) -> str | None:
    """The text a node holds as written (a source id), or None."""
    return node.value if node is not None and node.kind == "scalar" and isinstance(node.value, str) else None


def date_of(node: Node) -> dt.date | None:
    """The date a node holds, if it holds a valid one."""
    return parse_date(node.value) if node.kind == "scalar" and isinstance(node.value, str) else None
