"""Portfolio: the trader's whole book — positions built in tranches (分批建仓), their P&L,
stop-loss, margin and after-tax result, then the book's VaR with correlations, each
position's contribution to risk, the diversification ratio (分散投资) and the net exposure
per currency, with a flag when most of the book is funded in one currency.

Mirrors :mod:`carryxl.core.portfolio` (see its docstring for the maths), cell by cell:

- per position j (s = +1 long, -1 short): units U = Σ u, cost C = Σ u S_k, average C/U,
  carry = s Σ u S_k d_k (r_b/B_b - r_q/B_q), swap = w Σ u d_k / lot (the broker's swap w
  per lot per night), FX = s (U S - C), stop = average (1 - s stop),
  margin = U S / leverage, exposure w = s U S k (account currency), tax per
  :mod:`carryxl.core.tax`;
- the book: σ_P = √(Σ_j w_j σ_j (R w σ)_j), VaR = z σ_P √t, ES = σ_P √t φ(z)/(1-c),
  contribution_j = z √t w_j σ_j (R w σ)_j / σ_P, diversification = Σ VaR_j / VaR.

Preloaded: the 2024 yen-carry unwind — four yen-funded positions (AUD/JPY, NZD/JPY,
MXN/JPY, USD/JPY) bought in tranches in June and July 2024, valued on 5 August 2024 in a
CNY account. Spots, entry rates, volatilities and correlations (the year to 5 August
2024: no look-ahead) are what :func:`carryxl.history.valuation.value_book` used, the ECB
reference rates, written in when the workbook is generated; the rates are typed (policy
rates of the time). The tax is the book's (:func:`carryxl.core.portfolio.book_tax`), each
position's share beside it; the flags column says STOP HIT and LOSS > MARGIN.

Beside it, on a second sheet with the same layout and formulas (its names are scoped to
that sheet), the same money spread across four funding currencies: long AUD/JPY, long
NZD/CHF, short EUR/MXN, long GBP/USD. The first sheet shows the two books' VaR, sum of
stand-alone VaRs, diversification ratio and funding concentration side by side.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.core.conventions import Currency, Pair, default_day_count
from carryxl.core.defaults import CONFIDENCE, LOT_SIZE
from carryxl.core.portfolio import NATIVE_FORMULAS
from carryxl.core.positions import BookPosition, Tranche
from carryxl.core.sides import SIDE_WORDS
from carryxl.core.tax import OFFSET_WORDS
from carryxl.history.valuation import BookRequest, BookValuation, value_book
from carryxl.workbooks import styles
from carryxl.workbooks.fit import text_width
from carryxl.workbooks.layout import (
    HORIZON_YEARS,
    Book,
    Form,
    header_row,
    print_setup,
    protect,
    put_text,
    sheet_head,
)
from carryxl.workbooks.sheets.rates import RATE_EXAMPLES, add_lists, add_rates

__all__ = [
    "ACCOUNT",
    "BOOKS",
    "CURRENCIES",
    "CURRENCY_ROWS",
    "MATRIX_TOP",
    "OFFSETS",
    "POSITIONS",
    "SCALED_ROW",
    "TOP",
    "TRANCHES",
    "VALUATION",
    "book_request",
    "build",
    "seed_inputs",
]

POSITIONS = 12  # rows of the positions table (and of the correlation matrix)
TRANCHES = 36  # rows of the tranche table: with the headings, one printed page tall
TOP = 4  # first row of the positions, tranche and currency tables (headings on row 3)
MATRIX_TOP = TOP + POSITIONS + 3  # first row of the correlation matrix
SCALED_ROW = MATRIX_TOP + POSITIONS  # the row of w x σ under the matrix
CURRENCY_ROWS = 2 * POSITIONS  # rows of the currency table: every position's two legs
_TRANCHE_COL = 5 + 35 + 2  # first column of the tranche table: right of the positions, a gap
_CURRENCY_COL = _TRANCHE_COL + 6 + 1  # first column of the currency table, right of the tranches
_COMPARE_COL = _CURRENCY_COL + 3 + 1  # the first sheet's comparison, right of the currencies
CURRENCIES = tuple(code for code, *_ in RATE_EXAMPLES)  # the account currencies offered
OFFSETS = OFFSET_WORDS["en"]

VALUATION = "2024-08-05"
ACCOUNT = "CNY"


@dataclass(frozen=True)
class _Entry:
    """One preloaded position: the rates are typed (policy rates of the time), the entry
    rates are the ECB fixings of the tranches' dates (base units bought on each)."""

    pair: str
    side: str
    rate_base: float
    rate_quote: float
    stop_loss: float
    leverage: float
    tranches: tuple[tuple[str, float], ...]


