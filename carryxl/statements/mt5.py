"""MetaTrader 5 "Trade History Report" (HTML or XLSX rows) as a :class:`Statement`.

Layout, found by structure (:mod:`carryxl.statements.layout`), never by English words:

- header rows ``label | value``; the account's value reads
  ``N (CCY, Server, demo|real, Hedge|Netting)``; the holder's name is the row before it,
  the company the row after it;
- tables in this order: Positions, Orders, Deals, Open Positions, (Working Orders); then
  the Results block, whose first number is the Total Net Profit;
- Positions columns: Time, Position, Symbol, Type, Volume, Price, S/L, T/P, Time, Price,
  Commission, Swap, Profit (HTML's hidden comment cell is dropped by the reader);
- Deals columns: Time, Deal, Symbol, Type, Direction, Volume, Price, Order, Commission,
  [Fee], Swap, Profit, Balance, Comment (Fee is missing in older reports).

A **netting** account's positions are rebuilt from its Deals: per symbol, a position opens
when the net volume leaves zero and closes when it returns there (a deal that crosses zero
closes one and opens the next); its commission, fee, swap and profit are the sums over its
deals, its lots the volume opened, its prices volume-weighted. The direction column is not
read (the net volume says whether a deal opens or closes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from carryxl.statements.cells import Row, instrument, number, side, text, time
from carryxl.statements.layout import Section, incomplete, sections
from carryxl.statements.records import Account, Platform, Position, Statement

__all__ = [
    "ACCOUNT",
    "find_account",
    "netting_positions",
    "parse_mt5",
]

ACCOUNT = re.compile(
    r"^\s*(\d+)\s*\(\s*([A-Za-z]{3})\s*(?:,\s*([^,()]*?)\s*)?(?:,\s*([^,()]*?)\s*)?(?:,\s*([^,()]*?)\s*)?\)"
)
_NETTING = ("netting", "net", "单边", "净额", "ネッティング")
_HEDGING = ("hedge", "hedging", "对冲", "锁仓", "ヘッジ")
_EPSILON = 1e-9


def _mode(word: str) -> str:
    low = word.strip().lower()
    if low in _NETTING or low.startswith("net"):
        return "netting"
    if low in _HEDGING or low.startswith("hedg"):
        return "hedging"
    return low


def find_account(rows: list[Row]) -> tuple[int, Account] | None:
    """The MT5 header's account row (its index) and the account it describes, or None."""
    for i, row in enumerate(rows[:40]):
        filled = row.filled()
        if len(filled) != 2:
            continue
        found = ACCOUNT.match(text(filled[1]))
        if found is None:
            continue
        number_, currency, server, kind, mode = found.groups()

        def value(j: int) -> str:
            if 0 <= j < len(rows) and len(rows[j].filled()) == 2:
                return text(rows[j].filled()[1])
            return ""

        report = next(
            (value(j) for j in range(i + 1, min(i + 4, len(rows))) if time(value(j)) is not None),
            "",
        )
        return i, Account(
            platform=Platform.MT5,
            number=number_,
            holder=value(i - 1),
            currency=currency.upper(),
            server=server or "",
            company=value(i + 1),
            kind=(kind or "").lower(),
            margin_mode=_mode(mode or ""),
            report_time=report,
        )
    return None


def _float(cell: str | float) -> float:
    value = number(cell)
    return 0.0 if value is None else value


def _positions(section: Section) -> list[Position]:
    found = []
    for row in section.rows:
        opened, closed, direction = time(row.at(0)), time(row.at(8)), side(row.at(3))
        if opened is None or closed is None or direction is None:
            continue
        symbol = text(row.at(2))
        pair, kind = instrument(symbol)
        found.append(
            Position(
                ticket=text(row.at(1)),
                symbol=symbol,
                pair=pair,
                asset_class=kind,
                side=direction,
                lots=_float(row.at(4)),
                open_time=opened,
                close_time=closed,
                open_price=_float(row.at(5)),
                close_price=_float(row.at(9)),
                commission=_float(row.at(10)),
                swap=_float(row.at(11)),
                profit=_float(row.at(12)),
            )
        )
    return found


@dataclass(frozen=True)
class _Deal:
    time: np.datetime64
    order: str
    symbol: str
    side: int  # 0 for balance, credit and other non-trading rows
    volume: float
    price: float
    commission: float
    fee: float
    swap: float
    profit: float


