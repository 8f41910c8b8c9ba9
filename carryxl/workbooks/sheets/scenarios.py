"""Scenarios: total P&L over FX moves (rows) by holding period, and by funding-rate change.

Each grid cell is the exact total P&L in the funding currency,
N [(1 + g)(1 + r_t t) - (1 + r_f t)], for the target's move g against the funding currency
(:func:`carryxl.core.carry_pnl` with X1/X0 = 1 + g). Under each column: the break-even
move (1 + r_f t)/(1 + r_t t) - 1 and the break-even end spot. Both grids get a
red-white-green colour scale centred on zero, and a thick border marks where the P&L
changes sign, so the break-even is visible at a glance.

The holding periods are typed as a trader writes them, tenors (1W, 1M, 3M, 6M, 1Y, 2Y),
and the grey row under them is each one's year fraction, as the core's
:func:`carryxl.core.tenor_year_fraction` counts it on ACT/365F: Y + M/12 + (7W + D)/365.
"""

from __future__ import annotations

from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.core.dates import LONGEST_TENOR_YEARS, Tenor, tenor_year_fraction
from carryxl.workbooks import styles
from carryxl.workbooks.formulas import (
    CALCULATOR_NATIVE,
    scenario_breakeven,
    scenario_formula,
    tenor_check,
    tenor_years,
)
from carryxl.workbooks.layout import (
    Book,
    Form,
    note_comment,
    print_setup,
    protect,
    put_text,
    sheet_head,
    whole_unit_rules,
)
from carryxl.workbooks.sheets.rates import add_lists, add_rates

__all__ = ["MOVES", "RATE_SHIFTS", "SEED_INPUTS", "TENORS", "YEARS", "build"]

SEED_INPUTS: dict[str, object] = {
    "in_pair": "AUD/JPY",
    "in_funding": "JPY",
    "in_notional": 10_000_000,
    "in_spot_start": 100,
    "in_rate_target": 0.045,
    "in_rate_funding": 0.001,
    "in_years": 0.5,
}
MOVES: tuple[float, ...] = tuple(k / 100 for k in range(-6, 7))
TENORS: tuple[str, ...] = tuple(str(Tenor.parse(t)) for t in ("1W", "1M", "3M", "6M", "1Y", "2Y"))
YEARS: tuple[float, ...] = tuple(tenor_year_fraction(t) for t in TENORS)
"""Each tenor's year fraction, as the grey row computes it (ACT/365F: 1W = 7/365)."""
RATE_SHIFTS: tuple[float, ...] = (-0.005, 0.0, 0.0025, 0.005, 0.01, 0.02)

_MONEY = "=in_funding"
_FIRST_COL = 3  # column C: the grids' first value column


def build(book: Book) -> None:
    """The scenarios sheet with its two grids, then the Rates sheet and the lists."""
    ws = book.sheet("sheet_scenarios")
    sheet_head(book, ws, "scenarios_title", (40, 14, 14, 14, 14, 14, 14, 14))
    f = Form(book, ws)
    seed = SEED_INPUTS
    f.section("sec_position")
    f.input("in_pair", seed["in_pair"], "text", choices="=list_pairs", strict=False)
    f.input("in_funding", seed["in_funding"], "text", choices="=list_pair_currencies")
    f.input("in_notional", seed["in_notional"], "money", unit=_MONEY)
    f.input("in_spot_start", seed["in_spot_start"], "spot", unit="unit_pair")
    f.input("in_rate_target", seed["in_rate_target"], "percent", unit="unit_per_year")
    f.input("in_rate_funding", seed["in_rate_funding"], "percent", unit="unit_per_year")
    f.input("in_years", seed["in_years"], "years", unit="unit_years")
    f.output("out_inverted", CALCULATOR_NATIVE["out_inverted"], "flag")

    top = f.row + 1
    last = _grid(book, ws, top, "years")
    last = _grid(book, ws, last + 2, "rates")
    note = f"grid_note_{book.colors.name}"
    put_text(ws.cell(last + 1, 1), book.t(note)).font = styles.NOTE_FONT
    ws.print_title_rows = "1:2"  # each grid's page starts with its own headings
    ws.print_area = f"A1:{get_column_letter(_FIRST_COL + len(RATE_SHIFTS) - 1)}{last + 1}"
    print_setup(ws)
    protect(ws)
    add_rates(book)
    add_lists(book)


