"""Golden cases: broken input files and the exact problem lines they must produce.

Each file in golden/ is one case: `files` are written over a copy of the toy
repository (`null` deletes a file), `binary` holds raw bytes written as escaped
text, `links` makes symbolic links (name: target; `{outside}` is a folder outside the
repository holding secret.yaml), `fifos` makes named pipes, and `expect` lists the exact
lines the validator prints, in order. No case may print the secret file's content, and none may
run past the fuzz tests' guard (a pipe opened would wait for ever).
"""
from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
import yaml
from test_fuzz import guarded

from briefing.cli import validate

CASES = sorted((Path(__file__).parent / "golden").glob("*.yaml"))


SECRET = "title: SECRET-CONTENT-OF-A-FILE-OUTSIDE\n"


def apply_case(repo: Path, case: dict, outside: Path) -> None:
    for name, text in (case.get("files") or {}).items():
        path = repo / name
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, escaped in (case.get("binary") or {}).items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_bytes(codecs.escape_decode(escaped.encode("ascii"))[0])
    (outside / "secret.yaml").write_text(SECRET)
    for name, target in (case.get("links") or {}).items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).symlink_to(target.replace("{outside}", str(outside)))
    for name in case.get("fifos") or ():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(repo / name)


@pytest.mark.parametrize("pool", ["off", "on"])  # the files checked in this process, or shared out
@pytest.mark.parametrize("case_file", CASES, ids=[case.stem for case in CASES])
def test_golden_case(case_file: Path, pool: str, toy_repo: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFING_CHECK_POOL", pool)
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    apply_case(toy_repo, case, tmp_path)
    with guarded():  # a case that makes the validator wait (a pipe opened) fails, never blocks
        code = validate(toy_repo)
    output = capsys.readouterr()
    assert "SECRET-CONTENT" not in output.out + output.err
    printed = output.err.splitlines()
    assert printed[:-1] == case["expect"]
    assert printed[-1] == f"{len(case['expect'])} problem(s) found."
    assert code == 1


def test_there_are_golden_cases() -> None:
    assert len(CASES) >= 20
