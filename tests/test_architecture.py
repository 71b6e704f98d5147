"""The core outlives the engine: it imports nothing from MkDocs, and its files stay small."""
from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_the_core_imports_nothing_from_mkdocs():
    code = ("import sys, pkgutil, importlib, briefing\n"
            "for m in pkgutil.iter_modules(briefing.__path__):\n    if m.name != '__main__': importlib.import_module('briefing.' + m.name)\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] in ('mkdocs', 'material')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO / "hooks", check=True)
    assert result.stdout.strip() == "[]"


def test_source_files_stay_small():
    sources = [*(REPO / "hooks").rglob("*.py"), *(REPO / "tests").glob("*.py")]
    too_long = {path.name: n for path in sources if (n := len(path.read_text().splitlines())) > 300}
    assert too_long == {}
