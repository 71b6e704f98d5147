"""The check cache on disk: its format, and how it is read and written (when it is believed,
and for what, is cache.py's to say).

Validation runs on every commit and every preview rebuild, and almost every file
is unchanged since the last run; reading YAML is what costs. So the checked
values and the references still to resolve (against the registries, which may
have changed) are kept in <root>/.cache/briefing/checked-<code fingerprint>.json,
keyed by each file's path and the digest of its bytes, under the inputs of the checks
(entry_check.CheckInputs, such as the latest date a file may hold): a cache that other inputs
made is read as empty.

The cache is signed with a key of this user's, kept outside the repository (cache_key.py):
a cache this machine did not write, such as one a pull request adds, is never believed.

Only files without problems are kept: a file with problems is read again on
every run, so its problems are always reported fresh, with their lines. The cache
is JSON text (a line a record: _read_records), never pickle, so a cache file cannot run code; dates and tuples are
tagged so that they come back as the same Python values. Anything wrong with the
cache file (missing, unreadable, corrupt, another shape, not a regular file) makes it
empty, never an error or a wait: the run is only slower, and writes a good one.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import secrets
import sys
from pathlib import Path

import yaml

from .cache_key import signature_line, signing_key, verified
from .yamlsafe import read_bytes

CACHE_FOLDER = os.path.join(".cache", "briefing")
_FORMAT = 2  # 2: a record a line, values as JSON text; a cache of another format is read as empty
MAX_CACHE_BYTES = 1 << 30  # a larger file is no cache (10,000 entries keep a few tens of MB)
_DATE, _TUPLE = "$date", "$tuple"  # tags: no field name of the format starts with '$'


# The stages whose code decides what a file's checked values are: the format, and reading.
CHECKER_STAGES = ("format", "read")


def fingerprint_of(package: Path, stages=CHECKER_STAGES) -> str:
    """A digest of every module of the checker's stages (and of the YAML library under them):
    new checking code, new cache."""
    digest = hashlib.blake2b(digest_size=12)
    for stage in stages:
        for path in sorted((package / stage).rglob("*.py")):
            name = path.relative_to(package).as_posix()
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(f"{sys.version_info[:2]} {yaml.__version__} {yaml.__with_libyaml__}".encode())
    return digest.hexdigest()


# Taken when the code is imported, not when a cache is written: a long-running preview server
# keeps running the code it imported, so its results must not be filed under newer code.
CODE_FINGERPRINT = fingerprint_of(Path(__file__).resolve().parent.parent)


class CheckCache:
    """The checked entry files of the last run; `save` keeps those seen in this run.

    A record is [digest of the bytes, references, values]: the references as one text,
    "kind:id kind:id", since a run only asks whether all of them resolve (when one does
    not, the file is read again to say where); the values as JSON text, decoded only
    when the model is built, since validating alone does not need them.
    """

    def __init__(self, root, known: dict, fingerprint: str = CODE_FINGERPRINT, key: bytes | None = None,
                 inputs: str = ""):
        """`known`: each registry's ids by kind ("actor"), None for a registry that cannot be read;
        `key`: what signs the cache (cache_key.py), this user's own unless given; `inputs`: those
        of the checks (entry_check.CheckInputs.key): a cache of other inputs is read as empty."""
        self.root = os.fspath(root)
        self.folder = os.path.join(root, CACHE_FOLDER)
        self.fingerprint, self.inputs = fingerprint, inputs
        self.path = os.path.join(self.folder, f"checked-{self.fingerprint}.json")
        self._key = key or signing_key()
        self._resolvable: set[str] = set()
        self.use_registries(known)
        self._stored = _read_records(self.path, {"fingerprint": fingerprint, "inputs": inputs}, self._key)
        self._kept: dict = {}  # display path -> record, for the files seen in this run
        self._changed = False

    def use_registries(self, known: dict) -> None:
        """The registries' ids the references of this run resolve against."""
        self._resolvable = {f"{kind}:{ref_id}" for kind, ids in known.items() if ids is not None
                            for ref_id in ids}

    def next_run(self) -> None:
        """A preview server's next run, with the records as this run saved them: the file is
        not read again (at 10,000 entries, reading and verifying it takes a third of a second)."""
        self._stored, self._kept = self._kept, {}  # what changed and is not saved yet stays changed

    def has_record(self, display: str) -> bool:
        """Whether a file of this path was kept (with some bytes): if not, nothing here can vouch
        for it, and its bytes need not be read to ask."""
        return display in self._stored

    def get(self, display: str, digest: bytes) -> tuple[str, str] | None:
        """(references, values as JSON) of a file with these bytes, if it passed and they resolve."""
        record = self._stored.get(display)
        if record is None or not _is_record(record, digest.hex()) or not self.resolves(record[1]):
            return None
        self._kept[display] = record
        return record[1], record[2]

    def resolves(self, refs_text: str) -> bool:
        """Every reference names a record of today's registries (they may have changed)."""
        return self._resolvable.issuperset(refs_text.split())

    def keep(self, display: str, digest: bytes, refs_text: str | None, values, values_json=None) -> None:
        """Remember a file that passed its own checks, with the references the registries resolve
        (see `refs_text`) and its values (as JSON already, when it came from the cache)."""
        record = self._stored.get(display)
        if _is_record(record, digest.hex()):
            self._kept[display] = record
            return
        if refs_text is None:
            return
        values_json = values_json or encode_values(values)
        if values_json is None:
            return  # a value JSON cannot give back exactly: the file is checked on every run
        self._kept[display] = [digest.hex(), refs_text, values_json]
        self._changed = True

    def save(self) -> None:
        """Write the files seen in this run, if anything changed; a read-only checkout goes without."""
        if not self._changed and self._kept.keys() == self._stored.keys():
            return
        try:
            parts = self._parts()
            _write_atomically(self.folder, self.path, [signature_line(parts, self._key), *parts])
        except OSError:
            return
        self._changed = False
        _remove_other_caches(self.folder, self.path)


    def _parts(self) -> list[bytes]:
        """The cache file's text (see _read_records), a line a part. Each record's values are
        spliced in as the JSON they are already (a worker made most of it): encoding them again as
        JSON strings escaped every quote, which cost most of the save at 10,000 entries."""
        head = json.dumps({"format": _FORMAT, "fingerprint": self.fingerprint, "inputs": self.inputs},
                          separators=(",", ":"))
        dumps = json.dumps
        return [head.encode("ascii"), *(f"\n{dumps(display)}\t{digest}\t{refs}\t{values}".encode()
                                        for display, (digest, refs, values) in self._kept.items())]


