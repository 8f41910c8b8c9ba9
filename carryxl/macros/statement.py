"""The Import statement button: a MetaTrader statement into the Statement sheet.

Asks for the file (Excel's file dialog; ``carryxl run statement BOOK --file REPORT``
gives it), reads and analyses it as ``carryxl statement`` does (:mod:`carryxl.statements`,
policy rates from the user's data folder, ECB rates for crosses) and writes one closed
position a row, by close time, into ``in_st_table``, with the account currency and the
file's name and layout; the sheet's totals and chart follow by formulas. The ranges are
written only while they are empty or hold what carryxl last wrote there.
"""

from __future__ import annotations

from pathlib import Path

from carryxl.core.errors import CarryxlError, Described
from carryxl.history.store import load_policy_rates
from carryxl.macros.book import Book, Grid
from carryxl.macros.contract import IN_ST_CURRENCY, IN_ST_SOURCE, IN_ST_TABLE
from carryxl.macros.ownership import Write, apply_writes
from carryxl.statements import PositionResult, analyse, read_statement
from carryxl.statements.conversion import convert_by_ecb

__all__ = ["import_statement", "table_rows"]

_FILTER = "MetaTrader statements (*.htm;*.html;*.xlsx),*.htm;*.html;*.xlsx"


def _side(side: int) -> str:
    return "long" if side > 0 else "short"


def _row(r: PositionResult) -> list[object]:
    p = r.position
    return [
        p.ticket,
        p.symbol,
        p.pair or "",
        _side(p.side),
        p.lots,
        str(p.open_time).replace("T", " "),
        str(p.close_time).replace("T", " "),
        r.nights,
        p.profit,
        p.carry,
        p.commission + p.fee,
        r.swap_per_lot_night_quote,
        r.implied_rate,
        r.policy_differential,
        None if r.markup_bp is None else round(r.markup_bp, 6),
        "stale" if r.stale else "",
    ]


def table_rows(results: tuple[PositionResult, ...], size: int, width: int) -> Grid:
    """The table's rows, by close time, each ending with the cumulative price P&L and swap
    up to it; padded with empty rows to ``size``."""
    ordered = sorted(results, key=lambda r: (r.position.close_time, r.position.ticket))
    rows: Grid = []
    profit = carry = 0.0
    for r in ordered:
        profit += r.position.profit
        carry += r.position.carry
        rows.append([*_row(r), round(profit, 8), round(carry, 8)])
    return rows + [[None] * width for _ in range(size - len(rows))]


def import_statement(book: Book) -> None:
    """Fill the Statement sheet from the file the user chooses."""
    chosen = book.choose_file("carryxl: choose a MetaTrader statement", _FILTER)
    if chosen is None:
        book.notify("no statement chosen: nothing was changed")
        return
    path = Path(chosen)
    if not path.is_file():
        raise CarryxlError("statement", Described(chosen), "is not a file")
    book.progress(f"reading {path.name}")
    statement = read_statement(path)
    analysis = analyse(statement, load_policy_rates(), convert=convert_by_ecb)
    shape = book.read(IN_ST_TABLE)
    size, width = len(shape), len(shape[0]) if shape else 0
    if len(analysis.positions) > size:
        raise CarryxlError(
            "statement",
            Described(f"{path.name}: {len(analysis.positions)} positions"),
            f"has more closed positions than the table's {size} rows; use "
            "carryxl statement FILE --json for the whole statement",
        )
    source = f"{statement.file_name()}: {statement.layout}"
    apply_writes(
        book,
        [
            Write(IN_ST_SOURCE, [[source]]),
            Write(IN_ST_CURRENCY, [[statement.account.currency]]),
            Write(IN_ST_TABLE, table_rows(analysis.positions, size, width)),
        ],
    )
    book.calculate()
    t = analysis.account
    book.notify(
        f"{len(analysis.positions)} closed positions from {source}; price P&L "
        f"{t.profit:,.2f}, swap {t.swap:,.2f}, commission {t.commission + t.fee:,.2f} "
        f"{statement.account.currency}"
    )
