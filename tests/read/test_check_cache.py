"""The check cache: a warm run gives what a cold one gives, and never hides a problem."""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.format.problems import ProblemsFound
from briefing.model.build import load_site
from briefing.read.cache import CheckedFiles
from briefing.read.cache_file import CHECKER_STAGES, CODE_FINGERPRINT, CheckCache, decode_values, fingerprint_of
from briefing.read.cache_key import signed, signing_key, verified
from briefing.read.load import check_site

from conftest import REPO

ENTRY = "briefings/2026/01/2026-01-13-assembly-says-400-freed.yaml"
OTHER = "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"


@pytest.fixture(autouse=True)
def cache_on(monkeypatch):
    """Each test starts with the cache on. Every load_site call is a new process's first run
    (it remembers nothing in memory) unless it is given a CheckedFiles to remember in."""
    monkeypatch.delenv("BRIEFING_CACHE", raising=False)


def read_afresh(repo: Path, remembered: CheckedFiles | None = None) -> list[str]:
    """Load the site; the entry files that had to be read and checked (not remembered, not cached)."""
    remembered = remembered or CheckedFiles()
    with contextlib.suppress(ProblemsFound):
        load_site(repo, remembered=remembered)
    return remembered.read_in_last_run


def cache_file(repo: Path) -> Path:
    return repo / ".cache" / "briefing" / f"checked-{CODE_FINGERPRINT}.json"


def cache_text(repo: Path) -> str:
    """The cache's JSON, its signature checked with this user's key."""
    return verified(cache_file(repo).read_bytes(), signing_key()).decode("utf-8")


def records_in(text: str) -> tuple[dict, dict]:
    """The cache text's head and its records (display path -> [digest, references, values as JSON]):
    a line of JSON, then a line a record, its four parts between tabs (cache_file.py)."""
    head, *lines = text.split("\n")
    return json.loads(head), {json.loads(line.split("\t")[0]): line.split("\t")[1:] for line in lines}


def cache_text_of(head: dict, records: dict) -> str:
    """The text of a cache of these records, as `save` writes it."""
    return "\n".join([json.dumps(head, separators=(",", ":")),
                      *("\t".join([json.dumps(path), *record]) for path, record in records.items())])


def write_cache(path: Path, text: str) -> None:
    """A cache as this user's own runs would write it (signed with the same key)."""
    path.write_bytes(signed(text.encode("utf-8"), signing_key()))


def problems_of(repo: Path) -> list[str]:
    with pytest.raises(ProblemsFound) as found:
        load_site(repo)
    return [str(problem) for problem in found.value.problems]


