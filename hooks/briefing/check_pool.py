"""`validate` checks the files nothing vouches for (a fresh clone's, a CI run's without its check
cache) in a pool of processes, one per core: each file is checked on its own (read/entry_check.py),
so the work shares out, and the reports come back in the order the files were given, so problems
are printed in exactly the order one process gives.

Only `validate` uses the pool. The site's build does not: a preview server runs threads (a fork
copies only the caller's, and a lock another holds would stay held), and a published build
restores the check cache in CI, then forks the Spanish build onto the second core.
BRIEFING_CHECK_POOL=on or off forces the pool on or off (the tests compare both); unset, the
size of the work decides (POOL_FROM_FILES).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor

from .format.types import INVALID
from .process import StopOnSignals, leave_signals_to_parent, may_fork
from .read.cache_file import encode_values
from .read.entry_check import CheckInputs, check_each
from .read.report import FileReport

# Fewer files than this are checked in this process. Measured (2 cores, cold check_site): the pool
# itself (two forked workers, the toy site's 2 files) costs about 43 ms; a file costs 0.8-0.9 ms
# to check, so a second core saves at most 0.4 ms a file and the pool pays from about 110 files.
# Twice that leaves a margin for the bytes and reports sent both ways.
POOL_FROM_FILES = 200
CHUNKS_PER_WORKER = 4  # a worker that falls behind (a busy core) leaves the rest to the other


def pool_setting() -> str:
    """"on", "off", or "auto" (the default): BRIEFING_CHECK_POOL, the one switch of the pool."""
    value = os.environ.get("BRIEFING_CHECK_POOL", "").strip().lower()
    return value if value in ("on", "off") else "auto"


def workers_for(count: int) -> int:
    """How many processes check `count` files: one per core this process may use, or 0 for none
    (this process checks them: a small site, a single core, a system that cannot fork)."""
    setting, cores = pool_setting(), len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if setting == "off" or not count or not may_fork(threading.active_count()):
        return 0
    if setting == "on":
        return max(2, cores)
    return cores if cores > 1 and count >= POOL_FROM_FILES else 0


def check_shared(files: list[tuple[str, str, bytes | None]], inputs: CheckInputs) -> list[FileReport]:
    """The report of each (path, display path, bytes or None), in the order given, checked by a pool of
    processes when that pays (workers_for). A SIGTERM or Ctrl-C stops every worker before this
    process ends (process.py StopOnSignals); the workers themselves leave a Ctrl-C to it."""
    workers = workers_for(len(files))
    if not workers:
        return check_each(files, inputs)
    size = -(-len(files) // (workers * CHUNKS_PER_WORKER))
    chunks = [files[start:start + size] for start in range(0, len(files), size)]
    stop = StopOnSignals("Stopped by {signal}: every checking process has ended; nothing was written.")
    stop.install()
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=leave_signals_to_parent) as pool:
            return [report for chunk in pool.map(_check_chunk, chunks, [inputs] * len(chunks))
                    for report in chunk]
    finally:
        stop.restore()


def _check_chunk(files: list[tuple[str, str, bytes | None]], inputs: CheckInputs) -> list[FileReport]:
    """In a worker: the chunk's reports. Those of files that passed alone already keep no node
    tree (check_entry lets it go: sending it would cost more than the checks) and go back with
    their values as JSON; a file with problems keeps its tree, so that load.py names its unknown
    sources as one process does."""
    reports = check_each(files, inputs)
    for report in reports:
        if report.passed_alone:
            _values_as_json(report)
    return reports


def _values_as_json(report: FileReport) -> None:
    """The values go back as the JSON the check cache keeps (made here, on the worker's core): one
    string is sent for a fraction of the tree's cost, the cache takes it as it is, and the values
    are decoded only if something asks for them (FileReport.checked_values)."""
    values_json = encode_values(report.values)
    if values_json is not None:
        report.values, report.values_json = INVALID, values_json

