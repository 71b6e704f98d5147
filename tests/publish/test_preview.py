"""Preview rebuilds keep the output of unchanged entry pages (briefing/preview.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.publish.preview import OutputReuse, inputs_fingerprint


@dataclass
class Page:
    source: str
    body: str
    meta: dict = field(default_factory=dict)


def build(reuse: OutputReuse, site: Path, pages: list[Page], inputs: str = "same") -> set[str]:
    """What the adapter does around one MkDocs build; returns the sources that were reused."""
    reuse.set_aside(site, inputs)
    if site.exists():  # the engine empties the site folder
        for path in sorted(site.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    kept = reuse.reusable(site, pages)
    for page in pages:
        if page.source not in kept:  # the engine writes the pages it builds
            out = site / page.source.removesuffix(".md") / "index.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(f"laid out: {page.body}")
    reuse.put_back(site)
    return kept


def test_unchanged_entry_pages_keep_their_output_and_changed_ones_are_rebuilt(tmp_path: Path):
    site, reuse = tmp_path / "site", OutputReuse()
    pages = [Page("entries/a.md", "A"), Page("entries/b.md", "B"), Page("topics/t.md", "T")]
    assert build(reuse, site, pages) == set()
    pages[1] = Page("entries/b.md", "B edited")
    assert build(reuse, site, pages) == {"entries/a.md"}  # never a list page, never the edited entry
    assert (site / "entries/a/index.html").read_text() == "laid out: A"
    assert (site / "entries/b/index.html").read_text() == "laid out: B edited"
    assert not (tmp_path / ".site-reused-pages").exists()


def test_a_change_to_meta_or_to_the_shared_inputs_rebuilds_every_page(tmp_path: Path):
    site, reuse = tmp_path / "site", OutputReuse()
    pages = [Page("entries/a.md", "A", {"title": "A"}), Page("entries/b.md", "B")]
    build(reuse, site, pages)
    pages[0] = Page("entries/a.md", "A", {"title": "A, retitled"})
    assert build(reuse, site, pages) == {"entries/b.md"}
    assert build(reuse, site, pages, inputs="a template was edited") == set()


def test_a_deleted_entry_leaves_no_page_behind(tmp_path: Path):
    site, reuse = tmp_path / "site", OutputReuse()
    build(reuse, site, [Page("entries/a.md", "A"), Page("entries/b.md", "B")])
    assert build(reuse, site, [Page("entries/a.md", "A")]) == {"entries/a.md"}
    assert not (site / "entries/b").exists()


def test_the_fingerprint_moves_when_a_shared_input_changes(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    before = inputs_fingerprint(tmp_path)
    assert inputs_fingerprint(tmp_path) == before
    (tmp_path / "docs/about.md").write_text("# About\n")
    assert inputs_fingerprint(tmp_path) != before
