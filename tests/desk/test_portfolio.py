"""The whole book: positions from tranches, correlated VaR, Euler contributions, exposure."""

from __future__ import annotations

import dataclasses
import math
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carryxl.core import CarryxlError, after_tax, staged_position, value_at_risk
from carryxl.core.conventions import Pair
from carryxl.core.portfolio import (
    BookColumns,
    book_positions,
    book_risk,
    book_tax,
    broker_swap,
    check_correlation,
    currency_exposure,
    position_index,
    tranche_sums,
)
from tests.strategies import money

Z99 = NormalDist().inv_cdf(0.99)

# --- positions from tranches (分批建仓) ------------------------------------------------


def test_two_tranches_by_hand():
    # 100,000 AUD at 100 (182 days ago) and 100,000 at 98 (91 days ago), spot 99.
    book = book_positions(
        BookColumns(
            position=[0, 0],
            amounts=[100_000, 100_000],
            rates=[100, 98],
            days=[182, 91],
            spot=99,
            side="long",
            rate_base=0.045,
            rate_quote=0.001,
            stop_loss=0.03,
            leverage=25,
        )
    )
    assert book.average_rate[0] == pytest.approx(99.0)
    assert book.fx[0] == pytest.approx(0.0, abs=1e-6)
    carry = 0.044 / 365 * (10_000_000 * 182 + 9_800_000 * 91)
    assert book.carry[0] == pytest.approx(carry, rel=1e-12)
    assert round(float(book.carry[0]), 2) == 326_901.92
    assert book.stop_spot[0] == pytest.approx(99 * 0.97)
    assert book.stop_distance[0] == pytest.approx(0.03)
    assert book.margin[0] == pytest.approx(200_000 * 99 / 25)


def test_positions_match_staged_position_one_by_one():
    position = [0, 1, 0, 1, 1, 2]
    amounts = [1e5, 2e4, 3e5, 1e4, 5e4, 7e3]
    rates = [100.0, 1.1, 97.0, 1.12, 1.09, 18.0]
    spots = [99.0, 1.105, 17.5]
    sides = ["long", "short", "long"]
    book = book_positions(
        BookColumns(
            position=position,
            amounts=amounts,
            rates=rates,
            days=0,
            spot=spots,
            side=sides,
            rate_base=0.01,
            rate_quote=0.02,
        )
    )
    for j in range(3):
        mine = [k for k, p in enumerate(position) if p == j]
        one = staged_position(
            [amounts[k] for k in mine], [rates[k] for k in mine], spots[j], sides[j]
        )
        assert book.average_rate[j] == pytest.approx(float(one.average_rate), rel=1e-14)
        assert book.fx[j] == pytest.approx(float(one.pnl), rel=1e-12, abs=1e-9)
        assert book.carry[j] == 0.0  # no days held


def test_short_position_stop_is_above_the_average_and_carry_is_reversed():
    book = book_positions(
        BookColumns(
            position=[0],
            amounts=[100_000],
            rates=[30.0],
            days=[365],
            spot=31.0,
            side="short",
            rate_base=0.05,
            rate_quote=0.45,
            stop_loss=0.05,
        )
    )
    assert book.stop_spot[0] == pytest.approx(31.5)
    assert book.stop_distance[0] == pytest.approx(-(31 - 31.5) / 31)
    assert book.carry[0] == pytest.approx(3_000_000 * 0.40)  # short USD/TRY earns TRY - USD
    assert book.fx[0] == pytest.approx(-100_000.0)


def test_tax_is_the_books_losses_offsetting_gains_of_the_same_kind():
    """Issue 19: the book pays tax on its baskets, not each position on its own."""
    k = np.array([0.05, 0.047])
    book = book_positions(
        BookColumns(
            position=[0, 1],
            amounts=[1e5, 1e5],
            rates=[100, 150],
            days=[180, 30],
            spot=[97, 152],
            side="long",
            rate_base=[0.045, 0.05],
            rate_quote=0.001,
            to_account=k,
            tax_interest=0.2,
            tax_fx=0.1,
            offset="separate",
        )
    )
    interest = np.array([1e7 * 0.044 * 180 / 365, 1.5e7 * 0.049 * 30 / 365]) * k
    fx = np.array([-300_000.0, 200_000.0]) * k  # -15,000 and +9,400 in the account
    # The FX basket nets to -5,600: no FX tax although the second position gained.
    assert book.tax.tax_fx.tolist() == [0.0, 0.0]
    np.testing.assert_allclose(book.tax.tax, 0.2 * interest, rtol=1e-12)
    np.testing.assert_allclose(book.tax.after_tax, interest + fx - 0.2 * interest, rtol=1e-12)
    np.testing.assert_allclose(book.total_account, book.total * k, rtol=1e-14)


