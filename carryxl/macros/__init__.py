"""carryxl's macros: written once against :class:`~carryxl.macros.book.Book`.

Two back-ends: :class:`~carryxl.macros.file_book.FileBook` (a file, with openpyxl; loaded
on first use) and :class:`~carryxl.macros.excel_book.ExcelBook` (a live workbook, with
xlwings). The ribbon's tags map to :data:`~carryxl.macros.dispatch.MACROS`.
"""

from typing import Any

from carryxl.macros.dispatch import MACROS, macro_for, run_macro
from carryxl.macros.scenario import fill_scenario_grid, read_scenario_inputs, scenario_grid

__all__ = [
    "MACROS",
    "FileBook",
    "fill_scenario_grid",
    "macro_for",
    "read_scenario_inputs",
    "run_macro",
    "scenario_grid",
]


def __getattr__(name: str) -> Any:
    if name == "FileBook":
        from carryxl.macros.file_book import FileBook  # noqa: PLC0415 - openpyxl on first use

        return FileBook
    raise AttributeError(f"module 'carryxl.macros' has no attribute {name!r}")