def _deals(section: Section) -> list[_Deal]:
    fee = section.columns >= 14  # Time ... Commission, Fee, Swap, Profit, Balance, Comment
    money = 8
    found = []
    for row in section.rows:
        when = time(row.at(0))
        if when is None:
            continue
        offset = 1 if fee else 0
        found.append(
            _Deal(
                time=when,
                order=text(row.at(7)),
                symbol=text(row.at(2)),
                side=side(row.at(3)) or 0,
                volume=_float(row.at(5)),
                price=_float(row.at(6)),
                commission=_float(row.at(money)),
                fee=_float(row.at(money + 1)) if fee else 0.0,
                swap=_float(row.at(money + 1 + offset)),
                profit=_float(row.at(money + 2 + offset)),
            )
        )
    return found


@dataclass
class _Open:
    """A netting position being rebuilt."""

    ticket: str
    opened: np.datetime64
    side: int
    net: float = 0.0
    lots: float = 0.0
    open_value: float = 0.0
    closed_lots: float = 0.0
    close_value: float = 0.0
    money: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0, 0.0])

    def close(self, symbol: str, when: np.datetime64) -> Position:
        pair, kind = instrument(symbol)
        return Position(
            ticket=self.ticket,
            symbol=symbol,
            pair=pair,
            asset_class=kind,
            side=self.side,
            lots=round(self.lots, 8),
            open_time=self.opened,
            close_time=when,
            open_price=self.open_value / self.lots if self.lots else 0.0,
            close_price=self.close_value / self.closed_lots if self.closed_lots else 0.0,
            commission=self.money[0],
            fee=self.money[1],
            swap=self.money[2],
            profit=self.money[3],
        )


def netting_positions(deals: list[_Deal]) -> tuple[list[Position], int]:
    """Positions rebuilt from a netting account's deals; also how many are still open."""
    state: dict[str, _Open] = {}
    closed: list[Position] = []
    for deal in deals:
        if not deal.side or deal.volume <= 0:
            continue
        signed = deal.side * deal.volume
        held = state.get(deal.symbol)
        if held is None:
            held = state[deal.symbol] = _Open(deal.order, deal.time, deal.side)
        for k, amount in enumerate((deal.commission, deal.fee, deal.swap, deal.profit)):
            held.money[k] += amount
        if held.net == 0.0 or np.sign(held.net) == deal.side:
            held.net += signed
            held.lots += deal.volume
            held.open_value += deal.volume * deal.price
            continue
        closing = min(deal.volume, abs(held.net))
        held.closed_lots += closing
        held.close_value += closing * deal.price
        held.net += deal.side * closing
        if abs(held.net) > _EPSILON:
            continue
        closed.append(held.close(deal.symbol, deal.time))
        rest = deal.volume - closing
        if rest > _EPSILON:  # the deal crossed zero: it opens the next position
            state[deal.symbol] = _Open(
                deal.order,
                deal.time,
                deal.side,
                signed / deal.volume * rest,
                rest,
                rest * deal.price,
            )
        else:
            del state[deal.symbol]
    return closed, len(state)


def _results(found: list[Section], after: int) -> float | None:
    for section in found[after:]:
        if section.header is None and section.rows:
            first = section.rows[0]
            values = [number(c) for c in first.cells if number(c) is not None]
            return values[0] if values else None
    return None


def parse_mt5(rows: list[Row], source: str, layout: str) -> Statement:
    """The statement in ``rows`` (an MT5 report), or a one-line refusal naming what is
    missing."""
    located = find_account(rows)
    if located is None:
        raise incomplete(source, "MetaTrader 5", "no account row (N (CCY, server, ...))")
    start, account = located
    found = sections(rows[start + 1 :])
    tables = [s for s in found if s.header is not None]
    names = ("Positions", "Orders", "Deals", "Open Positions")
    if len(tables) < len(names):
        missing = ", ".join(names[len(tables) :])
        raise incomplete(source, "MetaTrader 5", f"no {missing} table")
    positions_table, deals_table, open_table = tables[0], tables[2], tables[3]
    for name, table in (("Positions", positions_table), ("Deals", deals_table)):
        if table.columns < 13:
            rule = f"its {name} table has {table.columns} columns, not 13 or more"
            raise incomplete(source, "MetaTrader 5", rule)
    last_table = found.index(tables[-1])
    net_profit = _results(found, last_table + 1)
    if net_profit is None:
        raise incomplete(source, "MetaTrader 5", "no Results block after the tables")
    deals = _deals(deals_table)
    trading = [d for d in deals if d.side]
    deals_net = sum(d.commission + d.fee + d.swap + d.profit for d in trading)
    if account.margin_mode == "netting":
        positions, still_open = netting_positions(trading)
    else:
        positions = _positions(positions_table)
        still_open = sum(1 for r in open_table.rows if time(r.at(0)) is not None)
    return Statement(
        account=account,
        positions=tuple(positions),
        source=source,
        layout=layout,
        open_positions=still_open,
        net_profit=net_profit,
        deals_net=round(deals_net, 8),
    )
