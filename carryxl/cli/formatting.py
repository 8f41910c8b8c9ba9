"""Plain-text and JSON output shared by the sub-commands."""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from carryxl.core.conventions import rate_from_text
from carryxl.core.errors import CarryxlError

__all__ = ["money", "percent", "print_json", "rate_argument", "rate_from_argument", "table"]

# Currencies whose minor unit is the unit itself (no cents).
_NO_MINOR_UNIT = frozenset({"JPY", "KRW", "ISK", "IDR", "HUF"})


def money(value: float, currency: str) -> str:
    """``526750.0000003`` -> ``"526,750"`` (JPY); ``-1640.625`` -> ``"-1,640.625"`` (USD).

    Shows the currency's minor units, and more decimals only where the exact value has
    them (to 6 places), so a figure is never silently rounded to the cent.
    """
    if not math.isfinite(value):
        return str(value)
    minor = 0 if currency in _NO_MINOR_UNIT else 2
    value = round(value, 6) or 0.0  # no "-0"
    whole, _, decimals = f"{value:,.6f}".partition(".")
    decimals = decimals.rstrip("0").ljust(minor, "0")
    return f"{whole}.{decimals}" if decimals else whole


def percent(value: float, places: int = 4) -> str:
    """``0.052675`` -> ``"5.2675%"``."""
    return f"{value * 100:.{places}f}%" if math.isfinite(value) else str(value)


def rate_from_argument(argument: str, text: str) -> float:
    """A rate typed on the command line: ``4.5%`` or ``0.045``; a bare number above 1
    (``2``, which would be 200%) and non-finite numbers are refused (CarryxlError)."""
    value = rate_from_text(text, argument)
    if not math.isfinite(value):
        raise CarryxlError(argument, text, "must be a finite rate such as 4.5% or 0.045")
    if "%" not in text and abs(value) > 1.0:
        raise CarryxlError(
            argument, text, f"reads as {value:.0%}; write {text.strip()}% or {value / 100:g}"
        )
    return value


def rate_argument(argument: str) -> Any:
    """An argparse type for rates: ``4.5%`` or ``0.045``; a bare number above 1 is refused."""

    def parse(text: str) -> float:
        try:
            return rate_from_argument(argument, text)
        except CarryxlError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    parse.__name__ = "rate"
    return parse


def table(rows: Sequence[tuple[str, ...]], header: tuple[str, ...] | None = None) -> str:
    """Left-aligned first column, right-aligned others."""
    body = [header, *rows] if header else rows
    widths = [max(len(r[i]) for r in body) for i in range(len(body[0]))]
    lines = []
    for row in body:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def print_json(data: Mapping[str, Any]) -> None:
    """Pretty JSON with numbers as floats (NaN/inf as null)."""

    def clean(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        if isinstance(value, float) and not math.isfinite(value):
            return None
        return value

    print(json.dumps(clean(data), indent=2, ensure_ascii=False))
