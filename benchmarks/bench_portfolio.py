"""A whole book through the Excel functions vs the same numbers in bare numpy (target <= 3x).

500 positions of 5 tranches each (2,500 tranche rows) over 20 pairs with a 20 x 20
correlation matrix:

- per position: units, cost, average entry rate and FX P&L, each one STAGED_POSITION call
  over the whole tranche columns with the position labels (as a sheet's four columns);
- the book: the exposures summed per pair (what SUMIF does in the sheet), then
  PORTFOLIO_VAR's VaR and its Euler contributions per pair over the 20 x 20 matrix.

Through the harness of tests/excel/harness.py (xlwings' ``CallUDF`` and conversion), so the
figure includes xlwings' own argument conversion; the baseline is bincount sums and the
quadratic form in numpy.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

from benchmarks.timing import best_of, report
from tests.excel.harness import column, excel

POSITIONS, TRANCHES, PAIRS = 500, 5, 20


def main() -> None:
    """Print the ratio."""
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
    z = NormalDist().inv_cdf(0.99)
    t = 10 / 252

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

    def bare() -> tuple[np.ndarray, float, np.ndarray]:
        units = np.bincount(label, amounts, POSITIONS)
        cost = np.bincount(label, amounts * rates, POSITIONS)
        average = cost / units
        pnl = sides * (units * spots - cost)
        w = np.bincount(pair_of, sides * units * spots, PAIRS)
        scaled = w * vol
        marginal = corr @ scaled
        sigma = math.sqrt(float(scaled @ marginal))
        return (
            np.stack([units, cost, average, pnl]),
            z * sigma * math.sqrt(t),
            (z * math.sqrt(t) * scaled * marginal / sigma),
        )

    def through_excel(xl: object) -> tuple[np.ndarray, float, np.ndarray]:
        call = xl.call  # type: ignore[attr-defined]
        columns = [
            call(
                "STAGED_POSITION",
                cells["amounts"],
                cells["rates"],
                cells["spots"],
                cells["sides"],
                what,
                cells["labels"],
                cells["of"],
            )
            for what in ("units", "cost", "average", "pnl")
        ]
        per_position = np.array([[r[0] for r in c] for c in columns], dtype=float)
        exposure = per_position[0] * spots * sides  # the sheet's exposure column
        w = column(*np.bincount(pair_of, exposure, PAIRS).tolist())  # the sheet's SUMIF
        var = call("PORTFOLIO_VAR", w, cells["vol"], cells["corr"], t, 0.99)
        parts = call("PORTFOLIO_VAR", w, cells["vol"], cells["corr"], t, 0.99, "contributions")
        return per_position, float(var), np.array([r[0] for r in parts], dtype=float)

    with excel() as xl:
        ours, want = through_excel(xl), bare()
        np.testing.assert_allclose(ours[0], want[0], rtol=1e-12)
        assert math.isclose(ours[1], want[1], rel_tol=1e-12)
        np.testing.assert_allclose(ours[2], want[2], rtol=1e-9, atol=1e-6)
        report(
            f"book of {POSITIONS} positions x {TRANCHES} tranches, {PAIRS}-pair correlation, "
            "via xlwings",
            best_of(lambda: through_excel(xl), 5),
            best_of(bare, 5),
            "<= 3x",
        )


if __name__ == "__main__":
    main()
