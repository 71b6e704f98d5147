"""Command line: `python -m briefing validate [FILE ...]`.

Prints every problem as PATH:LINE:COL: field: message and exits 1 when there is
any. Under GitHub Actions it also prints workflow commands, so the problems show
on the pull request's lines.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .load import load_site
from .problems import Problem, ProblemsFound
from .schema import write_schemas


def github_annotation(problem: Problem) -> str:
    """A workflow command; its message must not break out of the one line it has."""
    message = f"{problem.field}: {problem.message}"
    for char, code in (("%", "%25"), ("\r", "%0D"), ("\n", "%0A")):
        message = message.replace(char, code)
    where = f"file={problem.path}"
    if problem.line:
        where += f",line={problem.line},col={problem.col}"
    return f"::error {where}::{message}"


def validate(root: Path, out=None, err=None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        site = load_site(root)
    except ProblemsFound as found:
        for problem in found.problems:
            print(problem, file=err)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(github_annotation(problem), file=out)
        print(f"{len(found.problems)} problem(s) found.", file=err)
        return 1
    print(f"OK: {len(site.entries)} entries, {len(site.topics)} topics, "
          f"{len(site.actors)} actors, {len(site.figures)} figures.", file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every briefing file without building the site")
    check.add_argument("--root", type=Path, default=Path.cwd(), help="repository folder (default: here)")
    schema = commands.add_parser("schema", help="write the JSON Schemas into schema/ from the format definition")
    schema.add_argument("--root", type=Path, default=Path.cwd(), help="repository folder (default: here)")
    args = parser.parse_args(argv)
    if args.command == "schema":
        (args.root / "schema").mkdir(exist_ok=True)
        write_schemas(args.root / "schema")
        print(f"Wrote the JSON Schemas to {args.root / 'schema'}.")
        return 0
    return validate(args.root)


if __name__ == "__main__":
    sys.exit(main())
