"""ECB reference rates in a sheet: spots, history tables, volatility, correlation."""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core import dates
from carryxl.core.conventions import Pair
from carryxl.core.errors import CarryxlError
from carryxl.excel import cells
from carryxl.excel.arguments import cells_only
from carryxl.excel.declare import Arg, ExcelFunction
from carryxl.history import series
from carryxl.history.ecb import ecb_history

__all__ = ["FUNCTIONS", "one_window", "renamed"]

_GROUP = "history (ECB reference rates)"

_PAIR_HISTORY_HELP = "A currency pair, e.g. AUD/JPY (any two ECB currencies: a cross via EUR)"
_START_HELP = "First date (an Excel date or text such as 2008-07-01), within the data"
_END_HELP = "Last date (an Excel date), on or after start, within the data"


def _pair_in_data(name: str) -> Any:
    """Parse a pair cell and check that the ECB data can price it: its label, e.g. AUD/JPY."""

    def parse(cell: Any) -> Pair:
        if not isinstance(cell, str) or cell.strip().upper() in cells.EXCEL_ERRORS:
            raise CarryxlError(name, cell, "must be a currency pair such as AUD/JPY")
        pair = cells.pair_of(name, cell.strip())
        ecb_history().quote(pair, name)
        return pair

    return parse


def _one_pair(name: str, value: Any) -> Pair:
    item = cells.choice(name, _pair_in_data(name), value)
    cells.single(item)
    pair: Pair = cells.setting_value(item)
    return pair


def _one_date(name: str, value: Any) -> np.datetime64:
    """A single-cell date argument; an unreadable cell is the whole call's message."""
    item = cells.dates(name, value)
    cells.single(item)
    if item.problems is not None:
        raise cells.WholeCall(item.problems.flat[0])
    day: np.datetime64 = item.values.flat[0]
    return day


def one_window(name: str, value: Any, default: float | None) -> Any:
    """A single-cell number of days, or the default (None: not given). The core checks that
    it is a whole number in range and words the rule."""
    item = cells.single(cells.optional_numbers(name, value))
    if item is None:
        return default
    if item.problems is not None:
        raise cells.WholeCall(item.problems.flat[0])
    days = float(item.values.flat[0])
    return int(days) if days.is_integer() else days


def renamed(error: CarryxlError, names: dict[str, str]) -> CarryxlError:
    """The core's error under the argument name the Excel user sees (span -> window)."""
    return CarryxlError(names.get(error.argument, error.argument), error.value, error.rule)


_DATE_NAMES = {"start": "start_date", "end": "end_date"}


def _spots(pair: Any, start_date: Any, end_date: Any) -> series.SpotSeries:
    """The pair's fixings from start_date to end_date (single cells), as the core reads them."""
    code = _one_pair("pair", pair)
    first, last = _one_date("start_date", start_date), _one_date("end_date", end_date)
    try:
        return series.spot_series(code, first, last)
    except CarryxlError as error:
        raise renamed(error, _DATE_NAMES) from None


def _fx_spot(pair: Any, on_date: Any) -> Any:
    """FX_SPOT."""
    days = cells.dates("on_date", on_date)
    pairs = cells.choice("pair", _pair_in_data("pair"), pair)
    grid = cells.evaluate(_spot_inside_the_data, days, pairs)
    return cells.to_excel(_outside_the_data(grid, days, pairs))


def _covered(pair: Pair) -> tuple[np.datetime64, np.datetime64]:
    """First and last date on which the ECB data has the pair."""
    history = ecb_history()
    quote = history.quote(pair)
    return history.dates[quote.first], history.dates[quote.last]


def _spot_inside_the_data(on_date: Any, pair: Pair) -> Any:
    """The core's spot on each date inside the pair's data, NaN outside it.

    Dates outside are common (a whole column a year too late): marking them here, rather
    than letting the core raise and the rows be searched, keeps such a column fast.
    """
    first, last = _covered(pair)
    days = np.asarray(on_date)
    inside = (days >= first) & (days <= last)
    try:  # a date in a hole of the pair's fixings (ISK 2008-2018) is the core's error
        if inside.all():
            return series.spot_on(pair, days)
        spots = np.full(days.shape, np.nan)
        spots[inside] = series.spot_on(pair, days[inside])
    except CarryxlError as error:
        raise renamed(error, {"date": "on_date"}) from None
    return spots


def _outside_the_data(grid: Any, days: cells.Input, pairs: cells.Input) -> Any:
    """``grid`` with each NaN (a date outside the pair's data) as the core's message."""
    missing = np.array([isinstance(v, float) and np.isnan(v) for v in grid.flat], dtype=bool)
    if not missing.any():
        return grid
    marked = grid.astype(object)
    on = np.broadcast_to(days.values, grid.shape).reshape(-1)
    code = np.broadcast_to(pairs.values, grid.shape).reshape(-1)
    rules: dict[Pair, str] = {}
    for index in np.flatnonzero(missing).tolist():
        day, pair = on[index], code[index]
        if pair not in rules:  # the core's own words, once per pair
            rules[pair] = _outside_rule(pair, day)
        marked.flat[index] = cells.message(CarryxlError("on_date", str(day), rules[pair]))
    return marked


