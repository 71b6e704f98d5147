"""The Jinja templates of the site's pages and feeds (templates/), and how they are rendered.

Templates write the interface in English, marked for translation ({% trans %}, _()); Jinja's i18n
extension looks each text up in the build language's gettext catalog (i18n.py).
"""
from __future__ import annotations

import os
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket

from .i18n import LOCALE_FOLDER, Language

TEMPLATES = Path(__file__).parent / "templates"


class Templates:
    """One Jinja environment per language: HTML templates are autoescaped, Markdown ones (*.md.j2)
    are not."""

    def __init__(self, folder: Path = TEMPLATES, language: Language | None = None):
        self.folder = folder
        self.language = language or Language()
        self._environment = Environment(
            loader=FileSystemLoader(folder), extensions=["jinja2.ext.i18n"],
            autoescape=select_autoescape(["html.j2"], disabled_extensions=["md.j2"], default=True),
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
            auto_reload=False)  # a build renders thousands of pages: one look at the files per build (new_build)
        self._environment.install_gettext_translations(self.language.translations, newstyle=True)  # type: ignore[attr-defined]
        self._environment.globals["lang"] = self.language.code  # the page's language, in macros too
        self._fingerprint: tuple = ()

    def new_build(self) -> None:
        """Before a build: templates edited since the last one (in a preview server) are read again.
        Within a build they are not looked at again (Jinja would stat the file at every include)."""
        fingerprint = self.fingerprint()
        if fingerprint != self._fingerprint:
            self._environment.cache.clear()  # type: ignore[union-attr]
            self._fingerprint = fingerprint

    def render(self, template: str, **context) -> str:
        return self._environment.get_template(template).render(**context)

    def fingerprint(self) -> tuple:
        """Changes when a template or a catalog is edited, so a preview server re-renders every page."""
        paths = [*self.folder.iterdir(), *LOCALE_FOLDER.rglob("*.po")]
        return tuple(sorted((path.name, path.stat().st_mtime_ns) for path in paths))


class TemplateBytecode(BytecodeCache):
    """Compiled templates kept in memory, for an environment made afresh for every build (the
    engine's theme: compiling its templates is a third of a second a build). Jinja checks each
    template's source against the checksum it was compiled from, so an edited one is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class VisibleTemplates(FileSystemLoader):
    """A FileSystemLoader that lists no file in a hidden folder and no hidden file (it still loads
    them). The engine lists the theme's files to copy its assets, and drops every hidden path from
    the list; Material keeps 14,000 icons in .icons/, so walking and filtering them cost a fifth of
    a second a build, for the same list."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                inside = folder[len(searchpath):].strip(os.path.sep).replace(os.path.sep, "/")
                found.update(f"{inside}/{name}" if inside else name for name in names if not name.startswith("."))
        return sorted(found)


def listing_visible_templates(environment: Environment) -> Environment:
    """The environment, its file loader (if it has a plain one) made a VisibleTemplates."""
    loader = environment.loader
    if type(loader) is FileSystemLoader:
        environment.loader = VisibleTemplates(loader.searchpath, loader.encoding, loader.followlinks)
    return environment
