"""The service worker's planning (render/offline.py): planned only when the settings ask for it,
by the default language's build alone, reproducible, its version a hash of what it holds; and the
policy that lets it run lets nothing else."""
from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from briefing.format.problems import ProblemsFound
from briefing.model.build import load_site
from briefing.publish.csp import POLICY
from briefing.render import offline
from briefing.render.settings import Settings
from briefing.render.site_outputs import SiteRenderer

from conftest import TOY

SETTINGS = Settings("Toy", "https://example.org/toy/")


@pytest.fixture(scope="module")
def toy_site():
    return load_site(TOY, cache=False)


def files_of(site, settings: Settings) -> dict:
    rendered = SiteRenderer(language=settings.language).render(site, settings)
    return {path: content() for path, content in rendered.contents.items()}


def test_the_worker_its_script_and_the_offline_page_are_planned_in_the_default_language(toy_site):
    english = files_of(toy_site, SETTINGS)
    spanish = files_of(toy_site, replace(SETTINGS, language="es"))
    assert {offline.WORKER, offline.REGISTRATION, offline.OFFLINE_PAGE} <= set(english)
    assert offline.WORKER not in spanish  # one worker, at the root: its scope holds /es/ too
    assert {offline.REGISTRATION, offline.OFFLINE_PAGE} <= set(spanish)
    assert 'const ROOT = "../";' in english[offline.REGISTRATION]
    assert 'const ROOT = "../../";' in spanish[offline.REGISTRATION]
    assert 'lang="es"' in spanish[offline.OFFLINE_PAGE] and "Está sin conexión" in spanish[offline.OFFLINE_PAGE]


def test_offline_false_plans_no_worker_and_no_script(toy_site):
    settings = replace(SETTINGS, offline=False)
    assert offline.registration_script(settings.offline) is None
    for language in ("en", "es"):
        files = files_of(toy_site, replace(settings, language=language))
        assert not [path for path in files if path in (offline.WORKER, offline.REGISTRATION, offline.OFFLINE_PAGE)]
        assert not [path for path, text in files.items() if isinstance(text, str) and "serviceWorker" in text]


def test_the_worker_is_reproducible_and_its_version_is_a_hash_of_what_it_holds(toy_site, tmp_path, monkeypatch):
    first, again = (files_of(toy_site, SETTINGS)[offline.WORKER] for _ in range(2))
    assert first == again
    version = re.search(r'"version":"([0-9a-f]{16})"', first)
    assert version is not None
    monkeypatch.setattr(offline, "KEPT_PAGES", offline.KEPT_PAGES + 1)
    changed = files_of(toy_site, SETTINGS)[offline.WORKER]
    assert f'"keptPages":{offline.KEPT_PAGES}' in changed and version.group(1) not in changed


def test_the_worker_holds_each_language_s_words_and_dates_as_the_site_writes_them(toy_site):
    settings_line = files_of(toy_site, SETTINGS)[offline.WORKER].split("\n", 1)[0]
    config = json.loads(settings_line.removeprefix("const CONFIG = ").removesuffix(";"))
    assert config["words"]["es"]["months"][11] == "{d} de diciembre de {y}"
    assert config["words"]["en"]["months"][0] == "{d} January {y}"
    assert config["words"]["es"]["saved"].startswith("Guardada el {date}.")
    assert config["words"]["en"]["saved"].startswith("Saved on {date}.")
    assert config["offlinePages"] == [["es/", "es/saved-pages.html", "es/offline/venezuela-briefing-es.html"],
                                      ["", "saved-pages.html", "offline/venezuela-briefing-en.html"]]
    assert "http" not in settings_line  # every address relative to the worker: a mirror works


@pytest.mark.parametrize("value", ["no", 0, None, "false"])
def test_offline_is_true_or_false_and_nothing_else(value):
    settings = replace(SETTINGS, offline=value, written_in=("mkdocs.yml", "extra.briefing."))
    with pytest.raises(ProblemsFound) as found:
        settings.check()
    assert [str(problem) for problem in found.value.problems] == [
        f"mkdocs.yml: extra.briefing.offline: {value!r} is not true or false (whether pages a reader opened stay "
        "readable offline); write true or false"]


def test_the_policy_lets_workers_run_from_the_site_itself_only():
    directives = dict(part.strip().split(" ", 1) for part in POLICY.split(";"))
    assert directives["worker-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert "*" not in POLICY and "blob:" not in POLICY and "http" not in POLICY
