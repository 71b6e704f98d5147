"""A build driven the way an engine drives the core (hooks/briefing_hooks.py), with no engine."""
from __future__ import annotations

from pathlib import Path

from briefing.render.paths import page_url
from briefing.render.settings import Settings
from briefing.site_builds import SiteBuilds

HOME = {"index.md": "<h1>Toy home</h1><p>Hand-written introduction.</p>"}


def drive(builds: SiteBuilds, repo: Path, site: Path, docs: dict = HOME, recent: int = 2_000,
          incremental: bool = False) -> tuple[dict[str, str], set[str]]:
    """One English build: the core's pages and the hand-written ones laid out (`recent`: how many
    of the newest entries the first search bundle holds). Gives what each page shows, and the
    sources of the generated pages the engine was handed."""
    build = builds.of("en")
    builds.before("en", site, incremental)
    settings = Settings("Toy", "https://example.org/toy/", search_recent_entries=recent)
    pages = build.make(builds.model("en", repo), settings, set(docs), list(docs))
    shown = {source: build.page_html(source, page_url(source), {}, "Home", html) for source, html in docs.items()}
    for page in pages:
        shown[page.source] = build.page_html(page.source, page.url, page.meta, "", "" if page.is_html else "<p>x</p>")
    assert {"feeds/all.atom.xml", "data/claims.csv"} <= set(build.file_paths())
    with builds.later.held():
        build.after()
    return shown, {page.source for page in pages}
