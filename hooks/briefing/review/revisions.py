"""A revision's briefing files, read out of git into a scratch folder without running anything
of that revision: a pull request's files are untrusted.

git lists the revision's tree (`ls-tree`) and hands over the file contents (`cat-file --batch`);
nothing is checked out, no hook or filter of the revision runs. A link or a submodule becomes a
problem, as the loader reports links in a working tree; a file too large for the loader is
written only as large as the loader needs to refuse it, so a huge blob costs no memory.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..format.problems import Problem
from ..format.spec import BRIEFINGS
from ..read.files import MAX_FOLDER_DEPTH, too_deep, walk
from ..read.yamlsafe import LINK_WORDS, MAX_BYTES

PLAIN_MODES = frozenset({"100644", "100755"})
_SAFE_PART = re.compile(r"[^/\0]+")


class RevisionUnknown(Exception):
    """The name given is not a commit of this repository."""


@dataclass(frozen=True)
class TreeFile:
    mode: str
    object_id: str
    size: int | None  # None for what is not a blob (a submodule)
    path: str


def git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    """The output of a git command in `root`; hooks and pagers off, no prompt for credentials."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat"}
    result = subprocess.run(["git", "-C", os.fspath(root), "-c", "core.hooksPath=/dev/null", *args],
                            input=data, capture_output=True, env=env, check=False)
    if result.returncode != 0:
        raise RevisionUnknown(result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return result.stdout


def commit_of(root: Path, name: str) -> str:
    """The commit id a revision name means ('main', 'HEAD~2', a hash)."""
    if name.startswith("-"):
        raise RevisionUnknown(f"{name!r} is not a revision (it begins with '-')")
    try:
        return git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}").decode().strip()
    except RevisionUnknown:
        raise RevisionUnknown(f"{name!r} is not a commit of this repository") from None


def tree_files(root: Path, commit: str, *folders: str) -> list[TreeFile]:
    """Every file under `folders` in the commit's tree, with its mode and size."""
    listing = git(root, "ls-tree", "-r", "-z", "--long", "--full-tree", commit, "--", *folders)
    files = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, path = record.decode("utf-8", "surrogateescape").partition("\t")
        mode, _, object_id, size = meta.split()
        files.append(TreeFile(mode, object_id, int(size) if size.isdigit() else None, path))
    return files


def write_briefings(root: Path, commit: str, into: Path) -> list[Problem]:
    """The commit's briefings/ folder, written under `into`; a problem for each file not written."""
    problems, wanted = [], []
    for item in tree_files(root, commit, BRIEFINGS):
        if not all(_SAFE_PART.fullmatch(part) and part not in (".", "..") for part in item.path.split("/")):
            problems.append(Problem(item.path, 1, 1, "(file)", "is not a usable file name"))
        elif item.path.count("/") > MAX_FOLDER_DEPTH + 1:  # as the walk over a working tree says it
            problems.append(too_deep("/".join(item.path.split("/")[:MAX_FOLDER_DEPTH + 2])))
        elif item.mode not in PLAIN_MODES:
            why = LINK_WORDS if item.mode == "120000" else "is a submodule or another repository; commit plain files"
            problems.append(Problem(item.path, 1, 1, "(file)", why))
        elif item.size is not None and item.size > MAX_BYTES:
            _write(into / item.path, None, MAX_BYTES + 1)
        else:
            wanted.append(item)
    for item, data in zip(wanted, blobs(root, [item.object_id for item in wanted]), strict=True):
        _write(into / item.path, data, len(data))
    return problems


def blobs(root: Path, object_ids: list[str]) -> list[bytes]:
    """The contents of many blobs in one git process, in the order asked."""
    if not object_ids:
        return []
    output = git(root, "cat-file", "--batch", data="".join(f"{oid}\n" for oid in object_ids).encode())
    contents, at = [], 0
    for _ in object_ids:
        header_end = output.index(b"\n", at)
        size = int(output[at:header_end].split()[2])
        contents.append(output[header_end + 1:header_end + 1 + size])
        at = header_end + 1 + size + 1  # the blob, then a newline
    return contents


def _write(path: Path, data: bytes | None, size: int) -> None:
    """A file of the revision; without data, an empty one of `size` bytes (the loader only needs
    to see that it is too large)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as file:
        if data is None:
            file.truncate(size)
        else:
            file.write(data)


def page_files(root: Path, commit: str | None, docs: str = "docs") -> list[str]:
    """The hand-written pages (Markdown files under docs/, relative to it) of a commit, or of the
    working tree when `commit` is None."""
    if commit is None:
        folder = root / docs
        names = [shown[len(docs) + 1:] for shown in walk(os.fspath(folder), docs)[0]]
    else:
        names = [item.path[len(docs) + 1:] for item in tree_files(root, commit, docs) if item.mode in PLAIN_MODES]
    return sorted(name for name in names if name.endswith(".md"))
