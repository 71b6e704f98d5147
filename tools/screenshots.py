"""Screenshots of a built site as readers see it: the home page, a topic, an entry and a figure
page (and the same on the Spanish site: es-...), on a desktop (1280×800) and a phone (390×844,
drawn at 2× as phones do), in the light colour scheme, each as the whole page and as its first
viewport.

    .venv/bin/python tools/screenshots.py SITE_DIR OUT_DIR

SITE_DIR is a built site, e.g. one from `tools/published_site.py build OUT` (OUT/briefing/). It is
served at the path its canonical links name (/briefing/ for a build as CI publishes it), so its
links resolve as they will when published. Writes OUT_DIR/<page>-<device>-<full|first-view>.png
and prints each path. Chromium is CHROMIUM_PATH (default /usr/bin/chromium); none is downloaded.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

import published_site

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Each kind of page: the one the browser tests read if the site has it, else the first there is.
PAGES = {
    "home": ("", ""),
    "topic": ("topics/detentions/", "topics/*/"),
    "entry": ("entries/bloomberg-reports-us-citizen-released/", "entries/*/"),
    "figure": ("figures/prisoners-released/", "figures/*/"),
}
DEVICES: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True,
              "has_touch": True},
}


def prefix_of(site: Path) -> str:
    """The path the site is built for, from its home page's canonical link ('/' without one)."""
    home = (site / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    path = urlsplit(match.group(1)).path if match else "/"
    return path if path.endswith("/") else path + "/"


def page_paths(site: Path) -> dict[str, str]:
    paths = {}
    for kind, (preferred, pattern) in PAGES.items():
        if (site / preferred / "index.html").is_file():
            paths[kind] = preferred
            continue
        found = sorted(folder for folder in site.glob(pattern) if (folder / "index.html").is_file())
        if not found:
            raise SystemExit(f"no {kind} page in {site} ({pattern}index.html)")
        paths[kind] = found[0].relative_to(site).as_posix() + "/"
    spanish = {f"es-{kind}": f"es/{path}" for kind, path in paths.items()
               if (site / "es" / path / "index.html").is_file()}
    return paths | spanish  # the Spanish site's same pages, where it is built (es-<page>-...png)


def shoot(browser, base: str, paths: dict[str, str], out: Path) -> list[Path]:
    saved = []
    for device, options in DEVICES.items():
        context = browser.new_context(color_scheme="light", **options)
        page = context.new_page()
        for kind, path in paths.items():
            response = page.goto(base + path, wait_until="networkidle")
            if response is None or not response.ok:
                raise SystemExit(f"{base + path} answered {response and response.status}")
            for view, full_page in (("full", True), ("first-view", False)):
                file = out / f"{kind}-{device}-{view}.png"
                page.screenshot(path=str(file), full_page=full_page, animations="disabled")
                saved.append(file)
        context.close()
    return saved


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    site, out = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} holds no built site (no index.html)")
    out.mkdir(parents=True, exist_ok=True)
    paths, prefix = page_paths(site), prefix_of(site)
    for _attempt in range(3):  # another process may take the free port before the server binds it
        with published_site.serving(site, published_site.free_port(), prefix) as base:
            if base is None:
                continue
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                try:
                    saved = shoot(browser, base, paths, out)
                finally:
                    browser.close()
            print("\n".join(str(file) for file in saved))
            return
    raise SystemExit("could not serve the site on 127.0.0.1")


if __name__ == "__main__":
    main(sys.argv[1:])
