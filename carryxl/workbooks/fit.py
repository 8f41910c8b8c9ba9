"""Fit every text to its cell: column widths, wrap and row heights computed from the text.

The rule (the one ``tests/workbooks/test_fit.py`` measures every template with): a text
needs one width unit (Excel's column width: the width of a digit of the standard font)
per character, two per East-Asian wide character (CJK), scaled by the font size over 11
points, a tenth more in bold, plus :data:`PADDING`. A text that does not wrap fits when
that is at most its column's width plus the widths of the empty cells to its right
(inside the sheet's print area: Excel lets a text run on over empty neighbours); a
wrapped text needs as many lines as its paragraphs take at its column's width, each of
:func:`line_height` points, within the row's height.

:func:`fit_sheet` makes a sheet obey it: it widens a column whose text is stopped by a
filled neighbour (up to :data:`MAX_WIDTH`), wraps what still does not fit, and sets each
row's height to the lines its wrapped texts need.
"""

from __future__ import annotations

import math
import unicodedata
from copy import copy

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "DEFAULT_HEIGHT",
    "DEFAULT_WIDTH",
    "MAX_WIDTH",
    "PADDING",
    "column_width",
    "fit_sheet",
    "line_height",
    "lines_needed",
    "text_cells",
    "text_width",
    "width_available",
]

DEFAULT_WIDTH = 8.43
"""Excel's width of a column without its own (standard font, 11 points)."""
DEFAULT_HEIGHT = 15.0
"""The height of a row without its own, in points (one line of 11-point text)."""
PADDING = 1.5
"""Width units a text needs beyond its characters (the cell's margins)."""
MAX_WIDTH = 40.0
"""The widest column :func:`fit_sheet` makes; a longer text wraps instead."""


def _char_units(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str, size: float = 11.0, bold: bool = False) -> float:
    """Width units the longest line of ``text`` needs in a font of ``size`` points."""
    longest = max(sum(_char_units(c) for c in line) for line in text.split("\n"))
    return longest * size / 11.0 * (1.1 if bold else 1.0) + PADDING


def line_height(size: float = 11.0) -> float:
    """Points one line of text of ``size`` points takes (15 for 11 points)."""
    return DEFAULT_HEIGHT * size / 11.0


def lines_needed(text: str, width: float, size: float = 11.0, bold: bool = False) -> int:
    """Lines ``text`` wraps into in a column ``width`` units wide (each paragraph wrapped
    at the width, by characters: a safe upper bound of wrapping at words)."""
    usable = max(width - PADDING, 1.0)
    factor = size / 11.0 * (1.1 if bold else 1.0)
    total = 0
    for paragraph in text.split("\n"):
        units = sum(_char_units(c) for c in paragraph) * factor
        total += max(1, math.ceil(units / usable))
    return total


def column_width(ws: Worksheet, letter: str) -> float:
    """The width of column ``letter`` (its own, or the default)."""
    dim = ws.column_dimensions.get(letter)
    if dim is not None and dim.width:
        return float(dim.width)
    return DEFAULT_WIDTH


def _font(cell: Cell) -> tuple[float, bool]:
    font = cell.font
    size = float(font.sz) if font is not None and font.sz else 11.0
    return size, bool(font is not None and font.b)


def text_cells(ws: Worksheet) -> list[Cell]:
    """The cells holding text (not formulas), in the order they were written."""
    found: list[Cell] = []
    for row in ws.iter_rows():
        for cell in row:
            value = cell.value
            if isinstance(value, str) and value and cell.data_type == "s":
                found.append(cell)
    return found


def _last_column(ws: Worksheet) -> int:
    if ws.print_area:
        area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
        ref = str(area).split("!")[-1].replace("$", "")
        return int(range_boundaries(ref)[2] or ws.max_column)
    return int(ws.max_column)


def width_available(ws: Worksheet, cell: Cell) -> float:
    """The width a text in ``cell`` may take without wrapping: its column and the empty
    cells to its right, up to the print area's last column."""
    column = int(cell.column)
    width = column_width(ws, get_column_letter(column))
    for col in range(column + 1, _last_column(ws) + 1):
        if ws.cell(cell.row, col).value not in (None, ""):
            break
        width += column_width(ws, get_column_letter(col))
    return width


def _wrap(cell: Cell) -> None:
    alignment = copy(cell.alignment)
    alignment.wrap_text = True
    alignment.vertical = "top"
    cell.alignment = alignment


def fit_sheet(ws: Worksheet) -> None:
    """Widen, wrap and heighten so that every text cell of ``ws`` fits (see the module)."""
    cells = text_cells(ws)
    for cell in cells:  # widen a column whose text a filled neighbour stops
        if cell.alignment.wrap_text:
            continue
        size, bold = _font(cell)
        need = text_width(str(cell.value), size, bold)
        if need <= width_available(ws, cell):
            continue
        letter = get_column_letter(int(cell.column))
        stretch = need - width_available(ws, cell)
        wanted = min(MAX_WIDTH, column_width(ws, letter) + stretch)
        if wanted > column_width(ws, letter):
            ws.column_dimensions[letter].width = round(wanted, 1)
    heights: dict[int, float] = {}
    for cell in cells:  # wrap what still does not fit; rows as tall as their lines
        size, bold = _font(cell)
        text = str(cell.value)
        if not cell.alignment.wrap_text:
            if text_width(text, size, bold) <= width_available(ws, cell):
                if size > 11.0:
                    heights[cell.row] = max(heights.get(cell.row, 0.0), line_height(size) + 3)
                continue
            _wrap(cell)
        width = column_width(ws, get_column_letter(int(cell.column)))
        need = lines_needed(text, width, size, bold) * line_height(size)
        heights[cell.row] = max(heights.get(cell.row, 0.0), need)
    for row, height in heights.items():
        current = ws.row_dimensions[row].height
        if current is None or current < height:
            ws.row_dimensions[row].height = max(height, DEFAULT_HEIGHT)
            _align_top(ws, row)


def _align_top(ws: Worksheet, row: int) -> None:
    """A row made taller for wrapped text reads from its top: its other filled cells (a
    value beside a wrapped label) align there too, not at the bottom, a line below."""
    for cell in ws[row]:
        if cell.value not in (None, "") and cell.alignment.vertical is None:
            alignment = copy(cell.alignment)
            alignment.vertical = "top"
            cell.alignment = alignment
