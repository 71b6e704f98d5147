"""A YAML file as the format sees it: a tree of nodes that remember their line and column.

The reader (read/yamlsafe.py) builds these trees; the field types (types.py) read them.
Scalars stay text: the format decides what a scalar means for each field.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Node:
    """A scalar (str or None), a sequence (list of Node) or a mapping (dict of str -> Node)."""

    kind: str  # "scalar" | "seq" | "map"
    line: int
    col: int
    value: Any  # str or None (scalar), list[Node] (seq), dict[str, Node] (map)
    plain: bool = True  # an unquoted scalar (YAML would guess its type)
    keys: dict = field(default_factory=dict)  # mapping: key -> the key's own Node


def node_at(root: Node, *steps) -> Node:
    """The deepest node along `steps` (keys and list indexes) that exists: for positions in messages."""
    node = root
    for step in steps:
        found = node.kind == "map" and step in node.value
        found = found or (node.kind == "seq" and isinstance(step, int) and step < len(node.value))
        if not found:
            break
        node = node.value[step]
    return node
