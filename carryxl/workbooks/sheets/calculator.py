"""The calculator: one carry position, preloaded with seed case 1 (AUD/JPY funded in JPY).

Inputs (named ``in_*``): pair, funding currency, notional, spots, rates, year fraction,
costs, leverage, stop-loss, and optional start/end dates. Outputs (named ``out_*``):
carry, FX, cross term, total (exact and the seeds' simple version), returns, break-even
spot and move, forward and points, margin, stop-loss level, each leg's year fraction
from the dates; and a payoff table over the end spot with its line chart.
"""

from __future__ import annotations

from openpyxl.chart import Reference, ScatterChart, Series
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.core.defaults import MARGIN_CALL_LEVEL
from carryxl.workbooks import styles
from carryxl.workbooks.formulas import (
    CALCULATOR_BREAKDOWN,
    CALCULATOR_BREAKDOWN_UDF,
    CALCULATOR_NATIVE,
    CALCULATOR_UDF,
    payoff_cell,
)
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

__all__ = ["INPUTS", "OUTPUTS", "PAYOFF_STEPS", "SEED_INPUTS", "build", "guarded"]

# Seed case 1: 10,000,000 JPY, AUD/JPY 100 -> 103, AUD 4.5%, JPY 0.1%, 6 months.
SEED_INPUTS: dict[str, object] = {
    "in_pair": "AUD/JPY",
    "in_funding": "JPY",
    "in_notional": 10_000_000,
    "in_spot_start": 100,
    "in_spot_end": 103,
    "in_rate_target": 0.045,
    "in_rate_funding": 0.001,
    "in_years": 0.5,
    "in_costs": 0,
    "in_leverage": 10,
    "in_equity": 2_000_000,
    "in_margin_call_level": MARGIN_CALL_LEVEL,
    "in_stop_loss": 0.03,
    "in_start_date": None,  # no dates: the holding period is in force
    "in_end_date": None,
}

# The payoff table: end spots from -10% to +10% of the start spot, in 1% steps.
PAYOFF_STEPS: tuple[int, ...] = tuple(range(-10, 11))

_MONEY = "=in_funding"


# (name, number format kind, unit, validation list, strict list)
INPUTS: tuple[tuple[str, str, str | None, str | None, bool], ...] = (
    ("in_pair", "text", None, "=list_pairs", False),
    ("in_funding", "text", None, "=list_pair_currencies", True),
    ("in_notional", "money", _MONEY, None, True),
    ("in_spot_start", "spot", "unit_pair", None, True),
    ("in_spot_end", "spot", "unit_pair", None, True),
    ("in_rate_target", "percent", "unit_per_year", None, True),
    ("in_rate_funding", "percent", "unit_per_year", None, True),
    ("in_years", "years", "unit_years", None, True),
    ("in_costs", "money", _MONEY, None, True),
    ("in_leverage", "multiple", None, None, True),
    ("in_equity", "money", _MONEY, None, True),
    ("in_margin_call_level", "percent_short", None, None, True),
    ("in_stop_loss", "percent_short", None, None, True),
    ("in_start_date", "date", None, None, True),
    ("in_end_date", "date", None, None, True),
)

# Output sections: (heading, ((name, number format kind, unit), ...)).
OUTPUTS: tuple[tuple[str, tuple[tuple[str, str, str | None], ...]], ...] = (
    (
        "sec_conventions",
        (
            ("out_pair_check", "text", None),
            ("out_target", "text", None),
            ("out_inverted", "flag", None),
            ("out_day_count_target", "text", None),
            ("out_day_count_funding", "text", None),
            ("out_example_rate_target", "percent_short", "unit_per_year"),
            ("out_example_rate_funding", "percent_short", "unit_per_year"),
            ("out_points_scale", "number", None),
        ),
    ),
    (
        "sec_pnl",
        (
            ("out_period_in_force", "text", None),
            ("out_years_target", "years", "unit_years"),
            ("out_years_funding", "years", "unit_years"),
            ("out_period_rate_target", "percent", None),
            ("out_period_rate_funding", "percent", None),
            ("out_ratio", "number", None),
            ("out_fx_move", "percent", None),
            ("out_move_pips", "pips", None),
            ("out_carry", "pnl", _MONEY),
            ("out_fx", "pnl", _MONEY),
            ("out_cross", "pnl", _MONEY),
            ("out_total", "pnl", _MONEY),
            ("out_return", "percent", None),
            ("out_total_simple", "pnl", _MONEY),
            ("out_return_simple", "percent", None),
            ("out_annualised", "percent", None),
            ("out_annualised_compound", "percent", None),
            ("out_net", "pnl", _MONEY),
            ("out_return_net", "percent", None),
        ),
    ),
    (
        "sec_breakeven",
        (
            ("out_breakeven_spot", "spot", "unit_pair"),
            ("out_breakeven_move", "percent", None),
            ("out_breakeven_ratio_net", "number", None),
            ("out_breakeven_spot_net", "spot", "unit_pair"),
            ("out_forward", "spot", "unit_pair"),
            ("out_forward_points", "pips", None),
        ),
    ),
    (
        "sec_risk",
        (
            ("out_margin", "money", _MONEY),
            ("out_return_on_margin", "percent", None),
            ("out_margin_level", "percent_short", None),
            ("out_margin_call_spot", "spot", "unit_pair"),
            ("out_stop_spot", "spot", "unit_pair"),
            ("out_stop_pips", "pips", None),
            ("out_stop_fx_loss", "pnl", _MONEY),
        ),
    ),
    (
        "sec_dates",
        (
            ("out_dates_given", "flag", None),
            ("out_days", "integer", "unit_days"),
            ("out_years_dates_target", "years", "unit_years"),
            ("out_years_dates_funding", "years", "unit_years"),
            ("out_holding_years", "years", "unit_years"),
        ),
    ),
)