_AUD_JPY = _Entry(
    pair="AUD/JPY",
    side="long",
    rate_base=0.0435,
    rate_quote=0.001,
    stop_loss=0.03,
    leverage=25,
    tranches=(("2024-06-03", 50_000), ("2024-06-24", 50_000), ("2024-07-10", 50_000)),
)
_BOOK = (
    _AUD_JPY,
    _Entry(
        pair="NZD/JPY",
        side="long",
        rate_base=0.055,
        rate_quote=0.001,
        stop_loss=0.03,
        leverage=25,
        tranches=(("2024-06-10", 80_000), ("2024-07-01", 80_000)),
    ),
    _Entry(
        pair="MXN/JPY",
        side="long",
        rate_base=0.11,
        rate_quote=0.001,
        stop_loss=0.05,
        leverage=10,
        tranches=(("2024-06-03", 500_000), ("2024-06-17", 500_000), ("2024-07-15", 500_000)),
    ),
    _Entry(
        pair="USD/JPY",
        side="long",
        rate_base=0.0533,
        rate_quote=0.001,
        stop_loss=0.05,
        leverage=25,
        tranches=(("2024-07-01", 30_000), ("2024-07-10", 30_000)),
    ),
)
# The same money across four funding currencies (JPY, CHF, EUR, USD).
_DIVERSIFIED = (
    _AUD_JPY,
    _Entry(
        pair="NZD/CHF",
        side="long",
        rate_base=0.055,
        rate_quote=0.0125,
        stop_loss=0.03,
        leverage=25,
        tranches=(("2024-06-10", 80_000), ("2024-07-01", 80_000)),
    ),
    _Entry(
        pair="EUR/MXN",
        side="short",
        rate_base=0.0375,
        rate_quote=0.11,
        stop_loss=0.05,
        leverage=10,
        tranches=(("2024-06-03", 25_000), ("2024-06-17", 25_000), ("2024-07-15", 25_000)),
    ),
    _Entry(
        pair="GBP/USD",
        side="long",
        rate_base=0.0525,
        rate_quote=0.0533,
        stop_loss=0.05,
        leverage=25,
        tranches=(("2024-07-01", 30_000), ("2024-07-10", 30_000)),
    ),
)
BOOKS = {"yen": _BOOK, "diversified": _DIVERSIFIED}
"""The preloaded books: the yen book on the first sheet, the diversified one beside it."""

_SETTINGS: dict[str, object] = {
    "in_account": ACCOUNT,
    "in_valuation_date": dt.datetime.fromisoformat(VALUATION),
    "in_confidence": CONFIDENCE,
    "in_horizon_days": 10.0,
    "in_tax_interest": 0.2,
    "in_tax_fx": 0.2,
    "in_tax_offset": "within position",
    "in_concentration_threshold": 0.5,
    "in_lot_size": LOT_SIZE,
}

# Position table columns: (name, kind, input?) from column F; E holds the number 1..12.
_POSITION_INPUTS = (
    ("in_pf_pair", "text"),
    ("in_pf_side", "text"),
    ("in_pf_spot", "spot"),
    ("in_pf_rate_base", "percent"),
    ("in_pf_rate_quote", "percent"),
    ("in_pf_basis_base", "integer"),
    ("in_pf_basis_quote", "integer"),
    ("in_pf_stop_loss", "percent_short"),
    ("in_pf_leverage", "multiple"),
    ("in_pf_to_account", "number"),
    ("in_pf_volatility", "percent_short"),
    ("in_pf_swap_rate", "number"),
)
_POSITION_OUTPUTS = (
    ("out_pf_currency", "text"),
    ("out_pf_funding", "text"),
    ("out_pf_units", "money"),
    ("out_pf_cost", "money"),
    ("out_pf_average_rate", "spot"),
    ("out_pf_fx", "pnl"),
    ("out_pf_swap", "pnl"),
    ("out_pf_carry", "pnl"),
    ("out_pf_total", "pnl"),
    ("out_pf_stop_spot", "spot"),
    ("out_pf_stop_distance", "percent_short"),
    ("out_pf_flags", "text"),
    ("out_pf_margin", "money"),
    ("out_pf_exposure", "money"),
    ("out_pf_total_account", "pnl"),
    ("out_pf_interest_account", "pnl"),
    ("out_pf_fx_account", "pnl"),
    ("out_pf_tax", "money"),
    ("out_pf_after_tax", "pnl"),
    ("out_pf_standalone_var", "money"),
    ("out_pf_marginal", "money"),
    ("out_pf_contribution", "money"),
    ("out_pf_share", "percent_short"),
)
_TRANCHE_INPUTS = (
    ("in_tr_position", "integer"),
    ("in_tr_date", "date"),
    ("in_tr_rate", "spot"),
    ("in_tr_amount", "money"),
)
_TRANCHE_OUTPUTS = (("out_tr_days", "integer"), ("out_tr_pnl", "pnl"))


def _letter(offset: int) -> str:
    """Column letter ``offset`` columns right of E."""
    letter: str = get_column_letter(5 + offset)
    return letter


_COL = {name: _letter(i + 1) for i, (name, _k) in enumerate(_POSITION_INPUTS + _POSITION_OUTPUTS)}


def _column_key(name: str) -> str:
    """The heading label of a table column: ``in_pf_spot`` -> ``col_pf_spot``."""
    return "col_" + name.split("_", 1)[1]


