"""The file back-end: a workbook on disk, read and written with openpyxl.

``carryxl run scenario book.xlsx`` opens the file, runs the macro's logic and saves it in
place. Cells outside the macro's own ranges are written back as openpyxl read them;
the VBA project (``keep_vba``) and the ribbon part (which openpyxl's writer drops from
the package relationships) are carried over from the original file.

Nothing lost:
- a run that writes nothing leaves the file's bytes as they were;
- a run that writes saves by temporary file + rename (a reader sees the old file or the
  new one), and only if the file on disk is still the one it read;
- openpyxl drops the values Excel or LibreOffice cached for formula cells; they are put
  back for every formula cell the macro did not write (:func:`keep_cached_values`).
  Formulas that depend on the cells the macro wrote keep their old values until the
  file is next opened: carryxl's files ask Excel to recalculate everything on opening.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import openpyxl
from lxml import etree  # type: ignore[import-untyped]  # no stubs shipped
from openpyxl.drawing.image import Image
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries
from openpyxl.workbook.defined_name import DefinedName

from carryxl.core.errors import CarryxlError, not_defined
from carryxl.files import package_bytes, read_only, read_parts, replace_file, restore_ribbon
from carryxl.macros.book import Cell, Grid
from carryxl.macros.cells import Formula
from carryxl.macros.contract import picture_name

__all__ = ["LARGEST_RANGE", "FileBook", "keep_cached_values"]

_MACRO_ENABLED = frozenset({".xlsm", ".xltm"})
_READABLE = frozenset({".xlsx", ".xltx", *_MACRO_ENABLED})
_QUOTED = re.compile(r'^"(.*)"$', re.DOTALL)
LARGEST_RANGE = 100_000
"""Cells a named range may hold: the templates' largest holds 144 (a 12 x 12 correlation
matrix), and no macro fills more; a whole sheet's 17 billion would run for hours."""


def _anchor_cell(anchor: Any) -> str | None:
    """The top-left cell of an openpyxl image anchor (a string, or a loaded anchor)."""
    if isinstance(anchor, str):
        return anchor.replace("$", "").upper()
    start = getattr(anchor, "_from", None)
    if start is None:
        return None
    return f"{get_column_letter(start.col + 1)}{start.row + 1}"


