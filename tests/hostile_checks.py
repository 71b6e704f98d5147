"""Structural checks that HTML holds no live markup: parsed, never pattern-matched on text."""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from conftest import REPO, TOY_MKDOCS, mkdocs_build

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcdoc", "xlink:href", "data", "poster", "background"}
DANGEROUS_SCHEMES = re.compile(r"^(javascript|vbscript|data):", re.I)
PAYLOAD_TAGS = {"iframe", "form", "object", "embed", "style", "frame", "frameset", "base", "textarea"}
JSON_SCRIPT_TYPES = {"application/ld+json", "application/json"}


class LiveMarkupFinder(HTMLParser):
    """Collects every way a payload could run: script text, handlers, dangerous URLs, frames."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._script: list | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and value and DANGEROUS_SCHEMES.match(re.sub(r"[\s\x00-\x1f]", "", value)):
                self.findings.append(f"<{tag} {name}={value[:40]!r}>")
        if tag in PAYLOAD_TAGS and "alert" in json.dumps(attributes):
            self.findings.append(f"<{tag}> from a payload")
        if tag == "meta" and "http-equiv" in attributes and "alert" in json.dumps(attributes):
            self.findings.append("<meta http-equiv> from a payload")
        if tag == "script":
            self._script = [attributes.get("type", ""), ""]

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            kind, text = self._script
            self._script = None
            if kind in JSON_SCRIPT_TYPES:
                if not _is_json(text):
                    self.findings.append(f"<script type={kind}> cut short, its rest parsed as markup: {text[:60]!r}")
            elif "alert(" in text:
                self.findings.append(f"<script> running a payload: {text[:60]!r}")


def _is_json(text: str) -> bool:
    """Intact JSON: nothing closed the element early."""
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def live_markup(html: str) -> list[str]:
    finder = LiveMarkupFinder()
    finder.feed(html)
    finder.close()
    return finder.findings


def build_hostile_site(folder: Path) -> Path:
    """Build the hostile fixture (tests/fixtures/hostile) with the real theme; return the site."""
    repo = folder / "repo"
    shutil.copytree(HOSTILE, repo)
    (repo / "docs").mkdir()
    (repo / "docs/index.md").write_text("# Hostile\n")
    config = TOY_MKDOCS.format(hooks=REPO / "hooks" / "briefing_hooks.py")
    config = config.replace("  font: false\n", f"  font: false\n  custom_dir: {REPO / 'overrides'}\n")
    (repo / "mkdocs.yml").write_text(config)
    result = mkdocs_build(repo / "mkdocs.yml", repo / "site")
    assert result.returncode == 0, result.stderr
    return repo / "site"
