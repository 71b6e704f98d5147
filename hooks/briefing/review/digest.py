"""The review digest: what a change does to the site, in Markdown, for a pull request's reviewer."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..format.translations import LANGUAGES
from ..read.cache import CheckedFiles
from ..render.changes import record_changes, translation_changes
from ..render.claim_changes import claim_changes, claim_translation_changes, figure_changes
from .bounds import PROBLEMS_PER_FILE, PROBLEMS_SHOWN, SHOWN, bounded, shortened, shown_problems
from .corrections import silent_corrections
from .inert import MarkdownText, code, code_block, inert
from .revisions import blobs, commit_of
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
    corrections: list = field(default_factory=list)  # Problem: a claim corrected without an update

    @property
    def anything(self) -> bool:
        return any([*self.entries.values(), self.corrections, self.claims, self.figures, self.translations,
                    *self.pages.values(), *self.rows.values()])


def digest(base: Snapshot, head: Snapshot, read_head=None) -> Digest:
    """`read_head(path)`: a file's bytes in `head`, to place its silent corrections (none without it)."""
    if base.site is None or head.site is None:
        return Digest(base, head)
    added, removed, changed = record_changes(base.site, head.site)
    old_rows, new_rows = Counter(base.claim_rows), Counter(head.claim_rows)
    return Digest(base, head, True, {"added": added, "removed": removed, "changed": changed},
                  claim_changes(base.site, head.site), figure_changes(base.site, head.site),
                  translation_changes(base.site, head.site)
                  + [change for code in LANGUAGES for change in claim_translation_changes(base.site, head.site, code)],
                  {"added": sorted(head.pages - base.pages), "removed": sorted(base.pages - head.pages)},
                  {"added": sum((new_rows - old_rows).values()), "removed": sum((old_rows - new_rows).values())},
                  silent_corrections(base.site, head.site, read_head) if read_head else [])


def review(root: Path, base: str, head: str | None = None) -> tuple[str, int]:
    """The digest of `base` against `head` (a revision, or the working tree), as Markdown, and the
    exit status: 1 when `head` has problems, 3 when it corrects a published claim silently
    (corrections.py), else 0."""
    found = compared(root, base, head)
    return render(found), status_of(found)


def status_of(found: Digest) -> int:
    return 1 if found.head.problems else 3 if found.corrections else 0


def compared(root: Path, base: str, head: str | None = None) -> Digest:
    remembered = CheckedFiles()  # files the two revisions share are checked once
    before = revision(root, base, remembered)
    after = revision(root, head, remembered) if head else working_tree(root, remembered)
    return digest(before, after, head_files(root, head))


def head_files(root: Path, head: str | None):
    """A function giving a file's bytes in `head` (a commit, read with git), or in the working tree."""
    if head is None:
        return lambda path: (root / path).read_bytes()
    commit = commit_of(root, head)
    return lambda path: blobs(root, [f"{commit}:{path}"])[0]


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
