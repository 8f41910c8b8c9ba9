"""A book as typed records: positions built in tranches, what every edge (a CSV, a
workbook, the template's seed) turns its text into before anything is valued.

Rates are decimals a year (0.045 for 4.5%), money is in the pair's quote currency, the
swap is the broker's figure for the position's side in quote money per lot of
``lot_size`` base units per night (credit positive). ``None`` means "from the market
data": an entry rate is then the fixing of the tranche's date, a spot or account rate
the fixing of the valuation date, an interest rate the policy rate in force that day,
a volatility the window's realised volatility, a day-count basis the currency's default.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from carryxl.core.conventions import Pair
from carryxl.core.defaults import LOT_SIZE

__all__ = ["BookPosition", "Tranche"]


@dataclass(frozen=True)
class Tranche:
    """One purchase: ``amount`` base units on ``date`` at ``rate`` (quote per base)."""

    date: np.datetime64
    amount: float
    rate: float | None = None


@dataclass(frozen=True)
class BookPosition:
    """One position of a book: its pair, side (+1 long the base, -1 short), tranches and
    settings. See the module doc for what ``None`` means."""

    pair: Pair
    side: int
    tranches: tuple[Tranche, ...]
    stop_loss: float = 0.03
    leverage: float = 1.0
    rate_base: float | None = None
    rate_quote: float | None = None
    basis_base: float | None = None
    basis_quote: float | None = None
    swap: float = 0.0
    lot_size: float = LOT_SIZE
    spot: float | None = None
    to_account: float | None = None
    volatility: float | None = None

    @property
    def funding(self) -> str:
        """The currency the position borrows: the quote for a long, the base for a short."""
        return str(self.pair.quote if self.side > 0 else self.pair.base)
