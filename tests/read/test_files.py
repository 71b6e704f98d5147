"""Finding the briefing files, and reading one: links and special files are refused by name."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.format.problems import Problem
from briefing.format.spec import BRIEFINGS, REGISTRIES
from briefing.read.files import ENTRY_PATH, MAX_FOLDER_DEPTH, SPECIAL_WORDS, entry_files
from briefing.read.yamlsafe import LINK_WORDS, MAX_BYTES, read_bytes

from conftest import deep_tree

ENTRY = "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
OTHER = "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"


def found_entry_files(root: Path) -> tuple[list[Path], list]:
    files, problems = entry_files(str(root))
    return [Path(path) for path, _ in files], problems


def old_find_entry_files(root: Path) -> tuple[list[Path], list]:
    """Finding entry files as it was, with pathlib: the behaviour the faster one keeps."""
    folder, names, entries, problems = root / BRIEFINGS, {registry.name for registry in REGISTRIES}, [], []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if relative in names or path.name.startswith("."):
            continue
        if ENTRY_PATH.fullmatch(relative):
            entries.append(path)
        else:
            problems.append(Problem(f"{BRIEFINGS}/{relative}", 1, 1, "(file)",
                                    "not an entry file; entries live at briefings/YYYY/MM/YYYY-MM-DD-<id>.yaml"))
    return entries, problems


def test_finding_entry_files_is_unchanged(toy_repo: Path, tmp_path: Path):
    folder = toy_repo / "briefings"
    for name in ["2026/01-x/2026-01-01-a.yaml", "2026/01/.hidden.yaml", "2026/.dir/2026-01-01-b.yaml",
                 "2026/02/2026-02-01-c.yaml", "2026/01/notes.txt", "README.md", "2025/12/2025-12-31-d.yaml"]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x: 1\n")
    assert found_entry_files(toy_repo) == old_find_entry_files(toy_repo)
    assert found_entry_files(tmp_path / "nowhere") == old_find_entry_files(tmp_path / "nowhere") == ([], [])


def test_links_and_special_files_are_named_never_followed(toy_repo: Path, tmp_path: Path):
    folder = toy_repo / "briefings"
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/2026-03-01-e.yaml").write_text("title: from outside the repository\n")
    (folder / "2026/03").symlink_to(tmp_path / "outside")       # a linked folder
    (folder / "2026/01/2026-01-20-f.yaml").symlink_to(folder / ENTRY[len("briefings/"):])
    (folder / "2026/01/2026-01-21-g.yaml").symlink_to(tmp_path / "missing")  # a broken link
    os.mkfifo(folder / "2026/01/2026-01-22-h.yaml")
    files, problems = entry_files(str(toy_repo))
    assert [display for _, display in files] == [ENTRY, OTHER]
    assert sorted(str(problem) for problem in problems) == [
        f"briefings/2026/01/2026-01-2{n}-{x}.yaml:1:1: (file): {words}" for n, x, words in [
            (0, "f", LINK_WORDS), (1, "g", LINK_WORDS), (2, "h", SPECIAL_WORDS)]] + [
        f"briefings/2026/03:1:1: (file): {LINK_WORDS}"]


@pytest.mark.parametrize("size", [0, 1, 4096, MAX_BYTES - 1, MAX_BYTES, MAX_BYTES + 1, 3 * MAX_BYTES])
def test_read_bytes_reads_a_file_whole_up_to_one_byte_past_the_cap(tmp_path: Path, size: int):
    path, data = tmp_path / "f.yaml", os.urandom(size)
    path.write_bytes(data)
    assert read_bytes(path) == data[:MAX_BYTES + 1]


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"),
                                   FileNotFoundError(2, "No such file or directory")], ids=["denied", "vanished"])
def test_a_folder_that_cannot_be_listed_is_a_problem_not_a_silence(toy_repo: Path, monkeypatch, error: OSError):
    """Its entries would otherwise drop out of the site without a word (root runs the tests, so
    the folder is refused by a stand-in for os.scandir rather than by its permissions)."""
    (toy_repo / "briefings/2026/02").mkdir()
    (toy_repo / "briefings/2026/02/2026-02-01-x.yaml").write_text("title: x\n")
    scandir = os.scandir

    def refusing(path):
        if str(path).endswith("2026/02"):
            raise error
        return scandir(path)
    monkeypatch.setattr(os, "scandir", refusing)
    files, problems = entry_files(str(toy_repo))
    assert [display for _, display in files] == [ENTRY, OTHER]
    assert [str(problem) for problem in problems] == [
        f"briefings/2026/02:1:1: (file): cannot be read ({error.strerror}); the files in this folder were "
        "not checked: let this user list it, or remove it"]
    assert found_entry_files(toy_repo.parent / "nowhere") == ([], [])  # no folder at all: nothing to list


@pytest.fixture
def deep_briefings(tmp_path: Path):
    """briefings/d/d/.../d/notes.txt, a thousand folders deep (Python's recursion limit is a
    thousand calls)."""
    root = tmp_path / "deep"
    os.makedirs(root / BRIEFINGS)
    return root, f"{BRIEFINGS}/{deep_tree(root / BRIEFINGS, 1000, 'notes.txt')}"


def test_a_folder_tree_of_any_depth_is_walked_to_its_bound(deep_briefings):
    root, _ = deep_briefings
    files, problems = entry_files(str(root))
    assert files == [] and [problem.path for problem in problems] == [f"{BRIEFINGS}/{'d/' * MAX_FOLDER_DEPTH}d"]
