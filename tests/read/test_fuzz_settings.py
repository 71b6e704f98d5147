"""Property test of the publishing settings: whatever string a setting is given, the core either
refuses it with one line naming the setting, or takes it, and then the templates that print it
(the page head, the footer, an entry's correction link) print it as written, with no live markup.

Each input runs under the guard of test_fuzz.py (an alarm and a memory limit)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import event, given
from hypothesis import strategies as st
from jinja2 import Environment
from test_fuzz import FUZZ, guarded

from briefing.format.problems import ProblemsFound
from briefing.render.settings import Settings

from conftest import REPO
from hostile_checks import live_markup

PIECES = ['"', "'", "<", ">", "<script>alert(1)</script>", "javascript:alert(1)", "data:text/html,", "vbscript:",
          " ", "\t", "\n", "\x00", "\u2028", "&", "&quot;", "https://", "http://", "x.org", "/", "..", ".", "%22",
          "onmouseover=alert(1)", "edit", "main", ":", "@", "?", "#", "\\", "[::1]", ":8000", "é", "`"]
hostile = st.one_of(st.lists(st.sampled_from(PIECES), max_size=10).map("".join),
                    st.text("aZ09-._~%/:[]+&;=()!*'", max_size=20))  # near what an address may hold
# Half begin as a setting that passes would, so that some of what follows is taken, and printed.
setting_texts = st.one_of(hostile, st.text(max_size=40), st.tuples(
    st.sampled_from(["https://x.org/", "http://127.0.0.1:8000/", "edit/", "https://x.org"]), hostile,
    st.sampled_from(["", "/"])).map("".join))
SETTINGS = {"base_url": "site_url", "repository": "extra.briefing.repository", "edit_uri": "extra.briefing.edit_uri"}
ORDINARY = {"base_url": "https://example.org/toy/", "repository": "https://github.com/o/b",
            "edit_uri": "edit/main/docs/"}


def site_meta_block() -> str:
    main = (REPO / "overrides/main.html").read_text(encoding="utf-8")
    return re.search(r"\{% block site_meta %\}.*?\{% endblock %\}", main, flags=re.DOTALL).group(0)


def correction_line() -> str:
    entry = (REPO / "hooks/briefing/render/templates/entry.html.j2").read_text(encoding="utf-8")
    return next(line for line in entry.splitlines() if "url=entry.correction_url" in line)


def theme_environment() -> Environment:
    """As the engine makes the theme's: no autoescape, `_` and `url` as plain as they come."""
    environment = Environment()
    environment.filters["url"] = lambda value: value
    environment.globals["_"] = lambda text: text
    return environment


def core_environment() -> Environment:
    """As render/jinja.py makes the core's: HTML autoescaped, new-style gettext."""
    environment = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    environment.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    return environment


THEME, CORE = theme_environment(), core_environment()
HEAD = THEME.from_string(site_meta_block())
FOOTER = THEME.from_string((REPO / "overrides/partials/copyright.html").read_text(encoding="utf-8"))
CORRECTION = CORE.from_string("{% if entry.correction_url %}" + correction_line() + "{% endif %}")
OWN_LINKS = ("about/", "contribute/", "f.svg")  # the footer's and the head's links to the site's own pages


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value for name, value in attrs if name == "href"]


def printed(settings: Settings) -> str:
    config = {"site_description": "d", "site_author": None, "plugins": [], "extra": {"briefing": {
        "repository": settings.repository}}, "theme": {"favicon": "f.svg"}, "copyright": None}
    head = HEAD.render(page={"canonical_url": settings.base_url + "x/", "meta": {}}, config=config)
    return head + FOOTER.render(config=config) + CORRECTION.render(entry={
        "correction_url": settings.edit_link("briefings/2026/01/x.yaml")})


@FUZZ
@given(st.sampled_from(sorted(SETTINGS)), setting_texts)
def test_a_setting_is_refused_in_one_line_or_printed_inert(name: str, value: str):
    settings = Settings("Toy", **{**ORDINARY, name: value}, written_in=("mkdocs.yml", "extra.briefing."),
                        address_setting="site_url")
    with guarded():
        try:
            settings.check()
        except ProblemsFound as found:
            event("refused")
            lines = [str(problem) for problem in found.problems]
            assert len(lines) == 1 and lines[0].startswith(f"mkdocs.yml: {SETTINGS[name]}: ") and "\n" not in lines[0]
            return
        event(f"taken as {name}")
        html = printed(settings)
    assert live_markup(html) == []
    links = Links()
    links.feed(html)
    forms = [settings.issue_form(form) for form in ("suggest-a-briefing.yml", "report-an-error.yml")]
    expected = [settings.base_url + "x/", *forms, settings.edit_link("briefings/2026/01/x.yaml")]
    # Each link as the setting wrote it: nothing broke out of its attribute.
    assert [href for href in links.hrefs if href not in OWN_LINKS] == [link for link in expected if link]
