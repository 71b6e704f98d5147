"""check_entry_path splits a plain path as a string: it must give what PurePosixPath gives."""
from __future__ import annotations

import itertools
from pathlib import PurePosixPath

from briefing.read.checks import name_and_folders


def test_every_short_path_splits_as_pure_posix_path_does():
    for size in range(7):
        for letters in itertools.product("a/.", repeat=size):
            path = "".join(letters)
            parsed = PurePosixPath(path)
            assert name_and_folders(path) == (parsed.name, parsed.parent.parts[-2:]), path


def test_a_walked_path():
    assert name_and_folders("briefings/2026/01/2026-01-13-x.yaml") == ("2026-01-13-x.yaml", ("2026", "01"))
