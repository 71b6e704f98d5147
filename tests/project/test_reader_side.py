"""tools/reader_side.py measures what readers download, so tools/benchmark.py can report it: a
smoke run on the real site as CI publishes it (both languages, served at its /briefing/ prefix).
The figures themselves are the benchmark's; these tests check they are measured at all, and
measured as a static host sends the files (text gzipped)."""
from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest

from briefing.render.edition import edition_address

import reader_side  # tests/conftest.py puts tools/ on the path

pytestmark = pytest.mark.browser
QUERIES = {"en": ["oil"], "es": ["petróleo"]}  # words of the real entries, in each language


@pytest.fixture(scope="module")
def site(published_build) -> Path:
    if not os.access(reader_side.CHROMIUM, os.X_OK):
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Chromium at {reader_side.CHROMIUM} (CI is 'true': the browser tests must run)")
        pytest.skip(f"no Chromium at {reader_side.CHROMIUM}")
    return published_build[0]


def test_the_site_has_two_languages_at_its_prefix(site: Path):
    assert reader_side.languages(site) == {"en": site, "es": site / "es"}
    assert reader_side.path_prefix(site) == "/briefing/"


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9, mtime=0))


def test_first_search_in_each_language(site: Path):
    searches = reader_side.first_search_kib(site, QUERIES)
    assert set(searches) == {"en", "es"}
    for language, search in searches.items():
        bundle = site / ("es" if language == "es" else "") / "pagefind"
        prefix = f"/briefing/{'es/' if language == 'es' else ''}pagefind/"
        sizes = dict(search["files"])
        # Pagefind's own files as stored (compressed already), its script gzipped
        assert sizes[f"{prefix}wasm.{language}.pagefind"] == (bundle / f"wasm.{language}.pagefind").stat().st_size
        assert sizes[f"{prefix}pagefind.js"] == gzipped(bundle / "pagefind.js")
        assert any(path.endswith(".pf_index") for path in sizes), search
        assert any(path.endswith(".pf_fragment") for path in sizes), search  # the first page of results
        assert search["found"].split()[0].isdigit(), search  # "12 matching documents"
        assert search["kib"] * 1024 == sum(size for _path, size in search["files"])
        assert search["requests"] == len(search["files"])
        assert 20 < search["kib"] < 300, search
        assert search["queries"] == {QUERIES[language][0]: search["kib"]}


def test_home_first_load_counts_every_file_gzipped(site: Path):
    loads = reader_side.home_first_load_kib(site)
    assert set(loads) == {"en", "es"}
    for language, load in loads.items():
        folder = site / ("es" if language == "es" else "")
        sizes = dict(load["files"])
        assert sizes[f"/briefing/{'es/' if language == 'es' else ''}"] == gzipped(folder / "index.html")
        assert sizes[f"/briefing/{'es/' if language == 'es' else ''}assets/search.js"] == \
            gzipped(folder / "assets/search.js")
        assert any(path.endswith(".min.js") for path in sizes) and any(path.endswith(".css") for path in sizes)
        assert not any("/pagefind/" in path for path in sizes), "search loads only when the box opens"
        # every response counts, even a file fetched twice (the logo: in the header, then as the favicon)
        assert load["kib"] * 1024 == sum(size for _path, size in load["files"])
        assert load["requests"] == len(load["files"])
        assert 10 < load["kib"] < 200, load


def test_largest_html_looks_in_every_language(site: Path, tmp_path: Path):
    page, size = reader_side.largest_html(site)
    assert page.endswith(".html") and size == (site / page).stat().st_size > 0
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    planted = copy / "es/entries/some-entry/deep/index.html"
    planted.parent.mkdir(parents=True)
    planted.write_bytes(b"<p>" + b"x" * size + b"</p>")
    assert reader_side.largest_html(copy) == ("es/entries/some-entry/deep/index.html", size + 7)
    edition = copy / "es" / edition_address("es")  # a file to download, with a bound of its own
    edition.write_bytes(b"<p>" + b"x" * 2 * size + b"</p>")
    assert reader_side.largest_html(copy) == ("es/entries/some-entry/deep/index.html", size + 7)
