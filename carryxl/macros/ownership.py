"""Macros write only into ranges they own, and never over something they did not write.

When a macro writes a range it records a fingerprint of the values in a hidden
workbook-scope name (``_carryxl_fp_<range>``). Before writing again it reads the range:
an empty range, or one whose values still match the fingerprint, is carryxl's to
overwrite; anything else (a typed number, a pasted table, a formula's result that
differs) belongs to the user, and the macro stops with a message before changing
anything. All the checks run before the first write, so a refusal changes nothing.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

from carryxl.core.errors import CarryxlError, not_defined
from carryxl.macros.book import Book, Grid
from carryxl.macros.contract import fingerprint_name

__all__ = [
    "Write",
    "apply_writes",
    "fingerprint",
    "is_empty",
    "matches",
    "require_unprotected",
]


@dataclass(frozen=True)
class Write:
    """The values one macro wants in the named range ``name``."""

    name: str
    rows: Grid


# A number saved and reloaded keeps ~15 significant digits (LibreOffice writes 15, Excel 17),
# and LibreOffice's rounding of the 15th digit may differ from Python's by one. So numbers
# are compared through sums of asinh(v), which is odd (a sign change moves it by 2·asinh|v|)
# and whose change is the number's relative change for |v| > 1 and its absolute change
# below: each cell's save noise is then below _PER_CELL however large or small the cell is,
# while a typed cent, a sign or a swap moves a sum by far more.
_PER_CELL = 1e-13


def _split(rows: Grid) -> tuple[str, list[float]]:
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


def fingerprint(rows: Grid) -> str:
    """What carryxl wrote, in a short text: the layout's digest and two sums of the numbers.

    ``matches`` compares a grid with it cell noise by cell noise, so a save that keeps 15
    significant digits still matches and any edit a person makes does not.
    """
    layout, numbers = _split(rows)
    return ";".join(["v3", _digest(layout), *(repr(s) for s in _sums(numbers))])


def matches(stored: str | None, rows: Grid) -> bool:
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


def is_empty(rows: Grid) -> bool:
    """Whether every cell is empty."""
    return all(v is None or v == "" for row in rows for v in row)


def _shape(rows: Grid) -> tuple[int, int]:
    return len(rows), (len(rows[0]) if rows else 0)


def require_unprotected(book: Book, sheet: str, what: str) -> None:
    """Refuse to change a protected sheet: its protection is the user's choice."""
    if book.is_protected(sheet):
        raise CarryxlError(
            what,
            sheet,
            "is on a protected sheet; unprotect it (Review > Unprotect Sheet) to let carryxl "
            "write there; nothing was changed",
        )


def _check(book: Book, write: Write) -> None:
    if not book.has_name(write.name):
        raise not_defined(write.name)
    if book.has_formula(write.name):
        raise CarryxlError(
            write.name,
            f"{book.sheet_of(write.name)}!{write.name}",
            "holds formulas; carryxl writes values only into ranges it owns — nothing was changed",
        )
    require_unprotected(book, book.sheet_of(write.name), write.name)
    current = book.read(write.name)
    if _shape(current) != _shape(write.rows):
        rows, cols = _shape(write.rows)
        raise CarryxlError(
            write.name, "x".join(map(str, _shape(current))), f"must be {rows}x{cols} cells"
        )
    if is_empty(current):
        return
    if matches(book.constant(fingerprint_name(write.name)), current):
        return
    raise CarryxlError(
        write.name,
        f"{book.sheet_of(write.name)}!{write.name}",
        "holds values carryxl did not write; nothing was changed — clear the range to let "
        "carryxl fill it",
    )


def apply_writes(book: Book, writes: Sequence[Write]) -> None:
    """Check every target range first, then write them all and record their fingerprints."""
    for write in writes:
        _check(book, write)
    for write in writes:
        book.write(write.name, write.rows)
        book.set_constant(fingerprint_name(write.name), fingerprint(write.rows))
