"""Swap (隔夜利息): a broker's swap quote as money per night, its implied rate, the
interest-parity benchmark and the broker's markup, and a night-by-night rollover ledger.

The calendar of :mod:`carryxl.core.swaps` in spreadsheet formulas, and its money maths as
:data:`carryxl.core.swaps.SWAP_FORMULAS` and :data:`~carryxl.core.swaps.SWAP_PER_UNIT` on
the sheet's cells:

- value date = WORKDAY(trade date, spot lag, holidays); T+1 for USD/CAD, USD/TRY,
  USD/RUB, USD/PHP, else T+2: weekends and the sheet's holiday list only (the core with
  ``calendars=False``; the holidays note says so), not the settlement calendars with the
  USD rule that ``carryxl swap`` and SWAP_NIGHTS use. Each business day d from the open
  to before the close rolls value(d) -> value(next business day): 1 night, 3 over the
  weekend (Wednesday for T+2, Thursday for T+1), more around holidays. A fixed triple
  day moves the two weekend nights to that weekday instead.
- money per night: points x the platform's point (10^-digits) x lots x lot size; pips x
  pip x lots x lot size; money per lot x lots; or percent a year x lots x lot size x spot
  / basis; times ``to_account``.
- benchmark over the nights held = side x units x (S - F), F the CIP forward over them on
  each currency's day count (360 or 365 from the Rates sheet); markup = benchmark - the
  broker's swap, also as an annual rate on the position value.

Preloaded with the desk example: long 2 lots USD/JPY at 150, +15 points (MetaTrader's,
0.001) a night, held 2024-12-23 to 2025-01-06 over Christmas and New Year.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.core.defaults import LOT_SIZE
from carryxl.core.swaps import SWAP_FORMULAS, SWAP_PER_UNIT, SwapForm
from carryxl.workbooks import styles
from carryxl.workbooks.conventions import days_in_year_formula, pip_size_formula, spot_lag_formula
from carryxl.workbooks.formulas import SWAP_UDF
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

__all__ = [
    "HOLIDAY_ROWS",
    "INPUTS",
    "LEDGER_ROWS",
    "OUTPUTS",
    "SEED_HOLIDAYS",
    "SEED_INPUTS",
    "SWAP_NATIVE",
    "build",
]

SEED_INPUTS: dict[str, object] = {
    "in_pair": "USD/JPY",
    "in_side": "long",
    "in_lots": 2,
    "in_lot_size": LOT_SIZE,
    "in_spot": 150,
    "in_swap_quote": 15,  # MetaTrader points: 15 x 0.001 x 200,000 = 3,000 JPY a night
    "in_swap_form": "points",
    "in_basis": 360,
    "in_to_account": 1,
    "in_open_date": dt.datetime(2024, 12, 23),
    "in_close_date": dt.datetime(2025, 1, 6),
    "in_triple_day": "auto",
    "in_rate_base": 0.05,
    "in_rate_quote": 0.001,
}
SEED_HOLIDAYS = (dt.datetime(2024, 12, 25), dt.datetime(2025, 1, 1))
HOLIDAY_ROWS = 12
LEDGER_ROWS = 60  # about three months of rollovers: the ledger prints on one page

_QUOTE = "=RIGHT(in_pair,3)"
# The book's own words, by their place in its lists (carryxl.workbooks.words): the first
# triple day is "auto", the swap forms are points, pips, money per lot, percent a year.
_AUTO = "INDEX(list_triple_days,1)"
_POINTS, _PIPS, _PER_LOT = (f"INDEX(list_swap_forms,{i})" for i in (1, 2, 3))
_ACCOUNT = "unit_account"


# Business days on the triple weekday k from the open to before the close: the first
# such day f = open + MOD(k - WEEKDAY(open), 7), then one a week, less holidays on
# weekday k. (NETWORKDAYS.INTL would do it, but LibreOffice rejects the _xlfn. prefix
# Excel needs in a file for it.)
_K = "MATCH(in_triple_day,list_weekdays,0)"
_FIRST = f"(in_open_date+MOD({_K}-WEEKDAY(in_open_date,2),7))"
_TRIPLE_DAYS = (
    f"(IF({_FIRST}>=in_close_date,0,INT((in_close_date-1-{_FIRST})/7)+1)"
    "-SUMPRODUCT((in_holidays>=in_open_date)*(in_holidays<in_close_date)"
    f"*(WEEKDAY(in_holidays,2)={_K})))"
)


def _value_date(trade_date: str) -> str:
    """Spot value date: the trade date moved to a business day, plus the spot lag."""
    return f"WORKDAY(WORKDAY({trade_date}-1,1,in_holidays),out_spot_lag,in_holidays)"


def _day_count(currency: str) -> str:
    return f"INDEX(in_rates_day_count,MATCH({currency},in_rates_currency,0))"


# The template's cells for the arguments of carryxl.core.swaps' formulas (SWAP_FORMULAS)
_SWAP_CELLS = {
    "lots": "in_lots",
    "lot_size": "in_lot_size",
    "point_size": "out_point_size",
    "pip_size": "out_pip_size",
    "to_account": "in_to_account",
    "basis": "in_basis",
    "spot": "in_spot",
    "units": "out_units",
    "rate_base": "in_rate_base",
    "rate_quote": "in_rate_quote",
    "points": _POINTS,
    "pips": _PIPS,
    "money_per_lot": _PER_LOT,
}


def _per_unit(form: SwapForm) -> str:
    """:data:`carryxl.core.swaps.SWAP_PER_UNIT` of ``form`` on this sheet's cells."""
    return SWAP_PER_UNIT[form].format(**_SWAP_CELLS)


