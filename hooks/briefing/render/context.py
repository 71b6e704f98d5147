"""What every page of one build is made from."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..format.spec import PROPER_NAME_KINDS
from ..format.translations import SOURCE_LANGUAGE
from ..model.history import EntryVersions
from ..model.ledger import Ledger
from ..model.site import Site
from .jinja import Templates
from .markup import SafeMarkdown
from .reuse import Rendered
from .settings import Settings
from .words import Words


@dataclass(frozen=True)
class RenderContext:
    """The model, its ledger, where and how the site is published, and the templates, Markdown
    renderer and renderings (kept by the caller from build to build, as they remember what they
    made: reuse.py)."""

    site: Site
    ledger: Ledger
    settings: Settings
    templates: Templates
    markdown: SafeMarkdown
    words: Words
    reuse: Rendered = field(default_factory=Rendered)
    histories: EntryVersions | None = None  # each entry's versions from git; None: built without them

    @property
    def language(self) -> str:
        return self.words.code

    def _(self, message: str) -> str:
        """The interface's words in the build's language (msgids are English)."""
        return self.words.language.gettext(message)

    def text(self, record, name: str):
        """A record's text in the build's language: its translation where it has one, else the
        English (ids, numbers, a person's name and the like are never translated)."""
        return record.text_in(self.language, name)

    def text_lang(self, record, name: str) -> str:
        """The language ctx.text gives a record's field in: the build's where the record translates
        it, else English (which a page in another language marks as such: in_lang, jinja.py)."""
        translation = record.translation(self.language)
        return self.language if translation and translation.get(name) is not None else SOURCE_LANGUAGE

    def actor_names(self, actor) -> dict:
        """An actor's name and aliases in the build's language, each with the language it is in. A
        person's, untranslated, are proper names, in every language as written; another actor's
        untranslated name is a description in English (format/spec.py, PROPER_NAME_KINDS)."""
        def lang(name: str) -> str:
            proper = actor.kind in PROPER_NAME_KINDS
            return self.language if proper else self.text_lang(actor, name)
        return {"name": self.text(actor, "name"), "name_lang": lang("name"),
                "aliases": self.text(actor, "aliases"), "aliases_lang": lang("aliases")}

    @property
    def site_name(self) -> str:
        return self.settings.site_name

    @property
    def base_url(self) -> str:
        return self.settings.base_url

    def render(self, template: str, **context) -> str:
        return self.templates.render(template, **context)
