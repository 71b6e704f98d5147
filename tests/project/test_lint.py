"""The lint and type gate (`make lint`) is clean, and it fails on a planted mistake of each kind."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

BIN = Path(sys.executable).parent


def lint(tree: Path) -> dict[str, subprocess.CompletedProcess]:
    """ruff and mypy as `make lint` runs them, in `tree` (a copy of the repository's code)."""
    commands = {"ruff": [str(BIN / "ruff"), "check", "--no-cache", "--output-format", "concise", "hooks", "tools"],
                "mypy": [str(BIN / "mypy"), "--no-incremental", "--cache-dir", "/dev/null"]}
    return {name: subprocess.run(command, cwd=tree, capture_output=True, text=True, timeout=300)
            for name, command in commands.items()}


@pytest.fixture
def code_copy(tmp_path: Path) -> Path:
    for folder in ("hooks", "tools"):
        shutil.copytree(REPO / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_tree_is_clean(code_copy: Path):
    results = lint(code_copy)
    assert {name: result.returncode for name, result in results.items()} == {"ruff": 0, "mypy": 0}, \
        {name: result.stdout[-2000:] for name, result in results.items()}


def test_an_unused_import_fails_ruff(code_copy: Path):
    words = code_copy / "hooks/briefing/render/words.py"
    words.write_text(words.read_text().replace("import datetime as dt\n", "import datetime as dt\nimport os\n"))
    result = lint(code_copy)["ruff"]
    assert result.returncode == 1
    assert re.search(r"render/words.py:\d+:8: F401 \[\*\] `os` imported but unused", result.stdout)


def test_a_type_error_fails_mypy(code_copy: Path):
    words = code_copy / "hooks/briefing/render/words.py"
    text = words.read_text() + '\n\ndef planted() -> int:\n    return "not a number"\n'
    words.write_text(text)
    result = lint(code_copy)["mypy"]
    assert result.returncode == 1
    line = len(text.splitlines())  # the planted return
    assert f'render/words.py:{line}: error: Incompatible return value type (got "str", expected "int")' in result.stdout
