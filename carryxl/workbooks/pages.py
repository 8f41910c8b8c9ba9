"""Pages that print: orientation, scale and page breaks computed from the print area.

:func:`paginate` (run on every sheet once its texts are fitted, :mod:`carryxl.workbooks.fit`)
reads the print area's width and row heights and sets

- portrait when the area fits a portrait page at full size, landscape otherwise;
- fit to one page wide when that keeps the scale at :data:`MIN_SCALE` % or more; else
  the fixed scale :data:`MIN_SCALE` and column breaks (after an empty spacer column where
  there is one), so a wide sheet prints over several readable pages, never one tiny one;
  each page between column breaks is filled to :data:`FONT_SLACK` of its width only, so
  that the same breaks hold where the declared font (Calibri, DengXian) is missing and a
  wider one stands in for it (column widths are counted in the font's digits);
- row breaks between blocks (runs of filled rows): a block that fits a page is never
  split, one taller than a page is split where the page ends; the print titles (the
  header rows each sheet names) repeat on every page.

Sizes: A4, margins of :data:`MARGINS` inches; a column ``w`` units wide takes
(7 w + 5) pixels at 96 dpi (Excel's rule for the standard 11-point font), 0.75 point each.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.workbooks.fit import DEFAULT_HEIGHT, column_width

__all__ = [
    "A4",
    "FONT_SLACK",
    "MARGINS",
    "MIN_SCALE",
    "PageLayout",
    "area_bounds",
    "column_points",
    "layout",
    "paginate",
    "printable",
]

A4 = (595.0, 842.0)
"""A4 in points, portrait (width, height)."""
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.75, "bottom": 0.75, "header": 0.3, "footer": 0.3}
"""Page margins in inches."""
MIN_SCALE = 65
"""The smallest print scale, in percent: 11-point text prints no smaller than 7 points."""
FONT_SLACK = 1 / 1.3
"""The share of a page's width the columns between two column breaks take, as the declared
font measures them: a font whose digits are up to 30 % wider (DejaVu Sans, which
LibreOffice substitutes for a missing Calibri or DengXian, measures 26 % wider than
Carlito) still fits, so the page count does not depend on which font a machine has."""
_SAFETY = 0.97  # of a page's height used when placing breaks (Excel's own estimate varies)


def column_points(width: float) -> float:
    """Points a column ``width`` units wide takes on paper at 100 %."""
    return (7.0 * width + 5.0) * 0.75


def printable(landscape: bool) -> tuple[float, float]:
    """Width and height in points inside the margins of an A4 page."""
    width, height = (A4[1], A4[0]) if landscape else A4
    return (
        width - 72.0 * (MARGINS["left"] + MARGINS["right"]),
        height - 72.0 * (MARGINS["top"] + MARGINS["bottom"]),
    )


def area_bounds(ws: Worksheet) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row) of the sheet's print area."""
    area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
    ref = str(area).split("!")[-1].replace("$", "")
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return int(min_col or 1), int(min_row or 1), int(max_col or 1), int(max_row or 1)


def _row_height(ws: Worksheet, row: int) -> float:
    height = ws.row_dimensions[row].height
    return float(height) if height else DEFAULT_HEIGHT


def _title_rows(ws: Worksheet) -> tuple[int, int] | None:
    titles = ws.print_title_rows
    if not titles:
        return None
    first, _, last = str(titles).replace("$", "").partition(":")
    return int(first), int(last or first)


class PageLayout:
    """What :func:`layout` decides for a sheet: orientation, scale (percent), whether it is
    fitted to the page width, and the rows and columns after which a page ends."""

    def __init__(
        self, landscape: bool, scale: int, fit: bool, rows: list[int], columns: list[int]
    ) -> None:
        self.landscape = landscape
        self.scale = scale
        self.fit = fit
        self.rows = rows
        self.columns = columns


def layout(ws: Worksheet, columns: Sequence[int] = ()) -> PageLayout:
    """Orientation, scale and page breaks for the sheet's print area (see the module);
    ``columns``: the columns after which the sheet asks for a page to end (see
    :func:`_page_columns`)."""
    min_col, min_row, max_col, max_row = area_bounds(ws)
    widths = [
        column_points(column_width(ws, get_column_letter(c))) for c in range(min_col, max_col + 1)
    ]
    if columns:
        return _page_columns(ws, (min_col, min_row, max_col, max_row), widths, list(columns))
    breaks: list[int] = []
    total = sum(widths)
    landscape = total > printable(False)[0]
    page_width, page_height = printable(landscape)
    scale = min(100, int(100 * page_width / total))
    fit = scale >= MIN_SCALE
    if not fit:
        scale = MIN_SCALE
        breaks = _column_breaks(ws, min_col, widths, page_width * 100 / scale * FONT_SLACK)
    rows = _row_breaks(ws, (min_col, min_row, max_col, max_row), page_height * 100 / scale)
    return PageLayout(landscape, scale, fit, rows, breaks)


