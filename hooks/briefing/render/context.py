"""What every page of one build is made from."""
from __future__ import annotations

from dataclasses import dataclass

from ..model.ledger import Ledger
from ..model.site import Site
from .jinja import Templates
from .markup import SafeMarkdown


@dataclass(frozen=True)
class RenderContext:
    """The model, its ledger, where the site is published, and the templates and Markdown
    renderer (kept by the caller from build to build, as they remember what they made)."""

    site: Site
    ledger: Ledger
    site_name: str
    base_url: str
    templates: Templates
    markdown: SafeMarkdown

    def render(self, template: str, **context) -> str:
        return self.templates.render(template, **context)
