"""Templates are compiled once for every language (render/jinja.py CompiledTemplates): a published
build compiles them before it forks the other languages' builds, which then only load them; what
they render is what a template compiled on its own renders."""
from __future__ import annotations

import pytest

from briefing.render.i18n import Language
from briefing.render.jinja import TEMPLATES, CompiledTemplates, Templates


def counting_compiles(templates: Templates, monkeypatch) -> list[str]:
    """The names of the templates this environment compiles from now on."""
    compiled: list[str] = []
    environment = templates._environment
    plain = environment.compile

    def compile(source, name=None, filename=None, *args, **kwargs):
        compiled.append(name)
        return plain(source, name, filename, *args, **kwargs)
    monkeypatch.setattr(environment, "compile", compile)
    return compiled


def test_a_language_loads_the_templates_another_compiled_and_compiles_none(monkeypatch):
    shared = CompiledTemplates()
    Templates(language=Language("en"), compiled=shared).compile_all()
    spanish = Templates(language=Language("es"), compiled=shared)
    compiled = counting_compiles(spanish, monkeypatch)
    names = sorted(path.name for path in TEMPLATES.glob("*.j2"))
    assert len(names) > 20
    for name in names:
        spanish._environment.get_template(name)
    assert compiled == []


PROBE = {
    "_macros.html.j2": '{% macro item(text) %}<li>{{ text }}</li>{% endmacro %}',
    "probe.html.j2": ('{% from "_macros.html.j2" import item %}<p>{% trans %}Sources{% endtrans %}: '
                      '{{ _("Updated") }} {{ in_lang(label, "en") }}</p>{{ item(label) }}'
                      '{% trans count=count %}{{ count }} entry{% pluralize %}{{ count }} entries{% endtrans %}'),
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_template_loaded_from_another_languages_code_renders_what_one_compiled_alone_does(tmp_path, language):
    for name, text in PROBE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    shared = CompiledTemplates()
    Templates(tmp_path, Language("es" if language == "en" else "en"), compiled=shared).compile_all()
    loaded, alone = (Templates(tmp_path, Language(language), compiled) for compiled in (shared, None))
    context = {"label": 'Presos <políticos> & "otros"', "count": 3}
    printed = loaded.render("probe.html.j2", **context)
    assert printed == alone.render("probe.html.j2", **context)
    assert "&lt;políticos&gt;" in printed and "3 " in printed


def test_a_template_edited_since_it_was_compiled_is_compiled_again(tmp_path):
    (tmp_path / "page.html.j2").write_text("<p>before</p>", encoding="utf-8")
    shared = CompiledTemplates()
    assert Templates(tmp_path, compiled=shared).render("page.html.j2") == "<p>before</p>"
    (tmp_path / "page.html.j2").write_text("<p>after</p>", encoding="utf-8")
    assert Templates(tmp_path, compiled=shared).render("page.html.j2") == "<p>after</p>"
