"""Named pipes where the check cache keeps its files (issue 22, class 8): each is no cache, never
a wait. Every file the checks open goes through yamlsafe.read_bytes, which refuses anything but
a regular file before reading a byte. Each run is guarded by an alarm, so a hang fails loudly."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from test_fuzz import guarded

from briefing.cli import validate
from briefing.read.cache import CheckedFiles
from briefing.read.cache_file import CODE_FINGERPRINT
from briefing.read.cache_key import key_path
from briefing.read.load import check_site


@pytest.fixture(autouse=True)
def cache_on(monkeypatch):
    monkeypatch.delenv("BRIEFING_CACHE", raising=False)


def cache_file(repo: Path) -> Path:
    return repo / ".cache" / "briefing" / f"checked-{CODE_FINGERPRINT}.json"


def pipe_at(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


def read_afresh(repo: Path) -> list[str]:
    """One process's run: the entry files it had to read and check."""
    remembered = CheckedFiles()
    with guarded():
        check_site(repo, remembered=remembered)
    return remembered.read_in_last_run


def test_a_pipe_as_the_cache_file_is_no_cache_and_is_replaced(toy_repo: Path) -> None:
    pipe_at(cache_file(toy_repo))
    assert len(read_afresh(toy_repo)) == 2  # no cache: both entries read
    assert cache_file(toy_repo).is_file()  # the run's cache took the pipe's place
    assert read_afresh(toy_repo) == []


@pytest.mark.parametrize("folder", [".cache", ".cache/briefing"])
def test_a_pipe_as_the_cache_folder_is_no_cache(folder: str, toy_repo: Path) -> None:
    pipe_at(toy_repo / folder)
    assert len(read_afresh(toy_repo)) == 2
    assert len(read_afresh(toy_repo)) == 2  # nothing could be kept, and nothing waited


def test_a_pipe_as_the_key_is_said_once_and_is_no_cache(toy_repo: Path, caplog) -> None:
    key = key_path()
    assert key is not None
    key.parent.mkdir(parents=True, exist_ok=True)
    key.unlink(missing_ok=True)
    os.mkfifo(key)
    try:
        with caplog.at_level(logging.WARNING, logger="briefing.cache"):
            assert len(read_afresh(toy_repo)) == 2
        assert caplog.messages == [f"{key} is not a regular file; the check cache is not kept until it is removed"]
        assert len(read_afresh(toy_repo)) == 2  # a key of the process's own: its cache is never believed
    finally:
        key.unlink()


def test_a_link_as_the_key_is_not_followed(toy_repo: Path, tmp_path: Path, caplog) -> None:
    key = key_path()
    assert key is not None
    key.parent.mkdir(parents=True, exist_ok=True)
    key.unlink(missing_ok=True)
    pipe_at(tmp_path / "elsewhere")
    key.symlink_to(tmp_path / "elsewhere")
    try:
        with caplog.at_level(logging.WARNING, logger="briefing.cache"):
            assert len(read_afresh(toy_repo)) == 2
        assert caplog.messages == [f"{key} is not a regular file; the check cache is not kept until it is removed"]
    finally:
        key.unlink()


def test_validate_with_pipes_in_every_cache_place_says_ok(toy_repo: Path, capsys) -> None:
    pipe_at(cache_file(toy_repo))
    pipe_at(toy_repo / ".cache" / "briefing" / f"checked-{'0' * 24}.json")  # another code's cache
    with guarded():
        assert validate(toy_repo) == 0
    assert capsys.readouterr().out == "OK: 2 entries, 3 topics, 2 actors, 1 figures.\n"


def test_a_key_of_other_bytes_is_said_once(toy_repo: Path, caplog) -> None:
    key = key_path()
    assert key is not None
    key.parent.mkdir(parents=True, exist_ok=True)
    key.write_text("not hex\n")
    try:
        with caplog.at_level(logging.WARNING, logger="briefing.cache"):
            assert len(read_afresh(toy_repo)) == 2
        assert caplog.messages == [f"{key} is not a key; the check cache is not kept until it is removed"]
    finally:
        key.unlink()
