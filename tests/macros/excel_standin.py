"""A stand-in for xlwings' App/Book/Sheet/Range over an openpyxl workbook, storing what
``Range.value`` is given as Excel does, so the Excel back-end runs every button headless.

What Excel does with a string given to ``Range.value`` (and what this stand-in does):
a leading apostrophe is Excel's prefix character, not part of the text, and makes the
rest text; in a cell formatted as Text (``@``) the string is text; otherwise a string
starting with "=" becomes a formula. Formula cells read as their cached value (None in
a file no spreadsheet has calculated). Not modelled: Excel's parsing of numbers and
dates out of text, recalculation, pictures (recorded only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.cell import get_column_letter, range_boundaries


def excel_store(cell: Any, value: Any) -> None:
    """Store ``value`` into the openpyxl ``cell`` the way Excel stores ``Range.Value = value``."""
    if value is None or isinstance(value, bool | int | float | dt.date | dt.datetime):
        cell.value = value
        return
    if not isinstance(value, str):
        raise TypeError(f"xlwings cannot write a {type(value).__name__} into a cell")
    if value.startswith("'"):
        cell.value = value[1:]
        cell.data_type = "s"
    elif cell.number_format == "@" or not value.startswith("="):
        cell.value = value
        cell.data_type = "s"
    else:
        cell.value = value  # Excel parses it: a formula
        cell.data_type = "f"


class App:
    def __init__(self) -> None:
        self.screen_updating = True
        self.status_bar: Any = False
        self.alerts: list[str] = []
        # Excel's Open dialog, cancelled (it returns False then)
        self.api = _Api(GetOpenFilename=lambda *_: False)

    def alert(self, text: str, title: str = "", style: str = "") -> None:
        self.alerts.append(text)

    def calculate(self) -> None:
        """Nothing to calculate with: formulas keep their cached values."""


class _Api:
    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)


class Range:
    def __init__(self, sheet: Sheet, r0: int, c0: int, r1: int, c1: int) -> None:
        self.sheet, self.row, self.column = sheet, r0, c0
        self._end = (r1, c1)

    @property
    def shape(self) -> tuple[int, int]:
        return self._end[0] - self.row + 1, self._end[1] - self.column + 1

    @property
    def last_cell(self) -> Range:
        return Range(self.sheet, *self._end, *self._end)

    @property
    def address(self) -> str:
        return f"${get_column_letter(self.column)}${self.row}"

    def _cells(self) -> list[list[Any]]:
        ws = self.sheet.ws
        return [
            [ws.cell(r, c) for c in range(self.column, self._end[1] + 1)]
            for r in range(self.row, self._end[0] + 1)
        ]

    def _shaped(self, rows: list[list[Any]]) -> Any:  # xlwings' shapes: scalar, list, rows
        n, m = self.shape
        if n == 1 and m == 1:
            return rows[0][0]
        if n == 1:
            return rows[0]
        if m == 1:
            return [r[0] for r in rows]
        return rows

    @property
    def value(self) -> Any:
        cached = self.sheet.book.cached[self.sheet.name]
        rows = [
            [cached[c.coordinate].value if c.data_type == "f" else c.value for c in row]
            for row in self._cells()
        ]
        return self._shaped(rows)

    @value.setter
    def value(self, value: Any) -> None:
        rows = value if isinstance(value, list) and value and isinstance(value[0], list) else None
        if rows is None:
            rows = [value] if isinstance(value, list) else [[value]]
        for cell_row, value_row in zip(self._cells(), rows, strict=False):
            for cell, item in zip(cell_row, value_row, strict=False):
                excel_store(cell, item)

    @property
    def formula(self) -> Any:
        rows = [["" if c.value is None else str(c.value) for c in row] for row in self._cells()]
        return self._shaped(rows)

    @formula.setter
    def formula(self, text: str) -> None:
        cell = self._cells()[0][0]
        cell.value = text
        cell.data_type = "f"

    @property
    def number_format(self) -> str:
        return str(self._cells()[0][0].number_format)

    @number_format.setter
    def number_format(self, text: str) -> None:
        for row in self._cells():
            for cell in row:
                cell.number_format = text

    @property
    def column_width(self) -> float:
        return 8.43

    @column_width.setter
    def column_width(self, width: float) -> None:
        """Widths are not modelled."""

    @property
    def api(self) -> _Api:
        locked = {c.protection.locked for row in self._cells() for c in row}
        return _Api(Locked=locked.pop() if len(locked) == 1 else None)


class Pictures:
    def __init__(self) -> None:
        self.added: list[str] = []

    def add(self, figure: Any, name: str, update: bool, anchor: Range) -> None:
        self.added.append(name)


class Sheet:
    def __init__(self, book: Book, ws: Any) -> None:
        self.book, self.ws = book, ws
        self.pictures = Pictures()

    @property
    def name(self) -> str:
        return str(self.ws.title)

    @property
    def api(self) -> _Api:
        return _Api(ProtectContents=bool(self.ws.protection.sheet))

    def cells(self, row: int, column: int) -> Range:
        return Range(self, row, column, row, column)

    def __getitem__(self, address: str) -> Range:
        if ":" in address and address.split(":", maxsplit=1)[0].isalpha():  # a whole column, "A:A"
            return Range(self, 1, 1, 1, 1)
        c0, r0, c1, r1 = range_boundaries(address.replace("$", ""))
        return Range(self, r0, c0, r1 or r0, c1 or c0)


class Sheets:
    def __init__(self, book: Book) -> None:
        self.book = book

    def _all(self) -> list[Sheet]:
        return [self.book.sheet(ws) for ws in self.book.wb.worksheets]

    def __iter__(self) -> Iterator[Sheet]:
        return iter(self._all())

    def __getitem__(self, key: int | str) -> Sheet:
        if isinstance(key, int):
            return self._all()[key]
        return self.book.sheet(self.book.wb[key])

    def add(self, title: str, after: Sheet | None = None) -> Sheet:
        ws = self.book.wb.create_sheet(title)
        self.book.cached.create_sheet(title)
        return self.book.sheet(ws)


class Name:
    def __init__(self, book: Book, name: str, refers_to: str) -> None:
        self.book, self.name, self.refers_to = book, name, refers_to
        self.api = _Api(Visible=True)

    @property
    def refers_to_range(self) -> Range:
        sheet, _, area = self.refers_to.removeprefix("=").rpartition("!")
        title = sheet.strip("'").replace("''", "'")
        if title not in self.book.wb.sheetnames:
            raise RuntimeError(f"{self.refers_to} is not a range")
        return self.book.sheet(self.book.wb[title])[area]


class Names(list[Name]):
    def __init__(self, book: Book) -> None:
        super().__init__()
        self.book = book

    def add(self, name: str, refers_to: str) -> Name:
        defined = Name(self.book, name, refers_to)
        self.append(defined)
        return defined


class Book:
    """A workbook file opened as Excel would hold it (values, formulas, names)."""

    def __init__(self, path: Path) -> None:
        self.wb = openpyxl.load_workbook(path)
        self.cached = openpyxl.load_workbook(path, data_only=True)
        self.app = App()
        self._sheets: dict[int, Sheet] = {}
        self.sheets = Sheets(self)
        self.names = Names(self)
        for name, defined in self.wb.defined_names.items():
            self.names.append(Name(self, name, "=" + str(defined.attr_text)))

    def sheet(self, ws: Any) -> Sheet:
        return self._sheets.setdefault(id(ws), Sheet(self, ws))

    def formulas(self) -> dict[str, str]:
        """``Sheet!A1`` -> formula text of every formula cell."""
        return {
            f"{ws.title}!{cell.coordinate}": str(cell.value)
            for ws in self.wb.worksheets
            for row in ws.iter_rows()
            for cell in row
            if cell.data_type == "f"
        }
