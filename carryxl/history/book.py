"""The market a book is valued and risked on, read from history: spots on the valuation
date, each quote currency's rate into the account currency, and the pairs' realised
volatilities and correlations over a window (daily log returns, annualised with √252).

The window's correlations are those of :func:`carryxl.history.series.correlation_matrix`
(every pair read on the data's common dates); volatilities are
:func:`carryxl.history.series.realised_volatility` of each pair over the same dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.conventions import Currency, Pair
from carryxl.core.validate import FloatArray
from carryxl.history.data import RateHistory
from carryxl.history.ecb import ecb_history
from carryxl.history.series import correlation_matrix, realised_volatility, spot_on, spot_series

__all__ = ["BookMarket", "book_market", "window_risk"]


@dataclass(frozen=True)
class BookMarket:
    """Per distinct pair (in ``pairs`` order): spot, rate of its quote currency into the
    account currency, realised volatility; and the pairs' correlation matrix."""

    pairs: tuple[str, ...]
    spots: FloatArray
    to_account: FloatArray
    volatilities: FloatArray
    correlation: FloatArray
    source: str


def window_risk(
    pairs: Sequence[Pair], start: Any, end: Any, history: RateHistory | None = None
) -> tuple[FloatArray, FloatArray]:
    """Annual realised volatility of each pair and their correlation matrix, ``start`` to
    ``end`` (one pair: a 1 x 1 matrix)."""
    h = ecb_history() if history is None else history
    if len(pairs) == 1:
        series = spot_series(pairs[0], start, end, h)
        return np.atleast_1d(realised_volatility(series.values)), np.ones((1, 1))
    _labels, matrix = correlation_matrix(pairs, start, end, h)
    lo = max(spot_series(p, start, end, h).dates[0] for p in pairs)
    hi = min(spot_series(p, start, end, h).dates[-1] for p in pairs)
    common = np.column_stack([spot_series(p, lo, hi, h).values for p in pairs])
    return np.asarray(realised_volatility(common), dtype=np.float64), matrix


def book_market(
    pairs: Sequence[Pair],
    date: Any,
    start: Any,
    end: Any,
    account: Currency,
    history: RateHistory | None = None,
) -> BookMarket:
    """Spots on ``date``, quote-to-``account`` rates on ``date``, vols and correlations
    over ``start`` to ``end``, for each distinct pair of a book."""
    h = ecb_history() if history is None else history
    distinct = tuple(dict.fromkeys(pairs))
    spots = np.array([float(spot_on(p, date, h)) for p in distinct])
    to_account = np.array(
        [
            1.0 if p.quote == account else float(spot_on(Pair(p.quote, account), date, h))
            for p in distinct
        ]
    )
    vols, matrix = window_risk(distinct, start, end, h)
    labels = tuple(str(p) for p in distinct)
    return BookMarket(labels, spots, to_account, vols, matrix, h.source)
