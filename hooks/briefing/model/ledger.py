"""The claims ledger: every claim of the site, indexed by figure and by actor, each count once,
and how the claims of each figure compare (compare.py). Built once per build from the model."""
from __future__ import annotations

from functools import cached_property

from .claims import PlacedClaim, same_count_key
from .compare import Comparison, compare
from .site import Entry, Site


class Ledger:
    def __init__(self, site: Site, last: Ledger | None = None):
        """`last`: the ledger of the build before, whose comparisons are kept for the figures
        whose claims are the same (a preview server's rebuild after one edit)."""
        self.site = site
        self._last = last
        self.by_figure: dict[str, list[PlacedClaim]] = {figure_id: [] for figure_id in site.figures}
        self.by_actor: dict[str, list[PlacedClaim]] = {actor_id: [] for actor_id in site.actors}
        self.entries_by_actor: dict[str, list[Entry]] = {actor_id: [] for actor_id in site.actors}
        for placed in once_each(site):
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
        """The figures that some of these entries make claims about, in registry order."""
        used = {claim.figure for entry in entries for claim in entry.claims}
        return [figure_id for figure_id in self.site.figures if figure_id in used]


def same_claims(kept: tuple, claims: list) -> bool:
    """The same claims in the same order, each from the same entries (a PlacedClaim's equality
    leaves out the entries that repeat it)."""
    return len(kept) == len(claims) and all(
        a.claim is b.claim and a.entry is b.entry and a.also_in == b.also_in for a, b in zip(kept, claims, strict=True))


def once_each(site: Site) -> list[PlacedClaim]:
    """Every claim of the site, oldest entry first; a count entered again (same_count_key) is
    kept once, where it was first reported, with the entries that repeat it."""
    first: dict[tuple, PlacedClaim] = {}
    for entry in reversed(site.entries):
        for claim in entry.claims:
            placed = PlacedClaim(claim, entry)
            key = same_count_key(placed)
            if key in first:
                seen = first[key]
                first[key] = PlacedClaim(seen.claim, seen.entry, (*seen.also_in, entry))
            else:
                first[key] = placed
    return list(first.values())


def actors_of(entry: Entry) -> list[str]:
    """The entry's actors, then anyone who makes a claim in it without being listed."""
    claimants = [claim.by for claim in entry.claims if claim.by not in entry.actors]
    return list(dict.fromkeys([*entry.actors, *claimants]))
