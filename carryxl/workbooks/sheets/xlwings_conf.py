"""The config sheet of udf-mode workbooks: where xlwings finds carryxl's functions.

xlwings' VBA reads keys from column A (from A1 down to the first empty cell) and values
from column B of a sheet named exactly ``PROJECT_NAME & ".conf"``. That is
``xlwings.conf`` for an ``.xlsx`` served by xlwings' own add-in, and ``carryxl.conf`` in
an ``.xlsm`` carrying carryxl's VBA project (whose PROJECT_NAME is ``carryxl``). So the
sheet keeps its English name in every language.

xlwings' ``GetConfig`` stops at the first place where a key *exists* (the active
workbook's sheet, then the add-in's, then a config file beside the workbook, then the
user's file), even when its value there is empty. So the sheet holds only settings with
a value: a key left out falls through to the file ``carryxl addin install`` writes (the
interpreter, the conda environment). The optional keys are listed below the settings,
after a blank row xlwings does not read past, on unlocked rows where the user can add
one (its key picked from a list in A, its value in B).
"""

from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation

from carryxl.workbooks import styles
from carryxl.workbooks.layout import Book, print_setup, protect, put_text

__all__ = ["OPTIONAL", "SETTINGS", "SHEET_NAME", "add_xlwings_conf"]

SHEET_NAME = "xlwings.conf"

# (key, value, note key): every one has a value, which it sets for this workbook.
SETTINGS: tuple[tuple[str, str, str], ...] = (
    ("UDF MODULES", "carryxl.excel.udfs", "conf_udf_modules"),
    ("ADD_WORKBOOK_TO_PYTHONPATH", "False", "conf_add_workbook"),
    ("DEBUG UDFS", "False", "conf_debug_udfs"),
    ("USE UDF SERVER", "False", "conf_use_udf_server"),
    ("SHOW CONSOLE", "False", "conf_show_console"),
)
# (key, note key): left out, so that the user's config file (carryxl addin install) is read.
OPTIONAL: tuple[tuple[str, str], ...] = (
    ("INTERPRETER_WIN", "conf_interpreter_win"),
    ("INTERPRETER_MAC", "conf_interpreter_mac"),
    ("CONDA PATH", "conf_conda_path"),
    ("CONDA ENV", "conf_conda_env"),
    ("PYTHONPATH", "conf_pythonpath"),
)


def add_xlwings_conf(book: Book, sheet_name: str = SHEET_NAME) -> None:
    """Keys in A, editable values in B (named ``in_conf_*``), a note for each in D; then
    one unlocked empty row per optional key, its note in D.

    ``sheet_name``: the name the workbook's xlwings VBA reads (see the module's doc).
    """
    ws = book.wb.create_sheet(sheet_name)
    for row, (key, value, note_key) in enumerate(SETTINGS, start=1):
        put_text(ws.cell(row, 1), key).font = styles.BOLD
        cell = put_text(ws.cell(row, 2), value)
        cell.font = styles.INPUT_FONT
        cell.fill = styles.INPUT_FILL
        cell.protection = styles.UNLOCKED
        put_text(ws.cell(row, 4), book.t(note_key)).font = styles.NOTE_FONT
        cell.comment = Comment(book.t(note_key), "carryxl", height=110, width=320)
        book.define("in_" + note_key, ws, cell.coordinate)
    first = len(SETTINGS) + 1  # the first empty row: xlwings reads down to here
    put_text(ws.cell(first, 4), book.t("conf_optional")).font = styles.BOLD
    keys = DataValidation(
        type="list",
        formula1='"' + ",".join(key for key, _ in OPTIONAL) + '"',
        allow_blank=True,
        showErrorMessage=False,  # any other xlwings key may be typed too
    )
    ws.add_data_validation(keys)
    last = first + len(OPTIONAL)
    for row in range(first, last + 1):  # room for each optional key, from the first empty row
        for column in (1, 2):
            ws.cell(row, column).protection = styles.UNLOCKED
        ws.cell(row, 2).fill = styles.INPUT_FILL
    for row, (key, note_key) in enumerate(OPTIONAL, start=first + 1):
        put_text(ws.cell(row, 4), f"{key}: {book.t(note_key)}").font = styles.NOTE_FONT
    keys.add(f"A{first}:A{last}")
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 26
    ws.column_dimensions["D"].width = 90
    ws.freeze_panes = "B1"  # no header row (xlwings reads from A1): the key column stays
    ws.print_title_cols = "A:A"
    ws.print_area = f"A1:D{last}"
    print_setup(ws)
    protect(ws)
