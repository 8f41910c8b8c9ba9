"""CARRY_PNL on 10,000 trades through xlwings' UDF machinery: one array call (a whole-column
formula) against 10,000 single-cell calls (one formula per row). Target: >= 50x.

Both go through the same harness (tests/excel/harness.py): xlwings' ``XLPython.CallUDF``
-> ``call_udf`` -> ``conversion.read/write``, so the figures include xlwings' own
per-argument conversion, not only carryxl. What neither includes is Excel's COM round
trip per call, which makes single-cell formulas slower still in a real workbook.
"""

from __future__ import annotations

import numpy as np

from benchmarks.timing import best_of
from tests.excel.harness import column, excel

N = 10_000


def main() -> None:
    """Print both times and the ratio."""
    rng = np.random.default_rng(11)
    notional = rng.uniform(1e5, 1e7, N)
    s0 = rng.uniform(50, 150, N)
    s1 = s0 * rng.uniform(0.8, 1.2, N)
    rt = rng.uniform(0.0, 0.1, N)
    rf = rng.uniform(-0.005, 0.02, N)
    t = rng.uniform(0.1, 2.0, N)
    rows = list(zip(*(a.tolist() for a in (notional, s0, s1, rt, rf, t)), strict=True))
    ranges = [column(*a.tolist()) for a in (notional, s0, s1, rt, rf, t)]

    with excel() as xl:
        whole = xl.call("CARRY_PNL", *ranges)
        singles = [xl.call("CARRY_PNL", *r) for r in rows]
        np.testing.assert_allclose([r[0] for r in whole], singles, rtol=1e-12)

        array_call = best_of(lambda: xl.call("CARRY_PNL", *ranges), repeat=7)
        # The 10,000 single-cell calls in 10 blocks of 1,000, each the best of 3 runs: both
        # sides then get the best of several short runs on a machine shared with others.
        blocks = [rows[i : i + 1000] for i in range(0, N, 1000)]
        cell_calls = sum(
            best_of(lambda b=b: [xl.call("CARRY_PNL", *r) for r in b], repeat=3) for b in blocks
        )

    print(
        f"CARRY_PNL, {N:,} trades via xlwings: one array call {array_call * 1e3:.1f} ms, "
        f"{N:,} single-cell calls {cell_calls * 1e3:.0f} ms, "
        f"ratio {cell_calls / array_call:.0f}x faster (target >= 50x)"
    )


if __name__ == "__main__":
    main()
