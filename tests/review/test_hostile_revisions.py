"""Revisions git can hold and no checkout can: names longer than a file system takes, a file and
a folder of one name, a path twice; and revisions whose problems would make a digest larger than
GitHub shows. Each gives a digest that says so, with the exit status CI reads: 1 only when the
later revision has problems, 2 when no digest could be made.

The commits are made with git's plumbing (`mktree`, `commit-tree`) from the toy site's files, so
no working tree ever holds them."""
from __future__ import annotations

import errno
import re
import subprocess
from pathlib import Path

import pytest

from briefing import cli
from briefing.render.changes import Record
from briefing.review import revisions
from briefing.review.bounds import DIGEST_BYTES, bounded
from briefing.review.digest import Digest, render, review
from briefing.review.snapshot import Snapshot

from conftest import REPO, deep_tree

TOY = REPO / "tests/fixtures/toy"
ENTRY = "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"
INVALID_ID = ("is not a valid id; use lowercase letters, digits and single hyphens, starting with a letter, "
              "at most 80 characters")
HEADING = "## What this change does to the site\n\nCompared: `base` (before) with `head` (after).\n"


def git(repo: Path, *args: str, data: bytes | None = None) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], input=data, check=True, capture_output=True).stdout.decode()


def toy_files() -> list[tuple[str, bytes]]:
    return sorted((path.relative_to(TOY).as_posix(), path.read_bytes()) for path in TOY.rglob("*") if path.is_file())


def tree(repo: Path, files: list[tuple[str, bytes]]) -> str:
    """A git tree of `files` (path, contents) exactly as given, names and clashes included."""
    here: list[bytes] = []
    below: dict[str, list] = {}
    for path, data in files:
        name, _, rest = path.partition("/")
        if rest:
            below.setdefault(name, []).append((rest, data))
        else:
            blob = git(repo, "hash-object", "-w", "--stdin", data=data).strip()
            here.append(f"100644 blob {blob}\t{name}".encode())
    for name, inner in below.items():
        here.append(f"040000 tree {tree(repo, inner)}\t{name}".encode())
    return git(repo, "mktree", "-z", data=b"".join(line + b"\0" for line in here)).strip()


def branch(repo: Path, name: str, files: list[tuple[str, bytes]]) -> None:
    commit = git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.org",
                 "commit-tree", tree(repo, files), "-m", name).strip()
    git(repo, "update-ref", f"refs/heads/{name}", commit)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    git(tmp_path, "init", "-q", "-b", "base", str(repo))
    branch(repo, "base", toy_files())
    return repo


def problems_of(text: str, name: str) -> list[str]:
    """The lines of the code block under '### Problems in NAME'."""
    return text.split(f"### Problems in {name}\n", 1)[1].split("```text\n", 1)[1].split("\n```", 1)[0].splitlines()


ENTRY_YAML = (TOY / ENTRY).read_bytes()
A_FILE = b"title: a file\n"


# Names longer than a file system holds.

def test_a_name_of_255_bytes_is_checked_as_validate_checks_it(repo: Path):
    path = f"briefings/2026/01/2026-01-15-{'a' * 239}.yaml"
    assert len(path.rsplit("/", 1)[1].encode()) == 255
    branch(repo, "head", [*toy_files(), (path, ENTRY_YAML)])
    text, status = review(repo, "base", "head")
    assert status == 1
    assert problems_of(text, "head") == [
        f"{path}:1:1: (file): the id in the file name: '{'a' * 60}...' {INVALID_ID}",
        f"{path}:2:7: date: is 2026-01-14 but the file name says 2026-01-15; rename the file or fix the date"]


def test_a_name_of_300_bytes_is_a_problem_of_that_file_and_the_rest_is_still_checked(repo: Path):
    path = f"briefings/2026/01/2026-01-15-{'a' * 284}.yaml"
    assert len(path.rsplit("/", 1)[1].encode()) == 300
    broken = ENTRY_YAML.replace(b"title:", b"titel:", 1)
    branch(repo, "head", [*toy_files(), (path, ENTRY_YAML), ("briefings/2026/01/2026-01-16-other.yaml", broken)])
    text, status = review(repo, "base", "head")
    assert status == 1
    lines = problems_of(text, "head")
    assert lines[:2] == [
        f"{path}:1:1: (file): the file name is 300 bytes long; a file system holds names of at most 255 bytes, "
        "so no checkout can hold this file: shorten it",
        f"{path}:1:1: (file): the id in the file name: '{'a' * 60}...' {INVALID_ID}"]
    assert lines[2].startswith("briefings/2026/01/2026-01-16-other.yaml:1:1: titel: unknown field 'titel'")


