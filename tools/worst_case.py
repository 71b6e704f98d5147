"""The validator's and the renderer's worst times on the largest inputs the limits allow.

    .venv/bin/python tools/worst_case.py

Each case is built to be as slow as the format lets it be (files of 256 KiB, Markdown at
format/markdown.py's limits, thousands of unknown references against a large registry), then
timed: `validate` in a fresh process, and Markdown rendering in this one. It also times the
shapes those limits were set against, just past them, rendered without the validator. Not a
test: it prints seconds for a person to read.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))
from briefing.format.markdown import (  # noqa: E402
    MAX_INLINE_MARKS,
    MAX_NESTING,
    MAX_OPENER_SCAN,
    MAX_PARAGRAPH,
    markdown_problem,
)
from briefing.render.markup import SafeMarkdown  # noqa: E402

HEAD = "title: Worst case\ndate: 2026-01-15\ntopics: [detentions]\nsummary: A summary.\n"
SOURCE = "sources:\n  - id: s\n    title: A source\n"
WORDS = "word " * (MAX_PARAGRAPH // 5 - 1)


def markdown_cases() -> dict[str, str]:
    """Bodies at the limits: the openers first (each scans to the end of its paragraph)."""
    per_paragraph = MAX_OPENER_SCAN // MAX_PARAGRAPH  # unclosed '[' a longest paragraph may hold
    tags = int((2 * MAX_OPENER_SCAN / 3) ** 0.5) - 1  # '<a ' before one '>': 3 + 6 + 9 + ... characters
    return {
        f"{per_paragraph} '[' before a {MAX_PARAGRAPH}-character paragraph, then 9 more paragraphs":
            "[" * per_paragraph + WORDS[: MAX_PARAGRAPH - per_paragraph] + ("\n\n" + WORDS) * 9,
        f"{tags} '<a ' before one '>', then 9 paragraphs": "<a " * tags + ">" + ("\n\n" + WORDS) * 9,
        f"{MAX_INLINE_MARKS} backslashes, then words": "\\" * MAX_INLINE_MARKS + ("\n\n" + WORDS) * 9,
        f"{MAX_INLINE_MARKS // 2} emphasis spans, then words": "*a* " * (MAX_INLINE_MARKS // 2) + ("\n\n" + WORDS) * 9,
        "2,000 lines of '-'": "-\n" * 1999 + "-",
        "8 nested list markers on each of 380 lines (a 10,000-character paragraph)": ("1. " * 8 + "x\n") * 380,
        f"'>' {MAX_NESTING} deep, then 68 lazy lines, 12 times": "\n\n".join(
            [">" * MAX_NESTING + " x\n" + "\n".join([WORDS[:115]] * 68)] * 12),
        f"a list staircase {MAX_NESTING} deep by indentation, 220 times": "\n\n".join(
            ["\n".join("    " * depth + "- " + WORDS[:20] for depth in range(MAX_NESTING))] * 220),
    }


def past_the_limits() -> dict[str, str]:
    return {"1,000 '[' in a 100,000-character paragraph": "[" * 1000 + "word " * 19800,
            "50,000 '['": "[" * 50000,
            "a staircase of '>', 1 to 600 deep, a paragraph each": "\n\n".join(">" * i + " x" for i in range(1, 601)),
            "25,000 emphasis spans": "\n\n".join(["*a* " * 2500] * 10)}


def timed_render(text: str, budget: float = 120.0) -> str:
    start = time.perf_counter()
    try:
        SafeMarkdown().block(text)
    except Exception as error:  # measured, not hidden: the validator must refuse such a text
        return f"{type(error).__name__} after {time.perf_counter() - start:.2f} s"
    return f"{time.perf_counter() - start:.3f} s"


def unknown_references_repo(folder: Path) -> Path:
    """Two entry files of 256 KiB each, all unknown actor ids, against an actors.yaml of 256 KiB."""
    shutil.copytree(REPO / "tests/fixtures/toy", folder / "repo")
    repo = folder / "repo"
    actors = up_to(250_000, lambda i: f"actor-number-{i}:\n  name: Actor number {i}\n  kind: person\n")
    (repo / "briefings/actors.yaml").write_text(actors)
    for n in (1, 2):
        refs = up_to(250_000, f"  - actor-numbr-{n}-{{}}\n".format)
        (repo / f"briefings/2026/01/2026-01-15-worst-{n}.yaml").write_text(HEAD + SOURCE + "actors:\n" + refs)
    return repo


def up_to(size: int, line: Callable[[int], str]) -> str:
    """line(0) + line(1) + ... for as long as the text stays under `size` characters."""
    lines: list[str] = []
    total = 0
    while total + len(next_line := line(len(lines))) < size:
        lines.append(next_line)
        total += len(next_line)
    return "".join(lines)


def timed_validate(repo: Path) -> str:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "briefing", "--root", str(repo), "validate"], capture_output=True,
                            text=True, env={"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin",
                                            "BRIEFING_CACHE": "off"})
    problems = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else result.stdout.strip()
    return f"{time.perf_counter() - start:.2f} s ({problems})"


def main() -> None:
    print("Markdown at the limits (accepted by the validator), rendered:")
    for name, text in markdown_cases().items():
        assert markdown_problem(text, inline=False) is None, name
        print(f"  {timed_render(text):>12}  {name} ({len(text):,} characters)")
    print("Past the limits (refused by the validator), rendered anyway:")
    for name, text in past_the_limits().items():
        print(f"  {timed_render(text):>12}  {name}")
    with tempfile.TemporaryDirectory() as scratch:
        repo = unknown_references_repo(Path(scratch))
        print(f"validate, two 256 KiB files of unknown actors against a 256 KiB registry: {timed_validate(repo)}")
        for n in (1, 2):
            path = repo / f"briefings/2026/01/2026-01-15-worst-{n}.yaml"
            path.write_text(HEAD + SOURCE + "body: |\n" + "".join(
                f"  {line}\n" for line in markdown_cases()[next(iter(markdown_cases()))].split("\n")))
        print(f"validate, two files whose bodies sit at every Markdown limit: {timed_validate(repo)}")


if __name__ == "__main__":
    main()
