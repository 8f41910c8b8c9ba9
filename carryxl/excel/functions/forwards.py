"""Outright forwards, forward points and the rates a forward implies."""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core import forwards, strip
from carryxl.core.conventions import rate_from_text
from carryxl.core.dates import to_excel_serial
from carryxl.core.errors import CarryxlError
from carryxl.excel import cells
from carryxl.excel.arguments import (
    CALENDARS,
    FORWARD,
    FX_TENOR,
    HEADERS,
    HOLIDAYS,
    METHOD,
    PAIR_FOR_DATES,
    PAIR_FOR_POINTS,
    POINTS,
    RATE_BASE,
    RATE_QUOTE,
    SPOT,
    TRADE_DATE,
    YEARS,
    YEARS_QUOTE,
)
from carryxl.excel.declare import Arg, ExcelFunction, cells_only

__all__ = ["FUNCTIONS", "STRIP_COLUMNS", "fx_forward_strip"]

_GROUP = "forwards"
_YEARS_BASE = YEARS("Year fraction of the period (base leg); see YEAR_FRACTION")


def _implied_diff(method: str, **given: Any) -> Any:
    if method == "simple":
        return forwards.implied_rate_differential_simple(
            given["spot"], given["forward"], given["years"]
        )
    return forwards.implied_rate_differential(**given)


def _dated(holidays: tuple[Any, ...] = (), **given: Any) -> Any:
    return strip.dated_outright(holidays=list(holidays) or None, **given)


STRIP_COLUMNS = ("value_date", "days", "outright", "points")
"""FX_FORWARD_STRIP's columns, one row per tenor (its header row, if asked for)."""


def _one(item: cells.Input | None) -> Any:
    """The value of a single-cell argument (None if left out); its message for the call."""
    if item is None:
        return None
    cells.single(item)
    return cells.setting_value(item)


def _strip_tenor(cell: Any) -> str:
    """A tenor cell of the strip; an empty one is "" (its row stays empty)."""
    if cell is None:
        return ""
    return strip.fx_tenor(cells.text("tenors", cell), "tenors")


def _tenor_column(tenors: Any) -> cells.Input:
    """The tenors, one a row: a column (or one cell) with at least one tenor in it."""
    column = cells.choice("tenors", _strip_tenor, tenors)
    if column.values.shape[1] != 1:
        rows, width = column.values.shape
        raise CarryxlError(
            "tenors", cells.Described(f"a {rows}x{width} range"), "must be one column of tenors"
        )
    if all(t == "" for t in column.values.flat):
        raise CarryxlError("tenors", None, "must be a tenor such as ON, TN, 1W, 1M or 1Y")
    return column


def _strip_row(terms: strip.ForwardTerms, tenor: str, **dates: Any) -> Any:
    """One row of the strip from the core's :func:`~carryxl.core.strip.forward_strip`."""
    if not tenor:
        return np.full(len(STRIP_COLUMNS), np.nan)  # an empty cell: an empty row
    try:
        row = strip.forward_strip(terms, tenors=[tenor], **dates)[0]
    except CarryxlError as error:  # the core's rule, under the name the sheet shows
        if error.argument != "tenor":
            raise
        raise CarryxlError("tenors", error.value, error.rule) from None
    value_date = float(to_excel_serial(row.dates.value))
    return np.array([value_date, row.days, row.outright, row.points])


def fx_forward_strip(
    spot: Any,
    rate_base: Any,
    rate_quote: Any,
    trade_date: Any,
    tenors: Any,
    pair: Any,
    pip_size: Any,
    holidays: Any,
    calendars: Any,
    headers: Any,
) -> Any:
    """FX_FORWARD_STRIP: the core's strip (as ``carryxl forward --tenors``), a row a tenor."""
    # single cells, read in the order Excel shows them (the first bad one is the message)
    given = {
        "spot": _one(cells.numbers("spot", spot)),
        "rate_base": _one(cells.numbers("rate_base", rate_base, text=rate_from_text)),
        "rate_quote": _one(cells.numbers("rate_quote", rate_quote, text=rate_from_text)),
    }
    dealt = _one(cells.dates("trade_date", trade_date))
    code = _one(cells.choice("pair", lambda c: cells.pair_of("pair", c), pair))
    terms = strip.ForwardTerms.of(
        code, **given, pip_size=_one(cells.optional_numbers("pip_size", pip_size))
    )
    dates = {
        "trade_date": dealt,
        "holidays": list(_one(cells.date_set("holidays", holidays))) or None,
        "calendars": bool(_one(cells.flag("calendars", calendars, default=True))),
    }
    column = _tenor_column(tenors)

    def kernel(tenors: str) -> Any:
        return _strip_row(terms, tenors, **dates)

    grid = cells.label_missing(cells.evaluate(kernel, column, columns=len(STRIP_COLUMNS)), "")
    if cells.setting_value(cells.flag("headers", headers)):
        grid = cells.with_header(STRIP_COLUMNS, grid)
    return cells.to_excel(grid)


