"""Generating the template workbooks and everything ``carryxl new --all`` writes.

- Every template (every kind, language and formula mode): goal under 2 s. Beside it, for
  scale, openpyxl writing and saving as many plain cells in as many workbooks, with no
  styling, names, notes, validation or charts (no goal).
- Everything ``new --all`` writes (the templates, the .xlsm flavour of each udf template
  and carryxl.xlam): goal under 5 s. Beside it, the same files built by the same code
  with each VBA module compressed again for every file instead of once for the folder
  (``shared_compression`` left out), which is what sharing saves (no goal).
"""

from __future__ import annotations

import contextlib
import io
from unittest import mock

import openpyxl

from benchmarks.timing import at_most, interleaved, ratio_of, time_of
from carryxl.cli import folder
from carryxl.cli.folder import folder_files
from carryxl.workbooks import every_template, workbook_bytes


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


def _folder_without_sharing() -> None:
    with mock.patch.object(folder, "shared_compression", contextlib.nullcontext):
        folder_files()


def main() -> None:
    """Print the time for all templates and for the whole folder, each beside its baseline."""
    counts = _cell_counts()
    ours, plain = interleaved(_templates, lambda: _plain(counts), pairs=7)
    time_of(
        f"workbooks: all {len(counts)} templates ({sum(counts):,} cells)", ours, at_most(2, "s")
    )
    ratio_of(
        "workbooks: all templates vs openpyxl writing as many plain cells (for scale)",
        ours,
        plain,
        None,
        labels=("carryxl", "plain openpyxl"),
    )
    files = len(folder_files())
    shared, alone = interleaved(folder_files, _folder_without_sharing, pairs=7)
    time_of(f"workbooks: new --all, {files} files (.xlsx, .xlsm, .xlam)", shared, at_most(5, "s"))
    ratio_of(
        "workbooks: new --all vs the same with each VBA module compressed for every file",
        shared,
        alone,
        None,
        labels=("shared", "each file alone"),
    )


if __name__ == "__main__":
    main()