def _swap(name: str, **cells: str) -> str:
    """:data:`carryxl.core.swaps.SWAP_FORMULAS` ``name`` on this sheet's cells."""
    return SWAP_FORMULAS[name].format(**(_SWAP_CELLS | cells))


SWAP_NATIVE: dict[str, str] = {
    "out_spot_lag": spot_lag_formula(),
    "out_triple_weekday": (
        f"=IF(in_triple_day={_AUTO},INDEX(list_weekdays,5-out_spot_lag),in_triple_day)"
    ),
    "out_pip_size": pip_size_formula(),
    # the platform's point (MetaTrader), 10^-digits: a tenth of a pip (carryxl Pair.point_size)
    "out_point_size": "=out_pip_size/10",
    "out_units": "=in_lots*in_lot_size",
    "out_swap_per_night": "=" + _swap("swap_per_night", quote="in_swap_quote", form="in_swap_form"),
    "out_swap_per_night_quote": "=out_swap_per_night/in_to_account",
    # The same money a night quoted in each form (carryxl.core.swap_quote_from_money).
    "out_swap_as_points": f"=out_swap_per_night/({_per_unit(SwapForm.POINTS)})",
    "out_swap_as_pips": f"=out_swap_per_night/({_per_unit(SwapForm.PIPS)})",
    "out_swap_as_money_per_lot": f"=out_swap_per_night/({_per_unit(SwapForm.MONEY_PER_LOT)})",
    "out_swap_as_percent": f"=out_swap_per_night/({_per_unit(SwapForm.PERCENT_A_YEAR)})",
    "out_swap_implied_rate": "="
    + _swap("swap_implied_rate", money="out_swap_per_night_quote", units="out_units", nights="1"),
    "out_basis_base": "=" + days_in_year_formula(_day_count("LEFT(in_pair,3)")),
    "out_basis_quote": "=" + days_in_year_formula(_day_count("RIGHT(in_pair,3)")),
    "out_forward_held": "="
    + _swap(
        "forward_outright",
        years="(out_nights_total/out_basis_base)",
        years_quote="(out_nights_total/out_basis_quote)",
    ),
    # the first word of the side list is the book's "long"
    "out_benchmark_swap": "="
    + _swap(
        "benchmark_swap", side="IF(in_side=INDEX(list_sides,1),1,-1)", forward="out_forward_held"
    ),
    "out_markup": "="
    + _swap(
        "swap_markup",
        benchmark="out_benchmark_swap",
        broker_money="out_swap_per_night_quote*out_nights_total",
    ),
    "out_markup_rate": '=IF(out_nights_total=0,"-",'
    + _swap("swap_implied_rate", money="out_markup", units="out_units", nights="out_nights_total")
    + ")",
    "out_value_open": "=" + _value_date("in_open_date"),
    "out_value_close": "=" + _value_date("in_close_date"),
    "out_nights_total": (
        "=out_value_close-out_value_open"
        f"+IF(OR(in_triple_day={_AUTO},in_close_date<=in_open_date),0,"
        # less the weekend days between the value dates (none when they coincide)
        "-IF(out_value_close>out_value_open,(out_value_close-out_value_open)"
        "-NETWORKDAYS(out_value_open,out_value_close-1),0)"
        f"+2*{_TRIPLE_DAYS})"
    ),
    "out_swap_total": "=out_nights_total*out_swap_per_night",
    "out_ledger_total": "=SUM(out_ledger_swap)",
}

