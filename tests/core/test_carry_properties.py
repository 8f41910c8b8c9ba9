"""Identities of the carry maths, for any valid inputs (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from carryxl.core import (
    asset_carry_return,
    breakeven_fx_move,
    breakeven_spot,
    carry_breakdown,
    carry_breakdown_simple,
    carry_days_to_offset,
    carry_pnl,
    foreign_move,
    forward_outright,
    funding_move,
    fx_return,
)
from tests.strategies import move_conventions, moves, notionals, orientations, rates, spots, years

FLIP = {"target/funding": "funding/target", "funding/target": "target/funding"}


@given(notionals, spots, spots, rates, rates, years, years, orientations)
def test_decomposition_adds_up_to_exact_total(
    n: float, s0: float, s1: float, rt: float, rf: float, tt: float, tf: float, o: str
) -> None:
    b = carry_breakdown(n, s0, s1, rt, rf, tt, o, tf)
    exact = carry_pnl(n, s0, s1, rt, rf, tt, o, tf)
    assert b.carry + b.fx + b.cross == pytest.approx(exact, rel=1e-9, abs=1e-6 * n)
    assert b.total == pytest.approx(exact, rel=1e-9, abs=1e-6 * n)
    simple = carry_breakdown_simple(n, s0, s1, rt, rf, tt, o, tf)
    assert simple.total == pytest.approx(simple.carry + simple.fx, rel=1e-12, abs=1e-9)
    assert simple.total + b.cross == pytest.approx(exact, rel=1e-9, abs=1e-6 * n)


@given(notionals, spots, spots, rates, rates, years, orientations)
def test_inverting_the_quote_and_swapping_sides_gives_the_same_pnl(
    n: float, s0: float, s1: float, rt: float, rf: float, t: float, o: str
) -> None:
    # AUD/JPY at S read as target/funding == JPY/AUD at 1/S read as funding/target
    direct = carry_pnl(n, s0, s1, rt, rf, t, o)
    inverted = carry_pnl(n, 1 / s0, 1 / s1, rt, rf, t, FLIP[o])
    assert inverted == pytest.approx(direct, rel=1e-9, abs=1e-9 * n)


@given(notionals, spots, rates, years, orientations)
def test_zero_differential_and_unchanged_spot_gives_zero(
    n: float, s: float, r: float, t: float, o: str
) -> None:
    assert carry_pnl(n, s, s, r, r, t, o) == pytest.approx(0.0, abs=1e-9 * n)


@given(notionals, spots, rates, rates, years, years, orientations)
def test_breakeven_spot_is_the_cip_forward_and_zeroes_the_pnl(
    n: float, s0: float, rt: float, rf: float, tt: float, tf: float, o: str
) -> None:
    be = breakeven_spot(s0, rt, rf, tt, o, tf)
    if o == "target/funding":  # base = target, quote = funding
        fwd = forward_outright(s0, rt, rf, tt, tf)
    else:  # base = funding, quote = target
        fwd = forward_outright(s0, rf, rt, tf, tt)
    assert be == pytest.approx(fwd, rel=1e-12)
    assert carry_pnl(n, s0, be, rt, rf, tt, o, tf) == pytest.approx(0.0, abs=1e-7 * n)


@given(
    st.floats(-0.5, -1e-4),
    st.floats(0.01, 0.6),
    st.floats(-0.01, 0.01),
    st.sampled_from(["ACT/360", "ACT/365F"]),
)
def test_days_to_offset_brings_the_exact_pnl_back_to_zero(
    g: float, rt: float, rf: float, dc: str
) -> None:
    days = carry_days_to_offset(g, rt, rf, dc, dc)
    basis = 360 if dc == "ACT/360" else 365
    if (1 + g) * rt <= rf:  # the shrunken target leg never out-earns the funding cost
        assert days == np.inf
        return
    t = days / basis
    assert carry_pnl(1.0, 1.0, 1.0 + g, rt, rf, t) == pytest.approx(0.0, abs=1e-9)


def test_days_to_offset_edge_cases() -> None:
    assert carry_days_to_offset(0.01, 0.045, 0.001) == 0.0  # a gain needs no carry
    assert carry_days_to_offset(-0.01, 0.001, 0.045) == np.inf  # negative carry never catches up
    got = carry_days_to_offset(np.array([-0.03, 0.02]), 0.045, 0.001)
    assert got[1] == 0.0
    assert got[0] > 0


@given(st.floats(-0.5, 3.0), rates, st.floats(0, 5))
def test_breakeven_fx_move_wipes_out_the_asset_return(a: float, rf: float, t: float) -> None:
    g = breakeven_fx_move(a, rf, t)
    assert asset_carry_return(a, g, rf, t) == pytest.approx(0.0, abs=1e-12)


@given(moves, move_conventions)
def test_move_conventions_round_trip(m: float, convention: str) -> None:
    if convention == "quote" and m >= 1:
        return
    assert funding_move(foreign_move(m, convention), convention) == pytest.approx(m, rel=1e-12)


@given(st.lists(st.tuples(notionals, spots, spots, rates, rates, years), min_size=1, max_size=50))
def test_arrays_give_the_same_numbers_as_scalars(rows: list[tuple[float, ...]]) -> None:
    columns = [np.array(c) for c in zip(*rows, strict=True)]
    together = carry_pnl(*columns)
    one_by_one = [carry_pnl(*row) for row in rows]
    np.testing.assert_allclose(together, one_by_one, rtol=1e-15)


def test_orientation_may_vary_per_row() -> None:
    got = fx_return([100.0, 30.0], [103.0, 32.0], ["target/funding", "funding/target"])
    np.testing.assert_allclose(got, [0.03, 30 / 32 - 1])
