"""Which way a position faces: +1 long the pair's base currency, -1 short."""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core.errors import CarryxlError
from carryxl.core.validate import FloatArray, finite

__all__ = ["side_sign"]

_LONG = frozenset({"long", "buy", "+1", "1", "多", "做多", "买入"})
_SHORT = frozenset({"short", "sell", "-1", "空", "做空", "卖出"})


def side_sign(side: Any, argument: str = "side") -> FloatArray:
    """+1.0 for ``"long"``/``"buy"``/``+1``, -1.0 for ``"short"``/``"sell"``/``-1``."""
    if isinstance(side, str):
        key = side.strip().lower()
        if key in _LONG:
            return np.asarray(1.0)
        if key in _SHORT:
            return np.asarray(-1.0)
        raise CarryxlError(argument, side, "must be 'long' or 'short' (or +1 / -1)")
    sign = finite(argument, side)
    if not np.isin(sign, (-1.0, 1.0)).all():
        raise CarryxlError(argument, side, "must be 'long' or 'short' (or +1 / -1)")
    return sign
