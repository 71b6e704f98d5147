"""A language's build driven the way an engine drives it, with no engine: each test makes fresh builds."""
from __future__ import annotations

import gc
import shutil
import types
from pathlib import Path

import pytest

from briefing.format.problems import ProblemsFound
from briefing.render.paths import page_url
from briefing.render.settings import Settings
from briefing.site_builds import SiteBuilds

from conftest import TOY
from drive import HOME, drive
from search_records import search_records

LATER = 60  # seconds a preview's later work (feeds, data, search) may take before a test fails


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(TOY, tmp_path / "repo")
    return tmp_path / "repo"


def preview() -> SiteBuilds:
    builds = SiteBuilds()
    builds.start(preview=True)
    return builds


def test_a_published_build_shows_the_core_pages_and_writes_the_search_index(repo: Path, tmp_path: Path):
    shown, _ = drive(SiteBuilds(), repo, tmp_path / "site")
    assert "Assembly president says more than 400" in shown["entries/assembly-says-400-freed.md"]
    assert shown["index.md"].startswith(HOME["index.md"]) and "Latest entries" in shown["index.md"]
    records = search_records(tmp_path / "site")
    assert {"/", "/entries/assembly-says-400-freed/", "/format/"} <= set(records)
    assert "/timeline/" not in records  # lists that only repeat entries are not searched
    assert (tmp_path / "site/feeds/all.atom.xml").read_text().startswith("<?xml")


