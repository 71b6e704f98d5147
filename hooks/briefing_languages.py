"""Engine adapter, the languages: the other languages' sites, built by the default one.

mkdocs.yml builds the English site; mkdocs.<code>.yml (INHERIT: mkdocs.yml) each other
language's, from docs/<code>/ and the same briefing files. The English build, once written,
builds each of them into its own site_dir/<code>/ at site_url/<code>/, so one `mkdocs build`
or `mkdocs serve` makes and previews every language; a failure in any stops the whole build.
The other languages are built by the engine that builds the default one (briefing_engine.py):
`properdocs build` builds /es/ with ProperDocs too.
Which folders and addresses the languages take is the core's (briefing/render/languages.py).
"""
from __future__ import annotations

from pathlib import Path

from briefing.render.languages import DEFAULT, FOLDERS, docs_root
from briefing_engine import engine_of

SHARED = "assets"  # the stylesheets, scripts and logo every language's pages use (in docs/)


def language_of(config) -> str:
    return config.theme["language"]


def language_configs(config) -> dict[str, Path]:
    """Each other language's MkDocs configuration beside mkdocs.yml, where one exists."""
    folder = Path(config.config_file_path).parent
    found = {code: folder / f"mkdocs.{code}.yml" for code in FOLDERS if code != DEFAULT}
    return {code: path for code, path in found.items() if path.is_file()}


def languages_built(config) -> tuple[str, ...]:
    """The languages this build's site is published in: the default and each configured one."""
    if language_of(config) != DEFAULT:
        return (DEFAULT, language_of(config))
    return (DEFAULT, *language_configs(config))


def add_shared_files(files, config) -> None:
    """Another language's site takes the default site's assets from docs/assets/."""
    if language_of(config) == DEFAULT:
        return
    root = docs_root(Path(config.docs_dir), language_of(config))
    known = {file.src_uri for file in files}
    for path in sorted((root / SHARED).rglob("*")):
        uri = path.relative_to(root).as_posix()
        if path.is_file() and uri not in known:
            files.append(engine_of(config).files.File(uri, str(root), config.site_dir, config.use_directory_urls))


def build_other_languages(config) -> None:
    """From the default build, once written: each other language's site, into site_dir/<code>/."""
    if language_of(config) != DEFAULT:
        return
    engine = engine_of(config)
    for code, path in language_configs(config).items():
        other = engine.load_config(str(path), site_url=(config.site_url or "/") + FOLDERS[code],
                                   site_dir=str(Path(config.site_dir) / FOLDERS[code]), strict=config.strict)
        engine.build(other)
