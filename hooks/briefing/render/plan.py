"""The plan of one language's site: every page and file a build publishes, each kind declared once.

A kind of output (`Kind`) is a name, a role and a function that plans every output of that kind
from the model: for each, its address, the key of everything it is made from besides what every
output shares (the registries, the settings, the templates: site_outputs.shared_inputs), where to
edit it, and how to make it. The function and its key live beside the function that makes the
output (pages.py, ledger_pages.py, feeds.py, opendata.py, files.py, edition.py), so what an output reads and
what its key says are read together.

Everything that needs to know the site's outputs reads this plan: the renderer (which makes again
only the outputs whose key changed: reuse.py), the collision check, the search index, the
preview's decisions (publish/preview.py), and the review digest's page list. Adding a kind of
page is one entry in KINDS, plus its template.

Planning renders nothing (the review lists a revision's pages from the plan alone); `make` does.
A file's `make` runs in the build's thread (where the Markdown renderer is) and gives a function
that returns the file's content: that one may run later, in another thread (a preview writes its
files after its pages are served).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .cite_pages import plan_citations
from .codebook import plan_codebook, plan_data_package
from .context import RenderContext
from .edition import plan_edition
from .feeds import plan_feeds
from .files import plan_images, plan_schemas
from .ledger_pages import plan_actor_index, plan_actors, plan_figure_index, plan_figures
from .offline import plan_offline
from .opendata import plan_figure_data, plan_open_data
from .outputs import Planned
from .pages import plan_entries, plan_format_page, plan_home_section, plan_timeline, plan_topics
from .sitemap import plan_sitemap

PAGE = "page"        # an HTML body (or Markdown) the engine lays out at the address's page
FILE = "file"        # a file written as it is (feeds, open data, schemas, images)
SECTION = "section"  # a part of a hand-written page (the home page's sections)


@dataclass(frozen=True)
class Kind:
    """`plan(ctx)` plans every output of the kind; a kind that lists the site's pages (the sitemap)
    is given them too, `plan(ctx, pages)`, and comes after every kind of page. Every output, page,
    section or file, is made again only when its key changed (reuse.py), so each kind's keys name
    everything its outputs are made from besides the shared inputs: a preview's edit then remakes
    only what shows the edited entry."""
    name: str
    role: str
    plan: Callable[..., Iterable[Planned]]
    lists_pages: bool = False


KINDS: tuple[Kind, ...] = (
    Kind("entry", PAGE, plan_entries),
    Kind("topic", PAGE, plan_topics),
    Kind("figure", PAGE, plan_figures),
    Kind("actor", PAGE, plan_actors),
    Kind("timeline", PAGE, plan_timeline),
    Kind("figure index", PAGE, plan_figure_index),
    Kind("actor index", PAGE, plan_actor_index),
    Kind("format reference", PAGE, plan_format_page),
    Kind("home sections", SECTION, plan_home_section),
    Kind("feed", FILE, plan_feeds),
    Kind("open data", FILE, plan_open_data),
    Kind("figure data", FILE, plan_figure_data),
    Kind("data package", FILE, plan_data_package),
    Kind("codebook", PAGE, plan_codebook),
    Kind("citation", FILE, plan_citations),
    Kind("schema", FILE, plan_schemas),
    Kind("image", FILE, plan_images),
    Kind("offline", FILE, plan_offline),
    Kind("offline edition", FILE, plan_edition),
    Kind("sitemap", FILE, plan_sitemap, lists_pages=True),
)


class SitePlan:
    """Every output of one language's site, kind by kind, in the order KINDS gives."""

    def __init__(self, ctx: RenderContext, kinds: tuple[Kind, ...] | None = None) -> None:
        kinds = kinds or KINDS
        self.by_kind: dict[Kind, list[Planned]] = {kind: list(kind.plan(ctx)) for kind in kinds if not kind.lists_pages}
        pages = [planned.address for planned in self.pages]
        self.by_kind.update({kind: list(kind.plan(ctx, pages)) for kind in kinds if kind.lists_pages})

    def of_role(self, role: str) -> list[Planned]:
        return [planned for kind, outputs in self.by_kind.items() if kind.role == role for planned in outputs]

    @property
    def pages(self) -> list[Planned]:
        return self.of_role(PAGE)

    @property
    def files(self) -> list[Planned]:
        return self.of_role(FILE)

    @property
    def sections(self) -> list[Planned]:
        return self.of_role(SECTION)

    def published(self) -> list[tuple[str, str]]:
        """(address, origin) of every page and file, for the collision check."""
        return [(planned.address, planned.origin) for planned in (*self.pages, *self.files)]
