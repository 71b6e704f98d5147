"""The theme's menu, header and footer are laid out once for each set of links they print
(briefing_theme.LayoutOnce): each page still gets its own links, a part is laid out again for
other links, and one that would differ in another way stops the build instead of being copied."""
from __future__ import annotations

import posixpath
import re
from importlib.metadata import distribution
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, pass_context

from briefing_theme import LayoutOnce

from conftest import REPO


@pass_context
def relative_url(context, address: str) -> str:
    """As the engine's `url` filter: the address relative to the page's folder."""
    return posixpath.relpath("/" + address, "/" + context["page"]) + "/"


def environment(templates: dict[str, str]) -> tuple[Environment, list[str]]:
    """An environment with LayoutOnce installed, and the list of the parts' layouts (each time a
    part's body runs, `laid_out()` notes the page)."""
    env = Environment(loader=DictLoader(templates))
    env.filters["url"] = relative_url
    layouts: list[str] = []
    env.globals["laid_out"] = pass_context(lambda context: layouts.append(context["page"]) or "")
    return LayoutOnce(env.filters["url"]).install(env), layouts


MENU = ('{% call briefing_layout_once("menu") %}{{ laid_out() }}<a href="{{ "about/" | url }}">About</a>'
        '{% endcall %} {{ page }}')


def test_pages_with_the_same_links_share_one_layout_and_others_get_their_own():
    env, layouts = environment({"page.html": MENU})
    pages = ["entries/a/", "entries/b/", "topics/x/", "about/x/", "entries/c/"]
    printed = [env.get_template("page.html").render(page=page) for page in pages]
    assert printed == ['<a href="../../about/">About</a> entries/a/', '<a href="../../about/">About</a> entries/b/',
                       '<a href="../../about/">About</a> topics/x/', '<a href="../">About</a> about/x/',
                       '<a href="../../about/">About</a> entries/c/']
    assert layouts == ["entries/a/", "about/x/"]


def test_a_value_the_part_prints_without_url_is_named_in_the_key():
    part = '{% call briefing_layout_once("config", root) %}{{ laid_out() }}{{ root }}{% endcall %}'
    env, layouts = environment({"page.html": part})
    pages = [("entries/a/", "../.."), ("entries/b/", "../.."), ("about/", "..")]
    printed = [env.get_template("page.html").render(page=page, root=root) for page, root in pages]
    assert (printed, layouts) == (["../..", "../..", ".."], ["entries/a/", "about/"])


def test_a_new_environment_lays_its_parts_out_again():
    first, layouts = environment({"page.html": MENU})
    first.get_template("page.html").render(page="entries/a/")
    second, again = environment({"page.html": MENU})
    second.get_template("page.html").render(page="entries/a/")
    assert (layouts, again) == (["entries/a/"], ["entries/a/"])


def test_a_part_inside_a_part_gives_its_links_to_the_enclosing_one():
    inner = '{% call briefing_layout_once("inner") %}<a href="{{ "about/" | url }}">About</a>{% endcall %}'
    env, layouts = environment({"page.html": '{% call briefing_layout_once("outer") %}{{ laid_out() }}[' + inner
                                             + ']{% endcall %}'})
    printed = [env.get_template("page.html").render(page=page) for page in ["entries/a/", "about/x/", "entries/b/"]]
    assert printed == ['[<a href="../../about/">About</a>]', '[<a href="../">About</a>]',
                       '[<a href="../../about/">About</a>]']
    assert layouts == ["entries/a/", "about/x/"]


def test_a_part_that_links_other_addresses_on_another_page_stops_the_build():
    part = ('{% call briefing_layout_once("menu") %}<a href="{{ (page ~ "up/") | url }}">Up</a>'
            '{% endcall %}')
    env, _ = environment({"page.html": part})
    env.get_template("page.html").render(page="entries/a/")
    with pytest.raises(RuntimeError, match="menu links other addresses on other pages"):
        env.get_template("page.html").render(page="topics/b/")


def test_the_menu_s_copy_is_materials_own():
    """overrides/partials/nav-material.html is Material's partials/nav.html as installed: when a
    Material upgrade changes it, copy it again."""
    material = Path(str(distribution("mkdocs-material").locate_file("material/templates/partials/nav.html")))
    copy = REPO / "overrides" / "partials" / "nav-material.html"
    assert copy.read_text(encoding="utf-8") == material.read_text(encoding="utf-8")


PRIMARY_MENU = re.compile(r'data-md-type="navigation".*?data-md-type="toc"', re.S)  # the menu's sidebar
MENU_LINK = re.compile(r'<a href="([^"#][^"]*)" class="md-nav__link')  # to pages, not to the page's own headings


def menu(site: Path, page: str) -> str:
    return PRIMARY_MENU.search((site / page).read_text(encoding="utf-8")).group(0)


def menu_links(site: Path, page: str) -> list[str]:
    return MENU_LINK.findall(menu(site, page))


def where_they_lead(links: list[str], page: str) -> set[str]:
    """The addresses the links lead to from the page (the site is at /briefing/)."""
    folder = "/briefing" + posixpath.dirname("/" + page)
    return {posixpath.normpath(posixpath.join(folder, link)) for link in links}


@pytest.mark.parametrize("page", ["entries/machado-expected-to-meet-trump-in-washington/index.html",
                                  "actors/bloomberg-news/index.html", "timeline/2026-01/index.html",
                                  "es/actors/bloomberg-news/index.html", "404.html"])
def test_each_page_s_menu_leads_where_the_home_page_s_does(published_build, page: str):
    """The built site: the menus of pages outside the nav, at other depths and in both languages,
    lead where the home page's menu does (the home page is in the nav: Material lays its menu
    out, its own item active), each by links relative to the page; the 404 page's are absolute
    (it is shown at any address)."""
    site, _ = published_build
    home = "es/index.html" if page.startswith("es/") else "index.html"
    expected = where_they_lead(menu_links(site, home), home)
    links = menu_links(site, page)
    assert len(expected) >= 9
    assert where_they_lead(links, page) == expected
    assert {link.startswith("/") for link in links} == {page == "404.html"}
    assert ("md-nav__link--active" in menu(site, home), "md-nav__link--active" in menu(site, page)) == (True, False)
