"""A build stopped by a signal (SIGTERM from a CI runner or a container's stop, SIGINT from Ctrl-C,
SIGHUP from a closed terminal) stops every process it started, the forked Spanish build and each
Pagefind, then ends with 128 + the signal's number and one line (briefing/process.py). Nothing is
left writing into the site folder.

Each case runs a real `mkdocs build` of a synthetic site in a session of its own, so that every
process it starts, whoever its parent is by then, is found by its session in /proc."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import REPO, failing_after

sys.path.insert(0, str(REPO / "tools"))
from synthetic import make_repo

GUARD_SECONDS = 240  # one case, from the build's start to its last check
QUIET_SECONDS = 1.0  # how long the site folder must stay unchanged once the build is gone


@pytest.fixture(scope="module")
def synthetic_repo(tmp_path_factory) -> Path:
    """Enough entries that the build runs for some seconds after its Pagefinds start."""
    repo = tmp_path_factory.mktemp("stopped") / "repo"
    make_repo(repo, 300)
    return repo


def guarded():
    """Fail, rather than hang, if a build or a wait runs away."""
    return failing_after(GUARD_SECONDS)

def stat_fields(pid: int) -> list[str] | None:
    """/proc/<pid>/stat after the name: state, ppid, pgrp, session, ... (None once it has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None


def processes_of_session(session: int) -> dict[int, tuple[int, str]]:
    """Every running process of the session but its leader: pid -> (parent's pid, name)."""
    found = {}
    for entry in Path("/proc").iterdir():
        fields = stat_fields(int(entry.name)) if entry.name.isdigit() else None
        if fields and int(fields[3]) == session and int(entry.name) != session and fields[0] != "Z":
            try:
                found[int(entry.name)] = (int(fields[1]), (entry / "comm").read_text().strip())
            except OSError:
                continue
    return found


def started(build: subprocess.Popen, one_process: bool) -> dict[int, tuple[int, str]]:
    """Wait until the build has forked its Spanish build and that build runs its Pagefind (or,
    in one process, until the build runs a Pagefind)."""
    while build.poll() is None:
        found = processes_of_session(build.pid)
        pagefinds = {parent for parent, name in found.values() if name.startswith("pagefind")}
        forked = {pid for pid, (parent, name) in found.items() if parent == build.pid and name.startswith("python")}
        if (build.pid in pagefinds) if one_process else (forked & pagefinds):
            return found
        time.sleep(0.05)
    pytest.fail(f"the build ended (status {build.returncode}) before it ran a Pagefind: "
                f"{build.communicate()[1][-2000:]}")


def folder_state(folder: Path) -> list[tuple[str, int, int]]:
    return sorted((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in folder.rglob("*"))


@contextmanager
def running_build(repo: Path, one_process: bool) -> Iterator[subprocess.Popen]:
    """`mkdocs build` of `repo`, in a session of its own; if the case fails before the build has
    ended, the build goes, with everything it started."""
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"],
           **({"BRIEFING_ONE_PROCESS": "1"} if one_process else {})}
    build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(repo / "mkdocs.yml"),
                              "-d", str(repo / "site")], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        yield build
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.communicate()


def stopped_build(repo: Path, number: signal.Signals, one_process: bool) -> tuple[subprocess.Popen, str]:
    """Start a build, wait until its processes run, send `number`, wait for the build to end."""
    with running_build(repo, one_process) as build:
        started(build, one_process)
        build.send_signal(number)
        return build, build.communicate()[1]


CASES = [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGHUP, False),
         (signal.SIGTERM, True), (signal.SIGHUP, True)]


@pytest.mark.parametrize(("number", "one_process"), CASES,
                         ids=[f"{number.name}-{'one-process' if one else 'forked'}" for number, one in CASES])
def test_a_stopped_build_leaves_nothing_running(synthetic_repo: Path, number: signal.Signals, one_process: bool):
    with guarded():
        build, stderr = stopped_build(synthetic_repo, number, one_process)
        assert processes_of_session(build.pid) == {}  # gone before the build ended, not after
        assert (build.returncode, stderr) == (128 + number, f"Stopped by {number.name}: every process the build "
                                                            "started has ended; the site folder is incomplete.\n")
        before = folder_state(synthetic_repo / "site")
        time.sleep(QUIET_SECONDS)
        assert folder_state(synthetic_repo / "site") == before


def test_a_forked_build_stopped_alone_stops_its_own_pagefind(synthetic_repo: Path):
    """As the default build stops it when its own build fails: the Spanish build ends its Pagefind
    itself and says so in its log, which the default build prints before it reports the stop."""
    with guarded(), running_build(synthetic_repo, one_process=False) as build:
        found = started(build, one_process=False)
        forked = next(pid for pid, (parent, name) in found.items() if parent == build.pid and name.startswith("python"))
        os.kill(forked, signal.SIGTERM)
        stdout, stderr = build.communicate()
        assert processes_of_session(build.pid) == {}
        assert (build.returncode, stdout, stderr) == (1, "\nthe es site's build stopped\n", (
            "Stopped by SIGTERM: every process the build started has ended; the site folder is incomplete.\n"))
