"""Statistics of an equity curve: returns, volatility, Sharpe, drawdowns, worst month.

- total return = E_last / E_start - 1 (E_start: the account before the first date's
  costs); annualised = (1 + total)^(1/years) - 1 with years = ACT/365F from the first to
  the last date. **No annualised figure over negative equity**: once the equity is at or
  below zero (the account wiped out) it is NaN, and ``wiped_out_date`` says when.
- daily returns r_i = E_i / E_(i-1) - 1 for the n - 1 steps between the window's n dates
  (no return is made up for the first date), over positive equity only;
  volatility = stdev(r) * sqrt(252) (sample, n - 2 degrees of freedom);
  Sharpe = mean(r) / stdev(r) * sqrt(252), risk-free 0 (the funding cost is already in
  the equity: a carry trade is financed).
- drawdown_i = 1 - E_i / max(E_0..E_i); max drawdown is its largest value.
- worst month: the lowest calendar-month return, month-end equity over the previous
  month-end (the first month over the starting equity).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.dates import DateArray, as_dates, year_fraction
from carryxl.core.defaults import TRADING_DAYS
from carryxl.core.errors import CarryxlError
from carryxl.core.validate import FloatArray, finite

__all__ = [
    "AccountCurve",
    "PerformanceStats",
    "PnlParts",
    "account_curve",
    "drawdown",
    "max_drawdown",
    "monthly_returns",
    "performance_stats",
]


def drawdown(equity: Any) -> FloatArray:
    """Fall from the running peak as a fraction: 1 - E_i / max(E_0..E_i) (0 at a new peak).

    Example: equity 100, 120, 90, 130 -> drawdown 0, 0, 0.25, 0.
    """
    e = finite("equity", equity)
    peak = np.maximum.accumulate(e, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        result: FloatArray = np.where(peak > 0, 1.0 - e / peak, np.nan)
    return result


def max_drawdown(equity: Any) -> tuple[float, float, int, int]:
    """The largest fall from a peak: (fraction, amount, peak row, trough row).

    Example: equity 100, 120, 90, 130 -> (0.25, 30.0, 1, 2).
    """
    e = finite("equity", equity)
    if e.ndim != 1 or e.size == 0:
        raise CarryxlError("equity", np.shape(e), "must be one non-empty column")
    dd = drawdown(e)
    trough = int(np.nanargmax(dd)) if np.isfinite(dd).any() else 0
    peak = int(np.argmax(e[: trough + 1]))
    return float(np.nan_to_num(dd[trough])), float(e[peak] - e[trough]), peak, trough


def monthly_returns(dates: Any, equity: Any) -> tuple[list[str], FloatArray]:
    """Calendar months (``"2008-10"``) and each month's return of the equity."""
    days = as_dates("dates", dates)
    e = finite("equity", equity)
    months = days.astype("datetime64[M]")
    last = np.flatnonzero(np.append(months[1:] != months[:-1], True))
    ends = np.concatenate(([e[0]], e[last]))
    with np.errstate(divide="ignore", invalid="ignore"):
        returns: FloatArray = ends[1:] / ends[:-1] - 1.0
    return [str(m) for m in months[last]], returns


@dataclass(frozen=True)
class PerformanceStats:
    """Summary of an equity curve; amounts in the curve's currency, returns as decimals."""

    start_equity: float
    end_equity: float
    start_date: str
    end_date: str  # the last date the statistics cover (the account's last, if it ended)
    wiped_out_date: str | None  # first date with equity <= 0; annualised is then NaN
    years: float
    total_return: float
    annualised_return: float
    volatility: float
    sharpe: float
    max_drawdown: float
    max_drawdown_amount: float
    max_drawdown_peak: str
    max_drawdown_trough: str
    worst_month: str
    worst_month_return: float
    carry: float
    fx: float
    cross: float
    costs: float

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON or a spilled table."""
        return dict(self.__dict__)


def _daily_returns(curve: FloatArray) -> FloatArray:
    """E_i / E_(i-1) - 1 for the n - 1 steps of the curve, where E_(i-1) > 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        steps = curve[1:] / curve[:-1] - 1.0
    daily: FloatArray = steps[(curve[:-1] > 0) & np.isfinite(steps)]
    return daily


def _annualised(total: float, years: float, wiped_out: bool) -> float:
    """(1 + total)^(1/years) - 1; NaN over no time or once the account is wiped out."""
    if years <= 0 or wiped_out:
        return float("nan")
    with np.errstate(over="ignore"):  # a huge gain over a few days annualises to inf
        return float(np.power(1.0 + total, 1.0 / years)) - 1.0


