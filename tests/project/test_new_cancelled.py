"""`python -m briefing new` at a terminal that ends its input (Ctrl-D), is interrupted (Ctrl-C) or
sends bytes that are not UTF-8: one line, a non-zero status, and nothing written, so that the
next try with good answers makes the entry (briefing/cli.py, briefing/new_entry.py).

The command asks only when its input is a terminal: each case runs it on a pseudo-terminal."""
from __future__ import annotations

import errno
import os
import select
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefing import new_entry
from briefing.cli import main

from conftest import REPO, failing_after

GUARD_SECONDS = 60
GOOD = [b"Machado meets Trump\n", b"2026-01-15\n", b"diplomacy\n", b"\n"]  # title, date, topics, Spanish title
FIELDS = ["title", "date", "topics", "es.title"]
PROMPTS = ["Title: ", "Date (YYYY-MM-DD) [", "Topics, comma-separated: ", "Spanish title"]
MADE = "briefings/2026/01/2026-01-15-machado-meets-trump.yaml"


def guarded():
    return failing_after(GUARD_SECONDS, "`new`")

def listing(repo: Path) -> list[str]:
    return sorted(path.relative_to(repo).as_posix() for path in (repo / "briefings").rglob("*"))


@contextmanager
def new_at_a_terminal(repo: Path, strict: bool = False) -> Iterator[tuple[subprocess.Popen, int]]:
    """`new` with a pseudo-terminal as its input (its master end to type on); with `strict`, the
    terminal's bytes are decoded strictly (as under a UTF-8 locale) rather than kept as surrogates."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "hooks"),
           **({"PYTHONIOENCODING": "utf-8:strict"} if strict else {})}
    master, terminal = os.openpty()
    command = subprocess.Popen([sys.executable, "-m", "briefing", "--root", str(repo), "new"], stdin=terminal,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    os.close(terminal)
    try:
        with guarded():
            yield command, master
    finally:
        if command.poll() is None:
            command.kill()
        command.communicate()
        os.close(master)


def typed(repo: Path, lines: list[bytes], strict: bool = False) -> tuple[int, str]:
    """The status and standard error of `new` given `lines` as typed answers."""
    with new_at_a_terminal(repo, strict) as (command, master):
        os.write(master, b"".join(lines))
        _, stderr = command.communicate()
        return command.returncode, stderr.decode("utf-8", "replace")


def interrupted(repo: Path, at: int) -> tuple[int, str]:
    """Ctrl-C (SIGINT) while `new` waits for the answer to prompt number `at`."""
    with new_at_a_terminal(repo) as (command, master):
        os.write(master, b"".join(GOOD[:at]))
        assert command.stdout is not None
        shown = b""
        while PROMPTS[at].encode() not in shown:
            select.select([command.stdout], [], [])
            chunk = os.read(command.stdout.fileno(), 4096)
            assert chunk, f"`new` ended before it asked {PROMPTS[at]!r}"
            shown += chunk
        while True:  # again if the first came after the prompt but before the read it interrupts
            command.send_signal(signal.SIGINT)
            try:
                _, stderr = command.communicate(timeout=1)
                return command.returncode, stderr.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                continue


def then_a_good_try_makes_it(repo: Path) -> None:
    assert typed(repo, GOOD) == (0, "")
    assert (repo / MADE).is_file()


@pytest.mark.parametrize("at", range(4), ids=FIELDS)
def test_end_of_input_at_each_prompt_writes_nothing(toy_repo: Path, at: int):
    before = listing(toy_repo)
    assert typed(toy_repo, [*GOOD[:at], b"\x04"]) == (
        1, f"briefing new: {FIELDS[at]}: end of input; cancelled; nothing written\n")
    assert listing(toy_repo) == before
    then_a_good_try_makes_it(toy_repo)


@pytest.mark.parametrize("strict", [False, True], ids=["surrogates", "strict"])
@pytest.mark.parametrize("at", range(4), ids=FIELDS)
def test_bytes_that_are_not_utf8_at_each_prompt_write_nothing(toy_repo: Path, at: int, strict: bool):
    before = listing(toy_repo)
    answers = [*GOOD[:at], b"Caf\xe9 \xff\xfe\n", *GOOD[at + 1:]]
    assert typed(toy_repo, answers, strict) == (
        1, f"briefing new: {FIELDS[at]}: is not UTF-8 text (check the terminal's encoding); nothing written\n")
    assert listing(toy_repo) == before
    then_a_good_try_makes_it(toy_repo)


@pytest.mark.parametrize("at", [0, 2, 3], ids=[FIELDS[0], FIELDS[2], FIELDS[3]])
def test_ctrl_c_while_asking_writes_nothing(toy_repo: Path, at: int):
    before = listing(toy_repo)
    assert interrupted(toy_repo, at) == (130, "briefing new: cancelled; nothing written\n")
    assert listing(toy_repo) == before
    then_a_good_try_makes_it(toy_repo)


def new_args(repo: Path, title: str = "Machado meets Trump", date: str = "2031-07-01") -> list[str]:
    """In a month with no folder yet: a failed `new` must not leave the folders it made."""
    return ["--root", str(repo), "new", "--title", title, "--date", date, "--topics", "diplomacy"]


@pytest.mark.parametrize(("title", "message"), [
    ("Bell\x07 rings", "briefing new: title: holds a control character (U+0007); nothing written"),
    ("Two\nlines", "briefing new: title: holds a control character (U+000A); nothing written"),
    ("Caf\udce9", "briefing new: title: is not UTF-8 text (check the terminal's encoding); nothing written"),
])
def test_a_title_that_cannot_go_in_writes_nothing(toy_repo: Path, title: str, message: str):
    """Given on the command line: undecodable bytes arrive as surrogates, as they do typed."""
    before = listing(toy_repo)
    with pytest.raises(SystemExit) as stopped:
        main(new_args(toy_repo, title))
    assert (str(stopped.value.code), listing(toy_repo)) == (message, before)


@pytest.mark.parametrize(("failure", "status", "message"), [
    (OSError(errno.ENOSPC, "No space left on device"), "briefing new: [Errno 28] No space left on device; "
                                                       "nothing written", None),
    (KeyboardInterrupt(), 130, "briefing new: cancelled; nothing written\n"),
])
def test_a_write_that_fails_or_is_interrupted_leaves_nothing(toy_repo: Path, monkeypatch, capsys, failure,
                                                             status, message):
    before = listing(toy_repo)

    def link(source, target):
        assert Path(source).read_bytes().startswith(b"# yaml-language-server")  # written whole, not yet in place
        raise failure
    monkeypatch.setattr(new_entry.os, "link", link)
    try:
        result = main(new_args(toy_repo))
    except SystemExit as stopped:
        result = stopped.code
    assert (result, capsys.readouterr().err or None, listing(toy_repo)) == (status, message, before)
    monkeypatch.undo()
    assert main(new_args(toy_repo)) == 0


def test_a_new_file_that_would_not_read_writes_nothing(toy_repo: Path, monkeypatch):
    before = listing(toy_repo)
    monkeypatch.setattr(new_entry, "TEMPLATE", new_entry.TEMPLATE.replace("topics: [{topics}]", "topics: [{topics}"))
    with pytest.raises(SystemExit) as stopped:
        main(new_args(toy_repo))
    assert str(stopped.value.code).startswith("briefing new: the new file would not read as YAML: "
                                              "briefings/2031/07/2031-07-01-machado-meets-trump.yaml:")
    assert listing(toy_repo) == before


def test_an_existing_entry_is_named_and_nothing_is_left_beside_it(toy_repo: Path):
    assert main(new_args(toy_repo)) == 0
    before = listing(toy_repo)
    with pytest.raises(SystemExit) as stopped:
        main(new_args(toy_repo))
    made = toy_repo / "briefings/2031/07/2031-07-01-machado-meets-trump.yaml"
    assert str(stopped.value.code) == f"briefing new: {made} already exists; not overwriting it"
    assert listing(toy_repo) == before
