"""Covered-interest-parity forwards, their points and their inverse; checked against QuantLib."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import QuantLib as ql
from hypothesis import given
from hypothesis import strategies as st

from carryxl.core import (
    CarryxlError,
    Currency,
    Pair,
    default_day_count,
    forward_from_points,
    forward_outright,
    forward_points,
    implied_quote_rate,
    implied_rate_differential,
    implied_rate_differential_simple,
    points_scale,
    year_fraction,
)
from tests.strategies import dates, rates, spots, years

QL_BASIS = {"ACT/360": ql.Actual360(), "ACT/365F": ql.Actual365Fixed()}


def test_usd_jpy_worked_example() -> None:
    # USD/JPY 150, USD 5% (ACT/360), JPY 0.1% (ACT/365F), 2024-01-15 -> 2024-07-15 (182 days)
    t_usd, t_jpy = 182 / 360, 182 / 365
    expected = 150 * (1 + 0.001 * t_jpy) / (1 + 0.05 * t_usd)
    got = forward_outright(150.0, 0.05, 0.001, t_usd, t_jpy)
    assert got == pytest.approx(expected, rel=1e-15)
    assert got == pytest.approx(146.3748, abs=1e-4)
    points = forward_points(150.0, 0.05, 0.001, t_usd, points_scale(Pair.parse("USD/JPY")), t_jpy)
    assert points == pytest.approx((expected - 150) * 100)  # JPY pair: x100


def test_eur_usd_points_are_times_10000() -> None:
    f = forward_outright(1.10, 0.03, 0.05, 0.5)
    assert forward_points(
        1.10, 0.03, 0.05, 0.5, points_scale(Pair.parse("EUR/USD"))
    ) == pytest.approx((f - 1.10) * 10_000)
    assert forward_from_points(1.10, (f - 1.10) * 10_000, 10_000) == pytest.approx(f)


@given(
    spot=spots,
    r_base=rates,
    r_quote=rates,
    start=dates,
    days=st.integers(1, 3 * 365),
    base=st.sampled_from(["USD", "EUR", "AUD", "GBP", "CHF"]).map(Currency),
    quote=st.sampled_from(["JPY", "TRY", "MXN", "ZAR", "NZD"]).map(Currency),
)
def test_outright_matches_quantlib_discount_factors(
    spot: float,
    r_base: float,
    r_quote: float,
    start: dt.date,
    days: int,
    base: Currency,
    quote: Currency,
) -> None:
    end = start + dt.timedelta(days=days)
    dc_b, dc_q = default_day_count(base), default_day_count(quote)
    d0, d1 = ql.Date(start.day, start.month, start.year), ql.Date(end.day, end.month, end.year)
    df_b = ql.InterestRate(r_base, QL_BASIS[dc_b], ql.Simple, ql.Annual).discountFactor(d0, d1)
    df_q = ql.InterestRate(r_quote, QL_BASIS[dc_q], ql.Simple, ql.Annual).discountFactor(d0, d1)
    expected = spot * df_b / df_q
    got = forward_outright(
        spot, r_base, r_quote, year_fraction(start, end, dc_b), year_fraction(start, end, dc_q)
    )
    assert got == pytest.approx(expected, rel=1e-12)


@given(spot=spots, r_base=rates, r_quote=rates, t=years)
def test_forward_of_inverse_pair_is_reciprocal(
    spot: float, r_base: float, r_quote: float, t: float
) -> None:
    ab = forward_outright(spot, r_base, r_quote, t)
    ba = forward_outright(1 / spot, r_quote, r_base, t)
    assert ab * ba == pytest.approx(1.0, rel=1e-12)


@given(spot=spots, r=rates, t=years)
def test_zero_differential_means_forward_equals_spot(spot: float, r: float, t: float) -> None:
    assert forward_outright(spot, r, r, t) == pytest.approx(spot, rel=1e-14)


@given(spot=spots, r_base=rates, r_quote=rates, t=st.floats(0.01, 10))
def test_implied_rate_inverts_the_forward(
    spot: float, r_base: float, r_quote: float, t: float
) -> None:
    f = forward_outright(spot, r_base, r_quote, t)
    assert implied_quote_rate(spot, f, r_base, t) == pytest.approx(r_quote, abs=1e-9)
    assert implied_rate_differential(spot, f, r_base, t) == pytest.approx(
        r_quote - r_base, abs=1e-9
    )


def test_simple_differential_is_the_textbook_approximation() -> None:
    f = forward_outright(100.0, 0.045, 0.001, 0.5)
    exact = implied_rate_differential(100.0, f, 0.045, 0.5)
    simple = implied_rate_differential_simple(100.0, f, 0.5)
    assert exact == pytest.approx(-0.044)
    assert simple == pytest.approx((f / 100 - 1) / 0.5)
    assert simple != pytest.approx(exact, abs=1e-4)  # the approximation is visibly off


def test_vectorized_over_tenors() -> None:
    t = np.array([0.25, 0.5, 1.0])
    got = forward_outright(100.0, 0.045, 0.001, t)
    np.testing.assert_allclose(got, 100 * (1 + 0.001 * t) / (1 + 0.045 * t), rtol=1e-15)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"spot": 0.0}, "spot: must be a finite number > 0"),
        ({"rate_base": -1.5}, "rate_base: must be a rate as a decimal above -1"),
        ({"years": -0.5}, "years: must be a finite number >= 0"),
        ({"spot": [1.0, 2.0], "years": [0.1, 0.2, 0.3]}, "array shapes must match"),
    ],
)
def test_bad_input(kwargs: dict[str, object], message: str) -> None:
    args = {"spot": 100.0, "rate_base": 0.045, "rate_quote": 0.001, "years": 0.5, **kwargs}
    with pytest.raises(CarryxlError, match=message):
        forward_outright(**args)


def test_points_scale_from_pair() -> None:
    assert points_scale(Pair.parse("NZD/JPY")) == 100.0