def _volatility_sharpe(daily: FloatArray, periods_per_year: float) -> tuple[float, float]:
    """stdev(r) * sqrt(periods) (sample) and mean(r) / stdev(r) * sqrt(periods)."""
    sd = float(np.std(daily, ddof=1)) if daily.size > 1 else float("nan")
    scale = float(np.sqrt(periods_per_year))
    sharpe = float(np.mean(daily)) / sd * scale if sd > 0 else float("nan")
    return sd * scale, sharpe


def _last(value: Any) -> float:
    return float(np.asarray(value, dtype=np.float64)[-1])


def performance_stats(
    dates: Any,
    equity: Any,
    carry: Any,
    fx: Any,
    cross: Any,
    costs: Any,
    periods_per_year: float = TRADING_DAYS,
    start_equity: float | None = None,
) -> PerformanceStats:
    """The statistics of the module notes; carry/fx/cross/costs are cumulative amounts.

    ``start_equity`` is the account before the first date's costs (default: E_0); it is the
    base of the total return and of the first month (not a daily return: the n dates give
    n - 1 daily returns).
    """
    days = as_dates("dates", dates)
    curve = finite("equity", equity)
    if curve.size < 2:
        raise CarryxlError("equity", curve.size, "needs at least two dates")
    daily = _daily_returns(curve)
    days = np.concatenate((days[:1], days))
    e = np.concatenate(([curve[0] if start_equity is None else start_equity], curve))
    years = float(year_fraction(days[0], days[-1], "ACT/365F"))
    total = float(e[-1] / e[0] - 1.0)
    gone = np.flatnonzero(curve <= 0.0)
    volatility, sharpe = _volatility_sharpe(daily, periods_per_year)
    dd, amount, peak, trough = max_drawdown(e)
    months, monthly = monthly_returns(days, e)
    worst = int(np.nanargmin(monthly)) if np.isfinite(monthly).any() else 0
    return PerformanceStats(
        start_equity=float(e[0]),
        end_equity=float(e[-1]),
        start_date=str(days[0]),
        end_date=str(days[-1]),
        wiped_out_date=str(days[1 + int(gone[0])]) if gone.size else None,
        years=years,
        total_return=total,
        annualised_return=_annualised(total, years, wiped_out=bool(gone.size)),
        volatility=volatility,
        sharpe=sharpe,
        max_drawdown=dd,
        max_drawdown_amount=amount,
        max_drawdown_peak=str(days[peak]),
        max_drawdown_trough=str(days[trough]),
        worst_month=months[worst],
        worst_month_return=float(monthly[worst]),
        carry=_last(carry),
        fx=_last(fx),
        cross=_last(cross),
        costs=_last(costs),
    )


@dataclass(frozen=True)
class PnlParts:
    """An account's cumulative P&L per date by source, in the account's currency."""

    carry: FloatArray
    fx: FloatArray
    cross: FloatArray
    costs: FloatArray

    @property
    def pnl(self) -> FloatArray:
        """carry + fx + cross - costs."""
        total: FloatArray = self.carry + self.fx + self.cross - self.costs
        return total


@dataclass(frozen=True)
class AccountCurve:
    """An account's P&L and equity per date, its statistics and its margin-call day."""

    pnl: FloatArray
    equity: FloatArray
    stats: PerformanceStats
    margin_call_date: str | None


def account_curve(
    dates: DateArray,
    parts: PnlParts,
    *,
    margin: float,
    leverage: float,
    margin_call: float,
    life: int,
    periods_per_year: float = TRADING_DAYS,
) -> AccountCurve:
    """The account rules a backtest and a basket share: equity = ``margin`` (posted) +
    P&L; the statistics over the account's ``life`` (its first dates, to the day it
    stopped trading) from the margin posted; the margin-call day, the first date with
    equity < ``margin_call`` x margin, for a leveraged account only (no broker margin at
    ``leverage`` 1)."""
    pnl = parts.pnl
    equity = margin + pnl
    alive = slice(0, life)
    stats = performance_stats(
        dates[alive],
        equity[alive],
        parts.carry[alive],
        parts.fx[alive],
        parts.cross[alive],
        parts.costs[alive],
        periods_per_year,
        margin,
    )
    called = np.flatnonzero(equity < margin_call * margin) if leverage > 1.0 else np.empty(0, int)
    return AccountCurve(pnl, equity, stats, str(dates[called[0]]) if called.size else None)
