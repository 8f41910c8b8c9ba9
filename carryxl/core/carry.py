"""P&L of an unhedged carry trade, in the funding currency: simple and exact.

Borrow ``notional`` N of the funding currency at ``rate_funding`` r_f, convert at
spot S0 into the target currency, invest at ``rate_target`` r_t, convert back at S1
and repay. With X the price of one target unit in funding units (X = S for a
TARGET/FUNDING pair such as AUD/JPY funded in JPY, X = 1/S for FUNDING/TARGET such as
USD/TRY funded in USD) and g = X1/X0 - 1 the target's move against the funding currency:

- exact total  = N * [(1 + g)(1 + r_t*t_t) - (1 + r_f*t_f)]
- carry        = N * (r_t*t_t - r_f*t_f)            (the seeds' 利差收益)
- FX           = N * g                              (the seeds' 汇率收益)
- cross        = N * g * r_t*t_t                    (target interest also moves with FX)

carry + FX + cross = exact total, to rounding. The seeds' **simple** decomposition is
carry + FX, without the cross term. All rates are simple money-market rates as
decimals (0.045 for 4.5%); t_t and t_f are year fractions of the two legs (each under
its own day count; they are equal when the period is a tenor such as ``6M``).
Trading costs (money in the funding currency, >= 0, see :mod:`carryxl.core.costs`)
are subtracted: total = carry + FX + cross - costs.

Seed case 1, AUD/JPY 100 -> 103, N = 10,000,000 JPY, 4.5% vs 0.1%, 6M:
simple 220,000 + 300,000 = 520,000 JPY; exact 526,750 JPY (cross 6,750).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.conventions import DayCount, Orientation
from carryxl.core.trade import Legs, Spots, checked_legs, checked_spots
from carryxl.core.validate import (
    FloatArray,
    all_finite,
    common_shape,
    finite_result,
    flag,
    fraction_change,
    non_negative,
    positive,
    rate,
    shape_of,
)

__all__ = [
    "CarryBreakdown",
    "annualised_return",
    "breakeven_move",
    "breakeven_spot",
    "carry_breakdown",
    "carry_breakdown_simple",
    "carry_days_to_offset",
    "carry_days_to_offset_simple",
    "carry_income",
    "carry_pnl",
    "carry_return",
    "fx_pnl",
    "fx_return",
    "spot_ratio",
]

_MIN = np.minimum.reduce
_BIG = 50_000  # columns this long or longer: allocations cost more than reductions


@dataclass(frozen=True)
class CarryBreakdown:
    """A carry P&L in the funding currency, split into its parts.

    ``carry + fx + cross - costs == total``. In the simple (textbook) decomposition
    ``cross`` is 0 and ``total`` is carry + FX - costs. ``total_return`` is total /
    notional. ``costs`` (spread, commission, markup: money >= 0) is 0 unless given.
    """

    carry: FloatArray
    fx: FloatArray
    cross: FloatArray
    total: FloatArray
    total_return: FloatArray
    costs: FloatArray | float = 0.0  # a single number when the same for every row


def spot_ratio(
    spot_start: Any, spot_end: Any, orientation: Any = Orientation.TARGET_FUNDING
) -> FloatArray:
    """X1/X0: how many times more funding currency one target unit is worth at the end.

    S1/S0 for a TARGET/FUNDING pair (AUD/JPY funded in JPY), S0/S1 for FUNDING/TARGET.
    """
    spots = checked_spots(spot_start, spot_end, orientation)
    common_shape(**spots.named(), **spots.orientations())
    return finite_result(spots.ratio(), **spots.named())


def fx_return(
    spot_start: Any, spot_end: Any, orientation: Any = Orientation.TARGET_FUNDING
) -> FloatArray:
    """The target currency's move against the funding currency, X1/X0 - 1 (0.03 = +3%).

    Seed 1: AUD/JPY 100 -> 103 funded in JPY: +0.03. Seed 2: USD/TRY 30 -> 32 funded
    in USD (FUNDING/TARGET): 30/32 - 1 = -0.0625.
    """
    return spot_ratio(spot_start, spot_end, orientation) - 1.0


def fx_pnl(
    notional: Any, spot_start: Any, spot_end: Any, orientation: Any = Orientation.TARGET_FUNDING
) -> FloatArray:
    """FX gain or loss on the notional, in the funding currency: N * (X1/X0 - 1).

    Seed 1: 10,000,000 JPY * 3% = 300,000 JPY. Seed 2: 100,000 USD * -6.25% = -6,250 USD.
    """
    spots = checked_spots(spot_start, spot_end, orientation, notional)
    common_shape(**spots.named(), **spots.orientations())
    return finite_result(spots.size() * (spots.ratio() - 1.0), **spots.named())


def carry_income(
    notional: Any, rate_target: Any, rate_funding: Any, years: Any, years_funding: Any = None
) -> FloatArray:
    """Interest-differential income in the funding currency: N * (r_t*t_t - r_f*t_f).

    ``years`` is the period as a year fraction; ``years_funding`` the funding leg's if its
    day count differs (default: ``years``). Seed 1: 10,000,000 * 4.4% * 0.5 = 220,000 JPY.
    """
    n = positive("notional", notional)
    legs = checked_legs(rate_target, rate_funding, years, years_funding, deposits=False)
    common_shape(notional=n, **legs.named())
    i_t, i_f = legs.interests()
    income = n * (i_t - i_f)
    return finite_result(income, notional=n, **legs.named())


def carry_pnl(
    notional: Any,
    spot_start: Any,
    spot_end: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any = Orientation.TARGET_FUNDING,
    years_funding: Any = None,
    costs: Any = 0.0,
) -> FloatArray:
    """Exact total P&L in the funding currency: N * [(X1/X0)(1 + r_t*t_t) - (1 + r_f*t_f)] - costs.

    Seed 1 (AUD/JPY 100 -> 103, 10m JPY, 4.5% vs 0.1%, 0.5y): 526,750 JPY.
    """
    # Small columns: fewest reductions (see _finite). Big ones: every check up front and
    # one expression, whose temporaries numpy reuses instead of allocating more.
    deferred = getattr(spot_start, "size", 0) < _BIG
    spots = checked_spots(spot_start, spot_end, orientation, notional, deferred=deferred)
    legs = checked_legs(rate_target, rate_funding, years, years_funding, deferred=deferred)
    c = non_negative("costs", costs, deferred=deferred)
    named = spots.named()
    named.update(legs.named(), costs=c)
    shape_of(named if isinstance(spots.inverted, bool) else {**named, **spots.orientations()})
    if deferred:
        ratio = spots.ratio()
        i_t, i_f = legs.interests()
        pnl = spots.size() * (ratio * (1.0 + i_t) - (1.0 + i_f))
        if c.ndim or c != 0.0:
            pnl = pnl - c
        return _finite(pnl, ratio, spots, legs, named)
    legs.check_deposits()
    r_t, r_f, t_t = legs.rate_target, legs.rate_funding, legs.years
    t_f = t_t if legs.years_funding is None else legs.years_funding
    pnl = spots.size() * (spots.ratio() * (1.0 + r_t * t_t) - (1.0 + r_f * t_f))
    if c.ndim or c != 0.0:
        pnl = pnl - c
    return finite_result(pnl, **named)


def _finite(
    result: FloatArray, ratio: FloatArray, spots: Spots, legs: Legs, named: dict[str, FloatArray]
) -> FloatArray:
    """``result`` of a trade checked with ``deferred``: a finite result and X1/X0 > 0 prove
    every input finite (an infinite notional, rate, year fraction or cost never gives a
    finite P&L; an infinite spot gives X1/X0 = 0 or inf). Otherwise check everything
    again, so a bad input is named with its own rule before the result is blamed."""
    if all_finite(result) and (not ratio.size or _MIN(ratio, axis=None) > 0.0):
        return result
    spots.recheck()
    legs.recheck()
    non_negative("costs", named["costs"])
    return finite_result(result, **named)


def carry_return(
    spot_start: Any,
    spot_end: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any = Orientation.TARGET_FUNDING,
    years_funding: Any = None,
    costs: Any = 0.0,
) -> FloatArray:
    """Exact return on the notional over the period (0.052675 = 5.2675% for seed 1).

    ``costs`` here is a fraction of the notional (0.0002 = 2 basis points).
    """
    return carry_pnl(
        1.0,
        spot_start,
        spot_end,
        rate_target,
        rate_funding,
        years,
        orientation,
        years_funding,
        costs,
    )


def _breakdown(
    notional: Any,
    spot_start: Any,
    spot_end: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any,
    years_funding: Any,
    costs: Any,
    exact: bool,
) -> CarryBreakdown:
    spots = checked_spots(spot_start, spot_end, orientation, notional, deferred=True)
    legs = checked_legs(
        rate_target, rate_funding, years, years_funding, deposits=exact, deferred=True
    )
    c = non_negative("costs", costs, deferred=True)
    named = spots.named()
    named.update(legs.named(), costs=c)
    shape_of(named if isinstance(spots.inverted, bool) else {**named, **spots.orientations()})
    n = spots.size()
    i_t, i_f = legs.interests()
    carry = n * (i_t - i_f)
    ratio = spots.ratio()
    fx = n * (ratio - 1.0)
    cross = fx * i_t if exact else None
    total = carry + fx + cross if cross is not None else carry + fx
    if c.ndim or c != 0.0:
        total = total - c
    # A finite return means a finite total, and so finite parts.
    total_return = _finite(total / n, ratio, spots, legs, named)
    return CarryBreakdown(
        carry, fx, total * 0.0 if cross is None else cross, total, total_return, c
    )


def carry_breakdown(
    notional: Any,
    spot_start: Any,
    spot_end: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any = Orientation.TARGET_FUNDING,
    years_funding: Any = None,
    costs: Any = 0.0,
) -> CarryBreakdown:
    """The exact P&L split into carry, FX and cross term, less costs, which add up to the total."""
    return _breakdown(
        notional,
        spot_start,
        spot_end,
        rate_target=rate_target,
        rate_funding=rate_funding,
        years=years,
        orientation=orientation,
        years_funding=years_funding,
        costs=costs,
        exact=True,
    )


def carry_breakdown_simple(
    notional: Any,
    spot_start: Any,
    spot_end: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any = Orientation.TARGET_FUNDING,
    years_funding: Any = None,
    costs: Any = 0.0,
) -> CarryBreakdown:
    """The seeds' textbook decomposition: carry + FX - costs, no cross term (an approximation).

    Seed 1: 220,000 + 300,000 = 520,000 JPY (5.2%); the exact total is 526,750 JPY.
    """
    return _breakdown(
        notional,
        spot_start,
        spot_end,
        rate_target=rate_target,
        rate_funding=rate_funding,
        years=years,
        orientation=orientation,
        years_funding=years_funding,
        costs=costs,
        exact=False,
    )


def annualised_return(total_return: Any, years: Any, compound: bool = False) -> FloatArray:
    """A period return per year: r / t (simple), or (1 + r)^(1/t) - 1 when ``compound``.

    Seed 1: 5.2675% over 0.5y is 10.535% simple, 10.8125% compounded.
    """
    r = fraction_change("total_return", total_return)
    t = positive("years", years)
    common_shape(total_return=r, years=t)
    annual = np.power(1.0 + r, 1.0 / t) - 1.0 if flag("compound", compound) else r / t
    return finite_result(annual, total_return=r, years=t)


def breakeven_spot(
    spot_start: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any = Orientation.TARGET_FUNDING,
    years_funding: Any = None,
) -> FloatArray:
    """The end spot (in the pair's own quote) at which the exact total P&L is zero.

    It is the parity forward over the year fractions given: S0 (1 + r_f*t_f)/(1 + r_t*t_t)
    for a TARGET/FUNDING pair, S0 (1 + r_t*t_t)/(1 + r_f*t_f) for FUNDING/TARGET; each
    1 + r*t must be above 0. Seed 1: 100 * 1.0005 / 1.0225 = 97.8484. With a tenor's
    nominal years (6M = 0.5) it is the nominal-tenor break-even; the dated forward
    (``carryxl forward``, ``FX_FORWARD``) counts each leg's
    days from the spot date to the tenor's end instead.
    """
    spots = checked_spots(spot_start, None, orientation)
    legs = checked_legs(rate_target, rate_funding, years, years_funding)
    common_shape(**spots.named(), **legs.named(), **spots.orientations())
    s0 = spots.spot_start
    i_t, i_f = legs.interests()
    growth = (1.0 + i_f) / (1.0 + i_t)
    if spots.inverted is True:
        spot = s0 / growth
    elif spots.inverted is False:
        spot = s0 * growth
    else:
        spot = np.where(spots.inverted, s0 / growth, s0 * growth)
    return finite_result(spot, **spots.named(), **legs.named())


def breakeven_move(
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any = Orientation.TARGET_FUNDING,
    years_funding: Any = None,
) -> FloatArray:
    """The move of the quoted spot, S1/S0 - 1, at which the exact total P&L is zero.

    Seed 1: 97.8484/100 - 1 = -2.15%.
    """
    return breakeven_spot(1.0, rate_target, rate_funding, years, orientation, years_funding) - 1.0


def carry_days_to_offset(
    fx_move: Any,
    rate_target: Any,
    rate_funding: Any,
    day_count_target: DayCount | str = DayCount.ACT_365F,
    day_count_funding: DayCount | str = DayCount.ACT_365F,
) -> FloatArray:
    """Calendar days of exact carry that absorb an FX move g of the target (-0.03 = -3%).

    Solves (1 + g)(1 + r_t d/B_t) = 1 + r_f d/B_f for d, with B the day count's 360 or
    365. 0 when g >= 0; ``inf`` when carry never catches up (differential <= 0).
    """
    g = fraction_change("fx_move", fx_move)
    r_t = rate("rate_target", rate_target)
    r_f = rate("rate_funding", rate_funding)
    common_shape(fx_move=g, rate_target=r_t, rate_funding=r_f)
    b_t = DayCount.parse(day_count_target, "day_count_target").days_in_year
    b_f = DayCount.parse(day_count_funding, "day_count_funding").days_in_year
    per_day = (1.0 + g) * r_t / b_t - r_f / b_f
    return _days(g, per_day, fx_move=g, rate_target=r_t, rate_funding=r_f)


def carry_days_to_offset_simple(fx_move: Any, rate_target: Any, rate_funding: Any) -> FloatArray:
    """Textbook days of carry to absorb an FX move: -g * 365 / (r_t - r_f).

    Seed 1: a 3% fall at 4.4% differential takes 0.03 * 365 / 0.044 = 248.9 days.
    """
    g = fraction_change("fx_move", fx_move)
    r_t = rate("rate_target", rate_target)
    r_f = rate("rate_funding", rate_funding)
    common_shape(fx_move=g, rate_target=r_t, rate_funding=r_f)
    return _days(g, (r_t - r_f) / 365.0, fx_move=g, rate_target=r_t, rate_funding=r_f)


def _days(g: FloatArray, per_day: FloatArray, **named: FloatArray) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        days = np.where(per_day > 0, -g / per_day, np.inf)
    # inf says "never" (carry does not earn); where it earns, the days must be a number.
    finite_result(np.where((g < 0) & (per_day > 0), days, 0.0), **named)
    result: FloatArray = np.where(g >= 0, 0.0, days)
    return result[()] if result.ndim == 0 else result
