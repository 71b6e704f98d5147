"""What a preview server (`mkdocs serve`, the real one, in a child process) serves after folders
move under briefings/, equals what a fresh `mkdocs build` of the same files writes, in both
languages, under the system's watcher and under BRIEFING_WATCH=poll (hooks/briefing_watch.py).
One server per watcher, the scenarios in sequence, each compared byte for byte with a fresh
build of the same tree (made once, for the first watcher; the second's tree is the same)."""
from __future__ import annotations

import filecmp
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_preview import MARKER

from conftest import deep_tree
from synthetic import make_repo

EPOCH = "1768400000"
WAIT = 180.0  # seconds a server gets to show a change (two cores, shared): a bound, not a timing
# What a preview legitimately writes its own way: Pagefind's bundle is another run's, and the
# marker says which build wrote the folder. (The live-reload script is added to the pages as they
# are served, not in the folder: the folder is what is compared.)
NOT_COMPARED = re.compile(r"(^|/)(pagefind/.*|\.briefing-preview)$")
MOVED_MONTH, DELETED_MONTH, RENAMED_MONTH = "2025/05", "2024/10", "2026/02"
REPLACED = "The system's file watcher stopped (RecursionError: maximum recursion depth exceeded"


def free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def until(holds: Callable[[], object], what: str, still: Callable[[], object] = lambda: "") -> None:
    """Look again every half second until `holds()` is true (a folder being swapped may raise:
    not yet); fail after WAIT, saying what, and what `still()` is then."""
    deadline = time.monotonic() + WAIT
    while not _holds(holds):
        assert time.monotonic() < deadline, f"gave up after {WAIT:.0f} s waiting for {what} {still()}"
        time.sleep(0.5)


def _holds(holds: Callable[[], object]) -> bool:
    try:
        return bool(holds())
    except OSError:
        return False


def files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")
            if path.is_file() and not NOT_COMPARED.search(path.relative_to(folder).as_posix())}


def differences(served: Path, fresh: Path) -> list[str]:
    """Files one folder has and the other has not, or has with other bytes."""
    ours, theirs = files(served), files(fresh)
    return sorted((ours ^ theirs) | {path for path in ours & theirs
                                     if not filecmp.cmp(served / path, fresh / path, shallow=False)})


