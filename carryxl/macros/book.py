"""What a macro needs from a workbook: a small reader/writer interface with two back-ends.

:class:`~carryxl.macros.file_book.FileBook` reads and writes a file with openpyxl (the
``carryxl run`` commands, servers, tests); :class:`~carryxl.macros.excel_book.ExcelBook`
drives a live workbook through xlwings (the ribbon buttons). The macro logic is written
once against :class:`Book`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

__all__ = ["Book", "Cell", "Grid", "free_title", "sheet_picture_name"]

Cell = Any  # a number, a string, a bool or None (empty)
Grid = list[list[Cell]]


class Book(Protocol):
    """A workbook seen through its workbook-scope defined names."""

    def has_name(self, name: str) -> bool:
        """Whether the workbook defines ``name``."""
        ...

    def read(self, name: str) -> Grid:
        """The values of the range ``name`` refers to, as rows (empty cells as None).

        A formula reads as its calculated value.
        """
        ...

    def has_formula(self, name: str) -> bool:
        """Whether any cell of the range ``name`` holds a formula."""
        ...

    def all_formulas(self, name: str) -> bool:
        """Whether every cell of the range ``name`` holds a formula (as the templates' do)."""
        ...

    def write(self, name: str, rows: Grid) -> None:
        """Write ``rows`` (exactly the range's shape) into the range ``name``."""
        ...

    def constant(self, name: str) -> str | None:
        """The text of a hidden name holding a string constant, or None if undefined."""
        ...

    def set_constant(self, name: str, text: str) -> None:
        """Define (or redefine) the hidden workbook-scope name ``name`` as the string ``text``."""
        ...

    def sheet_of(self, name: str) -> str:
        """The title of the sheet holding the range ``name``."""
        ...

    def corner_after(self, name: str, gap: int = 1) -> str:
        """The A1 address of the cell ``gap`` columns right of the range's top-right cell."""
        ...

    def is_locked(self, name: str) -> bool:
        """Whether any cell of the range ``name`` is locked (Format Cells > Protection): on a
        protected sheet only unlocked cells can be typed into."""
        ...

    def is_protected(self, sheet: str) -> bool:
        """Whether the sheet is protected (Review > Protect Sheet)."""
        ...

    def sheet_titles(self) -> list[str]:
        """The titles of the workbook's sheets, in order."""
        ...

    def add_sheet(
        self, title: str, cells: Sequence[tuple[str, Cell]], widths: dict[str, float]
    ) -> None:
        """Add a sheet ``title`` at the end holding ``cells`` (A1 address, value or formula)."""
        ...

    def put_picture(self, sheet: str, anchor: str, png: bytes, name: str, figure: Any) -> None:
        """Place a picture at ``anchor`` on ``sheet``, replacing carryxl's earlier one of that name.

        ``png`` is the rendered image; ``figure`` the matplotlib figure (xlwings embeds it).
        """
        ...

    def calculate(self) -> None:
        """Recalculate the workbook's formulas (a no-op on a file: openpyxl cannot)."""
        ...

    def notify(self, text: str) -> None:
        """Tell the user the outcome (a message box in Excel, a line on stdout)."""
        ...

    def progress(self, text: str) -> None:
        """Tell the user what is happening (Excel's status bar, or stderr)."""
        ...

    def choose_file(self, title: str, filters: str) -> str | None:
        """The path of a file the user picks (Excel's Open dialog, with ``filters`` as
        ``"Label (*.a;*.b),*.a;*.b"``), or None if they cancel; a file book gives the one it
        was opened with (``carryxl run ... --file FILE``)."""
        ...


def sheet_picture_name(name: str, base_title: str, title: str) -> str:
    """One picture name per sheet: ``name`` on ``base_title``, ``name_2`` on ``base_title 2``…

    A second run of a macro then leaves the first sheet's picture alone.
    """
    suffix = title[len(base_title) :].strip()
    return f"{name}_{suffix}" if suffix else name


def free_title(taken: Sequence[str], title: str) -> str:
    """``title``, or ``title 2``, ``title 3``… whichever no sheet has (any case)."""
    lowered = {t.lower() for t in taken}
    candidate, n = title, 1
    while candidate.lower() in lowered:
        n += 1
        candidate = f"{title} {n}"
    return candidate