def _outside_rule(pair: Pair, day: np.datetime64) -> str:
    """What the core says of a date outside the pair's data (naming the range covered)."""
    try:
        series.spot_on(pair, day)
    except CarryxlError as error:
        return error.rule
    return "is outside the data"  # not reached: the day is outside the data


def _fx_history(pair: Any, start_date: Any, end_date: Any, headers: Any = None) -> Any:
    """FX_HISTORY."""
    table = _spots(pair, start_date, end_date)
    grid = np.column_stack([dates.to_excel_serial(table.dates), table.values]).astype(object)
    if cells.setting_value(cells.flag("headers", headers, default=True)):
        grid = cells.with_header(("date", str(table.pair)), grid)
    return cells.to_excel(grid)


def _fx_vol(pair: Any, start_date: Any, end_date: Any, window: Any = None) -> Any:
    """FX_VOL."""
    table = _spots(pair, start_date, end_date)
    size = one_window("window", window, None)
    if size is None and table.values.size < 3:
        raise CarryxlError(
            "end_date",
            cells.Described(f"{table.values.size} fixings from start_date to end_date"),
            "must leave at least 3 fixings after start_date",
        )
    volatility = series.realised_volatility(table.values, size)
    if size is None:
        return float(volatility)
    return cells.to_excel(cells.label_missing(volatility.reshape(-1, 1), ""))


def _fx_correl(pair1: Any, pair2: Any, start_date: Any, end_date: Any) -> Any:
    """FX_CORREL."""
    first, last = _one_date("start_date", start_date), _one_date("end_date", end_date)

    def kernel(pair1: Pair, pair2: Pair) -> float:
        try:
            matrix = series.correlation_matrix([pair1, pair2], first, last)[1]
        except CarryxlError as error:
            raise renamed(error, _DATE_NAMES) from None
        return float(matrix[0, 1])

    grid = cells.evaluate(
        kernel,
        cells.choice("pair1", _pair_in_data("pair1"), pair1),
        cells.choice("pair2", _pair_in_data("pair2"), pair2),
    )
    return cells.to_excel(grid)


_PAIR = Arg("pair", _PAIR_HISTORY_HELP, cells_only)
_START_DATE = Arg("start_date", _START_HELP, cells_only)
_END_DATE = Arg("end_date", _END_HELP, cells_only)

FUNCTIONS = (
    ExcelFunction(
        "FX_SPOT",
        _GROUP,
        """ECB reference spot of a pair on a date (cross via EUR: AUD/JPY = JPY per EUR / AUD per
        EUR). A weekend or holiday takes the last fixing before it. AUD/JPY on 2008-10-24:
        57.2515.""",
        (
            _PAIR,
            Arg(
                "on_date",
                "A date or a column of dates (Excel dates); a non-fixing day: last rate",
                cells_only,
            ),
        ),
        body=_fx_spot,
    ),
    ExcelFunction(
        "FX_HISTORY",
        _GROUP,
        """Table of a pair's ECB fixings from start to end: dates (Excel date numbers: format the
        column as dates) and spots, one row per fixing, under a header row. Spills down the
        sheet.""",
        (_PAIR, _START_DATE, _END_DATE),
        (
            Arg(
                "headers",
                "Optional: FALSE leaves out the header row (date, pair); default TRUE",
                cells_only,
            ),
        ),
        body=_fx_history,
    ),
    ExcelFunction(
        "FX_VOL",
        _GROUP,
        """Annualised realised volatility of a pair's ECB fixings: sample stdev of daily log returns
        * sqrt(252). With a window: a rolling column, one row per fixing, empty until window
        returns exist.""",
        (_PAIR, _START_DATE, _END_DATE),
        (
            Arg(
                "window",
                "Optional: a rolling window in fixings (>= 2): one value per fixing, as FX_HISTORY",
                cells_only,
            ),
        ),
        body=_fx_vol,
    ),
    ExcelFunction(
        "FX_CORREL",
        _GROUP,
        """Correlation of two pairs' daily log returns on the ECB dates both have, start to end. A
        column of pairs and a row of pairs give the correlation matrix. EUR/USD vs USD/EUR: -1.""",
        (
            Arg("pair1", "A pair or a column of pairs, e.g. AUD/JPY", cells_only),
            Arg(
                "pair2",
                "A pair or a row of pairs, e.g. NZD/JPY (a column with a row: a matrix)",
                cells_only,
            ),
            _START_DATE,
            _END_DATE,
        ),
        body=_fx_correl,
    ),
)
