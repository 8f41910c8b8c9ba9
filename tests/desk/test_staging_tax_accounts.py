"""Staged entry, tax, account currency."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from carryxl.core import (
    CarryxlError,
    LossOffset,
    after_tax,
    after_tax_breakdown,
    breakdown_in_account,
    carry_breakdown,
    carry_breakdown_simple,
    convert_money,
    cross_rate,
    staged_position,
)
from carryxl.core.conventions import Currency, Pair
from tests.strategies import desk_moves, desk_notionals, desk_rates, desk_spots, money, to_account

# --- staged entry (分批建仓) --------------------------------------------------------------


def test_staged_entry_in_base_units_by_hand():
    # 100,000 AUD at 100, 100,000 at 98, 200,000 at 96:
    # cost 10,000,000 + 9,800,000 + 19,200,000 = 39,000,000 JPY for 400,000 AUD -> 97.5.
    # At 99: 400,000 * (99 - 97.5) = 600,000 JPY; tranches -100,000, +100,000, +600,000.
    p = staged_position([100_000, 100_000, 200_000], [100, 98, 96], 99)
    assert float(p.units) == 400_000
    assert float(p.cost) == 39_000_000
    assert float(p.average_rate) == pytest.approx(97.5)
    assert float(p.pnl) == pytest.approx(600_000)
    np.testing.assert_allclose(p.pnl_tranches, [-100_000, 100_000, 600_000])
    assert float(p.total_return) == pytest.approx(600_000 / 39_000_000)
    # Short the same tranches: the mirror image.
    assert float(staged_position([100_000, 100_000, 200_000], [100, 98, 96], 99, "short").pnl) == (
        pytest.approx(-600_000)
    )


def test_staged_entry_in_quote_money_is_a_harmonic_average():
    # 10,000,000 JPY at 100 (100,000 AUD) and at 98 (102,040.816 AUD):
    # average = 20,000,000 / 202,040.816 = 98.9899 = 2 / (1/100 + 1/98).
    p = staged_position([10_000_000, 10_000_000], [100, 98], 99, amounts_in="quote")
    assert float(p.average_rate) == pytest.approx(2 / (1 / 100 + 1 / 98))
    assert float(p.units) == pytest.approx(100_000 + 10_000_000 / 98)
    assert float(p.pnl) == pytest.approx(float(p.units) * 99 - 20_000_000)


def test_staged_entry_rows_are_positions():
    amounts = np.array([[1.0, 1.0], [1.0, 3.0]])
    rates = np.array([[100.0, 102.0], [100.0, 104.0]])
    p = staged_position(amounts, rates, np.array([101.0, 103.0]))
    np.testing.assert_allclose(p.average_rate, [101.0, 103.0])
    np.testing.assert_allclose(p.pnl, [0.0, 0.0])


@given(
    amounts=st.lists(st.floats(1, 1e6), min_size=1, max_size=8),
    data=st.data(),
    spot=desk_spots,
)
def test_staged_pnl_is_units_times_distance_to_the_average(amounts, data, spot):
    rates = data.draw(st.lists(desk_spots, min_size=len(amounts), max_size=len(amounts)))
    p = staged_position(amounts, rates, spot)
    assert min(rates) - 1e-9 <= float(p.average_rate) <= max(rates) + 1e-9
    assert float(p.pnl) == pytest.approx(
        float(p.units) * (spot - float(p.average_rate)), rel=1e-9, abs=1e-6
    )


# --- tax -------------------------------------------------------------------------------------


def test_tax_within_position_by_hand():
    # Interest 220,000, FX -50,000, 20% / 10%: the FX loss offsets interest:
    # taxable interest 170,000 -> tax 34,000; after tax 170,000 - 34,000 = 136,000.
    t = after_tax(220_000, -50_000, 0.20, 0.10)
    assert float(t.taxable_interest) == 170_000
    assert float(t.taxable_fx) == 0
    assert float(t.tax) == pytest.approx(34_000)
    assert float(t.after_tax) == pytest.approx(136_000)
    # Separate baskets: the FX loss is wasted: tax 44,000, after tax 126,000.
    s = after_tax(220_000, -50_000, 0.20, 0.10, "separate")
    assert float(s.tax) == pytest.approx(44_000)
    assert float(s.after_tax) == pytest.approx(126_000)
    # Interest loss (negative carry) offsetting an FX gain: -5,000 and +30,000 at 20%/10%:
    # taxable FX 25,000 -> 2,500 tax.
    assert float(after_tax(-5_000, 30_000, 0.2, 0.1, LossOffset.WITHIN_POSITION).tax) == (
        pytest.approx(2_500)
    )
    # Both losses: no tax, no refund.
    assert float(after_tax(-5_000, -30_000, 0.2, 0.1).tax) == 0


def test_seed_one_after_tax():
    # Exact seed 1: interest basket = carry + cross = 226,750 (AUD interest at the end rate),
    # FX 300,000; 20% and 10%: tax 45,350 + 30,000 = 75,350; after tax 451,400 JPY.
    t = after_tax_breakdown(carry_breakdown(10_000_000, 100, 103, 0.045, 0.001, 0.5), 0.2, 0.1)
    assert float(t.interest) == pytest.approx(226_750)
    assert float(t.tax) == pytest.approx(75_350)
    assert float(t.after_tax) == pytest.approx(451_400)
    # Simple decomposition with 2,000 JPY of costs: FX basket 298,000:
    # tax 44,000 + 29,800 = 73,800; after tax 518,000 - 73,800 = 444,200.
    simple = carry_breakdown_simple(10_000_000, 100, 103, 0.045, 0.001, 0.5, costs=2_000)
    t2 = after_tax_breakdown(simple, 0.2, 0.1)
    assert float(t2.tax) == pytest.approx(73_800)
    assert float(t2.after_tax) == pytest.approx(444_200)


@given(
    notional=desk_notionals,
    move=desk_moves,
    r_t=desk_rates,
    r_f=desk_rates,
    costs=st.floats(0, 1e3),
    offset=st.sampled_from(list(LossOffset)),
)
def test_zero_tax_leaves_the_pnl_unchanged(notional, move, r_t, r_f, costs, offset):
    b = carry_breakdown(notional, 100, 100 * (1 + move), r_t, r_f, 0.5, costs=costs)
    t = after_tax_breakdown(b, 0.0, 0.0, offset)
    assert float(t.tax) == 0.0
    assert float(t.after_tax) == pytest.approx(float(b.total), rel=1e-12, abs=1e-6)


@given(
    interest=st.floats(-1e6, 1e6),
    fx=st.floats(-1e6, 1e6),
    r_i=st.floats(0, 1),
    r_fx=st.floats(0, 1),
)
def test_tax_properties(interest, fx, r_i, r_fx):
    within = after_tax(interest, fx, r_i, r_fx)
    separate = after_tax(interest, fx, r_i, r_fx, "separate")
    # Offsetting losses never raises the tax; tax is never negative nor above the gains.
    assert 0.0 <= float(within.tax) <= float(separate.tax) + 1e-9
    assert float(separate.tax) <= max(interest, 0) + max(fx, 0) + 1e-9
    assert float(within.after_tax) == pytest.approx(interest + fx - float(within.tax), abs=1e-6)


# --- account currency ----------------------------------------------------------------------


def test_account_in_cny_funded_in_jpy_holding_usd():
    # Borrow 15,000,000 JPY, buy USD at 150, USD 5% / JPY 0.5%, 6 months, USD/JPY 155 at
    # the end: 15,000,000 * (155/150 * 1.025 - 1.0025) = 850,000 JPY.
    b = carry_breakdown(15_000_000, 150, 155, 0.05, 0.005, 0.5)
    assert float(b.total) == pytest.approx(850_000)
    # USD/CNY 7.2 at the end: JPY/CNY = 7.2 / 155 = 0.04645161 CNY per JPY;
    # 850,000 * 7.2 / 155 = 39,483.87 CNY.
    k = cross_rate(Pair.parse("JPY/CNY"), Pair.parse("USD/CNY"), 7.2, Pair.parse("USD/JPY"), 155)
    assert float(k) == pytest.approx(7.2 / 155)
    cny = breakdown_in_account(b, k)
    assert float(cny.total) == pytest.approx(39_483.870967742)
    assert float(cny.carry + cny.fx + cny.cross - cny.costs) == pytest.approx(float(cny.total))
    assert float(cny.total_return) == float(b.total_return)
    # The same with the rate quoted CNY/JPY (21.5278 JPY per CNY): divide.
    assert float(
        convert_money(850_000, Currency.JPY, Currency.CNY, 155 / 7.2, Pair.parse("CNY/JPY"))
    ) == pytest.approx(39_483.870967742)
    assert float(
        convert_money(850_000, Currency.JPY, Currency.CNY, 7.2 / 155, Pair.parse("JPY/CNY"))
    ) == pytest.approx(39_483.870967742)


def test_cross_rate_cases():
    # EUR/JPY from EUR/USD 1.08 and USD/JPY 150: 162.
    assert float(
        cross_rate(Pair.parse("EUR/JPY"), Pair.parse("EUR/USD"), 1.08, Pair.parse("USD/JPY"), 150)
    ) == pytest.approx(162.0)
    # AUD/NZD from AUD/USD 0.66 and NZD/USD 0.60: 1.1.
    assert float(
        cross_rate(Pair.parse("AUD/NZD"), Pair.parse("AUD/USD"), 0.66, Pair.parse("NZD/USD"), 0.60)
    ) == pytest.approx(1.1)
    # Asking for one of the given pairs returns it.
    assert float(
        cross_rate(Pair.parse("USD/JPY"), Pair.parse("EUR/USD"), 1.08, Pair.parse("USD/JPY"), 150)
    ) == pytest.approx(150.0)


@given(
    amount=money,
    rate=to_account,
)
def test_convert_there_and_back(amount, rate):
    there = convert_money(amount, Currency.JPY, Currency.CNY, rate, Pair.parse("CNY/JPY"))
    back = convert_money(there, Currency.CNY, Currency.JPY, rate, Pair.parse("CNY/JPY"))
    assert float(back) == pytest.approx(amount, rel=1e-12, abs=1e-9)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: staged_position([1, -1], [100, 100], 100), "amounts"),
        (lambda: staged_position([1, 1], [100, 0], 100), "rates"),
        (lambda: staged_position([1, 1], [100, 100], 100, amounts_in="lots"), "amounts_in"),
        (lambda: staged_position([1, 1], [100, 100, 100], 100), "amounts"),
        (lambda: after_tax(1, 1, 1.5, 0.1), "rate_interest"),
        (lambda: after_tax(1, 1, 0.1, -0.1), "rate_fx"),
        (lambda: after_tax(1, 1, 0.1, 0.1, "sometimes"), "offset"),
        (lambda: convert_money(1, Currency.JPY, Currency.CNY, 7.2, Pair.parse("USD/CNY")), "pair"),
        (lambda: convert_money(1, Currency.JPY, Currency.CNY, 0, Pair.parse("CNY/JPY")), "rate"),
        (
            lambda: cross_rate(
                Pair.parse("EUR/GBP"), Pair.parse("USD/JPY"), 150, Pair.parse("AUD/NZD"), 1.1
            ),
            "pair_b",
        ),
        (
            lambda: cross_rate(
                Pair.parse("EUR/GBP"), Pair.parse("USD/JPY"), 150, Pair.parse("USD/CNY"), 7.2
            ),
            "wanted",
        ),
        (lambda: breakdown_in_account(carry_breakdown(1, 1, 1, 0, 0, 1), -1), "rate_to_account"),
    ],
)
def test_bad_input_names_the_argument(call, argument):
    with pytest.raises(CarryxlError) as info:
        call()
    assert info.value.argument.startswith(argument)
