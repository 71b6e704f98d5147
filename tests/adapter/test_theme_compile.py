"""A published build compiles the theme's templates that lay out pages before it forks the other
languages' builds (briefing_theme.compile_theme): an environment that shares the compiled code
then compiles none of them, and renders what one that compiled them itself renders."""
from __future__ import annotations

import os

from jinja2 import DictLoader, Environment

from briefing_theme import TemplateBytecode, compile_theme

from conftest import REPO

THEME = {
    "main.html": '{% extends "base.html" %}{% block body %}main {{ super() }}{% endblock %}',
    "base.html": ('{% import "partials/macros.html" as m %}{% block body %}{% include "partials/header.html" %}'
                  '{% endblock %}{{ m.link(page) }}'),
    "partials/header.html": "<header>{{ page }}</header>",
    "partials/macros.html": '{% macro link(to) %}<a href="{{ to }}">{{ to }}</a>{% endmacro %}',
    "partials/unused.html": "never named",
}


def counting(environment: Environment) -> list[str]:
    """The names of the templates this environment compiles from now on."""
    names: list[str] = []
    plain = environment.compile

    def compile(source, name=None, filename=None, *args, **kwargs):
        names.append(name)
        return plain(source, name, filename, *args, **kwargs)
    environment.compile = compile  # type: ignore[method-assign]
    return names


def test_what_a_page_names_is_compiled_before_and_not_again_and_lays_out_the_same():
    compiled = TemplateBytecode()
    before = Environment(loader=DictLoader(THEME), autoescape=True)
    compiled_before = counting(before)
    compile_theme(before, compiled, ("main.html",))
    assert sorted(compiled_before) == ["base.html", "main.html", "partials/header.html", "partials/macros.html"]
    after = Environment(loader=DictLoader(THEME), autoescape=True, bytecode_cache=compiled)
    compiled_after = counting(after)
    printed = after.get_template("main.html").render(page="<x>")
    assert compiled_after == []
    alone = Environment(loader=DictLoader(THEME), autoescape=True)
    assert printed == alone.get_template("main.html").render(page="<x>")


def test_the_themes_page_layouts_are_compiled_before_the_fork(monkeypatch):
    from mkdocs.config import load_config
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(os.fspath(REPO / "mkdocs.yml"))
    compiled = TemplateBytecode()
    compile_theme(config.theme.get_env(), compiled)
    environment = config.theme.get_env()
    environment.bytecode_cache = compiled
    compiled_after = counting(environment)
    for name in ("main.html", "404.html", "base.html", "partials/header.html", "partials/nav.html",
                 "partials/footer.html", "partials/toc.html", "partials/search.html"):
        environment.get_template(name)
    assert compiled_after == []
