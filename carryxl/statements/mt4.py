"""MetaTrader 4 statement (``Statement.htm`` / ``DetailedStatement.htm``) as a
:class:`Statement`.

Layout, found by structure (the words are the terminal's language):

- a header row of ``label: value`` cells: the account (digits), the holder's name (the
  cell after it), the currency (a 3-letter code), the leverage and the report's time;
- sections in this order, each a one-cell title: Closed Transactions, Open Trades,
  Working Orders, Summary (the Summary's second row starts with the Closed Trade P/L);
- trade rows: Ticket, Open Time, Type, Size, Item, Price, S/L, T/P, Close Time, Price,
  Commission, [Taxes], Swap, Profit (Taxes is missing in older builds). A trade's comment
  is the ticket cell's ``title`` (``to #124`` / ``from #123`` on partial closes: each
  part is a position of its own, with its own swap);
- left out: cancelled pending orders (type ``buy limit``, ...), archive pseudo-trades
  (prices 0, e.g. item ``profit``), and balance rows, except those commented "Financing"
  (OANDA's way of paying swap), which are **attributed** to the FX positions open at
  that time (opened before it, closed at or after it), in proportion to their lots;
  a financing row whose comment names a pair goes to positions in that pair only.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from carryxl.core.conventions import Currency
from carryxl.statements.cells import Row, instrument, number, side, text, time
from carryxl.statements.layout import Section, incomplete, sections
from carryxl.statements.records import (
    Account,
    AssetClass,
    Financing,
    Platform,
    Position,
    Statement,
)

__all__ = ["attribute_financing", "find_mt4_account", "parse_mt4"]

_LABELLED = re.compile(r"^\s*([^:：]{1,40})[:：]\s*(.*?)\s*$")
_FINANCING = ("financing", "融资", "隔夜利息", "库存费", "swap", "rollover")
_PAIR_IN_TEXT = re.compile(r"\b([A-Za-z]{3})[/]?([A-Za-z]{3})\b")


def _labelled(cell: str | float) -> str | None:
    found = _LABELLED.match(text(cell))
    return found.group(2) if found else None


def find_mt4_account(rows: list[Row]) -> tuple[int, Account] | None:
    """The MT4 header row (its index) and its account, or None."""
    for i, row in enumerate(rows[:10]):
        values = [_labelled(c) for c in row.cells]
        numbers = [k for k, v in enumerate(values) if v is not None and v.isdigit()]
        if len(row.filled()) < 3 or not numbers:
            continue
        k = numbers[0]
        currency = next((v.upper() for v in values if v and v.upper() in set(Currency)), "")
        holder = (values[k + 1] if k + 1 < len(values) else None) or ""
        report = text(row.cells[-1]) if _labelled(row.cells[-1]) is None else ""
        return i, Account(
            platform=Platform.MT4,
            number=values[k] or "",
            holder=holder,
            currency=currency,
            report_time=report,
        )
    return None


def _float(cell: str | float) -> float:
    value = number(cell)
    return 0.0 if value is None else value


def _trades(section: Section) -> tuple[list[Position], list[Financing], list[str], float]:
    taxes = section.columns >= 14
    positions: list[Position] = []
    financing: list[Financing] = []
    skipped: list[str] = []
    archived = 0.0
    for row in section.rows:
        opened = time(row.at(1))
        if opened is None:
            continue
        ticket = text(row.at(0))
        direction = side(row.at(2))
        if direction is None:
            kind = text(row.at(2)).lower()
            comment = " ".join(text(c) for c in row.cells[3:-1])
            if kind == "balance" and any(w in comment.lower() for w in _FINANCING):
                financing.append(Financing(opened, _float(row.cells[-1]), comment))
            elif kind != "balance":
                skipped.append(f"{ticket} ({text(row.at(2))}: not a position)")
            continue
        closed = time(row.at(8))
        open_price, close_price = _float(row.at(5)), _float(row.at(9))
        if closed is None or (open_price == 0.0 and close_price == 0.0):
            skipped.append(f"{ticket} ({text(row.at(4))}: prices 0, an archive summary row)")
            archived += sum(_float(c) for c in row.cells[10:])
            continue
        symbol = text(row.at(4))
        pair, asset = instrument(symbol)
        money = 10
        positions.append(
            Position(
                ticket=ticket,
                symbol=symbol,
                pair=pair,
                asset_class=asset,
                side=direction,
                lots=_float(row.at(3)),
                open_time=opened,
                close_time=closed,
                open_price=open_price,
                close_price=close_price,
                commission=_float(row.at(money)),
                fee=_float(row.at(money + 1)) if taxes else 0.0,
                swap=_float(row.at(money + 1 + int(taxes))),
                profit=_float(row.at(money + 2 + int(taxes))),
                comment=row.note(0),
            )
        )
    return positions, financing, skipped, archived


def _named_pair(comment: str) -> str | None:
    for base, quote in _PAIR_IN_TEXT.findall(comment):
        pair, kind = instrument(base + quote)
        if kind is AssetClass.FX:
            return pair
    return None


def attribute_financing(
    positions: list[Position], financing: list[Financing]
) -> tuple[list[Position], float]:
    """``positions`` with each financing row shared among the FX positions open at its time
    (pro rata to lots; only the named pair's if the comment names one); also the amount no
    position was open to take."""
    shares = np.zeros(len(positions))
    left = 0.0
    opens = np.array([p.open_time for p in positions], dtype="datetime64[s]")
    closes = np.array([p.close_time for p in positions], dtype="datetime64[s]")
    lots = np.array([p.lots for p in positions], dtype=float)
    fx = np.array([p.asset_class is AssetClass.FX for p in positions], dtype=bool)
    pairs = np.array([p.pair or "" for p in positions], dtype=object)
    for row in financing:
        held = fx & (opens < row.time) & (closes >= row.time) if positions else fx
        named = _named_pair(row.comment)
        if named is not None:
            held = held & (pairs == named)
        weight = lots * held
        if weight.sum() <= 0.0:
            left += row.amount
            continue
        shares += row.amount * weight / weight.sum()
    updated = [
        replace(p, financing=round(p.financing + float(s), 10)) if s else p
        for p, s in zip(positions, shares, strict=True)
    ]
    return updated, left


def parse_mt4(rows: list[Row], source: str, layout: str) -> Statement:
    """The statement in ``rows`` (an MT4 statement), or a one-line refusal naming what is
    missing."""
    located = find_mt4_account(rows)
    if located is None:
        raise incomplete(source, "MetaTrader 4", "no header row with 'Account: N'")
    start, account = located
    found = sections(rows[start + 1 :])
    tables = [s for s in found if s.header is not None]
    if not tables:
        raise incomplete(source, "MetaTrader 4", "no Closed Transactions table")
    closed = tables[0]
    if closed.columns < 13:
        rule = f"its Closed Transactions table has {closed.columns} columns, not 13 or more"
        raise incomplete(source, "MetaTrader 4", rule)
    summary = [s for s in found[found.index(closed) + 1 :] if s.header is None and s.rows]
    if not summary:
        raise incomplete(source, "MetaTrader 4", "no Summary block after the tables")
    block = summary[0].rows  # DetailedStatement.htm adds a Details block after it
    net_profit = None
    if len(block) >= 2:
        values = [number(c) for c in block[1].cells if number(c) is not None]
        net_profit = values[0] if values else None
    if net_profit is None:
        raise incomplete(source, "MetaTrader 4", "no Closed Trade P/L in the Summary block")
    positions, financing, skipped, archived = _trades(closed)
    positions, left = attribute_financing(positions, financing)
    still_open = 0
    if len(tables) > 1:
        still_open = sum(1 for r in tables[1].rows if time(r.at(1)) is not None and side(r.at(2)))
    return Statement(
        account=account,
        positions=tuple(positions),
        source=source,
        layout=layout,
        open_positions=still_open,
        net_profit=net_profit,
        financing=tuple(financing),
        unattributed_financing=round(left, 10),
        skipped=tuple(skipped),
        archived_profit=round(archived, 10),
    )
