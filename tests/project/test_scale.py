"""Lists stay bounded as the archive grows; every internal link of a larger site resolves;
the benchmark still runs (a smoke run: the real figures come from tools/benchmark.py)."""
from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from briefing.render.paginate import FIGURE_PAGE_SIZE, PAGE_SIZE, pager_view, paginate

from conftest import REPO, mkdocs_build

sys.path.insert(0, str(REPO / "tools"))
from synthetic import make_repo


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


@pytest.fixture(scope="module")
def larger_site(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("scale") / "repo"
    make_repo(repo, 180)
    result = mkdocs_build(repo / "mkdocs.yml", repo / "site")
    assert result.returncode == 0, result.stderr
    return repo / "site"


def test_paginate_and_pager():
    parts = paginate(list(range(120)), "topics", "detentions", size=50)
    assert [(p.number, len(p.items), p.source) for p in parts] == [
        (1, 50, "topics/detentions.md"), (2, 50, "topics/detentions/page/2.md"), (3, 20, "topics/detentions/page/3.md")]
    pager = pager_view(parts[1], ("topics", "detentions"))
    assert (pager["newer"], pager["older"]) == ("../../", "../3/")
    assert pager_view(paginate([], "timeline")[0], ("timeline",)) is None


def test_list_pages_are_bounded(larger_site: Path):
    lists = [page for folder in ("topics", "timeline", "figures", "actors")
             for page in (larger_site / folder).rglob("*.html")]
    for page in lists:
        assert page.read_text().count('class="briefing-list__item"') <= PAGE_SIZE, page
        assert page.read_text().count("<tr>") <= PAGE_SIZE + 1, page
    assert (larger_site / "topics/detentions/page/2/index.html").exists()
    for page in (larger_site / "figures").rglob("*.html"):
        assert page.read_text().count("<tr>") <= FIGURE_PAGE_SIZE + 1, page


def test_every_internal_link_resolves(larger_site: Path):
    broken = []
    for page in larger_site.rglob("*.html"):
        if page.name == "404.html":
            continue  # served at any address, so its links start from the site's root
        links = Links()
        links.feed(page.read_text())
        for href in links.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(larger_site)} -> {href}")
    assert broken == []


def test_the_benchmark_runs():
    result = subprocess.run([sys.executable, str(REPO / "tools/benchmark.py"), "--n", "50", "--repeat", "1"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("N = 50: "), result.stdout
    measured = [line.strip() for line in lines if line.startswith("  ")]  # the rows of targets
    for target in ("full build / two-language floor with search", "CPU of all processes, site / floor",
                   "one process (BRIEFING_ONE_PROCESS=1) / floor", "peak memory, main process",
                   "peak memory, forked Spanish build", "peak memory, Pagefind (largest)",
                   "preview: English entry page, write to response",
                   "preview: Spanish entry page, write to response", "first search, worst query, Spanish (Chromium)",
                   "home page first load, English (Chromium)", "largest HTML page",
                   "first search on a slow link"):
        assert any(row.startswith(target) for row in measured), (target, result.stdout)
