"""A published build builds the Spanish site in a process of its own, at the same time as the
English one (hooks/briefing_languages.py): the same bytes, the same log and the same failures as
the two built one after the other in one process (BRIEFING_ONE_PROCESS=1)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_engines import tree_differences

import published_site
from conftest import REPO

TIMES = re.compile(r"Documentation built in [0-9.]+ seconds")


def build(config: Path, site: Path, one_process: bool) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, with its whole log (not -q), the languages at once or one by one."""
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1768000000",
           **({"BRIEFING_ONE_PROCESS": "1"} if one_process else {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
                          capture_output=True, text=True, timeout=600, env=env, check=False)


def log_of(result: subprocess.CompletedProcess, site: Path) -> str:
    return TIMES.sub("Documentation built in N seconds", result.stderr).replace(str(site), "SITE")


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The project's files that a build reads, copied, for a test that breaks one."""
    repo = tmp_path / "repo"
    for name in ("briefings", "docs", "hooks", "overrides"):
        shutil.copytree(REPO / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "mkdocs.es.yml"):
        shutil.copy2(REPO / name, repo / name)
    return repo


def test_the_site_as_published_is_the_same_bytes_built_one_language_after_the_other(
        published_build, tmp_path: Path, monkeypatch):
    folder, port = published_build
    monkeypatch.setenv("BRIEFING_ONE_PROCESS", "1")
    try:
        one_by_one = published_site.build(tmp_path / "one-by-one", port)
    except published_site.BuildFailed as error:
        pytest.fail(str(error), pytrace=False)
    assert (folder / "es/entries").is_dir()
    assert tree_differences(folder, one_by_one, ("at once", "one by one")) == ""


def test_the_log_reads_as_if_the_languages_were_built_one_after_the_other(tmp_path: Path):
    at_once = build(REPO / "mkdocs.yml", tmp_path / "a", one_process=False)
    one_by_one = build(REPO / "mkdocs.yml", tmp_path / "b", one_process=True)
    assert at_once.returncode == one_by_one.returncode == 0, at_once.stderr
    assert log_of(at_once, tmp_path / "a") == log_of(one_by_one, tmp_path / "b")
    lines = log_of(at_once, tmp_path / "a").splitlines()
    spanish = lines.index("INFO    -  Building documentation to directory: SITE/es")
    assert lines.index("INFO    -  Building documentation to directory: SITE") < spanish < len(lines) - 1


def test_a_failure_in_the_spanish_site_alone_stops_the_build_with_its_warning(repo_copy: Path, tmp_path: Path):
    about = repo_copy / "docs/es/about.md"
    about.write_text(about.read_text() + "\n[roto](ninguna-parte.md)\n")
    results = {mode: build(repo_copy / "mkdocs.yml", tmp_path / mode, one_process=mode == "one")
               for mode in ("once", "one")}
    for mode, result in results.items():
        assert result.returncode == 1, (mode, result.stderr)
        assert "Doc file 'about.md' contains a link 'ninguna-parte.md'" in result.stderr
        assert "Aborted with 1 warnings in strict mode!" in result.stdout  # the engine's last word
        assert "Traceback" not in result.stderr
    assert log_of(results["once"], tmp_path / "once") == log_of(results["one"], tmp_path / "one")
    assert results["once"].stdout == results["one"].stdout


def test_a_problem_in_the_briefing_files_is_reported_once(repo_copy: Path, tmp_path: Path):
    entry = next((repo_copy / "briefings").glob("*/*/*.yaml"))
    entry.write_text(entry.read_text().replace("topics:\n  - detentions", "topics:\n  - detention", 1))
    result = build(repo_copy / "mkdocs.yml", tmp_path / "site", one_process=False)
    assert result.returncode == 1
    assert result.stderr.count("unknown topic 'detention'") == 1, result.stderr


def test_the_default_build_failing_after_the_fork_leaves_no_spanish_build_running(repo_copy: Path, tmp_path: Path):
    entry = next((repo_copy / "briefings").glob("*/*/*.yaml"))
    entry_id = entry.stem[len("2026-01-12-"):]
    (repo_copy / "docs/entries").mkdir()
    (repo_copy / f"docs/entries/{entry_id}.md").write_text("# Hand-written\n")  # found after loading
    result = build(repo_copy / "mkdocs.yml", tmp_path / "site", one_process=False)
    assert result.returncode == 1
    assert result.stderr.count("which is already docs/entries/") == 1, result.stderr
    running = subprocess.run(["pgrep", "-f", str(tmp_path / "site")], capture_output=True, text=True, check=False)
    assert running.stdout == ""
