"""Trading costs of a carry trade: bid/ask spread, commission, the broker's rate markup.

Every cost is money >= 0; P&L breakdowns subtract it (``total = carry + fx + cross -
costs``, see :class:`~carryxl.core.carry.CarryBreakdown`).

- **Spread**, against mid: each deal crosses half the bid/ask spread, so one side of
  ``units`` base units costs units * spread_pips * pip_size / 2 in the quote currency.
  Entry and exit at the same spread make one full spread per round trip (the retail
  "spread x pip value").
- **Commission**: ``per_lot`` per lot of ``lot_size`` base units and ``per_million``
  per million base units, per side (entry and exit are two sides), in the currency the
  broker charges in.
- **Rate markup**: the broker pays r_t - m_t on the target leg and charges r_f + m_f
  on the funding leg. Against benchmark rates it costs N * (X1/X0 * m_t * t_t + m_f *
  t_f) exactly (the target interest is converted back at the end rate), or N * (m_t *
  t_t + m_f * t_f) in the simple decomposition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.conventions import Orientation
from carryxl.core.defaults import LOT_SIZE
from carryxl.core.trade import Spots, checked_legs, checked_spots
from carryxl.core.validate import (
    FloatArray,
    common_shape,
    finite_result,
    flag,
    non_negative,
    positive,
    rate,
)

__all__ = [
    "TradeCosts",
    "breakeven_spot_after_costs",
    "carry_trade_costs",
    "commission_cost",
    "markup_cost",
    "rates_after_markup",
    "spread_cost",
]


@dataclass(frozen=True)
class TradeCosts:
    """Costs of one trade in one currency; ``total = spread + commission + markup``."""

    spread: FloatArray
    commission: FloatArray
    markup: FloatArray
    total: FloatArray


def _spread(units: Any, spread_pips: Any, pip_size: Any) -> FloatArray:
    result: FloatArray = units * spread_pips * pip_size / 2.0
    return result


def _commission(units: Any, given: dict[str, FloatArray], sides: Any) -> FloatArray:
    per_lot, per_million, lot_size = given["per_lot"], given["per_million"], given["lot_size"]
    result: FloatArray = sides * units * (per_lot / lot_size + per_million / 1e6)
    return result


def spread_cost(units: Any, spread_pips: Any, pip_size: Any) -> FloatArray:
    """One side's spread cost against mid, in the quote currency: units * pips * pip / 2.

    100,000 AUD of AUD/JPY at a 2-pip spread (pip 0.01): 100,000 * 2 * 0.01 / 2 = 1,000 JPY.
    """
    u = non_negative("units", units)
    pips = non_negative("spread_pips", spread_pips)
    size = positive("pip_size", pip_size)
    common_shape(units=u, spread_pips=pips, pip_size=size)
    return finite_result(_spread(u, pips, size), units=u, spread_pips=pips, pip_size=size)


def commission_cost(
    units: Any,
    per_lot: Any = 0.0,
    per_million: Any = 0.0,
    lot_size: Any = LOT_SIZE,
    sides: Any = 2,
) -> FloatArray:
    """Commission on ``units`` base units: sides * units * (per_lot / lot_size + per_million / 1e6).

    2.5 lots at 7 a lot per side, round trip: 2 * 250,000 * 7 / 100,000 = 35.
    """
    given = _commission_inputs(per_lot, per_million, lot_size)
    u = non_negative("units", units)
    n = non_negative("sides", sides)
    common_shape(units=u, **given, sides=n)
    return finite_result(_commission(u, given, n), units=u, **given, sides=n)


def _commission_inputs(per_lot: Any, per_million: Any, lot_size: Any) -> dict[str, FloatArray]:
    return {
        "per_lot": non_negative("per_lot", per_lot),
        "per_million": non_negative("per_million", per_million),
        "lot_size": positive("lot_size", lot_size),
    }


def rates_after_markup(
    rate_target: Any, rate_funding: Any, markup_target: Any = 0.0, markup_funding: Any = 0.0
) -> tuple[FloatArray, FloatArray]:
    """The rates you actually earn and pay: (r_t - m_t, r_f + m_f).

    AUD 4.5% with a 0.5% markup, JPY 0.1% with 1%: you earn 4.0% and pay 1.1%.
    """
    r_t = rate("rate_target", rate_target)
    r_f = rate("rate_funding", rate_funding)
    m_t = non_negative("markup_target", markup_target)
    m_f = non_negative("markup_funding", markup_funding)
    common_shape(rate_target=r_t, rate_funding=r_f, markup_target=m_t, markup_funding=m_f)
    paid = finite_result(r_f + m_f, rate_funding=r_f, markup_funding=m_f)
    return rate("rate_target - markup_target", r_t - m_t), paid


def _markups(
    markup_target: Any, markup_funding: Any, years: Any, years_funding: Any
) -> dict[str, FloatArray]:
    given = {
        "markup_target": non_negative("markup_target", markup_target),
        "markup_funding": non_negative("markup_funding", markup_funding),
        "years": non_negative("years", years),
    }
    if years_funding is not None:
        given["years_funding"] = non_negative("years_funding", years_funding)
    return given


def _markup(notional: Any, ratio: Any, given: dict[str, FloatArray]) -> FloatArray:
    m_t, m_f, t_t = given["markup_target"], given["markup_funding"], given["years"]
    t_f = given.get("years_funding", t_t)
    result: FloatArray = notional * (ratio * m_t * t_t + m_f * t_f)
    return result


def markup_cost(
    notional: Any,
    markup_target: Any,
    markup_funding: Any,
    years: Any,
    spot_ratio_value: Any = 1.0,
    years_funding: Any = None,
) -> FloatArray:
    """What the markups cost in the funding currency: N * (X1/X0 * m_t * t_t + m_f * t_f).

    ``spot_ratio_value`` X1/X0 = 1 gives the simple decomposition's N * (m_t + m_f) * t.
    10,000,000 JPY, markups 0.5% and 1%, 0.5y, AUD/JPY 100 -> 103:
    10,000,000 * (1.03 * 0.005 * 0.5 + 0.01 * 0.5) = 75,750 JPY.
    """
    n = positive("notional", notional)
    given = _markups(markup_target, markup_funding, years, years_funding)
    ratio = positive("spot_ratio_value", spot_ratio_value)
    common_shape(notional=n, **given, spot_ratio_value=ratio)
    return finite_result(_markup(n, ratio, given), notional=n, **given, spot_ratio_value=ratio)


@dataclass(frozen=True)
class _Charges:
    """The checked spread and commission inputs of a trade, under the user's argument
    names (``named``, for one shape check); ``exit`` is the entry spread when not given."""

    pip_size: FloatArray
    entry: FloatArray
    exit: FloatArray
    lots: dict[str, FloatArray]
    named: dict[str, FloatArray]


def _charges(
    pip_size: Any, *, spread: tuple[Any, Any], commission: tuple[Any, Any, Any]
) -> _Charges:
    """Check the pip size, the ``spread`` (entry and exit pips; the exit's only when
    given) and the ``commission`` (per lot, per million, lot size)."""
    spread_entry_pips, spread_exit_pips = spread
    size = positive("pip_size", pip_size)
    spreads = {"spread_entry_pips": non_negative("spread_entry_pips", spread_entry_pips)}
    if spread_exit_pips is not None:
        spreads["spread_exit_pips"] = non_negative("spread_exit_pips", spread_exit_pips)
    lots = _commission_inputs(*commission)
    entry = spreads["spread_entry_pips"]
    return _Charges(
        pip_size=size,
        entry=entry,
        exit=spreads.get("spread_exit_pips", entry),
        lots=lots,
        named={
            "pip_size": size,
            **spreads,
            "commission_per_lot": lots["per_lot"],
            "commission_per_million": lots["per_million"],
            "lot_size": lots["lot_size"],
        },
    )


def _base_units(spots: Spots) -> FloatArray:
    """Base units traded: N/S0 for a TARGET/FUNDING pair, N for FUNDING/TARGET."""
    n = spots.size()
    result: FloatArray = np.where(spots.inverted, n, n / spots.spot_start)
    return result


def carry_trade_costs(
    notional: Any,
    spot_start: Any,
    spot_end: Any,
    pip_size: Any,
    orientation: Any = Orientation.TARGET_FUNDING,
    spread_entry_pips: Any = 0.0,
    spread_exit_pips: Any = None,
    commission_per_lot: Any = 0.0,
    commission_per_million: Any = 0.0,
    lot_size: Any = LOT_SIZE,
    markup_target: Any = 0.0,
    markup_funding: Any = 0.0,
    years: Any = 0.0,
    years_funding: Any = None,
    exact: bool = True,
) -> TradeCosts:
    """All costs of a carry trade of ``notional`` (funding currency), in the funding currency.

    Base units traded: N/S0 for a TARGET/FUNDING pair (AUD/JPY funded in JPY), N for
    FUNDING/TARGET (USD/TRY funded in USD); the same at entry and exit (the principal;
    interest is not re-traded). Spread: each side's half-spread in the quote currency,
    turned into the funding currency at that side's spot (no conversion when funding is
    the quote). Commission: per side, given in the funding currency. Markup: see
    :func:`markup_cost` (``exact=False``: the simple decomposition's).

    Seed 1 with a 2-pip spread both ways (pip 0.01): 100,000 AUD * (0.01 + 0.01) JPY
    (a half-spread of 1 pip at entry and at exit) = 2,000 JPY.
    """
    spots = checked_spots(spot_start, spot_end, orientation, notional)
    charges = _charges(
        pip_size,
        spread=(spread_entry_pips, spread_exit_pips),
        commission=(commission_per_lot, commission_per_million, lot_size),
    )
    markups = _markups(markup_target, markup_funding, years, years_funding)
    named = {**spots.named(), **charges.named, **markups}
    common_shape(**named, **spots.orientations())
    base_units, flipped = _base_units(spots), spots.inverted
    # The half-spreads are in the quote currency: the funding one when the pair is
    # TARGET/FUNDING, else converted at each side's spot.
    to_funding_entry = np.where(flipped, 1.0 / spots.spot_start, 1.0)
    to_funding_exit = np.where(flipped, 1.0 / spots.end(), 1.0)
    spread = (
        _spread(base_units, charges.entry, charges.pip_size) * to_funding_entry
        + _spread(base_units, charges.exit, charges.pip_size) * to_funding_exit
    )
    commission = _commission(base_units, charges.lots, 2)
    ratio = spots.ratio() if flag("exact", exact) else 1.0
    markup = _markup(spots.size(), ratio, markups)
    spread, commission, markup = np.broadcast_arrays(spread, commission, markup)
    total = finite_result(spread + commission + markup, **named)
    return TradeCosts(spread, commission, markup, total)


def breakeven_spot_after_costs(
    notional: Any,
    spot_start: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    pip_size: Any,
    orientation: Any = Orientation.TARGET_FUNDING,
    spread_entry_pips: Any = 0.0,
    spread_exit_pips: Any = None,
    commission_per_lot: Any = 0.0,
    commission_per_million: Any = 0.0,
    lot_size: Any = LOT_SIZE,
    markup_target: Any = 0.0,
    markup_funding: Any = 0.0,
    years_funding: Any = None,
) -> FloatArray:
    """The end spot at which the exact P&L less :func:`carry_trade_costs` is zero.

    With ρ = X1/X0 the P&L after costs is linear in ρ:
    ρ [N (1 + r_t t_t - m_t t_t) - a] = N (1 + r_f t_f + m_f t_f) + spread at entry +
    commission + b, where the exit half-spread N/S0 * h1 is b (TARGET/FUNDING: paid in
    the funding currency) or a * ρ with a = N h1/S0 (FUNDING/TARGET: paid at S1). The spot
    is S0 ρ (TARGET/FUNDING) or S0 / ρ. Without costs it is the interest-parity forward.
    Seed 1 with a 2-pip spread: ρ = (10,005,000 + 1,000 + 1,000) / 10,225,000, so
    S1 = 97.8679. NaN where no spot breaks even.
    """
    spots = checked_spots(spot_start, None, orientation, notional)
    legs = checked_legs(rate_target, rate_funding, years, years_funding)
    charges = _charges(
        pip_size,
        spread=(spread_entry_pips, spread_exit_pips),
        commission=(commission_per_lot, commission_per_million, lot_size),
    )
    m_t = non_negative("markup_target", markup_target)
    m_f = non_negative("markup_funding", markup_funding)
    named = {**spots.named(), **legs.named(), **charges.named}
    named.update(markup_target=m_t, markup_funding=m_f)
    common_shape(**named, **spots.orientations())
    n, s0, flipped = spots.size(), spots.spot_start, spots.inverted
    t_t = legs.years
    t_f = t_t if legs.years_funding is None else legs.years_funding
    commission = _commission(_base_units(spots), charges.lots, 2)
    half_entry = n * charges.entry * charges.pip_size / 2.0 / s0
    half_exit = n * charges.exit * charges.pip_size / 2.0 / s0
    i_t, i_f = legs.interests()
    fixed = n * (1.0 + i_f + m_f * t_f) + half_entry + commission
    slope = n * (1.0 + i_t - m_t * t_t)
    fixed = fixed + np.where(flipped, 0.0, half_exit)
    slope = slope - np.where(flipped, half_exit, 0.0)
    return _breakeven_spot(fixed, slope, s0, flipped, named)


def _breakeven_spot(
    fixed: FloatArray, slope: FloatArray, s0: FloatArray, flipped: Any, named: dict[str, Any]
) -> FloatArray:
    """S0 ρ (TARGET/FUNDING) or S0 / ρ with ρ = fixed / slope; NaN where slope <= 0 (no
    spot breaks even), anything else must be a number."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.where(slope > 0, fixed / slope, np.nan)
        spot = np.where(flipped, s0 / ratio, s0 * ratio)
    finite_result(np.where(slope > 0, spot, 0.0), **named)
    result: FloatArray = spot[()] if spot.ndim == 0 else spot
    return result
