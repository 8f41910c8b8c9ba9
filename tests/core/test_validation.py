"""Bad input gets one error type whose message names the argument, the value and the rule."""

from __future__ import annotations

import math

import numpy as np
import pytest

from carryxl.core import (
    CarryxlError,
    annualised_return,
    asset_carry_return,
    carry_pnl,
    foreign_move,
    fx_return,
    holding_period,
)

GOOD = {
    "notional": 1e7,
    "spot_start": 100.0,
    "spot_end": 103.0,
    "rate_target": 0.045,
    "rate_funding": 0.001,
    "years": 0.5,
}


@pytest.mark.parametrize(
    ("argument", "value", "message"),
    [
        ("notional", -5.0, "notional: must be a finite number > 0 (got -5.0)"),
        ("notional", 0.0, "notional: must be a finite number > 0 (got 0.0)"),
        ("spot_start", math.nan, "spot_start: must be a finite number > 0 (got nan)"),
        ("spot_end", math.inf, "spot_end: must be a finite number > 0 (got inf)"),
        ("spot_end", "abc", "spot_end: must be a number or an array of numbers (got 'abc')"),
        ("rate_target", -1.2, "rate_target: must be a rate as a decimal above -1"),
        ("rate_funding", math.nan, "rate_funding: must be a rate as a decimal above -1"),
        ("years", -0.5, "years: must be a finite number >= 0 (got -0.5)"),
        ("orientation", "sideways", "orientation: must be 'target/funding' or 'funding/target'"),
    ],
)
def test_each_rule_names_argument_value_and_rule(
    argument: str, value: object, message: str
) -> None:
    with pytest.raises(CarryxlError) as info:
        carry_pnl(**{**GOOD, argument: value})
    assert str(info.value).startswith(message)
    assert info.value.argument == argument
    assert isinstance(info.value, ValueError)


def test_the_bad_element_of_an_array_is_located() -> None:
    spots = np.array([100.0, 101.0, -3.0, 99.0])
    with pytest.raises(
        CarryxlError, match=r"^spot_end\[2\]: must be a finite number > 0 \(got -3.0\)"
    ):
        carry_pnl(**{**GOOD, "spot_end": spots})


def test_shapes_that_do_not_broadcast() -> None:
    with pytest.raises(CarryxlError, match="array shapes must match or broadcast"):
        fx_return(np.ones(3) * 100, np.ones(4) * 100)


def test_negative_rates_are_valid() -> None:
    # CHF and JPY had negative policy rates; borrowing at -0.75% earns interest
    got = carry_pnl(**{**GOOD, "rate_funding": -0.0075})
    assert got == pytest.approx(1e7 * (1.03 * 1.0225 - (1 - 0.0075 * 0.5)))


def test_annualised_return_rules() -> None:
    assert annualised_return(0.052675, 0.5) == pytest.approx(0.10535)
    assert annualised_return(0.052675, 0.5, compound=True) == pytest.approx(1.052675**2 - 1)
    with pytest.raises(CarryxlError, match="years: must be a finite number > 0"):
        annualised_return(0.05, 0.0)
    with pytest.raises(CarryxlError, match="total_return: must be a change as a decimal above -1"):
        annualised_return(-1.5, 1.0)


def test_asset_and_move_rules() -> None:
    with pytest.raises(CarryxlError, match="asset_return: must be a change"):
        asset_carry_return(-1.0, 0.0)
    with pytest.raises(CarryxlError, match="convention: must be 'quote' or 'value'"):
        foreign_move(0.1, "price")
    with pytest.raises(CarryxlError, match="funding_move: must be below 1"):
        foreign_move(1.5, "quote")


def test_holding_period_rules() -> None:
    p = holding_period("AUD", "JPY", tenor="6M")
    assert (p.years_target, p.years_funding, p.holding_years) == (0.5, 0.5, 0.5)
    usd = holding_period("USD", "JPY", start="2024-01-15", end="2024-07-15")
    assert usd.years_target == pytest.approx(182 / 360)  # USD ACT/360
    assert usd.years_funding == pytest.approx(182 / 365)  # JPY ACT/365F
    override = holding_period(
        "USD", "JPY", start="2024-01-15", tenor="6M", day_count_funding="ACT/360"
    )
    assert override.years_funding == pytest.approx(182 / 360)
    with pytest.raises(CarryxlError, match="tenor: give a tenor"):
        holding_period("AUD", "JPY")
    with pytest.raises(CarryxlError, match="end: must be after start"):
        holding_period("AUD", "JPY", start="2024-01-15", end="2024-01-15")
    with pytest.raises(CarryxlError, match="tenor: give either a tenor or an end date"):
        holding_period("AUD", "JPY", tenor="6M", start="2024-01-15", end="2024-03-01")