def book_request(which: str = "yen") -> BookRequest:
    """The preloaded book ``which`` as the request :func:`value_book` takes: typed rates,
    entry rates and market inputs from the ECB fixings, the window the year to the
    valuation date."""
    return BookRequest(
        positions=tuple(
            BookPosition(
                pair=Pair.parse(entry.pair),
                side=1 if entry.side == "long" else -1,
                tranches=tuple(
                    Tranche(date=np.datetime64(day, "D"), amount=float(units))
                    for day, units in entry.tranches
                ),
                stop_loss=entry.stop_loss,
                leverage=float(entry.leverage),
                rate_base=entry.rate_base,
                rate_quote=entry.rate_quote,
            )
            for entry in BOOKS[which]
        ),
        date=np.datetime64(VALUATION, "D"),
        account=Currency.parse(ACCOUNT),
    )


@cache
def _valued(which: str) -> BookValuation:
    return value_book(book_request(which))


@cache
def seed_inputs(which: str = "yen") -> dict[str, Any]:
    """The preloaded book ``which`` (``yen`` or ``diversified``) by input name (ranges as
    full-length lists, blanks as None): the values :func:`value_book` used."""
    entries = BOOKS[which]
    valued = _valued(which)
    n = len(entries)
    blank = [None] * (POSITIONS - n)
    parsed = [p.pair for p in valued.request.positions]
    seed: dict[str, Any] = dict(_SETTINGS)
    seed["in_window_start"] = dt.datetime.fromisoformat(str(valued.start))
    seed["in_window_end"] = dt.datetime.fromisoformat(str(valued.end))

    def column(values: Any) -> list[Any]:
        return [float(x) for x in values] + blank

    seed.update(
        {
            "in_pf_pair": [str(p) for p in parsed] + blank,
            "in_pf_side": [e.side for e in entries] + blank,
            "in_pf_spot": column(valued.spots),
            "in_pf_rate_base": column(valued.rates_base),
            "in_pf_rate_quote": column(valued.rates_quote),
            "in_pf_basis_base": [default_day_count(p.base).days_in_year for p in parsed] + blank,
            "in_pf_basis_quote": [default_day_count(p.quote).days_in_year for p in parsed] + blank,
            "in_pf_stop_loss": [e.stop_loss for e in entries] + blank,
            "in_pf_leverage": [e.leverage for e in entries] + blank,
            "in_pf_to_account": column(valued.to_account),
            "in_pf_volatility": column(valued.volatilities),
            "in_pf_swap_rate": [0.0] * n + blank,
        }
    )
    seed["in_correlation"] = [  # rows and columns without a position left empty
        float(valued.correlation[i, j]) if i < n and j < n else None
        for i in range(POSITIONS)
        for j in range(POSITIONS)
    ]
    rows = [(j + 1, day, u) for j, e in enumerate(entries) for day, u in e.tranches]
    empty = [None] * (TRANCHES - len(rows))
    seed["in_tr_position"] = [r[0] for r in rows] + empty
    seed["in_tr_date"] = [dt.datetime.fromisoformat(r[1]) for r in rows] + empty
    seed["in_tr_rate"] = [float(x) for x in valued.entry_rates] + empty
    seed["in_tr_amount"] = [r[2] for r in rows] + empty
    return seed


@dataclass(frozen=True)
class _Words:
    """The words a book's cells hold and its formulas compare, in the book's language:
    the short side (:data:`carryxl.core.sides.SIDE_WORDS`), the separate tax baskets
    (:data:`carryxl.core.tax.OFFSET_WORDS`) and the two flags."""

    short: str
    separate: str
    stop_hit: str
    over_margin: str


def _words(book: Book) -> _Words:
    return _Words(
        short=SIDE_WORDS[book.lang][1],
        separate=OFFSET_WORDS[book.lang][1],
        stop_hit=book.t("pf_flag_stop"),
        over_margin=book.t("pf_flag_over"),
    )


def _in_language(book: Book, name: str, value: Any) -> Any:
    """A seed value as the book's language writes it (sides and the tax offset)."""
    for words in (SIDE_WORDS, OFFSET_WORDS):
        if isinstance(value, str) and value in words["en"]:
            return words[book.lang][words["en"].index(value)]
    return value


def build(book: Book) -> None:
    """The yen book's sheet (with the diversified book's results beside its own), the
    diversified book's sheet (same layout and formulas, sheet-scope names), then the Rates
    sheet and the lists."""
    ws = book.sheet("sheet_portfolio")
    _book_sheet(book, ws, seed_inputs("yen"), book.t("sheet_portfolio_diversified"))
    other = book.sheet("sheet_portfolio_diversified")
    book.local = other
    _book_sheet(book, other, seed_inputs("diversified"), None)
    book.local = None
    add_rates(book)
    add_lists(book)


