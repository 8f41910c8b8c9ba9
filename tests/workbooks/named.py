"""Reading and writing workbook cells by their defined names (``in_*``, ``out_*``)."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.workbook.workbook import Workbook


def cells(wb: Workbook, name: str, sheet: str | None = None) -> list[Any]:
    """The cells a workbook-scope name (or ``sheet``'s own name) points to, row by row."""
    found = []
    names = wb.defined_names if sheet is None else wb[sheet].defined_names
    for title, coordinate in names[name].destinations:
        area = wb[title][coordinate.replace("$", "")]
        if not isinstance(area, tuple):
            found.append(area)
            continue
        for row in area:
            found.extend(row if isinstance(row, tuple) else (row,))
    return found


def values(wb: Workbook, name: str, sheet: str | None = None) -> Any:
    """The value of a one-cell name, or the list of values of a range."""
    found = [c.value for c in cells(wb, name, sheet)]
    return found[0] if len(found) == 1 else found


def write_inputs(template: Path, inputs: dict[str, Any], target: Path) -> None:
    """A copy of ``template`` with ``inputs`` written into the cells their names point to."""
    wb = openpyxl.load_workbook(template)
    for name, value in inputs.items():
        targets = cells(wb, name)
        items = value if isinstance(value, list | tuple) else [value]
        assert len(items) == len(targets), f"{name}: {len(items)} values for {len(targets)} cells"
        for cell, item in zip(targets, items, strict=True):
            cell.value = item
    wb.save(target)


def close(actual: Any, expected: Any, scale: float, rel: float = 1e-9) -> bool:
    """Equal within ``rel`` relative, or 1e-12 x ``scale`` absolute for results near zero.

    LibreOffice, like Excel, snaps sums that cancel to within ~2^-44 of their operands
    to exactly 0, so a value near zero is compared on the scale of its operands
    (the notional for money, 1 for rates and returns, the spot for prices).
    """
    if isinstance(expected, bool):
        return bool(actual) == expected
    if isinstance(expected, str | dt.datetime):
        return actual == expected
    if expected is None:
        return actual in (None, 0, "")
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(close(a, e, scale, rel) for a, e in zip(actual, expected, strict=True))
        )
    if not isinstance(actual, int | float):
        return False
    return math.isclose(float(actual), float(expected), rel_tol=rel, abs_tol=1e-12 * scale)
