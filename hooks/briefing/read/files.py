"""Which files under briefings/ are entries, which are registries, and which are neither."""
from __future__ import annotations

import os
import re

from ..format.problems import Problem
from ..format.spec import BRIEFINGS, ENTRY_FILE, REGISTRIES

ENTRY_PATH = re.compile(r"^\d{4}/\d{2}/[^/]+\.yaml$")  # inside briefings/; the name is checked later


def entry_files(root: str) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(path, display path) of every entry file, in path order, and a problem for any file that
    would be ignored. Plain strings, not Path objects: there are many."""
    folder = os.path.join(root, BRIEFINGS)
    registry_names = {registry.name for registry in REGISTRIES}
    entries, problems = [], []
    for relative in sorted(_files_under(folder), key=lambda relative: relative.split("/")):
        if relative in registry_names or relative.rpartition("/")[2].startswith("."):
            continue
        if ENTRY_PATH.match(relative):
            entries.append((os.path.join(folder, relative), f"{BRIEFINGS}/{relative}"))
        else:
            problems.append(Problem(f"{BRIEFINGS}/{relative}", 1, 1, "(file)",
                                    f"not an entry file; entries live at {BRIEFINGS}/YYYY/MM/{ENTRY_FILE}"))
    return entries, problems


def _files_under(folder: str, prefix: str = "") -> list[str]:
    """Paths relative to `folder` of the files under it; like Path.rglob, links to folders are not entered."""
    try:
        scan = os.scandir(folder)
    except OSError:
        return []
    found = []
    with scan:
        for item in scan:
            if item.is_dir():
                if not item.is_symlink():
                    found += _files_under(item.path, f"{prefix}{item.name}/")
            elif item.is_file():
                found.append(prefix + item.name)
    return found
