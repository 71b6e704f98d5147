"""Two builds of the same commit are byte-identical; builds never write into the sources."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, mkdocs_build


def tree_digest(folder: Path) -> dict:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and ".cache" not in path.parts}


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1768000000")
    first, second = tmp_path / "one", tmp_path / "two"
    for site in (first, second):
        result = mkdocs_build(REPO / "mkdocs.yml", site, env={"SOURCE_DATE_EPOCH": "1768000000"})
        assert result.returncode == 0, result.stderr
    one, two = tree_digest(first), tree_digest(second)
    assert {"sitemap.xml.gz", "feeds/all.atom.xml", "data/claims.csv", "pagefind/pagefind-entry.json",
            "assets/og-image.png", "assets/apple-touch-icon.png"} <= set(one)
    assert one == two


def test_a_build_never_writes_into_briefings_or_docs(toy_repo: Path, tmp_path: Path):
    before = tree_digest(toy_repo)
    assert mkdocs_build(toy_repo / "mkdocs.yml", tmp_path / "site").returncode == 0
    assert tree_digest(toy_repo) == before


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_a_failed_build_leaves_the_published_site_alone(tmp_path: Path):
    """`make build` swaps the new site in only when the build succeeds."""
    repo = tmp_path / "repo"
    shutil.copytree(REPO, repo, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", ".git"))
    (repo / ".venv").symlink_to(REPO / ".venv")
    (repo / "site").mkdir()
    (repo / "site" / "index.html").write_text("the last good site")
    bad = repo / "briefings/2026/01/2026-01-14-broken.yaml"
    bad.write_text("title: Broken\n")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1768000000"}
    result = subprocess.run(["make", "-s", "-o", ".venv/bin/.installed", "build"], cwd=repo, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode != 0
    assert "briefings/2026/01/2026-01-14-broken.yaml:1:1: date: is missing; it is required" in result.stderr
    assert (repo / "site" / "index.html").read_text() == "the last good site"
