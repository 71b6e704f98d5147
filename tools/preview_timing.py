"""How long a preview takes to show an edit: `python tools/preview_timing.py --n 1000`.

Runs what `make serve` runs (`mkdocs serve --dev-addr 127.0.0.1:PORT`, live reload on, both
languages: the English build builds /es/) on a synthetic site, waits until it serves and has
gone quiet, then edits one entry at a time: its English title, read back from /entries/X/, and
its Spanish (`es:`) title, read back from /es/entries/X/. Each latency is the time from the
file's write to the first HTTP response whose body holds the new text. The page is asked for
every POLL seconds, one request at a time; a request made while the server rebuilds waits for
the build to finish (MkDocs holds it), which is what a reader's browser sees too. Between two
edits the server is left to go quiet (its processes use no CPU), so one edit's background work
(the search index) does not land on the next one's rebuild. The median of a few edits is
reported per language, with each edit's time.
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_repo

POLL = 0.02          # seconds between two requests for the edited page
STARTUP = 3600.0     # the first build of 10,000 entries in two languages takes minutes
QUIET = 2.0          # seconds of (almost) no CPU use that count as a quiet server (its later work waits 0.3 s)
IDLE = 0.35          # the share of a core that counts as no use: MkDocs' own polling of 10,000 files takes 0.25
PATTERNS = {"en": re.compile(r'^title: "', re.M), "es": re.compile(r'^  title: "', re.M)}
PREFIX = {"en": "", "es": "es/"}
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(port: int, path: str, timeout: float = 600.0) -> tuple[int, str]:
    """One GET on a fresh connection: (status, body); (0, "") if the server did not answer."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""
    finally:
        connection.close()


def start_server(repo: Path, port: int, log: Path, engine: str = "mkdocs") -> subprocess.Popen:
    """`make serve`'s command, in its own process group (so it and Pagefind stop together)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1768400000"}
    with log.open("w") as out:
        return subprocess.Popen([sys.executable, "-m", engine, "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=repo, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)


def stop_server(server: subprocess.Popen) -> None:
    """Ctrl-C to the server's process group, as a terminal would; then harder, by its pid."""
    for sig, wait in ((signal.SIGINT, 20), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        if server.poll() is not None:
            return
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue


def group_cpu_seconds(group: int) -> float:
    """CPU time used so far by every live process of a process group (Linux /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:  # fields[2] is the process group, [11] and [12] utime and stime
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def wait_until_quiet(server: subprocess.Popen, limit: float = 600.0) -> float:
    """Wait until the server's processes use (almost) no CPU for QUIET seconds (its feeds, open
    data and search index are written after the pages are served); the seconds waited."""
    started = time.perf_counter()
    last, since = group_cpu_seconds(server.pid), time.perf_counter()
    while time.perf_counter() - started < limit and server.poll() is None:
        time.sleep(0.25)
        now = group_cpu_seconds(server.pid)
        if now - last > IDLE * (time.perf_counter() - since):
            last, since = now, time.perf_counter()
        elif time.perf_counter() - since >= QUIET:
            break
    return time.perf_counter() - started


def peak_mib(pid: int) -> float:
    """The server process's peak resident memory (Linux /proc), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wait_until_served(server: subprocess.Popen, port: int, log: Path) -> float:
    """Seconds until the first build is served (its home page answers 200)."""
    started = time.perf_counter()
    while time.perf_counter() - started < STARTUP:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped:\n{log.read_text()[-3000:]}")
        if "Serving on" in log.read_text() and fetch(port, "/", timeout=STARTUP)[0] in (200, 302):
            return time.perf_counter() - started
        time.sleep(0.2)
    raise RuntimeError("mkdocs serve did not start serving")


