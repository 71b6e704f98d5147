"""Each entry's earlier versions as the model holds an entry, from its file's git history.

A version is read as the format reads an entry file (read/report.py, format/spec.py: the same
parser and field types, not the checks across fields, which say what today's file may hold, not
what an earlier version did) and built into an Entry (build.py), under the entry's id of today,
so that a renamed file keeps its history. The version of HEAD, when it is the file the build
read, is the model's own entry, not read again. A version that cannot be read, or that names an
actor, figure or topic the registries no longer have, is left out: the history compares the
versions around it, and says nothing false.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from ..format.spec import ENTRY, REGISTRY_BY_KIND, registry_path
from ..read.checks import entry_id_of
from ..read.history import FileHistories, Revision, history_key, read_histories, revision_bytes
from ..read.report import read_file
from .build import build_entry
from .site import Entry, Site


@dataclass(frozen=True)
class EntryVersion:
    time: int       # the commit's committer time (read/history.py)
    entry: Entry


# The fields of each register an entry's page shows of a record it names: a change to one is a
# change to what the entry shows (an actor renamed, a figure's label or unit, a topic's title).
SHOWN_REGISTER_FIELDS = {"actor": ("name",), "figure": ("label", "unit"), "topic": ("title",)}


@dataclass(frozen=True)
class RegisterChange:
    time: int
    kind: str     # "actor", "figure" or "topic"
    key: str      # the record's id
    field: str    # one of SHOWN_REGISTER_FIELDS[kind]
    old: str
    new: str


@dataclass(frozen=True)
class EntryVersions:
    """The versions of every entry that has a history, oldest first; or why there are none."""

    key: str
    versions: dict           # entry id -> tuple of EntryVersion, oldest first
    unavailable: str = ""
    register_changes: tuple = ()  # RegisterChange, oldest first: what the entries naming the record show

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
            paths = [*(entry.path for entry in site.entries), *map(registry_path, SHOWN_REGISTER_FIELDS)]
            wanted = [revision for path in paths for revision in histories.revisions.get(path, ())]
            self._files = (histories, revision_bytes(root, wanted))
        histories, contents = self._files
        found = {}
        for entry in site.entries:
            revisions = histories.revisions.get(entry.path, ())
            if revisions and _is_read(root, entry, contents.get(revisions[-1].blob)):
                self._built[(revisions[-1].blob, entry.path)] = entry
            versions = [EntryVersion(revision.time, built) for revision in revisions
                        if (built := self._entry(site, entry, revision, contents)) is not None]
            if versions:
                found[entry.id] = tuple(versions)
        return EntryVersions(key, found, register_changes=register_changes(histories, contents))

    def _entry(self, site: Site, entry: Entry, revision: Revision, contents: dict) -> Entry | None:
        if (revision.blob, entry.path) not in self._built:
            self._built[(revision.blob, entry.path)] = _version(entry, revision, contents)
        built = self._built[(revision.blob, entry.path)]
        return built if built is not None and _known(site, built) else None


def _is_read(root: Path, entry: Entry, data: bytes | None) -> bool:
    """Whether the build read these very bytes for the entry (its file is HEAD's, unedited)."""
    try:
        return data is not None and (root / entry.path).read_bytes() == data
    except OSError:
        return False


def _version(entry: Entry, revision: Revision, contents: dict) -> Entry | None:
    """The revision as the model holds an entry, under the entry's path of today; None if it
    cannot be read as an entry."""
    data = contents.get(revision.blob)
    if data is None:
        return None
    report = read_file(revision.path, revision.path, lambda node, reader: ENTRY.read(node, "", reader), data)
    if report.problems or report.root is None or report.root.kind != "map":
        return None
    try:
        return build_entry(entry_id_of(entry.path), entry.path, report.checked_values())
    except (KeyError, TypeError, ValueError, AttributeError):  # values an earlier format held otherwise
        return None


def _known(site: Site, entry: Entry) -> bool:
    """Whether every record the version names is in today's registries (its words need them)."""
    return (all(claim.by in site.actors and claim.figure in site.figures for claim in entry.claims)
            and all(actor in site.actors for actor in entry.actors)
            and all(topic in site.topics for topic in entry.topics))


def register_changes(histories: FileHistories, contents: dict) -> tuple:
    """Each change of a shown field (SHOWN_REGISTER_FIELDS) in the registers' histories, oldest
    first (a version that cannot be read is left out, and the versions around it compared)."""
    changes = [change for kind, fields in SHOWN_REGISTER_FIELDS.items()
               for change in field_changes(kind, fields, register_versions(kind, histories, contents))]
    return tuple(sorted(changes, key=lambda change: change.time))


def register_versions(kind: str, histories: FileHistories, contents: dict) -> list[tuple[int, dict]]:
    """(commit time, {id: fields}) of each version of a register that reads without a problem."""
    registry, versions = REGISTRY_BY_KIND[kind], []
    for revision in histories.revisions.get(registry_path(kind), ()):
        data = contents.get(revision.blob)
        report = read_file(revision.path, revision.path, registry.read, data) if data is not None else None
        if report is not None and not report.problems and isinstance(report.values, dict):
            versions.append((revision.time, report.values))
    return versions


def field_changes(kind: str, fields: tuple, versions: list[tuple[int, dict]]) -> list[RegisterChange]:
    """What changed in `fields` of a record kept from one version of its register to the next."""
    changes = []
    for (_, was), (time, now) in pairwise(versions):
        for key, record in now.items():
            for field in fields:
                old, new = (was.get(key) or {}).get(field), record.get(field)
                if isinstance(old, str) and isinstance(new, str) and old != new:
                    changes.append(RegisterChange(time, kind, key, field, old, new))
    return changes