def _book_sheet(book: Book, ws: Worksheet, seed: dict[str, Any], beside: str | None) -> None:
    """One book: settings and results; positions, correlations, currency exposure,
    tranches; the risk-contribution chart. ``beside``: the sheet whose book is compared."""
    sheet_head(book, ws, "portfolio_title", (40, 18, 12, 3, 6))
    f = Form(book, ws)
    _settings(f, seed)
    _book_outputs(f)
    last_form_row = f.row - 1
    last_column = get_column_letter(_CURRENCY_COL + 2)
    if beside is not None:  # beside the last table, so the sheet prints one page tall
        header_row(book, ws, TOP - 1, _COMPARE_COL, ["col_item", "col_value", "col_unit"])
        for offset, width in enumerate((40, 18, 12)):
            ws.column_dimensions[get_column_letter(_COMPARE_COL + offset)].width = width
        _comparison(Form(book, ws, TOP, _COMPARE_COL), beside)
        last_column = get_column_letter(_COMPARE_COL + 2)

    _positions(book, ws, f, seed)
    for name in ("in_pf_rate_base", "in_pf_rate_quote"):  # plausible rates only
        f.validate_rate(f"{_COL[name]}{TOP}:{_COL[name]}{TOP + POSITIONS - 1}")
    _position_money(book, ws)
    _correlation(book, ws, seed)
    _currencies(book, ws)
    _tranches(book, ws, f, seed)
    _chart(book, ws, sum(p is not None for p in seed["in_pf_pair"]))
    # Every table's headings on row 3, repeated on every page (sheet_head sets 1:3).
    chart_end = MATRIX_TOP + 16  # the chart's last row (9 cm tall from MATRIX_TOP - 2)
    ws.print_area = f"A1:{last_column}{max(last_form_row, TOP + TRANCHES - 1, chart_end)}"
    print_setup(ws)
    protect(ws)


def _settings(f: Form, seed: dict[str, Any]) -> None:
    """The book's settings: account, dates, VaR confidence and horizon (trading days, and
    the years they make), tax, concentration threshold, lot size."""
    f.section("sec_pf_settings")
    f.input("in_account", seed["in_account"], "text", None, "=in_rates_currency")
    for name, kind, unit in (
        ("in_valuation_date", "date", None),
        ("in_window_start", "date", None),
        ("in_window_end", "date", None),
        ("in_confidence", "percent_short", None),
        ("in_horizon_days", "number", "unit_horizon_days"),
    ):
        f.input(name, seed[name], kind, unit)
    f.output("out_horizon_years", f"={HORIZON_YEARS}", "years", "unit_years")
    for name in ("in_tax_interest", "in_tax_fx"):
        f.input(name, seed[name], "percent_short")
    offset = _in_language(f.book, "in_tax_offset", seed["in_tax_offset"])
    words = OFFSET_WORDS[f.book.lang]
    f.input("in_tax_offset", offset, "text", None, f'"{",".join(words)}"')
    f.input("in_concentration_threshold", seed["in_concentration_threshold"], "percent_short")
    f.input("in_lot_size", seed["in_lot_size"], "integer")


_SUMMED = frozenset({"out_pf_exposure", "out_pf_standalone_var", "out_pf_marginal"})
"""Position columns the book's sums read: 0 on a row without a pair (shown blank)."""
_QUOTE_MONEY = frozenset(name for name, kind in _POSITION_OUTPUTS if kind in ("money", "pnl"))
"""Position columns of money in the pair's quote currency (the others: units of the base,
or the account currency)."""
_ACCOUNT_MONEY = frozenset(
    {
        "out_pf_exposure",
        "out_pf_total_account",
        "out_pf_interest_account",
        "out_pf_fx_account",
        "out_pf_tax",
        "out_pf_after_tax",
        "out_pf_standalone_var",
        "out_pf_marginal",
        "out_pf_contribution",
    }
)


def _position_money(book: Book, ws: Worksheet) -> None:
    """Gains and losses in the book's colours; money in its currency's minor unit: the
    pair's quote currency, the account's, or the base currency's units."""
    pair = f"${_COL['in_pf_pair']}{TOP}"
    for name, kind in _POSITION_OUTPUTS:
        area = f"{_COL[name]}{TOP}:{_COL[name]}{TOP + POSITIONS - 1}"
        if kind == "pnl":
            book.mark_pnl(ws, area)
        if name in _SUMMED:  # a row without a pair holds 0 for the sums, shown blank
            book.mark_money(ws, area, "in_account", blank=f'{pair}=""')
        elif name in _ACCOUNT_MONEY:
            book.mark_money(ws, area, "in_account")
        elif name == "out_pf_units":
            book.mark_money(ws, area, f"LEFT({pair},3)")
        elif name in _QUOTE_MONEY:
            book.mark_money(ws, area, f"RIGHT({pair},3)")


_COMPARED = (
    ("out_cmp_var", "out_book_var", "money"),
    ("out_cmp_sum_standalone", "out_book_sum_standalone", "money"),
    ("out_cmp_diversification", "out_book_diversification", "number"),
    ("out_cmp_top_funding", "out_book_top_funding", "text"),
    ("out_cmp_top_share", "out_book_top_share", "percent_short"),
    ("out_cmp_concentrated", "out_book_concentrated", "flag"),
)


def _comparison(f: Form, other: str) -> None:
    """The other book's VaR, sum of stand-alone VaRs, diversification ratio and funding
    concentration, read from its sheet (whose results sit where this sheet's do)."""
    f.section("sec_pf_compare")
    sheet = quote_sheetname(other)

    def there(name: str) -> str:
        return f"{sheet}!{f.book.names[name].split('!')[1]}"

    money = f"={there('in_account')}"
    for name, source, kind in _COMPARED:
        f.output(name, f"={there(source)}", kind, money if kind == "money" else None)