def test_multi_byte_names_are_measured_in_bytes(repo: Path):
    folder = "é" * 150  # 150 characters, 300 bytes
    fits = f"briefings/2026/01/2026-01-15-{'ñ' * 119}.yaml"  # 254 bytes: written, then checked
    branch(repo, "head", [*toy_files(), (f"briefings/2026/{folder}/x.yaml", A_FILE), (fits, ENTRY_YAML)])
    lines = problems_of(review(repo, "base", "head")[0], "head")
    assert f"briefings/2026/{folder}/x.yaml:1:1: (file): the folder name '{'é' * 60}...' is 300 bytes long; " \
           "a file system holds names of at most 255 bytes, so no checkout can hold this file: shorten it" in lines
    assert f"{fits}:1:1: (file): the id in the file name: '{'ñ' * 60}...' {INVALID_ID}" in lines


def test_a_long_name_in_the_base_only_leaves_the_status_at_0(repo: Path):
    path = f"briefings/2026/01/{'b' * 256}.yaml"
    branch(repo, "base", [*toy_files(), (path, A_FILE)])
    branch(repo, "head", toy_files())
    text, status = review(repo, "base", "head")
    assert status == 0
    assert problems_of(text, "base") == [
        f"{path}:1:1: (file): file name must be YYYY-MM-DD-<id>.yaml",
        f"{path}:1:1: (file): the file name is 261 bytes long; a file system holds names of at most 255 bytes, "
        "so no checkout can hold this file: shorten it"]
    assert "### Problems in head" not in text and "Nothing else can be compared until both revisions validate." in text


