"""Preview rebuilds lay out only the generated pages whose output changed (briefing/publish/preview.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from briefing.publish.preview import MARKER, PreviewOutput, inputs_fingerprint, linked_sources


@dataclass
class Page:
    source: str
    body: str
    meta: dict = field(default_factory=dict)


def empty(site: Path) -> None:
    """What the engine does first: it empties the site folder, leaving hidden files."""
    for path in sorted(site.rglob("*"), reverse=True) if site.exists() else []:
        if not any(part.startswith(".") for part in path.relative_to(site).parts):
            path.unlink() if path.is_file() else path.rmdir()


def build(output: PreviewOutput, site: Path, pages: list[Page], inputs: str = "same", always=frozenset(),
          fail: bool = False) -> set[str]:
    """What the adapter does around one engine build; returns the sources the engine laid out."""
    output.before(site, inputs)
    empty(site)
    handed = output.to_lay_out(pages, set(always))
    for page in pages:
        if page.source in handed:  # the engine writes the pages it is handed
            out = site / page.source.removesuffix(".md") / "index.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(f"laid out: {page.body}")
    (site / "assets").mkdir(parents=True, exist_ok=True)
    (site / "assets/style.css").write_text("every build")  # and its own files, every time
    if fail:
        output.failed(site)
    else:
        output.after(site)
    return handed


def shown(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text() for path in site.rglob("*")
            if path.is_file() and path.name != MARKER}


def test_a_rebuild_lays_out_only_the_changed_pages_and_the_folder_holds_every_page(tmp_path: Path):
    site, output = tmp_path / "site", PreviewOutput()
    pages = [Page("entries/a.md", "A"), Page("entries/b.md", "B"), Page("topics/t.md", "T")]
    assert build(output, site, pages) == {"entries/a.md", "entries/b.md", "topics/t.md"}
    pages[1] = Page("entries/b.md", "B edited")
    assert build(output, site, pages, always={"topics/t.md"}) == {"entries/b.md", "topics/t.md"}
    assert shown(site) == {"entries/a/index.html": "laid out: A", "entries/b/index.html": "laid out: B edited",
                           "topics/t/index.html": "laid out: T", "assets/style.css": "every build"}
    assert not list(tmp_path.glob(".site-preview-*"))


def test_a_page_rendered_again_to_the_same_output_is_not_laid_out_again(tmp_path: Path):
    site, output = tmp_path / "site", PreviewOutput()
    build(output, site, [Page("entries/a.md", "A", {"title": "A"})])
    assert build(output, site, [Page("entries/a.md", "A", {"title": "A"})]) == set()
    assert build(output, site, [Page("entries/a.md", "A", {"title": "A, retitled"})]) == {"entries/a.md"}


def test_a_page_that_is_gone_leaves_no_output_behind(tmp_path: Path):
    site, output = tmp_path / "site", PreviewOutput()
    build(output, site, [Page("entries/a.md", "A"), Page("entries/b.md", "B"), Page("topics/t/page/2.md", "T2")])
    assert build(output, site, [Page("entries/a.md", "A")]) == set()
    assert set(shown(site)) == {"entries/a/index.html", "assets/style.css"}
    assert not (site / "entries/b").exists() and not (site / "topics").exists()


@pytest.mark.parametrize("why", ["shared inputs changed", "folder emptied by another build", "last build failed"])
def test_a_rebuild_is_a_full_one_unless_the_folder_is_the_last_build_s_and_nothing_shared_changed(
        tmp_path: Path, why: str):
    site, output = tmp_path / "site", PreviewOutput()
    pages = [Page("entries/a.md", "A"), Page("entries/b.md", "B")]
    build(output, site, pages)
    inputs = "same"
    if why == "shared inputs changed":
        inputs = "a template was edited"
    elif why == "folder emptied by another build":
        (site / MARKER).unlink()
        empty(site)
    else:
        output.before(site, "same")
        output.failed(site)  # as if the engine had emptied the folder in a full build, then failed
        output.before(site, "other")
        empty(site)
        output.failed(site)
    assert build(output, site, pages, inputs) == {"entries/a.md", "entries/b.md"}
    assert set(shown(site)) == {"entries/a/index.html", "entries/b/index.html", "assets/style.css"}


def test_a_failed_rebuild_leaves_the_last_build_s_folder_as_it_was(tmp_path: Path):
    site, output = tmp_path / "site", PreviewOutput()
    build(output, site, [Page("entries/a.md", "A"), Page("entries/b.md", "B")])
    before = shown(site)
    build(output, site, [Page("entries/a.md", "A edited")], fail=True)
    assert shown(site) == before
    assert build(output, site, [Page("entries/a.md", "A"), Page("entries/b.md", "B")]) == set()


def test_the_fingerprint_moves_when_a_shared_input_or_any_language_s_configuration_changes(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    before = inputs_fingerprint(tmp_path)
    assert inputs_fingerprint(tmp_path) == before
    (tmp_path / "docs/about.md").write_text("# About\n")
    after_page = inputs_fingerprint(tmp_path)
    assert after_page != before
    (tmp_path / "mkdocs.es.yml").write_text("INHERIT: mkdocs.yml\n")
    assert inputs_fingerprint(tmp_path) != after_page


def test_pages_that_hand_written_pages_or_the_menu_name_are_always_handed(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - Topics: topics/detentions.md\n")
    (tmp_path / "docs/about.md").write_text("See [the format](format.md).\n")
    sources = ["topics/detentions.md", "topics/diplomacy.md", "format.md", "entries/a.md"]
    assert linked_sources(tmp_path, tmp_path / "docs", sources) == {"topics/detentions.md", "format.md"}
