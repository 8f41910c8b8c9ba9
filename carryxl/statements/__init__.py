"""Broker statements (MetaTrader 4 and 5): read a trader's own positions and split each
one's P&L into price and carry, and measure the broker's swap against the central banks.

- :func:`read_statement` reads MT5 HTML/XLSX reports and MT4 HTML statements into
  :class:`Statement` records (never changing the file);
- :func:`analyse` gives each position's nights, swap per lot per night, implied annual rate,
  the policy-rate differential over its holding and the broker's markup, and totals by pair
  and side and for the account.

Layer: between :mod:`carryxl.history` (policy rates) and the command line / Excel glue.
"""

from __future__ import annotations

from carryxl.statements.analysis import (
    Analysis,
    GroupResult,
    PositionResult,
    analyse,
)
from carryxl.statements.reader import read_statement
from carryxl.statements.records import (
    Account,
    AssetClass,
    Financing,
    Platform,
    Position,
    Statement,
)

__all__ = [
    "Account",
    "Analysis",
    "AssetClass",
    "Financing",
    "GroupResult",
    "Platform",
    "Position",
    "PositionResult",
    "Statement",
    "analyse",
    "read_statement",
]