def _grid(book: Book, ws: Worksheet, top: int, axis: str) -> int:
    """One grid from row ``top``; returns its last row. ``axis``: "years" or "rates"."""
    by_years = axis == "years"
    columns = YEARS if by_years else RATE_SHIFTS
    suffix = "" if by_years else "_rates"
    head = top + 2 if by_years else top + 1  # the holding periods: tenors above their years
    first, last = head + 1, head + len(MOVES)
    left = get_column_letter(_FIRST_COL)
    right = get_column_letter(_FIRST_COL + len(columns) - 1)
    put_text(ws.cell(top, 1), book.t("sec_grid_years" if by_years else "sec_grid_rates"))
    ws.cell(top, 1).font = styles.BOLD
    corner = "col_moves_years" if by_years else "col_moves_shifts"
    put_text(ws.cell(top + 1, 1), book.t(corner)).font = styles.BOLD
    put_text(ws.cell(head, 2), book.t("col_scenario_end_spot")).font = styles.BOLD

    # The column axis: the tenors a trader types and their years, or funding-rate changes.
    if by_years:
        _periods(book, ws, top + 1, head)
    else:
        for j, shift in enumerate(columns):
            _input_cell(book, ws, head, _FIRST_COL + j, shift, "percent_short")
        ws.cell(head, _FIRST_COL).comment = note_comment(book, "in_scenario_rate_shifts")
        book.define("in_scenario_rate_shifts", ws, f"{left}{head}", f"{right}{head}")

    _rows(book, ws, first, head, len(columns), by_years)
    if by_years:
        ws.cell(first, 1).comment = note_comment(book, "in_scenario_moves")
        book.define("in_scenario_moves", ws, f"A{first}", f"A{last}")
        book.define("out_scenario_end_spots", ws, f"B{first}", f"B{last}")
    book.define(f"out_scenario_grid{suffix}", ws, f"{left}{first}", f"{right}{last}")

    move_row, spot_row = last + 1, last + 2
    _breakeven_rows(book, ws, head, move_row, len(columns), by_years)
    book.define(f"out_scenario_breakeven{suffix}", ws, f"{left}{move_row}", f"{right}{move_row}")
    book.define(
        f"out_scenario_breakeven_spot{suffix}", ws, f"{left}{spot_row}", f"{right}{spot_row}"
    )
    _heatmap(book, ws, f"{left}{first}:{right}{last}")
    return spot_row


def _periods(book: Book, ws: Worksheet, row: int, head: int) -> None:
    """The holding periods as a trader types them (``in_scenario_years``: 1W ... 2Y, each
    checked as a tenor, the rule shown when a cell is selected) and under each its year
    fraction (``out_scenario_years``, grey), which the grid's formulas use."""
    left = get_column_letter(_FIRST_COL)
    right = get_column_letter(_FIRST_COL + len(TENORS) - 1)
    put_text(ws.cell(row, 2), book.t("row_tenor")).font = styles.BOLD
    put_text(ws.cell(head, 1), book.t("row_tenor_years")).font = styles.NOTE_FONT
    for j, tenor in enumerate(TENORS):
        col = _FIRST_COL + j
        cell = put_text(ws.cell(row, col), tenor)
        book.paint(cell, "input", styles.FORMATS["text"])
        cell.alignment = Alignment(horizontal="right")  # over the numbers it gives
        years = tenor_years(f"{get_column_letter(col)}{row}", book.mode)
        _output_cell(book, ws, head, col, years, "years")
    ws.cell(row, _FIRST_COL).comment = note_comment(book, "in_scenario_years")
    rule = book.t("tenor_rule").format(most=LONGEST_TENOR_YEARS)
    check = DataValidation(
        type="custom",
        formula1=tenor_check(f"{left}{row}"),
        allow_blank=False,
        showInputMessage=True,
        promptTitle=book.t("tenor_rule_title"),
        prompt=rule,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle="carryxl",
        error=rule,
    )
    check.add(f"{left}{row}:{right}{row}")
    ws.add_data_validation(check)
    book.define("in_scenario_years", ws, f"{left}{row}", f"{right}{row}")
    book.define("out_scenario_years", ws, f"{left}{head}", f"{right}{head}")


