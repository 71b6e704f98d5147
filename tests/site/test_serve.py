"""Working on the site: `mkdocs serve` rebuilds on a YAML edit, and survives a bad one."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, what: str, limit: float = 60.0) -> None:
    """Poll until `predicate()` holds; a bound, not a timing assertion."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


@pytest.fixture
def served(toy_repo: Path, tmp_path: Path):
    port, log = free_port(), tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
             "-f", str(toy_repo / "mkdocs.yml")],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        wait_for(lambda: "Serving on" in log.read_text(), "the server to start")
        yield f"http://127.0.0.1:{port}/toy/", log, server
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_a_bad_edit_is_reported_and_a_fix_is_served(served, toy_repo: Path):
    base, log, server = served
    entry = toy_repo / "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"
    good = entry.read_text()
    entry.write_text(good.replace("topics: [oil-control, diplomacy]", "topics: [oil-contrl]"))
    wait_for(lambda: "did you mean 'oil-control'?" in log.read_text(), "the problem to be printed")
    assert server.poll() is None, "the server must keep running after a bad edit"
    assert "Traceback" not in log.read_text()
    entry.write_text(good.replace("Oil shipments resume", "Oil shipments resumed, edited"))
    wait_for(lambda: "resumed, edited" in fetch(base + "entries/oil-exports-resume/"), "the fix to be served")
    # The other entries' pages were kept from the build before (briefing/preview.py), and still served.
    assert "Assembly president says more than 400" in fetch(base + "entries/assembly-says-400-freed/")
    assert "Oil shipments resumed, edited" in fetch(base + "topics/oil-control/")
