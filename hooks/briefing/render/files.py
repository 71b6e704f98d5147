"""The files of the site that no briefing text changes: the format's JSON Schemas and the site's images."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..format.schema import ENTRY_SCHEMA_FILE, all_schemas, registry_schema_file
from ..format.spec import REGISTRIES
from .context import RenderContext
from .og_image import CARD_PATH, TOUCH_ICON_PATH, site_images
from .outputs import Planned

SCHEMA_FOLDER = "schema/"


def plan_schemas(ctx: RenderContext) -> list[Planned]:
    """schema/: the JSON Schemas of the format, made from its definition alone (their key is empty)."""
    names = (ENTRY_SCHEMA_FILE, *(registry_schema_file(registry) for registry in REGISTRIES))
    return [Planned(SCHEMA_FOLDER + name, (), partial(schema_content, ctx, name)) for name in names]


def schema_content(ctx: RenderContext, name: str) -> Callable[[], str]:
    text = ctx.reuse.get("schemas", (), all_schemas)[name]  # made once: every schema is made at once
    return lambda: text


def plan_images(ctx: RenderContext) -> list[Planned]:
    """The link preview card (it shows the site's name) and the home-screen icon."""
    return [Planned(path, (ctx.site_name,), partial(image_content, ctx, path)) for path in (CARD_PATH, TOUCH_ICON_PATH)]


def image_content(ctx: RenderContext, path: str) -> Callable[[], str | bytes]:
    images = ctx.reuse.get("images", (ctx.site_name,), partial(site_images, ctx.site_name))
    data = next(image.content for image in images if image.path == path)
    return lambda: data