def _rows(book: Book, ws: Worksheet, first: int, head: int, width: int, by_years: bool) -> None:
    """The FX moves down column A, each row's end spot, and the P&L cells."""
    for i, move in enumerate(MOVES):
        row = first + i
        if by_years:
            _input_cell(book, ws, row, 1, move, "percent_short")
        else:  # the second grid reuses the first grid's moves
            _output_cell(book, ws, row, 1, f"=INDEX(in_scenario_moves,{i + 1})", "percent_short")
        _output_cell(
            book,
            ws,
            row,
            2,
            f"=IF(out_inverted,in_spot_start/(1+A{row}),in_spot_start*(1+A{row}))",
            "spot",
        )
        for j in range(width):
            letter = get_column_letter(_FIRST_COL + j)
            if by_years:
                formula = scenario_formula(
                    f"$A{row}", f"{letter}${head}", "in_rate_funding", book.mode
                )
            else:
                funding = f"(in_rate_funding+{letter}${head})"
                formula = scenario_formula(f"$A{row}", "in_years", funding, book.mode)
            cell = ws.cell(row, _FIRST_COL + j)
            cell.value = formula
            book.paint(cell, "plain", styles.FORMATS["money"])


def _breakeven_rows(
    book: Book, ws: Worksheet, head: int, move_row: int, width: int, by_years: bool
) -> None:
    """Under each column: the break-even move (1 + r_f t)/(1 + r_t t) - 1 and end spot."""
    spot_row = move_row + 1
    put_text(ws.cell(move_row, 1), book.t("row_breakeven_move")).font = styles.BOLD
    put_text(ws.cell(spot_row, 1), book.t("row_breakeven_spot")).font = styles.BOLD
    for j in range(width):
        col = _FIRST_COL + j
        letter = get_column_letter(col)
        years = f"{letter}${head}" if by_years else "in_years"
        funding = "in_rate_funding" if by_years else f"(in_rate_funding+{letter}${head})"
        move = scenario_breakeven(years, funding, book.mode)
        _output_cell(book, ws, move_row, col, move, "percent", "output_bold")
        spot = (
            f"=IF(out_inverted,in_spot_start/(1+{letter}{move_row}),"
            f"in_spot_start*(1+{letter}{move_row}))"
        )
        _output_cell(book, ws, spot_row, col, spot, "spot", "output_bold")


def _heatmap(book: Book, ws: Worksheet, area: str) -> None:
    """Loss colour-white-gain colour centred on zero (red-white-green in ``green-up``,
    green-white-red in ``red-up``), a thick border where the P&L changes sign, and the
    money in whole units where the funding currency has none (JPY).

    One conditional format on the grid: LibreOffice applies only the first of overlapping
    ones and, of a format's rules, the first that holds (and the colour scale); Excel
    applies them all. The border's rule is also written with the whole-unit format.
    """
    top_left = area.split(":", maxsplit=1)[0]
    letter = top_left.rstrip("0123456789")
    first = int(top_left[len(letter) :])
    here, above = top_left, f"{letter}{first - 1}"
    sign_change = f"AND(ROW({here})>{first},OR(AND({here}>=0,{above}<0),AND({here}<0,{above}>=0)))"
    mark = DifferentialStyle(border=styles.MARK_BORDER, font=Font(bold=True))
    for rule in whole_unit_rules(_MONEY.removeprefix("="), area, first=[(sign_change, mark)]):
        ws.conditional_formatting.add(area, rule)
    ws.conditional_formatting.add(
        area,
        ColorScaleRule(
            start_type="min",
            start_color=book.colors.loss_fill,
            mid_type="num",
            mid_value=0,
            mid_color="FFFFFF",
            end_type="max",
            end_color=book.colors.gain_fill,
        ),
    )


def _input_cell(book: Book, ws: Worksheet, row: int, col: int, value: float, kind: str) -> Cell:
    cell: Cell = ws.cell(row, col)
    cell.value = value
    return book.paint(cell, "input", styles.FORMATS[kind])


def _output_cell(
    book: Book, ws: Worksheet, row: int, col: int, formula: str, kind: str, role: str = "output"
) -> Cell:
    cell: Cell = ws.cell(row, col)
    cell.value = formula
    return book.paint(cell, role, styles.FORMATS[kind])
