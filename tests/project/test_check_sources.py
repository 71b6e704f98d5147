"""The weekly source check (tools/check_sources.py, .github/workflows/sources.yml), without the
network: the list of every source address with its file and line, and the Markdown report made
from a lychee result shaped as lychee 0.24.2 writes it (statuses, spans and words as it gives
them for a 404, a 403, a refused connection and a timeout)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest

import check_sources
from sources_report import CitedUrl, inert, markdown_report

ENTRY = "briefings/2026/01/2026-01-14-oil-exports-resume.yaml"
ARCHIVED = "https://web.archive.org/web/2026/https://news.example.net/gone"
GONE = ("Rejected status code: 404 Not Found", 404)
SOURCES = """\
sources:
  - id: report
    title: A report
    url: https://example.org/report
  - id: saved
    title: A saved report
    url: https://news.example.net/gone
    archived: https://web.archive.org/web/2026/https://news.example.net/gone
"""
HOSTILE_TITLE = ("<img src=https://evil.example/i.png onerror=alert(1)> [click](https://evil.example/c) "
                 "![pixel](https://evil.example/p.png) ``` `` <script>alert(2)</script>\n# not a heading\u202e "
                 "a ` <img src=https://evil.example/tick.png> ` b")
HOSTILE_URL = "https://evil.example/x?<b>bold</b>&q=`y`)](https://evil.example/z)"
ALLOWED_TAGS = {"h2", "h3", "p", "ul", "li", "code", "strong"}


def lychee_failure(line: int, url: str, text: str, code: int | None = None) -> dict:
    status = {"text": text, **({"code": code} if code else {"details": text})}
    return {"url": url, "status": status, "span": {"line": line, "column": 10}, "duration": {"secs": 0, "nanos": 1}}


def fake_result(listed: list[str], dead: dict[str, tuple[str, int | None]], timed_out: tuple = ()) -> dict:
    """A lychee JSON result: each failure on the line of the list where its address is."""
    errors = [lychee_failure(listed.index(url) + 1, url, text, code) for url, (text, code) in dead.items()]
    timeouts = [lychee_failure(listed.index(url) + 1, url, "Timeout") for url in timed_out]
    return {"total": len(listed), "errors": len(errors), "excludes": 0, "error_map": {"/tmp/s.html": errors},
            "timeout_map": {"/tmp/s.html": timeouts} if timeouts else {}}


def rendered(report: str) -> str:
    return markdown.markdown(report)


@pytest.fixture
def repo(toy_repo: Path) -> Path:
    entry = toy_repo / ENTRY
    text = entry.read_text()
    entry.write_text(text[:text.index("sources:")] + SOURCES)
    return toy_repo


def test_every_source_address_is_listed_with_its_file_and_line(repo: Path, capsys):
    cited = check_sources.cited_urls(repo)
    found = {(c.file, c.line, c.field, c.url) for c in cited}
    assert {(ENTRY, 12, "url", "https://example.org/report"), (ENTRY, 15, "url", "https://news.example.net/gone"),
            (ENTRY, 16, "archived", ARCHIVED)} <= found
    saved = next(c for c in cited if c.url.endswith("/gone"))
    assert (saved.archived, saved.archived_line) == (ARCHIVED, 16)
    assert (repo / ENTRY).read_text().splitlines()[14].strip() == "url: https://news.example.net/gone"
    assert check_sources.main(["--root", str(repo), "list"]) == 0
    assert f"{ENTRY}:15: url https://news.example.net/gone\n" in capsys.readouterr().out


def test_a_dead_source_is_reported_with_its_entry_line_and_an_archived_copy_suggested(repo: Path, tmp_path: Path):
    cited = check_sources.cited_urls(repo)
    listed = check_sources.unique_urls(cited)
    result = fake_result(listed, {"https://example.org/report": GONE,
                                  "https://news.example.net/gone": ("Rejected status code: 410 Gone", 410)})
    summary = tmp_path / "summary.md"
    assert check_sources.publish(cited, result, summary) == 1
    report = summary.read_text()
    assert "**2 dead**" in report
    without, with_archived = report.split("- ` https://news.example.net/gone `")
    assert f"` {ENTRY}:12 `" in without and "Suggestion: add `archived`" in without
    assert "404 Not Found" in without
    assert f"` {ENTRY}:15 `" in with_archived and "410 Gone" in with_archived
    assert "already has an archived copy" in with_archived and "Suggestion" not in with_archived
    assert f"` {ENTRY}:16 `" in with_archived and f"` {ARCHIVED} `" in with_archived


def test_refused_rate_limited_and_slow_sources_are_listed_but_not_dead(repo: Path, capsys):
    cited = check_sources.cited_urls(repo)
    listed = check_sources.unique_urls(cited)
    result = fake_result(listed, {"https://example.org/report": ("Rejected status code: 403 Forbidden", 403),
                                  listed[2]: ("Rejected status code: 429 Too Many Requests", 429)},
                         timed_out=("https://news.example.net/gone",))
    assert check_sources.publish(cited, result, None) == 0
    report = capsys.readouterr().out
    assert "**0 dead**, 3 could not be told" in report and "### Dead" not in report
    assert report.count("- ` https://") == 3 and "Timeout" in report and "403 Forbidden" in report


def test_a_dead_archived_copy_says_to_replace_it(repo: Path):
    cited = check_sources.cited_urls(repo)
    listed = check_sources.unique_urls(cited)
    report, dead = markdown_report(cited, fake_result(listed, {ARCHIVED: ("Network error: Connection refused", None)}),
                                   listed)
    assert dead == 1 and "archived copy, and it is gone too: replace `archived`" in report
    assert "Connection refused" in report


def test_hostile_titles_and_addresses_come_out_inert():
    cited = [CitedUrl(HOSTILE_URL, "url", "briefings/2026/01/x.yaml", 7, "evil", HOSTILE_TITLE),
             CitedUrl("https://ok.example/", "url", "briefings/2026/01/y.yaml", 9, "fine", "Fine",
                      archived=HOSTILE_URL, archived_line=10)]
    listed = [HOSTILE_URL, "https://ok.example/"]
    result = fake_result(listed, {HOSTILE_URL: (f"Network error: {HOSTILE_TITLE}", None),
                                  "https://ok.example/": GONE})
    report, dead = markdown_report(cited, result, listed)
    assert dead == 2
    page = rendered(report)
    assert set(re.findall(r"</?([a-z0-9]+)", page)) <= ALLOWED_TAGS, page
    outside_code = re.sub(r"<code>.*?</code>", "", page, flags=re.S)
    assert "evil.example" not in outside_code and "<script" not in page and "<img" not in page
    assert "&lt;img src=https://evil.example/i.png" in page and "\u202e" not in report
    assert "# not a heading" in page  # the title's own line break is gone: it stayed in its code span


@pytest.mark.parametrize("text", ["plain", "`tick`", "a `` b", "``", "x```", " spaced ", "\nnew\rline\u2028"])
def test_a_code_span_holds_any_text(text: str):
    span = inert(text)
    assert "\n" not in span and "\r" not in span
    code = re.fullmatch(r"<p><code>(.*)</code></p>", rendered(span), flags=re.S)
    assert code, rendered(span)
    assert code.group(1) == " ".join(text.replace("\u2028", " ").split())


def test_the_report_command_reads_a_saved_lychee_result(repo: Path, tmp_path: Path):
    cited = check_sources.cited_urls(repo)
    saved = tmp_path / "lychee.json"
    saved.write_text(json.dumps(fake_result(check_sources.unique_urls(cited), {"https://example.org/report": GONE})))
    summary = tmp_path / "summary.md"
    assert check_sources.main(["--root", str(repo), "report", str(saved), "--summary", str(summary)]) == 1
    assert "**1 dead**" in summary.read_text()