FUNCTIONS = (
    ExcelFunction(
        "FX_FORWARD_DATED",
        _GROUP,
        """Outright forward of a tenor dealt on a date: spot date T+2 on each currency's settlement
        calendar (USD rule), end rolled; ON value today, TN tomorrow. A column of tenors: their
        outrights (FX_FORWARD_STRIP adds dates and points).""",
        (SPOT, RATE_BASE, RATE_QUOTE, TRADE_DATE, FX_TENOR, PAIR_FOR_DATES),
        (HOLIDAYS("Optional: more holiday dates, on top of the currencies' calendars"),),
        kernel=_dated,
    ),
    ExcelFunction(
        "FX_FORWARD_STRIP",
        _GROUP,
        """The forward strip as carryxl forward --tenors prints it, one row per tenor of a
        column (ON, TN, 1W, 1M...): value date (an Excel date number), days, outright, points in
        the pair's pips. ON values today, TN tomorrow; days and points: the period priced.""",
        (
            SPOT(SPOT.help + ", for the spot date"),
            RATE_BASE,
            RATE_QUOTE,
            TRADE_DATE,
            Arg("tenors", "A column of tenors: ON, TN, SN, 1W, 1M, 3M, 6M, 1Y...", cells_only),
            PAIR_FOR_DATES,
        ),
        (
            Arg(
                "pip_size",
                "Optional: the pip for the points (default the pair's: 0.01 on JPY, HUF, ISK "
                "pairs, else 0.0001)",
                cells_only,
            ),
            HOLIDAYS("Optional: more holiday dates, on top of the currencies' calendars"),
            CALENDARS,
            HEADERS("Optional: TRUE puts a header row on top: value_date, days, outright, points"),
        ),
        body=fx_forward_strip,
    ),
    ExcelFunction(
        "FX_FORWARD",
        _GROUP,
        """Outright forward by covered interest parity: S*(1+r_quote*t)/(1+r_base*t). AUD/JPY 100,
        AUD 4.5%, JPY 0.1%, 0.5y: 97.8484.""",
        (SPOT, RATE_BASE, RATE_QUOTE, _YEARS_BASE),
        (YEARS_QUOTE,),
        kernel=forwards.forward_outright,
    ),
    ExcelFunction(
        "FX_POINTS",
        _GROUP,
        """Forward points (F - S) * scale; scale 100 for JPY-quoted pairs, else 10,000. AUD/JPY 100,
        4.5% vs 0.1%, 0.5y: -215.16.""",
        (SPOT, RATE_BASE, RATE_QUOTE, _YEARS_BASE),
        (PAIR_FOR_POINTS, YEARS_QUOTE),
        kernel=forwards.forward_points,
    ),
    ExcelFunction(
        "FX_FORWARD_FROM_POINTS",
        _GROUP,
        """Outright forward from points: S + points/scale (scale 100 for JPY-quoted pairs, else
        10,000). AUD/JPY 100 and -215.16 points: 97.8484.""",
        (SPOT, POINTS),
        (PAIR_FOR_POINTS,),
        kernel=forwards.forward_from_points,
    ),
    ExcelFunction(
        "FX_IMPLIED_DIFF",
        _GROUP,
        """Rate differential r_quote - r_base implied by a forward: exact, or "simple" (F/S-1)/t.
        AUD/JPY 100, fwd 97.8484, AUD 4.5%, 0.5y: -4.4%.""",
        (SPOT, FORWARD, RATE_BASE(RATE_BASE.help + " (the exact method needs it)"), _YEARS_BASE),
        (YEARS_QUOTE, METHOD),
        kernel=_implied_diff,
    ),
    ExcelFunction(
        "FX_IMPLIED_RATE",
        _GROUP,
        """The quote currency's simple rate implied by a forward: ((F/S)(1+r_base*t)-1)/t. AUD/JPY
        100, fwd 97.8484, AUD 4.5%, 0.5y: JPY 0.1%.""",
        (SPOT, FORWARD, RATE_BASE, _YEARS_BASE),
        (YEARS_QUOTE,),
        kernel=forwards.implied_quote_rate,
    ),
)
