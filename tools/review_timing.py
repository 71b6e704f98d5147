"""How long the review digest takes on a synthetic site: `python tools/review_timing.py --n 1000`.

Makes a git repository of N synthetic entries, commits a change (one entry deleted, one claim's
value corrected, one entry added) and times `review` of the two commits and of the base against
the working tree; the median of three runs of each (the machine is shared and noisy).
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from briefing.review.digest import review

from synthetic import make_repo


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.org", "commit", "-q", "-m", message)


def sample_change(repo: Path) -> None:
    entries = sorted(path for path in (repo / "briefings").rglob("*.yaml") if path.parent.parent.name.isdigit())
    entries[0].unlink()
    text = entries[1].read_text()
    entries[1].write_text(re.sub(r"value: (\d+)", lambda m: f"value: {int(m.group(1)) + 1}", text, count=1))
    added = entries[2].with_name(entries[2].name.replace(".yaml", "-again.yaml"))
    shutil.copy(entries[2], added)  # its id comes from its file name


def timed(repo: Path, base: str, head: str | None, repeats: int = 3) -> tuple[float, str]:
    times, text = [], ""
    for _ in range(repeats):
        started = time.perf_counter()
        text, _ = review(repo, base, head)
        times.append(time.perf_counter() - started)
    return statistics.median(times), text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-review-bench-") as scratch:
        repo = Path(scratch) / "repo"
        make_repo(repo, args.n)
        git(repo, "init", "-q", "-b", "main")
        commit(repo, "base")
        sample_change(repo)
        tree_s, _ = timed(repo, "main", None)
        commit(repo, "change")
        commits_s, text = timed(repo, "main~1", "main")
    print(text)
    print(f"N = {args.n}: review of two commits {commits_s:.2f} s, of a commit against the working tree "
          f"{tree_s:.2f} s (goal: under 3 s)")


if __name__ == "__main__":
    main()
