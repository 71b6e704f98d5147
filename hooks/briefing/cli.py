"""Command line: `python -m briefing validate|new|schema|review`.

`validate` prints every problem as PATH:LINE:COL: field: message and exits 1 when
there is any. Under GitHub Actions it also prints workflow commands, so the
problems show on the pull request's lines.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from .check_pool import check_shared
from .format.problems import Problem, ProblemsFound, printable
from .format.schema import write_schemas
from .new_entry import answer_problem, make_entry
from .process import collector_paused
from .read.cache import CheckedFiles
from .read.files import unsafe_files
from .read.load import check_site, read_registry_ids
from .read.source_date import source_date

_DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
_PROPERTY_ESCAPES = (*_DATA_ESCAPES, (":", "%3A"), (",", "%2C"))


def _escaped(text: str, escapes) -> str:
    for char, code in escapes:
        text = text.replace(char, code)
    return text


def github_annotation(problem: Problem) -> str:
    """A workflow command on one line. GitHub reads properties up to ',' or '::' and the message
    up to the line's end, so each is escaped as GitHub's toolkit escapes it: a file name cannot
    add a line, move the annotation or give it a title."""
    where = f"file={_escaped(problem.path, _PROPERTY_ESCAPES)}"
    if problem.line:
        where += f",line={problem.line},col={problem.col}"
    return f"::error {where}::{_escaped(f'{problem.field}: {problem.message}', _DATA_ESCAPES)}"


def validate(root: Path, only: list[str] | None = None, out=None, err=None) -> int:
    """Check every file (all of them are needed to resolve references); report those named, or all.

    The site model is not built, since validating is run often: values that pass the checks build
    (the checks are made so). Only values from a damaged check cache may not, and a build then
    discards the cache and checks those files again (model/build.py, load_site).
    """
    out, err = out or sys.stdout, err or sys.stderr
    found, counts = check_everything(root)
    problems = [p for p in found if not only or p.path in only]
    for problem in problems:
        print(problem, file=err)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(github_annotation(problem), file=out)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=err)
        return 1
    if found:
        print(f"OK: the named files have no problems ({len(found)} elsewhere).", file=out)
    else:
        print(f"OK: {counts}.", file=out)
    return 0


def check_everything(root: Path) -> tuple[list[Problem], str]:
    """Every problem of the briefing files and of docs/ (links, special files), sorted; and, when
    there is none, what was checked in words."""
    linked = unsafe_files(root / "docs", "docs")
    try:
        source_date()  # the day the checks take as today's, if it is set: refused, cached files or not
        with collector_paused():
            registries, entries = check_site(root, remembered=checked_in_pool())
    except ProblemsFound as found:
        return ProblemsFound([*found.problems, *linked]).problems, ""
    topics, actors, figures = (len(registries[kind].values) for kind in ("topic", "actor", "figure"))
    return linked, f"{len(entries)} entries, {topics} topics, {actors} actors, {figures} figures"


def checked_in_pool() -> CheckedFiles:
    """A run of the checks whose files nothing vouches for are shared among the cores (check_pool.py)."""
    checked = CheckedFiles()
    checked.check_files = check_shared
    return checked


CANCELLED = "cancelled; nothing written"


def ask(field: str, prompt: str, given: str | None, default: str | None = None) -> str:
    if given:
        return checked(field, given)
    if not sys.stdin.isatty():
        raise SystemExit(f"briefing new: {prompt.lower()} is required (--help lists the options)")
    answer = typed(field, f"{prompt}{f' [{default}]' if default else ''}: ")
    return answer or default or ask(field, prompt, None, default)


def ask_optional(field: str, prompt: str, given: str | None) -> str | None:
    """An answer that may be left empty (and is not asked for when nobody is at the keyboard)."""
    if given or not sys.stdin.isatty():
        return checked(field, given) if given else None
    return typed(field, f"{prompt} (Enter to skip): ") or None


def typed(field: str, prompt: str) -> str:
    """One line typed at the terminal. Ctrl-D (end of input) cancels; so does Ctrl-C (new())."""
    try:
        return checked(field, input(prompt).strip())
    except EOFError:
        print()  # the terminal's cursor leaves the prompt's line
        raise SystemExit(f"briefing new: {field}: end of input; {CANCELLED}") from None
    except UnicodeDecodeError:  # a terminal whose text is not UTF-8, read strictly
        raise SystemExit(f"briefing new: {field}: is not UTF-8 text (check the terminal's encoding); "
                         "nothing written") from None


def checked(field: str, text: str) -> str:
    problem = answer_problem(text)
    if problem:
        raise SystemExit(f"briefing new: {field}: {problem}; nothing written")
    return text


def new(args) -> int:
    """Ask for what is not given, then make the entry; cancelled by Ctrl-C with nothing written."""
    try:
        return make_new(args)
    except KeyboardInterrupt:  # 130: 128 + SIGINT, as a shell reports it
        print()
        print(f"briefing new: {CANCELLED}", file=sys.stderr)
        return 130


def make_new(args) -> int:
    title = ask("title", "Title", args.title)
    date_text = ask("date", "Date (YYYY-MM-DD)", args.date, dt.date.today().isoformat())
    topics = [t.strip() for t in ask("topics", "Topics, comma-separated", args.topics).split(",") if t.strip()]
    try:
        date = dt.date.fromisoformat(date_text)
    except ValueError:
        raise SystemExit(f"briefing new: date: {date_text!r} is not a date like 2026-01-13") from None
    known = read_registry_ids(args.root, "topic")
    unknown = [t for t in topics if t not in known]
    if unknown or not topics:
        raise SystemExit(f"briefing new: topics: unknown {unknown}; known: {sorted(known)}")
    try:
        spanish_title = ask_optional("es.title", "Spanish title, if you write the Spanish version", args.es_title)
        path = make_entry(args.root, title, date, topics, args.id, spanish_title)
    except FileExistsError as error:
        raise SystemExit(f"briefing new: {error.filename} already exists; not overwriting it") from None
    except (ValueError, OSError) as error:
        raise SystemExit(f"briefing new: {error}; nothing written") from None
    print(f"Made {path.relative_to(args.root)}. Fill in: summary, sources[0].title (and what else the "
          "source gives: publisher, author, url, published), body, actors and claims; then run make validate.")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="briefing", description="Check and create briefing entries.")
    main_parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository folder (default: here)")
    commands = main_parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check briefing files without building the site")
    check.add_argument("files", nargs="*", help="only report problems in these files (default: all)")
    make = commands.add_parser("new", help="make a new entry file at the right path")
    make.add_argument("--title")
    make.add_argument("--date", help="YYYY-MM-DD (default: today)")
    make.add_argument("--topics", help="comma-separated topic ids, the primary first")
    make.add_argument("--id", help="the entry id (default: made from the title)")
    make.add_argument("--es-title", help="the Spanish title: begins the entry's Spanish block (`es:`)")
    commands.add_parser("schema", help="write the JSON Schemas into schema/ from the format definition")
    compare = commands.add_parser("review", help="what a change does to the site, in Markdown, for its reviewer")
    compare.add_argument("base", help="the revision before the change (a branch, tag or commit)")
    compare.add_argument("head", nargs="?", help="the revision after it (default: the working tree)")
    return main_parser


def print_review(args) -> int:
    """The digest on standard output; 1 when the later revision has problems, 3 when it corrects a
    published claim without an update (each such claim also on standard error, as `make validate`
    prints problems, and as a GitHub annotation in CI); 2 when no digest
    could be made (a name that is not a revision, git or the scratch folder failing): said in one
    line, never as a traceback, whose status 1 CI would read as "the pull request has problems".
    The review's modules (and the render stage they use) are imported here, when a review is
    asked for: `validate` runs on every commit and need not load them (a tenth of a second)."""
    from .review.bounds import shortened
    from .review.digest import compared, failed, render, status_of
    from .review.revisions import RevisionUnknown
    try:
        source_date()  # a bad SOURCE_DATE_EPOCH is the run's problem, not either revision's
        result = compared(args.root, args.base, args.head)
        text, status = render(result), status_of(result)
    except RevisionUnknown as unknown:
        why = str(unknown)
    except ProblemsFound as found:
        why = "; ".join(str(problem) for problem in found.problems)
    except Exception as error:  # any failure of the review's own is status 2
        why = f"the review failed: {type(error).__name__}: {error}"
    else:
        for problem in result.corrections:
            print(github_annotation(problem) if os.environ.get("GITHUB_ACTIONS") else problem, file=sys.stderr)
        sys.stdout.write(text)
        return status
    print(f"briefing review: {shortened(printable(why))}", file=sys.stderr)
    sys.stdout.write(failed(why))
    return 2


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "schema":
        (args.root / "schema").mkdir(exist_ok=True)
        write_schemas(args.root / "schema")
        print(f"Wrote the JSON Schemas to {args.root / 'schema'}.")
        return 0
    if args.command == "new":
        return new(args)
    if args.command == "review":
        return print_review(args)
    only, wrong = named_files(args.root, args.files)
    for problem in wrong:
        print(problem, file=sys.stderr)
    return 1 if wrong else validate(args.root, only)


def named_files(root: Path, names: list[str]) -> tuple[list[str], list[Problem]]:
    """The repository paths of the files named on the command line, and a problem for each name
    that is not a file of this repository (a typo must not read as "OK")."""
    only, wrong = [], []
    for name in names:
        path = Path(os.path.abspath(name))
        inside = path.is_relative_to(os.path.abspath(root))
        if not inside or not os.path.lexists(path):
            why = "is not in this repository" if not inside else "does not exist"
            wrong.append(Problem(name, 0, 0, "(file)", f"{why}; name files under briefings/ or docs/"))
        else:
            only.append(path.relative_to(os.path.abspath(root)).as_posix())
    return only, wrong
