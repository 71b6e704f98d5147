"""Contributor Markdown reaches readers inert: no scripts, handlers or dangerous links."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.render.markup import SafeMarkdown, prose_html

MARKDOWN = SafeMarkdown()

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "[x](jav&#x61;script:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "<iframe src='https://evil.example'></iframe>",
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
    "<svg onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("render", [MARKDOWN.block, MARKDOWN.inline])
def test_hostile_markup_is_removed(text, render):
    out = render(text).lower()
    for live in ("<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "<svg", "style=", "data:"):
        assert live not in out


def test_ordinary_links_survive_with_rel():
    assert MARKDOWN.inline("[report](https://example.org/r)") == (
        '<a href="https://example.org/r" rel="nofollow noopener">report</a>')


def test_inline_drops_block_elements_but_keeps_words():
    assert MARKDOWN.inline("**Rodríguez** said\n\n- a list") == "<strong>Rodríguez</strong> said\n\na list"


def test_plain_text_for_descriptions():
    assert MARKDOWN.plain('**He** said <b>"no"</b> & left') == 'He said "no" & left'


def test_a_text_is_rendered_once_per_build_and_forgotten_when_no_build_uses_it():
    markdown = SafeMarkdown()
    first = markdown.inline("*once*")
    assert markdown.inline("*once*") is first  # the same HTML object: not rendered again
    markdown.new_build()
    assert markdown.inline("*once*") is first  # the last build's HTML is reused
    markdown.new_build()
    markdown.new_build()  # a build that did not use it: forgotten
    again = markdown.inline("*once*")
    assert again == first and again is not first


def test_a_text_markdown_cannot_render_fails_the_build_naming_its_file_and_field():
    """The validator's limits keep such texts out; if one got past them, the build says where."""
    import dataclasses

    from briefing.format.problems import ProblemsFound
    from briefing.model.build import load_site
    from briefing.render.settings import Settings
    from briefing.render.site_outputs import SiteRenderer

    from conftest import TOY
    site = load_site(TOY, cache=False)
    deep = dataclasses.replace(site.entries[0], body="1. " * 3000 + "x")  # past Python's recursion limit
    site = dataclasses.replace(site, entries=(deep, *site.entries[1:]))
    with pytest.raises(ProblemsFound) as found:
        SiteRenderer().render(site, Settings("Toy", "https://example.org/"))
    assert [str(p) for p in found.value.problems] == [
        f"{deep.path}: body: could not be rendered (RecursionError); simplify its nesting of lists and quotes"]


PROSE_ALPHABET = [*"ab Zé1 2.,;:!?'\"“”‘’()/%–—-\n*_`#>|<&[]+=~\\\t",
                  "\n\n", "1. ", "- ", "  \n", "\u00a0", "*a*", "**a**", "_a_", "`a`", "a & b", "<i>"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PROSE_ALPHABET), max_size=30).map("".join))
def test_the_prose_shortcut_gives_exactly_what_markdown_gives(text):
    """Texts of plain prose skip Python-Markdown (render/markup.py, prose_html): for every text the
    shortcut takes, its HTML is Python-Markdown's, byte for byte."""
    shortcut = prose_html(text)
    if shortcut is not None:
        assert shortcut == SafeMarkdown().markdown_html(text), repr(text)


def test_the_prose_shortcut_takes_plain_paragraphs_and_nothing_else():
    assert prose_html("Officials said 400 were freed.\nRights groups counted fewer.\n\n“About 60–70”, (they said).") \
        is not None
    for text in ("1. A list", "- item", "Hi *em* there", "a **b** c", "Line  \nbreak", "*em*", "a_b",
                 "# Heading", "> quote", "a | b", "x\n\n\ny",
                 " indented", "Tom & Jerry", "<b>x</b>", "[a](b)"):
        assert prose_html(text) is None, text
