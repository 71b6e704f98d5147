"""Engine adapter: MkDocs' events in, calls to the briefing core out.

Every event is handed to the SiteBuild of the build's language (briefing/site_builds.py keeps
one per language, as MkDocs loads this module once for mkdocs.yml and mkdocs.es.yml alike); this
file only translates between MkDocs' objects and the core's. MkDocs 1.6 and ProperDocs (its
fork) run it alike: the classes it hands back come from the engine that runs (briefing_engine.py).
What the core must not know of MkDocs and Material is in the other adapter modules, listed in the
README ("The engine at the edge"): briefing_engine.py, briefing_languages.py (the languages'
builds), briefing_preview.py (a preview server's site folder), briefing_theme.py (the theme)
and briefing_watch.py (a preview server's file watcher).
If the site moves to another engine, these are the only files to write again.
"""
from __future__ import annotations

import os
from html import unescape
from pathlib import Path
from typing import Any, NoReturn

from briefing.format.problems import ProblemsFound, quoted
from briefing.publish.csp import with_policy_and_foreign_scripts
from briefing.publish.search_index import SearchIndexError
from briefing.read.files import unsafe_files
from briefing.render.languages import docs_root, site_urls
from briefing.render.offline import registration_script
from briefing.render.pages import HOME
from briefing.render.settings import Settings, build_date
from briefing.site_builds import SiteBuilds
from briefing_engine import Engine, engine_of
from briefing_languages import (
    EnginePages,
    add_shared_files,
    build_other_languages,
    language_of,
    languages_built,
    start_other_languages,
    stop_other_languages,
)
from briefing_preview import PreviewServer
from briefing_theme import (
    LayoutOnce,
    TemplateBytecode,
    compile_theme,
    listing_visible_templates,
    text_meta,
    theme_meta,
    theme_scripts,
    toc_tokens,
)
from briefing_watch import WatchGuard, watch_changes

_builds = SiteBuilds()
_preview = PreviewServer()  # a preview server's site folders, and the code it started with
_theme_templates = TemplateBytecode()  # the theme's templates, compiled once for every build
_watch = WatchGuard()  # keeps a preview server's file watcher running, or stops the server
_engine_pages = EnginePages()  # this build's pages as the engine holds them, let go before another language builds


def builds() -> SiteBuilds:
    """Every language's build in this process (tests and tools wait on its later work)."""
    return _builds


def on_startup(command, dirty):
    preview = command == "serve" and not dirty
    _builds.start(preview=preview)
    if preview:
        _preview.start(Path(__file__).resolve().parent)


def on_config(config):
    """The theme's environment lists its files without the hidden ones (briefing_theme.py). The
    site's links between pages are to folders (entries/x/): the engine must write pages there."""
    if not config.use_directory_urls:
        raise engine_of(config).plugin_error("use_directory_urls: the site's pages link to each other as folders "
                                             "(entries/x/); leave it out, or true")
    _builds.later.report = engine_of(config).log().warning
    make_environment = config.theme.get_env
    config.theme.get_env = lambda: listing_visible_templates(make_environment())
    script = registration_script(offline_setting(config))  # the service worker's, unless `offline: false`
    if script and script not in map(str, config.extra_javascript):
        config.extra_javascript.append(script)
    return config


def on_serve(server, config, builder):
    """A preview server learns of edits from the system, not by polling, from a watcher that is
    kept running (briefing_watch.py). What it says is information, not a warning: said while a
    build runs, a warning would fail that build under `strict`."""
    watch_changes(server, config, _watch, engine_of(config).log().info)
    return server


def on_pre_build(config):
    if _watch.stop_line is not None:  # the file watcher ended, and nothing took its place
        engine_of(config).log().error(_watch.stop_line)
        raise SystemExit(1)  # the engine's server passes on every Exception, not SystemExit
    root, site_dir, language = Path(config.config_file_path).parent, Path(config.site_dir), language_of(config)
    theme_dir = getattr(config.theme, "custom_dir", None)
    unsafe = [problem for folder in (config.docs_dir, theme_dir) if folder
              for problem in unsafe_files(Path(folder), os.path.relpath(folder, root))]
    if unsafe:  # before the engine lists these folders itself: its walk follows links, recurses, reads pipes
        fail(unsafe, engine_of(config))
    if _builds.preview:  # its writer may be writing into the folder that _preview.before moves aside
        _builds.later.stop_last_cycle()
    incremental = _builds.preview and _preview.before(language, root, site_dir, engine_of(config))
    _builds.before(language, site_dir, incremental)