def _page_columns(
    ws: Worksheet, bounds: tuple[int, int, int, int], widths: list[float], columns: list[int]
) -> PageLayout:
    """Blocks side by side that each print on pages of their own (a form, then a table
    beside it): a page ends after each of ``columns``; portrait unless one of these pages
    is wider than a portrait page; one scale for all, the largest that fits the widest
    page and every row of the area on one page down, but no smaller than MIN_SCALE."""
    min_col, min_row, max_col, max_row = bounds
    edges = [min_col - 1, *columns, max_col]
    pages = [sum(widths[a + 1 - min_col : b + 1 - min_col]) for a, b in itertools.pairwise(edges)]
    landscape = max(pages) > printable(False)[0]
    page_width, page_height = printable(landscape)
    tall = sum(_row_height(ws, r) for r in range(min_row, max_row + 1))
    scale = min(100, int(100 * page_width / max(pages)), int(100 * page_height * _SAFETY / tall))
    scale = max(scale, MIN_SCALE)
    rows = _row_breaks(ws, bounds, page_height * 100 / scale)
    return PageLayout(landscape, scale, False, rows, columns)


def _chart_spans(ws: Worksheet) -> list[tuple[int, int]]:
    """The first and last columns (1 = A) of each chart: from its anchor, as wide as the
    chart."""
    spans = []
    for chart in ws._charts:
        anchor = chart.anchor
        if isinstance(anchor, str):  # "N4", as the sheet modules place charts
            col = column_index_from_string(coordinate_from_string(anchor)[0])
        else:
            col = int(anchor._from.col) + 1
        first = col
        remaining = float(chart.width) / 2.54 * 72  # centimetres to points
        while remaining > 0:
            remaining -= column_points(column_width(ws, get_column_letter(col)))
            col += 1
        spans.append((first, col - 1))
    return spans


def _column_breaks(ws: Worksheet, first: int, widths: list[float], page: float) -> list[int]:
    """Columns after which a page ends: where the next column would not fit, or after the
    last empty spacer column of the page when one lies past its middle; never through a
    chart that starts on the page (it moves to the next page whole)."""
    breaks: list[int] = []
    used, spacer, start = 0.0, None, first
    spans = _chart_spans(ws)
    charts = {c for a, b in spans for c in range(a, b + 1)}
    for offset, width in enumerate(widths):
        col = first + offset
        if used + width > page and used > 0:
            end = spacer if spacer is not None else col - 1
            cut = [a for a, b in spans if start < a <= end < b]
            end = cut[0] - 1 if cut else end
            breaks.append(end)
            used = sum(widths[end + 1 - first : offset])
            spacer, start = None, end + 1
        used += width
        empty = col not in charts and all(
            ws.cell(r, col).value in (None, "") for r in range(1, ws.max_row + 1)
        )
        if empty and used > page / 2:
            spacer = col
    return breaks


def _row_breaks(ws: Worksheet, bounds: tuple[int, int, int, int], page: float) -> list[int]:
    """Rows after which a page ends: before a block that does not fit the rest of the
    page, or inside a block taller than a page where the page ends."""
    min_col, min_row, max_col, max_row = bounds
    titles = _title_rows(ws)
    repeated = 0.0
    if titles is not None:
        repeated = sum(_row_height(ws, r) for r in range(titles[0], titles[1] + 1))
    room = page * _SAFETY - repeated
    first_body = titles[1] + 1 if titles is not None else min_row
    blocks: list[list[int]] = []
    current: list[int] = []
    for row in range(first_body, max_row + 1):
        filled = any(ws.cell(row, c).value not in (None, "") for c in range(min_col, max_col + 1))
        if filled:
            current.append(row)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    breaks: list[int] = []
    used = 0.0
    previous_end = first_body - 1
    for block in blocks:
        gap = sum(_row_height(ws, r) for r in range(previous_end + 1, block[0]))
        height = sum(_row_height(ws, r) for r in block)
        if used + gap + height <= room:
            used += gap + height
        elif height <= room:
            breaks.append(block[0] - 1)
            used = height
        else:
            used += gap
            for row in block:
                h = _row_height(ws, row)
                if used + h > room and used > 0:
                    breaks.append(row - 1)
                    used = 0.0
                used += h
        previous_end = block[-1]
    return [b for b in breaks if b >= first_body]


def paginate(ws: Worksheet, columns: Sequence[int] = ()) -> PageLayout:
    """Set the sheet's page setup from :func:`layout`: A4, orientation, fit to width or
    the minimum scale, row and column breaks, page numbers in the footer."""
    pages = layout(ws, columns)
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "landscape" if pages.landscape else "portrait"
    ws.page_margins = PageMargins(**MARGINS)
    ws.sheet_properties.pageSetUpPr.fitToPage = pages.fit
    if pages.fit:
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        setup.scale = None
    else:
        setup.fitToWidth = None
        setup.fitToHeight = None
        setup.scale = pages.scale
    for row in pages.rows:
        ws.row_breaks.append(Break(id=row))
    for col in pages.columns:
        ws.col_breaks.append(Break(id=col))
    # Every row 15 points unless set (Excel's default for 11-point text), stated so that
    # other spreadsheets page the sheet as Excel does.
    ws.sheet_format.defaultRowHeight = 15
    ws.sheet_format.customHeight = True
    ws.print_options.gridLines = False
    ws.oddFooter.center.text = "&P / &N"
    ws.oddHeader.left.text = "carryxl"
    return pages