def build(book: Book) -> None:
    """Calculator sheet, then the Rates sheet and the hidden lists it reads."""
    ws = book.sheet("sheet_calculator")
    sheet_head(book, ws, "calculator_title", (46, 18, 12, 3, 14, 18))
    f = Form(book, ws)
    f.section("sec_position")
    for name, kind, unit, choices, strict in INPUTS:
        f.input(name, SEED_INPUTS[name], kind, unit, choices, strict)
    udf = book.mode == "udf"
    own = _own_formulas(book)
    for heading, rows in OUTPUTS:
        f.section(heading)
        for name, kind, unit in rows:
            if udf and name in CALCULATOR_BREAKDOWN:
                if name == CALCULATOR_BREAKDOWN[0]:
                    group = [r for r in rows if r[0] in CALCULATOR_BREAKDOWN]
                    f.array_output(group, guarded(name, CALCULATOR_BREAKDOWN_UDF))
                continue
            formula = own.get(name) or (CALCULATOR_UDF.get(name) if udf else None)
            f.output(name, guarded(name, formula or CALCULATOR_NATIVE[name]), kind, unit)
    _payoff(book, ws)
    ws.print_title_rows = "1:2"  # later pages start with a section heading
    ws.print_area = f"A1:O{max(f.row - 1, 4 + len(PAYOFF_STEPS))}"  # the chart too
    print_setup(ws)
    protect(ws)
    add_rates(book)
    add_lists(book)


# Outputs that need both dates: blank without them.
_FROM_DATES = ("out_days", "out_years_dates_target", "out_years_dates_funding")


def _text_formula(text: str, parts: dict[str, str]) -> str:
    """A label with ``{placeholders}`` as a text formula joining the ``parts`` formulas."""
    pieces: list[str] = []
    rest = text
    while "{" in rest:
        before, _, after = rest.partition("{")
        key, _, rest = after.partition("}")
        pieces += [f'"{before}"', parts[key]]
    pieces.append(f'"{rest}"')
    return "&".join(p for p in pieces if p != '""')


def _own_formulas(book: Book) -> dict[str, str]:
    """The outputs whose formula holds words of the book's language: the check of the
    funding currency and which year fractions are in force."""
    message = _text_formula(
        book.t("msg_funding_in_pair"), {"base": "LEFT(in_pair,3)", "quote": "RIGHT(in_pair,3)"}
    )
    dates, holding = book.t("period_dates"), book.t("period_holding")
    return {
        "out_pair_check": (
            f'=IF(OR(LEFT(in_pair,3)=in_funding,RIGHT(in_pair,3)=in_funding),"",{message})'
        ),
        "out_period_in_force": f'=IF(out_dates_given,"{dates}","{holding}")',
    }


def guarded(name: str, formula: str) -> str:
    """``formula`` blank ("") while the funding currency is not one of the pair's (the
    check says so in one cell instead of #N/A everywhere), and, for the outputs of the
    dates, while a date is missing."""
    if name == "out_pair_check":
        return formula
    body = formula[1:]
    if name in _FROM_DATES:
        body = f'IF(out_dates_given,{body},"")'
    return f'=IF(out_pair_check="",{body},"")'


def _payoff(book: Book, ws: Worksheet) -> None:
    """End spot from -10% to +10% and the exact total P&L at each, with a line chart."""
    header_row(book, ws, 3, 5, ["col_end_spot", "col_total_pnl"])
    first = 4
    for i, step in enumerate(PAYOFF_STEPS):
        row = first + i
        spot = ws.cell(row, 5)
        spot.value = guarded("out_payoff_spots", f"=in_spot_start*(1+{step}/100)")
        book.paint(spot, "output", styles.FORMATS["spot"])
        pnl = ws.cell(row, 6)
        pnl.value = guarded("out_payoff_pnl", payoff_cell(f"E{row}", book.mode))
        book.paint(pnl, "output", styles.FORMATS["money"])
    last = first + len(PAYOFF_STEPS) - 1
    book.mark_pnl(ws, f"F{first}:F{last}")
    book.mark_money(ws, f"F{first}:F{last}", _MONEY.removeprefix("="))
    book.define("out_payoff_spots", ws, f"E{first}", f"E{last}")
    book.define("out_payoff_pnl", ws, f"F{first}", f"F{last}")

    chart = ScatterChart()
    chart.title = book.t("chart_payoff")
    chart.style = 2
    chart.x_axis.title = book.t("col_end_spot")
    chart.y_axis.title = book.t("col_total_pnl")
    chart.legend = None
    chart.x_axis.delete = False
    chart.x_axis.tickLblPos = "low"  # labels below the plot, not on the zero line
    chart.y_axis.delete = False
    chart.y_axis.number_format = "#,##0"  # money on an axis: whole units, in any currency
    xs = Reference(ws, min_col=5, min_row=first, max_row=last)
    ys = Reference(ws, min_col=6, min_row=first, max_row=last)
    series = Series(ys, xs, title=book.t("col_total_pnl"))
    series.marker.symbol = "none"
    series.smooth = False
    chart.series.append(series)
    chart.height = 9
    chart.width = 13  # inside H:O, the print area's last columns
    ws.add_chart(chart, "H4")
    note = put_text(ws.cell(first + len(PAYOFF_STEPS) + 1, 5), book.t("payoff_note"))
    note.font = styles.NOTE_FONT
