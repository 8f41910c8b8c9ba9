"""What carryxl owns in a workbook: the fingerprint that marks values carryxl wrote.

A macro records a fingerprint of what it wrote in a hidden workbook-scope name
(``_carryxl_fp_<range>``); :mod:`carryxl.macros.ownership` overwrites a range only while it
still matches. The template generator records the same fingerprint for the example values
it writes in a range a button fills (:attr:`carryxl.buttons.Button.fills`: the Rates sheet's
example policy rates, the portfolio's volatilities, correlations and market inputs), so the
button may replace the examples, but never what the user typed. Both sides import this
module, which imports nothing of theirs.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from typing import Any

__all__ = [
    "FINGERPRINT_PREFIX",
    "fingerprint",
    "fingerprint_name",
    "matches",
]

FINGERPRINT_PREFIX = "_carryxl_fp_"

_Grid = Sequence[Sequence[Any]]

# A number saved and reloaded keeps ~15 significant digits (LibreOffice writes 15, Excel 17),
# and LibreOffice's rounding of the 15th digit may differ from Python's by one. So numbers
# are compared through sums of asinh(v), which is odd (a sign change moves it by 2·asinh|v|)
# and whose change is the number's relative change for |v| > 1 and its absolute change
# below: each cell's save noise is then below _PER_CELL however large or small the cell is,
# while a typed cent, a sign or a swap moves a sum by far more.
_PER_CELL = 1e-13


def fingerprint_name(output: str) -> str:
    """The hidden name holding the fingerprint of what carryxl last wrote into ``output``."""
    return FINGERPRINT_PREFIX + output


def _split(rows: _Grid) -> tuple[str, list[float]]:
    """The grid's layout (empties, texts, where numbers are) and its numbers in order."""
    layout: list[str] = []
    numbers: list[float] = []
    for row in rows:
        for value in row:
            if value is None or value == "":
                layout.append("_")
            elif isinstance(value, bool):
                layout.append(f"b{value}")
            elif isinstance(value, int | float):
                layout.append("n")
                numbers.append(float(value))
            else:
                layout.append("s" + str(value).replace("\\", "\\\\").replace("|", "\\|"))
        layout.append("/")
    return "|".join(layout), numbers


def _sums(numbers: list[float]) -> tuple[float, float]:
    """Σasinh(v) and Σ(k+1)·asinh(v): an edit or a sign moves the first, a swap the second."""
    scaled = [math.asinh(v) for v in numbers]
    return math.fsum(scaled), math.fsum((k + 1) * a for k, a in enumerate(scaled))


def _digest(layout: str) -> str:
    return hashlib.sha256(layout.encode("utf-8")).hexdigest()[:16]


def fingerprint(rows: _Grid) -> str:
    """What carryxl wrote, in a short text: the layout's digest and two sums of the numbers.

    ``matches`` compares a grid with it cell noise by cell noise, so a save that keeps 15
    significant digits still matches and any edit a person makes does not.
    """
    layout, numbers = _split(rows)
    return ";".join(["v3", _digest(layout), *(repr(s) for s in _sums(numbers))])


def matches(stored: str | None, rows: _Grid) -> bool:
    """Whether ``rows`` still hold what the fingerprint ``stored`` recorded."""
    parts = (stored or "").split(";")
    layout, numbers = _split(rows)
    if len(parts) != 4 or parts[0] != "v3" or parts[1] != _digest(layout):
        return False
    try:
        recorded = [float(p) for p in parts[2:]]
    except ValueError:
        return False
    n = len(numbers)
    tolerances = (_PER_CELL * n, _PER_CELL * n * (n + 1) / 2)
    return all(
        math.isfinite(now) and abs(now - then) <= tolerance
        for now, then, tolerance in zip(_sums(numbers), recorded, tolerances, strict=True)
    )
