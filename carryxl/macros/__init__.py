"""carryxl's macros: written once against :class:`~carryxl.macros.book.Book`.

Two back-ends: :class:`~carryxl.macros.file_book.FileBook` (a file, with openpyxl) and
:class:`~carryxl.macros.excel_book.ExcelBook` (a live workbook, with xlwings). The ribbon's
tags map to :data:`~carryxl.macros.dispatch.MACROS`.
"""

from carryxl.macros.dispatch import MACROS, Macro, macro_for, run_macro
from carryxl.macros.file_book import FileBook
from carryxl.macros.scenario import fill_scenario_grid, read_scenario_inputs, scenario_grid

__all__ = [
    "MACROS",
    "FileBook",
    "Macro",
    "fill_scenario_grid",
    "macro_for",
    "read_scenario_inputs",
    "run_macro",
    "scenario_grid",
]
