"""Loading the toy repository and the real one into the model."""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
from pathlib import Path

import pytest

from briefing.format.problems import ProblemsFound
from briefing.model.build import BuiltEntries, load_site
from briefing.read.cache import CheckedFiles

from conftest import REPO


def test_toy_site_model(toy_repo: Path):
    site = load_site(toy_repo)
    assert list(site.topics) == ["detentions", "oil-control", "diplomacy"]
    assert [entry.id for entry in site.entries] == ["oil-exports-resume", "assembly-says-400-freed"]
    newest, oldest = site.entries
    assert newest.date == dt.date(2026, 1, 14)  # quoted and unquoted dates both work
    assert newest.updated == dt.date(2026, 1, 15) and newest.status == "confirmed"
    assert oldest.status == "developing"
    more_than, range_claim = oldest.claims
    assert (more_than.low, more_than.high, more_than.is_range, more_than.qualifier) == (400, 400, False, "more-than")
    assert (range_claim.low, range_claim.high, range_claim.is_range) == (60, 70, True)
    assert range_claim.qualifier == "exactly" and range_claim.said_on == oldest.date


def test_all_problems_of_a_run_are_reported_together(toy_repo: Path):
    entry = toy_repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    entry.write_text(entry.read_text().replace("topics: [detentions]", "topics: [detention]")
                     .replace("by: jorge-rodriguez", "by: jorge"))
    (toy_repo / "briefings/figures.yaml").write_text("prisoners-released:\n  label: x\n")
    with pytest.raises(ProblemsFound) as found:
        load_site(toy_repo)
    assert [problem.field for problem in found.value.problems] == [
        "topics[0]", "claims[0].by", "prisoners-released.unit"]


def test_loading_never_writes(toy_repo: Path):
    def snapshot():
        return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in toy_repo.rglob("*")
                if p.is_file() and ".cache" not in p.parts}  # the check cache (read/cache_file.py) may be written
    before = snapshot()
    load_site(toy_repo)
    assert snapshot() == before


def test_a_number_past_pythons_integer_digit_limit_is_a_problem_not_a_crash(toy_repo: Path):
    entry = toy_repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    text = entry.read_text()
    assert "value: 400" in text
    entry.write_text(text.replace("value: 400", "value: " + "9" * 5000, 1))
    with pytest.raises(ProblemsFound) as found:
        load_site(toy_repo)
    assert next(p.message for p in found.value.problems).endswith("; at most 15 digits")


def test_the_real_site_loads():
    site = load_site(REPO)
    assert set(site.topics) == {"detentions", "oil-control", "diplomacy"}
    assert 8 <= len(site.entries) <= 15
    assert all(site.entries_on(topic) for topic in site.topics)
    claimed = {(claim.low, claim.high, claim.qualifier) for e in site.entries for claim in e.claims}
    for number in [(400, 400, "more-than"), (116, 116, "at-least"), (2000, 2000, "about"),
                   (800, 1200, "exactly"), (1, 1, "at-least")]:
        assert number in claimed
    assert (60, 70, "about") in claimed


def entries_by_id(site) -> dict:
    return {entry.id: entry for entry in site.entries}


def test_an_unchanged_file_gives_the_very_same_entry_and_an_edited_one_a_new_one(toy_repo: Path):
    """"Unchanged" is decided by the file's path and the digest of its bytes, not by which report
    object the read stage gave: even a fresh read stage (another CheckedFiles) gets the same entries."""
    checked, built = CheckedFiles(), BuiltEntries()
    first = entries_by_id(load_site(toy_repo, cache=False, remembered=checked, built=built))
    rewritten = toy_repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    rewritten.write_bytes(rewritten.read_bytes())  # the same bytes: a new lstat, the same digest
    edited = toy_repo / "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"
    edited.write_text(edited.read_text().replace("Oil shipments resume", "Oil shipments RESUME"))
    second = entries_by_id(load_site(toy_repo, cache=False, remembered=CheckedFiles(), built=built))
    assert second["assembly-says-400-freed"] is first["assembly-says-400-freed"]
    assert second["oil-exports-resume"] is not first["oil-exports-resume"]
    assert second["oil-exports-resume"].title.startswith("Oil shipments RESUME")


def test_loading_leaves_the_garbage_collector_alone(toy_repo: Path, monkeypatch):
    """A stage makes no effect on the whole process: pausing the collector is its callers' choice
    (briefing/process.py)."""
    def refuse():
        raise AssertionError("a stage switched the garbage collector off")
    monkeypatch.setattr(gc, "disable", refuse)
    load_site(toy_repo)
    load_site(toy_repo)  # warm, from the check cache