def edit_title(entry: Path, language: str, marker: str) -> None:
    """Put `marker` at the start of the entry's title in `language` (the `es:` block's for es)."""
    text = entry.read_text(encoding="utf-8")
    edited, count = PATTERNS[language].subn(lambda found: found.group(0) + marker + " ", text, count=1)
    if count != 1:
        raise ValueError(f"{entry} has no {language} title")
    entry.write_text(edited, encoding="utf-8")


def build_seconds(log: Path, start: int) -> float | None:
    """The rebuild's own seconds, as mkdocs serve logs them after `start` (the log's length before
    the edit): the longest "Documentation built in" is the default language's, which includes the others."""
    found = BUILT.findall(log.read_text()[start:])
    return max(float(seconds) for seconds in found) if found else None


def latency(port: int, entry: Path, language: str, marker: str) -> float:
    """Seconds from writing the edit to the first response that shows it."""
    path = f"/{PREFIX[language]}entries/{entry.stem[11:]}/"  # the file is YYYY-MM-DD-<id>.yaml
    started = time.perf_counter()
    edit_title(entry, language, marker)
    while time.perf_counter() - started < STARTUP:
        status, body = fetch(port, path)
        if status == 200 and marker in body:
            return time.perf_counter() - started
        time.sleep(POLL)
    raise RuntimeError(f"{path} never showed {marker!r}")


def translated_entries(repo: Path) -> list[Path]:
    """The entry files that have a Spanish block, in a fixed order."""
    entries = sorted((repo / "briefings").glob("*/*/*.yaml"))
    return [path for path in entries if PATTERNS["es"].search(path.read_text(encoding="utf-8"))]


def preview_latency(repo: Path, port: int, edits: int = 3, engine: str = "mkdocs") -> dict:
    """Start the preview server on `repo`, then time `edits` edits per language: each one's
    seconds and their median, per language; also the first build's seconds."""
    log = repo / "preview-timing.log"
    server = start_server(repo, port, log, engine)
    try:
        first = wait_until_served(server, port, log)
        wait_until_quiet(server)
        entries = translated_entries(repo)
        step = max(1, len(entries) // (2 * edits + 1))
        results: dict = {"first_build_s": first}
        for number, language in enumerate(("en", "es")):
            times, builds, later = [], [], []
            for k in range(edits):
                entry, start = entries[(2 * k + number) * step], len(log.read_text())
                times.append(latency(port, entry, language, f"Edited{language}{k}x{time.time_ns() % 10**6}"))
                later.append(max(0.0, wait_until_quiet(server) - QUIET))  # feeds, open data, search
                builds.append(build_seconds(log, start))
            results[language] = {"median_s": statistics.median(times), "runs_s": times, "build_s": builds,
                                 "later_s": later}
        results["peak_mib"] = peak_mib(server.pid)
        return results
    finally:
        stop_server(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="entry counts (default: 1000)")
    parser.add_argument("--edits", type=int, default=3, help="edits per language (the median is reported)")
    parser.add_argument("--engine", default="mkdocs", choices=("mkdocs", "properdocs"))
    args = parser.parse_args()
    for n in args.n or [1000]:
        with tempfile.TemporaryDirectory(prefix="briefing-preview-") as scratch:
            repo = Path(scratch) / "site"
            make_repo(repo, n)
            result = preview_latency(repo, free_port(), args.edits, args.engine)
        print(f"N = {n}: first build {result['first_build_s']:.1f} s, server's peak memory "
              f"{result['peak_mib']:.0f} MiB; edit to page served (each edit's rebuild, as mkdocs serve logs it, "
              "in brackets):", flush=True)
        for language, name in (("en", "English"), ("es", "Spanish")):
            runs = ", ".join(f"{t:.2f} [{b if b is not None else '?'}]"
                             for t, b in zip(result[language]["runs_s"], result[language]["build_s"], strict=True))
            later = ", ".join(f"{t:.0f}" for t in result[language]["later_s"])
            print(f"  {name}: median {result[language]['median_s']:.2f} s ({runs}); the server busy "
                  f"after, s: {later}", flush=True)


if __name__ == "__main__":
    main()