def _book_outputs(f: Form) -> None:
    money = "=in_account"
    udf = _book_udf() if f.book.mode == "udf" else {}
    t = "SQRT(out_horizon_years)"
    f.section("sec_pf_book")
    f.output("out_book_total", "=SUM(out_pf_total_account)", "pnl", money)
    f.output("out_book_tax", "=SUM(out_pf_tax)", "money", money)
    f.output("out_book_after_tax", "=SUM(out_pf_after_tax)", "pnl", money)
    f.output("out_book_margin", "=SUMPRODUCT(out_pf_margin,in_pf_to_account)", "money", money)
    f.output("out_book_gross", "=SUMPRODUCT(ABS(out_pf_exposure))", "money", money)
    f.section("sec_pf_risk")
    f.output("out_book_z", "=NORMSINV(in_confidence)", "number")
    native = {
        "out_book_volatility": (
            "=SQRT(MAX(SUMPRODUCT(out_pf_exposure,in_pf_volatility,out_pf_marginal),0))"
        ),
        "out_book_var": f"=out_book_z*out_book_volatility*{t}",
        "out_book_es": (
            f"=out_book_volatility*{t}*EXP(-0.5*out_book_z*out_book_z)/SQRT(2*PI())"
            "/(1-in_confidence)"
        ),
        "out_book_sum_standalone": "=SUM(out_pf_standalone_var)",
        "out_book_diversification": "=out_book_sum_standalone/out_book_var",
    }
    for name, formula in native.items():
        if name == "out_book_diversification":
            f.output(name, udf.get(name, formula), "number")
        else:
            f.output(name, udf.get(name, formula), "money", money)
    f.output(
        "out_book_top_funding",
        "=INDEX(out_fx_currency,MATCH(MAX(out_fx_funding_share),out_fx_funding_share,0))",
        "text",
    )
    f.output("out_book_top_share", "=MAX(out_fx_funding_share)", "percent_short")
    f.output(
        "out_book_concentrated", "=IF(out_book_top_share>in_concentration_threshold,1,0)", "flag"
    )


def _book_taxable(basket: str, other: str, separate: str) -> str:
    """The book's taxable amount of one basket (account money): its sum, less the other
    basket's net loss when losses offset within (:func:`carryxl.core.portfolio.book_tax`);
    ``separate``: the word of separate baskets."""
    mine, theirs = f"SUM({basket})", f"SUM({other})"
    return f'IF(in_tax_offset="{separate}",MAX({mine},0),MAX({mine}+MIN({theirs},0),0))'


def _position_formulas(r: int, words: _Words) -> dict[str, str]:
    """Each output column's formula on row ``r`` (blank rows give "" or 0 where summed)."""
    c = {k: f"{v}{r}" for k, v in _COL.items()}
    sign = f'IF({c["in_pf_side"]}="{words.short}",-1,1)'
    body = {
        **_trade_formulas(c, r, sign, words),
        **_account_formulas(c, words),
        **_risk_formulas(c, r),
    }
    # Rows without a pair: 0 where the column is summed into the book, "" elsewhere.
    empty = f'{c["in_pf_pair"]}=""'
    return {
        name: f"=IF({empty},{0 if name in _SUMMED else chr(34) * 2},{body[name]})"
        for name, _kind in _POSITION_OUTPUTS
    }


def _trade_formulas(c: dict[str, str], r: int, sign: str, words: _Words) -> dict[str, str]:
    """The position in its pair's money: units, cost, average, P&L, stop and margin. Units,
    cost, FX P&L, carry and swap are :data:`carryxl.core.portfolio.NATIVE_FORMULAS`
    filled with this row's cells (``c``: each column's cell on row ``r``)."""
    units, cost, spot = c["out_pf_units"], c["out_pf_cost"], c["in_pf_spot"]
    core = {
        name: formula.format(
            position="in_tr_position",
            number=f"E{r}",
            amount="in_tr_amount",
            rate="in_tr_rate",
            days="(in_valuation_date-in_tr_date)",
            mine=f"(in_tr_position=E{r})",
            sign=sign,
            spot=spot,
            units=units,
            cost=cost,
            rate_base=c["in_pf_rate_base"],
            rate_quote=c["in_pf_rate_quote"],
            basis_base=c["in_pf_basis_base"],
            basis_quote=c["in_pf_basis_quote"],
            swap=c["in_pf_swap_rate"],
            lot_size="in_lot_size",
        )
        for name, formula in NATIVE_FORMULAS.items()
    }
    side, pair = c["in_pf_side"], c["in_pf_pair"]
    flags = (
        f'TRIM(IF({c["out_pf_stop_distance"]}<=0,"{words.stop_hit}","")&" "'
        f'&IF({c["out_pf_total"]}<-{c["out_pf_margin"]},"{words.over_margin}",""))'
    )
    return {
        "out_pf_currency": f"RIGHT({pair},3)",
        "out_pf_funding": f'IF({side}="{words.short}",LEFT({pair},3),RIGHT({pair},3))',
        "out_pf_units": core["units"],
        "out_pf_cost": core["cost"],
        "out_pf_average_rate": f"{cost}/{units}",
        "out_pf_carry": core["carry"],
        "out_pf_swap": core["swap"],
        "out_pf_fx": core["fx"],
        "out_pf_total": f"{c['out_pf_carry']}+{c['out_pf_swap']}+{c['out_pf_fx']}",
        "out_pf_stop_spot": f"{c['out_pf_average_rate']}*(1-{sign}*{c['in_pf_stop_loss']})",
        "out_pf_stop_distance": f"{sign}*({spot}-{c['out_pf_stop_spot']})/{spot}",
        "out_pf_flags": flags,
        "out_pf_margin": f"{units}*{spot}/{c['in_pf_leverage']}",
        "out_pf_exposure": f"{sign}*{units}*{spot}*{c['in_pf_to_account']}",
    }


