"""The check cache covers every input of the checks (issue 22, class 7): change one input alone
between two runs, and the second run gives what a fresh check gives, from the disk cache (a new
process) and from memory (a preview server's next run).

The inputs are listed in one place, read/entry_check.py (CheckInputs): the latest date a file may
hold (the day, or SOURCE_DATE_EPOCH's if later); the registries are resolved on every run."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.format.problems import ProblemsFound
from briefing.read.cache import CheckedFiles
from briefing.read.load import check_site

AHEAD = "briefings/2100/01/2100-01-05-ahead.yaml"
AHEAD_ENTRY = """\
title: A day far ahead
date: 2100-01-05
topics: [detentions]
summary: An entry dated far ahead.
actors: [test-actor]
sources:
  - id: s
    title: A source
"""
TEST_ACTOR = "test-actor:\n  name: Test Actor\n  kind: group\n"
EPOCH_2100 = str(int(dt.datetime(2100, 1, 4, tzinfo=dt.UTC).timestamp()))


def later_build_day(repo: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2100)


def no_build_day(repo: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def with_test_actor(repo: Path, monkeypatch) -> None:
    """The actor the entry names, and a build day that lets its date pass."""
    later_build_day(repo, monkeypatch)
    actors = repo / "briefings" / "actors.yaml"
    if TEST_ACTOR not in actors.read_text():
        actors.write_text(actors.read_text() + TEST_ACTOR)


def without_test_actor(repo: Path, monkeypatch) -> None:
    actors = repo / "briefings" / "actors.yaml"
    actors.write_text(actors.read_text().replace(TEST_ACTOR, ""))


# (the first run's inputs, the one change before the second run)
CHANGES = {
    "a later build day, then none": (later_build_day, no_build_day),
    "no build day, then a later one": (no_build_day, later_build_day),
    "an actor in the registry, then not": (with_test_actor, without_test_actor),
}


def problems_of(repo: Path, remembered: CheckedFiles) -> list[str]:
    try:
        check_site(repo, remembered=remembered)
    except ProblemsFound as found:
        return [str(problem) for problem in found.problems]
    return []


def fresh_problems(repo: Path, monkeypatch) -> list[str]:
    """What a check with no cache at all gives."""
    with monkeypatch.context() as context:
        context.setenv("BRIEFING_CACHE", "off")
        return problems_of(repo, CheckedFiles())


@pytest.mark.parametrize("memory", [False, True], ids=["disk cache", "memory"])
@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_one_changed_input_gives_the_fresh_result(change, memory: bool, toy_repo: Path, monkeypatch) -> None:
    monkeypatch.delenv("BRIEFING_CACHE", raising=False)
    first_inputs, second_inputs = change
    (toy_repo / AHEAD).parent.mkdir(parents=True)
    (toy_repo / AHEAD).write_text(AHEAD_ENTRY)
    with_test_actor(toy_repo, monkeypatch)
    first_inputs(toy_repo, monkeypatch)
    remembered = CheckedFiles()
    first = problems_of(toy_repo, remembered)
    second_inputs(toy_repo, monkeypatch)
    second = problems_of(toy_repo, remembered if memory else CheckedFiles())
    assert second == fresh_problems(toy_repo, monkeypatch)
    assert second != first  # the change matters: a cache that ignored it would give `first`


def test_the_far_future_entry_is_refused_after_a_run_with_a_later_build_day(toy_repo: Path, monkeypatch):
    """The attack as the issue gives it, with the exact line a fresh check prints."""
    monkeypatch.delenv("BRIEFING_CACHE", raising=False)
    (toy_repo / AHEAD).parent.mkdir(parents=True)
    (toy_repo / AHEAD).write_text(AHEAD_ENTRY)
    with_test_actor(toy_repo, monkeypatch)
    assert problems_of(toy_repo, CheckedFiles()) == []
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert problems_of(toy_repo, CheckedFiles()) == [
        f"{AHEAD}:2:7: date: 2100-01-05 is in the future; write the day it happened, was said or was published"]


def test_the_same_inputs_keep_the_cache(toy_repo: Path, monkeypatch):
    """The positive control: with nothing changed, the second process reads no entry afresh."""
    monkeypatch.delenv("BRIEFING_CACHE", raising=False)
    later_build_day(toy_repo, monkeypatch)
    assert problems_of(toy_repo, first := CheckedFiles()) == [] and first.read_in_last_run
    assert problems_of(toy_repo, second := CheckedFiles()) == [] and second.read_in_last_run == []
