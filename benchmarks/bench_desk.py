"""Desk maths on whole columns: carryxl.core vs bare numpy expressions (target <= 2x).

- swap nights between 1,000,000 (open, close) trade-date pairs with a holiday list;
- swap points -> money per night for 1,000,000 positions;
- probability of loss for 1,000,000 positions (both sides use math.erfc element-wise,
  so the ratio measures carryxl's validation and broadcasting overhead).
"""

from __future__ import annotations

import math

import numpy as np

from benchmarks.timing import best_of, report
from carryxl.core import nights_between, probability_of_loss, swap_per_night

N = 1_000_000


def main() -> None:
    """Print the three ratios."""
    rng = np.random.default_rng(11)
    start = np.datetime64("2020-01-01")
    opens = start + rng.integers(0, 1500, N).astype("timedelta64[D]")
    closes = opens + rng.integers(0, 90, N).astype("timedelta64[D]")
    holidays = start + np.sort(rng.choice(1700, 60, replace=False)).astype("timedelta64[D]")

    def bare_nights() -> object:
        v0 = np.busday_offset(opens, 2, roll="forward", holidays=holidays)
        v1 = np.busday_offset(closes, 2, roll="forward", holidays=holidays)
        return (v1 - v0).astype(np.int64)

    np.testing.assert_array_equal(nights_between(opens, closes, "USD/JPY", holidays), bare_nights())
    report(
        f"swap nights, {N:,} positions",
        best_of(lambda: nights_between(opens, closes, "USD/JPY", holidays), 3),
        best_of(bare_nights, 3),
        "<= 2x",
    )

    quote = rng.uniform(-5, 5, N)
    lots = rng.uniform(0.1, 10, N)

    def bare_swap() -> object:
        return quote * (lots * 100_000.0 * 0.01)

    report(
        f"swap points -> money a night, {N:,} positions",
        best_of(lambda: swap_per_night(quote, "points", lots, "USD/JPY")),
        best_of(bare_swap),
        "<= 2x",
    )

    r_t = rng.uniform(0, 0.1, N)
    r_f = rng.uniform(0, 0.05, N)
    vol = rng.uniform(0.05, 0.3, N)
    years = rng.uniform(0.1, 2, N)
    erfc = np.frompyfunc(math.erfc, 1, 1)

    def bare_probability() -> object:
        b = np.log((1.0 + r_f * years) / (1.0 + r_t * years))
        x = (b + 0.5 * vol * vol * years) / (vol * np.sqrt(years))
        return 0.5 * np.asarray(erfc(-x / math.sqrt(2.0)), dtype=np.float64)

    report(
        f"probability of loss, {N:,} positions",
        best_of(lambda: probability_of_loss(r_t, r_f, vol, years), 3),
        best_of(bare_probability, 3),
        "<= 2x",
    )


if __name__ == "__main__":
    main()