def test_a_book_that_lost_pays_no_tax_and_shares_add_up():
    # Within: the book's FX loss offsets its interest; nobody pays.
    lost = book_tax([100.0, 5.0], [-500.0, 50.0], 0.2, 0.2, "within position")
    assert lost.tax.tolist() == [0.0, 0.0]
    # Interest 100 and -40 (60 taxable), FX 30 and 10 (40), 20% / 10%: 12 + 4 = 16,
    # shared 12 + 3 on the first, 1 on the second.
    paid = book_tax([100.0, -40.0], [30.0, 10.0], 0.2, 0.1, "separate")
    np.testing.assert_allclose(paid.tax, [15.0, 1.0], rtol=1e-14)
    assert float(np.sum(paid.after_tax)) == pytest.approx(100 - 40 + 40 - 16)


def test_broker_swap_per_lot_per_night_enters_the_total_and_the_interest_basket():
    # 150,000 AUD held 30 nights and 50,000 held 10, the broker credits 8.5 JPY per lot
    # of 10,000 AUD a night (long side); rates left at 0: the swap is the carry.
    kwargs = {"to_account": 0.047, "tax_interest": 0.2, "tax_fx": 0.1, "offset": "separate"}
    plain = book_positions(
        BookColumns(
            position=[0, 0],
            amounts=[150_000, 50_000],
            rates=[100, 98],
            days=[30, 10],
            spot=97,
            side="long",
            rate_base=0,
            rate_quote=0,
            **kwargs,
        )
    )
    book = book_positions(
        BookColumns(
            position=[0, 0],
            amounts=[150_000, 50_000],
            rates=[100, 98],
            days=[30, 10],
            spot=97,
            side="long",
            rate_base=0,
            rate_quote=0,
            swap=8.5,
            lot_size=10_000,
            **kwargs,
        )
    )
    swap = 8.5 * (15 * 30 + 5 * 10)  # lots x nights, tranche by tranche
    assert book.swap[0] == pytest.approx(swap, rel=1e-14)
    assert plain.swap[0] == 0.0
    assert book.total[0] == pytest.approx(plain.total[0] + swap, rel=1e-14)
    assert book.total_account[0] == pytest.approx(book.total[0] * 0.047, rel=1e-14)
    direct = after_tax((book.carry + swap) * 0.047, book.fx * 0.047, 0.2, 0.1, "separate")
    np.testing.assert_allclose(book.tax.tax, direct.tax, rtol=1e-14)
    # a charge (negative swap) on one position of two, the default lot of 100,000
    two = book_positions(
        BookColumns(
            position=[0, 1],
            amounts=[200_000, 100_000],
            rates=[100, 1.1],
            days=[5, 7],
            spot=[97, 1.09],
            side=["long", "short"],
            rate_base=0,
            rate_quote=0,
            swap=[0, -12.0],
        )
    )
    assert list(two.swap) == [0.0, pytest.approx(-12.0 * 1 * 7)]
    with pytest.raises(CarryxlError, match="lot_size"):
        book_positions(
            BookColumns(
                position=[0],
                amounts=[1e5],
                rates=[100],
                days=[3],
                spot=99,
                side="long",
                rate_base=0,
                rate_quote=0,
                swap=1,
                lot_size=0,
            )
        )


