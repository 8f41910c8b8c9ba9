"""The Refresh button: recalculate, refill the scenario grid, redraw the chart."""

from __future__ import annotations

from carryxl.macros.book import Book
from carryxl.macros.chart import draw_scenario_chart
from carryxl.macros.contract import SCENARIO_PICTURE, picture_name
from carryxl.macros.scenario import fill_scenario_grid

__all__ = ["refresh"]


def refresh(book: Book) -> None:
    """Recalculate, fill the scenario grid, and redraw the chart if carryxl drew one before."""
    book.progress("carryxl: recalculating…")
    book.calculate()
    fill_scenario_grid(book)
    if book.constant(picture_name(SCENARIO_PICTURE)):
        draw_scenario_chart(book)
