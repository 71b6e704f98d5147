"""What one build rendered, kept for the next: a preview server rebuilds after every edit, and
an edit to one entry should cost the few pages it shows on, not the whole site.

Each page (or feed item, or the home page's section) is made from its `key`: the model objects
it reads (entries, placed claims, counts) besides the shared inputs that every page reads (the
registries, the settings, the templates). A page is made again when its key differs from the
last build's; otherwise the last build's page is given as it was. A change to the shared inputs
forgets everything. A published build starts with nothing remembered, so it makes every page;
tests/render/test_reuse.py holds a remembering build to one that starts afresh, edit after edit.

Keys compare with ==, and the model's records are frozen dataclasses: an entry that changed in
any field is another key. Unchanged entries are the same objects from one build to the next
(model/build.py), so comparing them costs nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Rendered:
    """Renderings by name (a page's source, `feed:<entry id>`), each with the key it was made from."""

    def __init__(self) -> None:
        self._shared: Any = None
        self._last: dict[str, tuple[Any, Any]] = {}
        self._this: dict[str, tuple[Any, Any]] = {}
        self.made: list[str] = []  # the names made afresh in this build (for tests and the profile)

    def new_build(self, shared: Any) -> None:
        """Start a build whose shared inputs are `shared`; the renderings of the last one are kept
        if they were made from the same."""
        same = self._shared is not None and shared == self._shared
        self._last, self._this = (self._this if same else {}), {}
        self._shared, self.made = shared, []

    def get(self, name: str, key: Any, make: Callable[[], T]) -> T:
        """The last build's rendering of `name` if it was made from an equal key, else `make()`."""
        found = self._last.get(name)
        if found is not None and (found[0] is key or found[0] == key):
            value = found[1]
        else:
            value = make()
            self.made.append(name)
        self._this[name] = (key, value)
        return value

    def same(self, name: str, key: T) -> T:
        """`key`, or the last build's equal key under `name`: the key of a part that many pages
        share (a figure's comparison) is then the very same object, which compares at no cost."""
        for found in (self._this.get(name), self._last.get(name)):
            if found is not None and (found[0] is key or found[0] == key):
                key = found[0]
                break
        self._this[name] = (key, None)
        return key