def on_files(files, config):
    build, engine, language = _builds.of(language_of(config)), engine_of(config), language_of(config)
    root, docs_dir = Path(config.config_file_path).parent, Path(config.docs_dir)
    add_shared_files(files, config)
    docs = {file.src_uri for file in files}
    doc_pages = [file.src_uri for file in files.documentation_pages()]
    try:
        model = _builds.model(language, root)
        if (history_line := _builds.models.history_line(model)) is not None:
            engine.log().info(history_line)
        settings = settings_of(config)
        build.check(model, settings)  # before the fork: the other languages' builds take the checked model
        if not _builds.preview:
            start_other_languages(config, before_fork=lambda: compile_before_fork(config, build))
        pages = build.make(model, settings, docs, doc_pages, docs_root(docs_dir, language))
    except ProblemsFound as found:
        fail(found.problems, engine)
    if _builds.preview:
        pages += _preview.linked_pages(language, root, docs_root(docs_dir, language), build.pages, pages)
    config.extra["briefing_other_sites"] = build.other_sites()  # overrides/404.html links them
    config.extra["briefing_search_earlier"] = bool(build.earlier)  # overrides/partials/search.html
    for page in pages:  # an HTML page's body reaches MkDocs once, in on_page_content
        files.append(engine.files.File.generated(config, page.source, content="" if page.is_html else page.body,
                                                 inclusion=engine.files.InclusionLevel.NOT_IN_NAV))
    paths = build.file_paths()
    if _builds.preview:
        paths = _preview.files_to_hand(language, root, docs_root(docs_dir, language), paths, pages)
    for path in paths:  # by name: the engine checks links to them; the core writes them
        files.append(engine.files.File.generated(config, path, content=""))
    return files


def compile_before_fork(config, build) -> None:
    """What each forked build would compile again: the site's templates and the theme's."""
    build.compile_templates()
    compile_theme(config.theme.get_env(), _theme_templates)


def on_nav(nav, config, files):
    """A preview's rebuild keeps the last output of the pages it need not lay out again; they are
    left out once the menu is made. A published build's files are kept at hand, to let their
    pages go before the other languages build (briefing_languages.EnginePages)."""
    build, excluded = _builds.of(language_of(config)), engine_of(config).files.InclusionLevel.EXCLUDED
    for file in files.documentation_pages():
        if _builds.preview and _preview.keeps(language_of(config), file.src_uri, build):
            file.inclusion = excluded
    if not _builds.preview:
        _engine_pages.keep(files)
    return nav


def on_page_markdown(markdown, page, config, files):
    build = _builds.of(language_of(config))
    generated = build.page(page.file.src_uri)
    if generated is not None:
        page.meta.update(theme_meta(generated.meta))
    else:  # hand-written pages link the site's feeds, unless their front matter says otherwise
        for key, value in theme_meta(build.hand_written_meta()).items():
            page.meta.setdefault(key, value)
    page.meta["briefing_alternates"] = build.alternates(page.file.src_uri, page.url)
    return markdown


def on_env(env, config, files):
    """The theme's templates (overrides/) write our interface words with _(), in the site's
    language. Old-style gettext, as MkDocs installs it (`_("...%(x)s") | format(x=...)`), so the
    overrides still render where the hooks do not run (the benchmark's floor). The engine makes
    the theme's environment afresh for every build: compiled templates are kept from the last.
    In a preview the core writes its files itself, after the build: the engine knew them only to
    check links to them. The fixed parts of the layout (menu, header, footer) are laid out once for
    each set of links they print (briefing_theme.LayoutOnce), in this environment: for this
    build of this language alone."""
    build = _builds.of(language_of(config))
    # The sitemap is the core's (render/sitemap.py): the engine's lists only the pages it laid out.
    # Left among the theme's templates until now, so that the engine does not copy it as a file.
    config.theme.static_templates.discard("sitemap.xml")
    env.install_gettext_translations(build.renderer.language.translations, newstyle=False)
    env.bytecode_cache = _theme_templates
    env.auto_reload = False  # a new environment every build: no need to look at the files again per page
    LayoutOnce(env.filters["url"]).install(env)
    if _builds.preview:
        written = set(build.file_paths())
        for file in [file for file in files if file.src_uri in written]:
            files.remove(file)
    return env


