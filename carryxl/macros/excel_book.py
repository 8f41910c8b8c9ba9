"""The Excel back-end: a live workbook driven through xlwings (Windows and macOS).

While a macro runs, screen updating is off and the status bar shows progress; whatever
happens, both come back as they were. A CarryxlError becomes one message box line and
changes nothing (the ownership checks run before any write).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

from carryxl.core.errors import CarryxlError, not_defined
from carryxl.macros.book import Cell, Grid
from carryxl.macros.cells import Formula
from carryxl.macros.contract import picture_name

__all__ = ["ExcelBook", "active_book", "as_typed"]


def active_book() -> Any:
    """The workbook the user is looking at.

    xlwings' custom add-in code runs Python with ``--wb=ActiveWorkbook.Name``, so the
    caller is the active workbook, not the add-in.
    """
    import xlwings as xw  # noqa: PLC0415 - the file path never needs xlwings

    return xw.Book.caller()


def as_typed(value: Cell) -> Any:
    """What to hand xlwings' ``Range.value`` so that Excel stores ``value`` as it is: a
    string behind an apostrophe (Excel's prefix character, not part of the text), so that
    text such as ``=cmd|' /C calc'!A0`` or ``00123`` is never parsed into a formula or a
    number; a :class:`Formula` as its formula text."""
    if isinstance(value, Formula):
        return value.text
    if isinstance(value, str):
        return "'" + value
    return value


def _as_rows(value: Any, rows: int, cols: int) -> Grid:
    if rows == 1 and cols == 1:
        return [[value]]
    if rows == 1 or cols == 1:
        values = list(value)
        return [values] if rows == 1 else [[v] for v in values]
    return [list(row) for row in value]


class ExcelBook:
    """An xlwings ``Book`` as a :class:`~carryxl.macros.book.Book`."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.app = book.app
        self._saved: tuple[Any, Any] | None = None

    # -- app state ---------------------------------------------------------------------------

    def __enter__(self) -> ExcelBook:
        self._saved = (self.app.screen_updating, self.app.status_bar)
        self.app.screen_updating = False
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._saved is not None:
            screen, status = self._saved
            self.app.screen_updating = screen
            self.app.status_bar = status if status else False  # False hands it back to Excel

    def run(self, action: Callable[[], Any]) -> Any:
        """Run ``action``; a CarryxlError is shown to the user instead of raised."""
        try:
            return action()
        except CarryxlError as error:
            self.app.alert(str(error), title="carryxl", style="critical")
            return None

    # -- names -------------------------------------------------------------------------------

    def _name(self, name: str) -> Any:
        for defined in self.book.names:
            if defined.name == name:
                return defined
        return None

    def _range(self, name: str) -> Any:
        defined = self._name(name)
        if defined is None:
            raise not_defined(name)
        try:
            return defined.refers_to_range
        except Exception:
            raise CarryxlError(name, defined.refers_to, "must refer to a range") from None

    def has_name(self, name: str) -> bool:
        """Whether the workbook defines ``name``."""
        return self._name(name) is not None

    def read(self, name: str) -> Grid:
        """The range's values as rows."""
        target = self._range(name)
        rows, cols = target.shape
        return _as_rows(target.value, rows, cols)

    def has_formula(self, name: str) -> bool:
        """Whether any cell of the range holds a formula."""
        target = self._range(name)
        rows, cols = target.shape
        formulas = _as_rows(target.formula, rows, cols)
        return any(isinstance(f, str) and f.startswith("=") for row in formulas for f in row)

    def all_formulas(self, name: str) -> bool:
        """Whether every cell of the range holds a formula."""
        target = self._range(name)
        rows, cols = target.shape
        formulas = _as_rows(target.formula, rows, cols)
        return all(isinstance(f, str) and f.startswith("=") for row in formulas for f in row)

    def write(self, name: str, rows: Grid) -> None:
        """Write ``rows`` into the range; text as text, never a formula (:func:`as_typed`)."""
        self._range(name).value = [[as_typed(value) for value in row] for row in rows]

    def constant(self, name: str) -> str | None:
        """The string constant of a hidden name, or None."""
        defined = self._name(name)
        if defined is None:
            return None
        text = str(defined.refers_to)
        if text.startswith('="') and text.endswith('"'):
            return text[2:-1].replace('""', '"')
        return None

    def set_constant(self, name: str, text: str) -> None:
        """Define the hidden workbook-scope name ``name`` as the string ``text``."""
        formula = '="' + text.replace('"', '""') + '"'
        existing = self._name(name)
        if existing is not None:
            existing.refers_to = formula
            defined = existing
        else:
            defined = self.book.names.add(name, formula)
        # Windows (COM) hides the name; macOS has no Visible, and the name stays visible.
        with contextlib.suppress(Exception):
            defined.api.Visible = False

    def sheet_of(self, name: str) -> str:
        """The sheet holding the range ``name``."""
        return str(self._range(name).sheet.name)

    def corner_after(self, name: str, gap: int = 1) -> str:
        """The cell ``gap`` columns right of the range's top-right corner."""
        target = self._range(name)
        cell = target.sheet.cells(target.row, target.last_cell.column + 1 + gap)
        return str(cell.address).replace("$", "")

    # -- sheets and pictures -----------------------------------------------------------------

    def is_locked(self, name: str) -> bool:
        """Whether any cell of the range is locked (Excel gives None for a mix; unknown counts
        as locked)."""
        try:
            return self._range(name).api.Locked is not False
        except Exception:
            return True

    def is_protected(self, sheet: str) -> bool:
        """Whether the sheet is protected (Windows; on macOS assumed not)."""
        try:
            return bool(self.book.sheets[sheet].api.ProtectContents)
        except Exception:
            return False

    def sheet_titles(self) -> list[str]:
        """The sheet titles, in order."""
        return [str(s.name) for s in self.book.sheets]

    def add_sheet(
        self, title: str, cells: Sequence[tuple[str, Cell]], widths: dict[str, float]
    ) -> None:
        """A new last sheet; text goes in as text, :class:`Formula` values as formulas."""
        sheet = self.book.sheets.add(title, after=self.book.sheets[-1])
        for address, value in cells:
            cell = sheet[address]
            if isinstance(value, Formula):
                cell.formula = value.text
            else:
                cell.value = as_typed(value)
        for column, width in widths.items():
            sheet[f"{column}:{column}"].column_width = width

    def put_picture(self, sheet: str, anchor: str, png: bytes, name: str, figure: Any) -> None:
        """Place the figure at ``anchor``; ``update=True`` replaces carryxl's earlier one."""
        target = self.book.sheets[sheet]
        target.pictures.add(figure, name=name, update=True, anchor=target[anchor])
        self.set_constant(picture_name(name), f"{sheet}!{anchor}")

    def calculate(self) -> None:
        """Recalculate every open workbook (Excel's F9)."""
        self.app.calculate()

    def notify(self, text: str) -> None:
        """A message box."""
        self.app.alert(text, title="carryxl")

    def progress(self, text: str) -> None:
        """Show ``text`` in Excel's status bar."""
        self.app.status_bar = text

    def choose_file(self, title: str, filters: str) -> str | None:
        """Excel's Open dialog (``Application.GetOpenFilename``); None when cancelled."""
        chosen = self.app.api.GetOpenFilename(filters, 1, title)
        return chosen if isinstance(chosen, str) and chosen else None
