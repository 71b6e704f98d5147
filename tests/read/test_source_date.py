"""SOURCE_DATE_EPOCH is read in one place (read/source_date.py) for the checks and the build: a
value that is no time is refused with one line naming it, by `validate` and by the build alike."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.format.problems import ProblemsFound
from briefing.read.checks import latest_date
from briefing.read.source_date import source_date
from briefing.render.settings import build_date

from conftest import REPO, mkdocs_build

HINT = "; give whole seconds since 1970-01-01 UTC, as `date +%s` prints, or leave it unset"
NOT_A_NUMBER = "is not a whole number of seconds" + HINT
TOO_LATE = "is a time after 9999-12-29, the latest day a build may be dated" + HINT


@pytest.mark.parametrize(("epoch", "day"), [
    ("", None), ("0", dt.date(1970, 1, 1)), ("1768400000", dt.date(2026, 1, 14)),
    ("0001768400000", dt.date(2026, 1, 14)), ("253402127999", dt.date(9999, 12, 29))])
def test_a_whole_number_of_seconds_is_a_day(monkeypatch, epoch: str, day):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert source_date() == day
    assert latest_date(dt.date(2026, 1, 1)) == max(day or dt.date.min, dt.date(2026, 1, 1)) + dt.timedelta(days=2)


@pytest.mark.parametrize(("epoch", "message"), [
    ("-1", f"'-1' {NOT_A_NUMBER}"), ("1e9", f"'1e9' {NOT_A_NUMBER}"), (" 1768400000", f"' 1768400000' {NOT_A_NUMBER}"),
    ("1768400000.5", f"'1768400000.5' {NOT_A_NUMBER}"), ("\u0661\u0662", f"'\u0661\u0662' {NOT_A_NUMBER}"),
    ("\u00b2", f"'\u00b2' {NOT_A_NUMBER}"), ("now", f"'now' {NOT_A_NUMBER}"),
    ("253402128000", f"'253402128000' {TOO_LATE}"), ("253402300800", f"'253402300800' {TOO_LATE}"),  # year 10000
    ("9" * 5000, f"'{'9' * 60}...' {TOO_LATE}"),
])
def test_a_value_that_is_no_time_is_refused_naming_it(monkeypatch, epoch: str, message: str):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    for reader in (source_date, latest_date, build_date):
        with pytest.raises(ProblemsFound) as found:
            reader()
        assert [str(problem) for problem in found.value.problems] == [f"the environment: SOURCE_DATE_EPOCH: {message}"]


def run_validate(root: Path, epoch: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "PYTHONPATH": str(REPO / "hooks")}
    return subprocess.run([sys.executable, "-m", "briefing", "--root", str(root), "validate"], env=env,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.parametrize(("epoch", "message"), [("253402300800", f"'253402300800' {TOO_LATE}"),
                                                ("-86400", f"'-86400' {NOT_A_NUMBER}")])
def test_validate_refuses_it_in_one_line_cached_or_not(toy_repo: Path, epoch: str, message: str):
    assert run_validate(toy_repo, "1768400000").returncode == 0  # leaves a check cache behind
    result = run_validate(toy_repo, epoch)
    assert result.returncode == 1
    assert result.stderr == f"the environment: SOURCE_DATE_EPOCH: {message}\n1 problem(s) found.\n"


def test_the_build_refuses_it_in_one_line(toy_repo: Path, tmp_path: Path):
    result = mkdocs_build(toy_repo / "mkdocs.yml", tmp_path / "site", {"SOURCE_DATE_EPOCH": "99999999999999"})
    assert result.returncode != 0
    assert f"ERROR   -  the environment: SOURCE_DATE_EPOCH: '99999999999999' {TOO_LATE}" in result.stderr.splitlines()
    assert "Traceback" not in result.stderr
