"""A G10-style carry basket: long the top-N and short the bottom-N currencies by rate.

On each rebalance date (the first date, then the first fixing of each month or quarter)
the currencies other than ``base`` are ranked by the user's rate in force that day (ties:
the order given); the base currency is what every leg is measured against, never a leg.
The basket holds ``notional / top`` of each of the top ``top`` currencies and is short
``notional / bottom`` of each of the bottom ``bottom``, all against the ``base`` currency,
until the next rebalance. Each leg is a carry trade in the base currency (daily simple
accrual under each currency's day count, as in :mod:`carryxl.history.backtest`):

- long c: leg * [(X_i/X_a)(1 + A_c) - (1 + A_base)], X = base units per 1 c;
- short c: minus the same (borrow c, hold the base currency).

Costs: ``cost`` * leg for every leg opened or closed at a rebalance (legs kept across a
rebalance are rolled at no cost; below 100%). Equity = notional / leverage + P&L, in
``base``. Interest accrues night by night at each night's rate (as in the backtest).

Stop-out, as for one trade (:mod:`carryxl.history.backtest`): a leveraged basket
(leverage > 1) is closed, every leg at that fixing (with its closing cost), at the first
fixing where equity < ``stop_out`` * margin (default ``STOP_OUT_LEVEL`` = 50%; ``None``
holds through); at any leverage it is closed when equity reaches 0 (wiped out). The
account then stops trading, and the statistics cover its life (first date to the stop).
The first fixing where equity < ``margin_call`` * margin (default 100%, leverage > 1) is
reported.

Rates are needed only while the basket is open (as for one trade): every leg's rate at each
rebalance it makes, and each held leg's and the base's every night it holds them. A basket
stopped out before a gap in the data runs; one that would rank or hold over it is refused
in the schedule's words (a labelled ``--fill`` or rates by hand).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.carry import carry_pnl
from carryxl.core.conventions import Currency, Pair, default_day_count
from carryxl.core.dates import DateArray
from carryxl.core.defaults import MARGIN_CALL_LEVEL, STOP_OUT_LEVEL
from carryxl.core.errors import CarryxlError
from carryxl.core.validate import FloatArray, positive
from carryxl.history.backtest import LegAccrual, StopOut, checked_cost, checked_levels
from carryxl.history.data import RateHistory
from carryxl.history.ecb import ecb_history
from carryxl.history.rates import Schedule, known_rates_on, rates_on
from carryxl.history.series import spot_series
from carryxl.history.stats import PerformanceStats, PnlParts, account_curve

__all__ = ["G10", "BasketBacktest", "BasketRates", "Rebalance", "basket_backtest", "rebalance_rows"]

BasketRates = Schedule | Mapping[Currency, float]
"""A basket's rates: a schedule, or one constant decimal rate per currency."""

G10: tuple[Currency, ...] = tuple(
    Currency(c) for c in ("USD", "EUR", "JPY", "GBP", "CHF", "AUD", "NZD", "CAD", "SEK", "NOK")
)


@dataclass(frozen=True)
class Rebalance:
    """What the basket held from ``date`` on."""

    date: str
    longs: tuple[str, ...]
    shorts: tuple[str, ...]


@dataclass(frozen=True)
class BasketBacktest:
    """Daily equity of the basket in ``base``; ``pnl == carry + fx + cross - costs``."""

    base: Currency
    dates: DateArray
    equity: FloatArray
    pnl: FloatArray
    carry: FloatArray
    fx: FloatArray
    cross: FloatArray
    costs: FloatArray
    rebalances: tuple[Rebalance, ...]
    margin: float
    notional: float
    stats: PerformanceStats
    margin_call_level: float = MARGIN_CALL_LEVEL
    margin_call_date: str | None = None
    stop_out_level: float | None = None  # None: no stop-out (leverage 1, or held through)
    stop: StopOut | None = None  # the stop-out or wipe-out that ended the basket


