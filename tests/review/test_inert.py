"""Contributor text in the review digest stays inert when GitHub renders it: rendered here with
cmark-gfm (GitHub's Markdown library, its extensions on, raw HTML let through so that any would
show), no link, image or HTML tag comes out of it, and the text reads as written."""
from __future__ import annotations

from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_digest import MINISTRY, commit, repo  # noqa: F401 (repo is a fixture)

from briefing.review.digest import review
from briefing.review.inert import code_block, inert

HOSTILE = ('<img src="https://evil.example/x.png"> [click](https://evil.example) ![i](https://evil.example/i.png) '
           'www.evil.example https://evil.example/a mail@evil.example <script>alert(1)</script> **bold** _x_ '
           '~~gone~~ $x^2$ | a | b | `tick` ``` &lt;b&gt; &#60;i&#62; <https://evil.example> [a]: https://e.example')
HOSTILE_TITLE = ('<img src="https://evil.example/x.png"> [click](https://evil.example) www.evil.example '
                 'a@evil.example **b**')
DIGEST_TAGS = {"h2", "h3", "h4", "p", "ul", "li", "code", "pre"}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def github_html(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def tags_of(markdown: str) -> Tags:
    parser = Tags()
    parser.feed(github_html(markdown))
    return parser


def test_a_hostile_title_and_name_come_out_inert(repo):  # noqa: F811
    entry = repo / MINISTRY
    entry.write_text(entry.read_text().replace(
        "title: Ministry of Penitentiary Services says at least 116 prisoners were released on Monday",
        f"title: {HOSTILE_TITLE!r}"))
    actors = repo / "briefings/actors.yaml"
    actors.write_text(actors.read_text().replace("name: Ministry of Penitentiary Services",
                                                 "name: Ministry [of](https://evil.example) Services"))
    commit(repo, "hostile")
    text, _ = review(repo, "main~1", "main")
    assert "evil.example" in text  # the hostile text is there, to be read
    found = tags_of(text)
    assert {tag for tag, _ in found.tags} <= DIGEST_TAGS, found.tags
    assert not any(attrs for _, attrs in found.tags)  # no href, no src, nothing


def test_a_hostile_problem_line_stays_inside_its_block():
    lines = [f"briefings/x.yaml:1:1: title: {HOSTILE}", "```", "~~~", "<img src=x>"]
    found = tags_of(code_block(lines))
    assert [tag for tag, _ in found.tags] == ["pre", "code"]
    assert "".join(found.text).strip("\n").split("\n") == lines


@settings(max_examples=300, deadline=None)
@example("&#1")  # a character reference without its ';': shown as written, read as text once
@given(st.text(alphabet=st.sampled_from(list("ab1 .:/@<>[]()!*_~`$|#&;=-+\\\"'\nwh")), max_size=40))
def test_any_text_shows_as_written_and_does_nothing_else(text):
    found = tags_of(f"- {inert(text)}")
    assert {tag for tag, _ in found.tags} <= {"ul", "li", "code", "p"}, (text, found.tags)
    assert not any(attrs for _, attrs in found.tags)
    shown = "".join(found.text).strip()  # the parser has turned character references into text once
    assert " ".join(shown.split()) == " ".join(text.split()), (text, inert(text))


def test_plain_words_stay_plain():
    assert inert("Foro Penal: 49, verified (said 12 January 2026) — más de 400 ¿sí?") == \
           "Foro Penal: 49, verified (said 12 January 2026) — más de 400 ¿sí?"
    assert inert("www.example.org").startswith("`") and inert("a_b").startswith("`")
