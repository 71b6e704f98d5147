"""The check cache can never make a bad file pass: a cache this user's key did not sign is not believed.

The attack: a pull request force-adds .cache/briefing/checked-<fingerprint>.json (the
fingerprint can be computed from the public code) whose records vouch for an entry that is
really broken. Each case below is such a cache; the validator must report the entry's problems.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from briefing.cli import validate
from briefing.read.cache_file import CODE_FINGERPRINT
from briefing.read.cache_key import signed, signing_key
from briefing.read.entry_check import check_inputs

from conftest import mkdocs_build

BAD = "briefings/2026/01/2026-01-15-crafted.yaml"
BAD_ENTRY = f"""\
title: {"A title far past the limit " * 10}
date: 2026-01-16
topics: [detentions]
summary: A summary.
sources:
  - id: s
    title: A source
    url: javascript:alert(1)
"""
EXPECTED = [
    f"{BAD}:1:8: title: is 269 characters long; the limit is 200",
    f"{BAD}:2:7: date: is 2026-01-16 but the file name says 2026-01-15; rename the file or fix the date",
    f"{BAD}:8:10: sources[0].url: 'javascript:alert(1)' is not an http or https URL; write the full address, "
    "starting with https://",
]


def crafted_cache(repo: Path) -> bytes:
    """The cache an attacker would write for BAD: the right digest, values that pass."""
    digest = hashlib.blake2b((repo / BAD).read_bytes(), digest_size=16).hexdigest()
    values = {"title": "A title far past the limit " * 10, "date": {"$date": "2026-01-16"},
              "topics": ["detentions"], "summary": "A summary.", "body": None, "actors": {"$tuple": []},
              "claims": {"$tuple": []}, "tags": {"$tuple": []}, "status": "developing",
              "updates": {"$tuple": []},
              "sources": [{"id": "s", "title": "A source", "publisher": None, "author": None,
                           "url": "javascript:alert(1)", "published": None, "archived": None}]}
    head = json.dumps({"format": 2, "fingerprint": CODE_FINGERPRINT, "inputs": check_inputs().key()},
                      separators=(",", ":"))
    record = "\t".join([json.dumps(BAD), digest, "topic:detentions", json.dumps(values, separators=(",", ":"))])
    return f"{head}\n{record}".encode("ascii")


ATTACKS = {
    "unsigned, as the cache was before": lambda data: data,
    "a signature of the right shape, made up": lambda data: b"0" * 64 + b"\n" + data,
    "signed by another machine's key": lambda data: signed(data, b"k" * 32),
    "this user's signature over other data": lambda data: signed(b"{}", signing_key())[:64] + b"\n" + data,
}


def plant(repo: Path, raw: bytes) -> Path:
    (repo / BAD).write_text(BAD_ENTRY)
    cache = repo / ".cache" / "briefing" / f"checked-{CODE_FINGERPRINT}.json"
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(raw)
    return cache


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_a_cache_this_user_did_not_sign_is_not_believed(attack, toy_repo: Path, capsys):
    (toy_repo / BAD).write_text(BAD_ENTRY)
    plant(toy_repo, attack(crafted_cache(toy_repo)))
    assert validate(toy_repo) == 1
    assert capsys.readouterr().err.splitlines()[:-1] == EXPECTED


def test_the_attack_is_real_a_cache_signed_with_this_users_key_is_believed(toy_repo: Path, capsys):
    """The positive control: the same records, signed with the key, pass. The signature is
    what stops the attack, so the test above would fail if the check were skipped."""
    (toy_repo / BAD).write_text(BAD_ENTRY)
    plant(toy_repo, signed(crafted_cache(toy_repo), signing_key()))
    assert validate(toy_repo) == 0


def test_the_build_does_not_believe_a_planted_cache_either(toy_repo: Path, tmp_path: Path):
    (toy_repo / BAD).write_text(BAD_ENTRY)
    plant(toy_repo, crafted_cache(toy_repo))
    result = mkdocs_build(toy_repo / "mkdocs.yml", tmp_path / "site", env={"HOME": str(tmp_path / "home")})
    assert result.returncode != 0
    assert all(line in result.stderr for line in EXPECTED)


def test_a_cache_that_is_a_link_is_not_followed(toy_repo: Path, tmp_path: Path, capsys):
    (toy_repo / BAD).write_text(BAD_ENTRY)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(signed(crafted_cache(toy_repo), signing_key()))
    cache = plant(toy_repo, b"")
    cache.unlink()
    cache.symlink_to(elsewhere)
    assert validate(toy_repo) == 1


def test_the_key_is_made_once_readable_by_its_owner_only(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key = signing_key()
    path = tmp_path / "briefing-site" / "check-cache.key"
    assert signing_key() == key and len(key) == 32
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    path.write_text("not hex")  # a damaged key: this run signs with a key of its own
    assert signing_key() != key and signing_key() != signing_key()
