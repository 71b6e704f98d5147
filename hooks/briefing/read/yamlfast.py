"""The fast reader of read/yamlsafe.py: the ordinary file (no '&', '*' or '!', no block
collections nested on one line, little bracket nesting) goes through libyaml's composer in C,
with PyYAML's implicit typing switched off, and its nodes are converted to ours iteratively.
Anything unusual or wrong gives None, and yamlsafe.py's careful reader reads the file again.
"""
from __future__ import annotations

import re

import yaml

from ..format.nodes import Node

MAX_DEPTH = 32
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


# Characters and shapes that need the careful reader: anchors (&), aliases (*), tags (!),
# and block collections nested on one line ("- - -", "? ? ?"); deep flow nesting is
# caught by counting brackets. The three characters are looked for with `in`, not in the
# pattern: one alternation tried at every character cost a tenth of a cold validation.
_CAREFUL_CHARACTERS = ("&", "*", "!")
# "[-?][ \t]+[-?][ \t\n]" as two patterns, each led by its one character, which the regex engine
# finds at C speed; led by a class of characters it tried every position (6% of a cold validation).
_NESTED_AFTER_DASH = re.compile(r"-[ \t]+[-?][ \t\n]")
_NESTED_AFTER_QUESTION_MARK = re.compile(r"\?[ \t]+[-?][ \t\n]")
_MAX_FAST_BRACKETS = 16


try:
    from yaml._yaml import CParser as _COMPOSER  # libyaml's parser and composer, without a constructor
except ImportError:  # PyYAML built without libyaml
    _COMPOSER = yaml.SafeLoader  # type: ignore[misc, assignment]


class _StringsLoader(_COMPOSER):
    """libyaml's composer alone: no constructor or resolver to set up for each file, no implicit
    typing (we read every scalar as text), no path resolvers (the composer asks for each node)."""

    def resolve(self, kind, value, implicit):
        return "tag:yaml.org,2002:str"

    def descend_resolver(self, current_node, current_index):
        return None

    def ascend_resolver(self):
        return None


def read_fast(text: str) -> Node | None:
    """The node tree, built by libyaml's composer in C, for the ordinary file.

    Returns None whenever the file holds anything unusual, or anything wrong: the
    event-by-event reader then reads it again and reports exactly what is wrong.
    Files without '&', '*' and '!' cannot hold anchors, aliases or tags, so the
    composer has nothing there to expand or construct.
    """
    if any(character in text for character in _CAREFUL_CHARACTERS) or _nested_on_one_line(text) \
            or text.count("[") + text.count("{") > _MAX_FAST_BRACKETS:
        return None
    loader = _StringsLoader(text)
    try:
        composed = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return _convert(composed) if composed is not None else None


def _nested_on_one_line(text: str) -> bool:
    """Block collections nested on one line: "- - x", "? - x", "-  ? x"."""
    return bool(_NESTED_AFTER_DASH.search(text) or ("?" in text and _NESTED_AFTER_QUESTION_MARK.search(text)))


def _convert(composed) -> Node | None:
    """PyYAML nodes to our nodes, iteratively; None on duplicate keys, odd keys or deep nesting.
    Only collections wait on the stack: most nodes are scalars, which have nothing to visit."""
    root = _node_of(composed)
    stack = [(composed, root, 1)] if root.kind != "scalar" else []
    while stack:
        source, target, depth = stack.pop()
        if depth >= MAX_DEPTH:
            return None
        if target.kind == "seq":
            for item in source.value:
                child = _node_of(item)
                target.value.append(child)
                if child.kind != "scalar":
                    stack.append((item, child, depth + 1))
            continue
        values, keys = target.value, target.keys
        for key_source, value_source in source.value:
            key = _node_of(key_source)
            if key.kind != "scalar" or key.value is None or key.value in values:
                return None
            child = values[key.value] = _node_of(value_source)
            keys[key.value] = key
            if child.kind != "scalar":
                stack.append((value_source, child, depth + 1))
    return root


def scalar_node(line: int, col: int, text: str, style: str | None) -> Node:
    """A scalar as written: an unquoted empty, ~ or null is nothing; any other scalar is text."""
    plain = style in (None, "")
    return Node("scalar", line, col, None if plain and text in _NULLS else text, plain)


def _node_of(composed) -> Node:
    mark, kind = composed.start_mark, type(composed)
    if kind is yaml.ScalarNode:
        return scalar_node(mark.line + 1, mark.column + 1, composed.value, composed.style)
    if kind is yaml.SequenceNode:
        return Node("seq", mark.line + 1, mark.column + 1, [])
    return Node("map", mark.line + 1, mark.column + 1, {})
