"""Bad input is refused in words naming the user's arguments; finite input gives a number.

Every function that takes numbers is tried with valid arguments (``VALID``) in which
two of its numbers are columns of different lengths, and in which one number is near
the end of the float range (1e300, 1e-300): a result that is finite, or a CarryxlError.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from carryxl import core
from carryxl.core import CarryxlError
from carryxl.core.conventions import Currency, Pair

SEED = {
    "notional": 1e7,
    "spot_start": 100.0,
    "spot_end": 103.0,
    "rate_target": 0.045,
    "rate_funding": 0.001,
    "years": 0.5,
}
RATES = {"rate_target": 0.045, "rate_funding": 0.001, "years": 0.5}
FORWARD = {"spot": 100.0, "rate_base": 0.045, "rate_quote": 0.001, "years": 0.5}
COSTS = {
    "pip_size": 0.01,
    "spread_entry_pips": 2.0,
    "commission_per_lot": 7.0,
    "markup_target": 0.005,
    "markup_funding": 0.01,
}
SWAP = {
    "pair": Pair.parse("USD/JPY"),
    "units": 1e5,
    "spot": 150.0,
    "rate_base": 0.05,
    "rate_quote": 0.001,
}

VALID: dict[str, dict[str, Any]] = {
    "spot_ratio": {"spot_start": 100.0, "spot_end": 103.0},
    "fx_return": {"spot_start": 100.0, "spot_end": 103.0},
    "fx_pnl": {"notional": 1e7, "spot_start": 100.0, "spot_end": 103.0},
    "carry_income": {"notional": 1e7, **RATES},
    "carry_pnl": {**SEED, "costs": 100.0},
    "carry_return": {**{k: v for k, v in SEED.items() if k != "notional"}, "costs": 2e-4},
    "carry_breakdown": {**SEED, "costs": 100.0},
    "carry_breakdown_simple": {**SEED, "costs": 100.0},
    "annualised_return": {"total_return": 0.052675, "years": 0.5},
    "breakeven_spot": {"spot_start": 100.0, **RATES},
    "breakeven_move": RATES,
    "carry_days_to_offset": {"fx_move": -0.03, "rate_target": 0.045, "rate_funding": 0.001},
    "carry_days_to_offset_simple": {
        "fx_move": -0.03,
        "rate_target": 0.045,
        "rate_funding": 0.001,
    },
    "forward_outright": FORWARD,
    "forward_points": {**FORWARD, "scale": 100.0},
    "forward_from_points": {"spot": 100.0, "points": -215.0, "scale": 100.0},
    "implied_quote_rate": {"spot": 100.0, "forward": 97.85, "rate_base": 0.045, "years": 0.5},
    "implied_rate_differential": {
        "spot": 100.0,
        "forward": 97.85,
        "rate_base": 0.045,
        "years": 0.5,
    },
    "implied_rate_differential_simple": {"spot": 100.0, "forward": 97.85, "years": 0.5},
    "asset_carry_return": {
        "asset_return": 0.1,
        "fx_move": 0.05,
        "rate_funding": 0.01,
        "years": 0.5,
    },
    "asset_excess_over_local": {"asset_return": 0.1, "fx_move": 0.05, "local_return": 0.02},
    "breakeven_fx_move": {"asset_return": 0.1, "rate_funding": 0.01, "years": 0.5},
    "foreign_move": {"funding_move_value": 0.05, "convention": "value"},
    "funding_move": {"foreign_move_value": 0.05, "convention": "value"},
    "spread_cost": {"units": 1e5, "spread_pips": 2.0, "pip_size": 0.01},
    "commission_cost": {"units": 1e5, "per_lot": 7.0, "per_million": 1.0, "lot_size": 1e5},
    "rates_after_markup": {
        "rate_target": 0.045,
        "rate_funding": 0.001,
        "markup_target": 0.005,
        "markup_funding": 0.01,
    },
    "markup_cost": {
        "notional": 1e7,
        "markup_target": 0.005,
        "markup_funding": 0.01,
        "years": 0.5,
        "spot_ratio_value": 1.03,
    },
    "carry_trade_costs": {
        "notional": 1e7,
        "spot_start": 100.0,
        "spot_end": 103.0,
        **COSTS,
        "years": 0.5,
    },
    "breakeven_spot_after_costs": {"notional": 1e7, "spot_start": 100.0, **RATES, **COSTS},
    "margin_required": {"position_value": 1e7, "leverage": 25.0},
    "return_on_equity": {"pnl": 526_750.0, "equity": 4e5},
    "margin_level": {"equity": 5e5, "margin": 4e5},
    "margin_call_spot": {"spot_entry": 100.0, "units": 1e5, "equity": 1e6, "leverage": 25.0},
    "days_to_margin_call": {"equity": 4e5, "margin": 3.2e5, "swap_per_day": -1500.0},
    "pip_value": {"units": 1e5, "pip_size": 0.01, "to_account": 1 / 150},
    "position_size": {"risk_budget": 1e4, "stop_pips": 50.0, "pip_size": 0.01},
    "stop_loss_spot": {"spot_entry": 100.0, "units": 1e5, "max_loss": 3e5},
    "carry_to_vol": {"rate_target": 0.045, "rate_funding": 0.001, "volatility": 0.12},
    "value_at_risk": {"position_value": 1e7, "volatility": 0.12, "years": 10 / 252},
    "expected_shortfall": {"position_value": 1e7, "volatility": 0.12, "years": 10 / 252},
    "probability_of_loss": {**RATES, "volatility": 0.12, "costs": 2e-4},
    "normal_cdf": {"x": 0.5},
    "swap_per_night": {"quote": -0.02, "form": "percent", "lots": 1.0, "spot": 32.0},
    "swap_quote_from_money": {
        "money_per_night": 3000.0,
        "form": "points",
        "lots": 2.0,
        "pair": Pair.parse("USD/JPY"),
    },
    "benchmark_swap": SWAP,
    "swap_implied_rate": {"money": 3000.0, "units": 2e5, "spot": 150.0, "nights": 1.0},
    "swap_markup": {**SWAP, "broker_money": 1500.0},
    "convert_money": {
        "amount": 850_000.0,
        "from_currency": Currency.JPY,
        "to_currency": Currency.CNY,
        "rate": 21.5278,
        "pair": Pair.parse("CNY/JPY"),
    },
    "cross_rate": {
        "wanted": Pair.parse("JPY/CNY"),
        "pair_a": Pair.parse("USD/CNY"),
        "rate_a": 7.2,
        "pair_b": Pair.parse("USD/JPY"),
        "rate_b": 155.0,
    },
    "after_tax": {"interest": 220_000.0, "fx": -50_000.0, "rate_interest": 0.2, "rate_fx": 0.1},
}


def _call(name: str, **kwargs: Any) -> Any:
    function: Callable[..., Any] = getattr(core, name)
    with np.errstate(all="ignore"):
        return function(**kwargs)


def _numeric(name: str) -> list[str]:
    return [k for k, v in VALID[name].items() if isinstance(v, float)]


def _floats(result: Any) -> list[np.ndarray]:
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return [a for f in dataclasses.fields(result) for a in _floats(getattr(result, f.name))]
    if isinstance(result, tuple):
        return [a for item in result for a in _floats(item)]
    return [np.asarray(result, dtype=np.float64)]


def test_the_valid_arguments_are_valid() -> None:
    for name, kwargs in VALID.items():
        assert all(np.isfinite(a).all() for a in _floats(_call(name, **kwargs))), name


PAIRS = [(n, a, b) for n in VALID for a, b in itertools.combinations(_numeric(n), 2)]


@pytest.mark.parametrize(("name", "first", "second"), PAIRS)
def test_columns_of_different_lengths_are_named_with_their_lengths(
    name: str, first: str, second: str
) -> None:
    kwargs = dict(VALID[name])
    kwargs[first] = [kwargs[first]] * 2
    kwargs[second] = [kwargs[second]] * 3
    with pytest.raises(CarryxlError) as info:
        _call(name, **kwargs)
    assert info.value.rule.startswith("array shapes must match or broadcast")
    named = info.value.argument.split(" / ")
    assert sorted(named) == sorted([first, second]), str(info.value)
    assert f"{first} 2 values" in info.value.value
    assert f"{second} 3 values" in info.value.value


def test_the_issue_example_of_different_lengths() -> None:
    with pytest.raises(CarryxlError) as info:
        core.carry_pnl([1e6, 1e6], 100, 103, 0.045, [0.001] * 3, 0.5)
    assert str(info.value) == (
        "notional / rate_funding: array shapes must match or broadcast: one number, or the "
        "same length each (got notional 2 values, rate_funding 3 values)"
    )


EXTREMES = [(n, {a: x}) for n in VALID for a in _numeric(n) for x in (1e300, -1e300, 1e-300)] + [
    (n, {a: 1e300, b: y}) for n, a, b in PAIRS for y in (1e300, 1e-300, -1e300)
]


@pytest.mark.parametrize(("name", "extremes"), EXTREMES)
def test_finite_input_near_the_float_limits_gives_a_number_or_an_error(
    name: str, extremes: dict[str, float]
) -> None:
    try:
        result = _call(name, **{**VALID[name], **extremes})
    except CarryxlError as error:
        refused: CarryxlError | None = error
    else:
        refused = None
    if refused is not None:
        assert "\n" not in str(refused)
        return
    documented = name in ("stop_loss_spot", "margin_call_spot", "breakeven_spot_after_costs")
    for array in _floats(result):
        if "days" in name:  # inf: "never", as documented
            numbers = array[~np.isposinf(array)]
        elif documented:  # NaN: "no such spot", as documented
            numbers = array[~np.isnan(array)]
        else:
            numbers = array
        assert np.isfinite(numbers).all(), f"{name}({extremes}) gave {array}"


def test_a_result_too_large_names_the_inputs() -> None:
    with pytest.raises(CarryxlError) as info:
        core.annualised_return(7.5, 1 / 365, compound=True)
    assert info.value.argument == "total_return / years"
    assert "too large or too small to be a finite number" in str(info.value)
    with pytest.raises(CarryxlError, match=r"^notional / spot_start / spot_end"):
        core.carry_pnl(1e300, 1e-10, 1e10, 0.01, 0.01, 1.0)


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (lambda: core.breakeven_spot(100, -0.05, 0.01, 30), "rate_target / years"),
        (lambda: core.breakeven_move(-0.05, 0.01, 30), "rate_target / years"),
        (lambda: core.breakeven_spot(100, 0.01, -0.05, 30), "rate_funding / years"),
        (lambda: core.forward_outright(100, 0.01, -0.05, 30), "rate_quote / years"),
        (lambda: core.forward_points(100, -0.05, 0.01, 30, 100), "rate_base / years"),
        (
            lambda: core.carry_pnl(1e7, 100, 103, 0.045, -0.05, 10, "target/funding", 30),
            "rate_funding / years_funding",
        ),
        (lambda: core.probability_of_loss(-0.05, 0.01, 0.1, 30), "rate_target / years"),
        (lambda: core.breakeven_fx_move(0.1, -0.05, 30), "rate_funding / years"),
    ],
)
def test_one_plus_rate_times_years_must_stay_above_zero(
    call: Callable[[], Any], named: str
) -> None:
    with pytest.raises(CarryxlError) as info:
        call()
    assert info.value.argument == named
    assert "1 + rate * years above 0" in info.value.rule


def test_a_column_with_one_bad_deposit_names_its_row() -> None:
    with pytest.raises(CarryxlError) as info:
        core.breakeven_spot(100, [0.01, -0.05, 0.02], 0.01, 30)
    assert info.value.argument == "rate_target[1] / years[1]"
    assert str(info.value.value) == "rate_target=-0.05, years=30"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: core.from_excel_serial("start", "#N/A"),
            "start: must be an Excel date on or after 1900-03-01 (got '#N/A')",
        ),
        (
            lambda: core.from_excel_serial("start", dt.datetime(2024, 1, 5, 10)),
            "start: must be an Excel date on or after 1900-03-01",
        ),
        (
            lambda: core.from_excel_serial("start", dt.date(2024, 1, 5)),
            "start: must be an Excel date on or after 1900-03-01",
        ),
        (
            lambda: core.from_excel_serial("start", 1e300),
            "start: must be an Excel date on or before 9999-12-31",
        ),
        (
            lambda: core.points_scale(Pair.parse("EUR/USD"), pip_size=""),
            "pip_size: must be a number or an array of numbers (got '')",
        ),
        (
            lambda: core.points_scale(Pair.parse("EUR/USD"), pip_size=[0.0001, 0.01]),
            "pip_size: must be one number",
        ),
        (
            lambda: core.fx_return(100, 103, [["target/funding"], ["funding/target", "x"]]),
            "orientation: must be one orientation or a column of them",
        ),
        (
            lambda: core.side_sign([["long"], ["short", "long"]]),
            "side: must be one side or a column of them",
        ),
        (
            lambda: core.breakdown_in_account("not a breakdown", 1.0),
            "breakdown: must be a carry breakdown",
        ),
        (lambda: core.after_tax_breakdown(3.0, 0.2, 0.1), "breakdown: must be a carry breakdown"),
        (
            lambda: core.staged_position([1.0, 2.0], [100.0, 98.0], 99.0, axis=3),
            "axis: must be the tranches' axis",
        ),
        (lambda: core.annualised_return(0.05, 0.5, compound="yes"), "compound: must be TRUE"),
        (lambda: core.rate_from_text("1e999%"), "rate: must be a rate such as 4.5% or 0.045"),
        (
            lambda: core.value_date("2025-01-09", Pair.parse("USD/JPY"), holidays=1.5),
            "holidays: must be a date written YYYY-MM-DD, such as 2024-11-28",
        ),
    ],
)
def test_odd_values_are_refused_in_words(call: Callable[[], Any], message: str) -> None:
    with pytest.raises(CarryxlError) as info:
        call()
    assert str(info.value).startswith(message)


def test_one_holiday_needs_no_list() -> None:
    # weekends and the typed day only (calendars=False): Thu 9 + 2 days skipping Fri 10
    one = core.value_date(
        "2025-01-09", Pair.parse("USD/JPY"), holidays="2025-01-10", calendars=False
    )
    listed = core.value_date(
        "2025-01-09", Pair.parse("USD/JPY"), holidays=[dt.date(2025, 1, 10)], calendars=False
    )
    assert one == listed == np.datetime64("2025-01-14")
    single = core.value_date(
        "2025-01-09", Pair.parse("USD/JPY"), holidays=dt.date(2025, 1, 10), calendars=False
    )
    assert single == one


def test_the_probability_of_loss_names_the_users_arguments() -> None:
    with pytest.raises(CarryxlError) as info:
        core.probability_of_loss(-0.05, 0.01, 0.1, 30)
    assert "x" not in info.value.argument.split(" / ")


@pytest.mark.parametrize("orientation", ["target/funding", "funding/target"])
@pytest.mark.parametrize("function", [core.carry_pnl, core.carry_breakdown])
@pytest.mark.parametrize("size", [3, 60_000])  # both of carry_pnl's paths (small, big)
def test_the_exact_pnl_checks_every_row_of_short_and_long_columns(
    size: int, function: Callable[..., Any], orientation: str
) -> None:
    good: dict[str, Any] = {k: np.full(size, v) for k, v in SEED.items()}
    good["orientation"] = orientation
    ratio = 1.03 if orientation == "target/funding" else 100 / 103
    expected = 1e7 * (ratio * (1 + 0.045 * 0.5) - (1 + 0.001 * 0.5))
    got = function(**good)
    assert np.allclose(getattr(got, "total", got), expected, rtol=1e-12)
    for argument, bad, rule in [
        ("spot_end", -1.0, "must be a finite number > 0"),
        ("spot_end", np.inf, "must be a finite number > 0"),
        ("spot_start", np.inf, "must be a finite number > 0"),
        ("notional", np.inf, "must be a finite number > 0"),
        ("rate_target", np.inf, "must be a rate as a decimal above -1"),
        ("years", np.nan, "must be a finite number >= 0"),
        ("years", np.inf, "must be a finite number >= 0"),
        ("rate_funding", np.inf, "must be a rate as a decimal above -1"),
    ]:
        column = good[argument].copy()
        column[size - 2] = bad
        with pytest.raises(CarryxlError) as info:
            function(**{**good, argument: column})
        assert info.value.argument == f"{argument}[{size - 2}]"
        assert info.value.rule.startswith(rule)
    deep = {**good, "rate_funding": np.full(size, -0.05), "years": np.full(size, 10.0)}
    deep["years"][1] = 30.0
    with pytest.raises(CarryxlError) as info:
        function(**deep)
    assert info.value.argument == "rate_funding[1] / years[1]"
