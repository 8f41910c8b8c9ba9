"""Daily backtest of a carry position: accrual, stop-loss, trend filter, costs, margin.

The trade (as in :func:`carryxl.core.carry.carry_pnl`): borrow ``notional`` N of the
funding currency, convert at the entry spot, hold the target currency, and mark to market
at each fixing. Interest is **simple and accrues night by night**: each calendar night n
(from day n to day n + 1) a leg earns rate(n) * [Y(n + 1) - Y(n)], with rate(n) the rate
in force on day n and Y the year fraction from the first date under the leg's day count
(``default_day_count``: AUD ACT/365F, USD ACT/360, ...; 1/360 or 1/365 a night). A
Friday-to-Monday step accrues three nights, and a rate change on a day with no fixing (a
Saturday, a holiday) counts from that night. With A_t and A_f the interest accrued per
unit since entry and X the target's price in funding units, the open trade is worth

    P&L = N * [(X / X_entry) * (1 + A_t) - (1 + A_f)]        (in the funding currency)

which is ``carry_pnl`` with the accrued interest in place of rate * years, and split the
same way into carry N(A_t - A_f), spot N(X/X_entry - 1) and cross N(X/X_entry - 1)A_t.

Account rules (documented, deliberately small):

- **Equity** = margin posted + realised and open P&L - costs; margin posted = N / leverage
  (leverage 1: the whole notional is the account). Cash between trades earns nothing.
- **Margin call** (``margin_call`` level, default ``MARGIN_CALL_LEVEL`` = 100%): for a
  leveraged position (leverage > 1), the first fixing where equity < level * N / leverage
  is reported (the broker asks for more margin; nothing is closed).
- **Stop-out** (``stop_out`` level, default ``STOP_OUT_LEVEL`` = 50%; ``None`` holds
  through): a leveraged position (leverage > 1) is closed at the first fixing where
  equity < level * N / leverage, filled at that fixing (a gap through the level can cost
  more than the margin). The same rule as :func:`carryxl.history.stress.stress_replay`.
  ``StopOut.level_spot`` is the spot at which equity would have been exactly the level
  that day.
- **Bust**: if equity reaches 0 the position is closed and the account stops trading
  (``close_on_bust``); a stop-out filled at equity <= 0 is a bust too (the account is
  wiped out). Without a trend filter a stopped-out account trades no more, and the
  statistics cover the life of the position (first date to the stop-out).
- **Stop-loss** (optional, e.g. 0.05): a trade is closed at the first fixing where its P&L
  is <= -5% of N.
- **Trend filter** (optional boolean per date): hold only on dates where it is True; a
  trade opens at the close of the first True date and closes at the close of the next
  False one. After a stop-loss or margin call, a new trade waits for the filter to turn
  from False to True again (without a filter: no new trade).
- **Costs**: ``cost`` * N at each opening and each closing (0.0002 = 2 bp a side; below
  100%); the position still open at the end is marked at the fixing without an exit cost.
- Fills are at the day's fixing (the ECB's 14:15 CET rate): no intraday path.
- **Rates are needed only while a position is open**: a night with no rate (a gap in the
  policy-rate data, or before a schedule starts) with no position open is not used; a
  trade open over one is refused in the schedule's words (a labelled ``--fill`` or rates by
  hand). A position stopped out in 2008 runs past the 2013-2016 yen gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.carry import carry_pnl, spot_ratio
from carryxl.core.conventions import Currency, DayCount, Orientation, Pair, default_day_count
from carryxl.core.dates import DateArray, as_dates, year_fraction
from carryxl.core.defaults import MARGIN_CALL_LEVEL, STOP_OUT_LEVEL, TRADING_DAYS
from carryxl.core.errors import CarryxlError
from carryxl.core.validate import FloatArray, non_negative, positive
from carryxl.history.data import RateHistory
from carryxl.history.indicators import ema, macd, rsi, sma
from carryxl.history.rates import Schedule, known_rates_on, rates_on
from carryxl.history.series import spot_series
from carryxl.history.stats import PerformanceStats, performance_stats

__all__ = [
    "Backtest",
    "LegAccrual",
    "StopOut",
    "Trade",
    "accrued_interest",
    "accrued_nightly",
    "backtest",
    "backtest_spots",
    "checked_cost",
    "checked_levels",
    "trend_signal",
]


def accrued_interest(
    dates: Any, rates: Any, day_count: DayCount | str, start_index: int = 0
) -> FloatArray:
    """Simple interest per unit accrued from ``dates[start_index]`` to each date.

    A_0 = 0; A_k = A_(k-1) + r_(k-1) * year_fraction(d_(k-1), d_k). ``rates[k]`` is the rate
    in force on ``dates[k]`` (a step schedule evaluated there). Example (ACT/360, 5%):
    Fri 2024-08-02 -> Mon 2024-08-05 accrues 0.05 * 3/360 = 0.000417.
    """
    days = as_dates("dates", dates)
    r = np.broadcast_to(np.asarray(rates, dtype=np.float64), days.shape)
    if days.ndim != 1:
        raise CarryxlError("dates", days.shape, "must be a single column of dates")
    steps = r[:-1] * year_fraction(days[:-1], days[1:], day_count)
    total = np.concatenate(([0.0], np.cumsum(steps)))
    result: FloatArray = total - total[start_index]
    return result


def _night_weights(days: DateArray, day_count: DayCount | str) -> tuple[DateArray, FloatArray]:
    """Each calendar night from ``days[0]`` to ``days[-1]`` and its year fraction."""
    if days.ndim != 1 or days.size == 0:
        raise CarryxlError("dates", days.shape, "must be a single column of dates")
    nights = np.arange(days[0], days[-1], dtype="datetime64[D]")
    marks = np.append(nights, days[-1])
    return nights, np.diff(year_fraction(days[0], marks, day_count))


def _at_fixings(days: DateArray, per_night: FloatArray) -> FloatArray:
    """The running sum of ``per_night`` from ``days[0]`` to each date."""
    total = np.concatenate(([0.0], np.cumsum(per_night)))
    result: FloatArray = total[(days - days[0]).astype(np.int64)]
    return result


def accrued_nightly(
    dates: Any,
    level: float | Schedule,
    currency: Currency,
    day_count: DayCount | str,
    argument: str = "rates",
) -> FloatArray:
    """Simple interest per unit accrued night by night from ``dates[0]`` to each date.

    A(d) = sum over the calendar nights n from dates[0] to d of rate(n) * [Y(n+1) - Y(n)],
    Y(x) = year_fraction(dates[0], x). ``rate(n)`` is ``level`` (a constant) or the
    schedule's rate in force on day n, so a change on a Saturday counts from Saturday
    night. With a constant rate r it is exactly r * year_fraction(dates[0], d).
    Example (ACT/360, 5% to Friday 2024-08-02, 6% from Saturday): Fri -> Mon accrues
    (0.05 + 0.06 + 0.06) / 360.
    """
    days = as_dates("dates", dates)
    nights, weights = _night_weights(days, day_count)
    return _at_fixings(days, rates_on(level, currency, nights, argument) * weights)


@dataclass(frozen=True)
class LegAccrual:
    """One leg's accrual (:func:`accrued_nightly`) over the whole window, the nights with no
    rate counted as 0 and counted in ``unknown`` (nights with no rate up to each fixing),
    so that a trade open over one can be refused and one that is not can run."""

    accrued: FloatArray
    unknown: np.ndarray[Any, np.dtype[np.int64]]
    level: float | Schedule
    currency: Currency
    argument: str

    @classmethod
    def of(
        cls,
        days: DateArray,
        currency: Currency,
        level: float | Schedule,
        day_count: DayCount | str | None = None,
        *,
        leg: str = "",
        argument: str = "",
    ) -> LegAccrual:
        """The leg under its (default) day count; errors name ``rate_{leg}`` and
        ``day_count_{leg}``, or ``argument`` when given."""
        convention = DayCount.parse(day_count or default_day_count(currency), f"day_count_{leg}")
        nights, weights = _night_weights(days, convention)
        name = argument or f"rate_{leg}"
        rates = known_rates_on(level, currency, nights, name)
        missing = np.isnan(rates)
        accrued = _at_fixings(days, np.where(missing, 0.0, rates) * weights)
        unknown = np.rint(_at_fixings(days, missing.astype(np.float64))).astype(np.int64)
        return cls(accrued, unknown, level, currency, name)

    def check_held(self, days: DateArray, entry: int, exit: int) -> None:
        """Refuse, in the schedule's words, a trade held over a night with no rate."""
        if self.unknown[exit] > self.unknown[entry]:
            nights = np.arange(days[entry], days[exit], dtype="datetime64[D]")
            try:
                rates_on(self.level, self.currency, nights, self.argument)
            except CarryxlError as error:
                rule = f"{error.rule} (a position is open from {days[entry]} to {days[exit]})"
                raise CarryxlError(error.argument, error.value, rule) from None


