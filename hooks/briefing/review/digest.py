"""The review digest: what a change does to the site, in Markdown, for a pull request's reviewer."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..format.translations import LANGUAGES
from ..read.cache import CheckedFiles
from .bounds import PROBLEMS_PER_FILE, PROBLEMS_SHOWN, SHOWN, bounded, shortened, shown_problems
from .changes import record_changes, translation_changes
from .claims import claim_changes, claim_translation_changes, figure_changes
from .inert import MarkdownText, code, code_block, inert
from .snapshot import WORKING_TREE, Snapshot, revision, working_tree

TEMPLATES = Path(__file__).parent / "templates"
HEADING = "## What this change does to the site"


@dataclass(frozen=True)
class Digest:
    base: Snapshot
    head: Snapshot
    compared: bool = False                       # both revisions validate, so there are changes to show
    entries: dict = field(default_factory=dict)  # 'added', 'removed', 'changed' -> records of every kind
    claims: dict = field(default_factory=dict)   # figure label -> ClaimChange
    figures: list = field(default_factory=list)
    translations: list = field(default_factory=list)
    pages: dict = field(default_factory=dict)    # 'added', 'removed' -> sorted addresses
    rows: dict = field(default_factory=dict)     # 'added', 'removed' -> number of claims.csv rows

    @property
    def anything(self) -> bool:
        return any([*self.entries.values(), self.claims, self.figures, self.translations,
                    *self.pages.values(), *self.rows.values()])


def digest(base: Snapshot, head: Snapshot) -> Digest:
    if base.site is None or head.site is None:
        return Digest(base, head)
    added, removed, changed = record_changes(base.site, head.site)
    old_rows, new_rows = Counter(base.claim_rows), Counter(head.claim_rows)
    return Digest(base, head, True, {"added": added, "removed": removed, "changed": changed},
                  claim_changes(base.site, head.site), figure_changes(base.site, head.site),
                  translation_changes(base.site, head.site)
                  + [change for code in LANGUAGES for change in claim_translation_changes(base.site, head.site, code)],
                  {"added": sorted(head.pages - base.pages), "removed": sorted(base.pages - head.pages)},
                  {"added": sum((new_rows - old_rows).values()), "removed": sum((old_rows - new_rows).values())})


def review(root: Path, base: str, head: str | None = None) -> tuple[str, int]:
    """The digest of `base` against `head` (a revision, or the working tree), as Markdown, and the
    exit status: 1 when `head` has problems, else 0."""
    remembered = CheckedFiles()  # files the two revisions share are checked once
    before = revision(root, base, remembered)
    after = revision(root, head, remembered) if head else working_tree(root, remembered)
    return render(digest(before, after)), 1 if after.problems else 0


def render(found: Digest) -> str:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, finalize=inert,
                              undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)
    environment.filters["code_block"] = code_block
    environment.filters["shown_problems"] = shown_problems
    environment.filters["shown"] = lambda items: list(items)[:SHOWN]
    environment.filters["code"] = code
    environment.filters["composed"] = MarkdownText
    environment.filters["codes"] = lambda names: MarkdownText(", ".join(map(code, names)))
    environment.filters["addresses"] = lambda urls: MarkdownText(", ".join(inert(f"/{url}") for url in urls))
    environment.globals.update(SHOWN=SHOWN, WORKING_TREE=WORKING_TREE, HEADING=HEADING,
                               PROBLEMS_PER_FILE=PROBLEMS_PER_FILE, PROBLEMS_SHOWN=PROBLEMS_SHOWN)
    return bounded(environment.get_template("digest.md.j2").render(digest=found), cut_note(found))


def cut_note(found: Digest) -> str:
    """What the digest says where it is cut (bounds.py): what was left out, and where to see it."""
    names = [found.base.name] if found.head.name == WORKING_TREE else [found.base.name, found.head.name]
    diff = " ".join(["git diff --stat", *names, "-- briefings/"])
    return (f"… The digest stops here: the rest would take it past what GitHub shows on a run's summary. "
            f"{code(diff)} lists every file the change touches.")


def failed(why: str) -> str:
    """The digest when none can be made (a name that is no revision, git failing): one line that
    says why, for the run's summary; the exit status says it is the review's failure."""
    return f"{HEADING}\n\nNo digest could be made: {inert(shortened(why))}\n"