def on_page_content(html, page, config, files):
    """The page's HTML from the core; the core's pages and the home page (whose sections come
    after Markdown) get their table of contents from it, so they have a skip link and a toc too."""
    build = _builds.of(language_of(config))
    source = page.file.src_uri
    html = build.page_html(source, page.url, text_meta(page.meta), unescape(page.title or ""), html)
    if build.page(source) is not None or source == HOME:
        page.toc = engine_of(config).get_toc(toc_tokens(html))
    return html


def on_post_build(config):
    """This language's site is written; the default language's build then builds the others. A
    preview's later work (feeds, open data, search) waits until all of them are written."""
    build, language = _builds.of(language_of(config)), language_of(config)
    with _builds.later.held():
        if _builds.preview:
            _preview.after(language, Path(config.site_dir), build.gone())
        try:
            build.after()
        except SearchIndexError as error:
            raise engine_of(config).plugin_error(f"search index: {error}") from None
        if not _builds.preview:
            _engine_pages.let_go()
        build_other_languages(config)


def on_build_error(error):
    stop_other_languages()
    _preview.failed()
    _builds.failed()


def on_shutdown():
    stop_other_languages()
    _builds.close()
    _preview.close()


def on_post_page(output, page, config):
    """The page with its policy. The engine writes it next, and reads its HTML no more: the page
    and the core let that go (the engine would keep every page's until the build ends). A page
    of the core's is in no menu, so no other page's layout reads its meta or contents either."""
    output = with_policy(output, page.file.src_uri, config, page.content or "")
    page.content = ""  # not None: the engine would then look for the page's title in its Markdown
    if _builds.of(language_of(config)).written(page.file.src_uri):
        page.meta, page.toc = {}, engine_of(config).get_toc([])
    return output


def on_post_template(output_content, template_name, config):
    """The theme's own pages (404.html) get the same policy as every other page (but no feed links)."""
    return with_policy(output_content, template_name, config) if template_name.endswith(".html") else output_content


def with_policy(html: str, name: str, config, content: str = "") -> str:
    """The page with its Content-Security-Policy; an inline script the site does not write gets no
    hash, and is reported (a warning: `strict` stops the build)."""
    page, foreign = with_policy_and_foreign_scripts(html, content, theme_scripts())
    for script in foreign:
        engine_of(config).log().warning(f"{name}: an inline script the site does not write gets no hash in the "
                                        f"page's Content-Security-Policy, so it will not run: {quoted(script)}")
    return page


def settings_of(config) -> Settings:
    """The core's publishing settings, from mkdocs.yml (`extra.briefing` holds the repository
    links: as `repo_url` they would make Material show a repository widget that calls GitHub),
    as they are written: the core checks them (briefing/render/settings_check.py)."""
    briefing = config.extra.get("briefing") or {}
    return Settings(site_name=config.site_name, base_url=config.site_url,
                    timezone=briefing.get("timezone") or "America/Caracas",
                    repository=briefing.get("repository"), edit_uri=briefing.get("edit_uri"),
                    build_date=build_date(), language=language_of(config),
                    search_recent_entries=briefing.get("search_recent_entries", Settings.search_recent_entries),
                    offline=offline_setting(config),
                    offline_days=briefing.get("offline_days", Settings.offline_days),
                    sites=tuple((code, url) for code, url in site_urls(config.site_url or "/", language_of(config))
                                if code in languages_built(config)),
                    written_in=(Path(config.config_file_path).name, "extra.briefing."), address_setting="site_url",
                    name_setting="site_name")


def offline_setting(config) -> Any:
    """`extra.briefing.offline` as written (Settings.check() says what it may be): read alone when
    the engine's settings are read, to add the worker's script, before anything else is."""
    return (config.extra.get("briefing") or {}).get("offline", Settings.offline)


def fail(problems, engine: Engine) -> NoReturn:
    """Print every problem on its own line, then stop the build once, with the count."""
    for problem in problems:
        engine.log().error(str(problem))
    raise engine.plugin_error(f"{len(problems)} problem(s) stop the build; see the lines above.")
