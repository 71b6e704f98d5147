"""Each entry's earlier versions as the model holds an entry, from its file's git history.

A version is read and checked as the file is today (read/entry_check.py) and built into an Entry
(build.py), under the entry's id of today, so that a renamed file keeps its history. A version
that does not pass today's checks alone, or that names an actor, figure or topic the registries no
longer have, is left out: the history compares the versions around it, and says nothing false.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..read.checks import entry_id_of
from ..read.entry_check import check_entry
from ..read.history import FileHistories, Revision, history_key, read_histories, revision_bytes
from .build import build_entry
from .site import Entry, Site


@dataclass(frozen=True)
class EntryVersion:
    time: int       # the commit's committer time (read/history.py)
    entry: Entry


@dataclass(frozen=True)
class EntryVersions:
    """The versions of every entry that has a history, oldest first; or why there are none."""

    key: str
    versions: dict           # entry id -> tuple of EntryVersion, oldest first
    unavailable: str = ""

    def of(self, entry_id: str) -> tuple:
        return self.versions.get(entry_id, ())

    def log_line(self) -> str | None:
        """What the build says, once, when it has no histories."""
        if not self.unavailable:
            return None
        return f"Entry histories are unavailable ({self.unavailable}); pages are built without them."


class EntryHistories:
    """The entries' versions, read again only when the repository's history is another: the git
    pass is kept by its key (the HEAD commit and the briefings tree, read/history.py), and each
    version built is kept by its blob and its entry's path, as a preview rebuilds often."""

    def __init__(self) -> None:
        self._files: tuple[FileHistories, dict] | None = None   # the histories and their blobs' bytes
        self._built: dict[tuple[str, str], Entry | None] = {}

    def of(self, root: Path, site: Site) -> EntryVersions:
        key, why = history_key(root)
        if not key:
            return EntryVersions("", {}, why)
        if self._files is None or self._files[0].key != key:
            histories = read_histories(root)
            wanted = [revision for entry in site.entries for revision in histories.revisions.get(entry.path, ())]
            self._files = (histories, revision_bytes(root, wanted))
        histories, contents = self._files
        found = {}
        for entry in site.entries:
            versions = [EntryVersion(revision.time, built) for revision in histories.revisions.get(entry.path, ())
                        if (built := self._entry(site, entry, revision, contents)) is not None]
            if versions:
                found[entry.id] = tuple(versions)
        return EntryVersions(key, found)

    def _entry(self, site: Site, entry: Entry, revision: Revision, contents: dict) -> Entry | None:
        if (revision.blob, entry.path) not in self._built:
            self._built[(revision.blob, entry.path)] = _version(entry, revision, contents)
        built = self._built[(revision.blob, entry.path)]
        return built if built is not None and _known(site, built) else None


def _version(entry: Entry, revision: Revision, contents: dict) -> Entry | None:
    """The revision as the model holds an entry, under the entry's path of today; None if it
    cannot be read or does not pass today's checks alone."""
    data = contents.get(revision.blob)
    if data is None:
        return None
    report = check_entry(revision.path, revision.path, data)
    if not report.passed_alone:
        return None
    return build_entry(entry_id_of(entry.path), entry.path, report.checked_values())


def _known(site: Site, entry: Entry) -> bool:
    """Whether every record the version names is in today's registries (its words need them)."""
    return (all(claim.by in site.actors and claim.figure in site.figures for claim in entry.claims)
            and all(actor in site.actors for actor in entry.actors)
            and all(topic in site.topics for topic in entry.topics))
