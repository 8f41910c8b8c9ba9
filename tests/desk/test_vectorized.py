"""Whole columns give what row-by-row calls give (one code path for scalars and arrays)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import carryxl.core
from carryxl.core import (
    CarryxlError,
    accounts,
    benchmark_swap,
    carry_breakdown,
    carry_trade_costs,
    costs,
    expected_shortfall,
    margin,
    margin_call_spot,
    nights_between,
    probability_of_loss,
    risk,
    side_sign,
    sides,
    staging,
    stop_loss_spot,
    swap_per_night,
    swaps,
    tax,
    value_at_risk,
)
from carryxl.core.conventions import Pair
from tests.strategies import position_sides

ROWS = 6


def _column(low: float, high: float) -> st.SearchStrategy[list[float]]:
    return st.lists(st.floats(low, high), min_size=ROWS, max_size=ROWS)


@given(
    s0=_column(1, 200),
    units=_column(1e3, 1e6),
    cushion=_column(1.1, 10),
    sides=st.lists(position_sides, min_size=ROWS, max_size=ROWS),
)
def test_margin_and_stop_columns(s0, units, cushion, sides):
    equity = [c * u * s * 0.04 for c, u, s in zip(cushion, units, s0, strict=True)]
    column = margin_call_spot(s0, units, equity, sides, 25)
    rows = [margin_call_spot(*args, 25) for args in zip(s0, units, equity, sides, strict=True)]
    np.testing.assert_array_equal(column, np.array(rows, dtype=float))
    losses = [0.01 * u * s for u, s in zip(units, s0, strict=True)]
    column = stop_loss_spot(s0, units, losses, sides)
    rows = [stop_loss_spot(*args) for args in zip(s0, units, losses, sides, strict=True)]
    np.testing.assert_array_equal(column, np.array(rows, dtype=float))


@given(
    value=_column(1e3, 1e8),
    vol=_column(0.01, 0.5),
    years=_column(0.001, 2),
    confidence=st.lists(st.sampled_from([0.95, 0.975, 0.99]), min_size=ROWS, max_size=ROWS),
)
def test_var_es_and_probability_columns(value, vol, years, confidence):
    for function in (value_at_risk, expected_shortfall):
        column = function(value, vol, years, confidence)
        rows = [function(*args) for args in zip(value, vol, years, confidence, strict=True)]
        np.testing.assert_allclose(column, np.array(rows, dtype=float), rtol=1e-15)
    column = probability_of_loss(0.05, 0.01, vol, years)
    rows = [probability_of_loss(0.05, 0.01, v, t) for v, t in zip(vol, years, strict=True)]
    np.testing.assert_allclose(column, np.array(rows, dtype=float), rtol=1e-15)


def test_swap_columns():
    opens = np.array(["2025-01-06", "2025-01-08", "2024-12-23"], dtype="datetime64[D]")
    closes = np.array(["2025-01-13", "2025-01-09", "2025-01-06"], dtype="datetime64[D]")
    hols = ["2024-12-25", "2025-01-01"]
    column = nights_between(opens, closes, Pair.parse("USD/JPY"), hols, calendars=False)
    # weekends and the typed holidays only: 8 Jan -> 15 Jan = 7; Wed 8 -> Thu 9 is the
    # triple: 10 Jan -> 13 Jan = 3; 26 Dec -> 8 Jan = 13.
    assert column.tolist() == [7, 3, 13]
    # on the settlement calendars (Coming of Age Day, Mon 13 Jan, and Tokyo's year-end)
    on_calendars = nights_between(opens, closes, Pair.parse("USD/JPY"), hols)
    assert on_calendars.tolist() == [
        int(nights_between(o, c, Pair.parse("USD/JPY"), hols))
        for o, c in zip(opens, closes, strict=True)
    ]
    assert column.tolist() == [
        int(nights_between(o, c, Pair.parse("USD/JPY"), hols, calendars=False))
        for o, c in zip(opens, closes, strict=True)
    ]
    quotes, lots, spots = [1.5, -0.8], [2.0, 0.5], [150.0, 148.0]
    np.testing.assert_allclose(
        swap_per_night(quotes, "pips", lots, Pair.parse("USD/JPY")), [3_000.0, -400.0]
    )
    column = benchmark_swap(
        Pair.parse("USD/JPY"), [1e5, 2e5], spots, 0.05, 0.001, 3, ["long", "short"]
    )
    rows = [
        benchmark_swap(Pair.parse("USD/JPY"), 1e5, 150.0, 0.05, 0.001, 3, "long"),
        benchmark_swap(Pair.parse("USD/JPY"), 2e5, 148.0, 0.05, 0.001, 3, "short"),
    ]
    np.testing.assert_allclose(column, np.array(rows, dtype=float), rtol=1e-15)


def test_costs_and_breakdown_columns_with_mixed_orientations():
    orientation = np.array(["target/funding", "funding/target"])
    trade_costs = carry_trade_costs(
        [1e7, 1e5], [100, 30], [103, 32], [0.01, 0.0001], orientation, [2, 20]
    )
    # Row 1: 100,000 AUD * (0.01 + 0.01) = 2,000 JPY. Row 2: 100 TRY / 30 + 100 TRY / 32 USD.
    np.testing.assert_allclose(trade_costs.spread, [2_000.0, 100 / 30 + 100 / 32])
    b = carry_breakdown(
        notional=[1e7, 1e5],
        spot_start=[100, 30],
        spot_end=[103, 32],
        rate_target=[0.045, 0.25],
        rate_funding=[0.001, 0.05],
        years=[0.5, 0.25],
        orientation=orientation,
        costs=trade_costs.total,
    )
    np.testing.assert_allclose(b.total, [526_750 - 2_000, -1_640.625 - (100 / 30 + 100 / 32)])


def test_side_columns():
    np.testing.assert_array_equal(side_sign(["long", "SHORT", "买入", -1, 1.0]), [1, -1, 1, -1, 1])
    with pytest.raises(CarryxlError, match=r"side: must be 'long' or 'short'.*'up'"):
        side_sign(["long", "up"])
    with pytest.raises(CarryxlError, match="side"):
        side_sign(np.array([1.0, 0.0]))


def test_desk_modules_are_exported_from_the_core():
    exported = set(carryxl.core.__all__)
    for module in (accounts, costs, margin, risk, sides, staging, swaps, tax):
        assert set(module.__all__) <= exported, module.__name__
        assert all(getattr(module, name).__doc__ for name in module.__all__), module.__name__
