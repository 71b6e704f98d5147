"""Working on the site: `mkdocs serve` rebuilds on a YAML edit, and survives a bad one."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO


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
    yield from serve(toy_repo, tmp_path)


@pytest.fixture
def served_with_own_hooks(toy_repo: Path, tmp_path: Path):
    """A server whose hooks are a copy in the toy repository, which it watches (as mkdocs.yml does)."""
    shutil.copytree(REPO / "hooks", toy_repo / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    config = toy_repo / "mkdocs.yml"
    config.write_text(config.read_text().replace(str(REPO / "hooks"), str(toy_repo / "hooks"))
                      .replace("  - briefings\n", "  - briefings\n  - hooks\n"))
    yield from serve(toy_repo, tmp_path)


def serve(toy_repo: Path, tmp_path: Path):
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


def test_python_edited_under_hooks_stops_the_server_with_one_line(served_with_own_hooks, toy_repo: Path):
    """MkDocs keeps the hooks' Python it loaded: rather than preview with the old code, the server stops."""
    base, log, server = served_with_own_hooks
    template = toy_repo / "hooks/briefing/render/templates/entry.html.j2"
    template.write_text(template.read_text().replace("</article>", "<p>Template edited.</p></article>", 1))
    wait_for(lambda: "Template edited." in fetch(base + "entries/oil-exports-resume/"), "the template edit to show")
    before = log.read_text()
    module = toy_repo / "hooks/briefing/site_build.py"
    module.write_text(module.read_text() + "\n# edited\n")
    wait_for(lambda: server.poll() is not None, "the server to stop")
    said = [line for line in log.read_text()[len(before):].splitlines() if "make serve" in line]
    assert server.returncode != 0 and len(said) == 1, log.read_text()[len(before):]
    assert "changed since this server started" in said[0] and "Traceback" not in log.read_text()
