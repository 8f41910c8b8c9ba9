"""Which way a position faces: +1 long the pair's base currency, -1 short."""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core.errors import CarryxlError, Rule
from carryxl.core.validate import FloatArray, finite

__all__ = ["SIDE_WORDS", "side_sign"]

SIDE_WORDS: dict[str, tuple[str, str]] = {"en": ("long", "short"), "zh": ("做多", "做空")}
"""The words a workbook in each language writes for (long, short); :func:`side_sign` reads
every language's words (and 多/空, buy/sell, 买入/卖出, +1/-1)."""


def _word(text: str, argument: str) -> float:
    key = text.strip().lower()
    if key in _LONG or key in ("1.0", "+1.0"):
        return 1.0
    if key in _SHORT or key == "-1.0":
        return -1.0
    raise CarryxlError(argument, text, Rule.SIDE)


_LONG = frozenset({"buy", "+1", "1", "多", "买入", *(w for w, _s in SIDE_WORDS.values())})
_SHORT = frozenset({"sell", "-1", "空", "卖出", *(w for _l, w in SIDE_WORDS.values())})


def side_sign(side: Any, argument: str = "side") -> FloatArray:
    """+1.0 for ``"long"``/``"buy"``/``+1``, -1.0 for ``"short"``/``"sell"``/``-1``.

    A column may mix words and numbers: ``["long", "short", 1]`` -> ``[1, -1, 1]``.
    """
    if isinstance(side, str):
        return np.asarray(_word(side, argument))
    try:
        values = np.asarray(side, dtype=object) if not isinstance(side, np.ndarray) else side
        text = values.astype(str) if values.dtype.kind in "OUS" else None
    except ValueError:  # a ragged list
        raise CarryxlError(argument, side, "must be one side or a column of them") from None
    if text is not None:
        labels, index = np.unique(text, return_inverse=True)
        signs = np.array([_word(str(label), argument) for label in labels], dtype=np.float64)
        result: FloatArray = signs[index].reshape(values.shape)
        return result
    sign = finite(argument, side)
    if not np.isin(sign, (-1.0, 1.0)).all():
        raise CarryxlError(argument, side, Rule.SIDE)
    return sign
