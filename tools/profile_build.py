"""Profile one build of the site and of the engine's floor, in every process the build starts.

    nice -n 19 .venv/bin/python tools/profile_build.py --n 1000 --out /tmp/prof-1000
    nice -n 19 .venv/bin/python tools/profile_build.py --n 1000 --out /tmp/prof-1000 --mode profile
    nice -n 19 .venv/bin/python tools/profile_build.py --n 1000 --out /tmp/prof-1000 --mode memory

Modes (each a cold `mkdocs build`, as tools/benchmark.py runs it, of a synthetic site of N entries
made once into OUT/site and of its two-language floor into OUT/floor):
- cpu: no profiler; per process (the main one, each forked build) its own CPU seconds and peak
  RSS, and its children's (Pagefind), from getrusage when it ends;
- profile: the same with cProfile in each Python process and each thread it starts (Pagefind's
  feeding threads), written as OUT/<mode>-<what>/<role>.prof for pstats. Timed by each thread's own
  CPU clock (the machine is shared, and a wait is not work); that clock is a system call, so the
  profiled build is about 8 times slower and functions called very often look dearer than they are;
- memory: the site only, tracemalloc (one frame) in the main process; snapshots at the start of
  each engine event, the top 15 lines of the largest printed.
BRIEFING_ONE_PROCESS=1 in the environment builds both languages in the main process.
A measuring tool: it changes nothing of the site, and no test runs it.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from floor import html_pages, make_two_language_floor

from synthetic import make_repo

RUNNER = r'''
import cProfile, json, os, resource, sys, threading, time, tracemalloc
mode, out, *args = sys.argv[1:]
runs = [run.split() for run in " ".join(args).split(" --next ")]
state = {"role": "main", "profile": None, "started": time.perf_counter(), "snapshots": []}

def usage(role):
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"role": role, "pid": os.getpid(), "wall": time.perf_counter() - state["started"],
            "cpu": own.ru_utime + own.ru_stime, "user": own.ru_utime, "sys": own.ru_stime,
            "maxrss_kib": own.ru_maxrss, "children_cpu": children.ru_utime + children.ru_stime,
            "children_maxrss_kib": children.ru_maxrss}

def dump(role):
    if state["profile"] is not None:
        state["profile"].disable()
        state["profile"].dump_stats(f"{out}/{role}.prof")
    with open(f"{out}/{role}.json", "w") as f:
        json.dump(usage(role), f)

def start_profile():
    if mode == "profile":
        state["profile"] = cProfile.Profile(time.thread_time)
        state["profile"].enable()

def in_child():
    state["role"], state["started"] = f"fork-{os.getpid()}", time.perf_counter()
    if state["profile"] is not None:
        state["profile"].disable()
    start_profile()
    if tracemalloc.is_tracing():
        tracemalloc.stop()
    real_exit = os._exit
    def exit_and_dump(status):
        dump(state["role"])
        real_exit(status)
    os._exit = exit_and_dump

os.register_at_fork(after_in_child=in_child)

if mode == "profile":  # each thread its own profile (cProfile sees only the thread that enabled it)
    plain_run = threading.Thread.run
    def profiled_run(self):
        profile = cProfile.Profile(time.thread_time)
        profile.enable()
        try:
            plain_run(self)
        finally:
            profile.disable()
            profile.dump_stats(f"{out}/{state['role']}-thread-{self.name}-{threading.get_ident()}.prof")
    threading.Thread.run = profiled_run

if mode == "memory":
    import linecache, mkdocs.plugins
    tracemalloc.start(1)
    plain_event = mkdocs.plugins.PluginCollection.run_event
    def watched_event(self, name, *a, **k):
        if os.getpid() == main_pid and name in ("env", "post_build", "post_page"):
            current, peak = tracemalloc.get_traced_memory()
            last = state["snapshots"][-1] if state["snapshots"] else None
            if name != "post_page" or last is None or current > last[1] * 1.05:
                state["snapshots"].append((name, current, peak, tracemalloc.take_snapshot()))
        return plain_event(self, name, *a, **k)
    main_pid = os.getpid()
    mkdocs.plugins.PluginCollection.run_event = watched_event

from mkdocs.__main__ import cli
start_profile()
code = 0
for run in runs:
    try:
        cli(run)
    except SystemExit as done:
        code = code or done.code
if mode == "memory":
    current, peak = tracemalloc.get_traced_memory()
    for name, now, so_far, _ in state["snapshots"]:
        print(f"MEM at {name}: traced {now / 2**20:.0f} MiB (peak so far {so_far / 2**20:.0f} MiB)", file=sys.stderr)
    name, now, _, snapshot = max(state["snapshots"], key=lambda s: s[1])
    print(f"MEM largest snapshot: at {name}, {now / 2**20:.0f} MiB traced; traced peak {peak / 2**20:.0f} MiB",
          file=sys.stderr)
    for stat in snapshot.statistics("lineno")[:15]:
        frame = stat.traceback[0]
        line = linecache.getline(frame.filename, frame.lineno).strip()[:90]
        print(f"MEM {stat.size / 2**20:8.1f} MiB {stat.count:9d} blocks  {frame.filename}:{frame.lineno}  {line}",
              file=sys.stderr)
dump("main")
print(f"EXIT {code}", file=sys.stderr)
'''
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1768000000"}


def measured_build(builds: list[Path], mode: str, out: Path, strict: bool) -> list[dict]:
    """Cold builds of these configurations in one fresh process; each process's usage."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    runs = []
    for config in builds:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
        shutil.rmtree(config.parent / "site", ignore_errors=True)
        runs.append(" ".join(["build", "-q", "-f", str(config), "-d", str(config.parent / "site"),
                              *(["--strict"] if strict else [])]))
    result = subprocess.run([sys.executable, "-c", RUNNER, mode, str(out), *" --next ".join(runs).split()],
                            capture_output=True, text=True, env=ENV)
    (out / "stderr.txt").write_text(result.stderr)
    if "EXIT 0" not in result.stderr:
        raise SystemExit(f"build failed:\n{result.stderr[-3000:]}")
    for line in result.stderr.splitlines():
        if line.startswith("MEM"):
            print(line)
    return [json.loads(path.read_text()) for path in sorted(out.glob("*.json"))]


