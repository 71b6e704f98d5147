"""What one build rendered, kept for the next: a preview server rebuilds after every edit, and
an edit to one entry should cost the few pages it shows on, not the whole site.

Each output of the plan (plan.py), and each part that several outputs share (an entry's feed item,
its open data record), is made from its `key`: the model objects it reads (entries, placed claims,
counts) besides the shared inputs that every output reads (the registries, the settings, the
templates). It is made again when its key differs from the last build's; otherwise the last
build's rendering is given as it was. A change to the shared inputs forgets everything. A
published build starts with nothing remembered, so it makes everything;
tests/render/test_reuse.py holds a remembering build to one that starts afresh, edit after edit.

Keys are tuples and compare with ==. The model's records are frozen dataclasses, so an entry
that changed in any field makes another key; an unchanged entry file gives the very same Entry
object (model/build.py, BuiltEntries), and a tuple compares its items by identity first, so
comparing the keys of unchanged outputs costs next to nothing.

A part that several outputs of one build show (a claim's words: its entry's page, its figure's
and its actor's pages and its entry's feed item show it) is made once a build (`part`), from its
key too, and forgotten when the build has made its outputs (`end_build`): the outputs that show
it are kept, so the next build asks for it again only for an output that is made again.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


class Rendered:
    """Renderings by name (an output's address, `feed:<entry id>`), each with the key it was made
    from. A build keeps what it made or reused; what it did not ask for is forgotten."""

    def __init__(self) -> None:
        self._shared: Any = None
        self._last: dict[str, tuple[Any, Any]] = {}
        self._this: dict[str, tuple[Any, Any]] = {}
        self._parts: dict[str, tuple[Any, Any]] = {}
        self.made: set[str] = set()  # the names made afresh in this build

    def new_build(self, shared: Any) -> None:
        """Start a build whose shared inputs are `shared`; the renderings of the last one are kept
        if they were made from the same."""
        same = self._shared is not None and shared == self._shared
        self._last, self._this = (self._this if same else {}), {}
        self._shared, self.made, self._parts = shared, set(), {}

    def get(self, name: str, key: Any, make: Callable[[], T]) -> T:
        """This build's or the last build's rendering of `name` if it was made from an equal key,
        else `make()` (several outputs may ask for one part: the edition's size, its file)."""
        found = self._this.get(name)
        if found is None or found[0] != key:
            found = self._last.get(name)
        if found is not None and found[0] == key:
            value = found[1]
        else:
            value = make()
            self.made.add(name)
        self._this[name] = (key, value)
        return value

    def part(self, name: str, key: Any, make: Callable[[], T]) -> T:
        """This build's `name` if it was made from an equal key, else `make()`; kept until the
        build ends (it is not an output: no later build is given it)."""
        found = self._parts.get(name)
        if found is None or (found[0] is not key and found[0] != key):  # the very key: no need to compare
            found = self._parts[name] = (key, make())
        return found[1]

    def end_build(self) -> None:
        """Forget the build's parts: the outputs that show them are made."""
        self._parts = {}

    def forget(self, names: Iterable[str] | None = None) -> None:
        """Let go of the renderings of `names` (of every one, if None), as if never made: a
        published build needs none of them once written (its pages' HTML is the largest part of
        what it holds)."""
        if names is None:
            self._shared, self._last, self._this = None, {}, {}
            return
        for name in names:
            self._this.pop(name, None)
            self._last.pop(name, None)
