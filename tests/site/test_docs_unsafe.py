"""A build stops, in one line per problem and before the engine lists docs/ itself, when docs/
holds what the engine's own walk cannot survive: it follows links (a loop never ends), recurses
(a deep tree is a RecursionError) and reads every file (a named pipe waits for ever)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import deep_tree

ERROR_END = "ERROR   -  1 problem(s) stop the build; see the lines above."


def build(repo: Path) -> subprocess.CompletedProcess:
    """The toy site's build, stopped loudly (TimeoutExpired) if anything waits for ever."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(repo / "mkdocs.yml"),
                           "-d", str(repo / "site")], capture_output=True, text=True, timeout=180,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def stopped_with(result: subprocess.CompletedProcess) -> list[str]:
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert lines[-1] == ERROR_END
    return lines[:-1]


@pytest.mark.parametrize("depth", [40, 1_200])
def test_a_deep_tree_under_docs_stops_the_build_in_one_line(toy_repo: Path, depth: int) -> None:
    deep_tree(toy_repo / "docs", depth, "page.md")
    assert stopped_with(build(toy_repo)) == [
        "ERROR   -  docs/" + "d/" * 16 + "d:1:1: (file): is a folder more than 16 folders deep; "
        "what it holds was not checked: move its files up, or remove it"]


@pytest.mark.parametrize("target", ["..", "."])
def test_a_link_loop_under_docs_stops_the_build_in_one_line(toy_repo: Path, target: str) -> None:
    (toy_repo / "docs" / "loop").symlink_to(target)
    assert stopped_with(build(toy_repo)) == [
        "ERROR   -  docs/loop:1:1: (file): is a symbolic link; commit the file itself, not a link to it "
        "(links are never followed)"]


@pytest.mark.parametrize("name", ["pipe.md", "assets/pipe.css"])
def test_a_named_pipe_under_docs_stops_the_build_in_one_line(toy_repo: Path, name: str) -> None:
    (toy_repo / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(toy_repo / "docs" / name)
    assert stopped_with(build(toy_repo)) == [
        f"ERROR   -  docs/{name}:1:1: (file): is not a plain file or folder (a device, pipe or socket); remove it"]


@pytest.mark.parametrize("name", ["main.html", "assets/pipe.css"])
def test_a_named_pipe_in_the_theme_folder_stops_the_build_in_one_line(toy_repo: Path, name: str) -> None:
    config = toy_repo / "mkdocs.yml"
    config.write_text(config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    (toy_repo / "overrides" / name).parent.mkdir(parents=True)
    os.mkfifo(toy_repo / "overrides" / name)
    assert stopped_with(build(toy_repo)) == [
        f"ERROR   -  overrides/{name}:1:1: (file): is not a plain file or folder (a device, pipe or socket); remove it"]
