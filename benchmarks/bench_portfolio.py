"""A whole book through the Excel functions vs the same numbers in numpy (target <= 3x).

500 positions of 5 tranches each (2,500 tranche rows) over 20 pairs with a 20 x 20
correlation matrix:

- per position: units, cost, average entry rate and FX P&L, one STAGED_POSITION call over
  the whole tranche columns with the position labels, spilling the four columns (the four
  measures given as a range);
- the book: the exposures summed per pair (what SUMIF does in the sheet), then
  PORTFOLIO_VAR's VaR and its Euler contributions per pair over the 20 x 20 matrix.

Through the harness of tests/excel/harness.py (xlwings' ``CallUDF`` and conversion), so the
figure includes xlwings' own argument conversion; the baseline is bincount sums and the
quadratic form in numpy. The goal (<= 3x) is checked against numpy starting where the
functions start, from xlwings' rows of cells: reading some 9,000 cells into Python is
itself many times the bare numpy (~0.03 ms for 500 positions), so no Excel function can
come within 3x of numpy that starts from arrays; that ratio is shown for scale.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

from benchmarks.timing import at_most, ratio
from carryxl.core.defaults import CONFIDENCE, TRADING_DAYS
from tests.excel.harness import column, excel

POSITIONS, TRANCHES, PAIRS = 500, 5, 20
Z, T = NormalDist().inv_cdf(CONFIDENCE), 10 / TRADING_DAYS
Numbers = tuple[np.ndarray, float, np.ndarray]


def _numbers(
    label: np.ndarray,
    amounts: np.ndarray,
    rates: np.ndarray,
    spots: np.ndarray,
    sides: np.ndarray,
    pair_of: np.ndarray,
    vol: np.ndarray,
    corr: np.ndarray,
) -> Numbers:
    """Units, cost, average rate and P&L per position; the book's VaR and contributions."""
    units = np.bincount(label, amounts, POSITIONS)
    cost = np.bincount(label, amounts * rates, POSITIONS)
    pnl = sides * (units * spots - cost)
    w = np.bincount(pair_of, sides * units * spots, PAIRS)
    scaled = w * vol
    marginal = corr @ scaled
    sigma = math.sqrt(float(scaled @ marginal))
    per_position = np.stack([units, cost, cost / units, pnl])
    return per_position, Z * sigma * math.sqrt(T), Z * math.sqrt(T) * scaled * marginal / sigma


def main() -> None:
    """Measure the ratio (interleaved pairs, median) and print it beside its goal."""
    rng = np.random.default_rng(15)
    pair_of = rng.integers(0, PAIRS, POSITIONS)
    label = np.repeat(np.arange(POSITIONS), TRANCHES)
    amounts = rng.uniform(1e3, 1e6, label.size)
    rates = rng.uniform(50, 150, label.size)
    spots = rng.uniform(50, 150, POSITIONS)
    sides = rng.choice([1.0, -1.0], POSITIONS)
    vol = rng.uniform(0.05, 0.3, PAIRS)
    a = rng.normal(size=(PAIRS, PAIRS + 5))
    cov = a @ a.T
    corr = cov / np.sqrt(np.outer(np.diag(cov), np.diag(cov)))
    np.fill_diagonal(corr, 1.0)
    corr = (corr + corr.T) / 2
    t = T

    cells = {
        "amounts": column(*amounts.tolist()),
        "rates": column(*rates.tolist()),
        "labels": column(*label.astype(float).tolist()),
        "of": column(*np.arange(POSITIONS).astype(float).tolist()),
        "spots": column(*spots.tolist()),
        "sides": column(*sides.tolist()),
        "vol": column(*vol.tolist()),
        "corr": tuple(tuple(float(x) for x in r) for r in corr),
    }

    def bare() -> Numbers:
        return _numbers(label, amounts, rates, spots, sides, pair_of, vol, corr)

    def through_excel(xl: object) -> tuple[np.ndarray, float, np.ndarray]:
        call = xl.call  # type: ignore[attr-defined]
        spilled = call(
            "STAGED_POSITION",
            cells["amounts"],
            cells["rates"],
            cells["spots"],
            cells["sides"],
            (("units", "cost", "average", "pnl"),),  # one formula spills the four columns
            cells["labels"],
            cells["of"],
        )
        per_position = np.array(spilled, dtype=float).T
        exposure = per_position[0] * spots * sides  # the sheet's exposure column
        w = column(*np.bincount(pair_of, exposure, PAIRS).tolist())  # the sheet's SUMIF
        var = call("PORTFOLIO_VAR", w, cells["vol"], cells["corr"], t, CONFIDENCE)
        parts = call(
            "PORTFOLIO_VAR", w, cells["vol"], cells["corr"], t, CONFIDENCE, "contributions"
        )
        return per_position, float(var), np.array([r[0] for r in parts], dtype=float)

    def from_cells() -> Numbers:
        """The bare numbers starting where the functions start: xlwings' rows of cells."""
        read = {k: np.asarray(v, dtype=np.float64) for k, v in cells.items()}
        return _numbers(
            read["labels"][:, 0].astype(np.intp),
            read["amounts"][:, 0],
            read["rates"][:, 0],
            read["spots"][:, 0],
            read["sides"][:, 0],
            pair_of,
            read["vol"][:, 0],
            read["corr"],
        )

    with excel() as xl:
        ours, want = through_excel(xl), bare()
        np.testing.assert_allclose(ours[0], want[0], rtol=1e-12)
        assert math.isclose(ours[1], want[1], rel_tol=1e-12)
        np.testing.assert_allclose(ours[2], want[2], rtol=1e-9, atol=1e-6)
        ratio(
            f"portfolio: book of {POSITIONS} positions x {TRANCHES} tranches, {PAIRS}-pair "
            "correlation, Excel functions via xlwings vs bare numpy from arrays (for scale)",
            lambda: through_excel(xl),
            bare,
            None,
            labels=("Excel functions", "numpy"),
            per=POSITIONS,
        )
        np.testing.assert_allclose(from_cells()[0], want[0], rtol=1e-12)
        ratio(
            "portfolio: the same book, Excel functions vs the same numbers in numpy starting "
            "from the same cells",
            lambda: through_excel(xl),
            from_cells,
            at_most(3.0),
            labels=("Excel functions", "numpy from cells"),
            per=POSITIONS,
        )


if __name__ == "__main__":
    main()