def _account_formulas(c: dict[str, str], words: _Words) -> dict[str, str]:
    """The position in the account currency: total, interest and FX, its share of the
    book's tax (:func:`carryxl.core.portfolio.book_tax`) and what is left after it."""
    k, interest, gain = c["in_pf_to_account"], c["out_pf_interest_account"], c["out_pf_fx_account"]
    taxed_i = _book_taxable("out_pf_interest_account", "out_pf_fx_account", words.separate)
    taxed_f = _book_taxable("out_pf_fx_account", "out_pf_interest_account", words.separate)
    share_i = f'IF({interest}>0,{interest}/SUMIF(out_pf_interest_account,">0"),0)'
    share_f = f'IF({gain}>0,{gain}/SUMIF(out_pf_fx_account,">0"),0)'
    return {
        "out_pf_total_account": f"{c['out_pf_total']}*{k}",
        "out_pf_interest_account": f"({c['out_pf_carry']}+{c['out_pf_swap']})*{k}",
        "out_pf_fx_account": f"{c['out_pf_fx']}*{k}",
        "out_pf_tax": f"in_tax_interest*{taxed_i}*{share_i}+in_tax_fx*{taxed_f}*{share_f}",
        "out_pf_after_tax": f"{interest}+{gain}-{c['out_pf_tax']}",
    }


def _risk_formulas(c: dict[str, str], r: int) -> dict[str, str]:
    """The position's VaR alone, its row of the correlation matrix times w x σ, and its
    contribution to the book's VaR (:func:`carryxl.core.portfolio.book_risk`)."""
    exposure, vol = c["out_pf_exposure"], c["in_pf_volatility"]
    root_t = "SQRT(out_horizon_years)"
    row = MATRIX_TOP + r - TOP
    return {
        "out_pf_standalone_var": f"out_book_z*ABS({exposure})*{vol}*{root_t}",
        "out_pf_marginal": f"SUMPRODUCT($F${row}:${_letter(POSITIONS)}${row},out_pf_scaled)",
        "out_pf_contribution": (
            f"out_book_z*{root_t}*{exposure}*{vol}*{c['out_pf_marginal']}/out_book_volatility"
        ),
        "out_pf_share": f"{c['out_pf_contribution']}/out_book_var",
    }


_SPILLED = (
    ("out_pf_units", "units"),
    ("out_pf_cost", "cost"),
    ("out_pf_average_rate", "average"),
    ("out_pf_fx", "pnl"),
    ("out_pf_swap", "swap"),
)
"""The udf template's columns one STAGED_POSITION call fills (side by side, in order)."""


def _staged_block() -> tuple[str, str]:
    """The udf mode's one STAGED_POSITION call for every position and measure: its area
    and formula (a position without tranches spills an empty row)."""
    words = ",".join(f'"{w}"' for _n, w in _SPILLED)
    first, last = _COL[_SPILLED[0][0]], _COL[_SPILLED[-1][0]]
    area = f"{first}{TOP}:{last}{TOP + POSITIONS - 1}"
    formula = (
        f"=STAGED_POSITION(in_tr_amount,in_tr_rate,in_pf_spot,in_pf_side,{{{words}}},"
        "in_tr_position,out_pf_number,out_tr_days,in_pf_swap_rate,in_lot_size)"
    )
    return area, formula


def _book_udf() -> dict[str, str]:
    """The udf-mode formulas of the book's risk: PORTFOLIO_VAR."""
    call = "=PORTFOLIO_VAR(out_pf_exposure,in_pf_volatility,in_correlation,out_horizon_years,"
    return {
        "out_book_volatility": call + 'in_confidence,"volatility")',
        "out_book_var": call + "in_confidence)",
        "out_book_es": call + 'in_confidence,"ES")',
        "out_book_diversification": call + 'in_confidence,"diversification")',
    }


