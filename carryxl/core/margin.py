"""Leverage and margin (杠杆与保证金): margin required, return on equity, margin-call spots.

A position of ``units`` base units of a pair at spot S is worth units * S in the quote
currency. At ``leverage`` L (or margin rate m = 1/L) the broker holds
margin = units * S * m in the quote currency (= units * m in the base currency).
Margin level = equity / margin (1.0 = 100%); brokers call at a level such as 100% and
stop out at one such as 50%.

**Margin-call spot.** With ``side`` +1 (long the base) or -1 (short), equity E0 at
entry spot S0 and margin rate m, the spot S at which equity / margin = level k:

- account in the **quote** currency (margin floats with S):
  E0 + side * u * (S - S0) = k * u * S * m  ->  S = (side * u * S0 - E0) / (u * (side - k * m));
- account in the **base** currency (margin fixed at u * m):
  E0 + side * u * (S - S0) / S = k * u * m  ->  S = side * u * S0 / (E0 + side * u - k * u * m).

No such spot (the loss cannot reach the level): NaN.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core.defaults import MARGIN_CALL_LEVEL
from carryxl.core.errors import CarryxlError, Rule
from carryxl.core.sides import side_sign
from carryxl.core.validate import (
    FloatArray,
    common_shape,
    finite,
    finite_result,
    non_negative,
    positive,
)

__all__ = [
    "MARGIN_FORMULAS",
    "days_to_margin_call",
    "margin_call_spot",
    "margin_fraction",
    "margin_level",
    "margin_required",
    "return_on_equity",
]


def margin_fraction(leverage: Any = None, margin_rate: Any = None) -> FloatArray:
    """The margin rate from a leverage (1/L: 1:25 -> 0.04) or as given (0 < m <= 1)."""
    if (leverage is None) == (margin_rate is None):
        raise CarryxlError("leverage", leverage, "give either leverage or margin_rate, not both")
    if leverage is not None:
        lev = positive("leverage", leverage)
        with np.errstate(over="ignore"):
            return finite_result(1.0 / lev, leverage=lev)
    m = positive("margin_rate", margin_rate)
    if (m > 1.0).any():
        raise CarryxlError("margin_rate", margin_rate, "must be a fraction <= 1 (0.04 for 4%)")
    return m


def margin_required(
    position_value: Any, leverage: Any = None, margin_rate: Any = None
) -> FloatArray:
    """Margin = position value / leverage (= value * margin rate), in the value's currency.

    100,000 AUD of AUD/JPY at 100 (10,000,000 JPY) at 1:25: 400,000 JPY.
    """
    value = non_negative("position_value", position_value)
    m = margin_fraction(leverage, margin_rate)
    given = "leverage" if leverage is not None else "margin_rate"
    common_shape(position_value=value, **{given: m})
    return finite_result(value * m, position_value=value, **{given: m})


def return_on_equity(pnl: Any, equity: Any) -> FloatArray:
    """P&L / equity put up (margin or account equity): 526,750 JPY on 400,000 = 131.69%."""
    p = finite("pnl", pnl)
    e = positive("equity", equity)
    common_shape(pnl=p, equity=e)
    return finite_result(p / e, pnl=p, equity=e)


def margin_level(equity: Any, margin: Any) -> FloatArray:
    """Equity / margin used (1.5 = 150%)."""
    e = finite("equity", equity)
    m = positive("margin", margin)
    common_shape(equity=e, margin=m)
    return finite_result(e / m, equity=e, margin=m)


def margin_call_spot(
    spot_entry: Any,
    units: Any,
    equity: Any,
    side: Any = "long",
    leverage: Any = None,
    margin_rate: Any = None,
    level: Any = MARGIN_CALL_LEVEL,
    account: str = "quote",
) -> FloatArray:
    """The spot at which equity / margin falls to ``level`` (margin call 1.0, stop-out 0.5…).

    ``equity`` is the account's equity at entry, in the account currency: the pair's
    ``"quote"`` currency or its ``"base"``. Long 100,000 AUD/JPY at 100 with 1,000,000
    JPY equity, 1:25 (m = 4%), call at 100%: S = (100,000 * 100 - 1,000,000) /
    (100,000 * (1 - 0.04)) = 93.75 (equity 375,000 = margin 375,000 JPY).
    """
    s0 = positive("spot_entry", spot_entry)
    u = positive("units", units)
    e0 = positive("equity", equity)
    direction = side_sign(side)
    m = margin_fraction(leverage, margin_rate)
    k = positive("level", level)
    given = "leverage" if leverage is not None else "margin_rate"
    common_shape(spot_entry=s0, units=u, equity=e0, side=direction, **{given: m}, level=k)
    where = str(account).strip().lower()
    if where == "quote":
        at_entry = e0 - k * u * s0 * m
        with np.errstate(divide="ignore", invalid="ignore"):
            spot = (direction * u * s0 - e0) / (u * (direction - k * m))
    elif where == "base":
        at_entry = e0 - k * u * m
        with np.errstate(divide="ignore", invalid="ignore"):
            spot = direction * u * s0 / (e0 + direction * u - k * u * m)
    else:
        raise CarryxlError("account", account, Rule.ACCOUNT)
    if (at_entry <= 0).any():
        raise CarryxlError("equity", equity, "must be above level * margin at entry already")
    result: FloatArray = np.where(np.isfinite(spot) & (spot > 0), spot, np.nan)
    return result


def days_to_margin_call(
    equity: Any, margin: Any, swap_per_day: Any, level: Any = MARGIN_CALL_LEVEL
) -> FloatArray:
    """Days until a negative swap alone erodes equity to ``level`` * margin (spot unchanged).

    (E - k * M) / (-swap a day); ``inf`` when the swap is >= 0. Long USD/TRY funded in
    TRY at 32, 100,000 USD, 1:10 (margin 320,000 TRY), equity 400,000 TRY, swap
    -1,500 TRY a day, call at 100%: (400,000 - 320,000) / 1,500 = 53.3 days.
    Use the average swap per calendar day (triple nights included) for calendar days.
    """
    e = positive("equity", equity)
    m = positive("margin", margin)
    swap = finite("swap_per_day", swap_per_day)
    k = positive("level", level)
    common_shape(equity=e, margin=m, swap_per_day=swap, level=k)
    named = {"equity": e, "margin": m, "swap_per_day": swap, "level": k}
    room = finite_result(e - k * m, **named)
    if (room <= 0).any():
        raise CarryxlError("equity", equity, "must be above level * margin already")
    with np.errstate(divide="ignore", over="ignore"):
        days = room / -np.minimum(swap, -1e-300)
    # inf says "never" (the swap is a credit); a finite swap debit must give finite days.
    finite_result(np.where(swap < 0, days, 0.0), **named)
    result: FloatArray = np.where(swap < 0, days, np.inf)
    return result


MARGIN_FORMULAS = {
    "margin_required": "{position_value}*(1/{leverage})",
    "margin_level": "{equity}/{margin}",
    "margin_call_spot": (
        "({side}*{units}*{spot_entry}-{equity})/({units}*({side}-{level}/{leverage}))"
    ),
    "days_to_margin_call": 'IF({swap_per_day}>=0,"-",({equity}-{level}*{margin})/-{swap_per_day})',
}
"""Spreadsheet formulas of :func:`margin_required`, :func:`margin_level`,
:func:`margin_call_spot` (account in the quote currency) and :func:`days_to_margin_call`
("-" where the core gives ``inf``: the swap is a credit), in the functions' argument
names; ``side`` is +1/-1. The risk template's native cells are these (LibreOffice proves
them against the functions above)."""
