"""Leverage and margin; risk sizing, VaR, ES, probability of loss."""

from __future__ import annotations

import importlib
import inspect
import math
import string
from statistics import NormalDist

import numpy as np
import pytest
import QuantLib as ql
from hypothesis import assume, given
from hypothesis import strategies as st

from carryxl import core
from carryxl.core import (
    CarryxlError,
    benchmark_swap,
    carry_pnl,
    carry_to_vol,
    days_to_margin_call,
    expected_shortfall,
    margin_call_spot,
    margin_fraction,
    margin_level,
    margin_required,
    normal_cdf,
    pip_value,
    position_size,
    probability_of_loss,
    return_on_equity,
    stop_loss_spot,
    value_at_risk,
)
from carryxl.core.conventions import Pair
from carryxl.workbooks.sheets.risk import RISK_NATIVE
from tests.strategies import account_currencies, desk_spots, position_sides, to_account

# --- margin ---------------------------------------------------------------------------------


def test_margin_by_hand():
    # 100,000 AUD of AUD/JPY at 100 = 10,000,000 JPY; at 1:25 the margin is 400,000 JPY.
    assert float(margin_required(10_000_000, leverage=25)) == pytest.approx(400_000.0)
    assert float(margin_required(10_000_000, margin_rate=0.04)) == pytest.approx(400_000.0)
    assert float(margin_fraction(leverage=50)) == pytest.approx(0.02)
    # Seed 1's exact 526,750 JPY on 400,000 JPY of margin: 131.6875%.
    assert float(return_on_equity(526_750, 400_000)) == pytest.approx(1.316875)
    assert float(margin_level(600_000, 400_000)) == pytest.approx(1.5)


def test_margin_call_spot_by_hand():
    # Long 100,000 AUD/JPY at 100, equity 1,000,000 JPY, 1:25, call at 100%:
    # S = (100,000 * 100 - 1,000,000) / (100,000 * (1 - 0.04)) = 93.75; at 93.75 equity is
    # 1,000,000 - 625,000 = 375,000 = margin 100,000 * 93.75 * 4%.
    assert float(margin_call_spot(100, 100_000, 1_000_000, "long", 25)) == pytest.approx(93.75)
    # Stop-out at 50%: 9,000,000 / (100,000 * 0.98) = 91.8367.
    assert float(margin_call_spot(100, 100_000, 1_000_000, "long", 25, level=0.5)) == (
        pytest.approx(9_000_000 / 98_000)
    )
    # Short: (100,000 * 100 + 1,000,000) / (100,000 * 1.04) = 105.769.
    assert float(margin_call_spot(100, 100_000, 1_000_000, "short", 25)) == pytest.approx(
        11_000_000 / 104_000
    )
    # Base-currency account: long 100,000 USD/TRY at 32, equity 10,000 USD, 1:20 (5%),
    # margin 5,000 USD fixed; S = 100,000 * 32 / (10,000 + 100,000 - 5,000) = 30.476.
    assert float(margin_call_spot(32, 100_000, 10_000, "long", 20, account="base")) == (
        pytest.approx(3_200_000 / 105_000)
    )
    # An unlevered long cannot be called: NaN.
    assert math.isnan(float(margin_call_spot(100, 1_000, 1_000_000, "long", 25)))


@given(
    s0=desk_spots,
    units=st.floats(1e3, 1e7),
    lev=st.floats(2, 100),
    cushion=st.floats(1.05, 20),
    level=st.floats(0.2, 1.5),
    side=st.sampled_from([1.0, -1.0]),
    account=account_currencies,
)
def test_at_the_margin_call_spot_equity_over_margin_is_the_level(
    s0, units, lev, cushion, level, side, account
):
    m = 1 / lev
    margin0 = units * m * (s0 if account == "quote" else 1.0)
    equity = cushion * level * margin0
    spot = float(margin_call_spot(s0, units, equity, side, None, m, level, account))
    # Where the call spot is ~0 (equity ~ the whole position) it is numerically a
    # difference of near-equal numbers; those spots mean "never" in practice.
    assume(math.isfinite(spot) and spot > 1e-6 * s0)
    if account == "quote":
        eq, mg = equity + side * units * (spot - s0), units * spot * m
    else:
        eq, mg = equity + side * units * (spot - s0) / spot, units * m
    assert eq / mg == pytest.approx(level, rel=1e-7)
    # And the spot is on the losing side of entry.
    assert side * (spot - s0) < 0


