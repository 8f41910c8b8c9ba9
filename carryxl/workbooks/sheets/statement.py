"""Statement: a trader's MetaTrader statement imported (the Import statement button, or
``carryxl run statement BOOK.xlsx --file REPORT``), split into price and carry.

The button fills the table (one closed position a row, by close time: the figures of
``carryxl statement``, :mod:`carryxl.statements`) and the account currency; every total
beside it is a plain Excel formula of the table:

    price P&L, swap, commission, nights = SUM of their columns
    implied rate (and differential) = SUMPRODUCT(lots, nights, rate) / SUMPRODUCT(lots,
        nights) over the rows that have one (weights lots x nights, as the command line)
    markup = (differential - implied) over the rows with both, in bp a year

The table's last two columns accumulate price P&L and swap for the chart (written by the
button, so the rows below the last position stay empty and the chart's lines stop there).
"""

from __future__ import annotations

from openpyxl.chart import LineChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.workbooks import styles
from carryxl.workbooks.layout import (
    Book,
    Form,
    header_row,
    print_setup,
    protect,
    put_text,
    sheet_head,
)
from carryxl.workbooks.sheets.rates import add_lists, add_rates

__all__ = ["COLUMNS", "ROWS", "TABLE_FIRST_COLUMN", "TABLE_FIRST_ROW", "build"]

TABLE_FIRST_ROW = 4
TABLE_FIRST_COLUMN = 5  # E
ROWS = 1000
"""Positions the table holds (a longer statement: ``carryxl statement FILE --json``)."""

COLUMNS: tuple[tuple[str, str], ...] = (
    ("col_st_ticket", "text"),
    ("col_st_symbol", "text"),
    ("col_st_pair", "text"),
    ("col_st_side", "text"),
    ("col_st_lots", "number"),
    ("col_st_open", "text"),  # server time as the statement wrote it, kept as text
    ("col_st_close", "text"),
    ("col_st_nights", "integer"),
    ("col_st_profit", "money"),
    ("col_st_swap", "money"),
    ("col_st_commission", "money"),
    ("col_st_per_lot_night", "number"),
    ("col_st_implied", "percent_short"),
    ("col_st_differential", "percent_short"),
    ("col_st_markup", "integer"),
    ("col_st_stale", "text"),
    ("col_st_cum_profit", "money"),
    ("col_st_cum_swap", "money"),
)
"""The table's columns (label key, format), in the order the button writes them."""

_MONEY = "=in_st_currency"


def _letter(key: str) -> str:
    index = [k for k, _ in COLUMNS].index(key)
    letter: str = get_column_letter(TABLE_FIRST_COLUMN + index)
    return letter


def _column(key: str) -> str:
    letter = _letter(key)
    return f"${letter}${TABLE_FIRST_ROW}:${letter}${TABLE_FIRST_ROW + ROWS - 1}"