def _positions(book: Book, ws: Worksheet, f: Form, seed: dict[str, Any]) -> None:
    """The positions table: number, inputs, then every per-position result."""
    names = [n for n, _k in _POSITION_INPUTS + _POSITION_OUTPUTS]
    header_row(book, ws, TOP - 1, 5, ["col_pf_number", *[_column_key(n) for n in names]])
    last = TOP + POSITIONS - 1
    for i in range(POSITIONS):
        r = TOP + i
        number = ws.cell(r, 5, i + 1)
        book.paint(number, "output", styles.FORMATS["integer"])
        for name, kind in _POSITION_INPUTS:
            cell = ws[f"{_COL[name]}{r}"]
            value = _in_language(book, name, seed[name][i])
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = value
            book.paint(cell, "input", styles.number_format(kind, book.lang))
        for name, formula in _position_formulas(r, _words(book)).items():
            cell = ws[f"{_COL[name]}{r}"]
            cell.value = formula
            kind = dict(_POSITION_OUTPUTS)[name]
            book.paint(cell, "output", styles.number_format(kind, book.lang))
    for name in names:
        book.define(name, ws, f"{_COL[name]}{TOP}", f"{_COL[name]}{last}")
    book.define("out_pf_number", ws, f"E{TOP}", f"E{last}")
    if book.mode == "udf":  # units to swap of every position from one call, spilled
        area, formula = _staged_block()
        for cell_row in ws[area]:
            for cell in cell_row:
                cell.value = None
        ws[area.split(":")[0]].value = ArrayFormula(area, formula)
    if book.mode == "udf":  # every contribution from one call, spilled down the column
        area = f"{_COL['out_pf_contribution']}{TOP}:{_COL['out_pf_contribution']}{last}"
        for cell_row in ws[area]:
            cell_row[0].value = None
        ws[f"{_COL['out_pf_contribution']}{TOP}"].value = ArrayFormula(
            area,
            "=PORTFOLIO_VAR(out_pf_exposure,in_pf_volatility,in_correlation,out_horizon_years,"
            'in_confidence,"contributions")',
        )
    f.validate(f"{_COL['in_pf_pair']}{TOP}:{_COL['in_pf_pair']}{last}", "=list_pairs", False)
    f.validate(f"{_COL['in_pf_side']}{TOP}:{_COL['in_pf_side']}{last}", "=list_sides")
    for offset in range(len(names) + 1):
        ws.column_dimensions[_letter(offset)].width = 12
    words = _words(book)  # both flags fit their column (a CJK character counts two)
    both = text_width(f"{words.stop_hit} {words.over_margin}") + 1.5
    ws.column_dimensions[_COL["out_pf_flags"]].width = max(12, both)


def _correlation(book: Book, ws: Worksheet, seed: dict[str, Any]) -> None:
    """The positions' correlation matrix (inputs), its pair labels, and the w x σ row."""
    put_text(ws.cell(MATRIX_TOP - 2, 5), book.t("sec_pf_correlation"))
    for col in range(5, 6 + POSITIONS):
        book.paint(ws.cell(MATRIX_TOP - 2, col), "section")
    values = seed["in_correlation"]
    for i in range(POSITIONS):
        label = f'=IF(INDEX(in_pf_pair,{i + 1})="","",INDEX(in_pf_pair,{i + 1}))'
        top = ws.cell(MATRIX_TOP - 1, 6 + i, label)
        side = ws.cell(MATRIX_TOP + i, 5, label)
        for cell in (top, side):
            book.paint(cell, "header")
        for j in range(POSITIONS):  # rows and columns without a position left empty
            cell = ws.cell(MATRIX_TOP + i, 6 + j, values[i * POSITIONS + j])
            book.paint(cell, "input", "0.0000")
        scaled = ws.cell(SCALED_ROW, 6 + i)
        pair = f"INDEX(in_pf_pair,{i + 1})"
        w_sigma = f"INDEX(out_pf_exposure,{i + 1})*N(INDEX(in_pf_volatility,{i + 1}))"
        scaled.value = f'=IF({pair}="","",{w_sigma})'
        book.paint(scaled, "output", styles.FORMATS["money"])
    put_text(ws.cell(SCALED_ROW, 5), book.t("col_pf_scaled"))
    book.paint(ws.cell(SCALED_ROW, 5), "header")
    last = _letter(POSITIONS)
    first_cell, last_cell = f"F{MATRIX_TOP}", f"{last}{MATRIX_TOP + POSITIONS - 1}"
    area = f"{first_cell}:{last_cell}"
    book.define("in_correlation", ws, first_cell, last_cell)
    # A correlation two positions need and nobody entered: marked, as a missing input is
    needed = f'AND($E{MATRIX_TOP}<>"",F${MATRIX_TOP - 1}<>"",ISBLANK(F{MATRIX_TOP}))'
    ws.conditional_formatting.add(
        area, FormulaRule(formula=[needed], fill=PatternFill("solid", bgColor=_MISSING))
    )
    book.define("out_pf_scaled", ws, f"F{SCALED_ROW}", f"{last}{SCALED_ROW}")
    book.mark_money(ws, f"F{SCALED_ROW}:{last}{SCALED_ROW}", "in_account")


_MISSING = "F8CBAD"
"""The fill of a correlation cell that two positions need and that is empty."""


