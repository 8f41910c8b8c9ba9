"""Finding a statement's parts by structure, not by words (terminals translate them).

A **title** row has one filled cell of text (not a number, not a time): "Positions",
"持仓", "Closed Transactions:". A **header** row, right after a title, has at least
``HEADER_CELLS`` filled cells of text and none that reads as a number or a time. A
**section** is a title, its header (if any) and the rows up to the next title.
"""

from __future__ import annotations

from dataclasses import dataclass

from carryxl.core.errors import CarryxlError, Described
from carryxl.statements.cells import Row, is_time, number, text

__all__ = ["HEADER_CELLS", "Section", "incomplete", "sections"]

HEADER_CELLS = 8


@dataclass(frozen=True)
class Section:
    """A title, the header row under it (None for blocks such as Results) and its rows."""

    title: str
    header: Row | None
    rows: tuple[Row, ...]

    @property
    def columns(self) -> int:
        """Filled cells of the header (0 without one)."""
        return len(self.header.filled()) if self.header is not None else 0


def _is_word(cell: str | float) -> bool:
    return isinstance(cell, str) and number(cell) is None and not is_time(cell)


def _is_title(row: Row) -> bool:
    filled = row.filled()
    return len(filled) == 1 and _is_word(filled[0])


def _is_header(row: Row) -> bool:
    filled = row.filled()
    return len(filled) >= HEADER_CELLS and all(_is_word(c) for c in filled)


def sections(rows: list[Row]) -> list[Section]:
    """The sections of ``rows`` in order (rows before the first title are left out)."""
    found: list[Section] = []
    i = 0
    while i < len(rows):
        if not _is_title(rows[i]):
            i += 1
            continue
        title = text(rows[i].filled()[0])
        header = rows[i + 1] if i + 1 < len(rows) and _is_header(rows[i + 1]) else None
        j = i + (2 if header is not None else 1)
        start = j
        while j < len(rows) and not _is_title(rows[j]):
            j += 1
        found.append(Section(title, header, tuple(rows[start:j])))
        i = j
    return found


def incomplete(source: str, platform: str, missing: str) -> CarryxlError:
    """The one-line refusal of a file that is not a whole statement."""
    return CarryxlError(
        "FILE",
        Described(source),
        f"is not a complete {platform} statement: {missing} (a truncated or other file?)",
    )
