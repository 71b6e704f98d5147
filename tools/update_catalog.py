"""`make translations`: bring the Spanish catalog up to date with the texts the site marks.

Extracts every marked text (babel.cfg: the core's N_()/NP_(), its templates, the theme
overrides), adds the new msgids to render/locale/es/LC_MESSAGES/messages.po with an empty
msgstr, drops those nothing uses any more, and keeps the file's own header and form (sorted,
unwrapped, no source locations), so its diff shows only what changed. Then translate what
tests/render/test_catalogs.py reports as untranslated.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
LOCALE = REPO / "hooks/briefing/render/locale"
CATALOG = LOCALE / "es/LC_MESSAGES/messages.po"


def extract(out: Path) -> None:
    subprocess.run([sys.executable, "-c", "from babel.messages.frontend import main; main()", "--quiet",
                    "extract", "-F", str(LOCALE / "babel.cfg"), "-k", "N_", "-k", "NP_:1c,2", "--no-location",
                    "--omit-header", "-o", str(out), "."], cwd=REPO, check=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        template_file = Path(scratch) / "messages.pot"
        extract(template_file)
        with open(template_file, "rb") as pot:
            template = read_po(pot)
    text = CATALOG.read_text(encoding="utf-8")
    header = text[: text.index('\n\n') + 2]  # comments and the header entry, kept as written
    with open(CATALOG, "rb") as po:
        catalog = read_po(po, locale="es")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    new = [m.id for m in catalog if m.id and not m.string]
    with tempfile.TemporaryFile() as out:
        write_po(out, catalog, width=0, no_location=True, omit_header=True, sort_output=True)
        out.seek(0)
        CATALOG.write_text(header + out.read().decode("utf-8"), encoding="utf-8")
    print(f"{CATALOG.relative_to(REPO)}: {len(new)} text(s) to translate" + "".join(f"\n  {m!r}" for m in new))


if __name__ == "__main__":
    main()
