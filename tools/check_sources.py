"""Are the entries' sources still there? Every `url` and `archived` address, checked online.

    .venv/bin/python tools/check_sources.py list                      # FILE:LINE: field URL, one a line
    .venv/bin/python tools/check_sources.py check [--summary FILE]    # lychee online; Markdown report
    .venv/bin/python tools/check_sources.py report LYCHEE_JSON [--summary FILE]   # from a result had before

Run weekly by .github/workflows/sources.yml, never by the tests (it needs the network; the
report is tested with a made-up lychee result). `check` exits 1 when an address is dead (see
tools/sources_report.py for what counts as dead), so that the scheduled run fails and GitHub
tells the maintainers; the report says which entry cites it and suggests an archived copy.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from check_links import lychee_binary
from sources_report import CitedUrl, markdown_report, outcomes

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))
from briefing.cli import github_annotation  # noqa: E402
from briefing.format.nodes import Node, node_at  # noqa: E402
from briefing.format.problems import Problem, ProblemsFound  # noqa: E402
from briefing.model.build import load_site  # noqa: E402
from briefing.read.yamlsafe import parse_yaml  # noqa: E402

# Patient, and polite to each host: a weekly run can wait; retries ride out a short outage.
# A browser's Accept header: some sites answer 406 or 403 to a request that asks for nothing.
# Private and loopback addresses are never fetched: a source is a public page, and the runner's
# own network is none of a contributor's business.
LYCHEE_ONLINE = ("--no-progress", "--format", "json", "--timeout", "30", "--max-retries", "3",
                 "--retry-wait-time", "10", "--max-concurrency", "8", "--host-concurrency", "2",
                 "--max-redirects", "10", "--exclude-all-private",
                 "--user-agent", "Mozilla/5.0 (compatible; briefing-site weekly source check)",
                 "--header", "Accept: text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8")


def cited_in(entry, tree: Node | None) -> list[CitedUrl]:
    """The addresses of one entry's sources, with the lines that give them."""
    def line_of(index: int, field: str) -> int:
        return node_at(tree, "sources", index, field).line if tree is not None else 0

    cited = []
    for index, source in enumerate(entry.sources):
        archived_line = line_of(index, "archived") if source.archived else 0
        if source.url:
            cited.append(CitedUrl(source.url, "url", entry.path, line_of(index, "url"), source.id, source.title,
                                  source.archived, archived_line))
        if source.archived:
            cited.append(CitedUrl(source.archived, "archived", entry.path, archived_line, source.id, source.title))
    return cited


def cited_urls(root: Path) -> list[CitedUrl]:
    """Every source address of every entry, in file order. The files are checked first (a file
    with problems stops this, as it stops the build: `make validate` says what is wrong)."""
    site = load_site(root, cache=False)
    cited = []
    for entry in sorted(site.entries, key=lambda entry: entry.path):
        tree, _problems = parse_yaml(entry.path, (root / entry.path).read_bytes())
        cited += cited_in(entry, tree)
    return cited


def unique_urls(cited: list[CitedUrl]) -> list[str]:
    return list(dict.fromkeys(c.url for c in cited))


def run_lychee(listed: list[str]) -> dict:
    """lychee's JSON result for the addresses, read from an HTML list (one <a href> a line, so a
    failure's line says which address it is, and no address is mangled as plain text can be)."""
    with tempfile.TemporaryDirectory(prefix="check-sources-") as scratch:
        links = Path(scratch) / "sources.html"
        links.write_text("".join(f'<a href="{html.escape(url)}"></a>\n' for url in listed), encoding="utf-8")
        result = subprocess.run([lychee_binary(), *LYCHEE_ONLINE, str(links)], capture_output=True, text=True,
                                timeout=3600, check=False)
    if result.returncode not in (0, 2):
        raise SystemExit(f"lychee exited {result.returncode}:\n{result.stderr[-3000:]}")
    return dict(json.loads(result.stdout))


def dead_annotations(cited: list[CitedUrl], result: dict, listed: list[str]) -> list[str]:
    """GitHub's ::error lines on the entries' lines, for a run's annotations (escaped by the core)."""
    dead = {outcome.url: outcome.status for outcome in outcomes(result, listed) if outcome.dead}
    return [github_annotation(Problem(c.file, c.line, 1, f"sources.{c.source_id}.{c.field}",
                                      f"{c.url} is dead ({dead[c.url]}): see the job summary"))
            for c in cited if c.url in dead]


def publish(cited: list[CitedUrl], result: dict, summary: Path | None) -> int:
    """Write the Markdown report (to the job summary, else stdout); 1 if any address is dead."""
    listed = unique_urls(cited)
    report, dead = markdown_report(cited, result, listed)
    if summary:
        with summary.open("a", encoding="utf-8") as out:
            out.write(report)
    else:
        sys.stdout.write(report)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print("\n".join(dead_annotations(cited, result, listed)), file=sys.stderr)
    print(f"{dead} dead address(es) of {len(listed)}.", file=sys.stderr)
    return 1 if dead else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=REPO, help="the repository (default: this one)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="print every source address with its file and line")
    check = commands.add_parser("check", help="check every address online with lychee; write the report")
    report = commands.add_parser("report", help="write the report from a lychee JSON result")
    report.add_argument("result", type=Path)
    for command in (check, report):
        command.add_argument("--summary", type=Path, help="append the Markdown here ($GITHUB_STEP_SUMMARY)")
    args = parser.parse_args(argv)
    try:
        cited = cited_urls(args.root)
    except ProblemsFound as found:
        print("\n".join(map(str, found.problems)), file=sys.stderr)
        return 2
    if args.command == "list":
        for c in cited:
            print(f"{c.file}:{c.line}: {c.field} {c.url}")
        return 0
    if args.command == "report":
        return publish(cited, json.loads(args.result.read_text(encoding="utf-8")), args.summary)
    return publish(cited, run_lychee(unique_urls(cited)) if cited else {}, args.summary)


if __name__ == "__main__":
    sys.exit(main())
