"""Trading costs and the costs line of every carry P&L breakdown."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from carryxl.core import (
    CarryxlError,
    breakeven_spot_after_costs,
    carry_breakdown,
    carry_breakdown_simple,
    carry_pnl,
    carry_return,
    carry_trade_costs,
    commission_cost,
    markup_cost,
    rates_after_markup,
    spread_cost,
)
from tests.strategies import desk_moves, desk_notionals, desk_rates, desk_spots, orientations

SEED1 = (10_000_000, 100.0, 103.0, 0.045, 0.001, 0.5)
SEED2 = (100_000, 30.0, 32.0, 0.25, 0.05, 0.25, "funding/target")


def test_zero_costs_leave_the_seed_numbers_exactly():
    exact = carry_breakdown(*SEED1)
    simple = carry_breakdown_simple(*SEED1)
    assert float(exact.total) == pytest.approx(526_750.0, abs=1e-6)
    assert float(simple.total) == pytest.approx(520_000.0, abs=1e-6)
    assert float(carry_pnl(*SEED2)) == pytest.approx(-1_640.625, abs=1e-9)
    # Bit for bit the same as before costs existed: carry + fx + cross, nothing subtracted.
    assert float(exact.total) == float(exact.carry + exact.fx + exact.cross)
    assert float(exact.costs) == 0.0
    assert float(carry_pnl(*SEED1, costs=0.0)) == float(carry_pnl(*SEED1))


def test_costs_are_subtracted_from_every_total():
    # Seed 1 with 2,000 JPY of spread: 526,750 - 2,000 = 524,750 exact; 518,000 simple.
    exact = carry_breakdown(*SEED1, costs=2_000.0)
    simple = carry_breakdown_simple(*SEED1, costs=2_000.0)
    assert float(exact.total) == pytest.approx(524_750.0)
    assert float(exact.total_return) == pytest.approx(0.052475)
    assert float(simple.total) == pytest.approx(518_000.0)
    assert float(exact.costs) == 2_000.0
    assert float(carry_pnl(*SEED1, costs=2_000.0)) == pytest.approx(524_750.0)
    # carry_return takes costs as a fraction of the notional: 2,000 / 10,000,000 = 0.0002.
    assert float(carry_return(*SEED1[1:], costs=0.0002)) == pytest.approx(0.052475)


def test_spread_and_commission_by_hand():
    # 100,000 AUD at a 2-pip AUD/JPY spread (pip 0.01): half of 2 pips = 0.01 JPY a unit.
    assert float(spread_cost(100_000, 2, 0.01)) == pytest.approx(1_000.0)
    # 2.5 lots, 7 a lot a side, two sides = 35; per million 30 on 250,000 two sides = 15.
    assert float(commission_cost(250_000, per_lot=7)) == pytest.approx(35.0)
    assert float(commission_cost(250_000, per_million=30)) == pytest.approx(15.0)
    assert float(commission_cost(250_000, per_lot=7, sides=1)) == pytest.approx(17.5)


def test_carry_trade_costs_in_the_funding_currency():
    # Seed 1, spread 2 pips both ways: 100,000 AUD * (0.01 + 0.01) = 2,000 JPY.
    # Commission 5 JPY-equivalent a lot: 1 lot * 5 * 2 sides = 10.
    c = carry_trade_costs(10_000_000, 100, 103, 0.01, "target/funding", 2, commission_per_lot=5)
    assert float(c.spread) == pytest.approx(2_000.0)
    assert float(c.commission) == pytest.approx(10.0)
    assert float(c.total) == pytest.approx(2_010.0)
    # Seed 2 (USD/TRY funded in USD), 20-pip spread, 30 per million, markups 0.5% / 1%:
    # spread: 100,000 * 0.001 TRY at entry / 30 + 100,000 * 0.001 TRY at exit / 32
    #   = 3.3333 + 3.125 = 6.4583 USD; commission 0.1m * 30 * 2 = 6 USD;
    # markup exact: 100,000 * (30/32 * 0.005 * 0.25 + 0.01 * 0.25) = 367.1875 USD.
    c2 = carry_trade_costs(
        100_000,
        30,
        32,
        0.0001,
        "funding/target",
        20,
        commission_per_million=30,
        markup_target=0.005,
        markup_funding=0.01,
        years=0.25,
    )
    assert float(c2.spread) == pytest.approx(100 / 30 + 100 / 32)
    assert float(c2.commission) == pytest.approx(6.0)
    assert float(c2.markup) == pytest.approx(367.1875)
    simple = carry_trade_costs(
        notional=100_000,
        spot_start=30,
        spot_end=32,
        pip_size=0.0001,
        orientation="funding/target",
        markup_target=0.005,
        markup_funding=0.01,
        years=0.25,
        exact=False,
    )
    # Simple: 100,000 * (0.005 + 0.01) * 0.25 = 375.
    assert float(simple.markup) == pytest.approx(375.0)


def test_rates_after_markup():
    earned, paid = rates_after_markup(0.045, 0.001, 0.005, 0.01)
    assert float(earned) == pytest.approx(0.040)
    assert float(paid) == pytest.approx(0.011)


@given(
    notional=desk_notionals,
    s0=desk_spots,
    move=desk_moves,
    r_t=desk_rates,
    r_f=st.floats(0.0, 0.1),
    m_t=st.floats(0.0, 0.02),
    m_f=st.floats(0.0, 0.02),
    years=st.floats(0.01, 2),
    orientation=orientations,
)
def test_markup_cost_is_the_gap_to_the_rates_actually_paid(
    notional, s0, move, r_t, r_f, m_t, m_f, years, orientation
):
    # Exact P&L at benchmark rates less the markup cost = exact P&L at the broker's rates.
    s1 = s0 * (1 + move)
    earned, paid = rates_after_markup(r_t, r_f, m_t, m_f)
    costs = carry_trade_costs(
        notional=notional,
        spot_start=s0,
        spot_end=s1,
        pip_size=0.0001,
        orientation=orientation,
        markup_target=m_t,
        markup_funding=m_f,
        years=years,
    )
    at_benchmark = carry_breakdown(
        notional, s0, s1, r_t, r_f, years, orientation, costs=costs.total
    )
    at_broker = carry_pnl(notional, s0, s1, earned, paid, years, orientation)
    assert float(at_benchmark.total) == pytest.approx(float(at_broker), rel=1e-9, abs=1e-6)
    # And the breakdown adds up with the costs line.
    b = at_benchmark
    assert float(b.carry + b.fx + b.cross - b.costs) == pytest.approx(float(b.total), abs=1e-6)


def test_costs_vectorized_over_positions():
    b = carry_breakdown(
        np.array([1e6, 2e6]), 100, 103, 0.045, 0.001, 0.5, costs=np.array([100.0, 0.0])
    )
    np.testing.assert_allclose(b.total, [52_675.0 - 100.0, 105_350.0])
    np.testing.assert_allclose(b.costs, [100.0, 0.0])
    m = markup_cost(np.array([1e6, 1e7]), 0.005, 0.01, 0.5, 1.03)
    # 1e6 * (1.03 * 0.0025 + 0.005) = 7,575.
    np.testing.assert_allclose(m, [7_575.0, 75_750.0])


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: carry_breakdown(*SEED1, costs=-1.0), "costs"),
        (lambda: carry_pnl(*SEED1, costs=float("nan")), "costs"),
        (lambda: spread_cost(100, -2, 0.01), "spread_pips"),
        (lambda: spread_cost(100, 2, 0), "pip_size"),
        (lambda: commission_cost(100, per_lot=-1), "per_lot"),
        (lambda: rates_after_markup(0.01, 0.01, 1.5), "rate_target - markup_target"),
        (lambda: rates_after_markup(0.01, 0.01, -0.01), "markup_target"),
        (lambda: carry_trade_costs(1e6, 100, 0, 0.01), "spot_end"),
    ],
)
def test_bad_input_names_the_argument(call, argument):
    with pytest.raises(CarryxlError) as info:
        call()
    assert info.value.argument.startswith(argument)


def test_breakeven_after_costs_by_hand():
    # Seed 1 with a 2-pip spread (2,000 JPY, independent of the end spot here):
    # ρ = (10,000,000 * 1.0005 + 2,000) / (10,000,000 * 1.0225) -> S1 = 100 ρ = 97.86797.
    spot = float(
        breakeven_spot_after_costs(10_000_000, 100, 0.045, 0.001, 0.5, 0.01, spread_entry_pips=2)
    )
    assert spot == pytest.approx(100 * 10_007_000 / 10_225_000)
    # No costs: the interest-parity forward 97.8484.
    assert float(breakeven_spot_after_costs(10_000_000, 100, 0.045, 0.001, 0.5, 0.01)) == (
        pytest.approx(100 * 1.0005 / 1.0225)
    )


@given(
    notional=st.floats(1e4, 1e9),
    s0=desk_spots,
    r_t=desk_rates,
    r_f=st.floats(0.0, 0.1),
    years=st.floats(0.01, 2),
    spread=st.floats(0, 50),
    spread_exit=st.floats(0, 50),
    per_lot=st.floats(0, 20),
    m_t=st.floats(0.0, 0.02),
    m_f=st.floats(0.0, 0.02),
    orientation=orientations,
)
def test_pnl_after_costs_is_zero_at_the_breakeven(
    notional, s0, r_t, r_f, years, spread, spread_exit, per_lot, m_t, m_f, orientation
):
    pip = 0.0001
    costs = {
        "spread_entry_pips": spread,
        "spread_exit_pips": spread_exit,
        "commission_per_lot": per_lot,
        "markup_target": m_t,
        "markup_funding": m_f,
    }
    s1 = float(breakeven_spot_after_costs(notional, s0, r_t, r_f, years, pip, orientation, **costs))
    total_costs = carry_trade_costs(notional, s0, s1, pip, orientation, years=years, **costs).total
    pnl = carry_pnl(notional, s0, s1, r_t, r_f, years, orientation, costs=total_costs)
    assert float(pnl) == pytest.approx(0.0, abs=1e-6 * notional)
