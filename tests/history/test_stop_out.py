"""A blown account says so: the broker's stop-out in backtests (one trade and a basket)
and stress replays, checked against a hand-rolled daily loop on the raw ECB file."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from carryxl.cli import main
from carryxl.core.conventions import Pair
from carryxl.core.errors import CarryxlError
from carryxl.history import RateSchedule, accrued_interest, backtest, backtest_spots
from carryxl.history.backtest import accrued_nightly
from carryxl.history.basket import basket_backtest
from carryxl.history.stats import performance_stats
from carryxl.history.stress import stress_replay
from tests.history.raw_ecb import cross, raw_rows

N = 10_000_000.0
# USD at 5.375% throughout; JPY 0.05%, then 0.25% from Saturday 27 July 2024 (a night with
# no fixing: it must count from that night, not from Monday's fixing).
SCHEDULE = RateSchedule.from_rows(
    [["date", "USD", "JPY"], ["2024-01-01", "5.375%", "0.05%"], ["2024-07-27", "", "0.25%"]]
)


def _hand_rolled(start: str, end: str, leverage: float) -> dict[str, object]:
    """Day by day: accrue each calendar night at that night's rate (USD ACT/360, JPY
    ACT/365F), mark each ECB fixing, close at the first fixing below 50% of the margin."""
    fixings = [d for d in sorted(raw_rows()) if start <= d <= end and raw_rows()[d]["JPY"]]
    s0 = cross(fixings[0], "USD", "JPY")
    margin = N / leverage
    a_usd = a_jpy = 0.0
    day = np.datetime64(fixings[0])
    call = None
    for d in fixings[1:]:
        while day < np.datetime64(d):  # each night from `day` to the next day
            a_usd += 0.05375 / 360
            a_jpy += (0.0025 if day >= np.datetime64("2024-07-27") else 0.0005) / 365
            day += np.timedelta64(1, "D")
        spot = cross(d, "USD", "JPY")
        pnl = N * (spot / s0 * (1 + a_usd) - (1 + a_jpy))
        if call is None and margin + pnl < 1.0 * margin:
            call = d
        if margin + pnl < 0.5 * margin:
            return {"date": d, "spot": spot, "pnl": pnl, "call": call, "a": (a_usd, a_jpy)}
    raise AssertionError("no stop-out in the window")


def test_the_stop_out_date_is_the_hand_rolled_loops_in_backtest_and_stress():
    hand = _hand_rolled("2024-07-01", "2024-08-30", 10)
    bt = backtest(
        Pair.parse("USD/JPY"), "JPY", "2024-07-01", "2024-08-30", N, SCHEDULE, SCHEDULE, 10
    )
    assert bt.stop is not None
    assert bt.stop.date == hand["date"]
    assert bt.stop.spot == pytest.approx(hand["spot"], rel=1e-12)  # filled at that fixing
    assert bt.stop.pnl == pytest.approx(hand["pnl"], rel=1e-9)
    assert bt.margin_call_date == hand["call"]
    assert [t.reason for t in bt.trades] == ["stop-out"]
    # The level's spot: equity exactly 50% of the margin with that day's accruals.
    a_usd, a_jpy = hand["a"]
    s0 = cross("2024-07-01", "USD", "JPY")
    level_spot = s0 * (1 + a_jpy - 0.5 / 10) / (1 + a_usd)
    assert bt.stop.level_spot == pytest.approx(level_spot, rel=1e-9)
    # After the stop, nothing moves; the statistics end with the position.
    row = bt.stop.row
    assert np.all(bt.equity[row:] == bt.equity[row])
    assert bt.ended == hand["date"] == bt.stats.end_date
    # The stress replay stops the same trade out the same day, at the same P&L.
    st = stress_replay(
        Pair.parse("USD/JPY"), "JPY", "2024-07-01", "2024-08-30", N, SCHEDULE, SCHEDULE, 10
    )
    assert (st.stop_out_date, st.margin_call_date) == (hand["date"], hand["call"])
    assert st.stop_out_pnl == pytest.approx(hand["pnl"], rel=1e-9)
    assert st.stop_out_level_spot == pytest.approx(level_spot, rel=1e-9)
    assert float(st.pnl[-1]) == pytest.approx(float(bt.pnl[-1]), rel=1e-12)


def test_a_rate_change_on_a_night_without_a_fixing_counts_from_that_night():
    # AUD 1% to Thursday 24 December 2020, 2% from Friday 25 (no fixing): Thu -> Mon is one
    # night at 1% and three at 2% (ACT/365F), not four at 1%.
    dates = np.array(["2020-12-24", "2020-12-28"], dtype="datetime64[D]")
    schedule = RateSchedule.from_rows(
        [["date", "AUD", "JPY"], ["2020-01-01", "1%", "0%"], ["2020-12-25", "2%", ""]]
    )
    expected = (0.01 + 3 * 0.02) / 365
    nightly = accrued_nightly(dates, schedule, "AUD", "ACT/365F")
    assert nightly[-1] == pytest.approx(expected, rel=1e-14)
    result = backtest_spots(
        dates, [80.0, 80.0], Pair.parse("AUD/JPY"), "JPY", N, schedule, schedule
    )
    assert result.carry[-1] == pytest.approx(N * expected, rel=1e-12)
    # the fixing-to-fixing sum at the rate of the earlier fixing would say 4 nights at 1%
    fixing_rate = accrued_interest(dates, schedule.rate_on("AUD", dates), "ACT/365F")
    assert fixing_rate[-1] == pytest.approx(0.04 / 365)


def test_volatility_and_sharpe_use_the_n_minus_1_returns_of_the_window():
    days = np.array(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"], "datetime64[D]")
    equity = np.array([100.0, 110.0, 99.0, 108.9])
    s = performance_stats(days, equity, 0 * equity, 0 * equity, 0 * equity, 0 * equity)
    returns = [0.10, -0.10, 0.10]  # three returns from four dates, none made up
    mean = sum(returns) / 3
    sd = math.sqrt(sum((r - mean) ** 2 for r in returns) / 2)
    assert s.volatility == pytest.approx(sd * math.sqrt(252))
    assert s.sharpe == pytest.approx(mean / sd * math.sqrt(252))


def test_no_annualised_figure_over_a_wiped_out_account():
    # EUR/CHF at 20x over the SNB's 15 January 2015: the fixing gaps through the stop-out.
    r = backtest(Pair.parse("EUR/CHF"), "CHF", "2015-01-02", "2015-12-31", N, 0.0005, -0.0025, 20)
    drop = cross("2015-01-15", "EUR", "CHF")
    assert r.stop is not None
    assert r.stop.wiped_out
    assert (r.stop.date, r.stop.spot) == ("2015-01-15", pytest.approx(drop, rel=1e-12))
    assert r.stop.equity < 0
    assert r.stats.wiped_out_date == "2015-01-15" == r.stats.end_date
    assert math.isnan(r.stats.annualised_return)


def test_the_cli_report_says_so_first_in_text_and_json(capsys):
    argv = [
        "backtest",
        "--pair",
        "EUR/CHF",
        "--funding",
        "CHF",
        "--start",
        "2015-01-02",
        "--end",
        "2015-12-31",
        "--notional",
        "10000000",
        "--leverage",
        "20",
        "--rate-target",
        "0.05%",
        "--rate-funding",
        "-0.25%",
    ]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    spot = cross("2015-01-15", "EUR", "CHF")
    assert lines[1].startswith(f"WIPED OUT on 2015-01-15 at {spot:.6g}")
    assert any("n/a: account wiped out on 2015-01-15" in line for line in lines)
    assert main([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["stopped_out"] == "wiped out"
    assert data["stop"]["date"] == "2015-01-15"
    assert data["stop"]["fill_spot"] == pytest.approx(spot)
    assert data["annualised_return"] is None
    assert data["trades"][0]["why"] == "bust"
    assert data["margin_call_level"] == 1.0
    assert data["stop_out_level"] == 0.5


@pytest.mark.parametrize("cost", ["100%", "1", "150%"])
def test_a_cost_of_100_percent_or_more_is_refused(cost, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    argv = [
        "backtest",
        "--pair",
        "AUD/JPY",
        "--funding",
        "JPY",
        "--start",
        "2008-01-02",
        "--end",
        "2008-12-31",
        "--rate-target",
        "7%",
        "--rate-funding",
        "0.5%",
        "--cost",
        cost,
    ]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "cost" in err
    with pytest.raises(CarryxlError) as error:
        backtest(Pair.parse("AUD/JPY"), "JPY", "2008-01-02", "2008-12-31", N, 0.07, 0.005, cost=1.0)
    assert error.value.argument == "cost"


def test_the_basket_is_stopped_out_like_one_trade():
    rates = {"USD": 0.05, "EUR": 0.03, "JPY": 0.001, "AUD": 0.043, "NZD": 0.055}
    codes = ["USD", "EUR", "JPY", "AUD", "NZD"]
    args = ("2008-07-01", "2008-12-31", codes, "USD", 1, 1, "monthly", 1e6, 20, 0.0001)
    held = basket_backtest(rates, *args, stop_out=None)
    out = basket_backtest(rates, *args)
    k = int(np.flatnonzero(held.equity < 0.5 * held.margin)[0])  # the first fixing below
    assert out.stop is not None
    assert out.stop.date == str(held.dates[k])
    # Up to the stop both agree; there every leg is closed (2 legs of 1m at 1bp a side).
    np.testing.assert_allclose(out.pnl[:k], held.pnl[:k], rtol=1e-12)
    closing = 0.0001 * 2 * 1e6
    assert out.pnl[k] == pytest.approx(held.pnl[k] - closing, rel=1e-12)
    assert np.all(out.pnl[k:] == out.pnl[k])
    assert all(r.date < out.stop.date for r in out.rebalances)
    assert out.stats.end_date == out.stop.date
