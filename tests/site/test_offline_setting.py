"""`offline` in mkdocs.yml's extra.briefing, end to end: the real site as CI publishes it has a
service worker that every page registers; built with `offline: false` (BRIEFING_OFFLINE=false,
read by mkdocs.yml) it has none, and nothing in it names one."""
from __future__ import annotations

import sys
from pathlib import Path

from conftest import REPO

sys.path.insert(0, str(REPO / "tools"))
import published_site


def mentioning(site: Path, word: bytes) -> list[str]:
    return [str(path.relative_to(site)) for path in site.rglob("*") if path.is_file() and word in path.read_bytes()]


def test_the_published_site_registers_its_worker_on_every_page(published_build):
    built_site = published_build[0]
    assert (built_site / "sw.js").is_file() and not (built_site / "es/sw.js").exists()
    pages = [path for path in built_site.rglob("index.html") if "pagefind" not in path.parts]
    registering = [page for page in pages if b'assets/offline.js"></script>' in page.read_bytes()]
    assert registering == pages


def test_offline_false_builds_a_site_with_no_worker_anywhere(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("BRIEFING_OFFLINE", "false")
    site = published_site.build(tmp_path, published_site.free_port())
    assert (site / "index.html").is_file() and (site / "es/index.html").is_file()
    assert mentioning(site, b"serviceWorker") == []
    assert mentioning(site, b"offline.js") == []
    assert not (site / "sw.js").exists() and not (site / "saved-pages.html").exists()
