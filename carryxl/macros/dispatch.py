"""Ribbon tags to macros: a fixed table, nothing evaluated.

Every button of the Carry tab calls the one VBA callback, which runs
``run_from_excel('<tag>')`` through xlwings' RunPython. The tag is looked up in
:data:`MACROS`; an unknown tag is refused with a message naming the known ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from carryxl.core.errors import CarryxlError
from carryxl.macros.backtest import run_backtest
from carryxl.macros.book import Book
from carryxl.macros.calculator import add_calculator_sheet
from carryxl.macros.chart import draw_scenario_chart
from carryxl.macros.contract import SCENARIO_PICTURE, picture_name
from carryxl.macros.portfolio import refresh_portfolio_risk
from carryxl.macros.scenario import fill_scenario_grid
from carryxl.macros.stress import replay_stress

__all__ = ["MACROS", "Macro", "macro_for", "refresh", "run_from_excel", "run_macro"]


def refresh(book: Book) -> None:
    """Recalculate, fill the scenario grid, and redraw the chart if carryxl drew one before."""
    book.progress("carryxl: recalculating…")
    book.calculate()
    fill_scenario_grid(book)
    if book.constant(picture_name(SCENARIO_PICTURE)):
        draw_scenario_chart(book)


@dataclass(frozen=True)
class Macro:
    """One entry point: what it does, and the function that does it on a Book."""

    tag: str
    summary: str
    run: Callable[[Book], Any]


MACROS: Mapping[str, Macro] = MappingProxyType(
    {
        m.tag: m
        for m in (
            Macro(
                "scenario", "fill out_scenario_grid from the workbook's inputs", fill_scenario_grid
            ),
            Macro("chart", "draw the payoff chart and scenario heatmap", draw_scenario_chart),
            Macro("calculator", "add a carry calculator sheet", add_calculator_sheet),
            Macro("stress", "replay the trade through real crises on a new sheet", replay_stress),
            Macro(
                "backtest",
                "backtest the trade day by day on ECB history on a new sheet",
                run_backtest,
            ),
            Macro("refresh", "refresh all carryxl outputs", refresh),
            Macro(
                "portfolio",
                "refresh the portfolio's volatilities and correlations from ECB history",
                refresh_portfolio_risk,
            ),
        )
    }
)


def macro_for(tag: str) -> Macro:
    """The macro a ribbon tag names, or a CarryxlError listing the known tags."""
    macro = MACROS.get(tag) if isinstance(tag, str) else None
    if macro is None:
        known = ", ".join(sorted(MACROS))
        raise CarryxlError("tag", tag, f"is not a carryxl macro; known tags: {known}")
    return macro


def run_macro(tag: str, book: Book) -> Any:
    """Run the macro ``tag`` on ``book``."""
    return macro_for(tag).run(book)


def run_from_excel(tag: str) -> None:
    """Entry point for the ribbon (through RunPython): run ``tag`` on the active workbook.

    Errors are shown in a message box; the workbook's state is restored by ExcelBook.
    """
    from carryxl.macros.excel_book import (  # noqa: PLC0415 - xlwings only inside Excel
        ExcelBook,
        active_book,
    )

    book = active_book()
    with ExcelBook(book) as excel:
        excel.run(lambda: run_macro(tag, excel))
