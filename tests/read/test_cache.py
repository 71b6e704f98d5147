"""The read stage's caching policy (briefing/read/cache.py): what one run remembers for the next in
the same process, on what evidence. A file whose lstat cannot have changed is not read again, any
edit is still seen, and references are checked again whenever the registries are others."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.format.problems import Problem, ProblemsFound
from briefing.model.build import load_site
from briefing.read import cache, load, report
from briefing.read.cache import CheckedFiles
from briefing.read.entry_check import check_each, check_entry
from briefing.read.report import FileReport

ENTRY = "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"
OTHER = "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The entry files each run reads from disk (the registries are read every time)."""
    seen: list[str] = []
    read_bytes = report.read_bytes

    def read(path):
        if Path(path).parent.parent.name.isdigit():
            seen.append(Path(path).name)
        return read_bytes(path)
    monkeypatch.setattr(report, "read_bytes", read)  # the one reader of files (read_stamped, read_file)
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    return seen


def same_size_edit(repo: Path) -> Path:
    entry = repo / ENTRY
    entry.write_text(entry.read_text().replace("Oil shipments resume", "Oil shipments RESUME"))
    return entry


def test_files_that_cannot_have_changed_are_not_read_again_and_an_edit_of_the_same_size_is_seen(
        toy_repo: Path, opened: list[str], monkeypatch):
    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # as if every file had been written long ago
    checked = CheckedFiles()
    load_site(toy_repo, remembered=checked)
    assert len(opened) == 2
    opened.clear()
    load_site(toy_repo, remembered=checked)
    load_site(toy_repo, remembered=checked)
    assert opened == []
    time.sleep(0.05)  # past the file system clock's tick, so the change time moves
    entry = same_size_edit(toy_repo)
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


def test_an_edit_in_the_same_tick_as_the_read_is_seen(toy_repo: Path, opened: list[str], monkeypatch):
    """A file system whose clock ticks once a second: an edit of the same size in the second of the
    read leaves the lstat exactly as it was. The racy rule is all that stands between it and a stale page."""
    stat_key_of, tick_ns = report.stat_key_of, time.time_ns() // 10**9 * 10**9

    def coarse(path):
        key = stat_key_of(path)
        return None if key is None else (*key[:4], tick_ns, tick_ns)  # the times of this one tick
    monkeypatch.setattr(cache, "stat_key_of", coarse)
    monkeypatch.setattr(report, "stat_key_of", coarse)
    checked = CheckedFiles()
    load_site(toy_repo, remembered=checked)
    before = coarse(toy_repo / ENTRY)
    entry = same_size_edit(toy_repo)
    assert coarse(entry) == before
    opened.clear()
    site = load_site(toy_repo, remembered=checked)
    assert entry.name in opened
    assert any(e.title.startswith("Oil shipments RESUME") for e in site.entries)


def test_a_file_no_run_has_seen_is_read_where_it_is_checked_and_one_the_cache_knows_is_read_first(
        toy_repo: Path, monkeypatch):
    """Cold, nothing can vouch for any bytes of a path: the checker (a pool's worker) is sent the
    path alone and reads it. A path the disk cache holds is read first, to find its record by digest."""
    monkeypatch.setenv("BRIEFING_CACHE", "on")
    sent: list[list[tuple[str, bool]]] = []

    def spy(files, inputs):
        sent.append([(display, data is not None) for _path, display, data in files])
        return check_each(files, inputs)
    cold = CheckedFiles()
    cold.check_files = spy
    first = load_site(toy_repo, remembered=cold)
    same_size_edit(toy_repo)
    warm = CheckedFiles()  # a new process: only the disk cache vouches
    warm.check_files = spy
    load_site(toy_repo, remembered=warm)
    assert sent == [[(OTHER, False), (ENTRY, False)], [(ENTRY, True)]]
    assert warm.read_in_last_run == [ENTRY] and cold.read_in_last_run == [OTHER, ENTRY]
    assert load_site(toy_repo, remembered=cold).entries != first.entries  # the edit is seen


