"""The engine at the edge: what the core may not know of MkDocs and Material, and the process-wide
effects that only briefing/process.py may have. Each rule is read off the source, and each can fail."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import REPO

HOOKS = REPO / "hooks"
CORE = HOOKS / "briefing"
# Each a habit of the engine or its theme that only the adapter modules (hooks/briefing_*.py) may
# name, with where it lives now (README, "The engine at the edge").
ENGINE_HABITS = {
    r"mkdocs": "the engine's name, its configuration files (mkdocs*.yml) and its classes",
    r"material": "the theme",
    r"properdocs": "the engine's fork",
    r"(?<!_)index\.html(?!\.j2)": "directory URLs: where the engine writes a page (briefing_preview.py)",
    r"use_directory_urls": "directory URLs (briefing_hooks.py checks the setting)",
    r"\.icons": "the theme's hidden icons (briefing_theme.py)",
    r"bytecode": "the theme's compiled templates, kept between builds (briefing_theme.py)",
    r"toc[ _]tokens?": "Python-Markdown's table of contents tokens (briefing_theme.py)",
    r"src_uri|inclusionlevel|plugin_?error": "the engine's classes (briefing_engine.py)",
    r"hidden files? (survive|surviving)|empties the site folder": "the engine's clean (briefing_preview.py)",
    r"hook module": "the engine keeps the hooks' Python loaded (briefing_preview.py)",
    r"extra\.briefing": "where the settings are written in the engine's configuration (briefing_hooks.py)",
}
# What changes the whole process, and the one module that may do it.
PROCESS_EFFECTS = {"gc": {"disable", "enable", "collect", "freeze"}, "os": {"fork", "_exit", "kill", "setsid"},
                   "signal": {"signal", "SIGTERM", "SIGINT", "SIGKILL"}}
OWNER = CORE / "process.py"


def engine_words(path: Path) -> list[str]:
    """Every engine habit the file names, in its code or its words."""
    text = path.read_text().lower()
    return [f"{path.name}: {why} ({pattern})" for pattern, why in ENGINE_HABITS.items()
            if re.search(pattern, text)]


def test_no_core_module_names_the_engine_s_habits():
    assert [word for path in sorted(CORE.rglob("*.py")) for word in engine_words(path)] == []


def test_the_engine_rule_can_fail(tmp_path: Path):
    planted = tmp_path / "preview.py"
    planted.write_text('MARKER = ".x"  # hidden: the engine leaves hidden files when it empties the site folder\n'
                       'def out(source):\n    return source + "index.html"\n')
    assert len(engine_words(planted)) == 2


def process_effects(path: Path) -> list[str]:
    """Every call or name of gc, os or signal that changes the whole process."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.attr in PROCESS_EFFECTS.get(node.value.id, ()):
                found.append(f"{path.name}:{node.lineno} {node.value.id}.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module in PROCESS_EFFECTS:
            found += [f"{path.name}:{node.lineno} from {node.module} import {alias.name}"
                      for alias in node.names if alias.name in PROCESS_EFFECTS[node.module]]
    return found


def test_only_process_py_changes_the_whole_process():
    modules = sorted(path for path in HOOKS.rglob("*.py") if path != OWNER)
    assert process_effects(OWNER) != []
    assert [effect for path in modules for effect in process_effects(path)] == []


def test_the_process_rule_can_fail(tmp_path: Path):
    planted = tmp_path / "later.py"
    planted.write_text("import gc, os\nfrom signal import SIGTERM\ngc.disable()\nos.kill(1, SIGTERM)\n")
    assert len(process_effects(planted)) == 3


def long_classes(path: Path, limit: int = 120) -> list[str]:
    return [f"{path.name}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, ast.ClassDef) and (node.end_lineno or 0) - node.lineno + 1 > limit]


@pytest.mark.parametrize("folder", ["hooks", "tools", "tests"])
def test_classes_stay_small(folder: str):
    assert [found for path in sorted((REPO / folder).rglob("*.py")) for found in long_classes(path)] == []


def test_the_class_rule_can_fail(tmp_path: Path):
    planted = tmp_path / "big.py"
    planted.write_text("class Big:\n" + "    x = 1\n" * 120)
    assert long_classes(planted) == ["big.py:1 Big (121 lines)"]
