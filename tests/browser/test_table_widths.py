"""Claims tables never clip (issue 13): at every width from 320 px up, every cell lies within the
page's content column (phones get one card per claim, their header row hidden for screen readers
only; wider screens, columns that wrap)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = (320, 400, 560, 720, 800, 960, 1100, 1280, 1600)
PAGES = ("entries/assembly-president-says-more-than-400-freed/", "figures/prisoners-released/",
         "actors/human-rights-groups/")
OUTSIDE = """() => {
  const column = document.querySelector('article.md-content__inner').getBoundingClientRect();
  return [...document.querySelectorAll('article .briefing-claims td, article .briefing-claims th')]
    .filter(cell => cell.getClientRects().length)
    .filter(cell => !cell.closest('thead') || cell.closest('thead').getBoundingClientRect().width > 1)
    .map(cell => [cell.getBoundingClientRect(), (cell.innerText || '').trim().slice(0, 30)])
    .filter(([box]) => box.right > column.right + 1 || box.left < column.left - 1)
    .map(([box, text]) => `${text}: ${Math.round(box.left)}-${Math.round(box.right)}`
                          + ` outside ${Math.round(column.left)}-${Math.round(column.right)}`);
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_every_claims_cell_is_inside_the_content_column(open_reader, width: int):
    reader = open_reader(viewport={"width": width, "height": 900})
    for path in PAGES:
        reader.goto(path)
        assert reader.page.locator("article .briefing-claims td").count() > 0, path
        assert reader.page.evaluate(OUTSIDE) == [], (path, width)
