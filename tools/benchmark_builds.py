"""The benchmark's builds (tools/benchmark.py): the site's and the floor's, timed in turns, with the
CPU time of all their processes and the peak memory of each kind of process.

A build runs in a fresh process (MEASURE). It reports, from getrusage, its wall time, the CPU of
every process it started, and the peak memory (maximum resident set size) of the main process and
of each forked language build (a fork's standard error is its log, which the main process prints
when it waits for it: the fork writes its line there just before it ends). Pagefind's peak is
read from /proc while the build runs (PagefindPeaks). With BRIEFING_ONE_PROCESS=1 both languages
build in the main process: no fork.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from floor import html_pages, make_two_language_floor

MEASURE = """
import os, resource, sys, time
from mkdocs.__main__ import cli
runs, start = [run.split() for run in " ".join(sys.argv[1:]).split(" --next ")], time.perf_counter()

def fork_ends(status, real_exit=os._exit):
    os.write(2, f"BENCHFORK {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n".encode())
    real_exit(status)

def in_child():
    os._exit = fork_ends

os.register_at_fork(after_in_child=in_child)
code = 0
for args in runs:
    try:
        cli(args)
    except SystemExit as done:
        code = code or done.code
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
print(f"BENCH {time.perf_counter() - start:.3f} {own.ru_maxrss} {code} {cpu:.3f}", file=sys.stderr)
"""
SAMPLE_EVERY = 0.1  # seconds between two readings of Pagefind's peak memory
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1768000000"}
ENV.pop("BRIEFING_ONE_PROCESS", None)  # the site's ordinary build forks; the one-process build is its own run
ONE_PROCESS = {**ENV, "BRIEFING_ONE_PROCESS": "1"}


class Build(NamedTuple):
    seconds: float
    cpu: float        # seconds, every process the build started
    main_mib: float   # peak memory of the main process
    fork_mib: float   # of the largest forked language build (0 if none)
    pagefind_mib: float  # of the largest Pagefind


def measured(stderr: str, pagefind_kib: int) -> Build:
    """A build's figures from its MEASURE lines, and Pagefind's peak (KiB)."""
    line = [row for row in stderr.splitlines() if row.startswith("BENCH ")][-1].split()
    if line[3] not in ("0", "None"):
        raise SystemExit(f"build failed:\n{stderr[-3000:]}")
    forks = [int(row.split()[1]) for row in stderr.splitlines() if row.startswith("BENCHFORK ")]
    return Build(float(line[1]), float(line[4]), int(line[2]) / 1024, max(forks, default=0) / 1024,
                 pagefind_kib / 1024)


def timed_builds(builds: list[tuple[Path, Path]], strict: bool, env: dict | None = None) -> Build:
    """Cold `mkdocs build`s (no check cache), one after the other in one fresh process (the
    site's build starts its other language's in a forked one, unless `env` says one process)."""
    runs = []
    for config, site in builds:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
        runs.append(" ".join(["build", "-q", "-f", str(config), "-d", str(site), *(["--strict"] if strict else [])]))
    with tempfile.TemporaryFile("w+") as stderr:
        process = subprocess.Popen([sys.executable, "-c", MEASURE, *" --next ".join(runs).split()],
                                   stdout=subprocess.DEVNULL, stderr=stderr, text=True, env=env or ENV)
        pagefind = PagefindPeaks(process.pid)
        while process.poll() is None:
            pagefind.sample()
            time.sleep(SAMPLE_EVERY)
        stderr.seek(0)
        return measured(stderr.read(), pagefind.largest_kib())


class PagefindPeaks:
    """The peak memory (VmHWM) of each Pagefind a process tree starts, read from /proc while it
    runs. (getrusage cannot say: a child started by vfork and exec, as Pagefind is, counts the
    peak of the process that started it as its own.) The last sample of each is taken up to
    SAMPLE_EVERY before it ends, so a peak reached in its last moment may be missed."""

    def __init__(self, root: int) -> None:
        self.root, self.peaks = root, dict[int, int]()

    def sample(self) -> None:
        parents: dict[int, tuple[int, str]] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                number, _, rest = stat.read_text().partition(" (")
                name, _, fields = rest.rpartition(") ")
                parents[int(number)] = (int(fields.split()[1]), name)
        for pid, (_, name) in parents.items():
            if name.startswith("pagefind") and self._descends(pid, parents):
                with contextlib.suppress(OSError, ValueError, StopIteration):
                    status = Path(f"/proc/{pid}/status").read_text().splitlines()
                    kib = int(next(line for line in status if line.startswith("VmHWM:")).split()[1])
                    self.peaks[pid] = max(self.peaks.get(pid, 0), kib)

    def _descends(self, pid: int, parents: dict) -> bool:
        while pid in parents and pid != self.root:
            pid = parents[pid][0]
        return pid == self.root

    def largest_kib(self) -> int:
        return max(self.peaks.values(), default=0)


def interleaved_builds(repo: Path, entries: list[dict], floor: Path, repeats: int) -> dict:
    """Median seconds and CPU of the site's build, of its build in one process, and of the
    two-language floor, taken in turns so that a slow spell of the shared machine hits all three;
    the site's largest peaks. The floor is made after the site's first build, which says how many
    pages each language has."""
    site, one, floor_runs, configs = [], [], [], list[Path]()
    for _ in range(repeats):
        site.append(timed_builds([(repo / "mkdocs.yml", repo / "site")], strict=True))
        configs = configs or make_two_language_floor(floor, entries, html_pages(repo / "site"), search=True)
        floor_runs.append(timed_builds([(config, config.parent / "site") for config in configs], strict=False))
        one.append(timed_builds([(repo / "mkdocs.yml", repo / "site-one")], strict=True, env=ONE_PROCESS))
    shutil.rmtree(repo / "site-one", ignore_errors=True)

    def median(runs: list[Build], field: str) -> float:
        return statistics.median(getattr(run, field) for run in runs)
    return {"build": median(site, "seconds"), "floor": median(floor_runs, "seconds"),
            "one_process": median(one, "seconds"), "cpu": median(site, "cpu"),
            "floor_cpu": median(floor_runs, "cpu"), "one_process_cpu": median(one, "cpu"),
            "peak_mib": {"main": max(run.main_mib for run in site), "fork": max(run.fork_mib for run in site),
                         "pagefind": max(run.pagefind_mib for run in site),
                         "one_process": max(run.main_mib for run in one)},
            "pages": html_pages(repo / "site")}