class FileBook:
    """An .xlsx/.xlsm file as a :class:`~carryxl.macros.book.Book`; ``save()`` writes it back."""

    def __init__(self, path: str | Path, *, quiet: bool = False, file: str | None = None) -> None:
        self.path = Path(path)
        self._file = file  # what choose_file gives (carryxl run --file)
        suffix = self.path.suffix.lower()
        if suffix not in _READABLE:
            raise CarryxlError(
                "workbook", str(self.path), "must be an .xlsx or .xlsm file (openpyxl reads those)"
            )
        self._original = package_bytes(self.path)
        try:
            self.wb = openpyxl.load_workbook(
                io.BytesIO(self._original), keep_vba=suffix in _MACRO_ENABLED
            )
        except Exception as error:  # openpyxl fails on a damaged file in many ways
            raise CarryxlError(
                "workbook", str(self.path), f"cannot be read as a workbook ({error})"
            ) from None
        self._quiet = quiet
        self._written: set[tuple[str, str]] = set()  # (sheet, cell) the macro wrote
        self._changed = False
        self._cached: Any = None  # the same file read with data_only=True, when needed

    def __enter__(self) -> FileBook:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # openpyxl keeps the VBA parts in an in-memory zip it never closes itself
        vba_archive = getattr(self.wb, "vba_archive", None)
        if vba_archive is not None:
            vba_archive.close()
        self.wb.close()
        if self._cached is not None:
            self._cached.close()

    # -- names -----------------------------------------------------------------------------

    def _destination(self, name: str) -> tuple[str, str]:
        defined = self.wb.defined_names.get(name)
        if defined is None:
            raise not_defined(name)
        targets = list(defined.destinations)
        if len(targets) != 1:
            raise CarryxlError(name, defined.attr_text, "must refer to one range on one sheet")
        sheet, ref = targets[0]
        if sheet not in self.wb.sheetnames:
            raise CarryxlError(name, defined.attr_text, "refers to a sheet that does not exist")
        return sheet, ref.replace("$", "")

    def has_name(self, name: str) -> bool:
        """Whether the workbook defines ``name`` (workbook scope)."""
        return name in self.wb.defined_names

    def _bounds(self, name: str) -> tuple[str, int, int, int, int]:
        """The sheet and the range's first column, first row, last column, last row: a block
        of cells, no larger than any macro fills."""
        sheet, ref = self._destination(name)
        try:
            bounds = range_boundaries(ref)
        except (TypeError, ValueError):
            raise CarryxlError(name, ref, "must refer to a range of cells such as B2:B20") from None
        if any(b is None for b in bounds):
            rule = "refers to whole columns or rows; give a range of cells such as B2:B20"
            raise CarryxlError(name, ref, rule)
        min_col, min_row, max_col, max_row = (int(b) for b in bounds)
        size = (max_col - min_col + 1) * (max_row - min_row + 1)
        if size > LARGEST_RANGE:
            rule = f"holds {size:,} cells; no carryxl range needs more than {LARGEST_RANGE:,}"
            raise CarryxlError(name, ref, rule)
        return sheet, min_col, min_row, max_col, max_row

    def _cells(self, name: str) -> list[list[Any]]:
        sheet, min_col, min_row, max_col, max_row = self._bounds(name)
        ws = self.wb[sheet]
        return [
            [ws.cell(row=r, column=col) for col in range(min_col, max_col + 1)]
            for r in range(min_row, max_row + 1)
        ]

    def _cached_value(self, cell: Any) -> Cell:
        if self._cached is None:
            self._cached = openpyxl.load_workbook(io.BytesIO(self._original), data_only=True)
        value = self._cached[cell.parent.title][cell.coordinate].value
        if value is None:
            raise CarryxlError(
                f"{cell.parent.title}!{cell.coordinate}",
                cell.value,
                "is a formula without a calculated value; open and save the file in Excel "
                "or LibreOffice first (openpyxl does not calculate)",
            )
        return value

    def read(self, name: str) -> Grid:
        """The range's values; a formula reads as the value Excel last saved with it."""
        return [
            [self._cached_value(cell) if cell.data_type == "f" else cell.value for cell in row]
            for row in self._cells(name)
        ]

    def has_formula(self, name: str) -> bool:
        """Whether any cell of the range holds a formula."""
        return any(cell.data_type == "f" for row in self._cells(name) for cell in row)

    def all_formulas(self, name: str) -> bool:
        """Whether every cell of the range holds a formula."""
        return all(cell.data_type == "f" for row in self._cells(name) for cell in row)

    def write(self, name: str, rows: Grid) -> None:
        """Write numbers/text into the range; text is always stored as text, never a formula."""
        cells = self._cells(name)
        self._changed = True
        for cell_row, value_row in zip(cells, rows, strict=True):
            for cell, value in zip(cell_row, value_row, strict=True):
                _set(cell, value)
                self._written.add((cell.parent.title, cell.coordinate))

    def constant(self, name: str) -> str | None:
        """The string constant a hidden name holds, or None."""
        defined = self.wb.defined_names.get(name)
        if defined is None or defined.attr_text is None:
            return None
        match = _QUOTED.match(defined.attr_text)
        return match.group(1).replace('""', '"') if match else None

    def set_constant(self, name: str, text: str) -> None:
        """Define ``name`` as the hidden string constant ``text``."""
        quoted = '"' + text.replace('"', '""') + '"'
        self._changed = True
        self.wb.defined_names[name] = DefinedName(name, attr_text=quoted, hidden=True)

    def sheet_of(self, name: str) -> str:
        """The sheet holding the range ``name``."""
        return self._destination(name)[0]

    def corner_after(self, name: str, gap: int = 1) -> str:
        """The cell ``gap`` columns right of the range's top-right corner."""
        _, _, min_row, max_col, _ = self._bounds(name)
        return f"{get_column_letter(max_col + 1 + gap)}{min_row}"

    # -- sheets and pictures ---------------------------------------------------------------

    def is_locked(self, name: str) -> bool:
        """Whether any cell of the range is locked (openpyxl's default, as Excel's)."""
        return any(cell.protection.locked for row in self._cells(name) for cell in row)

    def is_protected(self, sheet: str) -> bool:
        """Whether the sheet is protected."""
        return bool(self.wb[sheet].protection.sheet)

    def sheet_titles(self) -> list[str]:
        """The sheet titles, in order."""
        return list(self.wb.sheetnames)

    def add_sheet(
        self, title: str, cells: Sequence[tuple[str, Cell]], widths: dict[str, float]
    ) -> None:
        """A new last sheet holding ``cells``; :class:`Formula` values become formulas.
        A workbook whose structure is locked (Protect Workbook) is refused, as Excel would."""
        if self.wb.security is not None and self.wb.security.lockStructure:
            rule = "has its structure locked (Protect Workbook): a macro cannot add a sheet"
            raise CarryxlError("workbook", str(self.path), rule)
        ws = self.wb.create_sheet(title)
        self._changed = True
        for address, value in cells:
            _set(ws[address], value)
        for column, width in widths.items():
            column_index_from_string(column)  # a bad letter fails here, not in Excel
            ws.column_dimensions[column].width = width

    def put_picture(self, sheet: str, anchor: str, png: bytes, name: str, figure: Any) -> None:
        """Embed ``png`` at ``anchor``; carryxl's earlier picture of that name is removed."""
        ws = self.wb[sheet]
        self._changed = True
        previous = self.constant(picture_name(name))
        if previous:
            old_sheet, _, old_anchor = previous.rpartition("!")
            if old_sheet in self.wb.sheetnames:
                old_ws = self.wb[old_sheet]
                old_ws._images = [
                    image for image in old_ws._images if _anchor_cell(image.anchor) != old_anchor
                ]
        image = Image(io.BytesIO(png))
        ws.add_image(image, anchor)
        self.set_constant(picture_name(name), f"{sheet}!{anchor}")

    def calculate(self) -> None:
        """openpyxl cannot calculate; Excel or LibreOffice recalculates on opening the file."""

    def notify(self, text: str) -> None:
        """The outcome goes to stdout."""
        print(text)

    def progress(self, text: str) -> None:
        """Progress goes to stderr (the terminal's status bar)."""
        if not self._quiet:
            print(text, file=sys.stderr)

    def choose_file(self, title: str, filters: str) -> str | None:
        """The file given on the command line (``carryxl run ... --file``), or a refusal."""
        if self._file is None:
            raise CarryxlError(
                "--file", None, f"is needed: the macro asks for a file ({title}); give --file FILE"
            )
        return self._file

    # -- saving ----------------------------------------------------------------------------

    def save(self, path: str | Path | None = None) -> Path:
        """Write the workbook (in place by default), keeping its VBA project, ribbon and the
        cached values of the formulas the macro did not write; nothing changed, no write."""
        target = Path(path) if path is not None else self.path
        if not self._changed:
            if target != self.path:
                replace_file(target, self._original)
            return target
        if target == self.path:
            self._check_still_ours()
        buffer = io.BytesIO()
        self.wb.save(buffer)
        saved = restore_ribbon(self._original, buffer.getvalue())
        replace_file(target, keep_cached_values(self._original, saved, self._written))
        return target

    def _check_still_ours(self) -> None:
        """Refuse to save over a file that is read-only or changed since it was read."""
        try:
            current = self.path.read_bytes()
        except OSError as error:
            message = f"cannot be read again ({error})"
            raise CarryxlError("workbook", str(self.path), message) from None
        if read_only(self.path):
            raise CarryxlError("workbook", str(self.path), "is read-only; nothing was written")
        if current != self._original:
            raise CarryxlError(
                "workbook",
                str(self.path),
                "changed on disk while the macro ran (another run or program saved it); "
                "nothing was written: run the macro again",
            )


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _sheet_parts(parts: dict[str, bytes]) -> dict[str, str]:
    """Sheet title -> its part's name in the package."""
    workbook = etree.fromstring(parts["xl/workbook.xml"], _PARSER)
    rels = etree.fromstring(parts.get("xl/_rels/workbook.xml.rels", b"<r/>"), _PARSER)
    targets = {
        r.get("Id"): r.get("Target", "") for r in rels.iter(f"{{{_PACKAGE_REL}}}Relationship")
    }
    found = {}
    for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{_REL}}}id"), "")
        name = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        found[str(sheet.get("name"))] = name
    return found


