"""No silent corrections: a published claim whose value, qualifier or period changes must come
with an `update` added to its entry, so that the page says it was corrected and why.

A claim is matched across the two revisions as the digest matches it (render/claim_changes.py,
keyed_claims), so a value corrected in place is a change of that claim. Each correction without
an update is a problem at the claim's changed field, as `make validate` prints problems; the fix
is one `updates` item.
"""
from __future__ import annotations

from collections import Counter

from ..format.nodes import node_at
from ..format.problems import Problem
from ..model.site import Entry, Site
from ..read.yamlsafe import parse_yaml
from ..render.claim_changes import changed_fields, keyed_claims

CORRECTED = ("value", "qualifier", "period")  # what a reader quoting the claim would have quoted
HINT = ("add one item to the entry's `updates` (date: the day of the correction; note: what changed "
        "and why), so that readers see it was corrected")


def silent_corrections(old: Site, new: Site, read_bytes) -> list[Problem]:
    """The claims of `old` whose value, qualifier or period `new` changes while their entry adds no
    update. `read_bytes(path)` gives an entry file's bytes in `new`, to point at the claim's line."""
    before = keyed_claims(old)
    earlier = {entry.id: entry for entry in old.entries}
    problems = []
    for entry in new.entries:
        if entry.id not in earlier or set(entry.updates) - set(earlier[entry.id].updates):
            continue
        for index, key, claim in _numbered_claims(entry):
            if key not in before:
                continue
            fields = [name for name in CORRECTED if name in changed_fields(before[key][0], claim)]
            if fields:
                problems.append(_problem(entry, index, fields[0], _was(before[key][0], fields[0]), read_bytes))
    return problems


def _numbered_claims(entry: Entry):
    """(index in the entry's claims, the key keyed_claims gives it, the claim)."""
    seen: Counter = Counter()
    for index, claim in enumerate(entry.claims):
        seen[(claim.figure, claim.by)] += 1
        yield index, (entry.id, claim.figure, claim.by, seen[(claim.figure, claim.by)]), claim


def _was(claim, name: str) -> str:
    if name == "value":
        return f"{claim.low:g}–{claim.high:g}" if claim.is_range else f"{claim.low:g}"
    if name == "period":
        return "no period" if claim.period is None else f"{claim.period.start} to {claim.period.end}"
    return str(getattr(claim, name))


def _problem(entry: Entry, index: int, name: str, was: str, read_bytes) -> Problem:
    root, _ = parse_yaml(entry.path, read_bytes(entry.path))
    node = node_at(root, "claims", index, name) if root is not None else None
    line, col = (node.line, node.col) if node is not None else (1, 1)
    message = f"changes a published claim (it was {was}) and the entry adds no update; {HINT}"
    return Problem(entry.path, line, col, f"claims[{index}].{name}", message)
