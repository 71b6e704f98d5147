"""A claim as the ledger holds it: placed in the entry that reports it."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .intervals import Interval, claim_interval
from .site import Claim, Entry, Source


@dataclass(frozen=True)
class PlacedClaim:
    """A claim with the entry it was reported in (and, when the same count from the same source
    was entered in other entries too, those entries: it is one claim, reported more than once)."""

    claim: Claim
    entry: Entry
    also_in: tuple = field(default=(), compare=False)

    @cached_property
    def interval(self) -> Interval:
        c = self.claim
        return claim_interval(c.low, c.high, c.qualifier)

    @cached_property
    def key(self) -> tuple:
        """What a page that shows this claim reads of it: the claim, its entry, and the entries that
        repeat it (which equality leaves out). Both languages' pages read it: made once."""
        return (self.claim, self.entry, self.also_in)

    @cached_property
    def count_key(self) -> tuple:
        return same_count_key(self)

    @cached_property
    def sort_key(self) -> tuple:
        return (self.claim.said_on, self.entry.date, self.entry.id)

    @property
    def source(self) -> Source:
        return next(source for source in self.entry.sources if source.id == self.claim.source)


def same_count_key(placed: PlacedClaim) -> tuple:
    """What makes two claims one count: the same figure, claimant, value, qualifier and period,
    read in the same source (by its address, or by what identifies it when it has none)."""
    c, s = placed.claim, placed.source
    where = s.url or (s.title, s.author, s.publisher, s.published)
    return (c.figure, c.by, c.low, c.high, c.is_range, c.qualifier, c.period, where)
