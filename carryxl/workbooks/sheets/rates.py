"""The Rates sheet: currencies with day count, spot lag and example rates, and the lists.

The policy and broker rates are **examples** with their date and source, to be replaced
by the user or, for the policy rates, by the Policy rates button (``carryxl run rates``:
the ranges of :data:`carryxl.buttons.RATES_FILL` are generated as carryxl's own). The other
sheets read day counts and example rates from here by lookup (``INDEX``/``MATCH`` over the
``in_rates_*`` names). Day counts and spot lags come from :mod:`carryxl.core.conventions`,
so the sheet and the Python functions agree.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.core import Currency, Pair, currency_name, default_day_count, spot_lag_days
from carryxl.history.policy import SOURCE
from carryxl.workbooks import styles
from carryxl.workbooks.conventions import day_count_names
from carryxl.workbooks.layout import Book, Form, header_row, note_comment, print_setup, put_text
from carryxl.workbooks.words import book_words

__all__ = ["DAY_COUNTS", "PAIRS", "RATE_EXAMPLES", "add_lists", "add_rates", "build"]

_AS_OF = dt.datetime(2024, 12, 31)

# (currency, example policy rate, source key, example broker rate or None, its source key)
RATE_EXAMPLES: tuple[tuple[str, float, str, float | None, str | None], ...] = (
    ("USD", 0.0450, "src_fed", 0.048, "src_talk_us_broker"),
    ("EUR", 0.0300, "src_ecb", None, None),
    ("JPY", 0.0025, "src_boj", 0.01768, "src_talk_jp_broker"),
    ("GBP", 0.0475, "src_boe", None, None),
    ("CHF", 0.0050, "src_snb", None, None),
    ("AUD", 0.0435, "src_rba", None, None),
    ("NZD", 0.0425, "src_rbnz", None, None),
    ("CAD", 0.0325, "src_boc", None, None),
    ("SEK", 0.0250, "src_riksbank", None, None),
    ("NOK", 0.0450, "src_norges", None, None),
    ("HKD", 0.0475, "src_hkma", None, None),
    ("ZAR", 0.0775, "src_sarb", None, None),
    ("MXN", 0.1000, "src_banxico", None, None),
    ("TRY", 0.4750, "src_cbrt", None, None),
    ("BRL", 0.1225, "src_bcb", None, None),
    ("CNY", 0.0150, "src_pboc", None, None),
    ("RUB", 0.2100, "src_cbr", None, None),
)

PAIRS: tuple[str, ...] = (
    "AUD/JPY",
    "NZD/JPY",
    "USD/JPY",
    "EUR/JPY",
    "GBP/JPY",
    "CAD/JPY",
    "CHF/JPY",
    "MXN/JPY",
    "ZAR/JPY",
    "TRY/JPY",
    "USD/TRY",
    "EUR/TRY",
    "USD/MXN",
    "USD/ZAR",
    "USD/BRL",
    "USD/RUB",
    "AUD/USD",
    "NZD/USD",
    "EUR/USD",
    "GBP/USD",
    "USD/CHF",
    "AUD/CHF",
    "NZD/CHF",
    "USD/CAD",
)

DAY_COUNTS = day_count_names()  # ACT/360, ACT/365F, ACT/ACT, 30/360, 30E/360

_COLUMNS = (
    ("in_rates_currency", "text", 10),
    ("in_rates_name", "text", 22),
    ("in_rates_day_count", "text", 12),
    ("in_rates_spot_lag", "integer", 12),
    ("in_rates_policy", "percent_short", 14),
    ("in_rates_policy_date", "date", 13),
    ("in_rates_policy_source", "text", 24),
    ("in_rates_broker", "percent_short", 14),
    ("in_rates_broker_source", "text", 30),
)

_FIRST_ROW = 5


def add_lists(book: Book) -> Worksheet:
    """A hidden sheet of choices for the validation lists: pairs, day counts, conventions."""
    ws = book.sheet("sheet_lists")
    lists = (
        ("list_pairs", PAIRS),
        ("list_day_counts", DAY_COUNTS),
        *book_words(book.lang).items(),
    )
    for col, (name, values) in enumerate(lists, start=1):
        letter = get_column_letter(col)
        put_text(ws.cell(1, col), book.t(name))
        for row, value in enumerate(values, start=2):
            put_text(ws.cell(row, col), value)
        book.define(name, ws, f"{letter}2", f"{letter}{len(values) + 1}")
    if "in_pair" in book.names:  # the funding currency: one of the pair's two
        col = len(lists) + 1
        letter = get_column_letter(col)
        put_text(ws.cell(1, col), book.t("list_pair_currencies"))
        ws.cell(2, col).value = "=LEFT(in_pair,3)"
        ws.cell(3, col).value = "=RIGHT(in_pair,3)"
        book.define("list_pair_currencies", ws, f"{letter}2", f"{letter}3")
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return ws


# In the live rates template (udf mode) the policy-rate columns are carryxl's functions over
# the user's data folder: outputs, named out_* instead of in_*.
_LIVE = {
    "in_rates_policy": "out_rates_policy",
    "in_rates_policy_date": "out_rates_policy_date",
    "in_rates_policy_source": "out_rates_policy_source",
}


def _live_formula(name: str, row: int) -> str | None:
    """The formula of a live column's cell (None for the source, a text)."""
    date_column = get_column_letter([c[0] for c in _COLUMNS].index("in_rates_policy_date") + 1)
    if name == "out_rates_policy":
        return f"=POLICY_RATE(A{row},{date_column}{row})"
    if name == "out_rates_policy_date":
        return "=POLICY_RATE_AS_OF()"
    return None


