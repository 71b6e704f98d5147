"""What one run remembers for the next in the same process (briefing/read/remembered.py): a file
whose lstat cannot have changed is not read again, and any edit is still seen."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.model.build import load_site
from briefing.read import load, remembered
from briefing.read.load import CheckedFiles

ENTRY = "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The entry files each run reads from disk (the registries are read every time)."""
    seen: list[str] = []
    read_bytes = load.read_bytes

    def read(path):
        if Path(path).parent.parent.name.isdigit():
            seen.append(Path(path).name)
        return read_bytes(path)
    monkeypatch.setattr(load, "read_bytes", read)
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    return seen


def test_files_that_cannot_have_changed_are_not_read_again_and_an_edit_of_the_same_size_is_seen(
        toy_repo: Path, opened: list[str], monkeypatch):
    monkeypatch.setattr(remembered, "SETTLED_NS", 0)  # as if every file had been written long ago
    checked = CheckedFiles()
    load_site(toy_repo, remembered=checked)
    assert len(opened) == 2
    opened.clear()
    load_site(toy_repo, remembered=checked)
    load_site(toy_repo, remembered=checked)
    assert opened == []
    time.sleep(0.05)  # past the file system clock's tick, so the change time moves
    entry = toy_repo / ENTRY
    entry.write_text(entry.read_text().replace("Oil shipments resume", "Oil shipments RESUME"))
    site = load_site(toy_repo, remembered=checked)
    assert opened == [entry.name]
    assert any(e.title.startswith("Oil shipments RESUME") for e in site.entries)


def test_a_file_changed_just_before_it_was_read_is_read_again_every_run(toy_repo: Path, opened: list[str]):
    """A write in the same tick of the file system's clock as the read would leave the lstat as it was."""
    entry = toy_repo / ENTRY
    entry.write_text(entry.read_text())
    checked = CheckedFiles()
    load_site(toy_repo, remembered=checked)
    opened.clear()
    load_site(toy_repo, remembered=checked)
    assert entry.name in opened
