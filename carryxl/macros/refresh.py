"""The Refresh button, for any workbook: recalculate; refill the scenario grid and redraw
the chart where the workbook has them."""

from __future__ import annotations

from carryxl.buttons import SCENARIO_NAMES
from carryxl.macros.book import Book
from carryxl.macros.chart import draw_scenario_chart
from carryxl.macros.contract import SCENARIO_PICTURE, picture_name
from carryxl.macros.scenario import fill_scenario_grid

__all__ = ["refresh"]


def refresh(book: Book) -> None:
    """Recalculate; fill the scenario grid and redraw the chart carryxl drew, where the
    workbook has them. On any other workbook, say that its formulas are all there is."""
    book.progress("carryxl: recalculating…")
    book.calculate()
    if not all(book.has_name(name) for name in SCENARIO_NAMES):
        book.notify(
            "carryxl: refreshed; this workbook has no carryxl scenario grid, so its own "
            "formulas (recalculated by Excel or LibreOffice) are all there is to refresh."
        )
        return
    fill_scenario_grid(book)
    if book.constant(picture_name(SCENARIO_PICTURE)):
        draw_scenario_chart(book)
