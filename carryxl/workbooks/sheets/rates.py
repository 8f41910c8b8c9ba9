"""The Rates sheet: currencies with day count, spot lag and example rates, and the lists.

The policy and broker rates are **examples** with their date and source, to be replaced
by the user; the other sheets read day counts and example rates from here by lookup
(``INDEX``/``MATCH`` over the ``in_rates_*`` names). Day counts and spot lags come from
:mod:`carryxl.core.conventions`, so the sheet and the Python functions agree.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.core import currency_name, default_day_count, spot_lag_days
from carryxl.workbooks import styles
from carryxl.workbooks.conventions import day_count_names
from carryxl.workbooks.layout import Book, Form, header_row, note_comment, print_setup, put_text

__all__ = ["PAIRS", "RATE_EXAMPLES", "add_lists", "add_rates", "build"]

AS_OF = dt.datetime(2024, 12, 31)

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
MOVE_CONVENTIONS = ("quote", "value")
SIDES = ("long", "short")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # as carryxl.core.swaps
TRIPLE_DAYS = ("auto", "Mon", "Tue", "Wed", "Thu", "Fri")
SWAP_FORMS = ("points", "money per lot", "percent a year")  # carryxl.core.swaps.SwapForm

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

FIRST_ROW = 5


def add_lists(book: Book) -> Worksheet:
    """A hidden sheet of choices for the validation lists: pairs, day counts, conventions."""
    ws = book.sheet("sheet_lists")
    lists = (
        ("list_pairs", PAIRS),
        ("list_day_counts", DAY_COUNTS),
        ("list_move_conventions", MOVE_CONVENTIONS),
        ("list_sides", SIDES),
        ("list_weekdays", WEEKDAYS),
        ("list_triple_days", TRIPLE_DAYS),
        ("list_swap_forms", SWAP_FORMS),
    )
    for col, (name, values) in enumerate(lists, start=1):
        letter = get_column_letter(col)
        put_text(ws.cell(1, col), book.t(name))
        for row, value in enumerate(values, start=2):
            put_text(ws.cell(row, col), value)
        book.define(name, ws, f"{letter}2", f"{letter}{len(values) + 1}")
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return ws


def add_rates(book: Book) -> Worksheet:
    """The Rates sheet with its named columns; every table cell is an editable input."""
    ws = book.sheet("sheet_rates")
    lang = book.lang
    put_text(ws["A1"], book.t("rates_title")).font = styles.TITLE_FONT
    banner = put_text(ws["A2"], book.t("rates_banner"))
    banner.font = styles.BOLD
    banner.fill = styles.INPUT_FILL
    put_text(ws["A3"], book.t("rates_help")).font = styles.NOTE_FONT
    header_row(book, ws, FIRST_ROW - 1, 1, [c[0] for c in _COLUMNS])
    for offset, (name, _kind, width) in enumerate(_COLUMNS):
        ws.column_dimensions[get_column_letter(offset + 1)].width = width
        ws.cell(FIRST_ROW - 1, offset + 1).comment = note_comment(book, name)
    form = Form(book, ws)
    for row, (code, policy, source, broker, broker_source) in enumerate(
        RATE_EXAMPLES, start=FIRST_ROW
    ):
        usd_pair = "EUR/USD" if code == "USD" else f"USD/{code}"
        values = (
            code,
            currency_name(code, lang),
            str(default_day_count(code)),
            spot_lag_days(usd_pair),
            policy,
            AS_OF,
            book.t(source),
            broker,
            book.t(broker_source) if broker_source else None,
        )
        for offset, ((_name, kind, _w), value) in enumerate(zip(_COLUMNS, values, strict=True)):
            cell = ws.cell(row, offset + 1)
            if isinstance(value, str):
                put_text(cell, value)
            elif value is not None:
                cell.value = value
            book.paint(cell, "input", styles.number_format(kind, lang))
    last = FIRST_ROW + len(RATE_EXAMPLES) - 1
    for offset, (name, _kind, _w) in enumerate(_COLUMNS):
        letter = get_column_letter(offset + 1)
        book.define(name, ws, f"{letter}{FIRST_ROW}", f"{letter}{last}")
    form.validate(f"C{FIRST_ROW}:C{last}", "=list_day_counts")
    ws.freeze_panes = f"B{FIRST_ROW}"
    ws.protection.sheet = True
    ws.print_title_rows = f"{FIRST_ROW - 1}:{FIRST_ROW - 1}"
    ws.print_area = f"A1:{get_column_letter(len(_COLUMNS))}{last}"
    print_setup(ws)
    return ws


def build(book: Book) -> None:
    """The rates workbook: the Rates sheet and its lists."""
    add_rates(book)
    add_lists(book)
