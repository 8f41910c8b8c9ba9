"""Stress replays through named episodes, checked against the raw ECB file."""

from __future__ import annotations

import numpy as np
import pytest

from carryxl.core import carry_days_to_offset
from carryxl.core.conventions import Currency, Pair
from carryxl.core.errors import CarryxlError
from carryxl.history import RateSchedule
from carryxl.history.stress import EPISODES, episode, stress_replay
from tests.history.raw_ecb import cross, raw_rows

N = 10_000_000.0


def test_the_seeds_yen_funded_position_reproduces_the_2024_unwind():
    # The talk: USD/JPY near 161 in early July 2024 and near 142 on 5 August 2024.
    r = stress_replay(
        Pair.parse("USD/JPY"),
        Currency.JPY,
        "2024-07-01",
        "2024-08-05",
        N,
        0.0533,
        0.001,
        leverage=10,
        stop_out=None,
    )
    start, low = cross("2024-07-01", "USD", "JPY"), cross("2024-08-05", "USD", "JPY")
    assert 160 < start < 162
    assert 141 < low < 143
    assert r.spot_start == pytest.approx(start)
    assert r.spot_end == pytest.approx(low)
    assert r.spot_move == pytest.approx(low / start - 1)
    assert r.worst_move_date == "2024-08-05"
    # Equity at 10x: 1m JPY margin; the P&L of the held trade is the core carry formula.
    days = 35  # 1 July to 5 August
    expected = N * ((low / start) * (1 + 0.0533 * days / 360) - (1 + 0.001 * days / 365))
    assert r.pnl[-1] == pytest.approx(expected)
    assert r.worst_pnl == pytest.approx(expected)
    assert r.wiped_out_date == "2024-08-05"


def test_margin_call_day_is_the_first_fixing_below_the_level():
    r = stress_replay(
        Pair.parse("USD/JPY"),
        Currency.JPY,
        "2024-07-01",
        "2024-08-30",
        N,
        0.0533,
        0.001,
        leverage=10,
        stop_out=None,
    )
    dates = [d for d in sorted(raw_rows()) if "2024-07-01" <= d <= "2024-08-30"]
    start = cross(dates[0], "USD", "JPY")
    equity = []
    for d in dates:
        days = (np.datetime64(d) - np.datetime64(dates[0])).astype(int)
        ratio = cross(d, "USD", "JPY") / start
        pnl = N * (ratio * (1 + 0.0533 * days / 360) - (1 + 0.001 * days / 365))
        equity.append(N / 10 + pnl)
    # The broker's usual margin call: equity below 100% of the margin (1,000,000 JPY).
    first_call = next(d for d, e in zip(dates, equity, strict=True) if e < 1.0 * N / 10)
    assert r.margin_call_date == first_call
    half = stress_replay(
        Pair.parse("USD/JPY"),
        Currency.JPY,
        "2024-07-01",
        "2024-08-30",
        N,
        0.0533,
        0.001,
        10,
        0.5,
        stop_out=None,
    )
    assert half.margin_call_date == next(
        d for d, e in zip(dates, equity, strict=True) if e < 0.5 * N / 10
    )
    np.testing.assert_allclose(r.equity, equity, rtol=1e-10)


def test_days_of_carry_the_loss_equals():
    e = EPISODES["gfc2008"]
    r = stress_replay(e.pair, e.funding, e.start, e.end, N, 0.0725, 0.005)
    per_day = N * (0.0725 / 365 - 0.005 / 365)  # AUD and JPY both ACT/365F
    assert r.carry_per_day == pytest.approx(per_day)
    assert r.carry_days_of_loss == pytest.approx(-r.worst_pnl / per_day)
    assert r.carry_days_to_offset == pytest.approx(
        carry_days_to_offset(r.worst_move, 0.0725, 0.005)
    )
    low = min(cross(d, "AUD", "JPY") for d in raw_rows() if e.start <= d <= e.end)
    assert r.worst_move == pytest.approx(low / cross("2008-07-01", "AUD", "JPY") - 1)
    assert r.worst_move < -0.4
    assert r.margin_call_date is None  # unleveraged: no broker margin, no call, no stop-out
    assert r.stop_out_date is None
    assert r.equity.min() > 0.5 * N


def test_snb_2015_floor_removal_day():
    e = episode("SNB2015")
    r = stress_replay(e.pair, e.funding, e.start, e.end, N, 0.0005, -0.0025, 20)
    drop = cross("2015-01-15", "EUR", "CHF") / cross("2015-01-14", "EUR", "CHF") - 1
    assert drop < -0.14  # 1.201 -> 1.028
    # 100% margin call: the first fixing where the P&L is below zero (equity < margin).
    dates = [d for d in sorted(raw_rows()) if e.start <= d <= e.end]
    s0 = cross(dates[0], "EUR", "CHF")
    first_loss = next(
        d
        for d in dates
        if (n := (np.datetime64(d) - np.datetime64(dates[0])).astype(int))
        and cross(d, "EUR", "CHF") / s0 * (1 + 0.0005 * n / 360) < 1 - 0.0025 * n / 360
    )
    assert r.margin_call_date == first_loss < "2015-01-15"
    # The 50% stop-out comes with the floor's removal, filled below zero: wiped out.
    assert r.stop_out_date == "2015-01-15"
    assert r.wiped_out_date == "2015-01-15"