def typed(value):
    """`value` with the type of every part spelled out: 400 and 400.0 are equal, but not alike."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [typed(item) for item in value])
    return (type(value).__name__, value)


def with_numbers(repo: Path) -> None:
    """Floats and ints, so that numbers of both kinds cross the cache (typed() tells them apart)."""
    entry = repo / ENTRY
    entry.write_text(entry.read_text().replace("value: 400\n", "value: 400.0\n")
                     .replace("value: [60, 70]", "value: [2.5, 70]"))


@pytest.fixture(params=["toy", "real"])
def repo(request, toy_repo: Path, tmp_path: Path) -> Path:
    if request.param == "toy":
        with_numbers(toy_repo)
        return toy_repo
    real = tmp_path / "real"
    shutil.copytree(REPO / "briefings", real / "briefings")
    return real


def test_a_warm_load_gives_the_same_site(repo: Path):
    assert read_afresh(repo) and cache_file(repo).exists()
    cold = load_site(repo, cache=False)
    cold_values = [typed(report.values) for report in check_site(repo, cache=False)[1]]
    assert read_afresh(repo) == []  # every entry came from the cache
    warm = load_site(repo)
    assert warm == cold and warm.by_topic == cold.by_topic
    assert [typed(vars(entry)) for entry in warm.entries] == [typed(vars(entry)) for entry in cold.entries]
    warm_values = [typed(report.checked_values()) for report in check_site(repo)[1]]
    assert warm_values == cold_values


def test_an_edit_after_a_warm_run_is_reported_with_its_line(toy_repo: Path):
    load_site(toy_repo)
    load_site(toy_repo)
    entry = toy_repo / ENTRY
    entry.write_text(entry.read_text().replace("    qualifier: more-than\n", "    qualifier: more-then\n"))
    assert problems_of(toy_repo) == [f"{ENTRY}:13:16: claims[0].qualifier: 'more-then' is not one of exactly, "
                                     "about, at-least, more-than, at-most, fewer-than; did you mean 'more-than'?"]


def test_a_registry_change_reaches_the_cached_files(toy_repo: Path):
    """The cached file did not change, but an actor it names went away: it is read again to say where."""
    load_site(toy_repo)
    remembered = CheckedFiles()  # a preview server's memory, its reports from the cache
    assert read_afresh(toy_repo, remembered) == []
    actors = toy_repo / "briefings/actors.yaml"
    actors.write_text(actors.read_text().replace("human-rights-groups:", "rights-groups:"))
    expected = [f"{ENTRY}:9:27: actors[1]: unknown actor 'human-rights-groups'; did you mean 'rights-groups'?",
                f"{ENTRY}:18:9: claims[1].by: unknown actor 'human-rights-groups'; did you mean 'rights-groups'?"]
    with pytest.raises(ProblemsFound) as found:
        load_site(toy_repo, remembered=remembered)  # the same process, its memory warm
    assert [str(problem) for problem in found.value.problems] == expected
    assert remembered.read_in_last_run == [ENTRY]
    assert problems_of(toy_repo) == expected  # a new process, the cache warm


def test_files_with_problems_are_never_cached(toy_repo: Path):
    (toy_repo / "briefings/2026/01/2026-01-15-broken.yaml").write_text("title: [unclosed\n")
    unknown_source = toy_repo / ENTRY  # a problem that only the cross-file step finds
    unknown_source.write_text(unknown_source.read_text().replace("source: report-2026-01-14\n  - figure",
                                                                 "source: report\n  - figure"))
    assert len(problems_of(toy_repo)) == 2
    assert set(records_in(cache_text(toy_repo))[1]) == {OTHER}
    assert len(problems_of(toy_repo)) == 2


def each_record(change):
    """Damage that leaves good JSON: every record replaced by change(digest, refs, values)."""
    def damage(text: str) -> str:
        head, records = records_in(text)
        return cache_text_of(head, {path: change(*record) for path, record in records.items()})
    return damage


DAMAGE = {
    "truncated": lambda text: text[: len(text) // 2],
    "not JSON": lambda text: "\x00\xff garbage",
    "a list": lambda text: "[]",
    "another format": lambda text: text.replace('"format":2', '"format":"2"'),
    "the format before": lambda text: text.replace('"format":2', '"format":1'),
    "a path not text": lambda text: text.replace('\n"briefings', '\n["briefings', 1).replace('"\t', '"]\t', 1),
    "records of another shape": each_record(lambda digest, refs, values: [digest, refs]),
    "values not JSON": each_record(lambda digest, refs, values: [digest, refs, "{"]),
    "values of another shape": each_record(lambda digest, refs, values: [digest, refs, '{"title": 1}']),
    "a bad date": each_record(lambda digest, refs, values: [digest, refs, values.replace('"$date":"', '"$date":"x')]),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_cache_is_ignored_and_made_good(toy_repo: Path, damage):
    cold = load_site(toy_repo)
    write_cache(cache_file(toy_repo), damage(cache_text(toy_repo)))
    for _ in range(2):  # the run after the damage writes a good cache, if the damaged one was not replaced
        assert load_site(toy_repo) == cold
    assert read_afresh(toy_repo) == [] and load_site(toy_repo) == cold


def test_the_cache_is_written_only_when_it_changes_and_holds_only_todays_files(toy_repo: Path):
    load_site(toy_repo)
    written = os.stat(cache_file(toy_repo))
    load_site(toy_repo)
    again = os.stat(cache_file(toy_repo))
    assert (again.st_ino, again.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    (toy_repo / ENTRY).unlink()
    load_site(toy_repo)
    assert list(records_in(cache_text(toy_repo))[1]) == [OTHER]
    assert [p.name for p in cache_file(toy_repo).parent.iterdir()] == [cache_file(toy_repo).name]


def test_an_unwritable_cache_folder_is_no_error(toy_repo: Path):
    (toy_repo / ".cache").write_text("a file where the folder would be")
    cold = load_site(toy_repo)
    assert load_site(toy_repo) == cold


def test_new_code_does_not_trust_the_old_cache(toy_repo: Path):
    """A cache of other code (another fingerprint) is not read, and is removed."""
    load_site(toy_repo)
    old = cache_file(toy_repo).with_name("checked-" + "0" * 24 + ".json")
    write_cache(old, cache_text(toy_repo).replace(CODE_FINGERPRINT, "0" * 24))
    cache_file(toy_repo).unlink()
    assert sorted(read_afresh(toy_repo)) == [ENTRY, OTHER]
    assert not old.exists() and cache_file(toy_repo).exists()  # the folder does not grow


def test_the_fingerprint_covers_every_module_of_the_checking_stages(tmp_path: Path):
    modules = ["format/a.py", "read/deeper/b.py", "render/c.py"]
    for name in modules:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n")
    before = fingerprint_of(tmp_path)
    changed = []
    for name in modules:
        (tmp_path / name).write_text("x = 2\n")
        changed.append(fingerprint_of(tmp_path) != before)
        (tmp_path / name).write_text("x = 1\n")
    assert changed == [True, True, False]  # rendering does not decide what a file's checked values are
    assert CHECKER_STAGES == ("format", "read")


def test_the_cache_is_plain_json_and_tags_dates(toy_repo: Path):
    load_site(toy_repo)
    raw = cache_text(toy_repo).encode("utf-8")
    assert raw.startswith(b'{"format":2,') and raw.isascii()  # JSON, not a pickle
    _digest, refs, values_json = records_in(raw.decode("ascii"))[1][OTHER]
    assert refs == "topic:oil-control topic:diplomacy"
    assert json.loads(values_json)["date"] == {"$date": "2026-01-14"}
    values = decode_values(values_json)
    assert values["date"] == dt.date(2026, 1, 14) and values["updates"][0]["date"] == dt.date(2026, 1, 15)
    assert values["actors"] == () and values["claims"] == ()  # the defaults, as a fresh check gives them


def test_values_json_cannot_give_back_exactly_are_not_cached(toy_repo: Path):
    cache = CheckCache(toy_repo, {})
    good = {"n": 1, "x": 1.5, "when": dt.date(2026, 1, 1), "t": (1, [2.0]), "none": None}
    for name, values in [("a", {"when": dt.datetime(2026, 1, 1)}), ("b", {"tags": {"a"}}),
                         ("c", {"$date": "2026-01-01"}), ("d", good)]:
        cache.keep(name, name.encode(), "", values)
    cache.save()
    files = records_in(cache_text(toy_repo))[1]
    assert list(files) == ["d"] and typed(decode_values(files["d"][2])) == typed(good)


@pytest.mark.parametrize("switch", ["environment", "argument"])
def test_the_cache_can_be_turned_off(toy_repo: Path, monkeypatch, switch: str):
    if switch == "environment":
        monkeypatch.setenv("BRIEFING_CACHE", "off")
    load_site(toy_repo, cache=switch != "argument")
    assert not (toy_repo / ".cache").exists()


def test_loading_writes_only_its_cache(toy_repo: Path):
    def snapshot():
        return {p: p.read_bytes() for p in toy_repo.rglob("*") if p.is_file() and ".cache" not in p.parts}
    before = snapshot()
    load_site(toy_repo)
    load_site(toy_repo)
    assert snapshot() == before
    assert [p.name for p in (toy_repo / ".cache").rglob("*")] == ["briefing", cache_file(toy_repo).name]


def test_the_validate_command_after_an_edit(toy_repo: Path):
    """What a pre-commit hook does: validate, edit, validate, each in a new process."""
    def validate():
        env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "GITHUB_ACTIONS": ""}
        return subprocess.run([sys.executable, "-m", "briefing", "--root", str(toy_repo), "validate"],
                              capture_output=True, text=True, env=env, timeout=60)
    first, second = validate(), validate()
    assert first.stdout == second.stdout == "OK: 2 entries, 3 topics, 2 actors, 1 figures.\n"
    entry = toy_repo / OTHER
    entry.write_text(entry.read_text().replace("status: confirmed", "status: confirmd"))
    third = validate()
    assert third.returncode == 1
    assert third.stderr.splitlines()[0] == (f"{OTHER}:5:9: status: 'confirmd' is not one of developing, "
                                            "confirmed, disputed; did you mean 'confirmed'?")