INPUTS: tuple[tuple[str, str, str | None, str | None], ...] = (
    ("in_pair", "text", None, "=list_pairs"),
    ("in_side", "text", None, "=list_sides"),
    ("in_lots", "number", "unit_lots", None),
    ("in_lot_size", "money", "unit_base_units", None),
    ("in_spot", "spot", "unit_pair", None),
    ("in_swap_quote", "number", None, None),
    ("in_swap_form", "text", None, "=list_swap_forms"),
    ("in_basis", "integer", "unit_days", None),
    ("in_to_account", "number", None, None),
    ("in_open_date", "date", None, None),
    ("in_close_date", "date", None, None),
    ("in_triple_day", "text", None, "=list_triple_days"),
    ("in_rate_base", "percent", "unit_per_year", None),
    ("in_rate_quote", "percent", "unit_per_year", None),
)

OUTPUTS: tuple[tuple[str, str, str | None], ...] = (
    ("out_spot_lag", "integer", "unit_days"),
    ("out_triple_weekday", "text", None),
    ("out_pip_size", "number", None),
    ("out_point_size", "number", None),
    ("out_units", "money", "unit_base_units"),
    ("out_swap_per_night", "money", _ACCOUNT),
    ("out_swap_per_night_quote", "money", _QUOTE),
    ("out_swap_implied_rate", "percent", "unit_per_year"),
    ("out_swap_as_points", "number", "unit_points"),
    ("out_swap_as_pips", "number", "unit_pips"),
    ("out_swap_as_money_per_lot", "money", _ACCOUNT),
    ("out_swap_as_percent", "percent", "unit_per_year"),
    ("out_basis_base", "integer", "unit_days"),
    ("out_basis_quote", "integer", "unit_days"),
    ("out_value_open", "date", None),
    ("out_value_close", "date", None),
    ("out_nights_total", "integer", "unit_nights"),
    ("out_swap_total", "money", _ACCOUNT),
    ("out_ledger_total", "money", _ACCOUNT),
    ("out_forward_held", "spot", "unit_pair"),
    ("out_benchmark_swap", "money", _QUOTE),
    ("out_markup", "money", _QUOTE),
    ("out_markup_rate", "percent", "unit_per_year"),
)

# Printed as two pages: the form and the holidays (inputs and results, A:F), then the
# ledger (G:M) with its filled rows at the top.
_HOLIDAY_COL = 5  # E: the holidays column, beside the form
_LEDGER_COL = 7  # G: the ledger's first column


def build(book: Book) -> None:
    """The swap sheet with its ledger, then the Rates sheet and the lists."""
    ws = book.sheet("sheet_swap")
    sheet_head(book, ws, "swap_title", (44, 16, 12, 3, 12, 3, 12, 8, 12, 12, 8, 14, 16))
    f = Form(book, ws)
    udf = SWAP_UDF if book.mode == "udf" else {}
    f.section("sec_swap_inputs")
    for name, kind, unit, choices in INPUTS:
        f.input(name, SEED_INPUTS[name], kind, unit, choices, strict=name != "in_pair")
    f.section("sec_swap_results")
    for name, kind, unit in OUTPUTS:
        f.output(name, udf.get(name, SWAP_NATIVE[name]), kind, unit)
    _holidays(book, ws)
    _ledger(book, ws)
    ws.print_area = f"A1:{get_column_letter(_LEDGER_COL + 6)}{3 + LEDGER_ROWS}"
    print_setup(ws, columns=[_LEDGER_COL - 1])  # a page ends before the ledger
    protect(ws)
    add_rates(book)
    add_lists(book)