def test_bad_tranches_name_the_argument():
    with pytest.raises(CarryxlError, match="position"):
        position_index([0, 2])  # position 1 has no tranche
    with pytest.raises(CarryxlError, match="position"):
        position_index([0, 0.5])
    with pytest.raises(CarryxlError, match="amounts"):
        book_positions(
            BookColumns(
                position=[0],
                amounts=[-1],
                rates=[100],
                days=[0],
                spot=99,
                side="long",
                rate_base=0.01,
                rate_quote=0.0,
            )
        )
    with pytest.raises(CarryxlError, match="spot"):
        book_positions(
            BookColumns(
                position=[0, 1],
                amounts=[1, 1],
                rates=[100, 100],
                days=[0, 0],
                spot=[99, 98, 97],
                side="long",
                rate_base=0.01,
                rate_quote=0.0,
            )
        )
    with pytest.raises(CarryxlError, match="stop_loss"):
        book_positions(
            BookColumns(
                position=[0],
                amounts=[1],
                rates=[100],
                days=[0],
                spot=99,
                side="long",
                rate_base=0.01,
                rate_quote=0.0,
                stop_loss=1.5,
            )
        )


# --- the book's risk ----------------------------------------------------------------------


def _random_correlation(rng: np.random.Generator, n: int) -> np.ndarray:
    a = rng.normal(size=(n, n + 2))
    cov = a @ a.T
    d = np.sqrt(np.diag(cov))
    m = cov / np.outer(d, d)
    np.fill_diagonal(m, 1.0)
    return (m + m.T) / 2


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(1, 12),
    seed=st.integers(0, 2**32 - 1),
    years=st.floats(1 / 252, 2),
    confidence=st.floats(0.9, 0.999),
)
def test_book_var_is_an_independent_quadratic_form(n, seed, years, confidence):
    rng = np.random.default_rng(seed)
    w = rng.normal(scale=1e6, size=n)
    vol = rng.uniform(0.02, 0.4, n)
    corr = _random_correlation(rng, n)
    risk = book_risk(w, vol, corr, years, confidence)
    cov = np.diag(vol) @ corr @ np.diag(vol)
    sigma = math.sqrt(w @ cov @ w)
    z = NormalDist().inv_cdf(confidence)
    assert risk.var == pytest.approx(z * sigma * math.sqrt(years), rel=1e-10)
    phi = math.exp(-z * z / 2) / math.sqrt(2 * math.pi)
    assert risk.es == pytest.approx(sigma * math.sqrt(years) * phi / (1 - confidence), rel=1e-10)
    assert float(np.sum(risk.contributions)) == pytest.approx(risk.var, rel=1e-9)
    assert float(np.sum(risk.shares)) == pytest.approx(1.0, rel=1e-9)
    assert risk.diversification_ratio >= 1.0 - 1e-9  # sub-additive


@given(v=money.filter(lambda x: abs(x) > 1), vol=st.floats(0.01, 0.5))
def test_one_position_is_its_own_var(v, vol):
    risk = book_risk([v], [vol], [[1.0]], 10 / 252, 0.99)
    single = float(value_at_risk(abs(v), vol, 10 / 252, 0.99))
    assert risk.var == pytest.approx(single, rel=1e-12)
    assert risk.contributions[0] == pytest.approx(single, rel=1e-12)
    assert risk.diversification_ratio == pytest.approx(1.0, rel=1e-12)


@given(n=st.integers(2, 10), seed=st.integers(0, 2**32 - 1))
def test_perfectly_correlated_longs_do_not_diversify(n, seed):
    rng = np.random.default_rng(seed)
    risk = book_risk(rng.uniform(1e3, 1e7, n), rng.uniform(0.02, 0.3, n), np.ones((n, n)), 1.0)
    assert risk.diversification_ratio == pytest.approx(1.0, rel=1e-12)
    np.testing.assert_allclose(risk.contributions, risk.standalone_var, rtol=1e-10)


def test_two_independent_positions_by_hand():
    risk = book_risk([1e6, 1e6], [0.1, 0.1], np.eye(2), 1.0, 0.99)
    assert risk.var == pytest.approx(Z99 * math.sqrt(2) * 1e5)
    assert risk.standalone_var == pytest.approx([Z99 * 1e5] * 2)
    assert risk.diversification_ratio == pytest.approx(math.sqrt(2))
    assert risk.contributions == pytest.approx([risk.var / 2] * 2)


