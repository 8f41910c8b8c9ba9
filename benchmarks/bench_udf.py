"""CARRY_PNL on 10,000 trades through xlwings' UDF machinery: one array call (a whole-column
formula) against 10,000 single-cell calls (one formula per row). Goal: >= 50x faster.

Both go through the same harness (tests/excel/harness.py): xlwings' ``XLPython.CallUDF``
-> ``call_udf`` -> ``conversion.read/write``, so the figures include xlwings' own
per-argument conversion, not only carryxl. What neither includes is Excel's COM round
trip per call, which makes single-cell formulas slower still in a real workbook.
"""

from __future__ import annotations

import numpy as np

from benchmarks.timing import at_least, speedup
from tests.excel.harness import column, excel

N = 10_000


def main() -> None:
    """Print how many times faster one array call is than 10,000 single-cell calls."""
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
        speedup(
            f"udf: CARRY_PNL, one {N:,}-row call vs {N:,} one-row calls, via xlwings",
            lambda: [xl.call("CARRY_PNL", *r) for r in rows],
            lambda: xl.call("CARRY_PNL", *ranges),
            at_least(50.0),
            labels=(f"{N:,} one-row calls", "one array call"),
            pairs=7,
        )


if __name__ == "__main__":
    main()
