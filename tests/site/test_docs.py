"""The examples the documentation shows are valid entries: docs cannot drift from the format."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.format.reference import reference_context
from briefing.model.build import load_site
from briefing.render.jinja import Templates

from conftest import REPO

YAML_BLOCK = re.compile(r"```yaml\n(title:.*?)```", re.S)
EXAMPLES = [("contribute.md", (REPO / "docs/contribute.md").read_text()),
            ("format reference", Templates().render("format.md.j2", **reference_context()))]


@pytest.mark.parametrize("name, text", EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_example_entries_in_the_docs_are_valid(name: str, text: str, toy_repo: Path):
    blocks = YAML_BLOCK.findall(text)
    assert blocks, f"no example entry found in {name}"
    for i, block in enumerate(blocks):
        date = re.search(r"^date: (\S+)", block, re.M).group(1)
        path = toy_repo / "briefings" / date[:4] / date[5:7] / f"{date}-docs-example-{i}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block)
    site = load_site(toy_repo)
    assert sum(entry.id.startswith("docs-example-") for entry in site.entries) == len(blocks)
