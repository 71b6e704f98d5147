"""Rendering the whole site, and what a renderer reuses from one build to the next."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from briefing.model.build import load_site
from briefing.render.jinja import TEMPLATES, Templates
from briefing.render.settings import Settings
from briefing.render.site_outputs import SiteRenderer

from conftest import TOY

TOY_SETTINGS = Settings("Toy", "https://example.org/")


def entry_pages(rendered) -> dict:
    return {page.source: page for page in rendered.pages if page.source.startswith("entries/")}


def test_entry_pages_are_reused_until_their_entry_or_a_template_changes(tmp_path: Path):
    shutil.copytree(TOY, tmp_path / "repo")
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    renderer = SiteRenderer(Templates(tmp_path / "templates"))
    first = entry_pages(renderer.render(load_site(tmp_path / "repo"), TOY_SETTINGS))
    again = entry_pages(renderer.render(load_site(tmp_path / "repo"), TOY_SETTINGS))
    assert first.keys() == again.keys() and all(again[s] is first[s] for s in first)

    entry = tmp_path / "repo/briefings/2026/01/2026-01-14-oil-exports-resume.yaml"
    entry.write_text(entry.read_text().replace("Oil shipments resume", "Oil shipments resumed"))
    edited = entry_pages(renderer.render(load_site(tmp_path / "repo"), TOY_SETTINGS))
    assert edited["entries/oil-exports-resume.md"] is not first["entries/oil-exports-resume.md"]
    assert edited["entries/assembly-says-400-freed.md"] is first["entries/assembly-says-400-freed.md"]

    template = tmp_path / "templates/entry.html.j2"
    os.utime(template, ns=(template.stat().st_atime_ns, template.stat().st_mtime_ns + 10**9))
    retouched = entry_pages(renderer.render(load_site(tmp_path / "repo"), TOY_SETTINGS))
    assert all(retouched[s] is not edited[s] and retouched[s].body == edited[s].body for s in edited)


def test_a_registry_change_renders_every_entry_page_again(tmp_path: Path):
    shutil.copytree(TOY, tmp_path / "repo")
    renderer = SiteRenderer()
    first = entry_pages(renderer.render(load_site(tmp_path / "repo"), TOY_SETTINGS))
    actors = tmp_path / "repo/briefings/actors.yaml"
    actors.write_text(actors.read_text().replace("name: Jorge Rodríguez", "name: Jorge Rodríguez Gómez"))
    again = entry_pages(renderer.render(load_site(tmp_path / "repo"), TOY_SETTINGS))
    assert all(again[s] is not first[s] for s in first)
    assert "Jorge Rodríguez Gómez" in again["entries/assembly-says-400-freed.md"].body


def test_a_template_edited_between_builds_is_read_again(tmp_path: Path):
    """Templates are looked at once per build, not at every include: an edit made between two
    builds (a preview server's) still shows in the next one."""
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    renderer = SiteRenderer(Templates(tmp_path / "templates"))
    site = load_site(TOY, cache=False)
    first = entry_pages(renderer.render(site, TOY_SETTINGS))
    template = tmp_path / "templates/entry.html.j2"
    template.write_text(template.read_text().replace("<article", "<!-- edited --><article", 1))
    os.utime(template, ns=(template.stat().st_atime_ns, template.stat().st_mtime_ns + 10**9))
    again = entry_pages(renderer.render(site, TOY_SETTINGS))
    assert all("<!-- edited -->" not in page.body for page in first.values())
    assert all("<!-- edited -->" in page.body for page in again.values())
