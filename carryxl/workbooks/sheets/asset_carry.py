"""Asset carry: borrow the funding currency (JPY), buy a foreign asset (Nasdaq), and
compare with a local index (Nikkei). Preloaded with the seeds' November 2025 case (the
talk is dated 2025-11-28).

Return in the funding currency = (1 + a)(1 + g) - 1 - r_f t, where a is the asset's
return in its own currency and g the foreign currency's move against the funding one
(:func:`carryxl.core.asset_carry_return`). November 2025: Nasdaq -2.15%, USD/JPY +1.52%:
0.9785 x 1.0152 - 1 = -0.66% before funding, against -4.35% for the Nikkei.

Beside the talk's +1.52% the sheet shows the ECB's own figure for the month, USD/JPY
2025-10-31 -> 2025-11-28 on the reference rates (+1.26%): the two use different closing
times.
"""

from __future__ import annotations

from openpyxl.chart import LineChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.core.conventions import Currency, Pair
from carryxl.history.series import spot_on
from carryxl.workbooks import styles
from carryxl.workbooks.formulas import ASSET_UDF, asset_chart_cell, asset_pnl_at
from carryxl.workbooks.layout import (
    Book,
    Form,
    header_row,
    note_comment,
    print_setup,
    protect,
    sheet_head,
)
from carryxl.workbooks.sheets.rates import add_lists, add_rates

__all__ = ["ASSET_NATIVE", "CHART_MOVES", "ECB_MONTH", "SEED_INPUTS", "build", "ecb_move_formula"]

# The talk's November 2025 month; funding at the Japanese broker's low end (1.768%).
SEED_INPUTS: dict[str, object] = {
    "in_funding": "JPY",
    "in_foreign": "USD",
    "in_notional": 10_000_000,
    "in_asset_return": -0.0215,
    "in_fx_move": 0.0152,
    "in_local_return": -0.0435,
    "in_rate_funding": 0.01768,
    "in_years": 30 / 365,
    "in_move_convention": "quote",
}

ASSET_NATIVE: dict[str, str] = {
    "out_example_broker_rate": ("=INDEX(in_rates_broker,MATCH(in_funding,in_rates_currency,0))"),
    "out_asset_before_funding": "=(1+in_asset_return)*(1+in_fx_move)-1",
    "out_asset_funding_cost": "=in_rate_funding*in_years",
    "out_asset_return": "=" + asset_pnl_at("in_fx_move"),
    "out_asset_pnl": "=in_notional*out_asset_return",
    "out_asset_excess": "=((1+in_asset_return)*(1+in_fx_move)-1)-in_local_return",
    "out_asset_breakeven_move": "=(1+in_rate_funding*in_years)/(1+in_asset_return)-1",
    "out_funding_move_quote": "=-in_fx_move",
    "out_funding_move_value": "=1/(1+in_fx_move)-1",
    "out_funding_move": (
        # the book's "quote"
        "=IF(in_move_convention=INDEX(list_move_conventions,1),"
        "out_funding_move_quote,out_funding_move_value)"
    ),
}

ECB_MONTH = (Pair(Currency.USD, Currency.JPY), "2025-10-31", "2025-11-28")
"""The talk's month on the ECB's fixings: the last fixing of October to the last of November."""


def ecb_move_formula() -> str:
    """``=end/start-1`` with the ECB's two USD/JPY fixings of the talk's month written out."""
    pair, start, end = ECB_MONTH
    first, last = (float(spot_on(pair, day)) for day in (start, end))
    return f"={last!r}/{first!r}-1"


# FX moves of the foreign currency for the chart table: -10% to +10% in 2% steps.
CHART_MOVES: tuple[int, ...] = tuple(range(-10, 11, 2))

_MONEY = "=in_funding"


def build(book: Book) -> None:
    """The asset-carry sheet, then the Rates sheet and the lists."""
    ws = book.sheet("sheet_asset")
    sheet_head(book, ws, "asset_title", (52, 18, 12, 3, 14, 16, 14))
    f = Form(book, ws)
    seed = SEED_INPUTS

    udf = ASSET_UDF if book.mode == "udf" else {}

    def out(name: str, kind: str, unit: str | None = None) -> None:
        f.output(name, udf.get(name, ASSET_NATIVE[name]), kind, unit)

    f.section("sec_asset_inputs")
    f.input("in_funding", seed["in_funding"], "text", choices="=in_rates_currency")
    f.input("in_foreign", seed["in_foreign"], "text", choices="=in_rates_currency")
    f.input("in_notional", seed["in_notional"], "money", unit=_MONEY)
    f.input("in_asset_return", seed["in_asset_return"], "percent")
    f.input("in_fx_move", seed["in_fx_move"], "percent")
    ecb = f.output("out_fx_move_ecb", ecb_move_formula(), "percent")
    ws[ecb].comment = note_comment(book, "out_fx_move_ecb")
    f.input("in_local_return", seed["in_local_return"], "percent")
    f.input("in_rate_funding", seed["in_rate_funding"], "percent", unit="unit_per_year")
    f.input("in_years", seed["in_years"], "years", unit="unit_years")
    f.input(
        "in_move_convention", seed["in_move_convention"], "text", choices="=list_move_conventions"
    )

    f.section("sec_asset_results")
    out("out_example_broker_rate", "percent_short", "unit_per_year")
    out("out_asset_before_funding", "percent")
    out("out_asset_funding_cost", "percent")
    out("out_asset_return", "percent")
    out("out_asset_pnl", "pnl", _MONEY)
    out("out_asset_excess", "percent")
    out("out_asset_breakeven_move", "percent")

    f.section("sec_asset_fx")
    out("out_funding_move_quote", "percent")
    out("out_funding_move_value", "percent")
    out("out_funding_move", "percent")
    last_row = f.row - 1

    _chart(book, ws)
    ws.print_area = f"A1:R{max(last_row, 4 + len(CHART_MOVES))}"  # the chart too
    print_setup(ws)
    protect(ws)
    add_rates(book)
    add_lists(book)


def _chart(book: Book, ws: Worksheet) -> None:
    """Return in the funding currency and the local index over the FX move: a line chart."""
    header_row(book, ws, 3, 5, ["col_fx_move", "col_asset_in_funding", "col_local"])
    first = 4
    for i, step in enumerate(CHART_MOVES):
        row = first + i
        move = ws.cell(row, 5)
        move.value = step / 100
        book.paint(move, "output", styles.FORMATS["percent_short"])
        ret = ws.cell(row, 6)
        ret.value = asset_chart_cell(f"E{row}", book.mode)
        book.paint(ret, "output", styles.FORMATS["percent"])
        local = ws.cell(row, 7)
        local.value = "=in_local_return"
        book.paint(local, "output", styles.FORMATS["percent"])
    last = first + len(CHART_MOVES) - 1
    book.define("out_asset_chart_moves", ws, f"E{first}", f"E{last}")
    book.define("out_asset_chart_returns", ws, f"F{first}", f"F{last}")

    chart = LineChart()
    chart.title = book.t("chart_asset")
    chart.style = 2
    chart.x_axis.title = book.t("col_fx_move")
    chart.y_axis.title = book.t("col_asset_in_funding")
    chart.x_axis.delete = False
    chart.x_axis.tickLblPos = "low"  # labels below the plot, not on the zero line
    chart.y_axis.delete = False
    chart.y_axis.number_format = "0%"
    data = Reference(ws, min_col=6, max_col=7, min_row=3, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=5, min_row=first, max_row=last))
    chart.height = 9
    chart.width = 16
    ws.add_chart(chart, "I4")
