"""Two engines, one site: MkDocs 1.6 (`mkdocs`) and ProperDocs 1.6 (`properdocs`, its maintained
fork) build the real site, both languages, as CI publishes it, to the same bytes; each builds
with itself alone (hooks/briefing_engine.py); the pages name the theme, not the engine, as their
generator (overrides/main.html says why); `make build` and `make serve` take ENGINE."""
from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import distribution
from pathlib import Path

import pytest

import published_site
from conftest import REPO, standalone_html

GENERATOR = '<meta name="generator" content="Material for MkDocs">'
BOTH_LANGUAGES = {"index.html", "404.html", "sitemap.xml.gz", "feeds/all.atom.xml", "pagefind/pagefind-entry.json",
                  "es/index.html", "es/404.html", "es/feeds/all.atom.xml", "es/pagefind/pagefind-entry.json"}
# One engine's build driven from Python, with the other engine's package made unimportable. Not
# through `properdocs build`: ProperDocs' command line maps the name `mkdocs` to itself, which
# would hide an adapter that imports from `mkdocs` (and so builds /es/ with MkDocs) when driven
# any other way, or where `mkdocs` is MkDocs 2 or missing.
ALONE = """\
import importlib, sys
engine, other, config, site = sys.argv[1:]
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == other:
            raise ImportError(f"{name} refused: this build runs {engine} alone")
sys.meta_path.insert(0, Refuse())
config = importlib.import_module(engine + ".config").load_config(config, site_dir=site, strict=True)
importlib.import_module(engine + ".commands.build").build(config)
loaded = {getattr(m, "__name__", "").partition(".")[0] for m in list(sys.modules.values())}
print(sorted(loaded & {engine, other}))
"""