def test_every_named_episode_runs_on_the_shipped_data():
    for e in EPISODES.values():
        r = stress_replay(e.pair, e.funding, e.start, e.end, N, 0.03, 0.01)
        assert r.spot_start == pytest.approx(cross(str(r.dates[0]), *str(e.pair).split("/")))
        assert r.max_drawdown > 0


def test_stress_bad_input():
    with pytest.raises(CarryxlError, match="must be one of") as error:
        episode("dotcom")
    assert error.value.argument == "episode"
    with pytest.raises(CarryxlError, match="no fixing") as error:
        stress_replay(Pair.parse("USD/JPY"), Currency.JPY, "2024-08-03", "2024-08-04", N, 0.05, 0.0)
    assert error.value.argument == "end"
    with pytest.raises(CarryxlError) as error:
        stress_replay(Pair.parse("USD/JPY"), Currency.EUR, "2024-07-01", "2024-08-01", N, 0.05, 0.0)
    assert error.value.argument == "funding"
    with pytest.raises(CarryxlError) as error:
        stress_replay(
            Pair.parse("USD/JPY"),
            Currency.JPY,
            "2024-07-01",
            "2024-08-01",
            N,
            0.05,
            0.0,
            leverage=-1,
        )
    assert error.value.argument == "leverage"


def test_stress_with_a_rate_schedule_accrues_each_step():
    schedule = RateSchedule.from_rows(
        [["date", "TRY", "USD"], ["2018-01-01", "8%", "1.5%"], ["2018-06-07", "17.75%", ""]]
    )
    assert "2018-06-07" in raw_rows()  # a fixing date, so the step splits the accrual there
    r = stress_replay(
        Pair.parse("USD/TRY"), Currency.USD, "2018-01-02", "2018-12-31", N, schedule, schedule
    )
    d1 = (np.datetime64("2018-06-07") - np.datetime64("2018-01-02")).astype(int)
    d2 = (np.datetime64("2018-12-31") - np.datetime64("2018-06-07")).astype(int)
    a_try = 0.08 * d1 / 360 + 0.1775 * d2 / 360  # TRY and USD are both ACT/360
    a_usd = 0.015 * (d1 + d2) / 360
    ratio = cross("2018-01-02", "USD", "TRY") / cross("2018-12-31", "USD", "TRY")  # TRY in USD
    assert r.pnl[-1] == pytest.approx(N * (ratio * (1 + a_try) - (1 + a_usd)))
    assert (r.rate_target, r.rate_funding) == (0.08, 0.015)  # in force on the first date


def test_a_leveraged_position_is_stopped_out_and_never_loses_195_percent_of_peak():
    # Held through, 10x in the 2024 unwind loses more than the whole margin.
    held = stress_replay(
        Pair.parse("USD/JPY"),
        Currency.JPY,
        "2024-07-01",
        "2024-08-30",
        N,
        0.0533,
        0.001,
        leverage=10,
        stop_out=None,
    )
    assert held.max_drawdown > 1.0
    r = stress_replay(
        Pair.parse("USD/JPY"),
        Currency.JPY,
        "2024-07-01",
        "2024-08-30",
        N,
        0.0533,
        0.001,
        leverage=10,
    )
    assert r.stop_out_level == 0.5
    # The stop-out day is the first fixing where the held position's equity < 50% of margin.
    first = next(i for i, e in enumerate(held.equity) if e < 0.5 * N / 10)
    assert r.stop_out_date == str(held.dates[first])
    assert r.stop_out_spot == pytest.approx(cross(r.stop_out_date, "USD", "JPY"))
    assert r.stop_out_pnl == pytest.approx(held.pnl[first])
    # Closed: P&L and equity stay where they were at the stop-out fixing.
    assert np.all(r.pnl[first:] == r.pnl[first])
    np.testing.assert_allclose(r.equity[: first + 1], held.equity[: first + 1])
    assert r.max_drawdown < 1.0
    assert r.wiped_out_date is None
    assert r.worst_pnl == pytest.approx(held.pnl[first])


def test_an_unleveraged_position_is_never_stopped_out():
    e = EPISODES["try2018"]
    r = stress_replay(e.pair, e.funding, e.start, e.end, N, 0.1775, 0.02)
    assert r.stop_out_level is None
    assert r.stop_out_date is None
