"""The claims ledger: every claim of the site, indexed by figure and by actor, each count once,
and how the claims of each figure compare (compare.py). Built once per build from the model."""
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
        self._figures_of: dict[int, tuple[object, list[str]]] = {}
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

    def figures_of(self, entries) -> list[str]:
        """The figures that some of these entries make claims about, in registry order (worked out
        once for each list of entries: every language's topic pages ask)."""
        found = self._figures_of.get(id(entries))
        if found is None or found[0] is not entries:
            used = {claim.figure for entry in entries for claim in entry.claims}
            found = (entries, [figure_id for figure_id in self.site.figures if figure_id in used])
            self._figures_of[id(entries)] = found
        return found[1]


def same_claims(kept: tuple, claims: list) -> bool:
    """The same claims in the same order, each from the same entries (a PlacedClaim's equality
    leaves out the entries that repeat it)."""
    return len(kept) == len(claims) and all(
        a.claim is b.claim and a.entry is b.entry and a.also_in == b.also_in for a, b in zip(kept, claims, strict=True))


def once_each(site: Site, last: dict[int, PlacedClaim] | None = None) -> list[PlacedClaim]:
    """Every claim of the site, oldest entry first; a count entered again (same_count_key) is
    kept once, where it was first reported, with the entries that repeat it. `last`: the placed
    claims of the build before, by their claim's id; one whose claim, entry and repeats are the
    same is kept, with what it has worked out (its interval, its place in date order)."""
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
