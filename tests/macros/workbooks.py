"""Small workbooks with carryxl's defined names for the macro tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from carryxl.macros.demo import demo_workbook


def scenario_workbook(path: Path, **inputs: Any) -> Path:
    """The demo workbook plus two cells the macros must leave alone."""
    demo_workbook(path, **inputs)
    wb = openpyxl.load_workbook(path)
    trade = wb["Trade"]
    trade["D2"] = "=B4*2"  # a user formula
    trade["D3"] = "=not a formula"  # text that looks like one
    trade["D3"].data_type = "s"
    wb.save(path)
    return path


def grid_values(path: Path) -> list[list[object]]:
    """The values in out_scenario_grid of a saved file."""
    wb = openpyxl.load_workbook(path)
    ((sheet, ref),) = wb.defined_names["out_scenario_grid"].destinations
    return [[c.value for c in row] for row in wb[sheet][ref.replace("$", "")]]
