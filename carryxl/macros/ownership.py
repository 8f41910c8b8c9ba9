"""Macros write only into ranges they own, and never over something they did not write.

When a macro writes a range it records a fingerprint of the values in a hidden
workbook-scope name (``_carryxl_fp_<range>``). Before writing again it reads the range:
an empty range, or one whose values still match the fingerprint, is carryxl's to
overwrite; anything else (a typed number, a pasted table, a formula's result that
differs) belongs to the user, and the macro stops with a message before changing
anything. All the checks run before the first write, so a refusal changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from carryxl.core.errors import CarryxlError, not_defined
from carryxl.macros.book import Book, Grid
from carryxl.macros.contract import fingerprint_name
from carryxl.owned import fingerprint, matches

__all__ = [
    "Write",
    "apply_writes",
    "fingerprint",
    "holds",
    "is_empty",
    "matches",
    "require_unprotected",
]


@dataclass(frozen=True)
class Write:
    """The values one macro wants in the named range ``name``."""

    name: str
    rows: Grid


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
    if book.is_locked(write.name):  # unlocked cells take typing even under protection
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


def _as_stored(value: object) -> object:
    """A value as a workbook keeps it: numbers to 15 significant digits, as Excel does (and
    as openpyxl writes them: 0.011000000000000001 is stored as 0.011)."""
    if isinstance(value, float):
        return float(f"{value:.15g}")
    return value


def holds(book: Book, write: Write) -> bool:
    """Whether the range already holds ``write``'s values as a workbook stores them, with the
    fingerprint carryxl recorded (then writing it again would change nothing)."""
    stored = book.constant(fingerprint_name(write.name))
    if stored != fingerprint(write.rows):
        return False
    held = [[_as_stored(v) for v in row] for row in book.read(write.name)]
    return held == [[_as_stored(v) for v in row] for row in write.rows]


def apply_writes(book: Book, writes: Sequence[Write]) -> None:
    """Check every target range first, then write them all and record their fingerprints."""
    for write in writes:
        _check(book, write)
    for write in writes:
        book.write(write.name, write.rows)
        book.set_constant(fingerprint_name(write.name), fingerprint(write.rows))
