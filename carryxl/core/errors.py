"""The one error type of carryxl, the wording of its messages and the rules that repeat.

Every check in carryxl raises :class:`CarryxlError`. Its message names the
argument, the value received and the rule, e.g.
``spot_start: must be a finite number > 0 (got -1.0)``; the Excel layer shows that
line in the cell. A rule checked in more than one place is worded once, in :class:`Rule`,
and the errors that carry it are built by the functions below.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

__all__ = [
    "CarryxlError",
    "Described",
    "Rule",
    "not_a_date",
    "not_defined",
    "not_finite_result",
    "not_positive",
    "shapes_differ",
]


class Rule:
    """The wording of the rules that more than one check applies."""

    NUMBER = "must be a number or an array of numbers"
    FINITE = "must be a finite number"
    POSITIVE = "must be a finite number > 0"
    NON_NEGATIVE = "must be a finite number >= 0"
    RATE = "must be a rate as a decimal above -1 (0.045 for 4.5%)"
    CHANGE = "must be a change as a decimal above -1 (-100%)"
    GROWTH = "must keep 1 + rate * years above 0 (a deposit cannot lose its principal)"
    DATE = "must be a date written YYYY-MM-DD, such as 2024-11-28"
    DATE_NOT_EMPTY = "must be a date, not empty"
    EXCEL_DATE = "must be an Excel date on or after 1900-03-01"
    CALENDAR = "must be a date from 0001-01-01 to 9999-12-31"
    SHAPES = "array shapes must match or broadcast: one number, or the same length each"
    FINITE_RESULT = "give a result too large or too small to be a finite number"
    NOT_DEFINED = "is not defined in this workbook (a workbook-scope name)"
    ONE_NUMBER = "must be one number"
    FLAG = "must be TRUE or FALSE"
    RATE_TEXT = "must be a rate such as 4.5% or 0.045"
    PAIR = "must be a currency pair such as AUD/JPY"
    ACCOUNT = "must be 'quote' or 'base' (the pair's currency)"
    BREAKDOWN = "must be a carry breakdown (carry_breakdown)"
    SIDE = "must be 'long' or 'short' (or +1 / -1)"
    SPOT_LAG = "must be a whole number of days, 0 to 5"
    AFTER_OPEN = "must be on or after open_date"


class Described(str):
    """A value already worded for the user (``notional: 2 values``): shown as is."""

    __slots__ = ()


def _show(value: Any) -> str:
    """A value as a message shows it: Python's spelling (or the description), cut short;
    a one-element array as its element (``1.0``, not ``array(1.)``)."""
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.reshape(-1)[0]
    if isinstance(value, dt.date | np.datetime64):
        value = str(value.astype("datetime64[D]") if isinstance(value, np.datetime64) else value)
    elif isinstance(value, np.generic):
        value = value.item()
    text, limit = (str(value), 120) if isinstance(value, Described) else (repr(value), 60)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class CarryxlError(ValueError):
    """Bad input: ``argument`` broke ``rule``; ``value`` is what was received.

    ``elements``: for a rule broken element by element in a column, every position that
    broke it and its value (``argument`` and ``value`` name the first).
    """

    elements: tuple[Any, Any] | None = None

    def __init__(self, argument: str, value: Any, rule: str) -> None:
        self.argument = argument
        self.value = value
        self.rule = rule
        super().__init__(f"{argument}: {self.rule_and_value}")

    @property
    def rule_and_value(self) -> str:
        """The message without the argument's name (where something else names it once,
        as argparse does: ``argument --spot: must be ... (got 'x')``)."""
        return f"{self.rule} (got {_show(self.value)})"


def not_positive(argument: str, value: Any) -> CarryxlError:
    """``argument`` is not a finite number > 0."""
    return CarryxlError(argument, value, Rule.POSITIVE)


def not_a_date(argument: str, value: Any) -> CarryxlError:
    """``argument`` could not be read as a date."""
    return CarryxlError(argument, value, Rule.DATE)


def not_defined(name: str) -> CarryxlError:
    """A workbook has no name ``name`` (the carryxl input or output it needs)."""
    return CarryxlError(name, None, Rule.NOT_DEFINED)


def _size(shape: tuple[int, ...]) -> str:
    if len(shape) == 1:
        return f"{shape[0]} value{'s' if shape[0] != 1 else ''}"
    return "x".join(map(str, shape))


def shapes_differ(shapes: dict[str, tuple[int, ...]]) -> CarryxlError:
    """The named arrays have lengths that neither match nor broadcast: name each and its length.

    Single numbers fit any length, so only the arrays are named.
    """
    arrays = {name: shape for name, shape in shapes.items() if shape and shape != (1,)}
    named = arrays or shapes
    sizes = ", ".join(f"{name} {_size(shape)}" for name, shape in named.items())
    return CarryxlError(" / ".join(named), Described(sizes), Rule.SHAPES)


def not_finite_result(values: dict[str, Any]) -> CarryxlError:
    """Finite inputs whose result overflowed (or became NaN): name them, with their values."""
    shown = ", ".join(f"{name}={_number(v)}" for name, v in values.items())
    return CarryxlError(" / ".join(values), Described(shown), Rule.FINITE_RESULT)


def _number(value: Any) -> str:
    try:
        return format(float(value), ".6g")
    except (TypeError, ValueError):
        return _show(value)