def test_a_hedge_has_negative_contribution():
    risk = book_risk([1e6, -5e5], [0.1, 0.1], [[1, 0.9], [0.9, 1]], 1.0)
    assert risk.contributions[1] < 0 < risk.contributions[0]


@pytest.mark.parametrize(
    ("matrix", "rule"),
    [
        ([[1, 0.5], [0.4, 1]], "symmetric"),
        ([[1, 0.5], [0.5, 0.9]], "diagonal"),
        ([[1, 1.2], [1.2, 1]], r"\[-1, 1\]"),
        ([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]], "semi-definite"),
        ([[1]], "3 x 3"),
    ],
)
def test_bad_correlation_says_why(matrix, rule):
    n = max(len(matrix), 3) if rule == "3 x 3" else len(matrix)
    with pytest.raises(CarryxlError, match=rule):
        check_correlation(matrix, n)


# --- currency exposure ----------------------------------------------------------------------


def test_yen_funded_book_is_flagged():
    e = currency_exposure([Pair.parse("AUD/JPY"), Pair.parse("USD/JPY")], [1_000, 3_000])
    assert dict(zip(e.currencies, e.net, strict=True)) == {
        "AUD": 1_000,
        "JPY": -4_000,
        "USD": 3_000,
    }
    assert e.top_funding == "JPY"
    assert e.concentrated


def test_mixed_funding_is_not_flagged_and_shorts_are_funded_in_the_base():
    e = currency_exposure(
        [Pair.parse("AUD/JPY"), Pair.parse("USD/TRY"), Pair.parse("EUR/CHF")],
        [1_000, -1_000, 1_000],
    )
    shares = dict(zip(e.currencies, e.funding_share, strict=True))
    assert shares["USD"] == pytest.approx(1 / 3)  # short USD/TRY: holds TRY, owes USD
    assert shares["JPY"] == pytest.approx(1 / 3)
    assert shares["CHF"] == pytest.approx(1 / 3)
    assert not e.concentrated
    net = dict(zip(e.currencies, e.net, strict=True))
    assert net["TRY"] == 1_000
    assert net["USD"] == -1_000


def test_overflowing_books_are_one_message_not_inf():
    with pytest.raises(CarryxlError, match="exposures"):
        book_risk([1e300, 1e300], [0.1, 0.1], np.eye(2), 1.0)
    with pytest.raises(CarryxlError, match="exposures"):
        currency_exposure([Pair.parse("AUD/JPY"), Pair.parse("USD/JPY")], [-1.7e308, -1.7e308])
    with pytest.raises(CarryxlError, match="amounts"):  # the tranches' sum overflows
        staged_position([[1e300, 1e300]], [[1e300, 1e300]], [1.0])


# --- issue 19/23: one kernel per computation, flags, the funding leg ----------------------


def test_broker_swap_is_per_lot_per_night_times_unit_nights_over_the_lot():
    # 85 JPY per lot of 10,000 AUD a night on 50,000 AUD held 63 nights: 5 lots x 63 x 85.
    assert float(broker_swap(85.0, 50_000 * 63, 10_000)) == pytest.approx(26_775.0, rel=1e-15)
    # The book's swap column is that kernel over each position's tranches.
    book = book_positions(
        BookColumns(
            position=[0, 0],
            amounts=[50_000, 50_000],
            rates=[100, 101],
            days=[63, 42],
            spot=99,
            side="long",
            rate_base=0,
            rate_quote=0,
            swap=85.0,
            lot_size=10_000,
        )
    )
    assert float(book.swap[0]) == pytest.approx(85 * (5 * 63 + 5 * 42), rel=1e-15)


def test_tranche_sums_group_by_position():
    sums = tranche_sums(
        np.array([0, 1, 0]),
        2,
        [100.0, 10.0, 300.0],
        [2.0, 5.0, 4.0],
        [3.0, 4.0],
        [1.0, -1.0],
        [10.0, 20.0, 30.0],
    )
    assert sums.units.tolist() == [400.0, 10.0]
    assert sums.cost.tolist() == [1_400.0, 50.0]
    assert sums.fx.tolist() == [400 * 3 - 1_400.0, -(10 * 4 - 50.0)]
    assert sums.cost_days.tolist() == [200 * 10 + 1_200 * 30.0, 50 * 20.0]
    assert sums.unit_days.tolist() == [100 * 10 + 300 * 30.0, 10 * 20.0]


