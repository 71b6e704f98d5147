"""What a build makes once and shows many times: a claim's words (on its entry's page, its figure's
and its actor's pages, its entry's feed item), each interface text of the templates. Made once,
they must read as they did when every page made its own."""
from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from briefing.model.build import load_site
from briefing.model.ledger import Ledger
from briefing.render import claim_views
from briefing.render.i18n import Language
from briefing.render.jinja import Templates
from briefing.render.reuse import Rendered
from briefing.render.settings import Settings
from briefing.render.site_outputs import SiteRenderer

from conftest import TOY

# Texts with and without variables, one translated, one with markup and a literal percent sign.
TEXTS = ('{{ _("Who") }}|{{ _("Who") }}|{{ _("<b>%(what)s</b> 100%%", what="<i>") }}|{{ _("<b>x</b>") }}|'
         '{% trans %}Sources{% endtrans %}|{{ gettext("Said on") }}|{{ _("Who") }}\n')


def jinja_own(folder: Path, language: Language) -> Environment:
    """Jinja's own new-style gettext, as Templates sets its environment up otherwise."""
    environment = Environment(loader=FileSystemLoader(folder), extensions=["jinja2.ext.i18n"],
                              autoescape=select_autoescape(["html.j2"], disabled_extensions=["md.j2"], default=True),
                              undefined=StrictUndefined, keep_trailing_newline=True)
    environment.install_gettext_translations(language.translations, newstyle=True)  # type: ignore[attr-defined]
    return environment


@pytest.mark.parametrize("code", ["en", "es"])
def test_remembered_interface_texts_read_as_jinjas_own(tmp_path: Path, code: str):
    for name in ("texts.md.j2", "texts.html.j2"):  # Markdown first: its unescaped texts are remembered apart
        (tmp_path / name).write_text(TEXTS)
    language = Language(code)
    templates, own = Templates(tmp_path, language), jinja_own(tmp_path, language)
    for name in ("texts.md.j2", "texts.html.j2", "texts.md.j2", "texts.html.j2"):
        assert templates.render(name) == own.get_template(name).render(), name


def test_a_part_is_made_once_a_build_for_an_equal_key_and_forgotten_when_the_build_ends():
    made: list[str] = []

    def make(value: str):
        return lambda: made.append(value) or value
    reuse = Rendered()
    reuse.new_build(("shared",))
    assert [reuse.part("a", (1,), make("one")), reuse.part("a", (1,), make("two"))] == ["one", "one"]
    assert reuse.part("a", (2,), make("three")) == "three"
    reuse.end_build()
    assert reuse.part("a", (2,), make("four")) == "four"
    reuse.new_build(("shared",))
    assert reuse.part("a", (2,), make("five")) == "five"
    assert made == ["one", "three", "four", "five"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_claims_words_are_made_once_a_build_however_many_outputs_show_them(monkeypatch, language: str):
    site = load_site(TOY, cache=False)
    asked: list[tuple] = []

    def counted(ctx, placed):
        asked.append((placed.entry.id, placed.claim))
        return words(ctx, placed)
    words = claim_views.claim_words
    monkeypatch.setattr(claim_views, "claim_words", counted)
    renderer = SiteRenderer(language=language)
    settings = Settings("Toy", "https://example.org/", language=language)
    renderer.render(site, settings, Ledger(site)).files()
    claims = [(entry.id, claim) for entry in site.entries for claim in entry.claims]
    assert sorted(asked, key=repr) == sorted(claims, key=repr)


# The macro in_lang was before it was a Python function (render/jinja.py), and calls of it as a page
# makes them: printed, with `searched`, as a text's variable, on a filtered text and on Markup.
IN_LANG_MACRO = ('{% macro in_lang(text, text_lang, searched=false) -%}\n'
                 '{% if text_lang != lang %}<span lang="{{ text_lang }}"{% if not searched %} data-pagefind-ignore'
                 '{% endif %}>{{ text }}</span>{% else %}{{ text }}{% endif %}\n{%- endmacro %}\n')
IN_LANG_CALLS = ('{% for text, text_lang in cases %}{{ in_lang(text, text_lang) }}|'
                 '{{ in_lang(text, text_lang, searched=true) }}|{{ in_lang(text | upper, text_lang) }}|'
                 '{{ _("source: %(title)s", title=in_lang(text, text_lang)) }}\n{% endfor %}')


@pytest.mark.parametrize("code", ["en", "es"])
def test_in_lang_marks_and_escapes_text_as_the_macro_did(tmp_path: Path, code: str):
    (tmp_path / "calls.html.j2").write_text(IN_LANG_CALLS)
    (tmp_path / "macro.html.j2").write_text(IN_LANG_MACRO + IN_LANG_CALLS)
    texts = ["Caracas", "<b>&amp;</b> \"'", Markup("<i>kept</i> &amp;"), 1200, ""]
    cases = [(text, text_lang) for text in texts for text_lang in ("en", "es", '"><x>')]
    language = Language(code)
    own = jinja_own(tmp_path, language)
    own.globals["lang"], own.trim_blocks, own.lstrip_blocks = code, True, True  # as Templates has them
    assert (Templates(tmp_path, language).render("calls.html.j2", cases=cases)
            == own.get_template("macro.html.j2").render(cases=cases))
