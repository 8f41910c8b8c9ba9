"""The rows of an MT5 report exported as XLSX, read with openpyxl (values only: a formula
gives the value Excel cached; nothing is evaluated). The file is opened read-only."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from typing import Any

from carryxl.core.errors import CarryxlError, Described
from carryxl.statements.cells import Cell, Row

__all__ = ["xlsx_rows"]


def _cell(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)  # tickets: keep every digit
    if isinstance(value, float):
        return value
    if isinstance(value, dt.datetime):
        return value.strftime("%Y.%m.%d %H:%M:%S")
    return str(value)


def xlsx_rows(data: bytes, source: str) -> list[Row]:
    """The first sheet's rows of the workbook ``data`` (trailing empty cells dropped; empty
    rows left out), whatever the file's name ends in."""
    import openpyxl  # noqa: PLC0415 - only an XLSX statement needs it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style": the terminal writes none
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return _rows(book)
        finally:
            book.close()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, SyntaxError) as error:
        rule = f"is not a readable XLSX workbook ({type(error).__name__})"
        raise CarryxlError("FILE", Described(source), rule) from None


def _rows(book: Any) -> list[Row]:
    sheet = book.worksheets[0]
    rows: list[Row] = []
    for values in sheet.iter_rows(values_only=True):
        cells = [_cell(v) for v in values]
        while cells and cells[-1] == "":
            cells.pop()
        if cells:
            rows.append(Row(tuple(cells)))
    return rows
