"""The table of contents of the core's pages, made from their finished HTML (briefing_theme.toc_tokens),
marks what the heading marks: a file's name stays code, a name in another language keeps its lang."""
from __future__ import annotations

from briefing_theme import toc_tokens


def test_a_file_name_in_a_heading_stays_code_in_the_table_of_contents():
    page = '<h2 id="claims-csv"><a href="../claims.csv"><code>claims.csv</code></a></h2>'
    assert toc_tokens(page) == [{"level": 2, "id": "claims-csv", "name": "<code>claims.csv</code>", "children": []}]


def test_only_language_marks_and_code_are_kept():
    page = '<h3 id="x"><span class="a" lang="en">Oil</span> <em>and</em> <span class="b">gas</span></h3>'
    assert toc_tokens(page)[0]["name"] == '<span lang="en">Oil</span> and gas'