def _currencies(book: Book, ws: Worksheet) -> None:
    """The book's currencies (each position's base, then each quote, once, in the order of
    the positions; the rows below blank), with the net exposure and the funding share of
    each. Formulas, so that the table follows the positions a user enters."""
    header_row(
        book, ws, TOP - 1, _CURRENCY_COL, ["col_currency", "col_fx_net", "col_fx_funding_share"]
    )
    letters = [get_column_letter(_CURRENCY_COL + k) for k in range(3)]
    first, last = TOP, TOP + CURRENCY_ROWS - 1
    for r in range(first, last + 1):
        code = f"{letters[0]}{r}"
        ws[code] = ArrayFormula(code, _distinct_leg(f"{letters[0]}${TOP - 1}:{letters[0]}{r - 1}"))
        book.paint(ws[code], "output", styles.FORMATS["text"])
        held = f"SUMPRODUCT((LEFT(in_pf_pair,3)={code})*out_pf_exposure)"
        owed = (
            f'SUMPRODUCT((RIGHT(in_pf_pair,3)={code})*(1-2*(in_pf_side="{_words(book).short}")),'
            "out_pf_cost,in_pf_to_account)"
        )
        net = ws.cell(r, _CURRENCY_COL + 1, f'=IF({code}="","",{held}-{owed})')
        book.paint(net, "output", styles.FORMATS["money"])
        funded = f"SUMPRODUCT((out_pf_funding={code})*ABS(out_pf_exposure))"
        share = f'=IF({code}="","",IF(out_book_gross=0,0,{funded}/out_book_gross))'
        book.paint(ws.cell(r, _CURRENCY_COL + 2, share), "output", styles.FORMATS["percent_short"])
    book.mark_money(ws, f"{letters[1]}{first}:{letters[1]}{last}", "in_account")
    for name, letter in zip(
        ("out_fx_currency", "out_fx_net", "out_fx_funding_share"), letters, strict=True
    ):
        book.define(name, ws, f"{letter}{first}", f"{letter}{last}")
    for letter in letters:
        ws.column_dimensions[letter].width = 12


def _distinct_leg(above: str) -> str:
    """The first currency of the book not yet in ``above`` (the table's cells above this
    one): a position's base currency, else a quote currency, else "" (an array formula)."""

    def first_new(leg: str) -> str:
        codes = f"{leg}(in_pf_pair,3)"
        return f'INDEX({codes},MATCH(0,COUNTIF({above},{codes})+(in_pf_pair=""),0))'

    return f'=IFERROR({first_new("LEFT")},IFERROR({first_new("RIGHT")},""))'


def _tranches(book: Book, ws: Worksheet, f: Form, seed: dict[str, Any]) -> None:
    """The tranche table (position number, date, rate, amount) and each tranche's P&L."""
    keys = [_column_key(n) for n, _k in _TRANCHE_INPUTS + _TRANCHE_OUTPUTS]
    header_row(book, ws, TOP - 1, _TRANCHE_COL, keys)
    number, day, rate, amount = (get_column_letter(_TRANCHE_COL + k) for k in range(4))
    first, last = TOP, TOP + TRANCHES - 1
    short = _words(book).short
    for i in range(TRANCHES):
        r = first + i
        for offset, (name, kind) in enumerate(_TRANCHE_INPUTS):
            value = seed[name][i]
            cell = ws.cell(r, _TRANCHE_COL + offset, value)
            book.paint(cell, "input", styles.number_format(kind, book.lang))
        sign = f'IF(INDEX(in_pf_side,{number}{r})="{short}",-1,1)'
        spot = f"INDEX(in_pf_spot,{number}{r})"
        days = f'=IF({number}{r}="","",in_valuation_date-{day}{r})'
        pnl = f'=IF({number}{r}="","",{sign}*({amount}{r}*{spot}-{amount}{r}*{rate}{r}))'
        book.paint(ws.cell(r, _TRANCHE_COL + 4, days), "output", styles.FORMATS["integer"])
        book.paint(ws.cell(r, _TRANCHE_COL + 5, pnl), "output", styles.FORMATS["pnl"])
    result = get_column_letter(_TRANCHE_COL + 5)
    book.mark_pnl(ws, f"{result}{first}:{result}{last}")  # in the tranche pair's quote currency
    quote = f"RIGHT(INDEX(in_pf_pair,${number}{first}),3)"
    book.mark_money(ws, f"{result}{first}:{result}{last}", quote)
    for offset, (name, _kind) in enumerate(_TRANCHE_INPUTS + _TRANCHE_OUTPUTS):
        letter = get_column_letter(_TRANCHE_COL + offset)
        book.define(name, ws, f"{letter}{first}", f"{letter}{last}")
        ws.column_dimensions[letter].width = 12
    positions = ",".join(str(i) for i in range(1, POSITIONS + 1))
    f.validate(f"{number}{first}:{number}{last}", f'"{positions}"')


def _chart(book: Book, ws: Worksheet, positions: int) -> None:
    """Stand-alone VaR and contribution to the book's VaR per position: native bars, one
    pair for each of the book's ``positions`` (the rows the preloaded book fills)."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = book.t("chart_portfolio")
    chart.style = 2
    chart.y_axis.title = book.t("col_var_account")
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.number_format = "#,##0"
    last = TOP + positions - 1
    for name in ("out_pf_standalone_var", "out_pf_contribution"):
        col = 5 + list(_COL).index(name) + 1
        chart.add_data(
            Reference(ws, min_col=col, min_row=TOP - 1, max_row=last), titles_from_data=True
        )
    pair_col = 5 + list(_COL).index("in_pf_pair") + 1
    chart.set_categories(Reference(ws, min_col=pair_col, min_row=TOP, max_row=last))
    chart.height = 9
    chart.width = 18
    ws.add_chart(chart, f"{_letter(POSITIONS + 2)}{MATRIX_TOP - 2}")
