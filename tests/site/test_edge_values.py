"""Valid values at the edges build, and read right: claims of 0, tiny and huge numbers (issue 12)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import mkdocs_build

EDGES = """\
title: Counts at the edges
date: 2026-01-15
topics: [detentions]
summary: Claims of nothing, of a tiny share and of a very large number.
claims:
  - {figure: nothing-counted, value: 0, by: jorge-rodriguez, source: s}
  - {figure: nothing-counted, value: 0, qualifier: about, by: human-rights-groups, source: s}
  - {figure: tiny-share, value: 0.00001, by: jorge-rodriguez, source: s}
  - {figure: tiny-share, value: [0.00001, 0.5], qualifier: at-most, by: human-rights-groups, source: s}
  - {figure: huge-count, value: 999999999999999, qualifier: more-than, by: jorge-rodriguez, source: s}
sources:
  - {id: s, title: A source}
"""
FIGURES = """
nothing-counted:
  label: Nothing counted
  unit: people
tiny-share:
  label: Tiny share
  unit: percent
huge-count:
  label: Huge count
  unit: barrels
"""


@pytest.fixture(scope="module")
def edge_site(tmp_path_factory) -> Path:
    import shutil

    from conftest import TOY, TOY_MKDOCS, REPO
    repo = tmp_path_factory.mktemp("edges") / "repo"
    shutil.copytree(TOY, repo)
    (repo / "mkdocs.yml").write_text(TOY_MKDOCS.format(hooks=REPO / "hooks" / "briefing_hooks.py"))
    (repo / "briefings/2026/01/2026-01-15-counts-at-the-edges.yaml").write_text(EDGES)
    with (repo / "briefings/figures.yaml").open("a") as figures:
        figures.write(FIGURES)
    result = mkdocs_build(repo / "mkdocs.yml", repo / "site")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return repo / "site"


@pytest.mark.parametrize("page, words", [
    ("figures/nothing-counted", ["<strong>0</strong> people", "about 0", "Nothing counted: 2 claims side by side"]),
    ("figures/tiny-share", ["0.00001", "at most 0.00001–0.5"]),
    ("figures/huge-count", ["more than 999,999,999,999,999"]),
])
def test_edge_values_are_shown_as_written(edge_site: Path, page: str, words: list):
    html = (edge_site / page / "index.html").read_text()
    assert all(word in html for word in words), [w for w in words if w not in html]
    assert "e-05" not in html  # never scientific notation
