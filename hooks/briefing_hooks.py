"""MkDocs adapter: hand MkDocs the pages and files the briefing core makes. Nothing else lives here.

Events in, calls to the core out. If the site moves to another engine, this is
the only file that has to be written again.
"""
from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from briefing.csp import with_content_security_policy
from briefing.head import feed_links
from briefing.load import load_site
from briefing.paths import check_collisions
from briefing.preview import OutputReuse, inputs_fingerprint
from briefing.problems import ProblemsFound
from briefing.search_index import SearchIndex, SearchIndexError, add_generated_pages, add_page
from briefing.site import render_site

log = logging.getLogger("mkdocs.hooks.briefing")
_state: dict = {"pages": {}, "home_html": "", "search": None, "search_later": set(), "preview": None}


def on_startup(command, dirty):
    """A preview server reuses unchanged entry pages between rebuilds (briefing/preview.py)."""
    _state["preview"] = OutputReuse() if command == "serve" and not dirty else None


def on_pre_build(config):
    _stop_search_index()  # a preview's previous index may still be writing
    if _state["preview"]:
        root = Path(config.config_file_path).parent
        _state["preview"].set_aside(Path(config.site_dir), inputs_fingerprint(root))


def on_files(files, config):
    root = Path(config.config_file_path).parent
    try:
        site = load_site(root)
    except ProblemsFound as found:
        fail(found.problems)
    rendered = render_site(site, config.site_name, config.site_url or "/")
    existing = {file.src_uri for file in files}
    outputs = [(page.source, page.origin or "briefings") for page in rendered.pages]
    outputs += [(item.path, "briefings") for item in rendered.files]
    collisions = check_collisions(outputs, existing)
    if collisions:
        fail(collisions)
    reused = _state["preview"].reusable(Path(config.site_dir), rendered.pages) if _state["preview"] else set()
    for page in rendered.pages:
        if page.source not in reused:
            files.append(File.generated(config, page.source, content=page.body,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
    for item in rendered.files:
        files.append(File.generated(config, item.path, content=item.content))
    _state.update(pages={page.source: page for page in rendered.pages}, home_html=rendered.home_html)
    _stop_search_index()
    _state["search"] = SearchIndex(config.theme["language"], held=bool(_state["preview"]))
    added = add_generated_pages(_state["search"], rendered.pages)
    _state["search_later"] = {file.src_uri for file in files.documentation_pages()} - added
    return files


def on_page_markdown(markdown, page, config, files):
    """Generated pages are HTML already: Markdown gets nothing to do (see on_page_content)."""
    generated = _state["pages"].get(page.file.src_uri)
    if generated is None:
        page.meta.setdefault("briefing_feeds", feed_links())  # hand-written pages link the site's feeds
        return markdown
    page.meta.update(generated.meta)
    page.edit_url = edit_url(config, generated.origin)
    return "" if generated.is_html else markdown


def on_page_content(html, page, config, files):
    """Place the core's HTML, and the home page's lists below its introduction."""
    generated = _state["pages"].get(page.file.src_uri)
    if generated is not None and generated.is_html:
        html = generated.body
    _index_for_search(page, html, config)
    if page.file.src_uri == "index.md":
        return html + _state["home_html"]  # the latest entries are searched on their own pages
    return html


def _index_for_search(page, html: str, config) -> None:
    """Hand-written pages go to the search index once rendered (the core's went in on_files);
    after the last one, Pagefind writes while the engine lays out the pages."""
    later = _state["search_later"]
    if page.file.src_uri not in later:
        return
    later.discard(page.file.src_uri)
    add_page(_state["search"], page.url, page.meta, page.title or "", html)
    if not later and not _state["preview"]:
        _state["search"].start_writing(Path(config.site_dir) / "pagefind")


def on_post_build(config):
    site_dir = Path(config.site_dir)
    if _state["preview"]:
        _state["preview"].put_back(site_dir)
        _state["search"].send_held_in_background(site_dir / "pagefind")  # pages are shown first
        return
    search, _state["search"] = _state["search"], None
    try:
        search.finish(site_dir / "pagefind")
    except SearchIndexError as error:
        raise PluginError(f"search index: {error}") from None


def on_build_error(error):
    _stop_search_index()
    if _state["preview"]:
        _state["preview"].forget()


def on_shutdown():
    _stop_search_index()


def _stop_search_index() -> None:
    if _state["search"] is not None:
        _state["search"].close()
        _state["search"] = None


def on_post_page(output, page, config):
    return with_content_security_policy(output, page.content or "")


def on_post_template(output_content, template_name, config):
    """The theme's own pages (404.html) get the same policy as every other page (but no feed links)."""
    return with_content_security_policy(output_content) if template_name.endswith(".html") else output_content


def edit_url(config, origin: str) -> str | None:
    """'Edit this page' opens the YAML file a generated page comes from (docs/ is one level down)."""
    if not origin or not config.repo_url or not config.edit_uri:
        return None
    return urljoin(urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri), "../" + origin)


def fail(problems) -> None:
    """Print every problem on its own line, then stop the build once, with the count."""
    for problem in problems:
        log.error(str(problem))
    raise PluginError(f"{len(problems)} problem(s) in the briefing files; see the lines above.")
