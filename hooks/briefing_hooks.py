"""MkDocs adapter: hand MkDocs the pages the briefing core makes. Nothing else lives here.

Events in, calls to the core out. If the site moves to another engine, this is
the only file that has to be written again.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from briefing.load import load_site
from briefing.paths import check_collisions
from briefing.problems import ProblemsFound
from briefing.schema import all_schemas
from briefing.site import render_site

log = logging.getLogger("mkdocs.hooks.briefing")
_state: dict = {}


def on_files(files, config):
    root = Path(config.config_file_path).parent
    try:
        site = load_site(root)
    except ProblemsFound as found:
        fail(found.problems)
    rendered = render_site(site)
    pages = rendered.pages
    existing = {file.src_uri for file in files}
    collisions = check_collisions({page.source: page.origin for page in pages}, existing)
    if collisions:
        fail(collisions)
    for page in pages:
        files.append(File.generated(config, page.source, content=page.markdown,
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    for name, text in all_schemas().items():
        files.append(File.generated(config, f"schema/{name}", content=text))
    _state["home_html"] = rendered.home_html
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "index.md" and "home_html" in _state:
        return markdown + "\n\n" + _state["home_html"]
    return markdown


def fail(problems) -> None:
    """Print every problem on its own line, then stop the build once, with the count."""
    for problem in problems:
        log.error(str(problem))
    raise PluginError(f"{len(problems)} problem(s) in the briefing files; see the lines above.")
