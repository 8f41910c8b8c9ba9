"""The scenario grid: exact P&L of the workbook's trade for each FX move and holding period.

Rows are the moves in ``in_scenario_moves`` (the target currency's move against the
funding currency, as decimals: -0.05 for -5%); columns the holding periods in
``in_scenario_years`` (tenors such as 1M, 6M, 1Y, as the templates hold them, or year
fractions; a tenor counts Y + M/12 + (7W + D)/365, the core's ``tenor_year_fraction``
on ACT/365F). Each cell of ``out_scenario_grid`` is the exact
total P&L in the funding currency, ``carry_pnl`` of the core, with the end spot derived
from the start spot in the pair's own quote orientation:

- pair TARGET/FUNDING (AUD/JPY funded in JPY): S1 = S0 * (1 + move)
- pair FUNDING/TARGET (USD/TRY funded in USD):  S1 = S0 / (1 + move)

Example: AUD/JPY at 100, 10,000,000 JPY at 4.5% vs 0.1%, move +3%, 0.5 years:
S1 = 103 and the cell is 526,750 JPY (seed case 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core import Currency, Orientation, Pair, carry_pnl
from carryxl.core.dates import Tenor, tenor_year_fraction
from carryxl.core.errors import CarryxlError
from carryxl.core.validate import FloatArray, fraction_change, non_negative, positive, rate
from carryxl.macros import contract as c
from carryxl.macros.book import Book, Grid
from carryxl.macros.inputs import axis, currency_of, number, pair_of, single_value
from carryxl.macros.ownership import Write, apply_writes

__all__ = [
    "ScenarioInputs",
    "fill_scenario_grid",
    "grid_rows",
    "holding_years",
    "read_scenario_inputs",
    "scenario_grid",
    "scenario_spot_end",
]


@dataclass(frozen=True)
class ScenarioInputs:
    """The trade and the scenario axes, as read from the workbook."""

    pair: Pair
    funding: Currency
    notional: float
    spot_start: float
    rate_target: float
    rate_funding: float
    moves: FloatArray  # shape (n,)
    years: FloatArray  # shape (m,)
    periods: tuple[str, ...] = ()  # each holding period as typed: 6M, or 0.5 y

    def period(self, j: int) -> str:
        """Holding period ``j`` as the workbook gives it: a tenor (6M) or years (0.5 y)."""
        return self.periods[j] if j < len(self.periods) else f"{self.years[j]:g} y"

    @property
    def orientation(self) -> Orientation:
        """TARGET_FUNDING when the funding currency is the pair's quote currency."""
        return self.pair.orientation(self.funding, c.IN_FUNDING)

    @property
    def target(self) -> str:
        """The currency held."""
        return str(self.pair.other(self.funding, c.IN_FUNDING))


def read_scenario_inputs(book: Book) -> ScenarioInputs:
    """The trade and axes from the workbook's ``in_*`` names, validated."""
    pair = pair_of(single_value(book, c.IN_PAIR), c.IN_PAIR)
    funding = currency_of(single_value(book, c.IN_FUNDING), c.IN_FUNDING)
    pair.orientation(funding, c.IN_FUNDING)
    return ScenarioInputs(
        pair=pair,
        funding=funding,
        notional=float(positive(c.IN_NOTIONAL, number(book, c.IN_NOTIONAL))),
        spot_start=float(positive(c.IN_SPOT_START, number(book, c.IN_SPOT_START))),
        rate_target=float(rate(c.IN_RATE_TARGET, number(book, c.IN_RATE_TARGET))),
        rate_funding=float(rate(c.IN_RATE_FUNDING, number(book, c.IN_RATE_FUNDING))),
        moves=fraction_change(c.IN_SCENARIO_MOVES, axis(book, c.IN_SCENARIO_MOVES)),
        years=non_negative(c.IN_SCENARIO_YEARS, holding_years(book, c.IN_SCENARIO_YEARS)),
        periods=tuple(
            str(Tenor.parse(v)) if isinstance(v, str) else f"{v:g} y"
            for row in book.read(c.IN_SCENARIO_YEARS)
            for v in row
        ),
    )


def holding_years(book: Book, name: str) -> list[float]:
    """A one-row or one-column range of holding periods as year fractions: a number as it
    is, text as a tenor (``"6M"`` -> 0.5, ``"1W"`` -> 7/365: ACT/365F)."""
    return axis(
        book, name, text=lambda value, argument: tenor_year_fraction(Tenor.parse(value, argument))
    )


