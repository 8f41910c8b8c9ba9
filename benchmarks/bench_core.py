"""Exact P&L of 1,000,000 positions: carryxl.core vs a bare numpy expression (target <= 2x)."""

from __future__ import annotations

import numpy as np

from benchmarks.timing import best_of, report
from carryxl.core import carry_breakdown, carry_pnl

N = 1_000_000


def main() -> None:
    """Print the ratios for the exact total and for the full breakdown."""
    rng = np.random.default_rng(7)
    notional = rng.uniform(1e5, 1e7, N)
    s0 = rng.uniform(50, 150, N)
    s1 = s0 * rng.uniform(0.8, 1.2, N)
    rt = rng.uniform(0.0, 0.1, N)
    rf = rng.uniform(-0.005, 0.02, N)
    t = rng.uniform(0.1, 2.0, N)

    def bare_total() -> object:
        return notional * ((s1 / s0) * (1.0 + rt * t) - (1.0 + rf * t))

    def bare_breakdown() -> object:
        g = s1 / s0 - 1.0
        i_t = rt * t
        carry = notional * (i_t - rf * t)
        fx = notional * g
        cross = fx * i_t
        total = carry + fx + cross
        return carry, fx, cross, total, total / notional

    np.testing.assert_allclose(carry_pnl(notional, s0, s1, rt, rf, t), bare_total(), rtol=1e-12)
    report(
        f"exact total P&L, {N:,} positions",
        best_of(lambda: carry_pnl(notional, s0, s1, rt, rf, t)),
        best_of(bare_total),
        "<= 2x",
    )
    report(
        f"exact breakdown, {N:,} positions",
        best_of(lambda: carry_breakdown(notional, s0, s1, rt, rf, t)),
        best_of(bare_breakdown),
        "<= 2x",
    )


if __name__ == "__main__":
    main()
