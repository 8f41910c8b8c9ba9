"""Indicators on a column of spots: moving averages, RSI, MACD."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.errors import CarryxlError
from carryxl.excel import cells
from carryxl.excel.arguments import cells_only
from carryxl.excel.declare import Arg, ExcelFunction
from carryxl.excel.functions.history import one_window, renamed
from carryxl.history import indicators

__all__ = ["FUNCTIONS"]

_GROUP = "indicators"
_VALUES = Arg(
    "values", "A column of spots, oldest first (e.g. FX_HISTORY's second column)", cells_only
)


@dataclass(frozen=True)
class _Series:
    """A range of spots read for an indicator: one series per column, oldest first."""

    values: np.ndarray[Any, np.dtype[np.float64]]
    rows: int  # rows in the range (trailing empty rows included)
    across: bool  # the range was one row: the answer is a row too


def _series(value: Any) -> _Series:
    """Read ``values``: numbers down a column (or along one row). Empty rows at the end are
    room for new data (their answers are empty); any other cell that is not a number is a
    message for the whole call naming its row."""
    item = cells.numbers("values", value)
    grid, problems = item.values, item.problems
    blank = item.blank
    across = grid.shape[0] == 1 and grid.shape[1] > 1
    if across:
        grid = grid.T
        problems = None if problems is None else problems.T
        blank = None if blank is None else blank.T
    rows = grid.shape[0]
    used = rows
    if blank is not None:
        filled = np.flatnonzero(~blank.all(axis=1))
        used = int(filled[-1]) + 1 if filled.size else 0
    if used == 0:
        raise CarryxlError("values", None, "must be a series of at least one number")
    if problems is not None and (problems[:used] != None).any():  # noqa: E711 - elementwise
        row, column = np.argwhere(problems[:used] != None)[0]  # noqa: E711
        where = f"{'column' if across else 'row'} {row + 1}"
        raise cells.WholeCall(f"{problems[row, column]} in {where} of values"[:255])
    return _Series(grid[:used], rows, across)


def _series_answer(spots: _Series, *columns: Any) -> Any:
    """Indicator columns back in the range's shape: NaN (warm-up) and trailing rows empty."""
    stacked = np.column_stack([np.asarray(c, dtype=np.float64) for c in columns])
    grid: np.ndarray[Any, np.dtype[np.object_]] = np.full(
        (spots.rows, stacked.shape[1]), "", dtype=object
    )
    grid[: stacked.shape[0]] = cells.label_missing(stacked, "")
    return cells.to_excel(grid.T if spots.across else grid)


def _fx_sma(values: Any, window: Any) -> Any:
    """FX_SMA."""
    spots = _series(values)
    return _series_answer(spots, indicators.sma(spots.values, _required_window(window)))


def _required_window(value: Any) -> Any:
    size = one_window("window", value, None)
    if size is None:
        raise CarryxlError("window", None, "must be a whole number of days >= 1")
    return size


def _fx_ema(values: Any, window: Any) -> Any:
    """FX_EMA."""
    spots = _series(values)
    try:
        average = indicators.ema(spots.values, _required_window(window))
    except CarryxlError as error:
        raise renamed(error, {"span": "window"}) from None
    return _series_answer(spots, average)


def _fx_rsi(values: Any, window: Any = None) -> Any:
    """FX_RSI."""
    spots = _series(values)
    size = one_window("window", window, 14.0)
    return _series_answer(spots, indicators.rsi(spots.values, size))


def _fx_macd(
    values: Any, fast: Any = None, slow: Any = None, signal: Any = None, headers: Any = None
) -> Any:
    """FX_MACD."""
    spots = _series(values)
    if spots.values.shape[1] != 1:
        raise CarryxlError(
            "values",
            cells.Described(f"{spots.values.shape[1]} columns"),
            "must be one column (or one row) of spots",
        )
    result = indicators.macd(
        spots.values[:, 0],
        one_window("fast", fast, 12.0),
        one_window("slow", slow, 26.0),
        one_window("signal", signal, 9.0),
    )
    answer = _series_answer(
        _Series(spots.values, spots.rows, False), result.line, result.signal, result.histogram
    )
    if not cells.setting_value(cells.flag("headers", headers)):
        return answer.T if spots.across else answer
    labelled = cells.with_header(("macd", "signal", "histogram"), np.asarray(answer, dtype=object))
    return cells.to_excel(labelled.T if spots.across else labelled)


FUNCTIONS = (
    ExcelFunction(
        "FX_SMA",
        _GROUP,
        """Simple moving average: the mean of the last window values, one per row; the first
        window-1 rows are empty (warm-up). SMA(2) of 1, 2, 3, 4: empty, 1.5, 2.5, 3.5.""",
        (_VALUES, Arg("window", "Number of values averaged, e.g. 50", cells_only)),
        body=_fx_sma,
    ),
    ExcelFunction(
        "FX_EMA",
        _GROUP,
        """Exponential moving average, alpha = 2/(window+1), seeded with the first value (pandas
        ewm(span, adjust=False)); no warm-up rows. EMA(3) of 1, 2, 3: 1, 1.5, 2.25.""",
        (_VALUES, Arg("window", "The span n: alpha = 2/(n+1), e.g. 20", cells_only)),
        body=_fx_ema,
    ),
    ExcelFunction(
        "FX_RSI",
        _GROUP,
        """Wilder's relative strength index (0-100) over window changes (default 14): 100 -
        100/(1+avg gain/avg loss). The first window rows are empty (warm-up).""",
        (_VALUES,),
        (Arg("window", "Optional: number of changes averaged (Wilder), default 14", cells_only),),
        body=_fx_rsi,
    ),
    ExcelFunction(
        "FX_MACD",
        _GROUP,
        """MACD: three columns, line = EMA(fast) - EMA(slow), signal = EMA of the line, histogram =
        line - signal; defaults 12, 26, 9; EMAs seeded with the first value (no warm-up rows).""",
        (_VALUES("A column of spots, oldest first (one series)"),),
        (
            Arg("fast", "Optional: the fast EMA's span, default 12", cells_only),
            Arg("slow", "Optional: the slow EMA's span, default 26", cells_only),
            Arg("signal", "Optional: the signal EMA's span, default 9", cells_only),
            Arg(
                "headers",
                "Optional: TRUE puts a header row (macd, signal, histogram) on top",
                cells_only,
            ),
        ),
        body=_fx_macd,
    ),
)