@pytest.fixture
def references_checked(monkeypatch) -> list[list[str]]:
    """The files whose references each run checks against the registries."""
    runs: list[list[str]] = []
    check_references = load.check_references

    def spy(reports, known):
        runs.append(sorted(report.path for report in reports))
        return check_references(reports, known)
    monkeypatch.setattr(load, "check_references", spy)
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    return runs


def test_references_are_checked_again_for_changed_files_and_changed_registries(
        toy_repo: Path, references_checked: list[list[str]]):
    checked = CheckedFiles()
    load_site(toy_repo, remembered=checked)
    load_site(toy_repo, remembered=checked)
    same_size_edit(toy_repo)
    load_site(toy_repo, remembered=checked)
    actors = toy_repo / "briefings/actors.yaml"
    actors.write_text(actors.read_text() + "someone-new:\n  name: Someone new\n  kind: person\n")
    load_site(toy_repo, remembered=checked)
    assert references_checked == [[OTHER, ENTRY], [], [ENTRY], [OTHER, ENTRY]]


def test_a_reference_the_registries_no_longer_resolve_is_reported(toy_repo: Path, references_checked):
    """Found good against yesterday's registries is not good against today's."""
    checked = CheckedFiles()
    load_site(toy_repo, remembered=checked)
    actors = toy_repo / "briefings/actors.yaml"
    actors.write_text(actors.read_text().replace("human-rights-groups:", "rights-groups:"))
    with pytest.raises(ProblemsFound) as found:
        load_site(toy_repo, remembered=checked)
    assert {(problem.path, problem.field) for problem in found.value.problems} == {
        (OTHER, "actors[1]"), (OTHER, "claims[1].by")}


def test_verified_references_are_keyed_by_path_digest_and_registry_ids():
    checked, known = CheckedFiles(), {"actor": {"a"}, "topic": None}
    one, two = FileReport("one.yaml", digest=b"1"), FileReport("two.yaml", digest=b"2")
    assert checked.references.to_check([one, two], known) == [one, two]
    checked.references.checked([one, two], [Problem("two.yaml", 1, 1, "actors[0]", "unknown actor")])
    same_bytes = FileReport("one.yaml", digest=b"1")  # another report of the same bytes
    assert checked.references.to_check([same_bytes, two], {"actor": {"a"}, "topic": None}) == [two]
    assert checked.references.to_check([FileReport("one.yaml", digest=b"9")], known) != []  # other bytes
    checked.references.checked([one], [])
    assert checked.references.to_check([one], {"actor": {"a", "b"}, "topic": None}) == [one]  # other ids


def test_a_file_that_passed_alone_keeps_no_node_tree_and_one_with_problems_keeps_its_own(toy_repo: Path):
    """What a run remembers of a good file is its values and references, not its YAML node tree
    (a build holds every report; at 10,000 entries the trees are over 100 MiB)."""
    good = check_entry(toy_repo / ENTRY, ENTRY)
    assert good.passed_alone and good.root is None
    assert good.refs and all(kind != "source" for kind, *_ in good.refs)  # its sources resolved here
    (toy_repo / OTHER).write_text((toy_repo / OTHER).read_text().replace("date: 2026-01-13", "date: 2026-01-12"))
    bad = check_entry(toy_repo / OTHER, OTHER)
    assert bad.problems and bad.root is not None  # load.py names its unknown sources from it


def test_what_a_run_remembers_is_let_go_when_asked(toy_repo: Path, opened: list[str], monkeypatch):
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    checked = CheckedFiles()
    load_site(toy_repo, remembered=checked)
    checked.forget()
    opened.clear()
    load_site(toy_repo, remembered=checked)
    assert len(opened) == 2  # nothing vouches for them now: read and checked again
