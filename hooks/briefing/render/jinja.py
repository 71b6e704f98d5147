"""The Jinja templates of the site's pages and feeds (templates/), and how they are rendered."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"


class Templates:
    """One Jinja environment: HTML templates are autoescaped, Markdown ones (*.md.j2) are not."""

    def __init__(self, folder: Path = TEMPLATES):
        self.folder = folder
        self._environment = Environment(
            loader=FileSystemLoader(folder),
            autoescape=select_autoescape(["html.j2"], disabled_extensions=["md.j2"], default=True),
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

    def render(self, template: str, **context) -> str:
        return self._environment.get_template(template).render(**context)

    def fingerprint(self) -> tuple:
        """Changes when a template is edited, so a preview server re-renders every page."""
        return tuple(sorted((path.name, path.stat().st_mtime_ns) for path in self.folder.iterdir()))
