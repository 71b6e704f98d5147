"""The open data explains itself: data/datapackage.json and the codebook page are made from the
format's definition, frictionless finds the package valid on a built toy site, and each figure's
page links its own CSV file."""
from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.format.spec import CLAIM, QUALIFIERS
from briefing.format.types import Choice
from briefing.model.build import load_site
from briefing.model.ledger import Ledger
from briefing.render.codebook import code_spans, codebook_page
from briefing.render.context import RenderContext
from briefing.render.datapackage import data_package
from briefing.render.i18n import Language
from briefing.render.jinja import Templates
from briefing.render.markup import SafeMarkdown
from briefing.render.settings import Settings
from briefing.render.words import Words

from conftest import REPO, TOY, TOY_MKDOCS, mkdocs_build


def toy_context(language: Language) -> RenderContext:
    site = load_site(TOY, cache=False)
    return RenderContext(site, Ledger(site), Settings("Toy", "https://example.org/", language=language.code),
                         Templates(language=language), SafeMarkdown(), Words(language))


def test_a_qualifier_added_to_the_spec_is_in_the_package_and_the_codebook(monkeypatch):
    field = CLAIM.by_name["qualifier"]
    monkeypatch.setitem(CLAIM.by_name, "qualifier", dataclasses.replace(field, type=Choice((*QUALIFIERS, "roughly"))))
    columns = {f["name"]: f for f in data_package(str, "Toy", "https://e.org/")["resources"][0]["schema"]["fields"]}
    assert columns["qualifier"]["constraints"]["enum"] == [*QUALIFIERS, "roughly"]
    assert "`more-than`: more than N" in columns["qualifier"]["description"]
    assert "<code>roughly</code>" in codebook_page(toy_context(Language())).body


@pytest.mark.parametrize("code, words", [("en", ("Codebook", "Allowed values:", "the value, or the low end")),
                                         ("es", ("Libro de códigos", "Valores admitidos:", "el valor, o el extremo"))])
def test_the_codebook_is_in_the_pages_language(code, words):
    page = codebook_page(toy_context(Language(code)))
    assert all(word in page.body for word in words) and page.source == "data/codebook.md"
    table = page.body.split("<tbody>")[1].split("</tbody>")[0]
    assert "<code>at-least</code>" in table and "&lt;" not in table


def test_english_left_in_a_spanish_codebook_is_marked_and_the_package_stays_plain():
    """The catalog's <span lang="en"> marks reach the page as marks, never escaped or dropped; the
    types are Table Schema names, code in every language; datapackage.json has no HTML at all."""
    page = codebook_page(toy_context(Language("es"))).body
    assert '<span lang="en">&#34;since January 8&#34;</span> (en <code>es</code>: «desde el 8 de enero»)' in page
    assert '<span lang="en">&#34;Prisoners released&#34;</span>' in page
    assert '<td data-label="tipo"><code>number</code></td>' in page
    assert '<code>string</code> (<code>uri</code>)' in page and "<code>claims.csv</code>" in page
    package = data_package(Language("es").gettext, "Toy", "https://e.org/")
    scope = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}["scope"]["description"]
    assert scope.endswith(': "since January 8" (en `es`: «desde el 8 de enero»)')
    assert "<" not in json.dumps(package, ensure_ascii=False)


def test_values_in_backticks_are_code_on_the_page_and_markdown_in_the_package():
    column = {f["name"]: f for f in data_package(str, "Toy", "https://e.org/")["resources"][0]["schema"]["fields"]}
    assert column["is_range"]["description"].startswith("`true` when")  # Markdown, as the standard has it
    table = codebook_page(toy_context(Language())).body.split("<tbody>")[1].split("</tbody>")[0]
    assert "<code>true</code> when the source gave a range, e.g. <code>[60, 70]</code>" in table
    assert "`" not in table


def test_a_description_brings_no_markup_of_its_own():
    assert code_spans("a `<b>` & <i>x</i> `") == "a <code>&lt;b&gt;</code> &amp; &lt;i&gt;x&lt;/i&gt; `"
    # Only the catalog's language mark, exactly as it writes it, is kept.
    assert code_spans('<span lang="en">"x"</span>') == '<span lang="en">&#34;x&#34;</span>'
    assert code_spans('<span lang="en" onclick="y">x</span>').startswith("&lt;span")
    assert code_spans('<span lang="e&#34; onclick=&#34;y">x</span>').startswith("&lt;span")


@pytest.fixture(scope="module")
def toy_built(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("toy-data") / "repo"
    shutil.copytree(TOY, repo)
    (repo / "mkdocs.yml").write_text(TOY_MKDOCS.format(hooks=REPO / "hooks" / "briefing_hooks.py"))
    result = mkdocs_build(repo / "mkdocs.yml", repo / "site")
    assert result.returncode == 0, result.stderr
    return repo / "site"


def test_frictionless_finds_the_data_package_valid(toy_built):
    frictionless = Path(sys.executable).parent / "frictionless"
    result = subprocess.run([str(frictionless), "validate", "datapackage.json"], cwd=toy_built / "data",
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "INVALID" not in result.stdout, result.stdout + result.stderr
    assert result.stdout.count("VALID") == 2


def test_each_figure_page_links_its_csv_with_the_columns_of_claims_csv(toy_built):
    header = (toy_built / "data/claims.csv").read_text().splitlines()[0]
    pages = sorted((toy_built / "figures").glob("*/index.html"))
    assert pages
    for page in pages:
        figure = page.parent.name
        assert f'href="../../data/figures/{figure}.csv"' in page.read_text()
        assert (toy_built / f"data/figures/{figure}.csv").read_text().splitlines()[0] == header
        assert all((toy_built / f"figures/{figure}/{name}").is_file() for name in ("cite.bib", "cite.json"))
    assert (toy_built / "data/codebook/index.html").is_file()
