"""Refresh a portfolio workbook's risk block from history: each position's volatility and
the positions' correlation matrix over the workbook's window, from the ECB fixings.

Reads ``in_pf_pair`` (a column; blank rows hold no position), ``in_window_start`` and
``in_window_end``; writes ``in_pf_volatility`` (annualised realised volatility of each
row's pair, blank rows left empty) and ``in_correlation`` (the pairs' correlations of
daily log returns on the window's common dates, 1 on the diagonal, 0 between unused
rows), as :func:`carryxl.history.book.window_risk` computes them. The book's VaR,
contributions and diversification ratio then follow by the workbook's own formulas.

Like every carryxl macro it writes only what it owns: both ranges must be empty or hold
what carryxl last wrote there (see :mod:`carryxl.macros.ownership`); otherwise nothing is
changed. The template's preloaded numbers are the user's until the ranges are cleared.
"""

from __future__ import annotations

import numpy as np

from carryxl.core.conventions import Pair
from carryxl.core.errors import CarryxlError
from carryxl.history.book import window_risk
from carryxl.history.data import parse_date_cell
from carryxl.macros import contract as c
from carryxl.macros.book import Book, Grid
from carryxl.macros.inputs import single_value
from carryxl.macros.ownership import Write, apply_writes

__all__ = ["portfolio_risk_rows", "refresh_portfolio_risk"]


def portfolio_risk_rows(pairs: list[object], start: object, end: object) -> tuple[Grid, Grid]:
    """The volatility column and correlation matrix to write, one row per ``pairs`` cell."""
    rows = [i for i, p in enumerate(pairs) if p not in (None, "")]
    if not rows:
        raise CarryxlError(c.IN_PF_PAIR, None, "holds no pair; enter the positions first")
    parsed = [str(Pair.parse(str(pairs[i]), f"{c.IN_PF_PAIR}[{i}]")) for i in rows]
    labels = list(dict.fromkeys(parsed))
    first = parse_date_cell(start, c.IN_WINDOW_START)
    last = parse_date_cell(end, c.IN_WINDOW_END)
    if last <= first:
        raise CarryxlError(c.IN_WINDOW_END, str(last), f"must be after the start ({first})")
    vols, matrix = window_risk(labels, first, last)
    at = [labels.index(p) for p in parsed]
    n = len(pairs)
    volatility: Grid = [[None] for _ in range(n)]
    correlation = np.eye(n)
    for i, a in zip(rows, at, strict=True):
        volatility[i] = [float(vols[a])]
        for j, b in zip(rows, at, strict=True):
            correlation[i, j] = 1.0 if i == j else float(matrix[a, b])
    return volatility, [[float(x) for x in row] for row in correlation]


def refresh_portfolio_risk(book: Book) -> None:
    """Write the window's volatilities and correlations into the workbook's risk block."""
    book.progress("carryxl: reading the positions and the correlation window…")
    pairs = [row[0] if row else None for row in book.read(c.IN_PF_PAIR)]
    start = single_value(book, c.IN_WINDOW_START)
    end = single_value(book, c.IN_WINDOW_END)
    book.progress("carryxl: computing volatilities and correlations from ECB fixings…")
    volatility, correlation = portfolio_risk_rows(pairs, start, end)
    apply_writes(
        book, [Write(c.IN_PF_VOLATILITY, volatility), Write(c.IN_CORRELATION, correlation)]
    )
    book.calculate()
    used = sum(v[0] is not None for v in volatility)
    book.notify(
        f"carryxl: volatilities and correlations of {used} positions refreshed from ECB "
        "fixings over the window; the book's VaR follows by the workbook's formulas."
    )
