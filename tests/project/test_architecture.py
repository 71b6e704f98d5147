"""The core's shape: stages that import only the stages before them, no MkDocs, no module
state, small files and functions. Each rule is read off the source, so a change that breaks
one fails here with the place named."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

CORE = REPO / "hooks" / "briefing"
STAGES = ("format", "read", "model", "render", "publish")  # each may import only those before it
BESIDE = ("review",)  # packages beside the stages: they may use any stage, and no stage uses them
SOURCES = [*(REPO / "hooks").rglob("*.py"), *(REPO / "tools").rglob("*.py"), *(REPO / "tests").rglob("*.py")]


def core_modules(core: Path = CORE) -> dict[str, Path]:
    """Dotted name -> file, for every module of the core, in every subpackage."""
    modules = {}
    for path in sorted(core.rglob("*.py")):
        parts = path.relative_to(core.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def imported_modules(name: str, path: Path, known: set[str] | None = None) -> set[str]:
    """The core modules (or the `known` ones) a module imports, relative imports resolved
    ('..model.site' -> 'briefing.model.site')."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found |= {target} | {f"{target}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {module for module in found if module.split(".")[0] == "briefing" or module in (known or ())}


def stage_of(module: str) -> int:
    """The stage's position (0 = format), or len(STAGES) for the modules beside the stages."""
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else len(STAGES)


def backward_imports(core: Path = CORE) -> list[str]:
    modules = core_modules(core)
    wrong = []
    for name, path in modules.items():
        for target in imported_modules(name, path) & modules.keys():
            if stage_of(name) < len(STAGES) and stage_of(target) > stage_of(name):
                wrong.append(f"{name} imports {target}")
    return sorted(wrong)


def test_every_stage_imports_only_the_stages_before_it():
    assert {*STAGES, *BESIDE} == {path.name for path in CORE.iterdir() if (path / "__init__.py").is_file()}
    assert backward_imports() == []


def test_the_readme_map_is_each_stages_own_docstring():
    """The README names every stage with the words of its package's docstring, so the two agree."""
    readme = " ".join((REPO / "README.md").read_text().split())
    for stage in (*STAGES, *BESIDE):
        doc = " ".join(ast.get_docstring(ast.parse((CORE / stage / "__init__.py").read_text())).split())
        assert f"`{stage}/`: {doc}" in readme, stage


def test_the_import_rule_can_fail(tmp_path: Path):
    """A planted import of a later stage is caught (a rule that cannot fail proves nothing)."""
    core = tmp_path / "briefing"
    for stage in ("format", "render"):
        (core / stage).mkdir(parents=True)
        (core / stage / "__init__.py").write_text("")
    (core / "__init__.py").write_text("")
    (core / "format/spec.py").write_text("from ..render.words import X\n")
    (core / "render/words.py").write_text("from ..format.spec import Y\nX = 1\n")
    assert backward_imports(core) == ["briefing.format.spec imports briefing.render.words"]


def hooks_modules(hooks: Path = CORE.parent) -> dict[str, Path]:
    """Every module under hooks/: the core's, and the engine's adapters beside it (briefing_hooks...)."""
    adapters = {path.stem: path for path in sorted(hooks.glob("*.py"))}
    return {**core_modules(hooks / "briefing"), **adapters}


def modules_on_an_import_cycle(hooks: Path = CORE.parent) -> list[str]:
    """The modules under hooks/ that import themselves through others. Imports made only for the
    type checker (under TYPE_CHECKING) count: a reader following them goes round all the same."""
    modules = hooks_modules(hooks)
    imports = {name: (imported_modules(name, path, set(modules)) & modules.keys()) - {name}
               for name, path in modules.items()}
    on_a_cycle = []
    for start in modules:
        reached, to_follow = set(), list(imports[start])
        while to_follow:
            name = to_follow.pop()
            if name not in reached:
                reached.add(name)
                to_follow += imports[name]
        if start in reached:
            on_a_cycle.append(start)
    return on_a_cycle


def test_no_module_under_hooks_imports_itself_through_others():
    assert len(hooks_modules()) > len(core_modules()) > 50  # the adapters and the whole core are read
    assert modules_on_an_import_cycle() == []


def test_the_cycle_rule_can_fail(tmp_path: Path):
    core = tmp_path / "briefing"
    (core / "read").mkdir(parents=True)
    for package in (core, core / "read"):
        (package / "__init__.py").write_text("")
    (core / "read/load.py").write_text("from .remembered import CheckedFiles\n")
    (core / "read/remembered.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                            "    from .load import FileReport\n")
    (core / "read/files.py").write_text("from . import load\n")
    (tmp_path / "briefing_hooks.py").write_text("from briefing_theme import toc\n")
    (tmp_path / "briefing_theme.py").write_text("import briefing_hooks\n")
    assert modules_on_an_import_cycle(tmp_path) == ["briefing.read.load", "briefing.read.remembered",
                                                    "briefing_hooks", "briefing_theme"]


def test_the_core_imports_nothing_from_mkdocs():
    code = ("import sys, importlib, pkgutil, briefing\n"
            "for m in pkgutil.walk_packages(briefing.__path__, 'briefing.'):\n"
            "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'briefing'))\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO / "hooks", check=True)
    imported, engine = result.stdout.splitlines()
    assert imported == str(sorted(set(core_modules()) - {"briefing.__main__"}))  # every subpackage walked
    assert engine == "[]"


def module_state(path: Path) -> list[str]:
    """Module-level state a core module keeps: names that are not constants, `global`, memo caches."""
    found = []
    tree = ast.parse(path.read_text())
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) else []
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name) and not name.id.lstrip("_").isupper():
                    found.append(f"{path.name}:{node.lineno} {name.id}")
        if targets and isinstance(node.value, (ast.List, ast.Set, ast.ListComp, ast.SetComp)):
            found.append(f"{path.name}:{node.lineno} a mutable list or set (use a tuple or frozenset)")
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append(f"{path.name}:{node.lineno} global {', '.join(node.names)}")
    for node in tree.body:  # a cache on a method (cached_property) lives on its object: that is fine
        if isinstance(node, ast.FunctionDef) and any("cache" in ast.unparse(d) for d in node.decorator_list):
            found.append(f"{path.name}:{node.lineno} a memo cache on {node.name}")
    return found


def test_no_core_module_keeps_state_at_module_level():
    assert [state for path in core_modules().values() for state in module_state(path)] == []


def test_the_state_rule_can_fail(tmp_path: Path):
    planted = tmp_path / "planted.py"
    planted.write_text("import functools\n_pages = {}\nSEEN = []\n\n@functools.lru_cache\ndef f():\n"
                       "    global _pages\n")
    assert set(module_state(planted)) == {"planted.py:2 _pages", "planted.py:3 a mutable list or set (use a "
                                          "tuple or frozenset)", "planted.py:7 global _pages",
                                          "planted.py:6 a memo cache on f"}


def test_source_files_stay_small():
    too_long = {path.relative_to(REPO).as_posix(): n for path in SOURCES
                if (n := len(path.read_text().splitlines())) > 300}
    assert too_long == {}


@pytest.mark.parametrize("folder", ["hooks", "tools", "tests"])
def test_functions_stay_short(folder: str):
    long = []
    for path in (REPO / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            length = (node.end_lineno or 0) - node.lineno + 1 if isinstance(node, ast.FunctionDef) else 0
            if length > 40:
                long.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name} ({length} lines)")
    assert long == []