def rebalance_rows(dates: DateArray, frequency: str) -> np.ndarray[Any, np.dtype[np.intp]]:
    """Row 0 and the first row of each new month (``monthly``) or quarter (``quarterly``)."""
    months = dates.astype("datetime64[M]").astype(np.int64)
    key = str(frequency).strip().lower()
    if key in ("quarterly", "q", "3m"):
        months = months // 3
    elif key not in ("monthly", "m", "1m"):
        raise CarryxlError("rebalance", frequency, "must be monthly or quarterly")
    return np.flatnonzero(np.concatenate(([True], months[1:] != months[:-1])))


def _given(rates: BasketRates, code: Currency) -> tuple[float | Schedule, str]:
    """What gives ``code``'s rate (the schedule, or its constant) and the argument to name."""
    if isinstance(rates, Schedule):
        return rates, "rates"
    table = rates
    if code not in table:
        raise CarryxlError("rates", str(code), "no rate given for this currency")
    return float(table[code]), f"rates[{code}]"


def _inputs(
    rates: BasketRates,
    codes: list[Currency],
    base: Currency,
    start: Any,
    end: Any,
    history: RateHistory,
) -> tuple[DateArray, FloatArray, FloatArray, list[LegAccrual], LegAccrual]:
    """Dates, prices in base (base per 1 unit), the rates for the ranking (NaN where there
    is none: needed only at a rebalance the basket makes) and each currency's accrual."""
    others = [c for c in codes if c != base]
    if not others:
        raise CarryxlError("currencies", [str(c) for c in codes], f"need one besides {base}")
    dates = spot_series(Pair(others[0], base), start, end, history).dates
    prices = np.ones((dates.size, len(codes)))
    for j, code in enumerate(codes):
        if code != base:
            prices[:, j] = spot_series(Pair(code, base), start, end, history).values
    given = {c: _given(rates, c) for c in dict.fromkeys([*codes, base])}
    rate_table = np.column_stack(
        [known_rates_on(*given[c][:1], c, dates, given[c][1]) for c in codes]
    )
    accruals = {
        c: LegAccrual.of(dates, c, level, default_day_count(c), argument=name)
        for c, (level, name) in given.items()
    }
    return dates, prices, rate_table, [accruals[c] for c in codes], accruals[base]


