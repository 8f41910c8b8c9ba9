"""Staged entry (分批建仓): several tranches bought at different rates, as one position.

Tranche i buys u_i base units at rate S_i (quote units per base unit), costing u_i S_i
in the quote currency. Amounts may be given in base units (``amounts_in="base"``:
u_i = a_i) or as quote money spent (``"quote"``: u_i = a_i / S_i, e.g. 10,000,000 JPY
into AUD at 100 and at 98). Then

- average entry rate = Σ u_i S_i / Σ u_i (weighted by units; a harmonic mean of the
  rates when equal quote amounts are spent);
- P&L at spot S, quote currency = side * Σ u_i (S - S_i) = side * Σ u_i * (S - average);
- return = P&L / Σ u_i S_i.

Tranches run along the last axis (``axis``), so a 2-D array holds one position a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.errors import CarryxlError
from carryxl.core.sides import side_sign
from carryxl.core.validate import FloatArray, common_shape, finite_result, positive

__all__ = ["StagedPosition", "staged_position"]


@dataclass(frozen=True)
class StagedPosition:
    """A position built in tranches; money in the pair's quote currency."""

    units: FloatArray
    cost: FloatArray
    average_rate: FloatArray
    pnl: FloatArray
    pnl_tranches: FloatArray
    total_return: FloatArray


def staged_position(
    amounts: Any,
    rates: Any,
    spot: Any,
    side: Any = "long",
    amounts_in: str = "base",
    axis: int = -1,
) -> StagedPosition:
    """Average entry rate and P&L of tranches ``amounts`` bought at ``rates``, marked at ``spot``.

    100,000 AUD at 100, 100,000 at 98 and 200,000 at 96: average (10,000,000 + 9,800,000
    + 19,200,000) / 400,000 = 97.5; at 99 the P&L is 400,000 * 1.5 = 600,000 JPY.
    """
    a = positive("amounts", amounts)
    r = positive("rates", rates)
    s = positive("spot", spot)
    direction = side_sign(side)
    common_shape(amounts=a, rates=r)
    if np.broadcast_shapes(a.shape, r.shape) == ():
        a, r = a.reshape(1), r.reshape(1)
    where = str(amounts_in).strip().lower()
    a, r = np.broadcast_arrays(a, r)
    if (
        isinstance(axis, bool)
        or not isinstance(axis, int | np.integer)
        or not -a.ndim <= axis < a.ndim
    ):
        raise CarryxlError("axis", axis, f"must be the tranches' axis, -{a.ndim} to {a.ndim - 1}")
    if where == "base":
        units, cost = a, a * r
    elif where == "quote":
        units, cost = a / r, a
    else:
        raise CarryxlError("amounts_in", amounts_in, "must be 'base' (units) or 'quote' (money)")
    total_units = np.sum(units, axis=axis)
    total_cost = np.sum(cost, axis=axis)
    average = total_cost / total_units
    spot_b = np.expand_dims(s, axis) if s.ndim else s
    common_shape(amounts=units, spot=spot_b, side=direction)
    pnl_tranches = direction * (units * spot_b - cost)
    pnl = np.sum(pnl_tranches, axis=axis)
    named = {"amounts": a, "rates": r, "spot": s}
    average = finite_result(average, **named)
    # A finite return means a finite P&L (the cost is finite with the average).
    total_return = finite_result(pnl / total_cost, **named)
    return StagedPosition(total_units, total_cost, average, pnl, pnl_tranches, total_return)
