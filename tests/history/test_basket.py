"""The top-N / bottom-N carry basket, checked against a period-by-period hand calculation."""

from __future__ import annotations

import numpy as np
import pytest

from carryxl.core.errors import CarryxlError
from carryxl.history import RateSchedule, history_from_rows
from carryxl.history.basket import G10, basket_backtest, rebalance_rows

N = 1_000_000.0
ROWS = [
    ["date", "AUD/USD", "USD/JPY", "EUR/USD"],
    ["2024-01-30", 0.6600, 147.50, 1.0840],
    ["2024-01-31", 0.6570, 146.90, 1.0820],
    ["2024-02-01", 0.6550, 146.40, 1.0870],
    ["2024-02-05", 0.6490, 148.70, 1.0750],
]
DATES = ["2024-01-30", "2024-01-31", "2024-02-01", "2024-02-05"]


def _long(x0, x1, r_c, dc_c, days):
    """P&L in USD per unit of a long position in a currency vs USD (USD 5%, ACT/360)."""
    return (x1 / x0) * (1 + r_c * days / dc_c) - (1 + 0.05 * days / 360)


def test_basket_matches_a_hand_calculation_with_a_rate_change():
    h = history_from_rows(ROWS)
    schedule = RateSchedule.from_rows(
        [
            ["date", "USD", "AUD", "JPY", "EUR"],
            ["2024-01-01", "5%", "6%", "0%", "3%"],
            ["2024-02-01", "", "2%", "", ""],  # AUD falls below EUR (and USD, the base)
        ]
    )
    fee = 0.0001
    r = basket_backtest(
        schedule,
        DATES[0],
        DATES[-1],
        ["USD", "AUD", "JPY", "EUR"],
        "USD",
        1,
        1,
        "monthly",
        N,
        1.0,
        fee,
        h,
    )
    assert [(x.date, x.longs, x.shorts) for x in r.rebalances] == [
        ("2024-01-30", ("AUD",), ("JPY",)),
        ("2024-02-01", ("EUR",), ("JPY",)),  # never "long USD" against USD
    ]
    aud = [row[1] for row in ROWS[1:]]
    jpy = [1 / row[2] for row in ROWS[1:]]  # USD per JPY
    eur = [row[3] for row in ROWS[1:]]  # USD per EUR
    # January (30 Jan -> 1 Feb, 2 days): long AUD, short JPY.
    jan = N * _long(aud[0], aud[2], 0.06, 365, 2) - N * _long(jpy[0], jpy[2], 0.0, 365, 2)
    # February (1 Feb -> 5 Feb, 4 days): long EUR (3%, ACT/360), short JPY.
    feb = N * _long(eur[2], eur[3], 0.03, 360, 4) - N * _long(jpy[2], jpy[3], 0.0, 365, 4)
    costs = fee * N * 2 + fee * N * 2  # open AUD and JPY; then close AUD, open EUR
    assert r.pnl[2] == pytest.approx(jan - 2 * fee * N - 2 * fee * N, rel=1e-12)
    assert r.pnl[-1] == pytest.approx(jan + feb - costs, rel=1e-12)
    assert r.costs[-1] == pytest.approx(costs)
    np.testing.assert_allclose(r.carry + r.fx + r.cross - r.costs, r.pnl, atol=1e-6)
    assert r.equity[-1] == pytest.approx(N + jan + feb - costs)


def test_rebalance_rows_monthly_and_quarterly():
    dates = np.array(
        ["2024-01-30", "2024-02-01", "2024-03-28", "2024-04-02", "2024-06-30", "2024-07-01"],
        dtype="datetime64[D]",
    )
    assert rebalance_rows(dates, "monthly").tolist() == [0, 1, 2, 3, 4, 5]
    assert rebalance_rows(dates, "quarterly").tolist() == [0, 3, 5]
    with pytest.raises(CarryxlError, match="monthly or quarterly"):
        rebalance_rows(dates, "weekly")


def test_g10_basket_on_the_shipped_data():
    rates = dict(
        zip(G10, [0.05, 0.03, 0.001, 0.05, 0.01, 0.043, 0.055, 0.045, 0.035, 0.045], strict=True)
    )
    r = basket_backtest(rates, "2023-01-02", "2023-12-29", top=3, bottom=3, rebalance="quarterly")
    assert len(r.rebalances) == 4
    # USD is the base, not a leg: NZD 5.5%, GBP 5%, then CAD 4.5% before NOK 4.5% (order given)
    assert r.rebalances[0].longs == ("NZD", "GBP", "CAD")
    assert all("USD" not in x.longs + x.shorts for x in r.rebalances)
    assert set(r.rebalances[0].shorts) == {"JPY", "CHF", "EUR"}
    # Carry of the basket with constant rates: the long-short differential over the year.
    assert r.stats.carry > 0
    assert r.stats.carry + r.stats.fx + r.stats.cross == pytest.approx(r.pnl[-1])


def test_basket_bad_input():
    rates = dict.fromkeys(G10, 0.01)
    with pytest.raises(CarryxlError, match="top"):
        basket_backtest(rates, "2023-01-02", "2023-12-29", top=6, bottom=5)
    with pytest.raises(CarryxlError, match="besides the base USD"):
        basket_backtest(rates, "2023-01-02", "2023-12-29", top=5, bottom=5)
    with pytest.raises(CarryxlError, match="no rate given"):
        basket_backtest({"USD": 0.05}, "2023-01-02", "2023-12-29")
    with pytest.raises(CarryxlError, match="repeat"):
        basket_backtest(rates, "2023-01-02", "2023-12-29", currencies=["USD", "USD", "JPY"])
    with pytest.raises(CarryxlError) as error:
        basket_backtest(rates, "1990-01-02", "2023-12-29")
    assert error.value.argument == "start"
