"""Hostile publishing settings, end to end: a build of the toy site stops with one line naming the
setting, and a script the site does not write gets no hash in the page's policy."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.publish.csp import script_hash

from conftest import mkdocs_build

SITE = "write an absolute http(s) address ending in '/', such as 'https://owner.github.io/briefing/'"


def with_settings_from_the_environment(repo: Path) -> Path:
    """The toy's mkdocs.yml, its address and repository read from SITE_URL and REPO_URL as the site's are."""
    config = repo / "mkdocs.yml"
    text = config.read_text().replace("site_url: https://example.org/toy/", 'site_url: !ENV [SITE_URL, "https://example.org/toy/"]')
    config.write_text(text + "extra:\n  briefing:\n    repository: !ENV [REPO_URL, null]\n")
    return config


@pytest.mark.parametrize(("variables", "line"), [
    ({"SITE_URL": 'https://example.org/toy/"><script>alert(1)</script>'},
     f"""mkdocs.yml: site_url: 'https://example.org/toy/"><script>alert(1)</script>/' holds '"', """
     f"a character it may not hold; {SITE}"),
    ({"REPO_URL": "javascript:alert(document.domain)"},
     "mkdocs.yml: extra.briefing.repository: 'javascript:alert(document.domain)' holds '(', a character it may "
     "not hold; write an http(s) address with a host, such as 'https://github.com/owner/briefing'"),
])
def test_a_hostile_setting_stops_the_build_with_one_line(toy_repo: Path, tmp_path: Path, variables: dict, line: str):
    result = mkdocs_build(with_settings_from_the_environment(toy_repo), tmp_path / "site", variables)
    assert result.returncode != 0
    assert f"ERROR   -  {line}" in result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site/index.html").exists()  # stopped before any page was written


FOREIGN = 'window.foreign="from a template"'


def test_a_foreign_inline_script_in_the_head_gets_no_hash_and_the_build_says_so(toy_repo: Path, tmp_path: Path):
    """A template (here an override of the theme's) puts a script in every page's head: the site
    does not write it, so no page's policy lets it run, and the strict build fails on the warning."""
    overrides = toy_repo / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text('{% extends "base.html" %}\n'
                                         f"{{% block extrahead %}}<script>{FOREIGN}</script>{{% endblock %}}\n")
    config = toy_repo / "mkdocs.yml"
    config.write_text(config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert ("WARNING -  index.md: an inline script the site does not write gets no hash in the page's "
            f"Content-Security-Policy, so it will not run: '{FOREIGN}'") in result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    home = (tmp_path / "site/index.html").read_text()
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', home).group(1)
    assert f"<script>{FOREIGN}</script>" in home
    assert script_hash(FOREIGN) not in policy
    assert len(re.findall(r"'sha256-", policy)) == 3  # the theme's own three still run