def build(book: Book) -> None:
    """The Statement sheet: source, totals, the positions table, cumulative columns, chart."""
    ws = book.sheet("sheet_statement")
    widths = (34, 16, 10, 3, 12, 12, 9, 7, 7, 19, 19, 7, 11, 11, 11, 12, 10, 10, 9, 7, 12, 12)
    sheet_head(book, ws, "statement_title", widths)
    f = Form(book, ws)
    f.section("sec_st_source")
    f.input("in_st_source", "", "text")
    f.input("in_st_currency", "", "text")
    f.section("sec_st_totals")
    lots, nights = _column("col_st_lots"), _column("col_st_nights")
    implied, policy = _column("col_st_implied"), _column("col_st_differential")
    f.output("out_st_positions", f"=COUNTA({_column('col_st_ticket')})", "integer")
    f.output("out_st_profit", f"=SUM({_column('col_st_profit')})", "money", _MONEY)
    f.output("out_st_swap", f"=SUM({_column('col_st_swap')})", "money", _MONEY)
    f.output("out_st_commission", f"=SUM({_column('col_st_commission')})", "money", _MONEY)
    f.output("out_st_net", "=out_st_profit+out_st_swap+out_st_commission", "money", _MONEY)
    f.output(
        "out_st_carry_share",
        '=IFERROR(out_st_swap/(ABS(out_st_profit)+ABS(out_st_swap)),"-")',
        "percent_short",
    )
    f.output("out_st_nights", f"=SUM({nights})", "integer")
    has_implied = f'--({implied}<>"")'
    both = f'{has_implied},--({policy}<>"")'
    f.output(
        "out_st_implied",
        f'=IFERROR(SUMPRODUCT({lots},{nights},{implied})/SUMPRODUCT({lots},{nights},{has_implied}),"-")',
        "percent_short",
        "unit_per_year",
    )
    f.output(
        "out_st_differential",
        f'=IFERROR(SUMPRODUCT({lots},{nights},{policy})/SUMPRODUCT({lots},{nights},--({policy}<>"")),"-")',
        "percent_short",
        "unit_per_year",
    )
    f.output(
        "out_st_markup_bp",
        f"=IFERROR((SUMPRODUCT({lots},{nights},{policy},{both})"
        f"-SUMPRODUCT({lots},{nights},{implied},{both}))"
        f'/SUMPRODUCT({lots},{nights},{both})*10000,"-")',
        "integer",
        "unit_bp_year",
    )
    last_form_row = f.row - 1
    _table(book, ws)
    _chart(book, ws, last_form_row + 2)
    end = TABLE_FIRST_ROW + ROWS - 1
    last = get_column_letter(TABLE_FIRST_COLUMN + len(COLUMNS) - 1)
    ws.print_area = f"A1:{last}{end}"
    print_setup(ws)
    protect(ws)
    add_rates(book)  # every template carries the example rates, for reference
    add_lists(book)


def _table(book: Book, ws: Worksheet) -> None:
    """The positions table: unlocked (the button's, or the user's to edit), empty."""
    header_row(book, ws, 3, TABLE_FIRST_COLUMN, [k for k, _ in COLUMNS])
    first, end = TABLE_FIRST_ROW, TABLE_FIRST_ROW + ROWS - 1
    for r in range(first, end + 1):
        for offset, (_, kind) in enumerate(COLUMNS):
            book.paint(ws.cell(r, TABLE_FIRST_COLUMN + offset), "input", styles.FORMATS[kind])
    for offset, (_, kind) in enumerate(COLUMNS):  # the account's money in its minor unit
        if kind == "money":
            letter = get_column_letter(TABLE_FIRST_COLUMN + offset)
            book.mark_money(ws, f"{letter}{first}:{letter}{end}", _MONEY.removeprefix("="))
    top_left = get_column_letter(TABLE_FIRST_COLUMN)
    bottom_right = get_column_letter(TABLE_FIRST_COLUMN + len(COLUMNS) - 1)
    book.define("in_st_table", ws, f"{top_left}{first}", f"{bottom_right}{end}")
    put_text(ws.cell(2, TABLE_FIRST_COLUMN), book.t("st_table_note")).font = styles.NOTE_FONT


def _chart(book: Book, ws: Worksheet, row: int) -> None:
    """Cumulative price P&L against cumulative swap, position by position (close time)."""
    chart = LineChart()
    chart.title = book.t("chart_statement")
    chart.style = 2
    chart.x_axis.title = book.t("col_st_close")
    chart.y_axis.title = book.t("col_st_money")
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.number_format = "#,##0"
    chart.display_blanks = "gap"  # the rows below the last position
    cum = TABLE_FIRST_COLUMN + len(COLUMNS) - 2
    chart.add_data(
        Reference(ws, min_col=cum, max_col=cum + 1, min_row=3, max_row=TABLE_FIRST_ROW + ROWS - 1),
        titles_from_data=True,
    )
    chart.height = 9
    chart.width = 16
    ws.add_chart(chart, f"A{row}")
