"""What reading one briefing file gives: its checked values, the references it makes, its problems."""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field

from ..format.nodes import Node
from ..format.problems import Problem
from ..format.types import INVALID, Reader
from .cache_file import decode_values
from .yamlsafe import parse_yaml, read_bytes, read_error_words


def digest_of(data: bytes) -> bytes:
    """The digest of a file's bytes: what says, everywhere, that a file is the one seen before."""
    return hashlib.blake2b(data, digest_size=16).digest()


def stat_key(found: os.stat_result) -> tuple:
    """What changes whenever a file's bytes do; the change time last (the kernel sets it on every
    write and rename, and no tool can set it back)."""
    return (found.st_dev, found.st_ino, found.st_mode, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def stat_key_of(path) -> tuple | None:
    try:
        return stat_key(os.lstat(path))
    except OSError:
        return None


def read_stamped(path) -> tuple[bytes, bytes, tuple[tuple | None, int]]:
    """A file's bytes, their digest, and its stamp: its lstat (stat_key), taken before the read,
    and when the read began, from which cache.py judges whether the lstat may vouch for these
    bytes next time. OSError when it cannot be read (read_bytes refuses links and special files)."""
    started, key = time.time_ns(), stat_key_of(path)
    data = read_bytes(path)
    return data, digest_of(data), (key, started)


@dataclass
class FileReport:
    """What reading one file produced: values, references to resolve, problems."""

    path: str
    values: object = INVALID
    refs: list = field(default_factory=list)   # (kind, id, line, col, field)
    problems: list = field(default_factory=list)
    keys: set = field(default_factory=set)     # registry ids, even of invalid records
    root: Node | None = None
    # No problem on its own and every source reference resolves: only the registries can still
    # object, through the references to them (`registry_refs`). Such a report may be cached.
    passed_alone: bool = False
    registry_refs: str | None = None  # as cache_file.refs_text writes them
    from_cache: bool = False          # then `refs` is empty: `registry_refs` resolved when it was read
    values_json: str | None = None    # from the cache or a checking worker: `values` as JSON, until needed
    # The digest of the bytes this report is of (an entry's; None for a file that could not be
    # read): with the display path, the key under which the report and its entry are reused.
    digest: bytes | None = None
    # Of a file the checker read itself (entry_check.check_read_here): read_stamped's stamp.
    read_stamp: tuple | None = None

    def checked_values(self):
        """The values; those from the cache are decoded on first use (validating alone skips it)."""
        if self.values_json is not None:
            self.values, self.values_json = decode_values(self.values_json), None
        return self.values

    def reader(self) -> Reader:
        return Reader(report=self.report, refer=self.refer)

    def report(self, node: Node, field_path: str, message: str) -> None:
        self.problems.append(Problem(self.path, node.line, node.col, field_path, message))

    def refer(self, kind: str, ref_id: str, node: Node, field_path: str) -> None:
        self.refs.append((kind, ref_id, node.line, node.col, field_path))


def read_file(path, display: str, read, data: bytes | None = None) -> FileReport:
    """Parse one file (or its bytes, already read) and read it with `read(root_node, reader)`."""
    report = FileReport(display)
    try:
        data = read_bytes(path) if data is None else data
    except OSError as error:
        exists = os.path.lexists(path)  # a missing file has no line to point at; a link or device does
        report.problems.append(Problem(display, int(exists), int(exists), "(file)", read_error_words(error)))
        return report
    report.root, report.problems = parse_yaml(display, data)
    if report.root is not None:
        report.values = read(report.root, report.reader())
        if report.root.kind == "map":
            report.keys = set(report.root.value)
    return report
