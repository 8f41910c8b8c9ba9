"""Text a user typed, read once at the edge into numbers: the one reader of rates and of
plain numbers, for the command line, every file carryxl reads and the Excel cells.

- :func:`rate_from_text`: ``"4.5%"`` -> 0.045, ``"0.045"`` -> 0.045, ``"2bp"`` -> 0.0002.
  A bare number above 1 in size (``"5"``, which would be 500%) is refused: write ``5%`` or
  ``0.05``. With ``percent=True`` (a file whose column is in percent, such as
  ``policy_rate_percent``) a bare number is percent: ``"5.25"`` -> 0.0525.
- :func:`number_from_text`: ``"1,234.5"`` (commas only between groups of three digits)
  -> 1234.5.

A decimal comma (``"4,5%"``, ``"5,5"``) is refused by both: it is never guessed.
Every refusal is one :class:`~carryxl.core.errors.CarryxlError` naming the argument, the
text as the user wrote it and the rule.
"""

from __future__ import annotations

import math
import re
from typing import Any

from carryxl.core.errors import CarryxlError, Rule

__all__ = ["number_from_text", "rate_from_text"]

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_RATE = re.compile(rf"^\s*({_NUMBER})\s*(%|bp)?\s*$", re.IGNORECASE)
_PLAIN = re.compile(rf"^\s*({_NUMBER})\s*$")
_GROUPED = re.compile(r"^\s*([+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?)\s*$")
_SCALE = {"": 1.0, "%": 100.0, "bp": 10_000.0}


def _finite(value: float, argument: str, shown: Any, rule: str) -> float:
    if not math.isfinite(value):  # "1e999" overflows
        raise CarryxlError(argument, shown, rule)
    return value


def rate_from_text(
    value: Any,
    argument: str = "rate",
    *,
    percent: bool = False,
    at_least: float | None = None,
    below: float | None = None,
) -> float:
    """A rate as a decimal: ``"4.5%"`` -> 0.045, ``"0.045"`` -> 0.045, ``"2bp"`` -> 0.0002,
    or a number (taken as a decimal, or as percent with ``percent=True``).

    A bare number above 1 in size is refused (``"5"`` would be 500%: write ``5%`` or
    ``0.05``), unless ``percent=True``, where a bare number is percent (``"5.25"`` ->
    0.0525). ``at_least``: the smallest rate allowed (``0`` for a cost); ``below``: an
    exclusive upper bound (``1`` for "below 100%"). Refusals are one
    CarryxlError naming ``argument``, the text as given and the rule.
    """
    rule = Rule.RATE_TEXT
    if at_least is not None:
        rule = f"must be a rate >= {at_least:g}, such as 5%, 0.05 or 2bp"
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = _finite(float(value), argument, value, Rule.FINITE)
        rate = number / 100.0 if percent else number
    else:
        match = _RATE.match(str(value))
        if match is None:
            raise CarryxlError(argument, value, rule)
        number = _finite(float(match.group(1)), argument, value, rule)
        unit = (match.group(2) or "").lower()
        if not unit and percent:
            unit = "%"
        if not unit and abs(number) > 1.0:
            text = str(value).strip()
            rule = f"reads as {number * 100:g}%; write {text}% or {number / 100:g}"
            raise CarryxlError(argument, value, rule)
        rate = number / _SCALE[unit]
    if at_least is not None and not rate >= at_least:
        raise CarryxlError(argument, value, rule)
    if below is not None and not rate < below:
        raise CarryxlError(argument, value, f"must be below {below:.0%}, such as 2bp")
    return rate


def number_from_text(
    value: Any, argument: str, *, above: float | None = None, at_least: float | None = None
) -> float:
    """A finite number from text or a number: ``"1,234.5"`` -> 1234.5 (commas only between
    groups of three digits, never a decimal comma); ``above=0`` refuses 0 and below,
    ``at_least=0`` refuses below 0. ``nan``, ``inf`` and words are refused."""
    if above is not None:
        rule = f"must be a finite number > {above:g}"
    elif at_least is not None:
        rule = f"must be a finite number >= {at_least:g}"
    else:
        rule = Rule.FINITE
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = str(value)
        grouped = _GROUPED.match(text)
        match = _PLAIN.match(grouped.group(1).replace(",", "") if grouped else text)
        if match is None:
            raise CarryxlError(argument, value, rule)
        number = float(match.group(1))
    _finite(number, argument, value, rule)
    if (above is not None and not number > above) or (
        at_least is not None and not number >= at_least
    ):
        raise CarryxlError(argument, value, rule)
    return number