def test_days_until_negative_swap_reaches_the_margin_call():
    # Long USD/TRY funded in TRY: 100,000 USD at 32, 1:10 -> margin 320,000 TRY; equity
    # 400,000 TRY; swap -1,500 TRY a day: (400,000 - 320,000) / 1,500 = 53.33 days.
    assert float(days_to_margin_call(400_000, 320_000, -1_500)) == pytest.approx(80_000 / 1_500)
    # At a 50% stop-out: (400,000 - 160,000) / 1,500 = 160 days.
    assert float(days_to_margin_call(400_000, 320_000, -1_500, 0.5)) == pytest.approx(160.0)
    # Positive carry never erodes equity.
    assert float(days_to_margin_call(400_000, 320_000, 10.0)) == math.inf
    np.testing.assert_allclose(
        days_to_margin_call(400_000, 320_000, np.array([-1_000.0, -2_000.0, 0.0])),
        [80.0, 40.0, np.inf],
    )


def test_long_usd_try_funded_in_try_erodes_to_the_margin_call():
    # Long 100,000 USD/TRY at 32 (hold USD at 5%, pay TRY at 45%, both ACT/360): one night
    # by interest parity = 100,000 * (32 - 32 * (1 + 0.45/360) / (1 + 0.05/360))
    #   = -100,000 * 32 * (0.40/360) / (1 + 0.05/360) = -3,555.06 TRY a night.
    per_night = float(benchmark_swap(Pair.parse("USD/TRY"), 100_000, 32, 0.05, 0.45))
    assert per_night == pytest.approx(-100_000 * 32 * (0.40 / 360) / (1 + 0.05 / 360))
    assert per_night == pytest.approx(-3_555.06, abs=0.01)
    # 1:10 -> margin 320,000 TRY; equity 400,000 TRY: 80,000 / 3,555.06 = 22.5 days.
    margin = float(margin_required(100_000 * 32, leverage=10))
    assert margin == pytest.approx(320_000)
    assert float(days_to_margin_call(400_000, margin, per_night)) == pytest.approx(
        80_000 / 3_555.0617, rel=1e-6
    )


# --- sizing ---------------------------------------------------------------------------------


def test_pip_value_and_position_size_by_hand():
    # 100,000 USD/JPY: 1,000 JPY a pip; in a USD account at 150: 6.667 USD.
    assert float(pip_value(100_000, 0.01)) == pytest.approx(1_000.0)
    assert float(pip_value(100_000, 0.01, 1 / 150)) == pytest.approx(1_000 / 150)
    # Risk 10,000 JPY, 50-pip stop on AUD/JPY: 10,000 / (50 * 0.01) = 20,000 AUD.
    assert float(position_size(10_000, 50, 0.01)) == pytest.approx(20_000.0)
    # Risk 1% of 50,000 USD with a 40-pip EUR/USD stop: 500 / (40 * 0.0001) = 125,000 EUR.
    assert float(position_size(0.01 * 50_000, 40, 0.0001)) == pytest.approx(125_000.0)


@given(
    budget=st.floats(1, 1e7),
    stop=st.floats(1, 2000),
    pip=st.sampled_from([0.01, 0.0001, 0.001]),
    to_account=to_account,
)
def test_size_times_stop_times_pip_value_is_the_budget(budget, stop, pip, to_account):
    units = position_size(budget, stop, pip, to_account)
    assert float(units * stop * pip_value(1.0, pip, to_account)) == pytest.approx(budget, rel=1e-12)


