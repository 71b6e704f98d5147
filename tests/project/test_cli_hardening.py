"""The validator under attack from its own command line and from file names (issue 12)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import run_cli

from briefing.cli import github_annotation
from briefing.format.problems import Problem

from conftest import REPO

GOOD_ENTRY = "title: A title\ndate: 2026-01-15\ntopics: [detentions]\nsummary: A summary.\n" \
             "sources:\n  - id: s\n    title: A source\n"


@pytest.mark.parametrize("name", [
    "briefings/2026/01/x.yaml\n::warning file=README.md,line=1::Looks good to me",
    "briefings/2026/01/x,line=99,title=Forged::.yaml",
    "briefings/2026/01/x%0A::notice::y.yaml",
])
def test_a_file_name_cannot_forge_an_annotation(name: str):
    line = github_annotation(Problem(name, 1, 1, "(file)", "not an entry file\n::error::second"))
    assert "\n" not in line and "\r" not in line
    command, properties, message = line.split("::", 2)
    assert command == "" and properties.startswith("error file=")
    assert properties.count(",") == 2 and properties.endswith(",line=1,col=1")  # nothing else added
    assert message.startswith("(file): not an entry file%0A")  # the message runs to the end of its one line


def test_forged_annotations_from_a_real_file_name(toy_repo: Path):
    folder = toy_repo / "briefings/2026/01"
    (folder / "x\n::warning file=README.md::Looks good to me.yaml").write_text(GOOD_ENTRY)
    (folder / "y,line=99,title=Approved::.yaml").write_text(GOOD_ENTRY)
    result = run_cli(toy_repo, "validate", github=True)
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert len(annotations) == 2 and all(a.startswith("::error file=briefings/2026/01/") for a in annotations)
    assert all(a.count("::") == 2 and "line=1,col=1::" in a for a in annotations)
    assert len(result.stderr.splitlines()) == 3  # two problems and the count: no line of a name's own


@pytest.mark.parametrize("named, words", [
    ("/etc/passwd", "/etc/passwd: (file): is not in this repository"),
    ("briefings/2026/01/2026-01-31-no-such-file.yaml",
     "briefings/2026/01/2026-01-31-no-such-file.yaml: (file): does not exist"),
])
def test_validate_refuses_a_path_it_cannot_check(toy_repo: Path, named: str, words: str):
    result = subprocess.run([sys.executable, "-m", "briefing", "--root", str(toy_repo), "validate", named],
                            cwd=toy_repo, capture_output=True, text=True, timeout=60,
                            env={"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(words)
    assert "root:" not in result.stdout + result.stderr  # never a line of the file


def test_many_unknown_references_against_a_large_registry_stay_bounded(toy_repo: Path):
    """Thousands of unknown ids against thousands of actors: every one is reported, and hints
    are looked up only while Hints.COMPARISONS_PER_RUN names have not all been compared."""
    actors = "".join(f"actor-number-{i}:\n  name: Actor number {i}\n  kind: person\n" for i in range(3000))
    (toy_repo / "briefings/actors.yaml").write_text(actors)
    unknown = "".join(f"  - actor-numbr-{i}\n" for i in range(4000))
    (toy_repo / "briefings/2026/01/2026-01-15-many.yaml").write_text(GOOD_ENTRY + "actors:\n" + unknown)
    result = run_cli(toy_repo, "validate")
    lines = [line for line in result.stderr.splitlines() if "2026-01-15-many" in line]
    assert len(lines) == 4000
    assert 1 <= sum("did you mean" in line for line in lines) <= 40_000 // 3000