def _holidays(book: Book, ws: Worksheet) -> None:
    """A column of holiday dates (both currencies'), editable; blanks are ignored."""
    header_row(book, ws, 3, _HOLIDAY_COL, ["in_holidays"])
    ws.cell(3, _HOLIDAY_COL).comment = note_comment(book, "in_holidays")
    letter = get_column_letter(_HOLIDAY_COL)
    for i in range(HOLIDAY_ROWS):
        cell = ws.cell(4 + i, _HOLIDAY_COL)
        if i < len(SEED_HOLIDAYS):
            cell.value = SEED_HOLIDAYS[i]
        book.paint(cell, "input", styles.FORMATS["date"])
    book.define("in_holidays", ws, f"{letter}4", f"{letter}{3 + HOLIDAY_ROWS}")


_LEDGER_FORMATS = ("date", "text", "date", "date", "integer", "money", "money")
"""The ledger's columns' formats: trade date, weekday, value date, next value date,
nights, swap, cumulative swap."""


def _ledger_row(letters: list[str], r: int, first: int) -> dict[str, str]:
    """The formulas of the ledger's row ``r`` by column letter (``first``: its first row):
    the next business day before the close, its weekday, value dates, nights (the broker's
    triple day when one is chosen) and swap."""
    day, weekday, value, following, nights, swap, total = letters
    triple = (
        f"-(({following}{r}-{value}{r})-NETWORKDAYS({value}{r},{following}{r}-1))"
        f"+2*(INDEX(list_weekdays,WEEKDAY({day}{r},2))=in_triple_day)"
    )
    previous = "in_open_date-1" if r == first else f"{day}{r - 1}"
    # Later rows stay blank once a row is blank (the close has been reached).
    guard, closing = ("", "") if r == first else (f'IF({day}{r - 1}="","",', ")")
    return {
        day: (
            f'={guard}IF(WORKDAY({previous},1,in_holidays)>=in_close_date,"",'
            f"WORKDAY({previous},1,in_holidays)){closing}"
        ),
        weekday: f'=IF({day}{r}="","",INDEX(list_weekdays,WEEKDAY({day}{r},2)))',
        value: f'=IF({day}{r}="","",WORKDAY({day}{r},out_spot_lag,in_holidays))',
        following: (
            f'=IF({day}{r}="","",WORKDAY(WORKDAY({day}{r},1,in_holidays),out_spot_lag,in_holidays))'
        ),
        nights: (
            f'=IF({day}{r}="","",{following}{r}-{value}{r}+IF(in_triple_day={_AUTO},0,{triple}))'
        ),
        swap: f'=IF({day}{r}="","",{nights}{r}*out_swap_per_night)',
        total: f'=IF({day}{r}="","",SUM({swap}${first}:{swap}{r}))',
    }


def _ledger(book: Book, ws: Worksheet) -> None:
    """One row per business day from the open to before the close; blank rows after."""
    keys = [
        "col_trade_date",
        "col_weekday",
        "col_value_date",
        "col_next_value_date",
        "col_nights",
        "col_swap",
        "col_cumulative",
    ]
    header_row(book, ws, 3, _LEDGER_COL, keys)
    first = 4
    letters = [get_column_letter(_LEDGER_COL + k) for k in range(len(keys))]
    day, weekday, value, _following, nights, swap, total = letters
    formats = dict(zip(letters, _LEDGER_FORMATS, strict=True))
    for r in range(first, first + LEDGER_ROWS):
        for letter, formula in _ledger_row(letters, r, first).items():
            cell = ws[f"{letter}{r}"]
            cell.value = formula
            book.paint(cell, "output", styles.FORMATS[formats[letter]])
    last = first + LEDGER_ROWS - 1
    for name, letter in (
        ("out_ledger_dates", day),
        ("out_ledger_weekdays", weekday),
        ("out_ledger_value_dates", value),
        ("out_ledger_nights", nights),
        ("out_ledger_swap", swap),
        ("out_ledger_cumulative", total),
    ):
        book.define(name, ws, f"{letter}{first}", f"{letter}{last}")