def refs_text(refs: list) -> str | None:
    """(kind, id, ...) references as the cache keeps them, "kind:id kind:id"; None if an id
    held a space (ids are checked to hold none, so this is only a guard)."""
    text = " ".join(f"{kind}:{ref_id}" for kind, ref_id, *_ in refs)
    return text if len(text.split()) == len(refs) else None


def discard_cache(root) -> None:
    """Remove the cache of this code: its records turned out damaged."""
    with contextlib.suppress(OSError):
        os.remove(os.path.join(root, CACHE_FOLDER, f"checked-{CODE_FINGERPRINT}.json"))


def encode_values(values) -> str | None:
    """The values of a record as `decode_values` gives them back; None for values JSON cannot
    give back exactly."""
    try:
        return _ENCODER.encode(_encode(values))
    except (TypeError, ValueError):
        return None


def decode_values(text: str) -> dict:
    """The values of a record; ValueError or TypeError when the text is not what `keep` wrote."""
    values = _DECODER.decode(text)
    if not isinstance(values, dict):
        raise ValueError("cached values are not a mapping")
    return values


def _read_records(path: str, made_by: dict, key: bytes) -> dict:
    """display path -> record; empty for a cache that is not a good one, that other code or other
    inputs of the checks made (`made_by`), or that this user's key did not sign (a cache from a
    pull request or another machine is never believed).

    The text is a line of JSON (the format, and `made_by`), then a line a record: the display
    path as a JSON string, the digest, the references and the values as JSON, between tabs. JSON
    text holds no tab or newline but escaped, and references hold no space of any kind (refs_text),
    so the lines split without decoding the values, which validating alone never needs."""
    try:
        raw = read_bytes(path, MAX_CACHE_BYTES)  # a pipe or a link there is no cache, never a wait
        lines = (verified(raw, key) or b"").decode("utf-8").split("\n") if len(raw) <= MAX_CACHE_BYTES else [""]
        head = json.loads(lines[0] or "null")
        if not isinstance(head, dict) or head.get("format") != _FORMAT:
            return {}
        if any(head.get(name) != value for name, value in made_by.items()):
            return {}
        return _records(lines[1:])
    except (OSError, ValueError, RecursionError):
        return {}


