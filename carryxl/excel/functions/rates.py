"""Central-bank policy rates in a sheet: BIS levels from carryxl's data folder."""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core import dates
from carryxl.core.conventions import Currency
from carryxl.core.errors import CarryxlError
from carryxl.excel import cells
from carryxl.excel.arguments import cells_only
from carryxl.excel.declare import Arg, ExcelFunction
from carryxl.history.policy import LEVEL, STALE, PolicyRates, stale_note
from carryxl.history.store import as_of_words, policy_rates

__all__ = ["FUNCTIONS", "policy_rate", "policy_rate_as_of"]

_GROUP = "policy rates (BIS)"


def policy_rate(ccy: Any, on_date: Any) -> Any:
    """POLICY_RATE."""
    data = policy_rates("POLICY_RATE")
    days = cells.dates("on_date", on_date)
    codes = cells.choice("ccy", lambda cell: _code_cell(data, cell), ccy)
    grid = cells.evaluate(_policy_rate_or_nan, days, codes)
    return cells.to_excel(_policy_refusals(grid, days, codes))


def policy_rate_as_of(in_words: Any = None) -> Any:
    """POLICY_RATE_AS_OF."""
    as_of = policy_rates("POLICY_RATE_AS_OF").as_of
    if cells.setting_value(cells.flag("in_words", in_words)):
        return as_of_words(as_of)
    return float(dates.to_excel_serial(as_of))


def _code_cell(data: PolicyRates, cell: Any) -> Currency:
    """A currency cell the policy-rate data has: its code."""
    if not isinstance(cell, str) or cell.strip().upper() in cells.EXCEL_ERRORS:
        raise CarryxlError("ccy", cell, "must be a currency code such as JPY")
    code = cells.currency_of("ccy", cell)
    data.get(code, "ccy")
    return code


def _policy_rate_or_nan(on_date: Any, ccy: Currency) -> Any:
    """The published level on each date; NaN where it is refused (gap, before, stale)."""
    rates, status = policy_rates().read(ccy, on_date)
    return np.where(status == LEVEL, rates, np.nan)


def _policy_refusals(grid: Any, days: cells.Input, codes: cells.Input) -> Any:
    """``grid`` with each NaN as the reason for that currency and date."""
    missing = np.array([isinstance(v, float) and np.isnan(v) for v in grid.flat], dtype=bool)
    if not missing.any():
        return grid
    data = policy_rates()
    marked = grid.astype(object)
    on = np.broadcast_to(days.values, grid.shape).reshape(-1)
    code = np.broadcast_to(codes.values, grid.shape).reshape(-1)
    for index in np.flatnonzero(missing).tolist():
        day, currency = on[index], code[index]
        level, status = data.read(currency, day)
        if int(status) == STALE:
            end = data.series[currency].end
            rule = (
                f"is after the BIS data's last date ({stale_note(end)}: "
                f"{float(level):.4%}; carryxl data update)"
            )
        else:
            rule = data.refusal(currency, day, int(status))
        where = cells.Described(f"{currency} on {day}")
        marked.flat[index] = cells.message(CarryxlError("on_date", where, rule))
    return marked


FUNCTIONS = (
    ExcelFunction(
        "POLICY_RATE",
        _GROUP,
        """Central-bank policy rate (decimal: 0.0525 = 5.25%) in force on a date. Source: BIS,
        Central bank policy rates (WS_CBPOL), via carryxl data update or import. A day with no
        published level, or after the data's last date (stale), gets a message.""",
        (
            Arg("ccy", "A currency code such as JPY, or a column of them", cells_only),
            Arg("on_date", "A date or a column of dates (Excel dates)", cells_only),
        ),
        body=policy_rate,
    ),
    ExcelFunction(
        "POLICY_RATE_AS_OF",
        _GROUP,
        """The last date the BIS policy-rate data covers (an Excel date), for POLICY_RATE's
        date; in_words TRUE: in words, saying where it is only the last change (change
        points imported without --through). With no data yet, says how to get it.""",
        (),
        (
            Arg(
                "in_words",
                "Optional: TRUE for the as-of date in words (what it is, where the data's end "
                "is unknown)",
                cells_only,
            ),
        ),
        body=policy_rate_as_of,
    ),
)
