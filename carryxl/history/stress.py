"""Stress replays: the P&L path of a carry position through a stretch of real history.

The position is held from the first to the last fixing of the range, unless the broker
stops it out (the day the broker calls for margin is reported):

- P&L_i = N * [(X_i/X_0)(1 + A_t,i) - (1 + A_f,i)] in the funding currency, with daily
  simple accrual under each currency's day count (as in :mod:`carryxl.history.backtest`);
- equity_i = N / leverage + P&L_i (the margin posted plus the P&L);
- **margin-call day**: the first fixing where equity < ``margin_call`` * N / leverage
  (default ``MARGIN_CALL_LEVEL``, 1.0 = 100%: the margin no longer covered);
  **wipe-out day**: equity <= 0;
- **stop-out**: a leveraged position (leverage > 1) is closed at the first fixing where
  equity < ``stop_out`` * N / leverage (the broker's stop-out margin level, default
  ``STOP_OUT_LEVEL`` = 50%); from then on the P&L and equity stay at their values of that
  fixing. The day, the fill (that fixing), the spot at which equity was exactly at the
  level and the P&L there are reported. Fills are at the day's fixing: a gap through the
  level can still cost more than the margin. ``stop_out=None`` holds through everything.
  The rule is the backtest's (:func:`carryxl.history.backtest.backtest_spots`), run here;
- **worst drawdown**: the largest fall of equity from a running peak, as an amount in
  the funding currency and as a fraction of that peak;
- **days of carry the loss equals**: the worst P&L divided by one day's carry,
  N * (r_t / B_t - r_f / B_f) with B the day count's 360 or 365 (textbook); and
  ``carry_days_to_offset`` of the worst spot move (exact, with the cross term). With a
  rate schedule, r_t and r_f are the rates in force on the first date.

Named episodes (pair, funding currency, dates; the rates are the real policy rates of the
pair's two currencies day by day, from the BIS data in carryxl's data folder, unless the
user gives rates):
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.carry import carry_days_to_offset, spot_ratio
from carryxl.core.conventions import Currency, DayCount, Pair, default_day_count
from carryxl.core.defaults import MARGIN_CALL_LEVEL, STOP_OUT_LEVEL
from carryxl.core.errors import CarryxlError
from carryxl.core.validate import FloatArray, positive
from carryxl.history.backtest import Backtest, StopOut, backtest_spots, checked_levels
from carryxl.history.data import RateHistory
from carryxl.history.rates import Schedule, rates_on
from carryxl.history.series import spot_series
from carryxl.history.stats import max_drawdown

__all__ = ["EPISODES", "Episode", "StressReplay", "episode", "stress_replay"]


@dataclass(frozen=True)
class Episode:
    """A named stretch of history and the carry position it hurt."""

    key: str
    title: str
    pair: Pair
    funding: Currency
    start: str
    end: str
    note: str


EPISODES: dict[str, Episode] = {
    e.key: e
    for e in (
        Episode(
            "gfc2008",
            "2008 crisis: AUD/JPY, July-October 2008",
            Pair(Currency.AUD, Currency.JPY),
            Currency.JPY,
            "2008-07-01",
            "2008-10-31",
            "the RBA cut from 7.25% to 6% in October; the BoJ from 0.5% to 0.3%",
        ),
        Episode(
            "snb2015",
            "SNB removes the EUR/CHF floor, January 2015",
            Pair(Currency.EUR, Currency.CHF),
            Currency.CHF,
            "2015-01-02",
            "2015-01-30",
            "the SNB ended the 1.20 floor on 15 January and cut its rate below zero",
        ),
        Episode(
            "try2018",
            "Turkish lira crisis, 2018 (USD-funded lira)",
            Pair(Currency.USD, Currency.TRY),
            Currency.USD,
            "2018-01-02",
            "2018-12-31",
            "the lira halved against the dollar; the CBRT raised rates in June and September",
        ),
        Episode(
            "yen2024",
            "Yen-carry unwind, July-August 2024 (USD/JPY)",
            Pair(Currency.USD, Currency.JPY),
            Currency.JPY,
            "2024-07-01",
            "2024-08-30",
            "the BoJ raised its rate on 31 July; USD/JPY fell from 161 to 142 by 5 August",
        ),
    )
}

if __doc__:  # pragma: no branch - list the episodes in the module's help
    __doc__ += "\n".join(
        f"- ``{e.key}``: {e.title}; {e.start} to {e.end}; {e.note}." for e in EPISODES.values()
    )


def episode(name: str) -> Episode:
    """A named episode (``gfc2008``, ``snb2015``, ``try2018``, ``yen2024``)."""
    key = str(name).strip().lower()
    if key not in EPISODES:
        raise CarryxlError("episode", name, f"must be one of {', '.join(EPISODES)}")
    return EPISODES[key]


@dataclass(frozen=True)
class StressReplay:
    """The path of a held position and what it would have cost (amounts in ``funding``)."""

    pair: Pair
    funding: Currency
    dates: Any
    spots: FloatArray
    pnl: FloatArray
    equity: FloatArray
    notional: float
    margin: float
    spot_start: float
    spot_end: float
    spot_move: float  # target vs funding, X_end/X_0 - 1
    worst_move: float  # the target's worst move vs funding from the start
    worst_move_date: str
    worst_pnl: float
    worst_pnl_date: str
    max_drawdown: float
    max_drawdown_amount: float
    margin_call_date: str | None
    wiped_out_date: str | None
    stop_out_level: float | None  # equity / margin at which the broker closes; None: held
    stop_out_date: str | None
    stop_out_spot: float | None  # the fill: the fixing the position was closed at
    stop_out_level_spot: float | None  # where equity was exactly at the stop-out level
    stop_out_pnl: float | None  # the P&L realised at the stop-out fixing
    rate_target: float  # in force on the first date
    rate_funding: float
    carry_per_day: float
    carry_days_of_loss: float
    carry_days_to_offset: float
    stop: StopOut | None = None  # the stop-out or wipe-out, for charts

    def summary(self) -> dict[str, Any]:
        """The scalar results as plain data."""
        skip = {"dates", "spots", "pnl", "equity", "stop"}
        data = {k: v for k, v in self.__dict__.items() if k not in skip}
        data["pair"] = str(self.pair)
        data["funding"] = str(self.funding)
        return data


def stress_replay(
    pair: Pair,
    funding: Currency,
    start: Any,
    end: Any,
    notional: float,
    rate_target: float | Schedule,
    rate_funding: float | Schedule,
    leverage: float = 1.0,
    margin_call: float = MARGIN_CALL_LEVEL,
    history: RateHistory | None = None,
    day_count_target: DayCount | str | None = None,
    day_count_funding: DayCount | str | None = None,
    stop_out: float | None = STOP_OUT_LEVEL,
) -> StressReplay:
    """Replay a carry position through ``start``..``end``; rules in the module notes.

    Example (the seeds' yen-funded dollar position, 10x leverage)::

        stress_replay(Pair(Currency.USD, Currency.JPY), Currency.JPY, "2024-07-01", "2024-08-05",
                      10_000_000, 0.0533, 0.001, leverage=10)
    """
    p, fund = pair, funding
    target = p.other(fund)
    lev = float(positive("leverage", leverage))
    level, out_level = checked_levels(margin_call, stop_out)
    dc_t = DayCount.parse(day_count_target or default_day_count(target), "day_count_target")
    dc_f = DayCount.parse(day_count_funding or default_day_count(fund), "day_count_funding")
    window = spot_series(p, start, end, history)
    if window.dates.size < 2:
        raise CarryxlError("end", str(end), "the range must hold at least two fixings")
    r_t = float(rates_on(rate_target, target, window.dates[0], "rate_target"))
    r_f = float(rates_on(rate_funding, fund, window.dates[0], "rate_funding"))
    # Held to the end unless stopped out (the account may go below zero when held through).
    run = backtest_spots(
        window.dates,
        window.values,
        p,
        fund,
        notional,
        rate_target,
        rate_funding,
        lev,
        margin_call=level,
        day_count_target=dc_t,
        day_count_funding=dc_f,
        close_on_bust=False,
        stop_out=out_level,
    )
    legs = _Legs(r_t, r_f, dc_t, dc_f)
    return _replay(run, p, fund, legs)


@dataclass(frozen=True)
class _Legs:
    """Each leg's rate in force on the first date (decimal) and its day count."""

    rate_target: float
    rate_funding: float
    day_count_target: DayCount
    day_count_funding: DayCount

    def carry_per_day(self, notional: float) -> float:
        """One day's textbook carry: N (r_t / B_t - r_f / B_f) in the funding currency."""
        return notional * (
            self.rate_target / self.day_count_target.days_in_year
            - self.rate_funding / self.day_count_funding.days_in_year
        )

    def days_to_offset(self, move: float) -> float:
        """Days of exact carry that absorb the target's ``move`` (0 for a gain)."""
        return float(
            carry_days_to_offset(
                min(move, 0.0),
                self.rate_target,
                self.rate_funding,
                self.day_count_target,
                self.day_count_funding,
            )
        )


def _loss_days(worst_pnl: float, per_day: float) -> float:
    """Days of carry the worst P&L equals: 0 without a loss, NaN when carry earns nothing."""
    if worst_pnl >= 0:
        return 0.0
    return -worst_pnl / per_day if per_day > 0 else float("nan")


def _replay(run: Backtest, pair: Pair, funding: Currency, legs: _Legs) -> StressReplay:
    """The replay's figures from the held (or stopped-out) run."""
    move = spot_ratio(run.spots[0], run.spots, pair.orientation(funding)) - 1.0  # X_i/X_0 - 1
    pnl, equity, stop = run.pnl, run.equity, run.stop
    worst_move_row = int(np.argmin(move))  # the market's, whether held or not
    worst_row = int(np.argmin(pnl))
    dd, dd_amount, _, _ = max_drawdown(equity)
    wiped = np.flatnonzero(equity <= 0)
    per_day = legs.carry_per_day(run.notional)
    return StressReplay(
        pair=pair,
        funding=funding,
        dates=run.dates,
        spots=run.spots,
        pnl=pnl,
        equity=equity,
        notional=run.notional,
        margin=run.margin,
        spot_start=float(run.spots[0]),
        spot_end=float(run.spots[-1]),
        spot_move=float(move[-1]),
        worst_move=float(move[worst_move_row]),
        worst_move_date=str(run.dates[worst_move_row]),
        worst_pnl=float(pnl[worst_row]),
        worst_pnl_date=str(run.dates[worst_row]),
        max_drawdown=dd,
        max_drawdown_amount=dd_amount,
        margin_call_date=run.margin_call_date,
        wiped_out_date=str(run.dates[wiped[0]]) if wiped.size else None,
        stop_out_level=run.stop_out_level,
        stop_out_date=None if stop is None else stop.date,
        stop_out_spot=None if stop is None else stop.spot,
        stop_out_level_spot=None if stop is None else stop.level_spot,
        stop_out_pnl=None if stop is None else stop.pnl,
        stop=stop,
        rate_target=legs.rate_target,
        rate_funding=legs.rate_funding,
        carry_per_day=per_day,
        carry_days_of_loss=_loss_days(float(pnl[worst_row]), per_day),
        carry_days_to_offset=legs.days_to_offset(float(move[worst_move_row])),
    )
