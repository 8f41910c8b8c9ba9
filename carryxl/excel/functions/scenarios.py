"""The scenario grid: exact P&L for each FX move and holding period."""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core import carry, validate
from carryxl.core.conventions import rate_from_text
from carryxl.core.dates import Tenor, tenor_year_fraction
from carryxl.excel import cells
from carryxl.excel.arguments import (
    FUNDING,
    FX_MOVES,
    HOLDING_YEARS,
    NOTIONAL,
    ORIENTATION,
    RATE_FUNDING,
    RATE_TARGET,
    SPOT_START,
)
from carryxl.excel.declare import ExcelFunction

__all__ = ["FUNCTIONS"]


def _carry_scenarios(
    notional: Any,
    spot_start: Any,
    rate_target: Any,
    rate_funding: Any,
    fx_moves: Any,
    holding_years: Any,
    orientation: Any,
    funding: Any,
) -> Any:
    """CARRY_SCENARIOS: moves down the side, periods across the top, P&L inside."""
    moves = cells.numbers("fx_moves", fx_moves, text=rate_from_text)
    periods = cells.numbers("holding_years", holding_years, text=_tenor_years)
    column = cells.Input("fx_moves", moves.values.reshape(-1, 1), _reshaped(moves, (-1, 1)))
    row = cells.Input("holding_years", periods.values.reshape(1, -1), _reshaped(periods, (1, -1)))

    def kernel(fx_moves: Any, holding_years: Any, spot_start: Any, **given: Any) -> Any:
        move = validate.fraction_change("fx_moves", fx_moves)
        return carry.carry_pnl(
            spot_start=spot_start,
            spot_end=spot_start * (1.0 + move),
            years=holding_years,
            **given,
        )

    grid = cells.evaluate(
        kernel,
        cells.single(cells.numbers("notional", notional)),
        cells.single(cells.numbers("spot_start", spot_start)),
        cells.single(cells.numbers("rate_target", rate_target, text=rate_from_text)),
        cells.single(cells.numbers("rate_funding", rate_funding, text=rate_from_text)),
        cells.single(cells.orientation(orientation, funding)),
        column,
        row,
    )
    labelled = cells.with_header(
        ["FX move \\ holding period", *_period_labels(holding_years, periods)],
        _with_side(column, grid),
    )
    return cells.to_excel(labelled)


def _tenor_years(value: Any, argument: str) -> float:
    """A holding period typed as a tenor: 6M -> 0.5, 1W -> 7/365 (ACT/365F)."""
    return tenor_year_fraction(Tenor.parse(value, argument))


def _period_labels(given: Any, periods: cells.Input) -> list[Any]:
    """The header: each period as given, a tenor as the core writes it (6M), else years."""
    cells_given = np.asarray(given, dtype=object).reshape(-1)
    years = periods.values.reshape(-1)
    if cells_given.size != years.size:  # not the cells as typed: the years are all there is
        return list(years.tolist())
    return [
        str(Tenor.parse(cell)) if isinstance(cell, str) and np.isfinite(t) else float(t)
        for cell, t in zip(cells_given, years, strict=True)
    ]


def _reshaped(item: cells.Input, shape: tuple[int, int]) -> Any:
    return None if item.problems is None else item.problems.reshape(shape)


def _with_side(column: cells.Input, grid: Any) -> Any:
    side = np.empty((grid.shape[0], grid.shape[1] + 1), dtype=object)
    side[:, 0] = column.values.reshape(-1)
    if column.problems is not None:
        bad = column.problems.reshape(-1) != None  # noqa: E711 - elementwise on objects
        side[bad, 0] = column.problems.reshape(-1)[bad]
    side[:, 1:] = grid
    return side


FUNCTIONS = (
    ExcelFunction(
        "CARRY_SCENARIOS",
        "scenarios",
        """Grid of exact total P&L (funding currency): FX moves of the quoted spot down the side,
        holding periods across the top, with headers. One trade: single cells for the rest.""",
        (NOTIONAL, SPOT_START, RATE_TARGET, RATE_FUNDING, FX_MOVES, HOLDING_YEARS),
        (ORIENTATION, FUNDING),
        body=_carry_scenarios,
    ),
)
