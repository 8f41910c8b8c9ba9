"""Plain-text and JSON output shared by the sub-commands."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

import numpy as np

from carryxl.core.conventions import minor_units

__all__ = [
    "minor_units",
    "money",
    "percent",
    "print_json",
    "print_report",
    "table",
]

_EVERY_DIGIT = Context(prec=400)  # a float's 309 integer digits and its minor units


def money(value: float, currency: str) -> str:
    """An amount in the currency's minor units: ``526750.0000003`` -> ``"526,750"`` (JPY),
    ``-1640.625`` -> ``"-1,640.63"`` (USD, to the cent); never ``"-0"``."""
    if not math.isfinite(value):
        return str(value)
    places = minor_units(currency)
    # Half a minor unit rounds away from zero, as money does (not Python's half-even); the
    # context holds every digit of any finite float (up to 1.8e308), so any amount formats.
    exact = Decimal(repr(float(value)))
    rounded = exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP, context=_EVERY_DIGIT)
    return f"{rounded if rounded else Decimal(0):,.{places}f}"  # never "-0"


def percent(value: float, places: int = 4) -> str:
    """``0.052675`` -> ``"5.2675%"``."""
    return f"{value * 100:.{places}f}%" if math.isfinite(value) else str(value)


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
        if isinstance(value, float) and value == 0.0:
            return 0.0  # never -0.0
        if isinstance(value, np.datetime64):
            return str(value)  # a typed date argument, as YYYY-MM-DD
        return value

    print(json.dumps(clean(data), indent=2, ensure_ascii=False))


def print_report(
    result: dict[str, Any], render: Callable[[dict[str, Any]], str], as_json: bool
) -> int:
    """Print a command's ``result`` as JSON (``--json``) or as ``render``'s text; exit 0."""
    if as_json:
        print_json(result)
    else:
        print(render(result))
    return 0
