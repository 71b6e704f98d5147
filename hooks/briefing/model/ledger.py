"""The claims ledger: every claim of the site, indexed by figure and by actor, each count once,
and how the claims of each figure compare (compare.py). Built once per model (every language's
build reads the same one); a preview server's ledger takes over, from the ledger before it, the
placed claims and comparisons that the edit left as they were."""
from __future__ import annotations

from functools import cached_property

from .claims import PlacedClaim
from .compare import Comparison, compare
from .site import Entry, Site


class Ledger:
    def __init__(self, site: Site, last: Ledger | None = None):
        """`last`: the ledger of the build before, whose comparisons are kept for the figures
        whose claims are the same (a preview server's rebuild after one edit)."""
        self.site = site
        self._last = last
        if last is not None:
            last._last = None  # a ledger reaches back one build, never more
        self.by_figure: dict[str, list[PlacedClaim]] = {figure_id: [] for figure_id in site.figures}
        self.by_actor: dict[str, list[PlacedClaim]] = {actor_id: [] for actor_id in site.actors}
        self.entries_by_actor: dict[str, list[Entry]] = {actor_id: [] for actor_id in site.actors}
        self.placed: list[PlacedClaim] = once_each(site, {id(p.claim): p for p in last.placed} if last else None)
        for placed in self.placed:
            self.by_figure[placed.claim.figure].append(placed)
            self.by_actor[placed.claim.by].append(placed)
        for entry in reversed(site.entries):  # oldest first, then reversed: newest first
            for actor_id in actors_of(entry):
                self.entries_by_actor[actor_id].append(entry)
        for claims in (*self.by_figure.values(), *self.by_actor.values()):
            claims.sort(key=lambda placed: placed.sort_key)
        for entries in self.entries_by_actor.values():
            entries.reverse()  # newest first, like every other entry list

    @cached_property
    def comparisons(self) -> dict[str, Comparison]:
        """For each figure, how its claims compare."""
        last, self._last = (self._last.__dict__.get("comparisons") or {}) if self._last else {}, None
        return {figure_id: last[figure_id] if figure_id in last and same_claims(last[figure_id].claims, claims)
                else compare(claims) for figure_id, claims in self.by_figure.items()}

    @cached_property
    def figures_by_topic(self) -> dict[str, list[str]]:
        """For each topic, the figures its entries make claims about, in registry order (every
        language's topic pages ask)."""
        found = {}
        for topic_id in self.site.topics:
            used = {claim.figure for entry in self.site.entries_on(topic_id) for claim in entry.claims}
            found[topic_id] = [figure_id for figure_id in self.site.figures if figure_id in used]
        return found

    def figures_on(self, topic_id: str) -> list[str]:
        return self.figures_by_topic[topic_id]


def same_claims(kept: tuple, claims: list) -> bool:
    """The same claims in the same order, each from the same entries (a PlacedClaim's equality
    leaves out the entries that repeat it). By identity, as BuiltEntries (model/build.py) allows."""
    return len(kept) == len(claims) and all(
        a.claim is b.claim and a.entry is b.entry and a.also_in == b.also_in for a, b in zip(kept, claims, strict=True))


def once_each(site: Site, last: dict[int, PlacedClaim] | None = None) -> list[PlacedClaim]:
    """Every claim of the site, oldest entry first; a count entered again (same_count_key) is
    kept once, where it was first reported, with the entries that repeat it. `last`: the placed
    claims of the build before, by their claim's identity (as BuiltEntries, model/build.py, allows);
    one whose claim, entry and repeats are the same is kept, with what it has worked out (its
    interval, its place in date order)."""
    last = last or {}
    first: dict[tuple, list] = {}  # the count -> [its first placed claim, the entries that repeat it...]
    for entry in reversed(site.entries):
        for claim in entry.claims:
            kept = last.get(id(claim))
            same = kept is not None and kept.claim is claim and kept.entry is entry
            placed = kept if kept is not None and same else PlacedClaim(claim, entry)
            found = first.get(placed.count_key)
            if found is None:
                first[placed.count_key] = [placed]
            else:
                found.append(entry)
    return [placed if placed.also_in == tuple(also) else PlacedClaim(placed.claim, placed.entry, tuple(also))
            for placed, *also in first.values()]


def actors_of(entry: Entry) -> list[str]:
    """The entry's actors, then anyone who makes a claim in it without being listed."""
    claimants = [claim.by for claim in entry.claims if claim.by not in entry.actors]
    return list(dict.fromkeys([*entry.actors, *claimants]))
