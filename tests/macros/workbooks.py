"""Small workbooks with carryxl's defined names, built with openpyxl for the macro tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName


def scenario_workbook(
    path: Path,
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
    """Inputs in B2:B9 of 'Trade', axes and grid on 'Scenarios' (moves in A3:, years in B2:)."""
    wb = openpyxl.Workbook()
    trade = wb.active
    trade.title = "Trade"
    inputs = [
        ("in_pair", pair),
        ("in_funding", funding),
        ("in_notional", notional),
        ("in_spot_start", spot_start),
        ("in_spot_end", spot_end),
        ("in_rate_target", rate_target),
        ("in_rate_funding", rate_funding),
        ("in_years", years),
    ]
    trade["A1"] = "carryxl test trade"
    for row, (name, value) in enumerate(inputs, start=2):
        trade.cell(row=row, column=1, value=name)
        trade.cell(row=row, column=2, value=value)
        wb.defined_names[name] = DefinedName(name, attr_text=f"Trade!$B${row}")
    trade["D2"] = "=B4*2"  # a user formula the macros must leave alone
    trade["D3"] = "=not a formula"
    trade["D3"].data_type = "s"

    sheet = wb.create_sheet("Scenarios")
    n, m = len(moves), len(horizons)
    for i, move in enumerate(moves):
        sheet.cell(row=3 + i, column=1, value=move)
    for j, horizon in enumerate(horizons):
        sheet.cell(row=2, column=2 + j, value=horizon)
    rows, cols = grid_shape or (n, m)
    last_col = get_column_letter(1 + max(m, 1))
    wb.defined_names["in_scenario_moves"] = DefinedName(
        "in_scenario_moves", attr_text=f"Scenarios!$A$3:$A${2 + n}"
    )
    wb.defined_names["in_scenario_years"] = DefinedName(
        "in_scenario_years", attr_text=f"Scenarios!$B$2:${last_col}$2"
    )
    grid_last = get_column_letter(1 + cols)
    wb.defined_names["out_scenario_grid"] = DefinedName(
        "out_scenario_grid", attr_text=f"Scenarios!$B$3:${grid_last}${2 + rows}"
    )
    wb.save(path)
    return path


def grid_values(path: Path) -> list[list[object]]:
    """The values in out_scenario_grid of a saved file."""
    wb = openpyxl.load_workbook(path)
    ((sheet, ref),) = wb.defined_names["out_scenario_grid"].destinations
    return [[c.value for c in row] for row in wb[sheet][ref.replace("$", "")]]
