"""Time to generate every template workbook, against openpyxl writing as many plain cells.

Target: all templates (every kind, language and formula mode) in under 2 s. The ratio
divides that time by the time openpyxl takes to write and save the same number of cells,
in the same number of workbooks, with no styling, names, notes, validation or charts.

Then everything ``carryxl new --all`` writes (the templates, the .xlsm flavour of each
udf template and carryxl.xlam; target under 5 s), against building each macro-enabled
file on its own (each VBA module compressed again for every file).
"""

from __future__ import annotations

import io

import openpyxl

from benchmarks.timing import best_of
from carryxl.addin.build import addin_bytes, load_udf_module
from carryxl.cli.folder import folder_files, macro_templates, template_xlsm_bytes
from carryxl.workbooks import every_template, workbook_bytes

TARGET_SECONDS = 2.0
FOLDER_TARGET_SECONDS = 5.0


def _cell_counts() -> list[int]:
    """Non-empty cells in each template, as generated."""
    counts = []
    for template in every_template():
        wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(*template)))
        counts.append(
            sum(1 for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value)
        )
    return counts


def _plain(counts: list[int]) -> None:
    for count in counts:
        wb = openpyxl.Workbook()
        ws = wb.active
        for i in range(count):
            ws.cell(i // 10 + 1, i % 10 + 1, i * 0.5)
        wb.save(io.BytesIO())


def _templates() -> None:
    for template in every_template():
        workbook_bytes(*template)


def main() -> None:
    """Print the time for all templates, the plain-openpyxl baseline and their ratio."""
    counts = _cell_counts()
    ours = best_of(_templates, repeat=3)
    baseline = best_of(lambda: _plain(counts), repeat=3)
    status = "OK" if ours < TARGET_SECONDS else "SLOW"
    print(
        f"workbooks: {len(counts)} templates, {sum(counts)} cells: {ours:.3f} s "
        f"(target < {TARGET_SECONDS:.0f} s, {status}); plain openpyxl {baseline:.3f} s; "
        f"ratio {ours / baseline:.1f}x"
    )
    udfs = load_udf_module("carryxl.excel.udfs")
    files = len(folder_files())
    folder = best_of(folder_files, repeat=2)

    def one_by_one() -> None:
        _templates()
        for template in macro_templates():
            template_xlsm_bytes(*template, udf_module=udfs)
        addin_bytes(udf_module=udfs)

    alone = best_of(one_by_one, repeat=1)
    status = "OK" if folder < FOLDER_TARGET_SECONDS else "SLOW"
    print(
        f"new --all: {files} files (.xlsx, .xlsm, .xlam): {folder:.3f} s "
        f"(target < {FOLDER_TARGET_SECONDS:.0f} s, {status}); each .xlsm built alone "
        f"{alone:.3f} s; ratio {folder / alone:.2f}x"
    )


if __name__ == "__main__":
    main()
