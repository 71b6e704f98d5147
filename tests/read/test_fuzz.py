"""Property-based tests: whatever the input, the loader returns a model or a list of problems.

Never an exception, never a hang, never a blow-up: each input runs under an alarm
and an address-space limit that stop a runaway case (these are guards against
hangs and bombs, not performance assertions).
"""
from __future__ import annotations

import resource
import shutil
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.format.problems import ProblemsFound
from briefing.model.build import load_site
from briefing.read.yamlsafe import parse_yaml

from conftest import TOY, failing_after

ENTRY = TOY / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
VALID = ENTRY.read_text()
GUARD_SECONDS = 10
GUARD_BYTES = 4 * 1024**3
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])


@contextmanager
def guarded():
    """One input under an alarm (failing_after) and a memory limit: a runaway case fails, it does
    not hang the suite or take the machine's memory."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (GUARD_BYTES, hard))
    try:
        with failing_after(GUARD_SECONDS, "one input"):
            yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def load_or_problems(repo: Path):
    with guarded():
        try:
            return load_site(repo)
        except ProblemsFound as found:
            assert found.problems and all(str(problem).startswith("briefings/") for problem in found.problems)
            return found.problems


YAML_PIECES = st.sampled_from([
    "title:", "date:", "topics:", "summary:", "sources:", "claims:", "value:", " ", "  ", "\n", "- ", "[", "]",
    "{", "}", ",", ":", "'", '"', "&a", "*a", "!!str", "!!python/object:os.system", "---", "...", "#", "|", ">",
    "\t", "no", "yes", "~", "null", "2026-01-13", "2026-02-30", "0755", "1:30", "-1", "1e9", "[60, 70]",
    "detentions", "jorge-rodriguez", "<script>", "javascript:", "period:", "from:", "to:", "{}", "%", "@", "`",
    "\\", "é", "\u2028", "\ufeff"])


@FUZZ
@given(st.lists(YAML_PIECES, max_size=60).map("".join))
def test_random_yaml_never_raises(text):
    with guarded():
        root, problems = parse_yaml("f.yaml", text.encode("utf-8"))
    assert (root is None) == bool(problems)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data):
    with guarded():
        root, problems = parse_yaml("f.yaml", data)
    assert (root is None) == bool(problems)


def mutate(text: str, data) -> str:
    """Cut, duplicate or replace a line or a span of a valid entry."""
    lines = text.splitlines(keepends=True)
    i = data.draw(st.integers(0, len(lines) - 1))
    action = data.draw(st.sampled_from(["drop", "duplicate", "replace", "splice"]))
    if action == "drop":
        del lines[i]
    elif action == "duplicate":
        lines.insert(i, lines[i])
    elif action == "replace":
        lines[i] = data.draw(st.lists(YAML_PIECES, max_size=8).map("".join)) + "\n"
    else:
        line = lines[i]
        at = data.draw(st.integers(0, len(line)))
        lines[i] = line[:at] + data.draw(YAML_PIECES) + line[at:]
    return "".join(lines)


@FUZZ
@given(st.data())
def test_mutated_entries_give_a_model_or_problems(tmp_path_factory, data):
    repo = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(TOY / "briefings", repo / "briefings")
    text = VALID
    for _ in range(data.draw(st.integers(1, 4))):
        text = mutate(text, data)
    (repo / "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml").write_text(text)
    load_or_problems(repo)