def _cached(sheet_xml: bytes) -> dict[str, tuple[str, str | None]]:
    """Cell -> (cached value, its type attribute) of every formula cell that has one."""
    found = {}
    for c in etree.fromstring(sheet_xml, _PARSER).iter(f"{{{_MAIN}}}c"):
        f, v = c.find(f"{{{_MAIN}}}f"), c.find(f"{{{_MAIN}}}v")
        if f is not None and v is not None and v.text:
            found[str(c.get("r"))] = (v.text, c.get("t"))
    return found


def keep_cached_values(original: bytes, saved: bytes, written: set[tuple[str, str]]) -> bytes:
    """``saved`` with the cached values ``original`` held for formula cells not in ``written``.

    openpyxl writes every formula with an empty value; Excel and LibreOffice had saved
    one. Only those cells change; every other part and byte of ``saved`` is kept.
    """
    before, after = read_parts(original), read_parts(saved)
    old_sheets, new_sheets = _sheet_parts(before), _sheet_parts(after)
    changed: dict[str, bytes] = {}
    for title, new_name in new_sheets.items():
        old_name = old_sheets.get(title)
        if old_name not in before or new_name not in after:
            continue
        cached = _cached(before[old_name])
        if not cached:
            continue
        root = etree.fromstring(after[new_name], _PARSER)
        touched = False
        for c in root.iter(f"{{{_MAIN}}}c"):
            ref = str(c.get("r"))
            if ref not in cached or (title, ref) in written or c.find(f"{{{_MAIN}}}f") is None:
                continue
            v = c.find(f"{{{_MAIN}}}v")
            if v is None:
                v = etree.SubElement(c, f"{{{_MAIN}}}v")
            if v.text:
                continue
            v.text, kind = cached[ref]
            if kind is not None:
                c.set("t", kind)
            touched = True
        if touched:
            changed[new_name] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
    if not changed:
        return saved
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(saved)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, changed.get(info.filename, source.read(info)))
    return out.getvalue()


def _set(cell: Any, value: Cell) -> None:
    """Write ``value``; a :class:`Formula` as a formula, any string as text.

    openpyxl makes a formula of a string starting with "=" and an error value of one such
    as "#N/A": text (a message quoting the user's cell, say) is typed as a string.
    """
    if isinstance(value, Formula):
        cell.value = value.text
        return
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
