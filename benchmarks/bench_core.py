"""The core against bare numpy expressions of the same maths.

- exact total P&L at 1,000, 100,000, 1,000,000 and 10,000,000 positions: the ratio and the
  cost per position of each side, as the column grows (goal <= 4x at 1,000 positions,
  where carryxl's fixed cost of checking its arguments weighs most; <= 2x from 100,000);
- the full breakdown (carry, FX, cross, total, return) at 1,000,000 positions (<= 2x);
- the peak memory of the breakdown at 10,000,000 positions, by tracemalloc, against the
  bare expression's (goal <= 1.25x: checking the arguments may hold a few temporary
  arrays, never a copy of every input).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from benchmarks.timing import at_most, memory_ratio, ratio
from carryxl.core import carry_breakdown, carry_pnl

SIZES = (1_000, 100_000, 1_000_000, 10_000_000)


def _positions(n: int) -> tuple[Any, ...]:
    rng = np.random.default_rng(7)
    s0 = rng.uniform(50, 150, n)
    return (
        rng.uniform(1e5, 1e7, n),
        s0,
        s0 * rng.uniform(0.8, 1.2, n),
        rng.uniform(0.0, 0.1, n),
        rng.uniform(-0.005, 0.02, n),
        rng.uniform(0.1, 2.0, n),
    )


def bare_total(notional: Any, s0: Any, s1: Any, rt: Any, rf: Any, t: Any) -> Any:
    return notional * ((s1 / s0) * (1.0 + rt * t) - (1.0 + rf * t))


def bare_breakdown(notional: Any, s0: Any, s1: Any, rt: Any, rf: Any, t: Any) -> Any:
    g = s1 / s0 - 1.0
    i_t = rt * t
    carry = notional * (i_t - rf * t)
    fx = notional * g
    cross = fx * i_t
    total = carry + fx + cross
    return carry, fx, cross, total, total / notional


def main() -> None:
    """Print the exact P&L at each size, the breakdown, and the breakdown's peak memory."""
    for n in SIZES:
        given = _positions(n)
        np.testing.assert_allclose(carry_pnl(*given), bare_total(*given), rtol=1e-12)
        ratio(
            f"core: exact P&L, {n:,} positions vs bare numpy",
            lambda given=given: carry_pnl(*given),
            lambda given=given: bare_total(*given),
            at_most(4.0 if n <= 1_000 else 2.0),
            per=n,
        )
    given = _positions(1_000_000)
    ratio(
        "core: exact breakdown, 1,000,000 positions vs bare numpy",
        lambda: carry_breakdown(*given),
        lambda: bare_breakdown(*given),
        at_most(2.0),
    )
    given = _positions(10_000_000)
    memory_ratio(
        "core: peak memory of the breakdown, 10,000,000 positions vs bare numpy",
        lambda: carry_breakdown(*given),
        lambda: bare_breakdown(*given),
        at_most(1.25),
    )


if __name__ == "__main__":
    main()
