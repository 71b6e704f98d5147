"""The Jinja templates of the site's pages and feeds (templates/), and how they are rendered.

Templates write the interface in English, marked for translation ({% trans %}, _()); Jinja's i18n
extension looks each text up in the build language's gettext catalog (i18n.py).
"""
from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from types import CodeType
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import (
    Markup,
    _escape_inner,  # markupsafe's own: in C, or its Python fallback
    escape,
)

from .i18n import LOCALE_FOLDER, Language
from .words import starting

TEMPLATES = Path(__file__).parent / "templates"


def quick_escape(value: Any) -> Markup:
    """markupsafe's `escape`, the same text and type, quicker for the two values a template prints
    most: text, escaped in C without markupsafe's Markup constructor (a Python call that asks
    each value for `__html__`), and Markup, which escape would copy; and numbers. Autoescaped
    templates call it for every `{{ value }}`: 314,000 times a language at 1,000 entries (131,000
    Markup, 124,000 text, 58,000 numbers), each two Python calls in escape."""
    if type(value) is str:
        return str.__new__(Markup, _escape_inner(value))
    if type(value) is Markup:
        return value
    if type(value) in (int, float):  # their text has nothing to escape
        return str.__new__(Markup, str(value))
    return escape(value)


class QuickEscaping(Template):
    """A template whose `{{ value }}` escapes with quick_escape (the compiled code looks `escape`
    up in the template's own namespace, which Jinja fills from jinja2.runtime)."""

    @classmethod
    def _from_namespace(cls, environment, namespace, globals):
        namespace["escape"] = quick_escape
        return super()._from_namespace(environment, namespace, globals)


class SnapshotGlobals(Environment):
    """An environment whose templates see its globals as they were when each was loaded (they are
    all set before any is: Templates.__init__). Jinja gives each template a ChainMap over the
    environment's globals, and at every `{% from %}` import compares the importer's globals with
    the imported template's keys; a ChainMap's keys are compared in a Python loop, 15,000 imports a
    build (4 % of the render, in the profile). A dict's are compared in C."""

    template_class = QuickEscaping

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


class CompiledTemplates:
    """Compiled templates, shared by every environment that loads the same files: each language's
    (a template compiles to the same code in every language: its words are looked up as it
    renders). A template is known by its name and its source, so an edited one is compiled again.
    Compiling the site's templates is about a quarter of a second a language."""

    def __init__(self) -> None:
        self._code: dict[tuple[str, str], CodeType] = {}

    def code(self, environment: Environment, name: str, source: str, filename: str | None) -> CodeType:
        key = (name, source)
        if key not in self._code:
            self._code[key] = environment.compile(source, name, filename)
        return self._code[key]


class SharingCode(FileSystemLoader):
    """Jinja's file loader, its templates compiled once in `compiled` for every language."""

    def __init__(self, folder: Path, compiled: CompiledTemplates) -> None:
        super().__init__(folder)
        self.compiled = compiled

    def load(self, environment: Environment, name: str, globals: MutableMapping[str, Any] | None = None) -> Template:
        source, filename, uptodate = self.get_source(environment, name)
        code = self.compiled.code(environment, name, source, filename)
        return environment.template_class.from_code(environment, code, {} if globals is None else globals, uptodate)


class Templates:
    """One Jinja environment per language: HTML templates are autoescaped, Markdown ones (*.md.j2)
    are not. `compiled`: where the compiled templates are kept, shared with the other languages'."""

    def __init__(self, folder: Path = TEMPLATES, language: Language | None = None,
                 compiled: CompiledTemplates | None = None):
        self.folder = folder
        self.language = language or Language()
        self._environment = SnapshotGlobals(
            loader=SharingCode(folder, compiled or CompiledTemplates()), extensions=["jinja2.ext.i18n"],
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
