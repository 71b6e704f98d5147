"""Random bursts of file system events under a preview server: after each burst, what the
server serves equals a fresh build of the same tree, in both languages (test_preview_watch.py
runs the named scenarios one at a time; here the changes come several at once, in an order no
one chose, as an editor, a `git checkout` or a sync tool makes them).

The bursts come from a seeded generator: a failure names its seed, and BRIEFING_FUZZ_SEED=<seed>
replays it. Each change leaves the tree valid, so every burst ends in a build to compare.
"""
from __future__ import annotations

import os
import random
import re
import shutil
from pathlib import Path

from test_preview_watch import Server, differences, free_port, fresh_build, until

from synthetic import make_repo

SEED = int(os.environ.get("BRIEFING_FUZZ_SEED", "22"))
# Each burst: whether it changes folders only (no file event at all: a watcher that missed folder
# events would never rebuild), and how many changes it makes.
BURSTS = ((True, 4), (False, 5), (True, 3))


class Tree:
    """The changes a burst picks from, each on the repository's briefings/ folder."""

    def __init__(self, briefings: Path, outside: Path, rng: random.Random) -> None:
        self.briefings, self.outside, self.rng = briefings, outside, rng
        self.made = 0  # names made so far (copies, folders moved out)

    def months(self) -> list[Path]:
        return sorted(path.parent for path in self.briefings.glob("*/*/*.yaml"))

    def entries(self) -> list[Path]:
        return sorted(self.briefings.glob("*/*/*.yaml"))

    def change(self, folders_only: bool) -> str:
        moved_out = sorted(self.outside.glob("*-*"))
        choices = [self.move_out, self.rename_and_back, self.delete_month]
        if not folders_only:
            choices += [self.delete_entry, self.copy_entry, self.edit_title]
        if moved_out:
            choices.append(lambda: self.move_back(self.rng.choice(moved_out)))
        if len(self.entries()) < 4 and moved_out:  # keep enough to change
            choices = [lambda: self.move_back(moved_out[0])]
        elif len(self.entries()) < 4:
            choices = [self.rename_and_back] if folders_only else [self.copy_entry]
        return self.rng.choice(choices)()

    def move_out(self) -> str:
        month = self.rng.choice(self.months())
        self.made += 1
        target = self.outside / f"{self.made}-{month.parent.name}-{month.name}"
        shutil.move(month, target)
        return f"moved out {month.relative_to(self.briefings)}"

    def move_back(self, folder: Path) -> str:
        _, year, month = folder.name.split("-")
        (self.briefings / year).mkdir(exist_ok=True)
        if (self.briefings / year / month).exists():  # the month has entries again: move the files
            for entry in folder.iterdir():
                shutil.move(entry, self.briefings / year / month / entry.name)
            folder.rmdir()
        else:
            shutil.move(folder, self.briefings / year / month)
        return f"moved back {year}/{month}"

    def delete_entry(self) -> str:
        entry = self.rng.choice(self.entries())
        entry.unlink()
        return f"deleted {entry.name}"

    def copy_entry(self) -> str:
        entry = self.rng.choice(self.entries())
        self.made += 1
        shutil.copy(entry, entry.with_name(entry.name.replace(".yaml", f"-copy-{self.made}.yaml")))
        return f"copied {entry.name}"

    def rename_and_back(self) -> str:
        month = self.rng.choice(self.months())
        away = month.with_name(month.name + "-away")
        month.rename(away)
        away.rename(month)
        return f"renamed {month.relative_to(self.briefings)} away and back"

    def edit_title(self) -> str:
        entry = self.rng.choice(self.entries())
        self.made += 1
        text = re.sub(r'(?m)^title: "', f'title: "Edited {self.made}: ', entry.read_text(encoding="utf-8"), count=1)
        entry.write_text(text, encoding="utf-8")
        return f"edited {entry.name}"

    def delete_month(self) -> str:
        month = self.rng.choice(self.months())
        shutil.rmtree(month)
        return f"deleted the month {month.relative_to(self.briefings)}"


def test_after_random_bursts_of_changes_the_server_serves_what_a_fresh_build_writes(tmp_path: Path) -> None:
    repo, outside, port = tmp_path / "repo", tmp_path / "outside", free_port()
    make_repo(repo, 14)
    outside.mkdir()
    tree = Tree(repo / "briefings", outside, random.Random(SEED))
    server = Server(repo, tmp_path / "server", port, "")
    try:
        for burst, (folders_only, changes) in enumerate(BURSTS):
            done = [tree.change(folders_only) for _ in range(changes)]
            fresh = tmp_path / f"fresh-{burst}"
            result = fresh_build(repo, fresh, port)
            assert result.returncode == 0, (SEED, done, result.stderr[-2000:])
            until(lambda fresh=fresh: not differences(server.site, fresh),
                  f"the served folder to equal a fresh build (BRIEFING_FUZZ_SEED={SEED}) after: {done}",
                  lambda fresh=fresh: differences(server.site, fresh)[:10])
        said = server.said()
        assert "Traceback" not in said and server.process.poll() is None, said[-3000:]
    finally:
        server.stop()
