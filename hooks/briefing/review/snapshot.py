"""What one revision gives the site: its model (or its problems), its pages, its open data rows."""
from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..format.problems import ProblemsFound
from ..format.translations import LANGUAGES, SOURCE_LANGUAGE
from ..model.build import load_site
from ..model.ledger import Ledger
from ..model.site import Site
from ..process import collector_paused
from ..read.cache import CheckedFiles
from ..render.languages import FOLDERS
from ..render.opendata import claims_csv
from ..render.paths import page_url
from ..render.settings import Settings
from ..render.site_outputs import SiteRenderer
from .revisions import commit_of, page_files, write_briefings

SITE_LANGUAGES = (SOURCE_LANGUAGE, *LANGUAGES)
DATA_BASE = "/"  # open data rows are compared with site-relative entry addresses
# A revision's files are written to a scratch folder in memory where the machine has one: a
# thousand small files cost 0.9 s on this machine's disk, 0.2 s in /dev/shm.
SCRATCH = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
WORKING_TREE = "the working tree"  # the name of the revision that is not a commit


@dataclass(frozen=True)
class Snapshot:
    name: str                 # as the reader of the digest knows it: 'main', 'the working tree'
    site: Site | None         # None when the revision does not validate
    problems: tuple           # Problem, as `make validate` prints them
    pages: frozenset          # every page address of both languages ('es/entries/x/')
    claim_rows: tuple         # data/claims.csv, a tuple of cells per claim


def working_tree(root: Path, remembered: CheckedFiles) -> Snapshot:
    return snapshot_of(WORKING_TREE, root, page_files(root, None), True, remembered)


def revision(root: Path, name: str, remembered: CheckedFiles) -> Snapshot:
    """A commit's briefing files, read with git into a scratch folder (see revisions.py).
    `remembered` holds the files checked for the other revision: most are the same."""
    commit = commit_of(root, name)
    with tempfile.TemporaryDirectory(prefix="briefing-review-", dir=SCRATCH) as scratch:
        unwritten = write_briefings(root, commit, Path(scratch))
        found = snapshot_of(name, Path(scratch), page_files(root, commit), False, remembered)
    if unwritten:
        problems = sorted({*unwritten, *found.problems})
        return Snapshot(name, None, tuple(problems), frozenset(), ())
    return found


def snapshot_of(name: str, folder: Path, hand_written: list[str], cache: bool,
                remembered: CheckedFiles) -> Snapshot:
    try:
        with collector_paused():
            site = load_site(folder, cache=cache, remembered=remembered)
    except ProblemsFound as found:
        return Snapshot(name, None, tuple(found.problems), frozenset(), ())
    ledger = Ledger(site)
    pages = page_urls(ledger, hand_written)  # docs/es/about.md is es/about/
    return Snapshot(name, site, (), frozenset(pages), claim_rows(ledger))


def page_urls(ledger: Ledger, hand_written: list[str], kinds=None) -> set[str]:
    """Every page address of the site, in every language: the hand-written pages' own, and the
    generated pages of the site's plan (render/plan.py: planned, not made), which every language's
    site has under its folder ('es/entries/x/')."""
    plan = SiteRenderer().plan(ledger.site, Settings("", DATA_BASE), ledger, kinds)
    generated = [page_url(planned.address) for planned in plan.pages]
    urls = {page_url(source) for source in hand_written}
    for language in SITE_LANGUAGES:
        urls |= {FOLDERS[language] + url for url in generated}
    return urls


def claim_rows(ledger: Ledger) -> tuple:
    rows = list(csv.reader(io.StringIO(str(claims_csv(ledger, DATA_BASE).content), newline="")))
    return tuple(tuple(row) for row in rows[1:])