def test_the_command_gives_the_digest_and_status_1_for_a_long_name(repo: Path, capsys):
    branch(repo, "head", [*toy_files(), (f"briefings/2026/01/{'c' * 300}.yaml", A_FILE)])
    assert cli.main(["--root", str(repo), "review", "--", "base", "head"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith(HEADING) and "is 305 bytes long" in out and err == ""


# A file and a folder of one name; a path twice.

CLASH = ("is a file and also a folder of this revision; a checkout holds only one of them: rename one")


def test_a_file_and_a_folder_of_one_name_in_the_head(repo: Path):
    path = "briefings/2026/01/clash.yaml"
    branch(repo, "head", [*toy_files(), (path, A_FILE), (f"{path}/inner.yaml", A_FILE)])
    text, status = review(repo, "base", "head")
    assert status == 1
    assert problems_of(text, "head") == [
        f"{path}:1:1: (file): {CLASH}",
        f"{path}/inner.yaml:1:1: (file): not an entry file; entries live at briefings/YYYY/MM/YYYY-MM-DD-<id>.yaml"]


def test_a_month_folder_that_is_also_a_file_in_the_base_only(repo: Path):
    branch(repo, "base", [*toy_files(), ("briefings/2026/01", A_FILE)])
    branch(repo, "head", toy_files())
    text, status = review(repo, "base", "head")
    assert status == 0
    assert problems_of(text, "base") == [f"briefings/2026/01:1:1: (file): {CLASH}"]


def test_clashes_in_both_revisions_and_a_path_twice(repo: Path):
    clash = [("briefings/2026", A_FILE)]
    branch(repo, "base", [*toy_files(), *clash])
    branch(repo, "head", [*toy_files(), *clash, (ENTRY, ENTRY_YAML)])  # the entry twice
    text, status = review(repo, "base", "head")
    assert status == 1
    assert problems_of(text, "base") == [f"briefings/2026:1:1: (file): {CLASH}"]
    assert problems_of(text, "head") == [
        f"briefings/2026:1:1: (file): {CLASH}",
        f"{ENTRY}:1:1: (file): is in this revision twice; a checkout holds only one of them: remove one"]


# Digests GitHub would refuse.

def test_25000_unknown_fields_give_a_bounded_digest(repo: Path):
    fields = "".join(f"k{i}: 1\n" for i in range(25000)).encode()
    branch(repo, "head", [*[(p, d + fields if p == ENTRY else d) for p, d in toy_files()]])
    text, status = review(repo, "base", "head")
    assert status == 1 and len(text.encode()) < 8 * 1024
    assert "head does not validate: 25000 problems, as `make validate` prints them (20 shown: at most 20 of a " \
           "file, 200 in all):" in text
    lines = problems_of(text, "head")
    assert len(lines) == 20 and lines[0].startswith(f"{ENTRY}:13:1: k0: unknown field 'k0'; known fields: ")
    assert text.endswith("```\n\n… and 24980 more, not shown here: `make validate` lists them all, in a checkout "
                         "of `head`.\n\nNothing else can be compared until both revisions validate.\n")


def test_many_files_with_problems_show_200_lines_and_say_how_many_more(repo: Path):
    broken = [(f"briefings/2026/02/2026-02-{day:02d}-entry-{i}.yaml", b"titel: x\nsummry: y\ndate: 2026-02-01\n")
              for i in range(150) for day in [1 + i % 28]]
    branch(repo, "head", [*toy_files(), *broken])
    text, _ = review(repo, "base", "head")
    lines = problems_of(text, "head")
    total = int(text.split("head does not validate: ", 1)[1].split(" ", 1)[0])
    assert len(lines) == 200 and total > 600
    assert f"… and {total - 200} more, not shown here: `make validate` lists them all, in a checkout of `head`." in text


def test_an_enormous_field_name_is_cut_in_its_line(repo: Path):
    key = "k" * 200_000
    branch(repo, "head", [*[(p, d + f"? {key}\n: 1\n".encode() if p == ENTRY else d) for p, d in toy_files()]])
    text, _ = review(repo, "base", "head")
    line, = problems_of(text, "head")
    assert len(line) == 1000 and line == f"{ENTRY}:13:3: {key}"[:999] + "…"
    assert len(text.encode()) < 8 * 1024


def test_a_change_too_long_to_show_is_cut_at_a_line_and_says_so():
    snapshot = Snapshot("base", None, (), frozenset(), ())
    titles = [Record("entry", f"e{i}", f"Title {i} " + "t" * 5000, f"briefings/2026/01/2026-01-14-e{i}.yaml")
              for i in range(200)]
    found = Digest(snapshot, Snapshot("head", None, (), frozenset(), ()), True,
                   {"added": titles, "removed": [], "changed": []}, {}, [], [], {"added": [], "removed": []},
                   {"added": 0, "removed": 0})
    text = render(found)
    assert len(text.encode()) <= DIGEST_BYTES and text.startswith(HEADING + "\n### Entries\n\n- Added: Title 0 ")
    last, note = text.splitlines()[-3], text.splitlines()[-1]
    assert re.fullmatch(r"- Added: Title (\d+) t{5000} \(`briefings/2026/01/2026-01-14-e\1\.yaml`\)", last)
    assert note == ("… The digest stops here: the rest would take it past what GitHub shows on a run's summary. "
                    "`git diff --stat base head -- briefings/` lists every file the change touches.")


def test_a_cut_inside_a_code_block_closes_it():
    block = "## Title\n\n````text\n" + "a line of a problem ``` with backticks\n" * 20000 + "````\n\nafter\n"
    text = bounded(block, "The note.")
    assert len(text.encode()) <= DIGEST_BYTES < len(block.encode())
    assert text.endswith("a line of a problem ``` with backticks\n````\n\nThe note.\n")
    assert bounded("small\n", "The note.") == "small\n"


def test_a_failure_of_the_review_itself_is_status_2_in_one_line(repo: Path, monkeypatch, capsys):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(revisions, "open", full, raising=False)  # the scratch folder is full
    assert cli.main(["--root", str(repo), "review", "--", "base", "base"]) == 2
    out, err = capsys.readouterr()
    assert err == "briefing review: the review failed: OSError: [Errno 28] No space left on device\n"
    assert out == ("## What this change does to the site\n\n"
                   "No digest could be made: `the review failed: OSError: [Errno 28] No space left on device`\n")


@pytest.mark.parametrize("epoch", ["abc", "99999999999999"])
def test_a_bad_source_date_epoch_is_the_runs_failure_not_a_revisions_problem(repo: Path, monkeypatch, capsys,
                                                                             epoch: str):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert cli.main(["--root", str(repo), "review", "--", "base", "base"]) == 2
    out, err = capsys.readouterr()
    assert err.startswith(f"briefing review: the environment: SOURCE_DATE_EPOCH: '{epoch}' is ")
    assert out.startswith("## What this change does to the site\n\nNo digest could be made: ")


def test_a_deep_folder_of_pages_in_the_working_tree_is_listed_to_its_bound_without_recursion(tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "index.md").write_text("# Home\n")
    deep_tree(folder, 1200, "page.md")  # deeper than Python's recursion limit
    # listed to the walk's bound (read/files.py), without recursing; `make validate` names the rest
    assert sorted(revisions.page_files(tmp_path, None)) == ["index.md"]
