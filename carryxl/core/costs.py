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

from carryxl.core.carry import _inverted, spot_ratio
from carryxl.core.conventions import Orientation
from carryxl.core.validate import FloatArray, common_shape, non_negative, positive, rate

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


def spread_cost(units: Any, spread_pips: Any, pip_size: Any) -> FloatArray:
    """One side's spread cost against mid, in the quote currency: units * pips * pip / 2.

    100,000 AUD of AUD/JPY at a 2-pip spread (pip 0.01): 100,000 * 2 * 0.01 / 2 = 1,000 JPY.
    """
    u = non_negative("units", units)
    pips = non_negative("spread_pips", spread_pips)
    size = positive("pip_size", pip_size)
    common_shape(units=u, spread_pips=pips, pip_size=size)
    return u * pips * size / 2.0


def commission_cost(
    units: Any,
    per_lot: Any = 0.0,
    per_million: Any = 0.0,
    lot_size: Any = 100_000.0,
    sides: Any = 2,
) -> FloatArray:
    """Commission on ``units`` base units: sides * units * (per_lot / lot_size + per_million / 1e6).

    2.5 lots at 7 a lot per side, round trip: 2 * 250,000 * 7 / 100,000 = 35.
    """
    u = non_negative("units", units)
    lot = non_negative("per_lot", per_lot)
    million = non_negative("per_million", per_million)
    size = positive("lot_size", lot_size)
    n = non_negative("sides", sides)
    common_shape(units=u, per_lot=lot, per_million=million, lot_size=size, sides=n)
    return n * u * (lot / size + million / 1e6)


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
    return rate("rate_target - markup_target", r_t - m_t), r_f + m_f


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
    m_t = non_negative("markup_target", markup_target)
    m_f = non_negative("markup_funding", markup_funding)
    t_t = non_negative("years", years)
    t_f = t_t if years_funding is None else non_negative("years_funding", years_funding)
    ratio = positive("spot_ratio", spot_ratio_value)
    common_shape(notional=n, markup_target=m_t, markup_funding=m_f, years=t_t, ratio=ratio)
    return n * (ratio * m_t * t_t + m_f * t_f)


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
    lot_size: Any = 100_000.0,
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
    n = positive("notional", notional)
    s0 = positive("spot_start", spot_start)
    s1 = positive("spot_end", spot_end)
    size = positive("pip_size", pip_size)
    entry = non_negative("spread_entry_pips", spread_entry_pips)
    exit_ = (
        entry if spread_exit_pips is None else non_negative("spread_exit_pips", spread_exit_pips)
    )
    common_shape(notional=n, spot_start=s0, spot_end=s1, spread_entry=entry, spread_exit=exit_)
    inverted = _inverted(orientation)
    base_units = np.where(inverted, n, n / s0)
    # The half-spreads are in the quote currency: the funding one when the pair is
    # TARGET/FUNDING, else converted at each side's spot.
    to_funding_entry = np.where(inverted, 1.0 / s0, 1.0)
    to_funding_exit = np.where(inverted, 1.0 / s1, 1.0)
    spread = (
        spread_cost(base_units, entry, size) * to_funding_entry
        + spread_cost(base_units, exit_, size) * to_funding_exit
    )
    commission = commission_cost(base_units, commission_per_lot, commission_per_million, lot_size)
    ratio = spot_ratio(s0, s1, orientation) if exact else 1.0
    markup = markup_cost(n, markup_target, markup_funding, years, ratio, years_funding)
    spread, commission, markup = np.broadcast_arrays(spread, commission, markup)
    return TradeCosts(spread, commission, markup, spread + commission + markup)


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
    lot_size: Any = 100_000.0,
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
    n = positive("notional", notional)
    s0 = positive("spot_start", spot_start)
    r_t = rate("rate_target", rate_target)
    r_f = rate("rate_funding", rate_funding)
    t_t = non_negative("years", years)
    t_f = t_t if years_funding is None else non_negative("years_funding", years_funding)
    size = positive("pip_size", pip_size)
    entry = non_negative("spread_entry_pips", spread_entry_pips)
    exit_ = (
        entry if spread_exit_pips is None else non_negative("spread_exit_pips", spread_exit_pips)
    )
    m_t = non_negative("markup_target", markup_target)
    m_f = non_negative("markup_funding", markup_funding)
    common_shape(notional=n, spot_start=s0, rate_target=r_t, rate_funding=r_f, years=t_t)
    inverted = _inverted(orientation)
    base_units = np.where(inverted, n, n / s0)
    commission = commission_cost(base_units, commission_per_lot, commission_per_million, lot_size)
    half_entry = n * entry * size / 2.0 / s0
    half_exit = n * exit_ * size / 2.0 / s0
    fixed = n * (1.0 + r_f * t_f + m_f * t_f) + half_entry + commission
    slope = n * (1.0 + r_t * t_t - m_t * t_t)
    fixed = fixed + np.where(inverted, 0.0, half_exit)
    slope = slope - np.where(inverted, half_exit, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(slope > 0, fixed / slope, np.nan)
        spot = np.where(inverted, s0 / ratio, s0 * ratio)
    result: FloatArray = spot[()] if spot.ndim == 0 else spot
    return result
