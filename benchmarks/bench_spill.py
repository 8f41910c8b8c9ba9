"""Spilled results with text among the numbers, through xlwings' UDF machinery (the harness of
tests/excel/harness.py: ``XLPython.CallUDF`` -> ``call_udf`` -> ``conversion.read/write``).

- ``CARRY_SCENARIOS``, 1,001 FX moves x 1,001 holding periods with its header row and side
  column, against numpy broadcasting the same grid and handing it over as rows of Python
  values (``tolist()``, the header and the side column put in), which is the least any
  Python UDF must do to give COM a grid (goal <= 3x). Against broadcasting alone, for
  scale (no goal: making 1,002,004 Python objects for COM costs many times the
  broadcast itself, whoever makes them).
- ``CARRY_PNL`` on a 10,000-row column with 100 bad rows, each answered with its message
  among the numbers, against the same column with none (goal <= 2x): bad rows as text
  (read apart), and as a spot of 0 (read as a number, rejected by the core, found by
  splitting the column).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from benchmarks.timing import at_most, ratio
from tests.excel.harness import column, excel, row

SIDE = 1_001
N = 10_000
BAD = 100


def main() -> None:
    """Print the grid's two ratios and the two bad-rows ratios."""
    moves = np.linspace(-0.25, 0.25, SIDE)
    years = np.linspace(0.01, 3.0, SIDE)
    notional, spot, rate_target, rate_funding = 1e7, 100.0, 0.045, 0.001
    header = ["FX move \\ years", *years.tolist()]

    def broadcast() -> Any:
        spot_end = spot * (1.0 + moves[:, None])
        growth = (spot_end / spot) * (1.0 + rate_target * years) - (1.0 + rate_funding * years)
        return notional * growth

    def bare_rows() -> list[list[Any]]:
        rows: list[list[Any]] = broadcast().tolist()
        for move, cells in zip(moves.tolist(), rows, strict=True):
            cells.insert(0, move)
        return [header, *rows]

    trade = (notional, spot, rate_target, rate_funding, column(*moves), row(*years))
    with excel() as xl:
        got = xl.call("CARRY_SCENARIOS", *trade)
        expected = bare_rows()
        assert got[0] == expected[0]
        np.testing.assert_allclose(np.array(got[1:]), np.array(expected[1:]), rtol=1e-12)
        scenarios = lambda: xl.call("CARRY_SCENARIOS", *trade)  # noqa: E731
        name = f"spill: CARRY_SCENARIOS {SIDE:,} x {SIDE:,} with headers, via xlwings"
        ratio(
            f"{name}, vs numpy broadcasting handed over as rows",
            scenarios,
            bare_rows,
            at_most(3.0),
            labels=("carryxl", "numpy + tolist"),
        )
        ratio(
            f"{name}, vs numpy broadcasting alone (for scale)",
            scenarios,
            broadcast,
            None,
            labels=("carryxl", "numpy"),
            pairs=7,
        )
        _bad_rows(xl)


def _bad_rows(xl: Any) -> None:
    rng = np.random.default_rng(11)
    s0 = rng.uniform(50, 150, N)
    trades = [
        rng.uniform(1e5, 1e7, N),
        s0,
        s0 * rng.uniform(0.8, 1.2, N),
        rng.uniform(0.0, 0.1, N),
        rng.uniform(-0.005, 0.02, N),
        rng.uniform(0.1, 2.0, N),
    ]
    good = [column(*a.tolist()) for a in trades]
    bad_rows = range(N // BAD // 2, N, N // BAD)

    def spoiled(cell: Any) -> list[Any]:
        spot_start = list(good[1])
        for i in bad_rows:
            spot_start[i] = (cell,)
        return [good[0], tuple(spot_start), *good[2:]]

    clean = xl.call("CARRY_PNL", *good)
    for cell, how in (("n/a", "as text"), (0.0, "as a spot of 0, rejected by the core")):
        ranges = spoiled(cell)
        got = xl.call("CARRY_PNL", *ranges)
        assert [i for i, r in enumerate(got) if isinstance(r[0], str)] == list(bad_rows)
        assert all(got[i] == clean[i] for i in range(N) if i not in bad_rows)
        ratio(
            f"spill: CARRY_PNL, {N:,} rows with {BAD} bad ({how}) vs none, via xlwings",
            lambda ranges=ranges: xl.call("CARRY_PNL", *ranges),
            lambda: xl.call("CARRY_PNL", *good),
            at_most(2.0),
            labels=(f"{BAD} bad rows", "none"),
        )


if __name__ == "__main__":
    main()
