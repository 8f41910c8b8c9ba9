"""The config sheet of udf-mode workbooks: where xlwings finds carryxl's functions.

xlwings' VBA reads keys from column A (from A1 down, no gaps) and values from column B of
a sheet named exactly ``PROJECT_NAME & ".conf"``; an entry there overrides the add-in's
ribbon settings and config files. That is ``xlwings.conf`` for an ``.xlsx`` served by
xlwings' own add-in, and ``carryxl.conf`` in an ``.xlsm`` carrying carryxl's VBA project
(whose PROJECT_NAME is ``carryxl``). So the sheet keeps its English name in every language.
"""

from __future__ import annotations

from openpyxl.comments import Comment

from carryxl.workbooks import styles
from carryxl.workbooks.layout import Book, print_setup, protect, put_text

__all__ = ["SETTINGS", "SHEET_NAME", "add_xlwings_conf"]

SHEET_NAME = "xlwings.conf"

# (key, value, note key). Empty values leave xlwings' own default in force.
SETTINGS: tuple[tuple[str, str, str], ...] = (
    ("UDF MODULES", "carryxl.excel.udfs", "conf_udf_modules"),
    ("INTERPRETER_WIN", "", "conf_interpreter_win"),
    ("INTERPRETER_MAC", "", "conf_interpreter_mac"),
    ("CONDA PATH", "", "conf_conda_path"),
    ("CONDA ENV", "", "conf_conda_env"),
    ("PYTHONPATH", "", "conf_pythonpath"),
    ("ADD_WORKBOOK_TO_PYTHONPATH", "False", "conf_add_workbook"),
    ("DEBUG UDFS", "False", "conf_debug_udfs"),
    ("USE UDF SERVER", "False", "conf_use_udf_server"),
    ("SHOW CONSOLE", "False", "conf_show_console"),
)


def add_xlwings_conf(book: Book, sheet_name: str = SHEET_NAME) -> None:
    """Keys in A, editable values in B (named ``in_conf_*``), a note for each in D.

    ``sheet_name``: the name the workbook's xlwings VBA reads (see the module's doc).
    """
    ws = book.wb.create_sheet(sheet_name)
    for row, (key, value, note_key) in enumerate(SETTINGS, start=1):
        put_text(ws.cell(row, 1), key).font = styles.BOLD
        cell = ws.cell(row, 2)
        if value:
            put_text(cell, value)
        cell.font = styles.INPUT_FONT
        cell.fill = styles.INPUT_FILL
        cell.protection = styles.UNLOCKED
        put_text(ws.cell(row, 4), book.t(note_key)).font = styles.NOTE_FONT
        cell.comment = Comment(book.t(note_key), "carryxl", height=110, width=320)
        book.define("in_" + note_key, ws, cell.coordinate)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 26
    ws.column_dimensions["D"].width = 90
    ws.freeze_panes = "B1"  # no header row (xlwings reads from A1): the key column stays
    ws.print_title_cols = "A:A"
    ws.print_area = f"A1:D{len(SETTINGS)}"
    print_setup(ws)
    protect(ws)
