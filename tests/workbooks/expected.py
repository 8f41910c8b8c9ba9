"""What each template output should be, computed by carryxl's core (not by the sheet).

Each ``expect_*`` takes the input values by name (``in_*``) and returns the outputs by
name (``out_*``): a number, a string, or a list for named ranges.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core import (
    Orientation,
    Pair,
    annualised_return,
    asset_carry_return,
    asset_excess_over_local,
    breakeven_fx_move,
    breakeven_move,
    breakeven_spot,
    carry_breakdown,
    carry_breakdown_simple,
    carry_pnl,
    default_day_count,
    forward_outright,
    forward_points,
    funding_move,
    fx_return,
    points_scale,
    spot_ratio,
    year_fraction,
)
from carryxl.workbooks.sheets.asset_carry import CHART_MOVES
from carryxl.workbooks.sheets.calculator import PAYOFF_STEPS
from carryxl.workbooks.sheets.rates import RATE_EXAMPLES

POLICY = {code: policy for code, policy, *_ in RATE_EXAMPLES}
BROKER = {code: broker for code, _p, _s, broker, _bs in RATE_EXAMPLES}
CODES = [code for code, *_ in RATE_EXAMPLES]


def _day_count(v: dict[str, Any], currency: str) -> str:
    """The Rates sheet's day count for ``currency``: as written in, or the core default."""
    written = v.get("in_rates_day_count")
    return written[CODES.index(currency)] if written else str(default_day_count(currency))


def _f(value: Any) -> Any:
    array = np.asarray(value, dtype=float)
    return float(array) if array.ndim == 0 else [float(v) for v in array.ravel()]


def expect_calculator(v: dict[str, Any]) -> dict[str, Any]:
    """Calculator outputs from the core; stop-loss spot is checked separately (inverse)."""
    pair = Pair.parse(v["in_pair"])
    orientation = pair.orientation(v["in_funding"])
    target = str(pair.other(v["in_funding"]))
    n, s0, s1 = v["in_notional"], v["in_spot_start"], v["in_spot_end"]
    rt, rf, t = v["in_rate_target"], v["in_rate_funding"], v["in_years"]
    exact = carry_breakdown(n, s0, s1, rt, rf, t, orientation)
    simple = carry_breakdown_simple(n, s0, s1, rt, rf, t, orientation)
    scale = points_scale(pair)
    base_is_target = orientation is Orientation.TARGET_FUNDING
    rate_base, rate_quote = (rt, rf) if base_is_target else (rf, rt)
    net = float(exact.total) - v["in_costs"]
    margin = n / v["in_leverage"]
    spots = [s0 * (1 + k / 100) for k in PAYOFF_STEPS]
    d0, d1 = v["in_start_date"].date(), v["in_end_date"].date()
    return {
        "out_target": target,
        "out_inverted": orientation is Orientation.FUNDING_TARGET,
        "out_day_count_target": _day_count(v, target),
        "out_day_count_funding": _day_count(v, v["in_funding"]),
        "out_example_rate_target": POLICY[target],
        "out_example_rate_funding": POLICY[v["in_funding"]],
        "out_points_scale": scale,
        "out_ratio": _f(spot_ratio(s0, s1, orientation)),
        "out_fx_move": _f(fx_return(s0, s1, orientation)),
        "out_move_pips": (s1 - s0) / pair.pip_size(),
        "out_carry": _f(exact.carry),
        "out_fx": _f(exact.fx),
        "out_cross": _f(exact.cross),
        "out_total": _f(exact.total),
        "out_total_simple": _f(simple.total),
        "out_return": _f(exact.total_return),
        "out_return_simple": _f(simple.total_return),
        "out_annualised": _f(annualised_return(exact.total_return, t)),
        "out_annualised_compound": _f(annualised_return(exact.total_return, t, compound=True)),
        "out_net": net,
        "out_return_net": net / n,
        "out_breakeven_spot": _f(breakeven_spot(s0, rt, rf, t, orientation)),
        "out_breakeven_move": _f(breakeven_move(rt, rf, t, orientation)),
        "out_forward": _f(forward_outright(s0, rate_base, rate_quote, t)),
        "out_forward_points": _f(forward_points(s0, rate_base, rate_quote, t, scale)),
        "out_margin": margin,
        "out_return_on_margin": net / margin,
        "out_stop_fx_loss": -n * v["in_stop_loss"],
        "out_days": float((v["in_end_date"] - v["in_start_date"]).days),
        "out_years_dates_target": _f(year_fraction(d0, d1, _day_count(v, target))),
        "out_years_dates_funding": _f(year_fraction(d0, d1, _day_count(v, v["in_funding"]))),
        "out_payoff_spots": spots,
        "out_payoff_pnl": _f(carry_pnl(n, s0, np.array(spots), rt, rf, t, orientation)),
    }


def expect_asset(v: dict[str, Any]) -> dict[str, Any]:
    """Asset-carry outputs from :mod:`carryxl.core.asset`."""
    a, g, local = v["in_asset_return"], v["in_fx_move"], v["in_local_return"]
    rf, t = v["in_rate_funding"], v["in_years"]
    after = _f(asset_carry_return(a, g, rf, t))
    quote = _f(funding_move(g, "quote"))
    value = _f(funding_move(g, "value"))
    moves = [k / 100 for k in CHART_MOVES]
    return {
        "out_example_broker_rate": BROKER[v["in_funding"]],
        "out_asset_before_funding": _f(asset_carry_return(a, g)),
        "out_asset_funding_cost": rf * t,
        "out_asset_return": after,
        "out_asset_pnl": v["in_notional"] * after,
        "out_asset_excess": _f(asset_excess_over_local(a, g, local)),
        "out_asset_breakeven_move": _f(breakeven_fx_move(a, rf, t)),
        "out_funding_move_quote": quote,
        "out_funding_move_value": value,
        "out_funding_move": quote if v["in_move_convention"] == "quote" else value,
        "out_asset_chart_moves": moves,
        "out_asset_chart_returns": _f(asset_carry_return(a, np.array(moves), rf, t)),
    }


def expect_scenarios(v: dict[str, Any]) -> dict[str, Any]:
    """Scenario grids from :func:`carryxl.core.carry_pnl` with X1/X0 = 1 + g."""
    pair = Pair.parse(v["in_pair"])
    orientation = pair.orientation(v["in_funding"])
    n, s0 = v["in_notional"], v["in_spot_start"]
    rt, rf, t = v["in_rate_target"], v["in_rate_funding"], v["in_years"]
    moves = np.array(v["in_scenario_moves"])[:, None]
    years = np.array(v["in_scenario_years"])[None, :]
    shifts = np.array(v["in_scenario_rate_shifts"])[None, :]
    tf = Orientation.TARGET_FUNDING
    return {
        "out_inverted": orientation is Orientation.FUNDING_TARGET,
        "out_scenario_grid": _f(carry_pnl(n, 1.0, 1.0 + moves, rt, rf, years)),
        "out_scenario_breakeven": _f(breakeven_move(rt, rf, years, tf)),
        "out_scenario_breakeven_spot": _f(breakeven_spot(s0, rt, rf, years, orientation)),
        "out_scenario_grid_rates": _f(carry_pnl(n, 1.0, 1.0 + moves, rt, rf + shifts, t)),
        "out_scenario_breakeven_rates": _f(breakeven_move(rt, rf + shifts, t, tf)),
        "out_scenario_breakeven_spot_rates": _f(
            breakeven_spot(s0, rt, rf + shifts, t, orientation)
        ),
    }
