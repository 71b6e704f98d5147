"""The contributor's commands: validate (terminal and GitHub annotations) and new."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import github_annotation, main
from briefing.format.problems import Problem
from briefing.new_entry import id_from_title

from conftest import REPO

THREE_MISTAKES = """\
title: Three mistakes
date: 2026-01-16
topics: [detention]
summary: One entry, three mistakes.
status: disputd
sources:
  - id: s
    title: A source
    url: javascript:alert(1)
"""
PATH = "briefings/2026/01/2026-01-16-three-mistakes.yaml"


def run_cli(repo: Path, *args: str, github: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "GITHUB_ACTIONS": "true" if github else ""}
    return subprocess.run([sys.executable, "-m", "briefing", "--root", str(repo), *args],
                          capture_output=True, text=True, env=env, timeout=60)


def test_three_mistakes_in_the_terminal_and_as_annotations(toy_repo: Path):
    (toy_repo / PATH).write_text(THREE_MISTAKES)
    terminal = run_cli(toy_repo, "validate")
    assert terminal.returncode == 1 and terminal.stdout == ""
    assert terminal.stderr.splitlines() == [
        f"{PATH}:3:10: topics[0]: unknown topic 'detention'; did you mean 'detentions'?",
        f"{PATH}:5:9: status: 'disputd' is not one of developing, confirmed, disputed; did you mean 'disputed'?",
        f"{PATH}:9:10: sources[0].url: 'javascript:alert(1)' is not an http or https URL; "
        "write the full address, starting with https://",
        "3 problem(s) found."]
    github = run_cli(toy_repo, "validate", github=True)
    assert github.returncode == 1
    assert github.stdout.splitlines() == [
        f"::error file={PATH},line=3,col=10::topics[0]: unknown topic 'detention'; did you mean 'detentions'?",
        f"::error file={PATH},line=5,col=9::status: 'disputd' is not one of developing, confirmed, disputed; "
        "did you mean 'disputed'?",
        f"::error file={PATH},line=9,col=10::sources[0].url: 'javascript:alert(1)' is not an http or https URL; "
        "write the full address, starting with https://"]


def test_annotations_cannot_break_out_of_their_line():
    problem = Problem("a.yaml", 1, 2, "title", "bad\n::warning::injected 100%")
    assert github_annotation(problem) == "::error file=a.yaml,line=1,col=2::title: bad%0A::warning::injected 100%25"


def test_validate_reports_only_the_named_files(toy_repo: Path):
    (toy_repo / PATH).write_text(THREE_MISTAKES)
    named = run_cli(toy_repo, "validate", str(toy_repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"))
    assert named.returncode == 0 and "3 elsewhere" in named.stdout
    assert run_cli(toy_repo, "validate", str(toy_repo / PATH)).returncode == 1


def test_the_shipped_data_validates():
    result = run_cli(REPO, "validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")


@pytest.mark.parametrize("title, entry_id", [
    ("Rodríguez says more than 400 prisoners were freed", "rodriguez-says-more-than-400-prisoners-were-freed"),
    ("María Corina Machado to meet Trump", "maria-corina-machado-to-meet-trump"),
    ("116 released on Monday", "entry-116-released-on-monday"),
    ("¿Qué pasó? ¡Nada!", "que-paso-nada"),
    ("A very long title " * 8, "a-very-long-title-a-very-long-title-a-very-long-title-a-very"),
])
def test_ids_from_titles(title, entry_id):
    assert id_from_title(title) == entry_id


def test_new_entry_make_fill_validate(toy_repo: Path, capsys):
    assert main(["--root", str(toy_repo), "new", "--title", "Machado meets Trump", "--date", "2026-01-15",
                 "--topics", "diplomacy"]) == 0
    path = toy_repo / "briefings/2026/01/2026-01-15-machado-meets-trump.yaml"
    assert "Fill in: summary" in capsys.readouterr().out
    unfilled = run_cli(toy_repo, "validate")
    assert [line.split(": ", 1)[1] for line in unfilled.stderr.splitlines()[:-1]] == [
        "summary: is empty; it is required", "sources[0].title: is empty; it is required"]
    text = path.read_text().replace("summary:\n", "summary: Machado met Trump, the report says.\n")
    path.write_text(text.replace("    title:\n", "    title: A report\n"))
    assert run_cli(toy_repo, "validate").returncode == 0


def test_new_entry_offers_a_spanish_block_and_begins_it_when_given_a_spanish_title(toy_repo: Path):
    main(["--root", str(toy_repo), "new", "--title", "Offered", "--date", "2026-01-15", "--topics", "diplomacy"])
    offered = (toy_repo / "briefings/2026/01/2026-01-15-offered.yaml").read_text()
    assert "\n# es:\n#   title:\n#   summary:\n" in offered
    main(["--root", str(toy_repo), "new", "--title", "Begun", "--date", "2026-01-15", "--topics", "diplomacy",
          "--es-title", "Comenzada"])
    path = toy_repo / "briefings/2026/01/2026-01-15-begun.yaml"
    assert '\nes:\n  title: "Comenzada"\n  summary:\n  translated_on: ' in path.read_text()
    unfilled = [line.split(": ", 1)[1] for line in run_cli(toy_repo, "validate").stderr.splitlines()[:-1]
                if "begun" in line]
    assert "es.summary: is empty; it is required" in unfilled


def test_new_entry_never_overwrites(toy_repo: Path):
    args = ["--root", str(toy_repo), "new", "--title", "Assembly says 400 freed", "--date", "2026-01-13",
            "--topics", "detentions"]
    before = (toy_repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml").read_text()
    with pytest.raises(SystemExit, match="already exists; not overwriting it"):
        main(args)
    assert (toy_repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml").read_text() == before


def test_new_entry_refuses_unknown_topics(toy_repo: Path):
    with pytest.raises(SystemExit, match="unknown"):
        main(["--root", str(toy_repo), "new", "--title", "X", "--date", "2026-01-13", "--topics", "detention"])


def test_validate_loads_neither_the_review_nor_the_render_stage():
    """`make validate` runs on every commit: its process imports what checking needs, not the
    review's modules and the render stage (Jinja, Markdown, Babel) they bring, a fifth of a second."""
    code = ("import sys; import briefing.cli; print(sorted(name for name in sys.modules "
            "if name.startswith(('briefing.review', 'briefing.render', 'jinja2', 'markdown', 'babel'))))")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=REPO, env={**os.environ, "PYTHONPATH": "hooks"},
                            capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
