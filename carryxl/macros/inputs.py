"""Reading the workbook's ``in_*`` names: one value, a number, a pair or a currency, an
axis, an optional value, and the held trade the history macros replay.

A pair or currency cell is read here once (:func:`pair_of`, :func:`currency_of`); the
macros hand the typed :class:`~carryxl.core.conventions.Pair` /
:class:`~carryxl.core.conventions.Currency` on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from carryxl.core.conventions import Currency, Pair
from carryxl.core.defaults import MARGIN_CALL_LEVEL, STOP_OUT_LEVEL
from carryxl.core.errors import CarryxlError, not_defined
from carryxl.core.validate import positive, rate
from carryxl.macros import contract as c
from carryxl.macros.book import Book

__all__ = [
    "HeldTrade",
    "axis",
    "currency_of",
    "number",
    "optional_value",
    "pair_of",
    "read_held_trade",
    "single_value",
]


def _undefined(name: str) -> CarryxlError:
    return not_defined(name)


def optional_value(book: Book, name: str) -> Any:
    """The one cell ``name`` refers to, or None when the name is undefined or the cell empty."""
    if not book.has_name(name):
        return None
    values = [v for row in book.read(name) for v in row]
    if len(values) != 1:
        raise CarryxlError(name, f"{len(values)} cells", "must refer to one cell")
    return None if values[0] == "" else values[0]


def single_value(book: Book, name: str) -> Any:
    """The one cell ``name`` refers to; it must be defined and filled."""
    if not book.has_name(name):
        raise _undefined(name)
    value = optional_value(book, name)
    if value is None:
        raise CarryxlError(name, None, "is empty; enter a value")
    return value


def _as_number(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CarryxlError(name, value, "must be a number")
    return float(value)


def number(book: Book, name: str) -> float:
    """The number in the one cell ``name`` refers to."""
    return _as_number(name, single_value(book, name))


def pair_of(value: object, name: str) -> Pair:
    """A pair cell's value (``AUD/JPY``) as a Pair; errors name ``name`` and the cell."""
    return Pair.parse(str(value), name)


def currency_of(value: object, name: str) -> Currency:
    """A currency cell's value (``JPY``) as a Currency; errors name ``name`` and the cell."""
    return Currency.parse(str(value), name)


def axis(book: Book, name: str, text: Callable[[str, str], float] | None = None) -> list[float]:
    """The numbers of a one-row or one-column range; ``text(value, argument)`` reads a
    text cell (a tenor, for the holding periods), else text is an error."""
    if not book.has_name(name):
        raise _undefined(name)
    rows = book.read(name)
    if len(rows) > 1 and any(len(row) > 1 for row in rows):
        raise CarryxlError(name, f"{len(rows)}x{len(rows[0])} cells", "must be one row or column")
    values = [v for row in rows for v in row]
    return [
        text(v, f"{name}[{i}]")
        if text is not None and isinstance(v, str)
        else _as_number(f"{name}[{i}]", v)
        for i, v in enumerate(values)
    ]


@dataclass(frozen=True)
class HeldTrade:
    """A position the stress and backtest macros replay: at constant rates, or (a rate cell
    left empty: None) at the policy rates day by day."""

    pair: Pair
    funding: Currency
    notional: float
    rate_target: float | None
    rate_funding: float | None
    leverage: float
    margin_call: float = MARGIN_CALL_LEVEL  # in_margin_call_level, if the workbook has it
    stop_out: float = STOP_OUT_LEVEL  # in_stop_out_level, if the workbook has it


def _optional_level(book: Book, name: str, default: float) -> float:
    """A margin level (1.0 = 100%) from ``name``'s cell, or the product's default."""
    if optional_value(book, name) is None:
        return default
    return float(positive(name, number(book, name)))


def read_held_trade(book: Book) -> HeldTrade:
    """The trade from ``in_pair``, ``in_funding``, ``in_notional``, both rates (an empty
    rate cell: the policy rates), the optional ``in_leverage`` (default 1) and the optional
    ``in_margin_call_level`` / ``in_stop_out_level`` (default 100% / 50%), validated."""
    pair = pair_of(single_value(book, c.IN_PAIR), c.IN_PAIR)
    funding = currency_of(single_value(book, c.IN_FUNDING), c.IN_FUNDING)
    pair.orientation(funding, c.IN_FUNDING)
    leverage = 1.0
    if optional_value(book, c.IN_LEVERAGE) is not None:
        leverage = float(positive(c.IN_LEVERAGE, number(book, c.IN_LEVERAGE)))
    return HeldTrade(
        pair=pair,
        funding=funding,
        notional=float(positive(c.IN_NOTIONAL, number(book, c.IN_NOTIONAL))),
        rate_target=_optional_rate(book, c.IN_RATE_TARGET),
        rate_funding=_optional_rate(book, c.IN_RATE_FUNDING),
        leverage=leverage,
        margin_call=_optional_level(book, c.IN_MARGIN_CALL_LEVEL, MARGIN_CALL_LEVEL),
        stop_out=_optional_level(book, c.IN_STOP_OUT_LEVEL, STOP_OUT_LEVEL),
    )


def _optional_rate(book: Book, name: str) -> float | None:
    """The rate in ``name``'s cell; None if the cell is empty (use the policy rates)."""
    if not book.has_name(name):
        raise _undefined(name)
    if optional_value(book, name) is None:
        return None
    return float(rate(name, number(book, name)))
