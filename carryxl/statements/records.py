"""What a broker statement holds, as typed frozen records (parsed once, at the edge).

Times are the broker's **server time** as the statement prints it (no zone is given);
they are kept as naive ``numpy.datetime64[s]``. Money is in the **account currency**
unless a field's name says otherwise; lots are the terminal's lots (100,000 base units
for FX).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

__all__ = [
    "Account",
    "AssetClass",
    "Financing",
    "Platform",
    "Position",
    "Statement",
]


class Platform(StrEnum):
    """The terminal that wrote the statement."""

    MT4 = "MT4"
    MT5 = "MT5"


class AssetClass(StrEnum):
    """What a symbol trades: FX pairs are analysed for carry; the others are reported apart."""

    FX = "fx"
    METAL = "metal"
    CFD = "cfd"


@dataclass(frozen=True)
class Account:
    """The statement's header. ``number`` and ``holder`` are private: printed only on request."""

    platform: Platform
    number: str
    holder: str
    currency: str
    server: str = ""
    company: str = ""
    kind: str = ""  # "demo" or "real" as the terminal wrote it ("" when not given)
    margin_mode: str = ""  # "hedging" or "netting" (MT5); "" when not given
    report_time: str = ""


@dataclass(frozen=True)
class Position:
    """One closed position (or closed part of one), as the statement reports it.

    ``swap`` is the broker's rollover money (+ = credit); ``financing`` is money the broker
    booked apart (MT4 balance rows commented "Financing") and attributed to this position;
    ``profit`` is the price P&L; ``fee`` is MT5's Fee or MT4's Taxes.
    """

    ticket: str
    symbol: str
    pair: str | None  # "USD/JPY" for an FX symbol, None for metals and CFDs
    asset_class: AssetClass
    side: int  # +1 long (buy), -1 short (sell)
    lots: float
    open_time: np.datetime64
    close_time: np.datetime64
    open_price: float
    close_price: float
    commission: float
    swap: float
    profit: float
    fee: float = 0.0
    financing: float = 0.0
    comment: str = ""

    @property
    def carry(self) -> float:
        """Swap plus attributed financing (account currency)."""
        return self.swap + self.financing


@dataclass(frozen=True)
class Financing:
    """A balance row the broker booked as financing (OANDA's way of paying swap)."""

    time: np.datetime64
    amount: float
    comment: str


@dataclass(frozen=True)
class Statement:
    """A parsed statement: the account, its closed positions and the file's own totals.

    ``net_profit`` is the file's Results / Summary figure (MT5 "Total Net Profit", MT4
    "Closed Trade P/L"), ``deals_net`` the sum of profit, swap, commission and fee over
    the trading deals (MT5), kept so a reader can be checked against the file itself.
    """

    account: Account
    positions: tuple[Position, ...]
    source: str
    layout: str  # e.g. "MT5 HTML (UTF-16LE)", "MT5 XLSX", "MT4 HTML"
    open_positions: int = 0
    net_profit: float | None = None
    deals_net: float | None = None
    financing: tuple[Financing, ...] = ()
    unattributed_financing: float = 0.0
    archived_profit: float = 0.0  # MT4 archive pseudo-trades: in the file's total, not positions
    skipped: tuple[str, ...] = field(default_factory=tuple)

    def file_name(self, show_account: bool = False) -> str:
        """The file's name as outputs show it: the account number (MT5 names its reports
        ``ReportHistory-N``) and the holder's name replaced by ``…`` unless ``show_account``."""
        name = self.source
        if show_account:
            return name
        for private in (self.account.number, self.account.holder):
            if private and len(private) >= 3:
                name = name.replace(private, "…")
        return name
