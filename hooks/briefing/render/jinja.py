"""The Jinja templates of the site's pages and feeds (templates/), and how they are rendered.

Templates write the interface in English, marked for translation ({% trans %}, _()); Jinja's i18n
extension looks each text up in the build language's gettext catalog (i18n.py).
"""
from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .i18n import LOCALE_FOLDER, Language
from .words import starting

TEMPLATES = Path(__file__).parent / "templates"


class SnapshotGlobals(Environment):
    """An environment whose templates see its globals as they were when each was loaded (they are
    all set before any is: Templates.__init__). Jinja gives each template a ChainMap over the
    environment's globals, and at every `{% from %}` import compares the importer's globals with
    the imported template's keys; a ChainMap's keys are compared in a Python loop, 15,000 imports a
    build (4 % of the render, in the profile). A dict's are compared in C."""

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, for every environment that loads the same files: each
    language's (a template compiles to the same code in every language: its words are looked up
    as it renders), and one build's and the next's (the engine makes its theme's environment
    afresh for each). Compiling the site's templates is about a quarter of a second a language, the
    theme's a third. Jinja checks each template's source against the checksum it was compiled
    from, so an edited one is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class Templates:
    """One Jinja environment per language: HTML templates are autoescaped, Markdown ones (*.md.j2)
    are not. `compiled`: where the compiled templates are kept, shared with the other languages'."""

    def __init__(self, folder: Path = TEMPLATES, language: Language | None = None,
                 compiled: CompiledTemplates | None = None):
        self.folder = folder
        self.language = language or Language()
        self._environment = SnapshotGlobals(bytecode_cache=compiled,
            loader=FileSystemLoader(folder), extensions=["jinja2.ext.i18n"],
            autoescape=select_autoescape(["html.j2"], disabled_extensions=["md.j2"], default=True),
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
            auto_reload=False)  # a build renders thousands of pages: one look at the files per build (new_build)
        self._environment.install_gettext_translations(self.language.translations, newstyle=True)  # type: ignore[attr-defined]
        self._environment.globals["_"] = self._environment.globals["gettext"] = remembering_gettext(self.language)
        self._environment.globals["lang"] = self.language.code  # the page's language, in macros too
        self._environment.globals["in_lang"] = marking_language(self.language.code)
        self._environment.filters["starting"] = starting
        self._fingerprint: tuple = ()

    def new_build(self) -> None:
        """Before a build: templates edited since the last one (in a preview server) are read again.
        Within a build they are not looked at again (Jinja would stat the file at every include)."""
        fingerprint = self.fingerprint()
        if fingerprint != self._fingerprint:
            self._environment.cache.clear()  # type: ignore[union-attr]
            self._fingerprint = fingerprint

    def compile_all(self) -> None:
        """Every template compiled now, into the shared `compiled`: a published build calls this
        before it forks the other languages' builds, which then find them compiled. (The scripts
        and style sheet beside them are read as they are, not as templates.)"""
        for name in self._environment.list_templates(extensions=["j2"]):
            self._environment.get_template(name)

    def render(self, template: str, **context) -> str:
        return self._environment.get_template(template).render(**context)

    def fingerprint(self) -> tuple:
        """Changes when a template or a catalog is edited, so a preview server re-renders every page."""
        paths = [*self.folder.iterdir(), *LOCALE_FOLDER.rglob("*.po")]
        return tuple(sorted((path.name, path.stat().st_mtime_ns) for path in paths))


def remembering_gettext(language: Language):
    """Jinja's new-style gettext (jinja2.ext: the translation, as Markup where the template escapes,
    always `%`-formatted with the call's variables), remembering each text without variables: a
    build asks for the same few labels hundreds of thousands of times (a claims table's, per row),
    and Jinja's own took a sixth of the render. The environment is one language's, so a text's
    translation never changes within it."""
    known: dict[tuple[str, bool], str] = {}

    @pass_context
    def gettext(context: Context, message: str, **variables) -> str:
        escaped = context.eval_ctx.autoescape
        if not variables:
            found = known.get((message, escaped))
            if found is None:
                found = known[(message, escaped)] = translated(language, message, escaped) % variables
            return found
        return translated(language, message, escaped) % variables
    return gettext


def marking_language(page_lang: str):
    """`in_lang(text, text_lang, searched=false)`: text that may not be in the page's language (a
    claim's scope not yet translated), marked with its own and, unless `searched`, left out of the
    page's search index, which is the page language's. Escaped as autoescape escapes `{{ text }}`,
    and Markup so the template prints it as it is. A Python function, not a Jinja macro: a build
    calls it ~45,000 times a language at 1,000 entries, and each macro call goes through Jinja's
    argument matching and joins its own output (the render, profiled: 60 s to 56 s)."""
    def in_lang(text: Any, text_lang: Any, searched: bool = False) -> Markup:
        if text_lang != page_lang:  # escape's Markup formats as its escaped text (Markup's % is twice as slow)
            ignored = "" if searched else " data-pagefind-ignore"
            return Markup(f'<span lang="{escape(text_lang)}"{ignored}>{escape(text)}</span>')
        return escape(text)
    return in_lang


def translated(language: Language, message: str, escaped: bool) -> str:
    text = language.gettext(message)
    return Markup(text) if escaped else text