def test_stop_loss_spot_by_hand():
    # Long 100,000 AUD/JPY at 100, max loss 300,000 JPY: 100 - 3 = 97 (a 3% stop).
    assert float(stop_loss_spot(100, 100_000, 300_000)) == pytest.approx(97.0)
    assert float(stop_loss_spot(100, 100_000, 300_000, "short")) == pytest.approx(103.0)
    # 2% of 1,000,000 JPY equity: loss 20,000 on 100,000 units -> 0.20 -> 99.80.
    assert float(stop_loss_spot(100, 100_000, 0.02 * 1_000_000)) == pytest.approx(99.8)
    # Base-currency account: long 100,000 USD/TRY at 32, max loss 5,000 USD:
    # 100,000 * 32 / 105,000 = 30.476; P&L in USD there = 100,000 * (30.476 - 32) / 30.476.
    spot = float(stop_loss_spot(32, 100_000, 5_000, "long", "base"))
    assert spot == pytest.approx(3_200_000 / 105_000)
    assert 100_000 * (spot - 32) / spot == pytest.approx(-5_000)
    # A short in the base currency loses at most its units: never 200,000 of 100,000.
    assert math.isnan(float(stop_loss_spot(32, 100_000, 200_000, "short", "base")))


@given(
    s0=desk_spots,
    units=st.floats(1e3, 1e7),
    loss_fraction=st.floats(0.001, 0.5),
    side=position_sides,
)
def test_loss_at_the_stop_is_the_max_loss(s0, units, loss_fraction, side):
    loss = loss_fraction * units * s0
    spot = float(stop_loss_spot(s0, units, loss, side))
    sign = 1.0 if side == "long" else -1.0
    assert sign * units * (spot - s0) == pytest.approx(-loss, rel=1e-9)


# --- VaR, ES, probability of loss ---------------------------------------------------------


def test_var_and_es_by_hand():
    # 10,000,000 JPY at 12% vol over 10 trading days, 99%:
    # z = 2.326348, σ√t = 0.12 * √(10/252) = 0.0239046; VaR = 556,103.5 JPY.
    z = NormalDist().inv_cdf(0.99)
    scale = 0.12 * math.sqrt(10 / 252)
    assert float(value_at_risk(1e7, 0.12, 10 / 252)) == pytest.approx(1e7 * z * scale)
    assert float(value_at_risk(1e7, 0.12, 10 / 252)) == pytest.approx(556_103.5, abs=0.1)
    # ES = σ√t φ(z) / 1% = 637,108 JPY; carry 4.4% a year as expected return lowers both by
    # 1e7 * 0.044 * 10/252 = 17,460.3.
    density = math.exp(-z * z / 2) / math.sqrt(2 * math.pi)
    assert float(expected_shortfall(1e7, 0.12, 10 / 252)) == pytest.approx(
        1e7 * scale * density / 0.01
    )
    assert float(expected_shortfall(1e7, 0.12, 10 / 252)) == pytest.approx(637_108.06, abs=0.01)
    shift = 1e7 * 0.044 * 10 / 252
    assert float(value_at_risk(1e7, 0.12, 10 / 252, 0.99, 0.044)) == pytest.approx(
        1e7 * z * scale - shift
    )


def test_es_is_the_mean_loss_beyond_var_numerically():
    # Integrate the normal tail on a fine grid: E[L | L > VaR] for L ~ N(0, s^2).
    s, c = 1.0, 0.975
    var = float(value_at_risk(1.0, s, 1.0, c))
    grid = np.linspace(var, var + 12, 200_001)
    density = np.exp(-0.5 * grid**2) / math.sqrt(2 * math.pi)
    mean_tail = np.trapezoid(grid * density, grid) / np.trapezoid(density, grid)
    assert float(expected_shortfall(1.0, s, 1.0, c)) == pytest.approx(mean_tail, rel=1e-6)


def test_normal_cdf_matches_quantlib():
    xs = np.linspace(-8, 8, 161)
    quantlib = ql.CumulativeNormalDistribution()
    np.testing.assert_allclose(
        normal_cdf(xs), [quantlib(float(x)) for x in xs], rtol=1e-12, atol=1e-15
    )


def test_probability_of_loss_by_hand():
    # Seed 1 rates over 0.5y at 12% vol, spot drift 0: the trade loses when
    # X1/X0 < b = 1.0005/1.0225; ln b = -0.0217507; mean of ln(X1/X0) = -0.5*0.0144*0.5 = -0.0036;
    # sd = 0.12*√0.5 = 0.0848528;
    # P = Φ((-0.0217507 + 0.0036)/0.0848528) = Φ(-0.213908) = 41.53%.
    p = float(probability_of_loss(0.045, 0.001, 0.12, 0.5))
    assert p == pytest.approx(
        NormalDist().cdf((math.log(1.0005 / 1.0225) + 0.0036) / 0.0848528), abs=1e-6
    )
    assert p == pytest.approx(0.41531, abs=1e-5)
    # No differential, no drift: loses when ln X1/X0 < 0, mean -σ²t/2: P = Φ(σ√t/2) > 50%.
    assert float(probability_of_loss(0.02, 0.02, 0.2, 1.0)) == pytest.approx(NormalDist().cdf(0.1))


