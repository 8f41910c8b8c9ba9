"""Ribbon tags to macros: a fixed table, nothing evaluated.

Every button of the Carry tab calls the one VBA callback, which runs
``run_from_excel('<tag>')`` through xlwings' RunPython. The tag is looked up in
:data:`MACROS`; an unknown tag is refused with a message naming the known ones.

Each macro lists the workbook-scope names it reads; on a workbook that lacks one (a swap
sheet asked for a scenario grid) it stops before doing anything, in one line naming the
missing names and the ``carryxl new`` kind that has them. Refresh works on any workbook:
it recalculates, and refreshes what carryxl wrote there (the scenario grid, its chart).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from carryxl.core.errors import CarryxlError
from carryxl.macros import contract as c
from carryxl.macros.backtest import run_backtest
from carryxl.macros.book import Book
from carryxl.macros.calculator import add_calculator_sheet
from carryxl.macros.chart import draw_scenario_chart
from carryxl.macros.contract import SCENARIO_PICTURE, picture_name
from carryxl.macros.scenario import fill_scenario_grid
from carryxl.macros.stress import replay_stress

__all__ = [
    "MACROS",
    "SCENARIO_NAMES",
    "TRADE_NAMES",
    "Macro",
    "macro_for",
    "refresh",
    "run_from_excel",
    "run_macro",
]

TRADE_NAMES = (c.IN_PAIR, c.IN_FUNDING, c.IN_NOTIONAL, c.IN_RATE_TARGET, c.IN_RATE_FUNDING)
"""What the stress and backtest buttons read: the held trade."""

SCENARIO_NAMES = (
    *TRADE_NAMES,
    c.IN_SPOT_START,
    c.IN_SCENARIO_MOVES,
    c.IN_SCENARIO_YEARS,
    c.OUT_SCENARIO_GRID,
)
"""What the scenario and chart buttons read (and the grid they fill or draw beside)."""


def _missing(book: Book, names: tuple[str, ...]) -> list[str]:
    return [name for name in names if not book.has_name(name)]


def refresh(book: Book) -> None:
    """Recalculate; fill the scenario grid and redraw the chart carryxl drew, where the
    workbook has them. On any other workbook, say that its formulas are all there is."""
    book.progress("carryxl: recalculating…")
    book.calculate()
    if _missing(book, SCENARIO_NAMES):
        book.notify(
            "carryxl: refreshed; this workbook has no carryxl scenario grid, so its own "
            "formulas (recalculated by Excel or LibreOffice) are all there is to refresh."
        )
        return
    fill_scenario_grid(book)
    if book.constant(picture_name(SCENARIO_PICTURE)):
        draw_scenario_chart(book)


@dataclass(frozen=True)
class Macro:
    """One entry point: what it does, and the function that does it on a Book."""

    tag: str
    summary: str
    run: Callable[[Book], Any]
    needs: tuple[str, ...] = ()
    kinds: str = ""  # the `carryxl new` kinds whose workbooks define ``needs``


MACROS: Mapping[str, Macro] = MappingProxyType(
    {
        m.tag: m
        for m in (
            Macro(
                "scenario",
                "fill out_scenario_grid from the workbook's inputs",
                fill_scenario_grid,
                SCENARIO_NAMES,
                "scenarios",
            ),
            Macro(
                "chart",
                "draw the payoff chart and scenario heatmap",
                draw_scenario_chart,
                SCENARIO_NAMES,
                "scenarios",
            ),
            Macro("calculator", "add a carry calculator sheet", add_calculator_sheet),
            Macro(
                "stress",
                "replay the trade through real crises on a new sheet",
                replay_stress,
                TRADE_NAMES,
                "calculator or scenarios",
            ),
            Macro(
                "backtest",
                "backtest the trade day by day on ECB history on a new sheet",
                run_backtest,
                TRADE_NAMES,
                "calculator or scenarios",
            ),
            Macro("refresh", "refresh all carryxl outputs", refresh),
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
    """Run the macro ``tag`` on ``book``; first check the workbook defines what it reads."""
    macro = macro_for(tag)
    missing = _missing(book, macro.needs)
    if missing:
        first = macro.kinds.split()[0]
        raise CarryxlError(
            f"{tag} button",
            f"{len(missing)} of {len(macro.needs)} names undefined",
            f"needs {', '.join(missing)}, which this workbook does not define; use it on a "
            f"{macro.kinds} workbook (carryxl new {first}) or define them (Formulas > Name "
            "Manager)",
        )
    return macro.run(book)


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
