"""What the weekly source check found, as Markdown for the job summary (tools/check_sources.py).

From lychee's JSON result and the cited addresses (each with its entry file and line), each
address is dead, could not be told, or fine:
- dead: a status that says the page is not there (404, 410, any other 4xx but those below), or
  no answer at all (no such host, connection refused, a TLS failure) after lychee's retries. The
  job fails on these.
- could not tell: 401, 403 and 429 (many news sites refuse or rate-limit robots: the page may
  well be there), any 5xx (the server failed, often for a day), and timeouts. Listed, so a person
  can look, but not counted as dead: a check that fails every week for those would soon be ignored.

GitHub renders a job summary as Markdown (HTML too, partly), and titles and addresses come from
contributors' files. Every such text is printed only inside a code span, one line, with control
and invisible characters replaced: raw HTML, a Markdown link or image, or an address that GitHub
would make a link is shown as text, never rendered. Nothing links to another host.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

COULD_NOT_TELL = frozenset({401, 403, 429})
LONGEST_TEXT = 300


@dataclass(frozen=True)
class CitedUrl:
    """One address given by one source of one entry."""
    url: str
    field: str          # "url" or "archived"
    file: str           # the entry's file, from the repository's root
    line: int
    source_id: str
    source_title: str
    archived: str | None = None  # the source's archived copy (for field "url")
    archived_line: int = 0


@dataclass(frozen=True)
class Outcome:
    url: str
    status: str         # lychee's words: "404 Not Found", "Timeout", a network error
    dead: bool


def outcome_of(url: str, failure: dict, timed_out: bool) -> Outcome:
    status = failure.get("status") or {}
    code, text = status.get("code"), str(status.get("text") or "failed")
    tell = timed_out or code in COULD_NOT_TELL or (isinstance(code, int) and code >= 500)
    return Outcome(url, text, dead=not tell)


def outcomes(result: dict, listed: list[str]) -> list[Outcome]:
    """The failed addresses of lychee's result. `listed` is the list lychee read, one address a
    line: a failure is matched by its line (lychee may normalise the address), else by address."""
    found = []
    for key in ("error_map", "timeout_map"):
        for failures in (result.get(key) or {}).values():
            for failure in failures:
                line = (failure.get("span") or {}).get("line", 0)
                url = listed[line - 1] if 0 < line <= len(listed) else str(failure.get("url", ""))
                found.append(outcome_of(url, failure, key == "timeout_map"))
    return sorted(set(found), key=lambda outcome: outcome.url)


def inert(text: str) -> str:
    """`text` as a Markdown code span on one line: shown exactly, never rendered. The fence is
    longer than any run of backticks inside, and padded with a space each side (CommonMark
    removes one each side), so nothing in the text can close it."""
    shown = "".join(" " if unicodedata.category(char)[0] in "CZ" and char != " " else char for char in text)
    shown = " ".join(shown.split()) or "(empty)"
    if len(shown) > LONGEST_TEXT:
        shown = shown[:LONGEST_TEXT] + "…"
    longest, run = 0, 0
    for char in shown:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    return f"{fence} {shown} {fence}"


def where(cited: CitedUrl) -> str:
    return inert(f"{cited.file}:{cited.line}")


def advice(cited: CitedUrl) -> str:
    """What to do about one dead address (see the format reference, sources: `archived`)."""
    if cited.field == "archived":
        return ("This is the source's archived copy, and it is gone too: replace `archived` with "
                "another archived copy of the same page.")
    if cited.archived:
        return (f"The source already has an archived copy ({inert(cited.archived)}, "
                f"{inert(f'{cited.file}:{cited.archived_line}')}): readers can still read it there. "
                "Keep `url` as the original address.")
    return ("Suggestion: add `archived` to this source, with the address of an archived copy "
            "of the page (for example a Wayback Machine snapshot), so readers can still read it.")


def dead_item(outcome: Outcome, citing: list[CitedUrl]) -> list[str]:
    lines = [f"- {inert(outcome.url)}: {inert(outcome.status)}"]
    for cited in citing:
        lines.append(f"  - cited as `{cited.field}` at {where(cited)}, source {inert(cited.source_id)} "
                     f"({inert(cited.source_title)})")
        lines.append(f"    - {advice(cited)}")
    return lines


def unclear_item(outcome: Outcome, citing: list[CitedUrl]) -> list[str]:
    places = ", ".join(where(cited) for cited in citing) or "(not in the list)"
    return [f"- {inert(outcome.url)}: {inert(outcome.status)}, at {places}"]


def markdown_report(cited: list[CitedUrl], result: dict, listed: list[str]) -> tuple[str, int]:
    """The job summary, and how many addresses are dead."""
    found = outcomes(result, listed)
    dead = [outcome for outcome in found if outcome.dead]
    unclear = [outcome for outcome in found if not outcome.dead]
    lines = ["## Sources: are they still there?", "",
             f"{len(set(listed))} addresses ({len(cited)} citations): **{len(dead)} dead**, "
             f"{len(unclear)} could not be told, {result.get('excludes', 0)} not checked "
             "(lychee never fetches example.* and private addresses)."]
    if dead:
        lines += ["", "### Dead", ""]
        for outcome in dead:
            lines += dead_item(outcome, [c for c in cited if c.url == outcome.url])
    if unclear:
        lines += ["", "### Could not tell (not counted as dead)", "",
                  "Refused to robots (401, 403), rate-limited (429), a server error (5xx) or too slow: "
                  "open them in a browser to know.", ""]
        for outcome in unclear:
            lines += unclear_item(outcome, [c for c in cited if c.url == outcome.url])
    if not cited:
        lines += ["", "No entry gives a source address yet."]
    return "\n".join(lines) + "\n", len(dead)
