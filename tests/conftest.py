"""Shared fixtures: a toy repository in a temp folder, a way to build it with MkDocs, and the real
site built once as CI publishes it."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import published_site

REPO = Path(__file__).resolve().parent.parent
TOY = Path(__file__).resolve().parent / "fixtures" / "toy"


def standalone_html(site: Path) -> set[Path]:
    """The HTML files of a built site that the engine does not lay out: each language's offline
    edition (render/edition.py) and offline page (render/offline.py), whole in themselves, with
    a policy of their own that allows no script, and nothing of the theme."""
    from briefing.render.edition import edition_address
    from briefing.render.languages import FOLDERS
    from briefing.render.offline import OFFLINE_PAGE
    return {site / folder / name for code, folder in FOLDERS.items() for name in (edition_address(code), OFFLINE_PAGE)}

TOY_MKDOCS = """\
site_name: Toy briefing
site_url: https://example.org/toy/
strict: true
theme:
  name: material
  font: false
hooks:
  - {hooks}
watch:
  - briefings
plugins: []
"""


@pytest.fixture(scope="session", autouse=True)
def fixtures_stay_as_committed():
    """No test may write into tests/fixtures/ (a load_site there without cache=False would
    leave a check cache behind, and every later copy of the fixture would carry it)."""
    fixtures = Path(__file__).resolve().parent / "fixtures"
    before = sorted(path.relative_to(fixtures) for path in fixtures.rglob("*"))
    yield
    assert sorted(path.relative_to(fixtures) for path in fixtures.rglob("*")) == before


@pytest.fixture(scope="session", autouse=True)
def no_deep_trees_left(tmp_path_factory):
    """Hostile cases make folder trees thousands of levels deep. pytest removes old scratch
    folders with shutil.rmtree, which recurses: one such tree left behind would end a later
    run with RecursionError, after its tests passed. find and rm walk without recursing."""
    yield
    base = str(tmp_path_factory.getbasetemp())
    subprocess.run(["find", base, "-mindepth", "64", "-maxdepth", "64", "-type", "d",
                    "-exec", "rm", "-rf", "--", "{}", "+"], check=True)


def deep_tree(top: Path, depth: int, name: str | None = None) -> str:
    """top/d/d/.../d (`depth` folders) and, if named, an empty file at the bottom; its path from
    `top`. Made a folder at a time through open folders: os.makedirs recurses, and a path that
    long is more than the system takes. Nothing to remove: no_deep_trees_left does it."""
    here = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    for _ in range(depth):
        os.mkdir("d", dir_fd=here)
        below = os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=here)
        os.close(here)
        here = below
    if name:
        os.close(os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=here))
    os.close(here)
    return "d/" * depth + (name or "")


@pytest.fixture(autouse=True)
def own_cache_key(tmp_path_factory, monkeypatch):
    """The check cache's signing key (read/cache_key.py) lives in a scratch folder, not in the
    user's own cache folder: tests never touch the machine's real key."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


@pytest.fixture
def toy_repo(tmp_path: Path) -> Path:
    """A copy of the toy repository that a test may change freely."""
    repo = tmp_path / "repo"
    shutil.copytree(TOY, repo)
    (repo / "mkdocs.yml").write_text(TOY_MKDOCS.format(hooks=REPO / "hooks" / "briefing_hooks.py"))
    return repo


def mkdocs_build(config: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Build a site the way CI does: `mkdocs build --strict`, in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True, text=True, timeout=600,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", **(env or {})})


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real site, built once for the whole run with `mkdocs build --strict`, warning-free."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


@pytest.fixture(scope="session")
def published_build(tmp_path_factory) -> tuple[Path, int]:
    """The real site as CI publishes it, built once for the whole run with `mkdocs build --strict`
    (tools/published_site.py: SITE_URL http://127.0.0.1:<port>/briefing/ for a free port,
    REPO_URL, EDIT_URI, a fixed SOURCE_DATE_EPOCH): (folder, port). The browser tests serve it;
    tests/site/test_engines.py builds it again with ProperDocs and compares the bytes."""
    try:
        port = published_site.free_port()
        return published_site.build(tmp_path_factory.mktemp("published"), port), port
    except published_site.BuildFailed as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def published(published_build, tmp_path_factory):
    """The real site built as CI publishes it (tools/published_site.py: SITE_URL with the path
    prefix /briefing/, REPO_URL, EDIT_URI, a fixed SOURCE_DATE_EPOCH) and served at that address
    as GitHub Pages serves it (the site's 404.html for missing paths): yields (folder, address).
    The port is in the pages (canonical links, feeds): if another process took it since the
    build, the site is built again for another."""
    site, port = published_build
    with published_site.serving(site, port) as url:
        if url is not None:
            yield site, url
            return
    try:
        with published_site.published(tmp_path_factory.mktemp("published")) as (site, url):
            yield site, url
    except published_site.BuildFailed as error:
        pytest.fail(str(error), pytrace=False)


@contextmanager
def failing_after(seconds: int, what: str = "the case") -> Iterator[None]:
    """Fail, rather than hang, if what runs inside takes more than `seconds` (an alarm: a bound
    on a runaway case, never a timing; the previous handler is given back)."""
    def stop(number, frame):
        raise AssertionError(f"{what} still ran after {seconds} s")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
