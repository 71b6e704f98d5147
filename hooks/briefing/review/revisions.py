"""A revision's briefing files, read out of git into a scratch folder without running anything
of that revision: a pull request's files are untrusted.

git lists the revision's tree (`ls-tree`) and hands over the file contents (`cat-file --batch`);
nothing is checked out, no hook or filter of the revision runs. A link or a submodule becomes a
problem, as the loader reports links in a working tree; a file too large for the loader is
written only as large as the loader needs to refuse it, so a huge blob costs no memory. Paths
stay strings until a file is written: one that no checkout could hold (a name too long, a file
that is also a folder, a path twice) is a problem of that file and is not written.
"""
from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..format.nodes import Node
from ..format.problems import Problem, quoted
from ..format.spec import BRIEFINGS
from ..read.checks import check_entry_path
from ..read.files import ENTRY_PATH, MAX_FOLDER_DEPTH, too_deep, walk
from ..read.git import RevisionUnknown, blobs, git
from ..read.yamlsafe import LINK_WORDS, MAX_BYTES

PLAIN_MODES = frozenset({"100644", "100755"})
_SAFE_PART = re.compile(r"[^/\0]+")
# The longest name, in bytes, of a file or folder on the file systems a checkout lands on (ext4,
# XFS, tmpfs, APFS); git refuses to check out a longer one ("File name too long").
NAME_BYTES = 255
# What a file system says of a path it cannot hold: the revision's problem, not the review's.
REFUSED_NAMES = frozenset({errno.ENAMETOOLONG, errno.EEXIST, errno.ENOTDIR, errno.EISDIR, errno.EILSEQ,
                           errno.EINVAL})


@dataclass(frozen=True)
class TreeFile:
    mode: str
    object_id: str
    size: int | None  # None for what is not a blob (a submodule)
    path: str


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
    """The commit's briefings/ folder, written under `into`; a problem for each file not written.
    Paths stay strings until a file is written, so a name no file system holds is a problem of
    that file, not a failure of the review."""
    items = tree_files(root, commit, BRIEFINGS)
    problems, wanted, folders = [], [], folders_of(items)
    seen: set[str] = set()
    for item in items:
        unusable = name_problems(item.path, folders, seen)
        seen.add(item.path)
        if unusable:
            problems += unusable
        elif item.mode not in PLAIN_MODES:
            why = LINK_WORDS if item.mode == "120000" else "is a submodule or another repository; commit plain files"
            problems.append(Problem(item.path, 1, 1, "(file)", why))
        elif item.size is not None and item.size > MAX_BYTES:
            problems += _written(into, item.path, None, MAX_BYTES + 1)
        else:
            wanted.append(item)
    for item, data in zip(wanted, blobs(root, [item.object_id for item in wanted]), strict=True):
        problems += _written(into, item.path, data, len(data))
    return problems


def folders_of(items: list[TreeFile]) -> set[str]:
    """Every folder that holds one of the files, as a path ('briefings/2026', 'briefings/2026/01')."""
    folders: set[str] = set()
    for item in items:
        parts = item.path.split("/")
        folders.update("/".join(parts[:end]) for end in range(1, min(len(parts), MAX_FOLDER_DEPTH + 3)))
    return folders


def name_problems(path: str, folders: set[str], seen: set[str]) -> list[Problem]:
    """Why no checkout can hold the file at `path` as it is named, with the validator's own
    file-name problems for an entry's name; [] when it can."""
    parts = path.split("/")
    if not all(_SAFE_PART.fullmatch(part) and part not in (".", "..") for part in parts):
        return [Problem(path, 1, 1, "(file)", "is not a usable file name")]
    if len(parts) > MAX_FOLDER_DEPTH + 2:  # as the walk over a working tree says it
        return [too_deep("/".join(parts[:MAX_FOLDER_DEPTH + 2]))]
    too_long = [part for part in parts if len(os.fsencode(part)) > NAME_BYTES]
    if too_long:
        what = "the file name" if too_long[-1] is parts[-1] else f"the folder name {quoted(too_long[-1])}"
        why = (f"{what} is {len(os.fsencode(too_long[-1]))} bytes long; a file system holds names of at most "
               f"{NAME_BYTES} bytes, so no checkout can hold this file: shorten it")
        return [Problem(path, 1, 1, "(file)", why), *entry_name_problems(path)]
    if path in folders:
        why = "is a file and also a folder of this revision; a checkout holds only one of them: rename one"
        return [Problem(path, 1, 1, "(file)", why)]
    if path in seen:
        why = "is in this revision twice; a checkout holds only one of them: remove one"
        return [Problem(path, 1, 1, "(file)", why)]
    return []


def entry_name_problems(path: str) -> list[Problem]:
    """The problems `make validate` finds in an entry file's name (without reading the file)."""
    if not ENTRY_PATH.fullmatch(path[len(BRIEFINGS) + 1:]):
        return []
    return check_entry_path(path, Node("map", 1, 1, {}))


def _written(into: Path, path: str, data: bytes | None, size: int) -> list[Problem]:
    """A file of the revision written under `into`; without data, an empty one of `size` bytes (the
    loader only needs to see that it is too large). A path the file system refuses (too long in
    all, a name it cannot hold) is a problem of that file; the scratch folder failing (full, not
    writable) is the review's own failure, and is raised."""
    target = into / path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as file:
            if data is None:
                file.truncate(size)
            else:
                file.write(data)
    except OSError as error:
        if error.errno not in REFUSED_NAMES:
            raise
        return [Problem(path, 1, 1, "(file)", f"cannot be written out under this name ({error.strerror}), "
                        "nor checked out: shorten or rename it")]
    return []


def page_files(root: Path, commit: str | None, docs: str = "docs") -> list[str]:
    """The hand-written pages (Markdown files under docs/, relative to it) of a commit, or of the
    working tree when `commit` is None."""
    if commit is None:
        names = [shown[len(docs) + 1:] for shown in walk(os.fspath(root / docs), docs)[0]]
    else:
        names = [item.path[len(docs) + 1:] for item in tree_files(root, commit, docs) if item.mode in PLAIN_MODES]
    return sorted(name for name in names if name.endswith(".md"))

