"""The JSON Schema is generated from the format definition and agrees with the validator."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from briefing.format.schema import ENTRY_SCHEMA_FILE, all_schemas

from conftest import REPO


def as_json_data(path: Path):
    """What an editor's schema checker sees: YAML data with dates as strings."""
    def plain(value):
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value.isoformat() if isinstance(value, dt.date) else value
    return plain(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_committed_schemas_match_the_definition():
    generated = all_schemas()
    committed = {path.name: path.read_text(encoding="utf-8") for path in (REPO / "schema").glob("*.json")}
    assert committed == generated, "run `make schema` and commit schema/"


def test_schemas_are_valid_draft_2020_12():
    for text in all_schemas().values():
        jsonschema.Draft202012Validator.check_schema(json.loads(text))


ENTRIES = sorted((REPO / "briefings").glob("*/*/*.yaml"))


@pytest.mark.parametrize("path", ENTRIES, ids=[path.stem for path in ENTRIES])
def test_every_shipped_entry_validates_against_the_schema(path: Path):
    schema = json.loads(all_schemas()[ENTRY_SCHEMA_FILE])
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(as_json_data(path))


def test_the_schema_rejects_what_the_validator_rejects():
    schema = json.loads(all_schemas()[ENTRY_SCHEMA_FILE])
    good = as_json_data(ENTRIES[0])
    validator = jsonschema.Draft202012Validator(schema)
    for bad in ({**good, "summmary": "x"}, {**good, "topics": []}, {**good, "title": ""},
                {**good, "status": "disputd"}, {k: v for k, v in good.items() if k != "sources"}):
        assert not validator.is_valid(bad)


def test_a_third_party_checker_accepts_every_shipped_file_and_refuses_a_typo(tmp_path: Path):
    """check-jsonschema, as an editor or CI would run it, on the committed schemas."""
    import subprocess
    import sys
    checker = [sys.executable, "-m", "check_jsonschema", "--schemafile"]
    pairs = [("briefing-entry.schema.json", [str(path) for path in ENTRIES])]
    pairs += [(f"briefing-{kind}.schema.json", [str(REPO / "briefings" / f"{kind}.yaml")])
              for kind in ("topics", "actors", "figures")]
    for schema, files in pairs:
        result = subprocess.run([*checker, str(REPO / "schema" / schema), *files], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    typo = tmp_path / "typo.yaml"
    typo.write_text(ENTRIES[0].read_text().replace("summary:", "summmary:", 1))
    result = subprocess.run([*checker, str(REPO / "schema/briefing-entry.schema.json"), str(typo)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "'summmary' was unexpected" in result.stdout
