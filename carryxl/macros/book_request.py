"""A portfolio workbook's book as a :class:`~carryxl.history.valuation.BookRequest`, and the
valued book as a sheet: what the Book risk button values and writes.

Read from the workbook's names (the portfolio template's): the positions table
(``in_pf_pair`` ... ``in_pf_swap_rate``, a row per position, blank pair: no position),
the tranche table (``in_tr_position`` 1, 2 ... the position's row, ``in_tr_date``,
``in_tr_rate`` (empty: the fixing of its date), ``in_tr_amount``), the correlation matrix
and the settings. An empty spot, account rate, interest rate, day-count basis or
volatility cell is taken from the market data, as ``carryxl portfolio`` does; the
horizon in years is x 252 trading days.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core.conventions import Currency, Pair
from carryxl.core.defaults import TRADING_DAYS
from carryxl.core.errors import CarryxlError
from carryxl.core.positions import BookPosition, Tranche
from carryxl.core.sides import side_sign
from carryxl.core.tax import LossOffset
from carryxl.history.data import parse_date_cell
from carryxl.history.valuation import BookRequest, BookValuation
from carryxl.macros import contract as c
from carryxl.macros.book import Book, Cell
from carryxl.macros.inputs import number, single_value

__all__ = ["BOOK_RISK_TITLE", "book_risk_cells", "read_book_request"]

BOOK_RISK_TITLE = "Book risk"


def _column(book: Book, name: str) -> list[Any]:
    return [None if not row or row[0] == "" else row[0] for row in book.read(name)]


def _optional_number(name: str, row: int, value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CarryxlError(f"{name}[{row + 1}]", value, "must be a number")
    return float(value)


def _number_at(name: str, row: int, value: Any, default: float) -> float:
    found = _optional_number(name, row, value)
    return default if found is None else found


def read_book_request(book: Book) -> BookRequest:
    """The workbook's positions, tranches, correlations and settings, typed."""
    pairs = _column(book, c.IN_PF_PAIR)
    used = [i for i, p in enumerate(pairs) if p is not None]
    if not used:
        raise CarryxlError(c.IN_PF_PAIR, None, "holds no pair; enter the positions first")
    column = {name: _column(book, name) for name in c.PF_POSITION_COLUMNS}
    lot = number(book, c.IN_LOT_SIZE)
    tranches: dict[int, list[Tranche]] = {i: [] for i in used}
    numbers = _column(book, c.IN_TR_POSITION)
    dates, rates = _column(book, c.IN_TR_DATE), _column(book, c.IN_TR_RATE)
    amounts = _column(book, c.IN_TR_AMOUNT)
    for k, at in enumerate(numbers):
        if at is None:
            continue
        row = int(_number_at(c.IN_TR_POSITION, k, at, 0.0)) - 1
        if row not in tranches:
            raise CarryxlError(f"{c.IN_TR_POSITION}[{k + 1}]", at, "must name a row with a pair")
        amount = _optional_number(c.IN_TR_AMOUNT, k, amounts[k])
        if amount is None:
            raise CarryxlError(f"{c.IN_TR_AMOUNT}[{k + 1}]", None, "is empty; enter the amount")
        tranches[row].append(
            Tranche(
                date=parse_date_cell(dates[k], f"{c.IN_TR_DATE}[{k + 1}]"),
                amount=amount,
                rate=_optional_number(c.IN_TR_RATE, k, rates[k]),
            )
        )
    positions = []
    for i in used:
        if not tranches[i]:
            raise CarryxlError(f"{c.IN_PF_PAIR}[{i + 1}]", pairs[i], "has no tranche")

        def cell(name: str, i: int = i) -> float | None:
            return _optional_number(name, i, column[name][i])

        positions.append(
            BookPosition(
                pair=Pair.parse(str(pairs[i]), f"{c.IN_PF_PAIR}[{i + 1}]"),
                side=int(side_sign(column[c.IN_PF_SIDE][i] or "long", c.IN_PF_SIDE)),
                tranches=tuple(tranches[i]),
                stop_loss=_number_at(c.IN_PF_STOP_LOSS, i, column[c.IN_PF_STOP_LOSS][i], 0.03),
                leverage=_number_at(c.IN_PF_LEVERAGE, i, column[c.IN_PF_LEVERAGE][i], 1.0),
                rate_base=cell(c.IN_PF_RATE_BASE),
                rate_quote=cell(c.IN_PF_RATE_QUOTE),
                basis_base=cell(c.IN_PF_BASIS_BASE),
                basis_quote=cell(c.IN_PF_BASIS_QUOTE),
                swap=_number_at(c.IN_PF_SWAP_RATE, i, column[c.IN_PF_SWAP_RATE][i], 0.0),
                lot_size=lot,
                spot=cell(c.IN_PF_SPOT),
                to_account=cell(c.IN_PF_TO_ACCOUNT),
                volatility=cell(c.IN_PF_VOLATILITY),
            )
        )
    grid = book.read(c.IN_CORRELATION)
    try:
        matrix = np.array([[float(grid[i][j]) for j in used] for i in used], dtype=np.float64)
    except (TypeError, ValueError):
        rule = "must hold a number for every two positions (clear it and run Book risk)"
        raise CarryxlError(c.IN_CORRELATION, None, rule) from None
    return BookRequest(
        positions=tuple(positions),
        date=parse_date_cell(single_value(book, c.IN_PF_VALUATION_DATE), c.IN_PF_VALUATION_DATE),
        account=Currency.parse(str(single_value(book, c.IN_PF_ACCOUNT)), c.IN_PF_ACCOUNT),
        start=parse_date_cell(single_value(book, c.IN_WINDOW_START), c.IN_WINDOW_START),
        end=parse_date_cell(single_value(book, c.IN_WINDOW_END), c.IN_WINDOW_END),
        confidence=number(book, c.IN_CONFIDENCE),
        horizon_days=number(book, c.IN_HORIZON_YEARS) * TRADING_DAYS,
        tax_interest=number(book, c.IN_TAX_INTEREST),
        tax_fx=number(book, c.IN_TAX_FX),
        offset=LossOffset.parse(str(single_value(book, c.IN_TAX_OFFSET)), c.IN_TAX_OFFSET),
        threshold=number(book, c.IN_CONCENTRATION_THRESHOLD),
        correlation=matrix,
    )


