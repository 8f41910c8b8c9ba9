"""Backtest of one carry trade: accrual, exits, costs, statistics, checked by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from carryxl.core import carry_pnl
from carryxl.core.conventions import Currency, Pair
from carryxl.core.errors import CarryxlError
from carryxl.history import RateSchedule, accrued_interest, backtest, backtest_spots
from carryxl.history.backtest import trend_signal
from carryxl.history.stats import drawdown, max_drawdown
from tests.history.raw_ecb import cross

N = 1_000_000.0


def _dates(gaps):
    start = np.datetime64("2024-01-01")
    return start + np.concatenate(([0], np.cumsum(gaps))).astype("timedelta64[D]")


@given(
    spots=st.lists(st.floats(0.01, 1e4, allow_nan=False), min_size=2, max_size=40),
    data=st.data(),
    inverted=st.booleans(),
    leverage=st.floats(0.5, 50),
)
def test_zero_rates_equity_follows_spot_exactly(spots, data, inverted, leverage):
    gaps = data.draw(st.lists(st.integers(1, 5), min_size=len(spots) - 1, max_size=len(spots) - 1))
    s = np.array(spots)
    pair, funding = (
        (Pair.parse("USD/TRY"), Currency.USD) if inverted else (Pair.parse("AUD/JPY"), Currency.JPY)
    )
    price = s[0] / s if inverted else s / s[0]  # the target's price relative to entry
    expected = N / leverage + N * (price - 1.0)
    # Held through a wiped-out account (the bust rule off), equity is spot alone;
    # with the rule on, the same holds as long as equity stays above zero.
    bust_rule = bool(np.all(expected[1:] > 0))
    result = backtest_spots(
        _dates(gaps),
        s,
        pair,
        funding,
        N,
        0.0,
        0.0,
        leverage,
        close_on_bust=bust_rule,
        stop_out=None,
    )
    np.testing.assert_allclose(result.equity, expected, rtol=1e-12, atol=1e-9)
    assert np.all(result.carry == 0.0)
    assert np.all(result.cross == 0.0)


@given(
    spots=st.lists(st.floats(50, 200, allow_nan=False), min_size=2, max_size=30),
    r_t=st.floats(-0.01, 0.4),
    r_f=st.floats(-0.01, 0.2),
    inverted=st.booleans(),
)
def test_constant_rates_match_the_core_carry_pnl_on_every_date(spots, r_t, r_f, inverted):
    s = np.array(spots)
    dates = _dates(np.full(len(s) - 1, 3))
    days = (dates - dates[0]).astype(float)
    # USD/TRY funded in USD: both legs ACT/360. AUD/JPY funded in JPY: both ACT/365F.
    pair, funding, basis = (
        (Pair.parse("USD/TRY"), Currency.USD, 360)
        if inverted
        else (Pair.parse("AUD/JPY"), Currency.JPY, 365)
    )
    orientation = "funding/target" if inverted else "target/funding"
    result = backtest_spots(dates, s, pair, funding, N, r_t, r_f)
    expected = carry_pnl(N, s[0], s, r_t, r_f, days / basis, orientation)
    np.testing.assert_allclose(result.pnl, expected, rtol=1e-10, atol=1e-6)
    np.testing.assert_allclose(result.carry, N * (r_t - r_f) * days / basis, atol=1e-6)
    np.testing.assert_allclose(
        result.carry + result.fx + result.cross - result.costs, result.pnl, atol=1e-6
    )


def test_weekend_accrues_three_days_under_each_leg_day_count():
    # USD/JPY funded in JPY: USD leg ACT/360, JPY leg ACT/365F. Fri 2 Aug -> Mon 5 Aug 2024.
    dates = np.array(["2024-08-02", "2024-08-05"], dtype="datetime64[D]")
    result = backtest_spots(
        dates, [150.0, 150.0], Pair.parse("USD/JPY"), Currency.JPY, N, 0.05, 0.001
    )
    assert result.carry[-1] == pytest.approx(N * (0.05 * 3 / 360 - 0.001 * 3 / 365))


def test_step_schedule_accrual_by_hand():
    dates = np.array(["2008-09-01", "2008-09-02", "2008-09-03", "2008-09-04"], "datetime64[D]")
    schedule = RateSchedule.from_rows(
        [["date", "AUD", "JPY"], ["2008-01-01", "7.25%", "0.5%"], ["2008-09-03", "7%", ""]]
    )
    aud = accrued_interest(dates, schedule.rate_on("AUD", dates), "ACT/365F")
    # 1 day at 7.25%, 1 day at 7.25% (rate of 2 Sep applies to 2->3 Sep), 1 day at 7%.
    np.testing.assert_allclose(aud, [0, 0.0725 / 365, 0.145 / 365, (0.145 + 0.07) / 365])
    result = backtest_spots(
        dates, [80.0] * 4, Pair.parse("AUD/JPY"), Currency.JPY, N, schedule, schedule
    )
    assert result.carry[-1] == pytest.approx(N * ((0.145 + 0.07) / 365 - 3 * 0.005 / 365))


def test_stop_loss_closes_at_the_first_fixing_past_the_limit_and_stays_out():
    spots = [100.0, 99.0, 96.0, 94.0, 100.0, 110.0]
    result = backtest_spots(
        _dates([1] * 5), spots, Pair.parse("AUD/JPY"), Currency.JPY, N, 0, 0, stop_loss=0.05
    )
    assert [(t.entry, t.exit, t.reason) for t in result.trades] == [(0, 3, "stop-loss")]
    np.testing.assert_allclose(result.pnl, N * np.array([0, -0.01, -0.04, -0.06, -0.06, -0.06]))
    assert result.holding.tolist() == [False, True, True, True, False, False]


def test_trend_filter_opens_and_closes_trades_with_costs():
    spots = np.array([100.0, 101.0, 103.0, 102.0, 104.0, 108.0])
    signal = [False, True, True, False, True, True]
    cost = 0.001
    result = backtest_spots(
        _dates([1] * 5),
        spots,
        Pair.parse("AUD/JPY"),
        Currency.JPY,
        N,
        0,
        0,
        signal=signal,
        cost=cost,
    )
    assert [(t.entry, t.exit, t.reason) for t in result.trades] == [
        (1, 3, "signal"),
        (4, 5, "open"),
    ]
    first = N * (102 / 101 - 1)
    second = N * (108 / 104 - 1)
    assert result.fx[-1] == pytest.approx(first + second)
    assert result.costs[-1] == pytest.approx(3 * cost * N)  # open, close, open (no exit cost)
    assert result.pnl[-1] == pytest.approx(first + second - 3 * cost * N)
    assert result.stats.costs == pytest.approx(3 * cost * N)


def test_after_a_stop_a_new_trade_waits_for_the_filter_to_turn_on_again():
    spots = [100.0, 94.0, 95.0, 96.0, 97.0, 98.0]
    signal = [True, True, True, False, True, True]
    result = backtest_spots(
        _dates([1] * 5),
        spots,
        Pair.parse("AUD/JPY"),
        Currency.JPY,
        N,
        0,
        0,
        stop_loss=0.05,
        signal=signal,
    )
    assert [(t.entry, t.exit, t.reason) for t in result.trades] == [
        (0, 1, "stop-loss"),
        (4, 5, "open"),
    ]


def test_margin_call_stop_out_and_bust():
    spots = [100.0, 97.0, 94.0, 90.0]
    # Leverage 10: margin 0.1 N. At 97 equity 0.07 N < 0.1 N: margin call (100%, reported);
    # still >= 0.05 N (the 50% stop-out); at 94 equity 0.04 N: stopped out at that fixing.
    called = backtest_spots(
        _dates([1] * 3), spots, Pair.parse("AUD/JPY"), Currency.JPY, N, 0, 0, leverage=10
    )
    assert [(t.exit, t.reason) for t in called.trades] == [(2, "stop-out")]
    assert called.equity[-1] == pytest.approx(0.04 * N)
    assert called.margin_call_date == "2024-01-02"
    assert called.stop is not None
    assert (called.stop.date, called.stop.spot, called.stop.wiped_out) == ("2024-01-03", 94, False)
    # The level's spot: equity 0.1 N + N (S/100 - 1) = 0.05 N at S = 95.
    assert called.stop.level_spot == pytest.approx(95.0)
    assert called.ended == "2024-01-03"
    # Leverage 20: margin 0.05 N; at 99 equity 0.04 N is above the stop-out (0.025 N); the
    # fixing of 94 gaps through it to -0.01 N: stopped out there, the account wiped out.
    gap = [100.0, 99.0, 94.0, 90.0]
    bust = backtest_spots(
        _dates([1] * 3), gap, Pair.parse("AUD/JPY"), Currency.JPY, N, 0, 0, leverage=20
    )
    assert [(t.exit, t.reason) for t in bust.trades] == [(2, "bust")]
    assert bust.equity[-1] == pytest.approx(-0.01 * N)
    assert bust.stop is not None
    assert bust.stop.wiped_out
    assert bust.stats.wiped_out_date == "2024-01-03"
    assert math.isnan(bust.stats.annualised_return)
    assert bust.stats.end_date == "2024-01-03"  # the statistics end with the account
    # Held through (no stop-out): the position runs to the end.
    held = backtest_spots(
        _dates([1] * 3),
        spots,
        Pair.parse("AUD/JPY"),
        Currency.JPY,
        N,
        0,
        0,
        leverage=10,
        stop_out=None,
    )
    assert [(t.exit, t.reason) for t in held.trades] == [(3, "open")]


def test_real_history_zero_rates_reproduces_the_raw_spot_move():
    result = backtest(Pair.parse("AUD/JPY"), Currency.JPY, "2008-07-01", "2008-10-24", N, 0.0, 0.0)
    move = cross("2008-10-24", "AUD", "JPY") / cross("2008-07-01", "AUD", "JPY") - 1
    assert result.pnl[-1] == pytest.approx(N * move, rel=1e-12)


def test_statistics_against_an_independent_computation():
    r = backtest(
        Pair.parse("AUD/JPY"),
        Currency.JPY,
        "2007-01-02",
        "2009-12-31",
        N,
        0.0675,
        0.005,
        cost=0.0002,
    )
    equity = pd.Series(np.concatenate(([N], r.equity)))  # the account before the entry cost
    daily = pd.Series(r.equity).pct_change().dropna()  # the n - 1 returns of the window
    years = (r.dates[-1] - r.dates[0]).astype(int) / 365
    total = r.equity[-1] / N - 1
    s = r.stats
    assert s.total_return == pytest.approx(total)
    assert s.annualised_return == pytest.approx((1 + total) ** (1 / years) - 1)
    assert s.volatility == pytest.approx(daily.std() * math.sqrt(252))
    assert s.sharpe == pytest.approx(daily.mean() / daily.std() * math.sqrt(252))
    peak = equity.cummax()
    assert s.max_drawdown == pytest.approx(((peak - equity) / peak).max())
    month_end = pd.Series(r.equity, index=pd.DatetimeIndex(r.dates)).resample("ME").last()
    monthly = pd.concat([pd.Series([N]), month_end.reset_index(drop=True)]).pct_change().dropna()
    assert s.worst_month_return == pytest.approx(monthly.min())
    assert s.worst_month == "2008-10"
    assert s.carry + s.fx + s.cross - s.costs == pytest.approx(r.equity[-1] - N)


def test_drawdown_by_hand():
    np.testing.assert_allclose(drawdown([100, 120, 90, 130]), [0, 0, 0.25, 0])
    assert max_drawdown([100, 120, 90, 130]) == (0.25, 30.0, 1, 2)


def test_trend_signal_sma_is_spot_above_its_average():
    x = np.array([1.0, 2.0, 3.0, 2.0, 1.0, 5.0])
    expected = x > pd.Series(x).rolling(3).mean().to_numpy()
    np.testing.assert_array_equal(trend_signal(x, "sma:3", "target/funding"), expected)
    # For a FUNDING/TARGET pair the filter looks at the target's price, 1/S.
    inv = trend_signal(1.0 / x, "sma:3", "funding/target")
    np.testing.assert_array_equal(inv, x > pd.Series(x).rolling(3).mean().to_numpy())


def test_backtest_with_a_trend_filter_on_real_data_runs_without_lookahead():
    r = backtest(
        Pair.parse("AUD/JPY"),
        Currency.JPY,
        "2008-01-02",
        "2008-12-31",
        N,
        0.07,
        0.005,
        trend="sma:50",
    )
    assert len(r.trades) >= 2
    assert not r.holding[0]
    assert r.stats.max_drawdown < 0.2  # the filter sidesteps most of the autumn 2008 crash


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"spots": [100.0]}, "spots"),
        ({"dates": np.array(["2024-01-02", "2024-01-01"], "datetime64[D]")}, "dates"),
        ({"notional": -1.0}, "notional"),
        ({"leverage": 0.0}, "leverage"),
        ({"cost": -0.1}, "cost"),
        ({"stop_loss": 0.0}, "stop_loss"),
        ({"stop_loss": 5.0}, "stop_loss"),  # 5 meant as 5% would never trigger
        ({"rate_target": -2.0}, "rate_target"),
        ({"funding": Currency.USD}, "funding"),
        ({"signal": [True]}, "signal"),
    ],
)
def test_bad_input(kwargs, argument):
    args = {
        "dates": np.array(["2024-01-01", "2024-01-02"], "datetime64[D]"),
        "spots": [100.0, 101.0],
        "pair": Pair.parse("AUD/JPY"),
        "funding": Currency.JPY,
        "notional": N,
        "rate_target": 0.04,
        "rate_funding": 0.0,
    }
    args.update(kwargs)
    with pytest.raises(CarryxlError) as error:
        backtest_spots(**args)
    assert error.value.argument == argument


def test_bad_trend_rule_and_missing_schedule_column():
    with pytest.raises(CarryxlError, match="sma:N"):
        backtest(
            Pair.parse("AUD/JPY"),
            Currency.JPY,
            "2008-01-02",
            "2008-12-31",
            N,
            0.07,
            0.0,
            trend="wave",
        )
    schedule = RateSchedule.from_rows([["date", "AUD"], ["2000-01-01", "5%"]])
    with pytest.raises(CarryxlError, match="no column") as error:
        backtest(
            Pair.parse("AUD/JPY"), Currency.JPY, "2008-01-02", "2008-12-31", N, schedule, schedule
        )
    assert error.value.argument == "rate_funding"


@given(
    spots=st.lists(st.floats(50, 150, allow_nan=False), min_size=2, max_size=40),
    data=st.data(),
    stop=st.one_of(st.none(), st.floats(0.01, 0.3)),
    cost=st.floats(0, 0.01),
    leverage=st.floats(1, 30),
)
def test_any_path_of_signals_and_stops_keeps_the_books_straight(spots, data, stop, cost, leverage):
    n = len(spots)
    signal = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    dates = _dates([1] * (n - 1))
    r = backtest_spots(
        dates,
        spots,
        Pair.parse("AUD/JPY"),
        Currency.JPY,
        N,
        0.05,
        0.01,
        leverage,
        stop,
        signal,
        cost,
        0.3,
    )
    np.testing.assert_allclose(r.carry + r.fx + r.cross - r.costs, r.pnl, atol=1e-6)
    np.testing.assert_allclose(r.equity, N / leverage + r.pnl, atol=1e-6)
    previous_exit = -1
    for t in r.trades:
        assert previous_exit < t.entry <= t.exit
        assert signal[t.entry]
        previous_exit = t.exit
    # Flat days (not holding, no trade opening or closing) leave the P&L unchanged.
    touched = {t.entry for t in r.trades} | {t.exit for t in r.trades}
    for i in range(1, n):
        if not r.holding[i] and i not in touched:
            assert r.pnl[i] == pytest.approx(r.pnl[i - 1], abs=1e-6)
    assert r.costs[-1] == pytest.approx(cost * N * sum(1 + (t.reason != "open") for t in r.trades))
