"""A preview server's rebuilds (`mkdocs serve`), driven in this process as serve drives them: after
each edit, addition and removal of an entry, in both languages, the site folder it serves holds
what a full `mkdocs build` of the same files writes: no page stale, no page of a removed entry
left, while the pages an edit did not touch keep their output (briefing/publish/preview.py)."""
from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from synthetic import make_repo

SERVE_URL = "http://127.0.0.1:8000/"  # mkdocs serve sets site_url to its own address
EPOCH = "1768400000"
# What a preview makes its own way: Pagefind's bundle is another run's, and the marker says which
# build wrote the folder. (The sitemap is compared: it is made from the plan, not from the pages laid out.)
NOT_COMPARED = re.compile(r"(^|/)(pagefind/.*|\.briefing-preview)$")


class Preview:
    """One `mkdocs serve`: `on_startup` once, the configuration loaded again for every build."""

    def __init__(self, repo: Path, site: Path):
        self.repo, self.site = repo, site
        config = self.config()
        config.plugins.on_startup(command="serve", dirty=False)
        self.build(config)

    def config(self):
        config = load_config(config_file=str(self.repo / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def build(self, config=None) -> None:
        config = config or self.config()
        build(config, serve_url=SERVE_URL)
        builds = next(iter(config.hooks.values())).builds()
        assert builds.later.wait(120), "the preview's feeds, data and search were not written"  # they come after

    def close(self) -> None:
        self.config().plugins.on_shutdown()


def full_build(repo: Path, site: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=repo,
                            capture_output=True, text=True, timeout=900,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SITE_URL": SERVE_URL,
                                 "SOURCE_DATE_EPOCH": EPOCH, "BRIEFING_CACHE": "off"})
    assert result.returncode == 0, result.stderr[-3000:]


def differences(preview: Path, full: Path) -> list[str]:
    """Files that one folder has and the other has not, or has with other bytes."""
    def files(folder: Path) -> set[str]:
        return {path.relative_to(folder).as_posix() for path in folder.rglob("*")
                if path.is_file() and not NOT_COMPARED.search(path.relative_to(folder).as_posix())}
    ours, theirs = files(preview), files(full)
    return sorted((ours ^ theirs) | {path for path in ours & theirs
                                     if not filecmp.cmp(preview / path, full / path, shallow=False)})


def entry_id(path: Path) -> str:
    return path.name[11:].removesuffix(".yaml")


@pytest.fixture
def served(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    repo = tmp_path / "repo"
    make_repo(repo, 14)
    monkeypatch.chdir(repo)
    preview = Preview(repo, tmp_path / "served")
    yield repo, preview
    preview.close()


def test_after_each_edit_addition_and_removal_the_preview_serves_what_a_full_build_writes(served, tmp_path: Path):
    repo, preview = served
    site, entries = preview.site, sorted((repo / "briefings").glob("*/*/*.yaml"))
    english, spanish = entries[3], next(path for path in entries[5:] if "\n  title: " in path.read_text())
    added = entries[6].with_name(entries[6].name.replace(".yaml", "-added.yaml"))
    untouched = site / "entries" / entry_id(entries[9]) / "index.html"
    kept = untouched.stat().st_ino

    def edit() -> None:
        english.write_text(english.read_text().replace('title: "', 'title: "Edited in English ', 1))
        spanish.write_text(spanish.read_text().replace('\n  title: "', '\n  title: "Editado en español ', 1))

    for step, change in (("edit", edit), ("add", lambda: shutil.copy(entries[6], added)), ("remove", english.unlink)):
        change()
        preview.build()
        full_build(repo, tmp_path / f"full-{step}")
        assert differences(site, tmp_path / f"full-{step}") == [], step
        if step == "edit":
            assert "Edited in English" in (site / "entries" / entry_id(english) / "index.html").read_text()
            assert "Editado en español" in (site / "es/entries" / entry_id(spanish) / "index.html").read_text()
    assert (site / "entries" / entry_id(added) / "index.html").is_file()
    assert (site / "es/entries" / entry_id(added) / "index.html").is_file()
    assert not (site / "entries" / entry_id(english)).exists() and not (site / "es/entries" / entry_id(english)).exists()
    assert untouched.stat().st_ino == kept  # an entry no edit touched was never laid out again


def test_a_rebuild_stops_the_last_cycles_writing_before_it_moves_the_site_folder(served):
    """The feeds, data and search of the last cycle are written by a thread after its pages are
    served; an edit's rebuild moves the site folder aside to lay the new build over it. The writer
    must be stopped first: writing into a folder that moved fails, and the failure stops the build."""
    repo, preview = served
    builds = next(iter(preview.config().hooks.values())).builds()
    started, seen = threading.Event(), []

    def writer(stop: threading.Event) -> None:  # stands for a slow feed writer, still at work
        started.set()
        stop.wait(120)
        seen.append((preview.site / "index.html").is_file())

    with builds.later.held():
        builds.later.add("a test's writer", writer)
    assert started.wait(60), "the later work did not start"
    entry = sorted((repo / "briefings").glob("*/*/*.yaml"))[2]
    entry.write_text(entry.read_text().replace('title: "', 'title: "Edited ', 1))
    preview.build()
    assert seen == [True], "the writer was still running when the site folder moved"