@dataclass(frozen=True)
class Trade:
    """One holding: entry and exit rows (exit = last row if still open) and why it closed."""

    entry: int
    exit: int
    reason: str  # "signal", "stop-loss", "stop-out", "bust" or "open"


@dataclass(frozen=True)
class StopOut:
    """The first time the broker closed the position (stop-out) or the account was wiped out.

    ``spot`` is the fixing the position was closed at (the fill); ``level_spot`` the spot at
    which equity would have been exactly ``level`` * margin that day (None for a bust at
    leverage 1, where no stop-out level applies). Amounts in the funding currency.
    """

    date: str
    row: int
    spot: float
    level: float | None
    level_spot: float | None
    pnl: float
    equity: float
    wiped_out: bool  # equity <= 0 at the fill

    @property
    def what(self) -> str:
        """``"wiped out"`` or ``"stopped out"``."""
        return "wiped out" if self.wiped_out else "stopped out"


@dataclass(frozen=True)
class Backtest:
    """A daily equity curve in the funding currency and what made it.

    ``pnl == carry + fx + cross - costs`` on every date (cumulative amounts), and
    ``equity == margin + pnl``.
    """

    pair: Pair
    funding: Currency
    dates: DateArray
    spots: FloatArray
    equity: FloatArray
    pnl: FloatArray
    carry: FloatArray
    fx: FloatArray
    cross: FloatArray
    costs: FloatArray
    holding: np.ndarray[Any, np.dtype[np.bool_]]
    trades: tuple[Trade, ...]
    margin: float
    notional: float
    stats: PerformanceStats
    margin_call_level: float = MARGIN_CALL_LEVEL
    margin_call_date: str | None = None  # first fixing with equity < level * margin
    stop_out_level: float | None = None  # None: no stop-out (leverage 1, or held through)
    stop: StopOut | None = None  # the first stop-out or wipe-out
    ended: str | None = None  # the date the account stopped trading (stats end there)