def _records(lines: list[str]) -> dict:
    """display path -> [digest, references, values as JSON] of the record lines; ValueError for a
    line that is not one."""
    records = {}
    for line in lines:
        display_json, digest, refs, values = line.split("\t")  # ValueError unless four parts
        display = json.loads(display_json)
        if type(display) is not str:
            raise ValueError("a record's path is not text")
        records[display] = [digest, refs, values]
    return records


def _is_record(record, digest_hex: str) -> bool:
    return (type(record) is list and len(record) == 3 and record[0] == digest_hex
            and type(record[1]) is str and type(record[2]) is str)


_PLAIN = frozenset({str, int, float, bool, type(None)})  # JSON gives these back as they were


def _encode(value):
    """JSON-ready `value`, dates and tuples tagged; TypeError for anything else (it is not cached).
    A plain loop over a mapping: each key checked and each value placed in one pass (an `all()`
    over the keys, then a comprehension, cost a fifth more, once for every record of a validation)."""
    kind = type(value)
    if kind is dict:
        out = {}
        for key, item in value.items():
            if type(key) is not str or key[:1] == "$":
                raise TypeError("a key that is not text, or that looks like a tag")
            out[key] = item if type(item) in _PLAIN else _encode(item)
        return out
    if kind is list:
        return [item if type(item) in _PLAIN else _encode(item) for item in value]
    if kind is tuple:
        return {_TUPLE: _encode(list(value))}
    if kind is dt.date:
        return {_DATE: value.isoformat()}
    raise TypeError(f"a {kind.__name__} value")


def _decode(obj: dict):
    """The json object_hook: tagged dates and tuples back to Python values."""
    if len(obj) == 1:
        if _DATE in obj:
            return dt.date.fromisoformat(obj[_DATE])
        if _TUPLE in obj and isinstance(obj[_TUPLE], list):
            return tuple(obj[_TUPLE])
    return obj


_DECODER = json.JSONDecoder(object_hook=_decode)  # one for all records: json.loads makes one per call
_ENCODER = json.JSONEncoder(separators=(",", ":"))  # so does json.dumps, given separators


def _write_atomically(folder: str, path: str, parts: list[bytes]) -> None:
    """A reader sees the old cache or the new one, never half of one."""
    os.makedirs(folder, exist_ok=True)
    # A fresh name in the same folder, made with the usual permissions (mkstemp's are owner-only).
    temporary = f"{path}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb", buffering=1 << 20) as out:  # a write a MiB, not one a part
            out.writelines(parts)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _remove_other_caches(folder: str, keep: str) -> None:
    """Caches of other code are stale: removing them keeps the folder from growing."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        if name.startswith("checked-") and name.endswith(".json") and path != keep:
            with contextlib.suppress(OSError):
                os.remove(path)
