"""Property tests for the second hardening pass: whatever the validator accepts renders in
bounded time and survives every writer; no cache it did not sign makes a bad file pass.

Each input runs under the guard of test_fuzz.py (an alarm and a memory limit): these stop a
runaway case, they do not assert on speed.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import xml.etree.ElementTree as ET

from hypothesis import event, given
from hypothesis import strategies as st
from test_fuzz import FUZZ, guarded

from briefing.cli import validate
from briefing.format.markdown import markdown_problem
from briefing.format.problems import ProblemsFound
from briefing.model.build import load_site
from briefing.read.cache_key import signed, signing_key
from briefing.render.markup import SafeMarkdown
from briefing.render.settings import Settings
from briefing.render.site_outputs import SiteRenderer

from conftest import TOY

# The shapes that made Python-Markdown slow or recurse (tools/worst_case.py), and text.
PIECES = ["[", "]", "(", ")", "<", ">", "![", "](", "[a](", "<a ", "*", "_", "`", "\\", "&#", "|", "#", "=",
          "-", "1. ", "- ", "+ ", "> ", "* ", "\t", "  ", "\n", "\n\n", "word ", "é", "http://x.org "]
repeated = st.tuples(st.sampled_from(PIECES), st.integers(1, 1500)).map(lambda piece: piece[0] * piece[1])
# Mostly text that the limits let through, near them: '[' and '<' up to 300 in a long paragraph.
near_limits = st.tuples(st.sampled_from(["[", "<", "![", "<a ", "[a](", "\\", "*_"]), st.integers(100, 290),
                        st.integers(1000, 9000)).map(lambda p: p[0] * (p[1] // len(p[0])) + "word " * (p[2] // 5))
markdown_texts = st.lists(st.one_of(near_limits, repeated, st.sampled_from(PIECES)), min_size=1,
                          max_size=12).map("".join)


@FUZZ
@given(markdown_texts)
def test_markdown_the_validator_accepts_renders_in_bounded_time(text: str):
    problem = markdown_problem(text, inline=False)
    event("refused" if problem else f"rendered, {len(text) // 2000 * 2000}+ characters")
    if problem is not None:
        return  # refused with a message: never rendered
    markdown = SafeMarkdown()
    with guarded():
        markdown.block(text)
        markdown.inline(text)


entry_texts = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=12)


def yaml_escaped(text: str) -> str:
    """`text` as a YAML double-quoted scalar that can write any code point."""
    return '"' + "".join(f"\\U{ord(char):08x}" for char in text) + '"'


@FUZZ
@given(entry_texts, entry_texts)
def test_text_the_validator_accepts_survives_every_writer(tmp_path_factory, title: str, scope: str):
    repo = tmp_path_factory.mktemp("unicode")
    shutil.copytree(TOY / "briefings", repo / "briefings")
    entry = repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
    text = entry.read_text().replace("title: Assembly president says more than 400 prisoners were freed",
                                     f"title: {yaml_escaped('Title ' + title)}")
    entry.write_text(text.replace("scope: since the previous week", f"scope: {yaml_escaped(scope)}"))
    with guarded():
        try:
            site = load_site(repo, cache=False)
        except ProblemsFound as found:
            assert all(str(p).startswith("briefings/") and "\n" not in str(p) for p in found.problems)
            return
        rendered = SiteRenderer().render(site, Settings("Toy", "https://example.org/"))
    for item in (file for file in rendered.files() if isinstance(file.content, str)):  # not the images
        item.content.encode("utf-8")  # every file can be written
        if item.path.endswith(".xml"):
            ET.fromstring(item.content.encode("utf-8"))
        elif item.path.endswith(".json"):
            json.loads(item.content)
    for page in rendered.pages:
        page.body.encode("utf-8")


BAD = "briefings/2026/01/2026-01-15-crafted.yaml"


@FUZZ
@given(st.integers(0, 2**32), st.sampled_from(["flip", "cut", "old signature", "foreign key"]))
def test_no_cache_this_user_did_not_sign_makes_a_bad_file_pass(tmp_path_factory, seed: int, damage: str):
    """The attacker's cache: this run's own records, with BAD's record moved onto the digest of a
    broken file. Signed any way but with this user's key over these very bytes, it is refused."""
    repo = tmp_path_factory.mktemp("cache")
    shutil.copytree(TOY / "briefings", repo / "briefings")
    good = (repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml").read_text()
    good = good.replace("date: 2026-01-13", "date: 2026-01-15").replace("400-freed", "crafted")
    (repo / BAD).write_text(good)
    load_site(repo)  # a real, signed cache that vouches for the good file at BAD's path
    cache = next((repo / ".cache/briefing").glob("checked-*.json"))
    original = cache.read_bytes()
    bad = good.replace("author: Micah Jonah", "author: Micah Jonah\n    url: javascript:alert(1)")
    (repo / BAD).write_text(bad)
    digest_of_good, digest_of_bad = (hashlib.blake2b(text.encode(), digest_size=16).hexdigest().encode()
                                     for text in (good, bad))
    assert original.count(digest_of_good) == 1  # BAD's record (cache_file.py: a record a line)
    crafted = original[65:].replace(digest_of_good, digest_of_bad)
    rng = random.Random(seed)
    raw = bytearray(signed(crafted, signing_key()))
    if damage == "flip":
        raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
    elif damage == "cut":
        raw = raw[: rng.randrange(len(raw))]
    elif damage == "old signature":
        raw = bytearray(original[:65] + crafted)
    else:
        raw = bytearray(signed(crafted, rng.randbytes(32)))
    cache.write_bytes(bytes(raw))
    with open(os.devnull, "w") as quiet:
        assert validate(repo, out=quiet, err=quiet) == 1
