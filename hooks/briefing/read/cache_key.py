"""The key that signs the check cache: a cache is believed only if this machine's key signed it.

The cache lives in the repository's .cache/ folder, which git ignores but a pull request can
still add (force-added), and its code fingerprint can be computed from the public code. So
every cache file carries an HMAC-SHA256 of its contents, made with a key that never leaves
this user's cache folder ($XDG_CACHE_HOME or ~/.cache, then briefing-site/check-cache.key,
readable by its owner only). A cache from anywhere else (a pull request, another machine, a
fresh CI runner, which makes a new key) fails the check and is read as an empty cache.

The key is read only if it is a regular file: a named pipe there would make every run wait. One
that cannot be used is said once, and the run goes on with a key of its own (uncached).
"""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import secrets
import stat
from pathlib import Path

from .yamlsafe import read_bytes

KEY_BYTES = 32
_MAC_HEX = 64  # the length of an HMAC-SHA256 in hex


def key_path() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefing-site" / "check-cache.key" if os.path.isabs(base) else None


def signing_key(path: Path | None = None) -> bytes:
    """This user's key, made on first use. Where none can be kept, a key for this process only:
    its caches are then never believed by a later run, which is safe, only slower."""
    path = path or key_path()
    if path is None:
        return secrets.token_bytes(KEY_BYTES)
    try:
        return _read_key(path)
    except (OSError, ValueError):
        pass
    try:
        _make_key(path)
        return _read_key(path)
    except (OSError, ValueError):
        _say_unusable(path)
        return secrets.token_bytes(KEY_BYTES)


def _say_unusable(path: Path) -> None:
    """A key file that stays unusable until someone removes it (a pipe, a link, other bytes)."""
    with contextlib.suppress(OSError):
        why = "not a key" if stat.S_ISREG(os.lstat(path).st_mode) else "not a regular file"
        logging.getLogger("briefing.cache").warning("%s is %s; the check cache is not kept until it is "
                                                    "removed", path, why)


def _read_key(path: Path) -> bytes:
    key = bytes.fromhex(read_bytes(path, 2 * KEY_BYTES + 1).decode("ascii").strip())
    if len(key) != KEY_BYTES:
        raise ValueError("a key of the wrong length")
    return key


def _make_key(path: Path) -> None:
    """Write the key whole under a temporary name, then link it in place: two processes making
    one at once end up reading the same key."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(KEY_BYTES).hex().encode("ascii"))
        with contextlib.suppress(FileExistsError):  # another process made it first: use theirs
            os.link(temporary, path)
    finally:
        os.unlink(temporary)


def signed(data: bytes, key: bytes) -> bytes:
    """The signature's hex digits on a line of their own, then the data."""
    return signature_line([data], key) + data


def signature_line(parts: list[bytes], key: bytes) -> bytes:
    """The line `signed` puts before the data that `parts` make up, one after the other: a large
    cache is signed and written in parts, never copied whole into one string."""
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.hexdigest().encode("ascii") + b"\n"


def verified(raw: bytes, key: bytes) -> bytes | None:
    """The data `signed` wrote, if `key` signed it; else None."""
    mac, newline, data = raw[:_MAC_HEX], raw[_MAC_HEX:_MAC_HEX + 1], raw[_MAC_HEX + 1:]
    expected = hmac.new(key, data, hashlib.sha256).hexdigest().encode("ascii")
    return data if newline == b"\n" and hmac.compare_digest(mac, expected) else None