def add_rates(book: Book, live: bool = False) -> Worksheet:
    """The Rates sheet with its named columns; every table cell is an editable input.

    ``live``: the policy rate, its date and source come from ``POLICY_RATE`` on the data's
    last date (``POLICY_RATE_AS_OF()``), BIS's levels in the user's data folder, instead of
    examples (the rates template in udf mode).
    """
    ws = book.sheet("sheet_rates")
    columns = [(_LIVE.get(name, name) if live else name, k, w) for name, k, w in _COLUMNS]
    _rates_head(book, ws, live, [name for name, _k, _w in columns])
    for offset, (_name, _kind, width) in enumerate(columns):
        ws.column_dimensions[get_column_letter(offset + 1)].width = width
    for row, example in enumerate(RATE_EXAMPLES, start=_FIRST_ROW):
        _rate_row(book, ws, row, columns, example)
    last = _FIRST_ROW + len(RATE_EXAMPLES) - 1
    for offset, (name, _kind, _w) in enumerate(columns):
        letter = get_column_letter(offset + 1)
        book.define(name, ws, f"{letter}{_FIRST_ROW}", f"{letter}{last}")
    form = Form(book, ws)
    form.validate(f"C{_FIRST_ROW}:C{last}", "=list_day_counts")
    rates = [c[0] for c in columns]
    for name in ("in_rates_policy", "in_rates_broker"):  # not the live (formula) column
        if name in rates:
            letter = get_column_letter(rates.index(name) + 1)
            form.validate_rate(f"{letter}{_FIRST_ROW}:{letter}{last}")
    ws.freeze_panes = f"B{_FIRST_ROW}"
    ws.protection.sheet = True
    ws.print_title_rows = f"{_FIRST_ROW - 1}:{_FIRST_ROW - 1}"
    ws.print_area = f"A1:{get_column_letter(len(_COLUMNS))}{last}"
    print_setup(ws)
    return ws


def _rates_head(book: Book, ws: Worksheet, live: bool, names: list[str]) -> None:
    """The title, the banner saying where the rates come from, the help line, the headers
    (each with its note)."""
    put_text(ws["A1"], book.t("rates_title")).font = styles.TITLE_FONT
    banner_text = book.t("rates_banner_live" if live else "rates_banner")
    banner = book.paint(put_text(ws["A2"], banner_text), "input")
    banner.font = styles.BOLD
    banner.comment = note_comment(book, "in_rates_note_live" if live else "in_rates_note")
    book.define("in_rates_note", ws, "A2")
    put_text(ws["A3"], book.t("rates_help")).font = styles.NOTE_FONT
    header_row(book, ws, _FIRST_ROW - 1, 1, names)
    for offset, name in enumerate(names):
        ws.cell(_FIRST_ROW - 1, offset + 1).comment = note_comment(book, name)


def _rate_row(
    book: Book,
    ws: Worksheet,
    row: int,
    columns: list[tuple[str, str, int]],
    example: tuple[str, float, str, float | None, str | None],
) -> None:
    """One currency's row: code, name, day count, spot lag, policy rate, its date and
    source (or the live formulas), the broker's rate and its source."""
    code, policy, source, broker, broker_source = example
    currency = Currency(code)  # the table's own codes
    usd = Currency.USD
    usd_pair = Pair(Currency.EUR, usd) if currency is usd else Pair(usd, currency)
    values = (
        code,
        currency_name(currency, book.lang),
        str(default_day_count(currency)),
        spot_lag_days(usd_pair),
        policy,
        _AS_OF,
        book.t(source),
        broker,
        book.t(broker_source) if broker_source else None,
    )
    for offset, ((name, kind, _w), value) in enumerate(zip(columns, values, strict=True)):
        cell = ws.cell(row, offset + 1)
        role = "output" if name.startswith("out_") else "input"
        formula = _live_formula(name, row)
        if formula is not None:
            cell.value = formula
        elif name == "out_rates_policy_source":
            put_text(cell, SOURCE)
        elif isinstance(value, str):
            put_text(cell, value)
        elif value is not None:
            cell.value = value
        book.paint(cell, role, styles.number_format(kind, book.lang))


def build(book: Book) -> None:
    """The rates workbook: the Rates sheet and its lists; in udf mode the policy rates are
    ``POLICY_RATE`` on the data's last date, from the user's BIS data."""
    add_rates(book, live=book.mode == "udf")
    add_lists(book)