@dataclass
class _Run:
    """The basket's cumulative parts per date, rebalance after rebalance."""

    dates: DateArray
    codes: list[Currency]
    legs: list[int]
    prices: FloatArray
    rate_table: FloatArray
    accruals: list[LegAccrual]
    base: LegAccrual

    @property
    def accrued(self) -> FloatArray:
        """Interest accrued per unit, a column per currency."""
        return np.column_stack([leg.accrued for leg in self.accruals])

    def check(self, a: int, z: int, held: Mapping[Currency, float]) -> None:
        """Refuse, in the schedule's words, a rebalance on row ``a`` without every leg's
        rate to rank, or a holding to row ``z`` over a night with no rate."""
        missing = [k for k in self.legs if np.isnan(self.rate_table[a, k])]
        if missing:
            leg = self.accruals[missing[0]]
            rates_on(leg.level, leg.currency, self.dates[a], leg.argument)
        if z <= a or not any(held.values()):
            return
        for leg in self.accruals:
            if held.get(leg.currency, 0.0):
                leg.check_held(self.dates, a, z)
        self.base.check_held(self.dates, a, z)

    def run(
        self, starts: Any, last: int, choice: _Choice, checked: bool = True
    ) -> tuple[PnlParts, tuple[Rebalance, ...]]:
        """Carry, fx, cross and costs (cumulative) with every leg closed at row ``last``
        (no closing cost when ``last`` is the final date: the basket is still open).

        ``checked=False`` runs over nights with no rate as if they paid nothing (to find
        where the basket is stopped out: every row before the first such night is exact)."""
        n_top, n_bottom, amount, fee = choice.top, choice.bottom, choice.notional, choice.fee
        dates, codes, legs = self.dates, self.codes, self.legs
        accrued, base_accrued = self.accrued, self.base.accrued
        size = dates.size
        parts = {name: np.zeros(size) for name in ("carry", "fx", "cross", "costs")}
        if last < size - 1:  # stopped out at ``last``: no rebalance from that fixing on
            starts = starts[starts < last]
        stops = np.append(starts[1:], last)
        held: dict[Currency, float] = {}
        rows: list[Rebalance] = []
        for a, z in zip(starts, stops, strict=True):
            if checked:
                self.check(a, z, {})  # every leg's rate, to rank them
            order = [legs[k] for k in np.argsort(-self.rate_table[a, legs], kind="stable")]
            longs = [codes[i] for i in order[: int(n_top)]]
            shorts = [codes[i] for i in order[len(order) - int(n_bottom) :]] if n_bottom else []
            weights = dict.fromkeys(longs, amount / n_top)
            weights.update(dict.fromkeys(shorts, -amount / max(n_bottom, 1)))
            traded = sum(
                abs(held.get(c, 0.0)) + abs(weights.get(c, 0.0))
                for c in set(held) | set(weights)
                if held.get(c, 0.0) != weights.get(c, 0.0)
            )
            parts["costs"][a:] += fee * traded
            held = weights
            if checked:
                self.check(a, z, held)
            rows.append(Rebalance(str(dates[a]), tuple(map(str, longs)), tuple(map(str, shorts))))
            if z <= a:
                continue
            w = np.array([weights.get(c, 0.0) for c in codes])
            ratio = self.prices[a : z + 1] / self.prices[a]
            d_c = accrued[a : z + 1] - accrued[a]
            d_b = (base_accrued[a : z + 1] - base_accrued[a])[:, None]
            value = carry_pnl(1.0, 1.0, ratio, d_c, d_b, 1.0)  # per unit, each currency long
            total = value @ w
            fx_path = (ratio - 1.0) @ w
            cross_path = ((ratio - 1.0) * d_c) @ w  # target interest gained or lost with the move
            paths = {"carry": total - fx_path - cross_path, "fx": fx_path, "cross": cross_path}
            for name, path in paths.items():
                parts[name][a + 1 : z + 1] += path[1:]
                parts[name][z + 1 :] += path[-1]
        if last < size - 1:  # closed early: every leg's closing cost at that fixing
            parts["costs"][last:] += fee * sum(abs(v) for v in held.values())
        return PnlParts(**parts), tuple(rows)


@dataclass(frozen=True)
class _Choice:
    """The basket's checked settings: its currencies, base, legs (the currencies besides
    the base, as indexes), how many long and short, the notional and the account rules."""

    codes: list[Currency]
    base: Currency
    legs: list[int]
    top: int
    bottom: int
    notional: float
    leverage: float
    fee: float
    margin_call: float
    stop_out: float | None  # None: no broker stop-out (held through, or unleveraged)

    @property
    def margin(self) -> float:
        """The margin posted, notional / leverage."""
        return self.notional / self.leverage


def _checked(
    *,
    currencies: Sequence[Currency],
    base: Currency,
    top: int,
    bottom: int,
    notional: float,
    leverage: float,
    cost: float,
    margin_call: float,
    stop_out: float | None,
) -> _Choice:
    """The currencies (no repeats), the base, how many long and short (at least one long;
    no more than the legs), then the notional, leverage, cost and account levels."""
    codes = list(currencies)
    if len(set(codes)) != len(codes):
        raise CarryxlError("currencies", list(currencies), "must not repeat a currency")
    b = base
    n_top, n_bottom = int(top), int(bottom)
    legs = [i for i, c in enumerate(codes) if c != b]  # the base is never a leg against itself
    if n_top < 1 or n_bottom < 0 or n_top + n_bottom > len(legs):
        raise CarryxlError(
            "top",
            (top, bottom),
            f"top >= 1, bottom >= 0 and top + bottom <= {len(legs)} (the currencies "
            f"besides the base {b})",
        )
    amount = float(positive("notional", notional))
    lev = float(positive("leverage", leverage))
    fee = checked_cost(cost)
    call, out_level = checked_levels(margin_call, stop_out)
    return _Choice(
        codes=codes,
        base=b,
        legs=legs,
        top=n_top,
        bottom=n_bottom,
        notional=amount,
        leverage=lev,
        fee=fee,
        margin_call=call,
        stop_out=out_level if lev > 1.0 else None,  # no broker stop-out when unleveraged
    )


