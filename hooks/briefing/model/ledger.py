"""The claims ledger: every claim of the site, indexed by figure and by actor, and whether
the claims of a figure can all hold at once. Built once per build from the model."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .intervals import Interval, can_all_hold, claim_interval
from .site import Claim, Entry, Site


@dataclass(frozen=True)
class PlacedClaim:
    """A claim with the entry it was reported in."""

    claim: Claim
    entry: Entry

    @property
    def interval(self) -> Interval:
        c = self.claim
        return claim_interval(c.low, c.high, c.qualifier)

    @property
    def sort_key(self) -> tuple:
        return (self.claim.said_on, self.entry.date, self.entry.id)


@dataclass(frozen=True)
class Spread:
    """Claims that cannot all hold: the lowest and the highest, for 'range from ... to ...'."""

    lowest: PlacedClaim
    highest: PlacedClaim


class Ledger:
    def __init__(self, site: Site):
        self.site = site
        self.by_figure: dict[str, list[PlacedClaim]] = {figure_id: [] for figure_id in site.figures}
        self.by_actor: dict[str, list[PlacedClaim]] = {actor_id: [] for actor_id in site.actors}
        self.entries_by_actor: dict[str, list[Entry]] = {actor_id: [] for actor_id in site.actors}
        for entry in reversed(site.entries):  # oldest first, so lists come out in date order
            for claim in entry.claims:
                placed = PlacedClaim(claim, entry)
                self.by_figure[claim.figure].append(placed)
                self.by_actor[claim.by].append(placed)
            for actor_id in actors_of(entry):
                self.entries_by_actor[actor_id].append(entry)
        for claims in (*self.by_figure.values(), *self.by_actor.values()):
            claims.sort(key=lambda placed: placed.sort_key)
        for entries in self.entries_by_actor.values():
            entries.reverse()  # newest first, like every other entry list

    @cached_property
    def spreads(self) -> dict[str, Spread | None]:
        """For each figure, its spread when its claims differ, else None."""
        return {figure_id: spread_of(claims) for figure_id, claims in self.by_figure.items()}

    def figures_of(self, entries) -> list[str]:
        """The figures that some of these entries make claims about, in registry order."""
        used = {claim.figure for entry in entries for claim in entry.claims}
        return [figure_id for figure_id in self.site.figures if figure_id in used]


def actors_of(entry: Entry) -> list[str]:
    """The entry's actors, then anyone who makes a claim in it without being listed."""
    claimants = [claim.by for claim in entry.claims if claim.by not in entry.actors]
    return list(dict.fromkeys([*entry.actors, *claimants]))


def spread_of(claims: list[PlacedClaim]) -> Spread | None:
    if can_all_hold([placed.interval for placed in claims]):
        return None
    lowest = min(claims, key=lambda p: (p.interval.high, p.interval.low))
    highest = max(claims, key=lambda p: (p.interval.low, p.interval.high))
    return Spread(lowest, highest)