def scenario_spot_end(spot_start: float, moves: Any, orientation: Orientation) -> FloatArray:
    """The end spot, as the pair is quoted, after the target moves by ``moves`` vs funding.

    S0 * (1 + move) for TARGET/FUNDING, S0 / (1 + move) for FUNDING/TARGET.
    USD/TRY at 30 funded in USD, TRY -6.25%: 30 / 0.9375 = 32.
    """
    g = fraction_change("move", moves)
    if orientation is Orientation.TARGET_FUNDING:
        return spot_start * (1.0 + g)
    return spot_start / (1.0 + g)


def scenario_grid(inputs: ScenarioInputs) -> FloatArray:
    """Exact total P&L in the funding currency, shape (moves, years), by the core's carry_pnl."""
    spot_end = scenario_spot_end(inputs.spot_start, inputs.moves, inputs.orientation)
    return carry_pnl(
        inputs.notional,
        inputs.spot_start,
        spot_end[:, np.newaxis],
        inputs.rate_target,
        inputs.rate_funding,
        inputs.years[np.newaxis, :],
        inputs.orientation,
    )


def grid_rows(values: FloatArray) -> Grid:
    """A 2-D array as rows of Python floats (what the back-ends write)."""
    return [[float(v) for v in row] for row in np.atleast_2d(values)]


# Formulas agree with carryxl when every cell is within half a minor unit (a cent).
_AGREE = 0.005


def _corner(inputs: ScenarioInputs, grid: FloatArray) -> str:
    """One cell of the grid in words: the first move and holding period."""
    return f"move {inputs.moves[0]:+.2%}, {inputs.period(0)}: {grid[0, 0]:,.2f} {inputs.funding}"


def _check_formulas(book: Book, inputs: ScenarioInputs, grid: FloatArray) -> None:
    """A grid the workbook computes with its own formulas is left to them, once checked.

    Their values (as last calculated) must agree with carryxl's to the cent; if they do,
    the user is told so, and if they do not it is an error. Never calculated (a file fresh
    from ``carryxl new``), the formulas are left to Excel and carryxl says what they will
    show. Either way nothing is written.
    """
    name = c.OUT_SCENARIO_GRID
    where = f"{book.sheet_of(name)}!{name}"
    try:
        shown = np.asarray(book.read(name), dtype=np.float64)
    except (CarryxlError, TypeError, ValueError):
        shown = np.full(grid.shape, np.nan)
    if np.all(np.isnan(shown)):
        if not book.all_formulas(name):
            raise CarryxlError(
                name,
                where,
                "holds formulas without calculated numbers beside empty cells; recalculate "
                "the workbook (open and save it in Excel or LibreOffice); nothing was changed",
            )
        # Every cell a formula, never calculated (fresh from carryxl new): Excel will.
        book.notify(
            f"carryxl: {where} is computed by the workbook's own formulas, which Excel or "
            f"LibreOffice calculate when the file is opened; carryxl computed the same "
            f"{grid.size} cells from the inputs ({_corner(inputs, grid)}); nothing to write."
        )
        return
    if shown.shape != grid.shape or not np.all(np.isfinite(shown)):
        raise CarryxlError(name, where, "holds formulas whose results are not all numbers")
    gap = np.abs(shown - grid)
    worst = np.unravel_index(int(np.argmax(gap)), gap.shape)
    if gap[worst] > _AGREE:
        raise CarryxlError(
            name,
            where,
            f"holds formulas that differ from carryxl's exact P&L by {gap[worst]:,.2f} "
            f"{inputs.funding} (move {inputs.moves[worst[0]]:+.2%}, "
            f"{inputs.period(int(worst[1]))}); nothing was changed",
        )
    book.notify(
        f"carryxl: {where} is computed by the workbook's own formulas, and all "
        f"{grid.size} cells agree with carryxl's exact P&L to the cent; nothing to write."
    )


def fill_scenario_grid(book: Book) -> FloatArray:
    """Read the inputs, compute the grid and write it into ``out_scenario_grid``.

    If the workbook computes the grid with its own formulas (as the templates do), they
    are checked against carryxl's values instead, and left alone.
    """
    book.progress("carryxl: reading the trade and the scenario axes…")
    inputs = read_scenario_inputs(book)
    book.progress(f"carryxl: computing {inputs.moves.size} x {inputs.years.size} scenarios…")
    grid = scenario_grid(inputs)
    if book.has_name(c.OUT_SCENARIO_GRID) and book.has_formula(c.OUT_SCENARIO_GRID):
        _check_formulas(book, inputs, grid)
        return grid
    book.progress("carryxl: writing out_scenario_grid…")
    apply_writes(book, [Write(c.OUT_SCENARIO_GRID, grid_rows(grid))])
    return grid
