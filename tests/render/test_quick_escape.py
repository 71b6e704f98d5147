"""The site's templates escape what they print with quick_escape (render/jinja.py): the same text
and type as markupsafe's escape, for every kind of value a template prints."""
from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from briefing.render.jinja import Templates, quick_escape


class Html:
    def __html__(self) -> str:
        return "<b>kept</b>"


class Text(str):
    pass


VALUES = ["", "plain", "Presos <políticos> & \"otros\" 'y' más", "&amp; already", "\u00a0«»\u2014\U0001F600",
          Markup("<em>safe</em>"), Markup(""), Text("<sub>class</sub>"), 1200, 3.5, None, True,
          dt.date(2026, 1, 13), Html(), ["<list>"]]


def test_quick_escape_gives_the_text_and_type_escape_gives():
    for value in VALUES:
        quick, plain = quick_escape(value), escape(value)
        assert (str(quick), type(quick)) == (str(plain), type(plain)), value


def test_the_sites_templates_escape_with_it(tmp_path):
    (tmp_path / "page.html.j2").write_text("{{ text }}|{{ safe }}|{{ number }}", encoding="utf-8")
    templates = Templates(tmp_path)
    assert templates._environment.get_template("page.html.j2").root_render_func.__globals__["escape"] is quick_escape
    assert templates.render("page.html.j2", text="<a & b>", safe=Markup("<i>x</i>"), number=5) == \
        "&lt;a &amp; b&gt;|<i>x</i>|5"