POSITION_HEADER = (
    "Position",
    "Tranches",
    "Currency",
    "Carry",
    "Swap",
    "FX P&L",
    "Total",
    "Margin",
    "Stop",
    "To stop",
    "Loss > margin",
    "Total ({account})",
    "Tax ({account})",
    "After tax ({account})",
    "Stand-alone VaR ({account})",
    "Contribution ({account})",
    "Share of VaR",
)


def book_risk_cells(v: BookValuation) -> list[tuple[str, Cell]]:
    """The valued book as cells of a new sheet: the book's figures (account currency), then
    one row per position (quote-currency money with its code beside it), then the net
    exposure per currency."""
    ccy = str(v.account)
    b, risk = v.positions, v.risk
    fixing = "" if v.fixing == v.date else f" (no fixing that day: the fixing of {v.fixing})"
    cells: list[tuple[str, Cell]] = [
        ("A1", f"Book valued on {v.date}{fixing}, {v.source}; account currency {ccy}"),
        ("A2", f"Risk model: {v.model}"),
    ]
    summary = (
        ("Total P&L", float(np.sum(b.total_account)), ccy),
        ("Tax for the book", float(np.sum(b.tax.tax)), ccy),
        ("After tax", float(np.sum(b.tax.after_tax)), ccy),
        ("Margin used", float(np.sum(b.margin_account)), ccy),
        ("Gross exposure", float(np.sum(np.abs(b.exposure_account))), ccy),
        (f"VaR {v.request.confidence:.1%}, {v.request.horizon_days:g} days", risk.var, ccy),
        ("Expected shortfall", risk.es, ccy),
        ("Sum of stand-alone VaRs", float(np.sum(risk.standalone_var)), ccy),
        ("Diversification ratio", risk.diversification_ratio, ""),
    )
    for r, (label, value, unit) in enumerate(summary, start=4):
        cells += [(f"A{r}", label), (f"B{r}", float(value)), (f"C{r}", unit)]
    top = 5 + len(summary)
    columns = [chr(ord("A") + k) for k in range(len(POSITION_HEADER))]
    cells += [
        (f"{col}{top}", text.format(account=ccy))
        for col, text in zip(columns, POSITION_HEADER, strict=True)
    ]
    for j, p in enumerate(v.request.positions):
        row: list[Cell] = [
            f"{'long' if p.side > 0 else 'short'} {p.pair}",
            len(p.tranches),
            str(p.pair.quote),
            float(b.carry[j]),
            float(b.swap[j]),
            float(b.fx[j]),
            float(b.total[j]),
            float(b.margin[j]),
            float(b.stop_spot[j]),
            "STOP HIT" if b.stop_hit[j] else float(b.stop_distance[j]),
            "LOSS > MARGIN" if b.margin_exceeded[j] else "",
            float(b.total_account[j]),
            float(b.tax.tax[j]),
            float(b.tax.after_tax[j]),
            float(risk.standalone_var[j]),
            float(risk.contributions[j]),
            float(risk.shares[j]),
        ]
        cells += [(f"{col}{top + 1 + j}", x) for col, x in zip(columns, row, strict=True)]
    low = top + 2 + len(v.request.positions)
    cells += [(f"A{low}", "Currency"), (f"B{low}", f"Net ({ccy}; held +, owed -)")]
    for k, (code, net) in enumerate(zip(v.exposure.currencies, v.exposure.net, strict=True)):
        cells += [(f"A{low + 1 + k}", code), (f"B{low + 1 + k}", float(net))]
    return cells