def files_of(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def first_difference(one: bytes, two: bytes, names: tuple[str, str]) -> str:
    """The first differing line of two files (or byte, if either is not text), from each."""
    try:
        lines = one.decode("utf-8").splitlines(), two.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        at = next((i for i, (a, b) in enumerate(zip(one, two, strict=False)) if a != b), min(len(one), len(two)))
        return f"  binary: first differing byte at offset {at} ({len(one)} and {len(two)} bytes)"
    matcher = difflib.SequenceMatcher(None, *lines, autojunk=False)
    tag, start, end, other_start, other_end = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    return "\n".join([f"  line {start + 1}:",
                      *(f"    {names[0]}: {line.strip()[:200]}" for line in lines[0][start:end][:3]),
                      *(f"    {names[1]}: {line.strip()[:200]}" for line in lines[1][other_start:other_end][:3])])


def tree_differences(one: Path, two: Path, names: tuple[str, str] = ("mkdocs", "properdocs")) -> str:
    """What differs between two built sites, readably ("" if nothing): files only one wrote, then
    the files that differ, and the first differing lines of the first few."""
    found, other = files_of(one), files_of(two)
    report = [f"only {name} wrote {len(only)} file(s): {', '.join(sorted(only)[:10])}"
              for name, only in ((names[0], found - other), (names[1], other - found)) if only]
    differing = sorted(path for path in found & other if (one / path).read_bytes() != (two / path).read_bytes())
    if differing:
        report.append(f"{len(differing)} file(s) differ: {', '.join(differing[:10])}"
                      + (f" and {len(differing) - 10} more" if len(differing) > 10 else ""))
    for path in differing[:3]:
        report += [path, first_difference((one / path).read_bytes(), (two / path).read_bytes(), names)]
    return "\n".join(report)


def build_published(engine: str, out: Path, port: int) -> Path:
    try:
        return published_site.build(out, port, engine=engine)
    except published_site.BuildFailed as error:
        pytest.fail(str(error), pytrace=False)


def test_mkdocs_and_properdocs_build_the_same_site(published_build, tmp_path: Path):
    """The same commit, SOURCE_DATE_EPOCH and environment (tools/published_site.py), through each
    engine's own command: the same files, byte for byte, in both languages."""
    by_mkdocs, port = published_build
    by_properdocs = build_published("properdocs", tmp_path, port)
    assert files_of(by_properdocs) >= BOTH_LANGUAGES
    differences = tree_differences(by_mkdocs, by_properdocs)
    assert differences == "", f"mkdocs and properdocs built different sites:\n{differences}"


@pytest.mark.parametrize(("engine", "other"), [("mkdocs", "properdocs"), ("properdocs", "mkdocs")])
def test_each_engine_builds_both_languages_by_itself(engine: str, other: str, published_build, tmp_path: Path):
    """With the other engine's package unimportable, each engine builds the whole site (the
    Spanish one too, from inside the English build) with its own modules only, to the same bytes."""
    by_mkdocs, port = published_build
    site = tmp_path / "site"
    env = {**os.environ, **published_site.PUBLISHED_ENV, "SITE_URL": published_site.address(port)}
    result = subprocess.run([sys.executable, "-c", ALONE, engine, other, str(REPO / "mkdocs.yml"), str(site)],
                            capture_output=True, text=True, timeout=600, env=env, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == [f"['{engine}']"]  # no module of the other engine was loaded
    differences = tree_differences(by_mkdocs, site, names=("mkdocs build", f"{engine} alone"))
    assert differences == "", differences


def test_a_difference_between_the_sites_is_named_with_its_first_differing_lines(tmp_path: Path):
    one, two = tmp_path / "one", tmp_path / "two"
    for site, engine in ((one, "mkdocs-1.6.1"), (two, "ProperDocs 1.6.7")):
        (site / "es").mkdir(parents=True)
        (site / "es/index.html").write_text(f"<head>\n<title>Inicio</title>\n<meta content=\"{engine}\">\n</head>\n")
        (site / "logo.png").write_bytes(b"\x89PNG" + engine.encode("latin-1") + b"\xff")
    (one / "only-here.txt").write_text("x")
    report = tree_differences(one, two)
    assert report.splitlines() == [
        "only mkdocs wrote 1 file(s): only-here.txt", "2 file(s) differ: es/index.html, logo.png",
        "es/index.html", "  line 3:", '    mkdocs: <meta content="mkdocs-1.6.1">',
        '    properdocs: <meta content="ProperDocs 1.6.7">',
        "logo.png", "  binary: first differing byte at offset 4 (17 and 21 bytes)"]
    assert tree_differences(one, one) == ""


def test_every_page_names_the_theme_alone_as_its_generator(published_build):
    site, _port = published_build
    pages = sorted(set(site.rglob("*.html")) - standalone_html(site))  # those say no generator
    assert len(pages) > 60 and site / "es/index.html" in pages
    wrong = {path.relative_to(site).as_posix(): found for path in pages
             if (found := re.findall(r'<meta name="generator"[^>]*>', path.read_text(encoding="utf-8"))) != [GENERATOR]}
    assert wrong == {}


# What Material's site_meta block prints of the settings without escaping it; the copy in
# overrides/main.html escapes each (a '"' in SITE_URL would end the canonical link's attribute).
ESCAPED_SETTINGS = ("config.site_description", "config.site_author", "page.canonical_url")


def site_meta(template: str) -> str:
    found = re.findall(r"\{% block site_meta %\}.*?\{% endblock %\}", template, flags=re.DOTALL)
    assert len(found) == 1
    return found[0]


def test_the_page_head_is_materials_own_but_for_the_generator():
    """overrides/main.html copies Material's site_meta block to change one line and escape the
    settings it prints: the copy is Material's as installed but for these, so a Material upgrade
    that changes the block fails here."""
    material = Path(str(distribution("mkdocs-material").locate_file("material/templates/base.html")))
    theirs = site_meta(material.read_text(encoding="utf-8"))
    ours = site_meta((REPO / "overrides/main.html").read_text(encoding="utf-8"))
    their_generator = re.findall(r'<meta name="generator"[^>]*>', theirs)
    assert len(their_generator) == 1
    for setting in ESCAPED_SETTINGS:  # Material prints each once, as is: ours escapes it
        assert theirs.count(f"{{{{ {setting} }}}}") == 1, setting
        theirs = theirs.replace(f"{{{{ {setting} }}}}", f"{{{{ {setting} | e }}}}")
    assert ours == theirs.replace(their_generator[0], GENERATOR)


def make_dry_run(*arguments: str) -> subprocess.CompletedProcess:
    """What `make -n` would run (the virtual environment taken as made), outside any make that runs
    the tests (whose MAKEFLAGS would pass its own ENGINE down)."""
    env = {name: value for name, value in os.environ.items() if name not in ("MAKEFLAGS", "MAKELEVEL", "ENGINE")}
    return subprocess.run(["make", "-n", "-o", ".venv/bin/.installed", *arguments],
                          cwd=REPO, capture_output=True, text=True, timeout=60, check=False, env=env)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize(("engine", "runs"), [(None, "mkdocs"), ("mkdocs", "mkdocs"), ("properdocs", "properdocs")])
def test_make_builds_and_serves_with_the_engine_it_is_given(engine: str | None, runs: str):
    for target, command in (("build", "build --strict"), ("serve", "serve --dev-addr 127.0.0.1:8000")):
        result = make_dry_run(target, *([f"ENGINE={engine}"] if engine else []))
        assert result.returncode == 0, result.stderr
        assert f".venv/bin/{runs} {command}" in result.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_refuses_an_engine_it_does_not_know():
    result = make_dry_run("build", "ENGINE=mkdocs2")
    assert result.returncode != 0
    assert 'ENGINE is mkdocs or properdocs, not "mkdocs2"' in result.stderr
