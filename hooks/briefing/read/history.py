"""Each entry file's earlier versions, read from the repository's git history in one pass.

One `git log` over briefings/ lists every commit that touched it, newest first, with the blob of
each file it changed (`--raw --no-abbrev`) and its renames (`-M`: a renamed entry keeps its
history, tracked here over all of briefings/ at once, as `--follow` cannot). `--first-parent`
reads the history of the published branch: a merged pull request is one revision, dated when it
was merged, which is when readers saw it. Then one `git cat-file --batch` gives the blobs.

Git runs with a fixed argument list and the repository's hooks off (git.py). The pass is bounded
like every other input: at most MAX_COMMITS commits are read, each blob at most the loader's
MAX_BYTES (a larger one is a version left out). Without history (no .git: a tarball; a shallow
clone, whose oldest commit would pass for the entries' first; no git) the reason is given instead,
and the site is built without histories: never with a wrong date.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..format.spec import BRIEFINGS
from .git import RevisionUnknown, blobs, git
from .yamlsafe import MAX_BYTES

MAX_COMMITS = 200_000  # ten years of a busy newsroom committing every ten minutes, and far fewer in practice


@dataclass(frozen=True)
class Revision:
    """One version of a file as a commit left it."""

    commit: str
    time: int      # the commit's committer time, in seconds since the epoch
    blob: str      # the object id of the file's bytes
    path: str      # the file's path in that commit (an entry renamed since had another)


@dataclass(frozen=True)
class FileHistories:
    """Each file's revisions, oldest first, by its path at HEAD; or why there are none."""

    key: str                 # the HEAD commit and the briefings tree: the same key, the same histories
    revisions: dict          # path at HEAD -> tuple of Revision, oldest first
    unavailable: str = ""    # why the repository's history cannot be read ('' when it can)


def history_key(root: Path) -> tuple[str, str]:
    """(the HEAD commit, briefings/'s tree id at HEAD); ('', why) without a whole history."""
    if not (root / ".git").exists():
        return "", "no git history: the folder is not a git repository (a tarball or an export)"
    try:
        if git(root, "rev-parse", "--is-shallow-repository").strip() == b"true":
            return "", "no git history: a shallow clone (fetch the whole history: fetch-depth 0)"
        head, tree = git(root, "rev-parse", "HEAD", f"HEAD:{BRIEFINGS}").decode().split()
    except (RevisionUnknown, ValueError) as error:
        return "", f"no git history: {str(error).splitlines()[0] if str(error) else 'git failed'}"
    return f"{head}:{tree}", ""


def read_histories(root: Path) -> FileHistories:
    key, why = history_key(root)
    if not key:
        return FileHistories("", {}, why)
    log = git(root, "log", "--first-parent", "-M", "--raw", "--no-abbrev", "-z", f"--max-count={MAX_COMMITS}",
              "--format=%x01%H %ct", "HEAD", "--", BRIEFINGS)
    return FileHistories(key, file_revisions(log))


def file_revisions(log: bytes) -> dict:
    """Path at HEAD -> its revisions, oldest first, from `git log --raw -z` newest first. A path
    renamed in a commit carries its revisions to the earlier name; one added or deleted ends its
    line (an older file of the same name is another file)."""
    head_path: dict[str, str | None] = {}   # a path in the commit read -> its path at HEAD (None: not one)
    found: dict[str, list] = {}
    for chunk in log.split(b"\x01")[1:]:
        header, _, changes = chunk.partition(b"\0")
        commit, time = header.decode().split()
        tokens = changes.lstrip(b"\n").split(b"\0")
        at = 0
        while at + 1 < len(tokens) and tokens[at].startswith(b":"):
            meta = tokens[at].decode().split()
            status, paths = meta[4][0], [token.decode("utf-8", "surrogateescape") for token in tokens[at + 1:at + 3]]
            at += 3 if status in "RC" else 2
            path = paths[1] if status in "RC" else paths[0]
            head = head_path.get(path, path)
            if status == "D" or head is None:
                head_path.setdefault(path, None)
                continue
            if meta[2] != meta[3]:  # a rename alone changes nothing a reader sees
                found.setdefault(head, []).append(Revision(commit, int(time), meta[3], path))
            head_path[path] = None if status in "ACR" else head
            if status == "R":
                head_path[paths[0]] = head
    return {path: tuple(reversed(revisions)) for path, revisions in found.items()}


def revision_bytes(root: Path, wanted: list[Revision]) -> dict:
    """Blob id -> bytes, for the revisions' blobs no larger than the loader reads, in one git process."""
    ids = list(dict.fromkeys(revision.blob for revision in wanted))
    sizes = git(root, "cat-file", "--batch-check=%(objectsize)", data="".join(f"{oid}\n" for oid in ids).encode())
    small = [oid for oid, size in zip(ids, sizes.split(), strict=True) if int(size) <= MAX_BYTES]
    return dict(zip(small, blobs(root, small), strict=True))
