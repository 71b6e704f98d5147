"""Deep and wide folder trees (issue 22, class 3): `validate`, a build and the review stop at the
walk's bounds (read/files.py) with one problem naming the folder, never a RecursionError, a
path too long for the system or a walk without end.

Trees thousands of folders deep are made and removed one folder at a time, through open folders
and renames: Path.mkdir(parents=True) and shutil.rmtree recurse, and a path 10,000 characters
long is refused by the system."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from test_fuzz import guarded

from briefing.cli import validate
from briefing.read import files
from briefing.read.files import MAX_FOLDER_DEPTH, entry_files
from briefing.review.digest import review

from conftest import deep_tree, mkdocs_build

DEEP = "briefings/" + "/".join(["d"] * (MAX_FOLDER_DEPTH + 1))  # the first folder too deep
TOO_DEEP = (f"{DEEP}:1:1: (file): is a folder more than {MAX_FOLDER_DEPTH} folders deep; "
            "what it holds was not checked: move its files up, or remove it")


@pytest.fixture(params=[1000, 5000])
def deep_repo(request, toy_repo: Path):
    deep_tree(toy_repo / "briefings", request.param, "x.yaml")
    return toy_repo


def test_validate_stops_at_the_deepest_folder_it_walks(deep_repo: Path, capsys) -> None:
    with guarded():
        assert validate(deep_repo) == 1
    assert capsys.readouterr().err.splitlines() == [TOO_DEEP, "1 problem(s) found."]


def test_a_build_stops_at_the_deepest_folder_it_walks(deep_repo: Path, tmp_path: Path) -> None:
    result = mkdocs_build(deep_repo / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 1
    assert f"ERROR   -  {TOO_DEEP}" in result.stderr.splitlines()
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr


def git(repo: Path, *args: str, data: str | None = None) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
                          input=data, check=True, capture_output=True, text=True).stdout.strip()


@pytest.mark.parametrize("depth", [MAX_FOLDER_DEPTH + 1, 1000, 5000])
def test_the_review_stops_at_the_deepest_folder_it_writes(toy_repo: Path, depth: int) -> None:
    """A commit can hold a path longer than the system takes: git's index is given it directly."""
    git(toy_repo, "init", "-q", "-b", "main")
    git(toy_repo, "add", "-A")
    git(toy_repo, "commit", "-q", "-m", "base")
    blob = git(toy_repo, "hash-object", "-w", "--stdin", data="title: deep\n")
    deep_file = "briefings/" + "d/" * depth + "2026-01-13-deep.yaml"
    git(toy_repo, "update-index", "--add", "--cacheinfo", f"100644,{blob},{deep_file}")
    git(toy_repo, "commit", "-q", "-m", "deep")
    with guarded():
        text, status = review(toy_repo, "HEAD~1", "HEAD")
    assert status == 1
    assert f"```text\n{TOO_DEEP}\n```" in text


def test_a_folder_at_the_deepest_level_is_walked(toy_repo: Path) -> None:
    """The bound is exact: a file in the deepest folder walked is found (and is not an entry)."""
    deepest = toy_repo / DEEP.rpartition("/")[0]
    deepest.mkdir(parents=True)
    (deepest / "x.yaml").write_text("a: 1\n")
    found, problems = entry_files(str(toy_repo))
    assert [problem.path for problem in problems] == [f"{DEEP.rpartition('/')[0]}/x.yaml"]
    assert len(found) == len(list((toy_repo / "briefings").glob("*/*/*.yaml")))


def test_a_wide_tree_stops_the_walk_in_one_problem(toy_repo: Path, monkeypatch) -> None:
    """Past MAX_WALKED files and folders (made small here) the walk stops where it is, once."""
    monkeypatch.setattr(files, "MAX_WALKED", 50)
    for i in range(60):
        (toy_repo / "briefings" / "wide" / f"f{i}").mkdir(parents=True)
    _, problems = entry_files(str(toy_repo))
    assert [str(problem) for problem in problems] == [
        "briefings/wide:1:1: (file): is where the walk stopped, past 50 files and folders; "
        "the rest were not checked: remove what is not a briefing file"]
