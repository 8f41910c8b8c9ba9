"""Desk maths on whole columns: carryxl.core against bare numpy expressions (goal <= 2x).

- swap nights between 1,000,000 (open, close) trade-date pairs with a holiday list
  (weekends and that list only, ``calendars=False``: the same arithmetic as bare numpy);
- swap points -> money per night for 1,000,000 positions;
- probability of loss for 1,000,000 positions, up to the normal CDF. Both sides would
  spend most of their time in the same element-wise ``math.erfc`` (carryxl's
  ``normal_cdf``), which would hide carryxl's own checks and arithmetic; so here both
  stop at the CDF's argument: carryxl's ``probability_of_loss`` runs with its
  ``normal_cdf`` replaced by the identity, against the bare expression of that argument.
  The CDF itself is timed apart, for scale (no goal: it is the same code on both sides).
"""

from __future__ import annotations

import math
from typing import Any
from unittest import mock

import numpy as np

from benchmarks.timing import at_most, ratio
from carryxl.core import (
    Pair,
    nights_between,
    normal_cdf,
    probability_of_loss,
    risk,
    swap_per_night,
)
from carryxl.core.defaults import LOT_SIZE

USDJPY = Pair.parse("USD/JPY")

N = 1_000_000


def _identity(x: Any) -> Any:
    return x


def main() -> None:
    """Print the three ratios, and the time of the normal CDF for scale."""
    rng = np.random.default_rng(11)
    start = np.datetime64("2020-01-01")
    opens = start + rng.integers(0, 1500, N).astype("timedelta64[D]")
    closes = opens + rng.integers(0, 90, N).astype("timedelta64[D]")
    holidays = start + np.sort(rng.choice(1700, 60, replace=False)).astype("timedelta64[D]")

    def bare_nights() -> object:
        v0 = np.busday_offset(opens, 2, roll="forward", holidays=holidays)
        v1 = np.busday_offset(closes, 2, roll="forward", holidays=holidays)
        return (v1 - v0).astype(np.int64)

    def nights() -> object:
        return nights_between(opens, closes, USDJPY, holidays, calendars=False)

    np.testing.assert_array_equal(nights(), bare_nights())
    ratio(
        f"desk: swap nights, {N:,} positions vs bare numpy",
        nights,
        bare_nights,
        at_most(2.0),
    )

    quote = rng.uniform(-5, 5, N)
    lots = rng.uniform(0.1, 10, N)

    def bare_swap() -> object:
        return quote * (lots * LOT_SIZE * 0.001)  # MetaTrader points: 0.001 on USD/JPY

    np.testing.assert_allclose(swap_per_night(quote, "points", lots, USDJPY), bare_swap())
    ratio(
        f"desk: swap points -> money a night, {N:,} positions vs bare numpy",
        lambda: swap_per_night(quote, "points", lots, USDJPY),
        bare_swap,
        at_most(2.0),
    )

    r_t = rng.uniform(0, 0.1, N)
    r_f = rng.uniform(0, 0.05, N)
    vol = rng.uniform(0.05, 0.3, N)
    years = rng.uniform(0.1, 2, N)

    def bare_argument() -> Any:
        b = np.log((1.0 + r_f * years) / (1.0 + r_t * years))
        return (b + 0.5 * vol * vol * years) / (vol * np.sqrt(years))

    def argument() -> Any:
        return probability_of_loss(r_t, r_f, vol, years)

    np.testing.assert_allclose(
        probability_of_loss(r_t, r_f, vol, years), normal_cdf(bare_argument()), rtol=1e-12
    )
    with mock.patch.object(risk, "_cdf", _identity):  # the CDF step the core calls
        np.testing.assert_allclose(argument(), bare_argument(), rtol=1e-12)
        ratio(
            f"desk: probability of loss up to the normal CDF, {N:,} positions vs bare numpy",
            argument,
            bare_argument,
            at_most(2.0),
        )
    x = bare_argument()
    erfc = np.frompyfunc(math.erfc, 1, 1)
    ratio(
        f"desk: the normal CDF itself, {N:,} values vs bare numpy + math.erfc, for scale",
        lambda: normal_cdf(x),
        lambda: 0.5 * np.asarray(erfc(-x / math.sqrt(2.0)), dtype=np.float64),
        None,
        pairs=7,
    )


if __name__ == "__main__":
    main()
