"""The files `validate` checks in a pool of processes (check_pool.py) give the same lines, in the
same order, as when one process checks them all."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import check_pool
from briefing.check_pool import CHUNKS_PER_WORKER, POOL_FROM_FILES, check_shared, workers_for
from briefing.cli import validate
from briefing.format.types import INVALID
from briefing.read.cache import CheckedFiles
from briefing.read.entry_check import check_each, check_inputs
from briefing.read.files import entry_files

from conftest import REPO

sys.path.insert(0, str(REPO / "tools"))
from synthetic import make_repo

# Each breaks one file in its own way: a field's own check, a registry reference (resolved after
# the pool, in read/load.py), a reference to the entry's own sources, and YAML that does not parse.
BREAKS = (("topics: [", "topics: [no-such-topic, "),
          ("    source: s", "    source: s9"),
          ("\ndate: 20", "\ndate: 1"),
          ("title: \"Synthetic", "title: [\"Synthetic"))


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory) -> Path:
    """A synthetic site of 240 entries, most of them broken, in every chunk the pool makes."""
    repo = tmp_path_factory.mktemp("pool") / "repo"
    make_repo(repo, 240)
    for number, path in enumerate(sorted((repo / "briefings").rglob("2*.yaml"))):
        if number % 5:
            before, after = BREAKS[number % len(BREAKS)]
            path.write_text(path.read_text(encoding="utf-8").replace(before, after, 1), encoding="utf-8")
    return repo


def validated(repo: Path, pool: str, monkeypatch, capsys) -> tuple[int, list[str]]:
    monkeypatch.setenv("BRIEFING_CHECK_POOL", pool)
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    code = validate(repo)
    return code, capsys.readouterr().err.splitlines()


def test_problems_come_in_the_order_one_process_gives(broken_site: Path, monkeypatch, capsys):
    alone = validated(broken_site, "off", monkeypatch, capsys)
    shared = validated(broken_site, "on", monkeypatch, capsys)
    assert alone[0] == shared[0] == 1
    assert len({line.split(":")[0] for line in alone[1][:-1]}) >= 180  # problems in many files, in every chunk
    assert shared[1] == alone[1]


def reports_of(repo: Path, check_files) -> list[tuple]:
    """What a run of the checks keeps of each entry file, in the order of the files (the values of
    a file with problems are INVALID, a marker that is another object once it has crossed a pipe;
    a worker sends those of a good file as JSON, decoded when asked for)."""
    checked = CheckedFiles()
    checked.check_files = check_files
    checked.begin_run(str(repo), None)
    reports = checked.reports_of(entry_files(str(repo))[0])
    checked.end_run()
    return [(r.path, r.digest, r.problems, r.passed_alone, r.registry_refs,
             r.checked_values() if r.passed_alone else None)
            for r in reports]


def test_each_file_gets_its_own_report_back(broken_site: Path, monkeypatch):
    """validate prints problems sorted, whatever the order; what the order decides is which file
    each report (and the digest it is remembered and cached under) is taken for."""
    monkeypatch.setenv("BRIEFING_CHECK_POOL", "on")
    assert reports_of(broken_site, check_shared) == reports_of(broken_site, check_each)


def test_the_setting_forces_the_pool_and_size_decides_without_it(monkeypatch):
    # As in a process with no other thread: the test suite's own threads (servers other tests
    # started) would rightly keep any pool from forking (the last case below).
    monkeypatch.setattr(check_pool, "may_fork", lambda threads: True)
    monkeypatch.setenv("BRIEFING_CHECK_POOL", "off")
    assert workers_for(10_000) == 0
    monkeypatch.setenv("BRIEFING_CHECK_POOL", "on")
    assert workers_for(1) >= 2
    monkeypatch.delenv("BRIEFING_CHECK_POOL")
    assert workers_for(POOL_FROM_FILES - 1) == 0
    assert CHUNKS_PER_WORKER > 1
    monkeypatch.setattr(check_pool, "may_fork", lambda threads: False)
    monkeypatch.setenv("BRIEFING_CHECK_POOL", "on")
    assert workers_for(10_000) == 0


def test_validate_in_a_process_of_its_own_shares_the_checks_and_prints_the_same(broken_site: Path):
    """As `make validate` runs: a fresh process, where no other thread keeps the pool from forking
    (in this suite's process, servers other tests started may). The pool on and off print the
    same lines, in the same order."""
    def run(pool: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "BRIEFING_CHECK_POOL": pool, "BRIEFING_CACHE": "off", "PYTHONPATH": str(REPO / "hooks")}
        return subprocess.run([sys.executable, "-c", SHOWS_ITS_WORKERS], cwd=broken_site, env=env,
                              capture_output=True, text=True, timeout=600)
    alone, shared = run("off"), run("on")
    assert alone.returncode == shared.returncode == 1, shared.stderr[-2000:]
    assert shared.stderr.splitlines()[:-1] == alone.stderr.splitlines()[:-1]
    assert alone.stdout.split() == ["0"] and int(shared.stdout.split()[0]) >= 2  # the pool did run


# validate, printing how many workers the pool had for the site's files (0: none).
SHOWS_ITS_WORKERS = """
import sys
from pathlib import Path
from briefing import check_pool
from briefing.cli import validate
used = []
workers_for = check_pool.workers_for
check_pool.workers_for = lambda count: used.append(workers_for(count)) or used[-1]
code = validate(Path('.'))
print(max(used, default=0))
sys.exit(code)
"""


def test_a_worker_sends_a_good_files_values_as_the_json_the_cache_keeps(broken_site: Path):
    """One string crosses the pipe instead of the values' tree; decoded, it is the same values."""
    files = [(path, display, Path(path).read_bytes()) for path, display in entry_files(str(broken_site))[0][:20]]
    inputs = check_inputs()
    alone, sent = check_each(files, inputs), check_pool._check_chunk(files, inputs)
    good = [(one, other) for one, other in zip(alone, sent, strict=True) if one.passed_alone]
    assert good and all(other.values is INVALID and other.values_json for _, other in good)
    assert [other.checked_values() for _, other in good] == [one.values for one, _ in good]
