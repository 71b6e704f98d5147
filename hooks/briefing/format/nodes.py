"""A YAML file as the format sees it: a tree of nodes that remember their line and column.

The reader (read/yamlsafe.py) builds these trees; the field types (types.py) read them.
Scalars stay text: the format decides what a scalar means for each field.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Node:
    """A scalar (str or None), a sequence (list of Node) or a mapping (dict of str -> Node)."""

    kind: str  # "scalar" | "seq" | "map"
    line: int
    col: int
    value: str | None | list | dict
    plain: bool = True  # an unquoted scalar (YAML would guess its type)
    keys: dict = field(default_factory=dict)  # mapping: key -> the key's own Node


def node_at(root: Node, *steps) -> Node:
    """The deepest node along `steps` (keys and list indexes) that exists: for positions in messages."""
    node = root
    for step in steps:
        children = node.value if node.kind in ("map", "seq") else None
        if isinstance(children, dict) and step in children:
            node = children[step]
        elif isinstance(children, list) and isinstance(step, int) and step < len(children):
            node = children[step]
        else:
            break
    return node
