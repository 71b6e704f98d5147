"""Which pages a preview's rebuild lays out again, and which files it writes again
(briefing/publish/preview.py): decided by the plan's keys and the pages' digests."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from briefing.publish.preview import PreviewFiles, PreviewPages


@dataclass
class Page:
    source: str
    body: str
    meta: dict = field(default_factory=dict)


def rendered(pages: list[Page], made=None, home: str = "") -> SimpleNamespace:
    """A rendered site as PreviewPages reads it; `made`: the pages made again (default: all)."""
    made = {page.source for page in pages} if made is None else set(made)
    return SimpleNamespace(pages=pages, made=frozenset(made), home_html=home)


def test_a_full_build_lays_out_every_page_and_a_rebuild_only_the_changed_ones():
    pages, decide = [Page("entries/a.md", "A"), Page("entries/b.md", "B")], PreviewPages()
    assert decide.changed(rendered(pages), incremental=False) == {"entries/a.md", "entries/b.md"}
    decide.laid_out("")
    pages[1] = Page("entries/b.md", "B edited")
    assert decide.changed(rendered(pages, made={"entries/b.md"}), incremental=True) == {"entries/b.md"}


def test_a_page_made_again_to_the_same_output_is_not_laid_out_again():
    decide = PreviewPages()
    decide.changed(rendered([Page("entries/a.md", "A", {"title": "A"})]), incremental=False)
    decide.laid_out("")
    assert decide.changed(rendered([Page("entries/a.md", "A", {"title": "A"})]), incremental=True) == set()
    decide.laid_out("")
    assert decide.changed(rendered([Page("entries/a.md", "A", {"title": "A, retitled"})]),
                          incremental=True) == {"entries/a.md"}


def test_after_a_failed_build_a_page_kept_by_its_key_is_compared_with_the_folder():
    """The failed build made the page again; the next keeps that rendering by its key, but the
    folder still holds the page before it: it is compared, and laid out."""
    decide = PreviewPages()
    decide.changed(rendered([Page("entries/a.md", "A")]), incremental=False)
    decide.laid_out("")
    decide.changed(rendered([Page("entries/a.md", "A edited")]), incremental=True)
    decide.failed()
    assert decide.changed(rendered([Page("entries/a.md", "A edited")], made=()), incremental=True) == {"entries/a.md"}


def test_pages_no_longer_made_are_gone_and_a_full_build_forgets_the_folder():
    decide = PreviewPages()
    decide.changed(rendered([Page("entries/a.md", "A"), Page("entries/b.md", "B")]), incremental=False)
    decide.laid_out("")
    decide.changed(rendered([Page("entries/a.md", "A")], made=()), incremental=True)
    assert decide.gone() == {"entries/b.md"}
    decide.laid_out("")
    assert decide.changed(rendered([Page("entries/a.md", "A")], made=()), incremental=False) == {"entries/a.md"}


def test_the_home_page_is_laid_out_again_only_when_its_sections_change():
    decide = PreviewPages()
    decide.changed(rendered([], home="<p>1</p>"), incremental=False)
    assert decide.home_changed("<p>1</p>")
    decide.laid_out("<p>1</p>")
    assert not decide.home_changed("<p>1</p>") and decide.home_changed("<p>2</p>")


def files(keys: dict, written: list) -> SimpleNamespace:
    """A rendered site as PreviewFiles reads it: each file's key, and a content that notes it was made."""
    def content(path):
        return lambda: written.append(path) or f"text of {path}"
    plan = SimpleNamespace(files=[SimpleNamespace(address=path, key=key) for path, key in keys.items()])
    return SimpleNamespace(plan=plan, contents={path: content(path) for path in keys})


def test_a_file_is_written_again_only_when_its_key_changed_and_removed_once_no_longer_made(tmp_path: Path):
    store, written, stop = PreviewFiles(), [], threading.Event()
    store.job(tmp_path, files({"feeds/all.json": (1,), "data/claims.csv": (1,)}, written))(stop)
    assert sorted(written) == ["data/claims.csv", "feeds/all.json"]
    written.clear()
    store.job(tmp_path, files({"feeds/all.json": (2,), "data/claims.csv": (1,)}, written))(stop)
    assert written == ["feeds/all.json"]
    store.job(tmp_path, files({"feeds/all.json": (2,)}, written))(stop)
    assert not (tmp_path / "data/claims.csv").exists() and (tmp_path / "feeds/all.json").read_text() == \
        "text of feeds/all.json"
    store.forget()  # a full build emptied the folder: every file is written again
    written.clear()
    store.job(tmp_path, files({"feeds/all.json": (2,)}, written))(stop)
    assert written == ["feeds/all.json"]


def test_a_stopped_job_leaves_its_files_to_be_written_next_time(tmp_path: Path):
    store, written, stop = PreviewFiles(), [], threading.Event()
    stop.set()
    store.job(tmp_path, files({"feeds/all.json": (1,)}, written))(stop)
    assert written == []
    store.job(tmp_path, files({"feeds/all.json": (1,)}, written))(threading.Event())
    assert written == ["feeds/all.json"]


def test_the_files_of_an_entry_no_longer_made_go_with_their_folder_before_the_job_runs(tmp_path: Path):
    """Any kind of file planned one per entry (here its citations) goes when the entry does, at
    once, as its page does, and so does the entry's folder it leaves empty; the others stay."""
    store, written = PreviewFiles(), []
    both = {f"entries/{entry}/cite.{form}": (1,) for entry in ("a", "b") for form in ("bib", "json")}
    store.job(tmp_path, files(both, written))(threading.Event())
    kept = {path: key for path, key in both.items() if path.startswith("entries/a/")}
    store.job(tmp_path, files(kept, written))  # built, not yet run: the job may wait or be stopped
    assert not (tmp_path / "entries/b").exists()
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*")) == \
        ["entries", "entries/a", "entries/a/cite.bib", "entries/a/cite.json"]
