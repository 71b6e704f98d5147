"""SiteBuild driven the way an engine drives it, with no engine: each test makes a fresh one."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from briefing.format.problems import ProblemsFound
from briefing.render.paths import page_url
from briefing.render.settings import Settings
from briefing.site_build import SiteBuild

from conftest import TOY
from search_records import search_records

HOME = {"index.md": "<h1>Toy home</h1><p>Hand-written introduction.</p>"}


def drive(build: SiteBuild, repo: Path, site: Path, docs: dict = HOME, recent: int = 2_000) -> dict[str, str]:
    """One build as an engine runs it: the core's pages and the hand-written ones laid out;
    `recent`: how many of the newest entries the first search bundle holds."""
    build.before(repo, site)
    settings = Settings("Toy", "https://example.org/toy/", search_recent_entries=recent)
    pages, files = build.make(repo, settings, set(docs), set(docs))
    shown = {source: build.page_html(source, page_url(source), {}, "Home", html) for source, html in docs.items()}
    for page in pages:
        shown[page.source] = build.page_html(page.source, page.url, page.meta, "", "" if page.is_html else "<p>x</p>")
    assert {item.path for item in files} >= {"feeds/all.atom.xml", "data/claims.csv"}
    build.after()
    return shown


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(TOY, tmp_path / "repo")
    return tmp_path / "repo"


def test_a_published_build_shows_the_core_pages_and_writes_the_search_index(repo: Path, tmp_path: Path):
    shown = drive(SiteBuild(), repo, tmp_path / "site")
    assert "Assembly president says more than 400" in shown["entries/assembly-says-400-freed.md"]
    assert shown["index.md"].startswith(HOME["index.md"]) and "Latest entries" in shown["index.md"]
    records = search_records(tmp_path / "site")
    assert {"/", "/entries/assembly-says-400-freed/", "/format/"} <= set(records)
    assert "/timeline/" not in records  # lists that only repeat entries are not searched


def test_a_preview_indexes_its_pages_after_the_build_and_rechecks_only_what_changed(repo: Path, tmp_path: Path,
                                                                                    monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE", "off")  # what the build remembers in memory, not on disk
    build, site = SiteBuild(), tmp_path / "site"
    build.start(preview=True)
    drive(build, repo, site)
    deadline = time.monotonic() + 60
    while not (site / "pagefind/pagefind-entry.json").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "/entries/oil-exports-resume/" in search_records(site)
    entry = repo / "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"
    entry.write_text(entry.read_text().replace("Oil shipments resume", "Oil shipments resumed, edited"))
    shown = drive(build, repo, site)
    assert build.checked.read_in_last_run == ["briefings/2026/01/2026-01-14-oil-exports-resume.yaml"]
    assert "resumed, edited" in shown["entries/oil-exports-resume.md"]
    build.close()


def wait_for(path: Path, present: bool = True) -> None:
    deadline = time.monotonic() + 60
    while path.exists() != present and time.monotonic() < deadline:
        time.sleep(0.1)


def test_the_entries_older_than_the_recent_ones_are_searched_from_a_bundle_of_their_own(repo: Path, tmp_path: Path):
    drive(SiteBuild(), repo, tmp_path / "site", recent=1)
    recent, earlier = search_records(tmp_path / "site"), search_records(tmp_path / "site", "pagefind-earlier")
    assert "/entries/oil-exports-resume/" in recent and "/format/" in recent and "/" in recent  # the newest
    assert set(earlier) == {"/entries/assembly-says-400-freed/"}


def test_a_preview_writes_the_earlier_bundle_while_there_are_earlier_entries_and_removes_it_after(
        repo: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    build, site = SiteBuild(), tmp_path / "site"
    build.start(preview=True)
    drive(build, repo, site, recent=1)
    wait_for(site / "pagefind-earlier/pagefind-entry.json")
    assert set(search_records(site, "pagefind-earlier")) == {"/entries/assembly-says-400-freed/"}
    (repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml").unlink()
    drive(build, repo, site, recent=1)
    wait_for(site / "pagefind-earlier", present=False)
    assert not (site / "pagefind-earlier").exists()
    assert "/entries/oil-exports-resume/" in search_records(site)
    build.close()


def test_a_generated_page_may_not_replace_a_hand_written_one(repo: Path, tmp_path: Path):
    docs = {**HOME, "timeline.md": "<h1>Mine</h1>"}
    with pytest.raises(ProblemsFound) as found:
        drive(SiteBuild(), repo, tmp_path / "site", docs)
    assert [str(p) for p in found.value.problems] == [
        "briefings:1:1: (file): would generate timeline.md, which is already docs/timeline.md; "
        "choose another id or rename the page"]


def test_problems_in_the_files_stop_the_build_with_every_line(repo: Path, tmp_path: Path):
    entry = repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    entry.write_text(entry.read_text().replace("topics: [detentions]", "topics: [detention]"))
    build = SiteBuild()
    with pytest.raises(ProblemsFound) as found:
        drive(build, repo, tmp_path / "site")
    build.failed()
    assert [p.field for p in found.value.problems] == ["topics[0]"]


def test_loaded_is_told_once_the_files_load_without_a_problem_and_before_anything_renders(repo: Path, tmp_path: Path):
    """The adapter starts the other languages' builds then (hooks/briefing_languages.py): a
    problem in the files must stop the build before any has started, so it is reported once."""
    build, told = SiteBuild(), []
    settings = Settings("Toy", "https://example.org/toy/")
    build.before(repo, tmp_path / "site")
    build.make(repo, settings, set(HOME), set(HOME), loaded=lambda: told.append(dict(build.pages)))
    assert told == [{}]  # once, with no page rendered yet
    build.after()
    entry = repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    entry.write_text(entry.read_text().replace("topics: [detentions]", "topics: [detention]"))
    build, told = SiteBuild(), []
    build.before(repo, tmp_path / "site")
    with pytest.raises(ProblemsFound):
        build.make(repo, settings, set(HOME), set(HOME), loaded=lambda: told.append("started"))
    build.failed()
    assert told == []
