"""Positions built in tranches, measured one row per position: what ``STAGED_POSITION``
shows, from the one aggregation of tranches by position
(:func:`carryxl.core.portfolio.tranche_sums`).

For position j with side s (+1 long, -1 short), spot S and tranches of u_k base units
bought at S_k and held d_k nights: units U = Σ u_k, cost C = Σ u_k S_k (quote currency),
average C / U, FX P&L s (U S - C), return P&L / C, and the broker's swap
w Σ u_k d_k / lot (w: quote money per lot per night, :func:`broker_swap`).

Seed: 50,000 AUD at 100 and 50,000 at 104, long, spot 103: units 100,000, cost
10,200,000 JPY, average 102, P&L +100,000 JPY, return 0.98%.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from carryxl.core.defaults import LOT_SIZE
from carryxl.core.errors import CarryxlError, Described, Rule
from carryxl.core.portfolio import broker_swap, tranche_sums
from carryxl.core.validate import FloatArray

__all__ = ["STAGED_MEASURES", "position_measures"]

STAGED_MEASURES = ("average", "units", "cost", "pnl", "return", "swap")
"""The measures of a position, as ``STAGED_POSITION`` names them."""


def position_measures(
    index: Any,
    n: int,
    amounts: Any,
    rates: Any,
    spot: Any,
    sign: Any,
    measures: Sequence[str],
    nights: Any = None,
    swap: Any = None,
    lot_size: float = LOT_SIZE,
) -> FloatArray:
    """A row per position (0 ... ``n``-1), a column per measure of ``measures`` (see the
    module doc): tranches grouped by ``index``, ``spot``/``sign``/``swap`` one per position,
    ``nights`` one per tranche (needed for ``swap`` only). A position without tranches gives
    NaN; a measure beyond a float for a position with tranches is refused, naming it."""
    if isinstance(measures, str) or not isinstance(measures, Sequence) or not measures:
        raise CarryxlError("measures", measures, f"must list some of {', '.join(STAGED_MEASURES)}")
    for measure in measures:
        if not isinstance(measure, str) or measure not in STAGED_MEASURES:
            raise CarryxlError("measure", measure, f"must be {', '.join(STAGED_MEASURES)}")
    days = np.zeros(np.shape(index)) if nights is None else nights
    sums = tranche_sums(index, n, amounts, rates, spot, sign, days)
    every = {"units": sums.units, "cost": sums.cost, "pnl": sums.fx}
    if "swap" in measures:
        if not np.isfinite(sums.unit_days).all():  # amounts x nights beyond a float
            k = int(np.argmax(~np.isfinite(sums.unit_days)))
            shown = Described(f"the swap of position {k + 1}")
            raise CarryxlError("amounts / nights", shown, Rule.FINITE_RESULT)
        per_lot = np.zeros(n) if swap is None else swap
        every["swap"] = broker_swap(per_lot, sums.unit_days, lot_size)
    with np.errstate(divide="ignore", invalid="ignore"):
        every["average"] = sums.cost / sums.units
        every["return"] = sums.fx / sums.cost
    result = np.column_stack([every[m] for m in measures]).astype(np.float64)
    held = np.bincount(np.asarray(index, dtype=np.intp), minlength=n) > 0
    overflow = held[:, None] & ~np.isfinite(result)
    if overflow.any():
        k, j = (int(i) for i in np.argwhere(overflow)[0])
        swapped = measures[j] == "swap"
        inputs = "amounts / rates" + (" / nights / swap / lot_size" if swapped else "")
        raise CarryxlError(
            inputs, Described(f"the {measures[j]} of position {k + 1}"), Rule.FINITE_RESULT
        )
    result[~held, :] = np.nan
    return result