def print_usage(what: str, usages: list[dict]) -> None:
    main = next(u for u in usages if u["role"] == "main")
    forks = [u for u in usages if u["role"] != "main"]
    # The main process's children's time holds the forked builds' own and their Pagefind's.
    pagefind = main["children_cpu"] - sum(u["cpu"] for u in forks)
    print(f"{what}: wall {main['wall']:.1f} s, CPU of all processes {main['cpu'] + main['children_cpu']:.1f} s "
          f"(load {os.getloadavg()[0]:.2f})")
    print(f"  main       CPU {main['cpu']:7.1f} s (user {main['user']:.1f}, sys {main['sys']:.1f})  "
          f"peak RSS {main['maxrss_kib'] / 1024:6.0f} MiB")
    for u in forks:
        print(f"  {u['role']:10s} CPU {u['cpu']:7.1f} s (user {u['user']:.1f}, sys {u['sys']:.1f})  "
              f"peak RSS {u['maxrss_kib'] / 1024:6.0f} MiB; its Pagefind {u['children_cpu']:.1f} s")
    print(f"  Pagefind (all) CPU {pagefind:.1f} s; "
          f"largest child's peak RSS {main['children_maxrss_kib'] / 1024:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True, help="scratch folder (kept: the profiles are there)")
    parser.add_argument("--mode", choices=("cpu", "profile", "memory"), default="cpu")
    parser.add_argument("--no-floor", action="store_true")
    args = parser.parse_args()
    repo, floor = args.out / "site", args.out / "floor"
    if not (repo / "briefings").is_dir():
        make_repo(repo, args.n)
    tag = args.mode + ("-one" if os.environ.get("BRIEFING_ONE_PROCESS") == "1" else "")
    print_usage(f"site ({args.n:,} entries, {tag})",
                measured_build([repo / "mkdocs.yml"], args.mode, args.out / f"{tag}-site", strict=True))
    if args.no_floor or args.mode == "memory":
        return
    if not (floor / "en" / "mkdocs.yml").is_file():
        entries = make_repo(args.out / "scratch-entries", args.n)  # the same seed: the same entries
        shutil.rmtree(args.out / "scratch-entries")
        make_two_language_floor(floor, entries, html_pages(repo / "site"), search=True)
    print_usage(f"floor ({args.n:,} entries, {args.mode})",
                measured_build([floor / "en" / "mkdocs.yml", floor / "es" / "mkdocs.yml"], args.mode,
                               args.out / f"{args.mode}-floor", strict=False))


if __name__ == "__main__":
    main()
