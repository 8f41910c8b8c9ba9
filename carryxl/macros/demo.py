"""A small workbook that follows the workbook contract, for trying the macros.

Seed case 1 by default: AUD/JPY at 100, 10,000,000 JPY borrowed at 0.1% and held in
AUD at 4.5%; moves -5%, 0, +3% down, holding periods 0.25, 0.5 and 1 year across. After
"Fill scenarios", the +3% / 0.5 y cell reads 526,750 JPY.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.workbook import Workbook

from carryxl.macros import contract as c

__all__ = ["demo_workbook"]


def _trade_sheet(wb: Workbook, inputs: Sequence[tuple[str, str, str | float]]) -> None:
    """The 'Trade' sheet (the workbook's first): a label and a named value a row from B2."""
    trade = wb.active
    trade.title = "Trade"
    trade["A1"] = "carryxl demo trade"
    for row, (name, label, value) in enumerate(inputs, start=2):
        trade.cell(row=row, column=1, value=label)
        trade.cell(row=row, column=2, value=value)
        wb.defined_names[name] = DefinedName(name, attr_text=f"Trade!$B${row}")
    trade.column_dimensions["A"].width = 30


def _scenario_sheet(
    wb: Workbook,
    moves: Sequence[float],
    horizons: Sequence[float],
    grid_shape: tuple[int, int] | None,
) -> None:
    """The 'Scenarios' sheet: moves down A3..., holding years across B2..., the grid's name."""
    sheet = wb.create_sheet("Scenarios")
    sheet["A1"] = "Total P&L in the funding currency: FX move (down) x holding years (across)"
    n, m = len(moves), len(horizons)
    for i, move in enumerate(moves):
        sheet.cell(row=3 + i, column=1, value=move).number_format = "0.0%"
    for j, horizon in enumerate(horizons):
        sheet.cell(row=2, column=2 + j, value=horizon)
    rows, cols = grid_shape or (n, m)
    last_axis = get_column_letter(1 + max(m, 1))
    last_grid = get_column_letter(1 + cols)
    names = {
        c.IN_SCENARIO_MOVES: f"Scenarios!$A$3:$A${2 + n}",
        c.IN_SCENARIO_YEARS: f"Scenarios!$B$2:${last_axis}$2",
        c.OUT_SCENARIO_GRID: f"Scenarios!$B$3:${last_grid}${2 + rows}",
    }
    for name, ref in names.items():
        wb.defined_names[name] = DefinedName(name, attr_text=ref)


def demo_workbook(
    path: str | Path,
    *,
    pair: str = "AUD/JPY",
    funding: str = "JPY",
    notional: float = 10_000_000,
    spot_start: float = 100.0,
    spot_end: float = 103.0,
    rate_target: float = 0.045,
    rate_funding: float = 0.001,
    years: float = 0.5,
    moves: Sequence[float] = (-0.05, 0.0, 0.03),
    horizons: Sequence[float] = (0.25, 0.5, 1.0),
    grid_shape: tuple[int, int] | None = None,
) -> Path:
    """Write the workbook: inputs in Trade!B2:B9, axes and grid on 'Scenarios'.

    Moves go down column A from A3, holding periods across row 2 from B2, and the grid
    (``out_scenario_grid``) fills B3 onwards, ``grid_shape`` cells if given.
    """
    wb = openpyxl.Workbook()
    _trade_sheet(
        wb,
        (
            (c.IN_PAIR, "Pair", pair),
            (c.IN_FUNDING, "Funding currency (borrowed)", funding),
            (c.IN_NOTIONAL, "Notional (funding currency)", notional),
            (c.IN_SPOT_START, "Spot at start", spot_start),
            (c.IN_SPOT_END, "Spot at end", spot_end),
            (c.IN_RATE_TARGET, "Rate on the target currency", rate_target),
            (c.IN_RATE_FUNDING, "Rate on the funding currency", rate_funding),
            (c.IN_YEARS, "Holding period (years)", years),
        ),
    )
    _scenario_sheet(wb, moves, horizons, grid_shape)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target