def test_a_preview_indexes_its_pages_after_the_build_and_rechecks_only_what_changed(repo: Path, tmp_path: Path,
                                                                                    monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE", "off")  # what the build remembers in memory, not on disk
    builds, site = preview(), tmp_path / "site"
    drive(builds, repo, site)
    assert builds.later.wait(LATER), "the preview's later work did not end"
    assert "/entries/oil-exports-resume/" in search_records(site)
    entry = repo / "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"
    entry.write_text(entry.read_text().replace("Oil shipments resume", "Oil shipments resumed, edited"))
    shown, handed = drive(builds, repo, site, incremental=True)
    assert builds.models.checked.read_in_last_run == ["briefings/2026/01/2026-01-14-oil-exports-resume.yaml"]
    assert "resumed, edited" in shown["entries/oil-exports-resume.md"]
    assert "entries/oil-exports-resume.md" in handed and "entries/assembly-says-400-freed.md" not in handed
    assert builds.later.wait(LATER), "the preview's later work did not end"
    assert "resumed, edited" in (site / "feeds/all.atom.xml").read_text()
    assert "resumed, edited" in search_records(site)["/entries/oil-exports-resume/"]["meta"]["title"]
    builds.close()


def test_a_preview_saves_the_check_cache_after_the_pages_are_served(repo: Path, tmp_path: Path):
    builds = preview()
    builds.before("en", tmp_path / "site")
    model = builds.model("en", repo)
    assert not list((repo / ".cache").rglob("checked-*.json")), "saved while the build ran"
    builds.of("en").make(model, Settings("Toy", "https://example.org/toy/"), set(HOME), list(HOME))
    with builds.later.held():
        builds.of("en").after()
    assert builds.later.wait(LATER), "the preview's later work did not end"
    assert list((repo / ".cache").rglob("checked-*.json"))
    builds.close()


def test_the_entries_older_than_the_recent_ones_are_searched_from_a_bundle_of_their_own(repo: Path, tmp_path: Path):
    drive(SiteBuilds(), repo, tmp_path / "site", recent=1)
    recent, earlier = search_records(tmp_path / "site"), search_records(tmp_path / "site", "pagefind-earlier")
    assert "/entries/oil-exports-resume/" in recent and "/format/" in recent and "/" in recent  # the newest
    assert set(earlier) == {"/entries/assembly-says-400-freed/"}


def test_a_preview_writes_the_earlier_bundle_while_there_are_earlier_entries_and_removes_it_after(
        repo: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    builds, site = preview(), tmp_path / "site"
    drive(builds, repo, site, recent=1)
    assert builds.later.wait(LATER), "the preview's later work did not end"
    assert set(search_records(site, "pagefind-earlier")) == {"/entries/assembly-says-400-freed/"}
    (repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml").unlink()
    drive(builds, repo, site, recent=1, incremental=True)
    assert builds.later.wait(LATER), "the preview's later work did not end"
    assert not (site / "pagefind-earlier").exists()
    assert "/entries/oil-exports-resume/" in search_records(site)
    builds.close()


def test_a_preview_s_failed_background_work_says_so_in_one_line(repo: Path, tmp_path: Path, monkeypatch):
    """Feeds and data that cannot be written (here: a file stands where their folder goes)."""
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    said: list[str] = []
    builds, site = SiteBuilds(report=said.append), tmp_path / "site"
    builds.start(preview=True)
    site.mkdir()
    (site / "feeds").write_text("not a folder")
    drive(builds, repo, site)
    assert builds.later.wait(LATER), "the preview's later work did not end"
    assert len(said) == 1 and said[0].startswith("The preview could not write the feeds and open data: ")
    assert "\n" not in said[0] and (site / "pagefind/pagefind-entry.json").exists()  # the rest went on
    builds.close()


def test_a_generated_page_may_not_replace_a_hand_written_one(repo: Path, tmp_path: Path):
    docs = {**HOME, "timeline.md": "<h1>Mine</h1>"}
    with pytest.raises(ProblemsFound) as found:
        drive(SiteBuilds(), repo, tmp_path / "site", docs)
    assert [str(p) for p in found.value.problems] == [
        "briefings:1:1: (file): would generate timeline.md, which is already docs/timeline.md; "
        "choose another id or rename the page"]


def test_problems_in_the_files_stop_the_build_with_every_line_before_anything_renders(repo: Path, tmp_path: Path):
    """The adapter starts the other languages' builds once the model loads (hooks/briefing_languages.py):
    a problem in the files must stop the build before then, so that it is reported once."""
    entry = repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    entry.write_text(entry.read_text().replace("topics: [detentions]", "topics: [detention]"))
    builds = SiteBuilds()
    builds.before("en", tmp_path / "site")
    with pytest.raises(ProblemsFound) as found:
        builds.model("en", repo)
    builds.failed()
    assert [p.field for p in found.value.problems] == ["topics[0]"]
    assert builds.of("en").pages == {}


def test_the_other_languages_take_the_model_the_default_language_loaded_in_the_same_cycle(repo: Path, tmp_path):
    builds = SiteBuilds()
    builds.before("en", tmp_path / "site")
    english = builds.model("en", repo)
    builds.before("es", tmp_path / "site/es")
    assert builds.model("es", repo) is english
    builds.before("en", tmp_path / "site")  # the next cycle loads again
    assert builds.model("en", repo) is not english
    alone = SiteBuilds()  # a Spanish build on its own loads its own
    alone.before("es", tmp_path / "other")
    assert alone.model("es", repo).site.entries == english.site.entries


def test_the_default_build_checks_every_text_before_the_other_languages_start_and_they_do_not_again(
        repo: Path, tmp_path: Path, monkeypatch):
    """The adapter calls `check` before it forks the other languages' builds, which take the model
    as it was then: they must not render the default language's texts again to check them."""
    from briefing.render import site_outputs
    checked = []
    real = site_outputs.unrenderable_texts
    monkeypatch.setattr(site_outputs, "unrenderable_texts", lambda *args: checked.append(1) or real(*args))
    builds = SiteBuilds()
    builds.before("en", tmp_path / "site")
    model = builds.model("en", repo)
    builds.of("en").check(model, Settings("Toy", "https://example.org/toy/"))
    assert len(checked) == 1
    forked = SiteBuilds().of("es")  # a forked process's build: the same model, a build of its own
    forked.before(tmp_path / "site/es")
    forked.make(model, Settings("Toy", "https://example.org/toy/es/", language="es"), set(HOME), list(HOME))
    builds.of("en").make(model, Settings("Toy", "https://example.org/toy/"), set(HOME), list(HOME))
    assert len(checked) == 1
    forked.close()
    builds.close()


def test_a_text_that_cannot_be_rendered_stops_the_build_before_the_other_languages_start(repo: Path, tmp_path: Path,
                                                                                         monkeypatch):
    from briefing.format.problems import Problem
    from briefing.render import site_outputs
    monkeypatch.setattr(site_outputs, "unrenderable_texts", lambda *args: [Problem("x.yaml", 0, 0, "body", "bad")])
    builds = SiteBuilds()
    builds.before("en", tmp_path / "site")
    model = builds.model("en", repo)
    with pytest.raises(ProblemsFound):
        builds.of("en").check(model, Settings("Toy", "https://example.org/toy/"))
    assert not model.texts_rendered


def test_a_published_build_lets_go_of_each_page_once_written_and_of_what_the_checks_read(repo: Path,
                                                                                          tmp_path: Path,
                                                                                          monkeypatch):
    """The engine keeps every page until the build ends: the core's copy of a page's HTML must not
    be kept as well once the page is written, nor the checks' reports once the model is loaded."""
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    builds, source = SiteBuilds(), "entries/assembly-says-400-freed.md"
    build = builds.of("en")
    builds.before("en", tmp_path / "site")
    build.make(builds.model("en", repo), Settings("Toy", "https://example.org/toy/"), set(HOME), list(HOME))
    assert len(builds.models.checked.read_in_last_run) == 2
    html = build.page_html(source, page_url(source), {}, "", "")
    assert "Assembly president says more than 400" in html
    build.written(source)
    assert build.page(source) is not None and build.page(source).body == ""
    holders = [holder for holder in gc.get_referrers(html) if not isinstance(holder, types.FrameType)]
    assert holders == [], "something of the core still holds the written page's HTML"
    builds.model("en", repo)
    assert len(builds.models.checked.read_in_last_run) == 2  # forgotten after the first load: read again
    builds.close()


def test_only_a_preview_keeps_its_pages_once_written(repo: Path, tmp_path: Path):
    """A published build reads nothing of a page again once the engine has written it, so it lets the
    page go, and tells the engine it may too; a preview compares its next rebuild's pages with these."""
    source = "entries/assembly-says-400-freed.md"
    for builds, keeps in ((SiteBuilds(), False), (preview(), True)):
        build = builds.of("en")
        builds.before("en", tmp_path / f"site-{keeps}")
        build.make(builds.model("en", repo), Settings("Toy", "https://example.org/toy/"), set(HOME), list(HOME))
        assert build.written(source) is not keeps
        with builds.later.held():
            build.after()
        assert (build.page(source) is not None) is keeps
        assert builds.later.wait(LATER), "the preview's later work did not end"
        builds.close()
