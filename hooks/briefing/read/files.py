"""Which files under briefings/ are entries, which are registries, and which are neither.

Symbolic links are refused wherever they are (a link can point anywhere on the machine, and
what it points to would be published), and so is anything that is not a plain file or folder.
They are reported by name, never followed and never read. A folder that cannot be listed is
reported too: its files would otherwise be left out without a word.

Every walk is bounded, here and nowhere else: a tree deeper than MAX_FOLDER_DEPTH or holding more
than MAX_WALKED files and folders is not walked further, and the folder where it stopped is named
in one problem. Entries need two folders (YYYY/MM); without a bound a tree thousands of folders
deep gives paths longer than the system takes, and millions of empty folders a walk of minutes.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..format.problems import Problem
from ..format.spec import BRIEFINGS, ENTRY_FILE, REGISTRIES
from .yamlsafe import LINK_WORDS

ENTRY_PATH = re.compile(r"\d{4}/\d{2}/[^/]+\.yaml")  # inside briefings/ (fullmatch); the name is checked later
SPECIAL_WORDS = "is not a plain file or folder (a device, pipe or socket); remove it"
MAX_FOLDER_DEPTH = 16  # folders below briefings/ or docs/ (entries need two)
MAX_WALKED = 200_000  # files and folders one walk visits: twenty times the largest site planned


def entry_files(root: str) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(path, display path) of every entry file, in path order, and a problem for any file that
    would be ignored, linked or special. Plain strings, not Path objects: there are many."""
    folder = os.path.join(root, BRIEFINGS)
    found, problems = walk(folder, BRIEFINGS)
    registry_names = {f"{BRIEFINGS}/{registry.name}" for registry in REGISTRIES}
    entries = []
    for display in sorted(found, key=lambda display: display.split("/")):
        relative = display[len(BRIEFINGS) + 1:]
        if display in registry_names or relative.rpartition("/")[2].startswith("."):
            continue
        if ENTRY_PATH.fullmatch(relative):
            entries.append((os.path.join(root, display), display))
        else:
            problems.append(Problem(display, 1, 1, "(file)",
                                    f"not an entry file; entries live at {BRIEFINGS}/YYYY/MM/{ENTRY_FILE}"))
    return entries, problems


def unsafe_files(folder: Path, display: str) -> list[Problem]:
    """Links and special files under a folder of hand-written pages (docs/): the engine would
    otherwise publish what they point to."""
    return walk(os.fspath(folder), display)[1]


def walk(folder: str, display: str) -> tuple[list[str], list[Problem]]:
    """Display paths of the plain files under `folder`, and a problem for every link or special
    file (the folder itself included), every folder that cannot be listed (its files would
    otherwise be left out without a word) and where the walk's bounds stopped it. Links to
    folders are not entered. A folder at a time, from a list of those still to list: no recursion."""
    if os.path.islink(folder):
        return [], [Problem(display, 1, 1, "(file)", LINK_WORDS)]
    files: list[str] = []
    problems: list[Problem] = []
    to_list, visited = [(folder, display, 0)], 0
    while to_list:
        here, shown_here, depth = to_list.pop()
        items = _listed(here, shown_here, here == folder, problems)
        visited += len(items)
        if visited > MAX_WALKED:
            problems.append(Problem(shown_here, 1, 1, "(file)", f"is where the walk stopped, past {MAX_WALKED} "
                                    "files and folders; the rest were not checked: remove what is not a briefing file"))
            break
        for item in items:
            shown = f"{shown_here}/{item.name}"
            if item.is_symlink():
                problems.append(Problem(shown, 1, 1, "(file)", LINK_WORDS))
            elif item.is_dir() and depth >= MAX_FOLDER_DEPTH:
                problems.append(too_deep(shown))
            elif item.is_dir():
                to_list.append((item.path, shown, depth + 1))
            elif item.is_file():
                files.append(shown)
            else:
                problems.append(Problem(shown, 1, 1, "(file)", SPECIAL_WORDS))
    return files, problems


def too_deep(display: str) -> Problem:
    """A folder nested deeper than the walks go: what it holds is never read."""
    return Problem(display, 1, 1, "(file)", f"is a folder more than {MAX_FOLDER_DEPTH} folders deep; "
                   "what it holds was not checked: move its files up, or remove it")


def _listed(here: str, shown_here: str, is_top: bool, problems: list[Problem]) -> list[os.DirEntry]:
    """The items of one folder; none, and a problem, when it cannot be listed."""
    try:
        with os.scandir(here) as scan:
            return list(scan)
    except OSError as error:
        if not is_top or not isinstance(error, FileNotFoundError):  # no folder at all: no files
            problems.append(_unlistable(shown_here, error))
        return []


def _unlistable(display: str, error: OSError) -> Problem:
    """A folder that cannot be listed (no permission; gone since its parent was listed)."""
    return Problem(display, 1, 1, "(file)", f"cannot be read ({error.strerror or type(error).__name__}); "
                   "the files in this folder were not checked: let this user list it, or remove it")