class Server:
    """`mkdocs serve` on a repository, stopped by its PID; its site folder is the one mkdocs_*
    folder in its own TMPDIR."""

    def __init__(self, repo: Path, scratch: Path, port: int, watch: str) -> None:
        self.log, tmp = scratch / "serve.log", scratch / "tmp"
        tmp.mkdir(parents=True)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, "TMPDIR": str(tmp),
               "BRIEFING_WATCH": watch}
        with self.log.open("w") as out:
            self.process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr",
                                             f"127.0.0.1:{port}", "-f", str(repo / "mkdocs.yml")],
                                            stdout=out, stderr=subprocess.STDOUT, env=env)
        until(lambda: "Serving on" in self.said() or self.process.poll() is not None, "the server to start")
        assert self.process.poll() is None, self.said()
        self.site = next(tmp.glob("mkdocs_*"))

    def said(self) -> str:
        return self.log.read_text(errors="replace")

    def markers(self) -> tuple[str, str]:
        """Which builds wrote the English and the Spanish folder (briefing_preview.py's marker)."""
        return tuple((folder / MARKER).read_text() if (folder / MARKER).exists() else ""  # type: ignore[return-value]
                     for folder in (self.site, self.site / "es"))

    def stop(self) -> None:
        os.kill(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()


def fresh_build(repo: Path, site: Path, port: int) -> subprocess.CompletedProcess:
    """`mkdocs build` of the repository as it is now, at the server's address."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=repo,
                          capture_output=True, text=True, timeout=900,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "BRIEFING_CACHE": "off",
                               "SITE_URL": f"http://127.0.0.1:{port}/", "SOURCE_DATE_EPOCH": EPOCH,
                               "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]})


def problems(text: str) -> set[str]:
    return set(re.findall(r"(briefings/\S+:\d+:\d+: .*)$", text, flags=re.MULTILINE))


def deep_tree_then_an_entry(briefings: Path, outside: Path) -> None:
    """A thousand folders, one in the other, made outside and moved in whole (made in place, a
    watcher may keep up with it a folder at a time), then a new entry: a copy of one, under
    another id."""
    (outside / "deep").mkdir()
    deep_tree(outside / "deep", 999)
    (outside / "deep").rename(briefings / "deep")
    source = next((briefings / "2025/03").glob("*.yaml"))
    added = source.with_name(source.name.replace(".yaml", "-added.yaml"))
    added.write_text(re.sub(r"(?m)^id: (\S+)", r"id: \1-added", source.read_text(encoding="utf-8"), count=1),
                     encoding="utf-8")


def scenarios(repo: Path, outside: Path) -> list[tuple[str, Callable[[], object]]]:
    """Each a change of the folders under briefings/, applied in this order."""
    briefings = repo / "briefings"
    month = lambda name: briefings / name  # noqa: E731
    return [
        ("a month folder moved out of briefings/", lambda: shutil.move(month(MOVED_MONTH), outside / "moved")),
        ("the month folder moved back in", lambda: shutil.move(outside / "moved", month(MOVED_MONTH))),
        ("a whole month deleted", lambda: shutil.rmtree(month(DELETED_MONTH))),
        ("a month folder renamed to a name no entry may have", lambda: month(RENAMED_MONTH).rename(
            month(RENAMED_MONTH + "-renamed"))),
        ("the month folder renamed back", lambda: month(RENAMED_MONTH + "-renamed").rename(month(RENAMED_MONTH))),
        ("a folder tree 1000 levels deep moved in, then an entry added",
         lambda: deep_tree_then_an_entry(briefings, outside)),
    ]


@pytest.fixture(scope="module")
def port() -> int:
    return free_port()  # both servers, one after the other, and the fresh builds: the same address


@pytest.fixture(scope="module")
def fresh() -> dict:
    return {}  # scenario -> its fresh build, made for the first watcher (the trees are the same)


def test_after_folders_move_the_server_serves_what_a_fresh_build_writes(watch, tmp_path, port, fresh):
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    make_repo(repo, 14)
    outside.mkdir()
    server = Server(repo, tmp_path / "server", port, watch)
    try:
        last = tmp_path / "fresh-start"
        assert fresh_build(repo, last, port).returncode == 0
        until(lambda: not differences(server.site, last), "the first build to equal a fresh one",
              lambda: differences(server.site, last)[:10])
        for number, (name, change) in enumerate(scenarios(repo, outside)):
            last = shows(server, change, name, fresh, repo, port, tmp_path / f"fresh-{number}", last) or last
        said = server.said()
        assert "Traceback" not in said and server.process.poll() is None, said[-3000:]
        replaced = [line for line in said.splitlines() if "file watcher stopped" in line]
        assert [REPLACED in line for line in replaced] == ([True] if watch == "" else []), replaced
    finally:
        server.stop()


@pytest.fixture(params=["", "poll"], ids=["system-watcher", "polling"])
def watch(request) -> str:
    return request.param  # BRIEFING_WATCH


def shows(server: Server, change, name: str, fresh: dict, repo: Path, port: int, site: Path,
          last: Path) -> Path | None:
    """Apply one change; wait until the server shows what a fresh build does: the same folder, or
    the same problems (and the last good folder kept). The fresh build's folder, if it built."""
    before, said_before = server.markers(), len(server.said())
    change()
    if name not in fresh:
        fresh[name] = (fresh_build(repo, site, port), site)
    result, site = fresh[name]
    if result.returncode != 0:
        expected = problems(result.stderr)
        assert expected, result.stderr[-3000:]
        until(lambda: expected <= problems(server.said()[said_before:]), f"the problems after: {name}",
              lambda: sorted(expected - problems(server.said()[said_before:])))
        until(lambda: not differences(server.site, last), f"the last good folder to be served after: {name}",
              lambda: differences(server.site, last)[:10])
        return None
    until(lambda: all(now != then for now, then in zip(server.markers(), before, strict=True)),
          f"a rebuild after: {name}")
    until(lambda: not differences(server.site, site), f"the served folder to equal a fresh build after: {name}",
          lambda: differences(server.site, site)[:10])
    return site
