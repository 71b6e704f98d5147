"""Which files under briefings/ are entries, which are registries, and which are neither.

Symbolic links are refused wherever they are (a link can point anywhere on the machine, and
what it points to would be published), and so is anything that is not a plain file or folder.
They are reported by name, never followed and never read. A folder that cannot be listed is
reported too: its files would otherwise be left out without a word.
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


def entry_files(root: str) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(path, display path) of every entry file, in path order, and a problem for any file that
    would be ignored, linked or special. Plain strings, not Path objects: there are many."""
    folder = os.path.join(root, BRIEFINGS)
    found, problems = _walk(folder, BRIEFINGS)
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
    return _walk(os.fspath(folder), display)[1]


def _walk(folder: str, display: str) -> tuple[list[str], list[Problem]]:
    """Display paths of the plain files under `folder`, and a problem for every link or special
    file (the folder itself included) and every folder that cannot be listed: its files would
    otherwise be left out without a word. Links to folders are not entered. A folder at a time,
    from a list of those still to list: a tree of any depth is walked without recursion."""
    if os.path.islink(folder):
        return [], [Problem(display, 1, 1, "(file)", LINK_WORDS)]
    files: list[str] = []
    problems: list[Problem] = []
    to_list = [(folder, display)]
    while to_list:
        here, shown_here = to_list.pop()
        try:
            with os.scandir(here) as scan:
                items = list(scan)
        except OSError as error:
            if here != folder or not isinstance(error, FileNotFoundError):  # no folder at all: no files
                problems.append(_unlistable(shown_here, error))
            continue
        for item in items:
            shown = f"{shown_here}/{item.name}"
            if item.is_symlink():
                problems.append(Problem(shown, 1, 1, "(file)", LINK_WORDS))
            elif item.is_dir():
                to_list.append((item.path, shown))
            elif item.is_file():
                files.append(shown)
            else:
                problems.append(Problem(shown, 1, 1, "(file)", SPECIAL_WORDS))
    return files, problems


def _unlistable(display: str, error: OSError) -> Problem:
    """A folder that cannot be listed (no permission; gone since its parent was listed)."""
    return Problem(display, 1, 1, "(file)", f"cannot be read ({error.strerror or type(error).__name__}); "
                   "the files in this folder were not checked: let this user list it, or remove it")
