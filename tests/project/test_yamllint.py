"""yamllint, with the project's .yamllint.yaml, passes every briefing file and fails bad ones.

It checks how a file is written (no `yes`/`no`/`on`, no duplicate keys, consistent indentation);
`make validate` checks what it says. The pre-commit hook runs the same command.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO

CONFIG = REPO / ".yamllint.yaml"


def yamllint(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "yamllint", "-c", str(CONFIG), *args],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


def test_yamllint_sees_every_briefing_file():
    listed = yamllint("--list-files", "briefings")
    assert listed.returncode == 0, listed.stderr
    expected = sorted(str(p.relative_to(REPO)) for p in (REPO / "briefings").rglob("*.yaml"))
    assert expected
    assert sorted(listed.stdout.split()) == expected


def test_every_briefing_file_passes_yamllint():
    result = yamllint("-f", "parsable", "briefings")
    assert result.returncode == 0, f"yamllint:\n{result.stdout}{result.stderr}"
    assert "[error]" not in result.stdout, result.stdout


def test_yamllint_fails_a_bad_file(tmp_path: Path):
    (tmp_path / "bad.yaml").write_text(
        "title: Truthy and duplicate\n"
        "topics: no\n"
        "title: Again\n")
    result = yamllint("-f", "parsable", "bad.yaml", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.yaml:2:9: [error]" in result.stdout and "(truthy)" in result.stdout
    assert "bad.yaml:3:1: [error]" in result.stdout and "(key-duplicates)" in result.stdout


def test_truthy_keys_and_anchors_are_reported(tmp_path: Path):
    (tmp_path / "bad.yaml").write_text(
        "on: 2026-01-14\n"
        "first: &unused text\n")
    result = yamllint("-f", "parsable", "bad.yaml", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.yaml:1:1: [error]" in result.stdout
    assert "(anchors)" in result.stdout


def test_schema_comment_and_long_prose_are_fine(tmp_path: Path):
    (tmp_path / "good.yaml").write_text(
        "# yaml-language-server: $schema=../../../schema/briefing-entry.schema.json\n"
        "title: A title\n"
        "topics:\n"
        "  - detentions\n"
        f"summary: {'word ' * 30}end\n")
    result = yamllint("-f", "parsable", "good.yaml", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr
