"""Read one YAML file into a tree of nodes that remember their line and column (format/nodes.py).

PyYAML's own constructors cannot be trusted with contributor files: they keep the
last of duplicate keys, turn `no` into False and `0755` into 493, expand alias
bombs, and honour `!!python` tags. So nothing here constructs Python values; every
scalar stays text, and the format decides what a scalar means for each field.

There are two readers. The ordinary file (no '&', '*' or '!', little bracket nesting)
goes through libyaml's composer in C, with PyYAML's implicit typing switched off, and
its nodes are converted iteratively (yamlfast.py). Anything else, and anything the fast reader
declines, is read again event by event from libyaml's event stream, which builds
nothing and lets us refuse anchors, aliases, tags, duplicate keys and extra documents
as we meet them, with the line and column of each.
"""
from __future__ import annotations

import errno
import os
import stat

import yaml

from ..format.nodes import Node
from ..format.problems import Problem
from .yamlfast import MAX_DEPTH, read_fast, scalar_node

MAX_BYTES = 256 * 1024
_SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    def __init__(self, line: int, col: int, message: str):
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


class NotAFile(OSError):
    """A path that names a link, a folder, a device or a pipe: never read, never followed."""


_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)


def read_bytes(path, cap: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most one more than `cap`, so a huge file is never read
    whole. Every file the checks open is opened here: a symbolic link is not followed (ELOOP),
    and anything but a regular file is refused (NotAFile) before a byte is read, without waiting
    (a named pipe would otherwise wait for a writer for ever). It asks for the size the file has,
    not for the cap: a 256 KiB buffer for each of many small files is slow."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAFile(f"{path} is not a regular file")
        chunks, left = [], cap + 1
        asked = min(os.fstat(fd).st_size + 1, left)  # one byte more: the short read tells it is the end
        while left:
            chunk = os.read(fd, asked)
            chunks.append(chunk)
            left -= len(chunk)
            if len(chunk) < asked:  # a regular file reads short only at its end
                break
            asked = min(64 * 1024, left)  # it grew since fstat: read on, up to the cap
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_error_words(error: OSError) -> str:
    """Why a file could not be read, in a contributor's words (never its content)."""
    if isinstance(error, NotAFile):
        return "is not a regular file (a folder, device or pipe); briefing files are plain files"
    if error.errno == errno.ELOOP:
        return LINK_WORDS
    return f"cannot be read: {error.strerror}"


LINK_WORDS = "is a symbolic link; commit the file itself, not a link to it (links are never followed)"


def parse_yaml(display_path: str, data: bytes) -> tuple[Node | None, list[Problem]]:
    """The node tree of one file, or the problem that stopped reading it."""
    def fail(line: int, col: int, message: str):
        return None, [Problem(display_path, line, col, "(file)", message)]

    if len(data) > MAX_BYTES:
        return fail(0, 0, f"file is larger than {MAX_BYTES // 1024} KiB; split it or shorten it")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return fail(0, 0, "file is saved as UTF-16; save it as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, col = _position_of_byte(data, error.start)
        return fail(line, col, f"file is not UTF-8 (bad byte at offset {error.start}); save it as UTF-8")
    root = read_fast(text)
    if root is not None:
        return root, []
    try:
        root = read_careful(text)
    except YamlProblem as problem:
        return fail(problem.line, problem.col, problem.message)
    except yaml.reader.ReaderError as error:
        line, col = _position_of_char(text, error.position)
        return fail(line, col, f"not valid YAML: unacceptable character #x{error.character:04x}: "
                    "control characters are not allowed")
    except yaml.MarkedYAMLError as error:
        return fail(*_describe_syntax_error(error, text))
    except yaml.YAMLError as error:
        return fail(0, 0, f"not valid YAML: {' '.join(str(error).split())}")
    if root is None:
        return fail(1, 1, "file is empty")
    return root, []


def _describe_syntax_error(error, text: str) -> tuple[int, int, str]:
    """Point at what was left open (an unclosed '['), not only where the parser gave up."""
    problem, context = error.problem_mark, error.context_mark
    line, col = problem.line + 1, problem.column + 1
    message = f"not valid YAML: {error.problem}"
    if _char_at(text, line, col) == "\t":
        message += "; indent with spaces, not tabs"
    if context is not None and (context.line, context.column) != (problem.line, problem.column):
        opened = _char_at(text, context.line + 1, context.column + 1)
        what = f"this '{opened}' is not closed" if opened in "[{" else f"{error.context} that starts here"
        return context.line + 1, context.column + 1, (
            f"not valid YAML: {what}; {error.problem} by line {line}, column {col}")
    return line, col, message


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset].decode("utf-8", errors="replace")
    return _position_of_char(before, len(before))


def _position_of_char(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n")
    if 0 < line <= len(lines) and 0 < col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def read_careful(text: str) -> Node | None:
    """Assemble nodes from libyaml's event stream; refuse what the format forbids (YamlProblem),
    or let PyYAML's own error say what is not YAML."""
    events = yaml.parse(text, Loader=_SAFE_LOADER)
    stack: list[tuple[Node, list]] = []  # (container, pending mapping key holder)
    root = None
    documents = 0
    for event in events:
        mark = event.start_mark
        assert mark is not None  # libyaml marks every event
        line, col = mark.line + 1, mark.column + 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlProblem(line, col, "more than one YAML document ('---'); one entry per file")
            continue
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(line, col, f"aliases ('*{event.anchor}') are not allowed; write the value out")
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            _refuse_anchor_and_tag(event, line, col)
            node = _new_node(event, line, col)
            if stack:
                _attach(stack[-1], node)
            else:
                root = node
            if node.kind != "scalar":
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(line, col, f"nested more than {MAX_DEPTH} levels deep")
                stack.append((node, []))
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            stack.pop()
    return root


def _refuse_anchor_and_tag(event, line: int, col: int) -> None:
    if event.anchor is not None:
        raise YamlProblem(line, col, f"anchors ('&{event.anchor}') are not allowed; write the value out")
    if event.tag is not None and event.tag != "!":
        shown = event.tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlProblem(line, col, f"YAML tags ('{shown}') are not allowed; remove the tag")


def _new_node(event, line: int, col: int) -> Node:
    if isinstance(event, yaml.ScalarEvent):
        return scalar_node(line, col, event.value, event.style)
    if isinstance(event, yaml.SequenceStartEvent):
        return Node("seq", line, col, [])
    return Node("map", line, col, {})


def _attach(parent: tuple[Node, list], node: Node) -> None:
    container, pending_key = parent
    if container.kind == "seq":
        container.value.append(node)
    elif not pending_key:
        if node.kind != "scalar" or node.value is None:
            raise YamlProblem(node.line, node.col, "a key must be a plain name")
        if node.value in container.value:
            first = container.keys[node.value]
            raise YamlProblem(node.line, node.col,
                              f"duplicate key '{node.value}' (first at line {first.line}); keep one")
        pending_key.append(node)
    else:
        key = pending_key.pop()
        container.value[key.value] = node
        container.keys[key.value] = key
