"""A preview server's site folder between rebuilds (hooks/briefing_preview.py): the engine empties
the folder and writes only the pages it is handed; the folder must still hold every page."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefing.render.outputs import GeneratedPage
from briefing_preview import MARKER, PreviewFolder, code_fingerprint, inputs_fingerprint, linked_sources, stale_code


def empty(site: Path) -> None:
    """What the engine does first: it empties the site folder, leaving hidden files."""
    for path in sorted(site.rglob("*"), reverse=True) if site.exists() else []:
        if not any(part.startswith(".") for part in path.relative_to(site).parts):
            path.unlink() if path.is_file() else path.rmdir()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "repo/docs").mkdir(parents=True)
    (tmp_path / "repo/mkdocs.yml").write_text("site_name: x\n")
    return tmp_path / "repo"


def build(folder: PreviewFolder, root: Path, handed: dict[str, str], gone=(), fail: bool = False) -> bool:
    """What the adapter does around one engine build that lays out `handed` (source -> body);
    returns whether the build was laid over the last one."""
    site = root.parent / "site"
    incremental = folder.before(site, root)
    empty(site)
    for source, body in handed.items():
        out = site / source.removesuffix(".md") / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(f"laid out: {body}")
    (site / "assets").mkdir(parents=True, exist_ok=True)
    (site / "assets/style.css").write_text("every build")  # and its own files, every time
    folder.failed(site) if fail else folder.after(site, set(gone))
    return incremental


def shown(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text() for path in site.rglob("*")
            if path.is_file() and path.name != MARKER}


def test_a_rebuild_lays_the_engine_s_pages_over_the_last_build_s(root: Path):
    folder, site = PreviewFolder(), root.parent / "site"
    assert not build(folder, root, {"entries/a.md": "A", "entries/b.md": "B"})
    assert build(folder, root, {"entries/b.md": "B edited"})
    assert shown(site) == {"entries/a/index.html": "laid out: A", "entries/b/index.html": "laid out: B edited",
                           "assets/style.css": "every build"}
    assert not list(root.parent.glob(".site-preview-*"))


def test_a_page_that_is_gone_leaves_no_output_behind(root: Path):
    folder, site = PreviewFolder(), root.parent / "site"
    build(folder, root, {"entries/a.md": "A", "entries/b.md": "B", "topics/t/page/2.md": "T2"})
    build(folder, root, {}, gone={"entries/b.md", "topics/t/page/2.md"})
    assert set(shown(site)) == {"entries/a/index.html", "assets/style.css"}
    assert not (site / "entries/b").exists() and not (site / "topics").exists()


@pytest.mark.parametrize("why", ["a shared input changed", "folder emptied by another build", "last build failed"])
def test_a_rebuild_is_a_full_one_unless_the_folder_is_the_last_build_s_and_nothing_shared_changed(root: Path, why):
    folder, site = PreviewFolder(), root.parent / "site"
    build(folder, root, {"entries/a.md": "A"})
    if why == "a shared input changed":
        (root / "docs/about.md").write_text("# About\n")
    elif why == "folder emptied by another build":
        (site / MARKER).unlink()
        empty(site)
    else:
        (root / "docs/about.md").write_text("# About\n")
        build(folder, root, {}, fail=True)  # a full build (the engine emptied the folder), failed
    assert not build(folder, root, {"entries/a.md": "A"})


def test_a_failed_rebuild_leaves_the_last_build_s_folder_as_it_was(root: Path):
    folder, site = PreviewFolder(), root.parent / "site"
    build(folder, root, {"entries/a.md": "A", "entries/b.md": "B"})
    before = shown(site)
    build(folder, root, {"entries/a.md": "A edited"}, fail=True)
    assert shown(site) == before
    assert build(folder, root, {})  # the folder is still the last good build's


def test_the_fingerprint_moves_when_a_shared_input_or_any_language_s_configuration_changes(root: Path):
    before = inputs_fingerprint(root)
    assert inputs_fingerprint(root) == before
    (root / "docs/about.md").write_text("# About\n")
    after_page = inputs_fingerprint(root)
    assert after_page != before
    (root / "mkdocs.es.yml").write_text("INHERIT: mkdocs.yml\n")
    assert inputs_fingerprint(root) != after_page


def test_pages_that_hand_written_pages_or_the_menu_name_are_found(root: Path):
    (root / "mkdocs.yml").write_text("nav:\n  - Topics: topics/detentions.md\n")
    (root / "docs/about.md").write_text("See [the format](format.md).\n")
    sources = ["topics/detentions.md", "topics/diplomacy.md", "format.md", "entries/a.md"]
    assert linked_sources(root, root / "docs", sources) == {"topics/detentions.md", "format.md"}


def test_a_rebuild_hands_the_engine_only_the_files_a_checked_page_may_link_to(root: Path):
    """Every one of 25,000 files at 10,000 entries cost the engine a record and a look at its
    exclusions, every rebuild; only those a page it checks links to are needed (by name)."""
    (root / "docs/data.md").write_text("[all](feeds/all.atom.xml), [claims](<data/claims.csv>) and `schema/`.\n")
    (root / "mkdocs.yml").write_text("extra:\n  feed: 'feeds/all.json'\n")
    folder = PreviewFolder()
    build(folder, root, {"index.md": "x"})
    build(folder, root, {"index.md": "x"})  # laid over the last: incremental
    paths = ["feeds/all.atom.xml", "feeds/all.json", "data/claims.csv", "data/briefings.json", "sitemap.xml",
             "entries/a/cite.bib", "schema/briefing-entry.schema.json"]
    format_page = GeneratedPage("format.md", "", "[schema](schema/briefing-entry.schema.json)", is_html=False)
    html_page = GeneratedPage("entries/a.md", "", '<a href="cite.bib">BibTeX</a>')
    assert folder.linked_files(root, root / "docs", paths, [html_page]) == ["feeds/all.atom.xml", "feeds/all.json",
                                                                             "data/claims.csv"]
    assert folder.linked_files(root, root / "docs", paths, [format_page, html_page])[-1] == paths[-1]


def test_python_edited_under_hooks_stops_the_server_with_one_line_and_templates_do_not(root: Path):
    (root / "hooks/briefing/render/templates").mkdir(parents=True)
    (root / "hooks/briefing/site_build.py").write_text("X = 1\n")
    started = code_fingerprint(root)
    (root / "hooks/briefing/render/templates/entry.html.j2").write_text("<h1>{{ title }}</h1>\n")
    assert stale_code(root, started) is None  # templates are read again at every build
    (root / "hooks/briefing/site_build.py").write_text("X = 2\n")
    line = stale_code(root, started)
    assert line is not None and "\n" not in line and "make serve" in line