def test_probability_of_loss_agrees_with_a_simulation():
    # Monte Carlo with the exact P&L function: lognormal spot, drift 0.
    rng = np.random.default_rng(7)
    sigma, t = 0.15, 1.0
    draws = np.exp(-0.5 * sigma**2 * t + sigma * math.sqrt(t) * rng.standard_normal(400_000))
    losing = carry_pnl(1.0, 100.0, 100.0 * draws, 0.05, 0.01, t) < 0
    expected = float(probability_of_loss(0.05, 0.01, sigma, t))
    assert float(losing.mean()) == pytest.approx(expected, abs=0.003)


def test_carry_to_vol():
    # AUD 4.5% vs JPY 0.1% at 12% vol: 0.044 / 0.12 = 0.3667 a year; over 3 months half that.
    assert float(carry_to_vol(0.045, 0.001, 0.12)) == pytest.approx(0.044 / 0.12)
    assert float(carry_to_vol(0.045, 0.001, 0.12, 0.25)) == pytest.approx(
        0.044 * 0.25 / (0.12 * 0.5)
    )


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (margin_fraction, "leverage"),
        (lambda: margin_fraction(25, 0.04), "leverage"),
        (lambda: margin_fraction(margin_rate=1.5), "margin_rate"),
        (lambda: margin_required(-1, 25), "position_value"),
        (lambda: margin_call_spot(100, 1e5, 1e5, "long", 25), "equity"),
        (lambda: margin_call_spot(100, 1e5, 1e6, "long", 25, account="ccy"), "account"),
        (lambda: days_to_margin_call(100, 200, -1), "equity"),
        (lambda: position_size(100, 0, 0.01), "stop_pips"),
        (lambda: position_size(-100, 10, 0.01), "risk_budget"),
        (lambda: stop_loss_spot(100, 1e5, 1e3, "sideways"), "side"),
        (lambda: value_at_risk(1e6, 0.1, 0.1, 1.2), "confidence"),
        (lambda: value_at_risk(1e6, -0.1, 0.1), "volatility"),
        (lambda: probability_of_loss(0.05, 0.01, 0.0, 1.0), "volatility"),
        (lambda: carry_to_vol(0.05, -2, 0.1), "rate_funding"),
    ],
)
def test_bad_input_names_the_argument(call, argument):
    with pytest.raises(CarryxlError) as info:
        call()
    assert info.value.argument.startswith(argument)


@pytest.mark.parametrize(
    ("table", "module"),
    [(core.RISK_FORMULAS, "carryxl.core.risk"), (core.MARGIN_FORMULAS, "carryxl.core.margin")],
)
def test_the_native_formulas_speak_their_functions_arguments(table, module) -> None:
    """Each spreadsheet formula is named for a core function and uses its argument names
    (plus ``side``, +1/-1, and ``z``, the quantile's cell)."""
    functions = importlib.import_module(module)
    for name, formula in table.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(formula) if f}
        if name == "quantile":
            assert fields == {"confidence"}
            continue
        arguments = set(inspect.signature(getattr(functions, name)).parameters)
        assert fields <= arguments | {"side", "z"}, (name, fields - arguments)


def test_the_risk_template_is_the_tables_on_its_cells() -> None:
    assert RISK_NATIVE["out_var"] == "=" + core.RISK_FORMULAS["value_at_risk"].format(
        position_value="out_position_value",
        z="out_z",
        volatility="in_volatility",
        years="out_horizon_years",
        expected_return="in_expected_return",
    )
    stop_out = core.MARGIN_FORMULAS["margin_call_spot"].format(
        side="IF(in_side=INDEX(list_sides,1),1,-1)",
        units="out_units",
        spot_entry="in_spot_start",
        equity="in_equity",
        level="in_stop_out_level",
        leverage="in_leverage",
    )
    assert stop_out in RISK_NATIVE["out_stop_out_spot"]
