"""git, run as a subprocess with a fixed argument list (never a shell), with the repository's
own hooks, pager and credential prompts off: a revision's files are read, nothing of it runs.
The review digest reads two revisions with it (review/revisions.py), the build each entry's
history (history.py)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path


class RevisionUnknown(Exception):
    """The name given is not a commit of this repository, or git could not answer."""


def git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    """The output of a git command in `root`; hooks and pagers off, no prompt for credentials."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat"}
    try:
        result = subprocess.run(["git", "-C", os.fspath(root), "-c", "core.hooksPath=/dev/null", *args],
                                input=data, capture_output=True, env=env, check=False)
    except OSError as error:  # no git on this machine
        raise RevisionUnknown(f"git could not run: {error.strerror}") from None
    if result.returncode != 0:
        raise RevisionUnknown(result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return result.stdout


def blobs(root: Path, object_ids: list[str]) -> list[bytes]:
    """The contents of many blobs in one git process, in the order asked."""
    if not object_ids:
        return []
    output = git(root, "cat-file", "--batch", data="".join(f"{oid}\n" for oid in object_ids).encode())
    contents, at = [], 0
    for _ in object_ids:
        header_end = output.index(b"\n", at)
        size = int(output[at:header_end].split()[2])
        contents.append(output[header_end + 1:header_end + 1 + size])
        at = header_end + 1 + size + 1  # the blob, then a newline
    return contents
