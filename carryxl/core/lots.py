"""Position sizes as a broker takes them: whole lot steps.

A size worked out from a risk budget (:func:`carryxl.core.risk.position_size`) is rarely a
whole number of lot steps; a broker accepts multiples of its step (0.01 lot, a micro lot,
by default: :data:`carryxl.core.defaults.LOT_STEP`). The size is rounded **down** to the
step, so the loss at the stop stays within the budget:

    lots = floor(units / lot_size / lot_step) * lot_step

(a size within 1e-9 of a step counts as that step: 0.03 lots computed as 0.0299999999
stays 0.03). Example: 20,000 AUD at 100,000 a lot is 0.2 lots, already a step;
16,666.67 units is 0.1666 lots, taken as 0.16 lots = 16,000 units.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core.defaults import LOT_SIZE, LOT_STEP
from carryxl.core.validate import FloatArray, common_shape, finite_result, non_negative, positive

__all__ = ["lots_in_steps"]


def lots_in_steps(
    units: Any, lot_size: Any = LOT_SIZE, lot_step: Any = LOT_STEP
) -> tuple[FloatArray, FloatArray]:
    """(lots, units) rounded down to whole ``lot_step`` lots of ``lot_size`` base units."""
    u = non_negative("units", units)
    size = positive("lot_size", lot_size)
    step = positive("lot_step", lot_step)
    common_shape(units=u, lot_size=size, lot_step=step)
    with np.errstate(over="ignore"):  # an overflow is refused just below, naming the inputs
        raw = np.floor(u / size / step + 1e-9)
    steps = finite_result(raw, units=u, lot_size=size, lot_step=step)
    lots: FloatArray = steps * step
    return lots, lots * size