def _runner(
    rates: BasketRates,
    choice: _Choice,
    start: Any,
    end: Any,
    history: RateHistory,
) -> _Run:
    """The basket's market data from ``start`` to ``end``, ready to run."""
    dates, prices, rate_table, accruals, base_leg = _inputs(
        rates, choice.codes, choice.base, start, end, history
    )
    return _Run(dates, choice.codes, choice.legs, prices, rate_table, accruals, base_leg)


def _until_stopped(
    runner: _Run, starts: Any, choice: _Choice
) -> tuple[PnlParts, tuple[Rebalance, ...], StopOut | None]:
    """The basket run to the end, or to the first fixing where equity < stop-out level x
    margin (at or below 0 without a stop-out), every leg closed there.

    First where it is stopped out, then the run to there, refused only if it needs a rate
    the data lacks (rates are needed only while the basket is open)."""
    parts, rows = runner.run(starts, runner.dates.size - 1, choice, checked=False)
    margin, out = choice.margin, choice.stop_out
    equity = margin + parts.carry + parts.fx + parts.cross - parts.costs
    below = (equity <= 0.0) if out is None else (equity < out * margin)
    hit = np.flatnonzero(below[1:])
    if not hit.size:
        parts, rows = runner.run(starts, runner.dates.size - 1, choice)
        return parts, rows, None
    k = int(hit[0]) + 1  # close every leg at that fixing, and trade no more
    parts, rows = runner.run(starts, k, choice)
    pnl_k = float(parts.pnl[k])
    stop = StopOut(
        date=str(runner.dates[k]),
        row=k,
        spot=float("nan"),  # a basket has no single spot
        level=out,
        level_spot=None,
        pnl=pnl_k,
        equity=margin + pnl_k,
        wiped_out=margin + pnl_k <= 0.0,
    )
    return parts, rows, stop


def basket_backtest(
    rates: BasketRates,
    start: Any,
    end: Any,
    currencies: Sequence[Currency] = G10,
    base: Currency = Currency.USD,
    top: int = 3,
    bottom: int = 3,
    rebalance: str = "monthly",
    notional: float = 1_000_000.0,
    leverage: float = 1.0,
    cost: float = 0.0,
    history: RateHistory | None = None,
    margin_call: float = MARGIN_CALL_LEVEL,
    stop_out: float | None = STOP_OUT_LEVEL,
) -> BasketBacktest:
    """Backtest the top-N / bottom-N carry basket; rules in the module notes.

    Example: ``basket_backtest({Currency.AUD: 0.0435, Currency.JPY: 0.001, ...}, "2015-01-02",
    "2024-12-31", top=3, bottom=3)``.
    """
    h = ecb_history() if history is None else history
    choice = _checked(
        currencies=currencies,
        base=base,
        top=top,
        bottom=bottom,
        notional=notional,
        leverage=leverage,
        cost=cost,
        margin_call=margin_call,
        stop_out=stop_out,
    )
    runner = _runner(rates, choice, start, end, h)
    parts, rows, stop = _until_stopped(runner, rebalance_rows(runner.dates, rebalance), choice)
    return _result(runner.dates, choice, parts, rows, stop)


def _result(
    dates: DateArray,
    choice: _Choice,
    parts: PnlParts,
    rows: tuple[Rebalance, ...],
    stop: StopOut | None,
) -> BasketBacktest:
    """The basket's account (:func:`carryxl.history.stats.account_curve`) and record."""
    curve = account_curve(
        dates,
        parts,
        margin=choice.margin,
        leverage=choice.leverage,
        margin_call=choice.margin_call,
        life=dates.size if stop is None else stop.row + 1,
    )
    return BasketBacktest(
        base=choice.base,
        dates=dates,
        equity=curve.equity,
        pnl=curve.pnl,
        carry=parts.carry,
        fx=parts.fx,
        cross=parts.cross,
        costs=parts.costs,
        rebalances=rows,
        margin=choice.margin,
        notional=choice.notional,
        stats=curve.stats,
        margin_call_level=choice.margin_call,
        margin_call_date=curve.margin_call_date,
        stop_out_level=choice.stop_out,
        stop=stop,
    )