def trend_signal(
    spots: Any, rule: str, orientation: Orientation
) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Where a trend filter allows holding the target currency (False while warming up).

    Rules, on X (the target's price in funding units): ``sma:N`` X > SMA(N);
    ``ema:N`` X > EMA(N); ``macd`` MACD(12, 26, 9) line > signal; ``rsi:N`` RSI(N) > 50.
    """
    x = spot_ratio(1.0, spots, orientation)
    name, _, number = rule.strip().lower().partition(":")
    try:
        n = int(number) if number else None
    except ValueError:
        raise CarryxlError("trend", rule, "must be sma:N, ema:N, macd or rsi:N") from None
    with np.errstate(invalid="ignore"):
        if name == "sma" and n:
            return np.asarray(x > sma(x, n))
        if name == "ema" and n:
            level = ema(x, n)
            level[: n - 1] = np.nan  # an EMA needs about N values before it means anything
            return np.asarray(x > level)
        if name == "macd":
            m = macd(x)
            ready = np.arange(x.shape[0]) >= 33  # 26 for the slow EMA + 9 for the signal - 2
            return np.asarray((m.line > m.signal) & ready)
        if name == "rsi":
            return np.asarray(rsi(x, n or 14) > 50.0)
    raise CarryxlError("trend", rule, "must be sma:N, ema:N, macd or rsi:N")


def _first(mask: np.ndarray[Any, np.dtype[np.bool_]]) -> int | None:
    hits = np.flatnonzero(mask)
    return int(hits[0]) if hits.size else None


@dataclass
class _Limits:
    """Where a trade is cut short: bust, margin call, stop-loss (first one wins)."""

    notional: float
    margin: float
    stop_out: float | None
    stop: float | None
    close_on_bust: bool

    def first_breach(self, value: FloatArray, banked: float) -> tuple[int | None, str]:
        """Offset from entry of the first fixing that breaks a limit, and which one.

        A close at equity <= 0 is a ``"bust"`` whichever rule triggered it.
        """
        equity = self.margin + banked + value * self.notional
        hits: list[tuple[str, np.ndarray[Any, np.dtype[np.bool_]]]] = []
        if self.stop_out is not None:
            hits.append(("stop-out", equity < self.stop_out * self.margin))
        if self.close_on_bust:
            hits.append(("bust", equity <= 0.0))
        if self.stop is not None:
            hits.append(("stop-loss", value <= -self.stop))
        best: tuple[int | None, str] = (None, "")
        for name, mask in hits:
            row = _first(mask[1:])  # the entry fixing itself cannot breach
            if row is not None and (best[0] is None or row + 1 < best[0]):
                best = (row + 1, name)
        if best[0] is not None and best[1] != "stop-loss" and equity[best[0]] <= 0.0:
            best = (best[0], "bust")
        return best

    def level_spot(self, entry_spot: float, orientation: Orientation, row: _Row) -> float:
        """The spot at which equity = stop-out level * margin with the row's accruals."""
        level = 0.0 if self.stop_out is None else self.stop_out
        # margin + banked + N[(X/X0)(1 + A_t) - (1 + A_f)] = level * margin, for X/X0:
        ratio = ((level - 1.0) * self.margin - row.banked) / self.notional + 1.0 + row.d_f
        ratio /= 1.0 + row.d_t
        if ratio <= 0:
            return float("nan")
        if orientation is Orientation.TARGET_FUNDING:
            return entry_spot * ratio
        return entry_spot / ratio


@dataclass(frozen=True)
class _Row:
    """What a trade had accrued and banked on one fixing (for the stop-out level's spot)."""

    d_t: float
    d_f: float
    banked: float
    realised: float = 0.0  # the book's realised P&L less costs after the trade closed


class _Book:
    """Cumulative carry, spot, cross and costs per date, trade after trade."""

    def __init__(self, size: int) -> None:
        self.carry = np.zeros(size)
        self.fx = np.zeros(size)
        self.cross = np.zeros(size)
        self.costs = np.zeros(size)
        self.holding = np.zeros(size, dtype=bool)
        self.trades: list[Trade] = []
        self.banked = 0.0  # realised P&L less costs so far

    def add(
        self,
        a: int,
        end: int,
        ratio: FloatArray,
        d_t: FloatArray,
        d_f: FloatArray,
        notional: float,
        fee: float,
        closed: bool,
    ) -> None:
        k = end - a + 1
        for part, path in (
            (self.carry, d_t[:k] - d_f[:k]),
            (self.fx, ratio[:k] - 1.0),
            (self.cross, (ratio[:k] - 1.0) * d_t[:k]),
        ):
            part[a : end + 1] += notional * path
            part[end + 1 :] += notional * path[-1]  # realised: stays at its exit value
        self.costs[a:] += fee * notional
        if closed:
            self.costs[end:] += fee * notional
        self.holding[a + 1 : end + 1] = True
        self.banked = float(self.carry[end] + self.fx[end] + self.cross[end] - self.costs[end])


def checked_cost(cost: Any) -> float:
    """A cost a side as a fraction of the notional: >= 0 and below 1 (100%)."""
    fee = float(non_negative("cost", cost))
    if fee >= 1.0:
        raise CarryxlError("cost", cost, "must be below 100% of the notional a side (2bp: 0.0002)")
    return fee


def checked_levels(margin_call: Any, stop_out: Any) -> tuple[float, float | None]:
    """The margin-call level (> 0) and the stop-out level (> 0, or None: held through)."""
    call = float(positive("margin_call", margin_call))
    out = None if stop_out is None else float(positive("stop_out", stop_out))
    return call, out


def _signal(signal: Any, days: DateArray) -> np.ndarray[Any, np.dtype[np.bool_]]:
    flags = np.asarray(signal, dtype=bool)
    if flags.shape != days.shape:
        raise CarryxlError("signal", flags.shape, f"must be one flag per date ({days.size})")
    return flags


def _stop_loss(stop_loss: Any) -> float | None:
    """The stop-loss as a fraction of the notional, below 1 (or None)."""
    stop = None if stop_loss is None else float(positive("stop_loss", stop_loss))
    if stop is not None and stop >= 1.0:
        raise CarryxlError("stop_loss", stop_loss, "must be a fraction below 1 (0.05 for 5%)")
    return stop


def _fixings(dates: Any, spots: Any) -> tuple[DateArray, FloatArray]:
    """Dates (strictly increasing, at least two) and one spot > 0 for each."""
    days = as_dates("dates", dates)
    s = positive("spots", spots)
    if days.ndim != 1 or s.shape != days.shape or days.size < 2:
        raise CarryxlError("spots", s.shape, f"must be one value per date ({days.size}), >= 2")
    if (np.diff(days) <= np.timedelta64(0, "D")).any():
        raise CarryxlError("dates", "order", "must be strictly increasing")
    return days, s


@dataclass(frozen=True)
class _Path:
    """The fixings, accruals and filter a backtest trades on."""

    days: DateArray
    spots: FloatArray
    orientation: Orientation
    target: LegAccrual
    funding: LegAccrual
    allowed: np.ndarray[Any, np.dtype[np.bool_]]


def _stop_out(
    path: _Path, limits: _Limits, held: tuple[int, int], row: _Row, *, wiped_out: bool
) -> StopOut:
    """The stop-out of the trade held from row ``held[0]`` to ``held[1]``, with what it had
    accrued and banked there (``row``); ``row.realised`` is the P&L realised at the fill,
    exit cost included."""
    a, end = held
    level = limits.stop_out
    return StopOut(
        date=str(path.days[end]),
        row=end,
        spot=float(path.spots[end]),
        level=level,
        level_spot=None
        if level is None
        else limits.level_spot(float(path.spots[a]), path.orientation, row),
        pnl=row.realised,
        equity=limits.margin + row.realised,
        wiped_out=wiped_out,
    )


def _trade(
    path: _Path, limits: _Limits, fee: float, *, stop_after: bool
) -> tuple[_Book, StopOut | None, int | None]:
    """Trade after trade through the path: the book, the first stop-out, the last row.

    ``stop_after``: a stop-out ends the account (no trend filter to trade again).
    """
    days, s, allowed = path.days, path.spots, path.allowed
    n_amount = limits.notional
    book = _Book(days.size)
    first_stop: StopOut | None = None
    ended: int | None = None
    start = 0
    need_edge = False
    while start < days.size:
        ready = allowed[start:].copy()
        if need_edge:
            ready &= ~np.concatenate(([allowed[start - 1]], allowed[start:-1]))
        found = _first(ready)
        if found is None:
            break
        a = start + found
        off = _first(~allowed[a + 1 :])
        end = days.size - 1 if off is None else a + 1 + off
        # The trade's value per unit of notional on each fixing until its last possible exit.
        ratio = spot_ratio(s[a], s[a : end + 1], path.orientation)
        d_t = path.target.accrued[a : end + 1] - path.target.accrued[a]
        d_f = path.funding.accrued[a : end + 1] - path.funding.accrued[a]
        value = carry_pnl(1.0, 1.0, ratio, d_t, d_f, 1.0)
        banked = book.banked - fee * n_amount
        cut, reason = limits.first_breach(value, banked)
        if cut is None:
            reason = "signal" if off is not None else "open"
        else:
            end = a + cut
        path.target.check_held(days, a, end)
        path.funding.check_held(days, a, end)
        book.add(a, end, ratio, d_t, d_f, n_amount, fee, closed=reason != "open")
        book.trades.append(Trade(a, end, reason))
        if reason in ("stop-out", "bust") and first_stop is None:
            row = _Row(float(d_t[end - a]), float(d_f[end - a]), banked, book.banked)
            first_stop = _stop_out(path, limits, (a, end), row, wiped_out=reason == "bust")
        if reason == "bust" or (reason == "stop-out" and stop_after):
            ended = end  # wiped out, or stopped out with no signal to trade again
            break
        need_edge = reason in ("stop-loss", "stop-out")
        start = end + 1
    return book, first_stop, ended


def backtest_spots(
    dates: Any,
    spots: Any,
    pair: Pair,
    funding: Currency,
    notional: float,
    rate_target: float | Schedule,
    rate_funding: float | Schedule,
    leverage: float = 1.0,
    stop_loss: float | None = None,
    signal: Any = None,
    cost: float = 0.0,
    margin_call: float = MARGIN_CALL_LEVEL,
    day_count_target: DayCount | str | None = None,
    day_count_funding: DayCount | str | None = None,
    periods_per_year: float = TRADING_DAYS,
    close_on_bust: bool = True,
    stop_out: float | None = STOP_OUT_LEVEL,
) -> Backtest:
    """Backtest a carry trade on given fixings (oldest first); rules in the module notes.

    ``rate_target`` / ``rate_funding``: a constant decimal, or a rate :class:`Schedule`
    read for the target / funding currency. With zero rates, no costs and no stop-out
    (``stop_out=None``), equity moves exactly with spot: equity_i = N/leverage +
    N * (X_i / X_0 - 1). ``close_on_bust=False`` with ``stop_out=None`` keeps the position
    through a wiped-out account (a textbook replay).
    """
    p, fund = pair, funding
    orientation = p.orientation(fund)
    days, s = _fixings(dates, spots)
    n_amount = float(positive("notional", notional))
    lev = float(positive("leverage", leverage))
    fee = checked_cost(cost)
    stop = _stop_loss(stop_loss)
    call, out_level = checked_levels(margin_call, stop_out)
    out_level = out_level if lev > 1.0 else None  # no broker stop-out on an unleveraged trade
    path = _Path(
        days,
        s,
        orientation,
        LegAccrual.of(days, p.other(fund), rate_target, day_count_target, leg="target"),
        LegAccrual.of(days, fund, rate_funding, day_count_funding, leg="funding"),
        np.ones(days.shape, dtype=bool) if signal is None else _signal(signal, days),
    )
    limits = _Limits(n_amount, n_amount / lev, out_level, stop, close_on_bust)
    book, first_stop, ended = _trade(path, limits, fee, stop_after=signal is None)
    return _result(
        pair=p,
        funding=fund,
        path=path,
        limits=limits,
        book=book,
        first_stop=first_stop,
        ended=ended,
        call=call,
        leveraged=lev > 1.0,
        periods_per_year=periods_per_year,
    )


def _result(
    *,
    pair: Pair,
    funding: Currency,
    path: _Path,
    limits: _Limits,
    book: _Book,
    first_stop: StopOut | None,
    ended: int | None,
    call: float,
    leveraged: bool,
    periods_per_year: float,
) -> Backtest:
    """The equity curve, its statistics over the position's life, the margin call."""
    days, margin = path.days, limits.margin
    pnl = book.carry + book.fx + book.cross - book.costs
    equity = margin + pnl
    life = slice(0, days.size if ended is None else ended + 1)  # the statistics' window
    stats = performance_stats(
        days[life],
        equity[life],
        book.carry[life],
        book.fx[life],
        book.cross[life],
        book.costs[life],
        periods_per_year,
        margin,
    )
    called = _first(equity < call * margin) if leveraged else None  # no broker margin at 1x
    return Backtest(
        pair=pair,
        funding=funding,
        dates=days,
        spots=path.spots,
        equity=equity,
        pnl=pnl,
        carry=book.carry,
        fx=book.fx,
        cross=book.cross,
        costs=book.costs,
        holding=book.holding,
        trades=tuple(book.trades),
        margin=margin,
        notional=limits.notional,
        stats=stats,
        margin_call_level=call,
        margin_call_date=None if called is None else str(days[called]),
        stop_out_level=limits.stop_out,
        stop=first_stop,
        ended=None if ended is None else str(days[ended]),
    )


def backtest(
    pair: Pair,
    funding: Currency,
    start: Any,
    end: Any,
    notional: float,
    rate_target: float | Schedule,
    rate_funding: float | Schedule,
    leverage: float = 1.0,
    stop_loss: float | None = None,
    trend: str | None = None,
    cost: float = 0.0,
    margin_call: float = MARGIN_CALL_LEVEL,
    history: RateHistory | None = None,
    day_count_target: DayCount | str | None = None,
    day_count_funding: DayCount | str | None = None,
    stop_out: float | None = STOP_OUT_LEVEL,
) -> Backtest:
    """Backtest a carry trade on historical fixings from ``start`` to ``end``.

    ``trend`` (``"sma:50"``, ``"ema:20"``, ``"macd"``, ``"rsi:14"``) is computed on the
    pair's whole history, so it is warmed up on the first date. Example::

        backtest(Pair(Currency.AUD, Currency.JPY), Currency.JPY, "2007-01-02", "2008-12-31",
                 10_000_000, 0.0675, 0.005)
    """
    p = pair
    orientation = p.orientation(funding)
    window = spot_series(p, start, end, history)
    signal = None
    if trend:
        full = spot_series(p, None, window.dates[-1], history)
        offset = full.dates.size - window.dates.size
        signal = trend_signal(full.values, trend, orientation)[offset:]
    return backtest_spots(
        window.dates,
        window.values,
        p,
        funding,
        notional,
        rate_target,
        rate_funding,
        leverage,
        stop_loss,
        signal,
        cost,
        margin_call,
        day_count_target,
        day_count_funding,
        stop_out=stop_out,
    )
