"""Cells of a statement's table read into typed values: numbers, server times, sides,
symbols. Text is read, never evaluated.

- Numbers: HTML statements separate thousands with spaces (``10 000.00``); a cell such as
  ``0.01 / 0.01`` (MT5 Orders) reads as its first number.
- Times: ``YYYY.MM.DD HH:MM[:SS]`` (the terminal's form), broker server time, no zone.
- Sides: ``buy`` / ``sell`` and the words some terminals write instead (买入 / 卖出 ...).
- Symbols: broker suffixes and prefixes are removed (``USDJPY.m``, ``audjpy.``,
  ``usdjpy-2``, ``EURUSD_m``, ``#EURUSDm``; ``EUR/USD`` as some brokers write it); two
  currencies carryxl knows make an FX pair, XAU/XAG/XPT/XPD a metal, anything else a CFD
  (never priced as FX).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass

import numpy as np

from carryxl.core.conventions import Currency
from carryxl.statements.records import AssetClass

__all__ = [
    "Cell",
    "Row",
    "instrument",
    "is_time",
    "number",
    "side",
    "text",
    "time",
]

Cell = str | float
"""A cell as read: text (HTML, XLSX text) or a number (XLSX numbers)."""


@dataclass(frozen=True)
class Row:
    """One table row: its visible cells (hidden ones dropped) and each cell's note (an HTML
    ``title`` attribute, where MT4 writes a trade's comment)."""

    cells: tuple[Cell, ...]
    notes: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.cells)

    def filled(self) -> list[Cell]:
        """The non-empty cells."""
        return [c for c in self.cells if not (isinstance(c, str) and not c.strip())]

    def at(self, index: int) -> Cell:
        """The cell at ``index``, or empty text past the row's end."""
        return self.cells[index] if index < len(self.cells) else ""

    def note(self, index: int) -> str:
        """The note of the cell at ``index`` ("" if none)."""
        return self.notes[index] if index < len(self.notes) else ""


_SPACES = re.compile(r"[\s\u00a0\u2009\u202f']")
_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_TIME = re.compile(r"(\d{4})[.\-/](\d{2})[.\-/](\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def text(cell: Cell) -> str:
    """The cell as stripped text (a number as Python writes it)."""
    if isinstance(cell, float):
        return f"{cell:g}"
    return cell.strip()


def number(cell: Cell) -> float | None:
    """The cell's number (thousands spaces removed; ``0.01 / 0.01`` -> 0.01), or None."""
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        return float(cell)
    if not isinstance(cell, str):
        return None
    try:  # the common case, "1.09304" (float() also takes "nan" and "inf": not numbers here)
        value = float(cell)
    except ValueError:
        pass
    else:
        return value if math.isfinite(value) and "_" not in cell else None
    compact = _SPACES.sub("", cell.split("/")[0]).replace("\u2212", "-")
    if not compact:
        return None
    found = _NUMBER.fullmatch(compact)
    return float(compact) if found else None


def time(cell: Cell | dt.datetime) -> np.datetime64 | None:
    """A server time ``YYYY.MM.DD HH:MM[:SS]`` (or a date alone) as datetime64[s], or None."""
    if isinstance(cell, dt.datetime):
        return np.datetime64(cell.replace(tzinfo=None), "s")
    if not isinstance(cell, str):
        return None
    found = _TIME.fullmatch(cell.strip())
    if found is None:
        return None
    y, m, d, hh, mm, ss = found.groups()
    try:
        return np.datetime64(f"{y}-{m}-{d}T{int(hh or 0):02d}:{mm or '00'}:{ss or '00'}", "s")
    except ValueError:  # 2025.02.30, 25:00
        return None


def is_time(cell: Cell) -> bool:
    """Whether the cell reads as a server time."""
    return time(cell) is not None


_BUY = frozenset({"buy", "买入", "买", "買い", "購入", "kúpiť", "nákup", "kauf", "achat", "compra"})
_SELL = frozenset(
    {"sell", "卖出", "卖", "売り", "売却", "predať", "predaj", "verkauf", "vente", "venta"}
)


def side(cell: Cell) -> int | None:
    """+1 for a buy, -1 for a sell, None for anything else (balance, pending orders...)."""
    word = text(cell).lower()
    if word in _BUY:
        return 1
    if word in _SELL:
        return -1
    return None


_METALS = frozenset({"XAU", "XAG", "XPT", "XPD"})
_LETTERS = re.compile(r"[A-Za-z]{6}")
_SLASHED = re.compile(r"^([A-Za-z]{3})[/_ ]([A-Za-z]{3})")


@functools.lru_cache(maxsize=4096)
def instrument(symbol: str) -> tuple[str | None, AssetClass]:
    """``("USD/JPY", FX)`` for ``usdjpy.m``; ``(None, METAL)`` for ``XAUUSD``; ``(None, CFD)``
    for ``SP500``. The six letters after any leading ``#``/``.``/``_`` are read; the rest of
    the symbol (a broker's suffix) is left aside."""
    core = _SLASHED.sub(r"\1\2", symbol.strip().lstrip("#._-!"))
    found = _LETTERS.match(core)
    if found is None:
        return None, AssetClass.CFD
    letters = found.group(0).upper()
    base, quote = letters[:3], letters[3:]
    rest = core[6:]
    if rest[:1].isalpha() and rest[:1].isupper():  # e.g. USDJPYX: not a pair + suffix
        return None, AssetClass.CFD
    if base in _METALS or quote in _METALS:
        return None, AssetClass.METAL
    known = set(Currency)
    if base in known and quote in known and base != quote:
        return f"{base}/{quote}", AssetClass.FX
    return None, AssetClass.CFD