def test_stop_hit_and_a_loss_larger_than_the_margin_are_flagged():
    # Long 100,000 at 100, 3% stop at 97. Spot 96: through the stop; loss 400,000 on
    # 96 x 100,000 / 25 = 384,000 of margin. Spot 98: neither.
    hit = book_positions(
        BookColumns(
            position=[0],
            amounts=[100_000],
            rates=[100],
            days=[0],
            spot=96,
            side="long",
            rate_base=0,
            rate_quote=0,
            leverage=25,
        )
    )
    assert hit.stop_hit.tolist() == [True]
    assert hit.margin_exceeded.tolist() == [True]
    fine = book_positions(
        BookColumns(
            position=[0],
            amounts=[100_000],
            rates=[100],
            days=[0],
            spot=98,
            side="long",
            rate_base=0,
            rate_quote=0,
            leverage=25,
        )
    )
    assert fine.stop_hit.tolist() == [False]
    assert fine.margin_exceeded.tolist() == [False]
    # A short's stop is above: short at 100, spot 103.5 is through a 3% stop.
    short = book_positions(
        BookColumns(
            position=[0],
            amounts=[100_000],
            rates=[100],
            days=[0],
            spot=103.5,
            side="short",
            rate_base=0,
            rate_quote=0,
        )
    )
    assert short.stop_hit.tolist() == [True]


def test_net_exposure_books_the_funding_leg_at_the_amount_borrowed():
    # Long 1,000 AUD/JPY bought at 110 (110,000 JPY borrowed), now 100, 1 CNY per 20 JPY:
    # AUD held 100,000 JPY = 5,000 CNY; JPY owed 110,000 JPY = 5,500 CNY.
    book = book_positions(
        BookColumns(
            position=[0],
            amounts=[1_000],
            rates=[110],
            days=[0],
            spot=100,
            side="long",
            rate_base=0,
            rate_quote=0,
            to_account=0.05,
        )
    )
    e = currency_exposure(
        [Pair.parse("AUD/JPY")],
        book.exposure_account,
        held=book.held_account,
        owed=book.owed_account,
    )
    assert dict(zip(e.currencies, e.net.tolist(), strict=True)) == pytest.approx(
        {"AUD": 5_000.0, "JPY": -5_500.0}
    )
    # Short 1,000 EUR/MXN sold at 20 (20,000 MXN held), now 19 (1,000 EUR owed = 19,000 MXN).
    short = book_positions(
        BookColumns(
            position=[0],
            amounts=[1_000],
            rates=[20],
            days=[0],
            spot=19,
            side="short",
            rate_base=0,
            rate_quote=0,
            to_account=1.0,
        )
    )
    e = currency_exposure(
        [Pair.parse("EUR/MXN")],
        short.exposure_account,
        held=short.held_account,
        owed=short.owed_account,
    )
    assert dict(zip(e.currencies, e.net.tolist(), strict=True)) == pytest.approx(
        {"EUR": -19_000.0, "MXN": 20_000.0}
    )


def test_the_book_is_one_frozen_record_of_named_columns():
    """Issue 23: book_positions takes one record (no 18 positional arguments), by name."""
    columns = BookColumns(
        position=[0],
        amounts=[1e5],
        rates=[100.0],
        days=[0],
        spot=99.0,
        side="long",
        rate_base=0.0,
        rate_quote=0.0,
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        columns.spot = 98.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        BookColumns([0], [1e5], [100.0], [0], 99.0, "long", 0.0, 0.0)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        book_positions([0], [1e5], [100.0], [0], 99.0, "long", 0.0, 0.0)  # type: ignore[call-arg, arg-type]
    with pytest.raises(CarryxlError, match=r"^columns: must be BookColumns"):
        book_positions({"position": [0]})  # type: ignore[arg-type]
    # 100,000 bought at 100, spot 99: FX -100,000 quote units.
    assert book_positions(columns).fx.tolist() == [-100_000.0]
