"""A new calculator sheet: one trade's inputs and plain Excel formulas for its P&L.

The formulas need no Python, so the sheet keeps working where carryxl is not installed:

- X1/X0 = S1/S0 when the funding currency is the pair's quote (AUD/JPY funded in JPY),
  S0/S1 when it is the base (USD/TRY funded in USD)
- carry = N * (r_t - r_f) * t;  FX = N * (X1/X0 - 1);  cross = FX * r_t * t
- exact total = N * [X1/X0 * (1 + r_t*t) - (1 + r_f*t)] = carry + FX + cross

Filled with seed case 1 (AUD/JPY 100 -> 103, 10,000,000 JPY, 4.5% vs 0.1%, 0.5 y):
carry 220,000, FX 300,000, cross 6,750, total 526,750 JPY.
"""

from __future__ import annotations

from carryxl.macros.book import Book, Cell, free_title
from carryxl.macros.cells import Formula

__all__ = ["CALCULATOR_TITLE", "add_calculator_sheet", "calculator_cells"]

CALCULATOR_TITLE = "Carry calculator"

_INPUTS: tuple[tuple[str, Cell], ...] = (
    ("Pair (BASE/QUOTE)", "AUD/JPY"),
    ("Funding currency (borrowed)", "JPY"),
    ("Notional (funding currency)", 10_000_000),
    ("Spot at start", 100),
    ("Spot at end", 103),
    ("Rate on the target currency", 0.045),
    ("Rate on the funding currency", 0.001),
    ("Holding period (years)", 0.5),
)


def calculator_cells() -> list[tuple[str, Cell]]:
    """The sheet's cells as (address, value); inputs in B2:B9, results in B12:B17."""
    cells: list[tuple[str, Cell]] = [("A1", "Inputs"), ("B1", "Value")]
    for row, (label, value) in enumerate(_INPUTS, start=2):
        cells += [(f"A{row}", label), (f"B{row}", value)]
    results: tuple[tuple[str, str], ...] = (
        ("Spot ratio X1/X0", "=IF(UPPER(RIGHT(TRIM(B2),3))=UPPER(TRIM(B3)),B6/B5,B5/B6)"),
        ("Carry (funding currency)", "=B4*(B7-B8)*B9"),
        ("FX (funding currency)", "=B4*(B12-1)"),
        ("Cross term (funding currency)", "=B14*B7*B9"),
        ("Exact total P&L (funding currency)", "=B4*(B12*(1+B7*B9)-(1+B8*B9))"),
        ("Return on notional", "=B16/B4"),
    )
    cells += [("A11", "Results"), ("B11", "Value")]
    for row, (label, formula) in enumerate(results, start=12):
        cells += [(f"A{row}", label), (f"B{row}", Formula(formula))]
    return cells


def add_calculator_sheet(book: Book) -> str:
    """Add the calculator as a new last sheet; its title (``Carry calculator 2``…)."""
    book.progress("carryxl: adding a calculator sheet…")
    title = free_title(book.sheet_titles(), CALCULATOR_TITLE)
    book.add_sheet(title, calculator_cells(), {"A": 36, "B": 16})
    return title
