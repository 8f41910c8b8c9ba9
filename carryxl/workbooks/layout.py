"""Writing a template sheet: labelled input and output rows, names, notes, validation.

A :class:`Book` is a workbook under construction in one language; a :class:`Form` writes
rows of *label | value | unit* down one sheet. Every input gets a workbook-scope name
(``in_notional``), an unlocked input style and a note in plain words; every output
gets a name (``out_total``), a locked output style and a number format.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, Rule
from openpyxl.styles import Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat
from openpyxl.utils import absolute_coordinate, get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.core.conventions import NO_MINOR_UNIT
from carryxl.core.defaults import TRADING_DAYS
from carryxl.owned import fingerprint, fingerprint_name
from carryxl.templates import FORMULA_MODES, LANGS
from carryxl.workbooks import styles
from carryxl.workbooks.fit import fit_sheet
from carryxl.workbooks.labels import label, note
from carryxl.workbooks.pages import paginate
from carryxl.workbooks.words import in_book_words

__all__ = [
    "FORMULA_MODES",
    "HORIZON_YEARS",
    "LANGS",
    "RATE_INPUTS",
    "RATE_RANGE",
    "Book",
    "Form",
    "header_row",
    "note_comment",
    "print_setup",
    "protect",
    "put_text",
    "reference",
    "sheet_head",
    "whole_unit_rules",
    "whole_units",
]


RATE_RANGE = (-0.1, 2.0)
"""Plausible yearly rates, as decimals: -10% (below the negative policy rates of JPY, CHF
and EUR) to 200% (above any inflation-era policy rate of the currencies listed)."""
HORIZON_YEARS = f"(in_horizon_days/{TRADING_DAYS})"
"""A VaR horizon input in trading days (``in_horizon_days``) in years: the 252-day year."""
RATE_INPUTS = frozenset({"in_rate_target", "in_rate_funding"})
"""Single-cell inputs validated to :data:`RATE_RANGE` wherever a template has them."""


def whole_units(currency: str) -> str:
    """A condition that holds where ``currency`` (a formula of a code) has no minor unit."""
    codes = ",".join(f'"{code}"' for code in sorted(NO_MINOR_UNIT))
    return f"ISNUMBER(MATCH({currency},{{{codes}}},0))"


def whole_unit_rules(
    currency: str,
    area: str,
    colors: styles.ColorConvention | None = None,
    first: Sequence[tuple[str, DifferentialStyle]] = (),
    blank: str | None = None,
) -> list[Rule]:
    """The rules that show the money in ``area`` in whole units where ``currency`` has no
    minor unit: after nothing shown where ``blank`` holds, and after the conditions
    ``first`` (each also in whole units where it holds, then as it is), with the gain and
    loss colours when ``colors`` is given."""
    whole = whole_units(currency)
    number = NumberFormat(numFmtId=styles.WHOLE_MONEY_ID, formatCode=styles.WHOLE_MONEY)
    cell = area.split(":", maxsplit=1)[0]
    rules: list[tuple[str, DifferentialStyle]] = []
    if blank is not None:
        hidden = NumberFormat(numFmtId=styles.HIDDEN_ID, formatCode=styles.HIDDEN)
        rules.append((blank, DifferentialStyle(numFmt=hidden)))
    for condition, style in first:
        both = DifferentialStyle(font=style.font, border=style.border, numFmt=number)
        rules += [(f"AND({whole},{condition})", both), (condition, style)]
    if colors is not None:
        for sign, color in ((">0", colors.gain), ("<0", colors.loss)):
            style = DifferentialStyle(font=Font(color=color), numFmt=number)
            rules.append((f"AND({whole},{cell}{sign})", style))
    rules.append((whole, DifferentialStyle(numFmt=number)))
    return [Rule(type="expression", dxf=dxf, formula=[formula]) for formula, dxf in rules]


def note_comment(book: Book, key: str) -> Comment:
    """The note (comment) explaining input ``key`` in the book's language."""
    return Comment(note(key, book.lang), "carryxl", height=110, width=320)


def put_text(cell: Cell, value: str) -> Cell:
    """Store ``value`` as text, never as a formula, even when it begins with = + - @."""
    cell.value = value
    cell.data_type = "s"
    return cell


def reference(ws: Worksheet, first: str, last: str | None = None) -> str:
    """``'Sheet name'!$B$4`` or ``'Sheet name'!$B$4:$B$9`` for names and charts."""
    area: str = absolute_coordinate(first)
    if last is not None:
        area += ":" + absolute_coordinate(last)
    return f"{quote_sheetname(ws.title)}!{area}"


class Book:
    """A workbook under construction in ``lang`` (``en``/``zh``) and formula ``mode``;
    ``colors``: ``green-up`` or ``red-up`` (None: the language's convention)."""

    def __init__(self, lang: str, mode: str, colors: str | None = None) -> None:
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.lang = lang
        self.mode = mode
        self.colors = styles.color_convention(colors, lang)
        self.names: dict[str, str] = {}
        self.local: Worksheet | None = None  # while set, names on this sheet are its own
        self._painted: dict[tuple[str, str | None], StyleArray] = {}
        self.pnl: dict[str, list[str]] = {}  # sheet title -> cells coloured as gain/loss
        # sheet title -> the currency (a formula, e.g. in_funding) -> its money cells
        # sheet title -> money area -> (its currency, a formula; where it is blank or None)
        self.money: dict[str, dict[str, tuple[str, str | None]]] = {}

    def mark_pnl(self, ws: Worksheet, area: str) -> None:
        """Colour the gain or loss in ``area`` (``B20`` or ``F4:F24``) by :attr:`colors`."""
        self.pnl.setdefault(ws.title, []).append(area)

    def mark_money(self, ws: Worksheet, area: str, currency: str, blank: str | None = None) -> None:
        """Show the money in ``area`` in the minor unit of ``currency`` (a formula of the
        currency code, relative to ``area``'s first cell: ``in_funding``, ``RIGHT($F4,3)``):
        whole units for JPY, KRW... (:data:`carryxl.core.conventions.NO_MINOR_UNIT`), the
        cell's own two decimals otherwise. A conditional number format, so that it follows
        the currency a user chooses (Excel and LibreOffice both apply it). ``blank``: a
        condition (relative to the first cell too) under which the cell shows nothing, such
        as a row without a position whose 0 the book's sums read."""
        self.money.setdefault(ws.title, {})[area] = (currency, blank)

    def finish(self) -> None:
        """Last touches once every sheet is written: money in its minor unit, gains and
        losses coloured, every font the language's
        (:func:`carryxl.workbooks.styles.localise_fonts`).

        LibreOffice applies one conditional format to a cell (the first range's), and of
        its rules the first that holds (and a colour scale): each money range gets one
        format whose whole-unit rules carry the gain or loss colour too.
        """
        for title in sorted(set(self.pnl) | set(self.money), key=self.wb.sheetnames.index):
            ws = self.wb[title]
            pnl = self.pnl.get(title, [])
            money = self.money.get(title, {})
            for area, (currency, blank) in money.items():
                colors = self.colors if area in pnl else None
                for rule in whole_unit_rules(currency, area, colors, blank=blank):
                    ws.conditional_formatting.add(area, rule)
                if area in pnl:
                    for rule in self._pnl_rules():
                        ws.conditional_formatting.add(area, rule)
            others = [area for area in pnl if area not in money]
            if others:
                for rule in self._pnl_rules():
                    ws.conditional_formatting.add(" ".join(others), rule)
        styles.localise_fonts(self.wb, self.lang)

    def _pnl_rules(self) -> list[CellIsRule]:
        rules = (("greaterThan", self.colors.gain), ("lessThan", self.colors.loss))
        return [
            CellIsRule(operator=operator, formula=["0"], font=Font(color=color))
            for operator, color in rules
        ]

    def paint(self, cell: Cell, role: str, number_format: str | None = None) -> Cell:
        """Style ``cell`` as ``role`` (input, output, header, note, bold, title, plain).

        The first cell of each (role, format) is styled through openpyxl; later ones copy
        its style indices, which is much faster than registering each attribute again.
        """
        key = (role, number_format)
        painted = self._painted.get(key)
        if painted is not None:
            cell._style = copy(painted)
            return cell
        for attribute, value in styles.ROLES[role].items():
            setattr(cell, attribute, value)
        if number_format is not None:
            cell.number_format = number_format
        self._painted[key] = copy(cell._style)
        return cell

    def t(self, key: str) -> str:
        """The label ``key`` in this book's language."""
        return label(key, self.lang)

    def sheet(self, key: str) -> Worksheet:
        """A new sheet titled with the label ``key``."""
        return self.wb.create_sheet(self.t(key))

    def define(self, name: str, ws: Worksheet, first: str, last: str | None = None) -> None:
        """A workbook-scope name for a cell or a range; a sheet-scope one on
        :attr:`local` (the same formulas then read that sheet's cells there)."""
        ref = reference(ws, first, last)
        if self.local is not None and ws is self.local:
            ws.defined_names.add(DefinedName(name, attr_text=ref))
            return
        self.names[name] = ref
        self.wb.defined_names.add(DefinedName(name, attr_text=ref))

    def own(self, names: Sequence[str]) -> list[str]:
        """Record the example values this book holds in the workbook-scope ranges ``names``
        (the ranges buttons fill) as carryxl's own: a hidden fingerprint per range, as a
        macro records after writing (:mod:`carryxl.owned`), so a button may replace them
        while they are untouched and refuses once the user has edited them. Ranges the book
        does not define, holding a formula, or empty are left alone. The names owned."""
        owned = []
        for name in dict.fromkeys(names):
            if name not in self.names:
                continue
            ((title, ref),) = self.wb.defined_names[name].destinations
            area = self.wb[title][ref.replace("$", "")]
            grid = area if isinstance(area, tuple) else ((area,),)
            if any(
                c.data_type == "f" or isinstance(c.value, ArrayFormula) for r in grid for c in r
            ):
                continue
            rows = [[c.value for c in row] for row in grid]
            if all(v is None or v == "" for row in rows for v in row):
                continue
            text = '"' + fingerprint(rows).replace('"', '""') + '"'
            self.wb.defined_names.add(
                DefinedName(fingerprint_name(name), attr_text=text, hidden=True)
            )
            owned.append(name)
        return owned


class Form:
    """Rows of *label | value | unit* written down a sheet from ``row``."""

    def __init__(self, book: Book, ws: Worksheet, row: int = 4, col: int = 1) -> None:
        self.book = book
        self.ws = ws
        self.row = row
        self.col = col
        self._validations: dict[str, DataValidation] = {}

    def _cell(self, offset: int) -> Cell:
        cell: Cell = self.ws.cell(self.row, self.col + offset)
        return cell

    @property
    def value_column(self) -> str:
        """The letter of the value column."""
        letter: str = get_column_letter(self.col + 1)
        return letter

    def section(self, key: str) -> None:
        """A section heading across the three columns, with a blank row before it."""
        if self.row > 4:
            self.row += 1
        for offset in range(3):
            self.book.paint(self._cell(offset), "section")
        put_text(self._cell(0), self.book.t(key))
        self.row += 1

    def _label(self, key: str, unit: str | None) -> None:
        put_text(self._cell(0), self.book.t(key))
        if unit is not None:
            cell = self._cell(2)
            if unit.startswith("="):
                cell.value = unit  # a formula such as =in_funding, written by us
            else:
                put_text(cell, self.book.t(unit))
            self.book.paint(cell, "note")

    def input(
        self,
        name: str,
        value: Any,
        kind: str,
        unit: str | None = None,
        choices: str | None = None,
        strict: bool = True,
    ) -> str:
        """An editable input named ``name``; ``choices`` is a list formula for validation."""
        self._label(name, unit)
        cell = self._cell(1)
        value = in_book_words(choices, value, self.book.lang)  # a seed's word, the book's
        if isinstance(value, str):
            put_text(cell, value)
        else:
            cell.value = value
        self.book.paint(cell, "input", styles.number_format(kind, self.book.lang))
        self._money(cell.coordinate, kind, unit)
        cell.comment = note_comment(self.book, name)
        if choices is not None:
            self.validate(cell.coordinate, choices, strict)
        if name in RATE_INPUTS:
            self.validate_rate(cell.coordinate)
        self.book.define(name, self.ws, cell.coordinate)
        self.row += 1
        coordinate: str = cell.coordinate
        return coordinate

    def _money(self, coordinate: str, kind: str, unit: str | None) -> None:
        """Money whose unit cell names its currency (``=in_funding``) in that currency's
        minor unit (:meth:`Book.mark_money`)."""
        if kind in ("money", "pnl") and unit is not None and unit.startswith("="):
            self.book.mark_money(self.ws, coordinate, unit.removeprefix("="))

    def validate(self, coordinate: str, choices: str, strict: bool = True) -> None:
        """Add ``coordinate`` to the list validation for ``choices`` (made on first use).

        ``choices`` is written as a cell would hold it (``=list_pairs``, ``"1,2,3"``); the
        file stores it as Excel writes it, without the leading ``=``: openpyxl writes
        ``formula1`` verbatim, and Excel keeps only the formula's text there.
        """
        dv = self._validations.get(choices)
        if dv is None:
            dv = DataValidation(
                type="list",
                formula1=choices.removeprefix("="),
                allow_blank=False,
                showErrorMessage=True,
                errorStyle="stop" if strict else "warning",
                error=self.book.t("validation_error"),
                errorTitle="carryxl",
            )
            self.ws.add_data_validation(dv)
            self._validations[choices] = dv
        dv.add(coordinate)

    def validate_rate(self, area: str) -> None:
        """Rates a year in ``area`` kept to :data:`RATE_RANGE` (negatives allowed), the rule
        shown as the input message when a cell is selected and as the error."""
        dv = self._validations.get("rate")
        if dv is None:
            low, high = (f"{bound:.0%}" for bound in RATE_RANGE)
            rule = self.book.t("rate_rule").format(low=low, high=high)
            dv = DataValidation(
                type="decimal",
                operator="between",
                formula1=repr(RATE_RANGE[0]),
                formula2=repr(RATE_RANGE[1]),
                allow_blank=True,
                showInputMessage=True,
                promptTitle=self.book.t("rate_rule_title"),
                prompt=rule,
                showErrorMessage=True,
                errorStyle="stop",
                errorTitle="carryxl",
                error=rule,
            )
            self.ws.add_data_validation(dv)
            self._validations["rate"] = dv
        dv.add(area)

    def output(self, name: str, formula: str, kind: str, unit: str | None = None) -> str:
        """A locked output named ``name`` holding ``formula`` (carryxl's, never user text)."""
        self._label(name, unit)
        cell = self._cell(1)
        cell.value = formula
        self.book.paint(cell, "output", styles.number_format(kind, self.book.lang))
        if kind == "pnl":
            self.book.mark_pnl(self.ws, cell.coordinate)
        self._money(cell.coordinate, kind, unit)
        self.book.define(name, self.ws, cell.coordinate)
        self.row += 1
        coordinate: str = cell.coordinate
        return coordinate

    def array_output(self, rows: Sequence[tuple[str, str, str | None]], formula: str) -> str:
        """Consecutive named outputs filled by one fixed-size array formula (a spill that
        every Excel version shows in full, without ``@``); returns the range."""
        first = self.row
        for name, kind, unit in rows:
            self.output(name, "", kind, unit)
        area = f"{self.value_column}{first}:{self.value_column}{self.row - 1}"
        for row in range(first, self.row):
            self.ws[f"{self.value_column}{row}"].value = None
        self.ws[f"{self.value_column}{first}"].value = ArrayFormula(area, formula)
        return area


def header_row(book: Book, ws: Worksheet, row: int, col: int, keys: Sequence[str]) -> None:
    """Column headings in the header style."""
    for offset, key in enumerate(keys):
        cell = ws.cell(row, col + offset)
        put_text(cell, book.t(key))
        book.paint(cell, "header")


def print_setup(ws: Worksheet, columns: Sequence[int] = ()) -> None:
    """Once the sheet and its print area are written: every text fitted to its cell
    (:func:`carryxl.workbooks.fit.fit_sheet`), then A4 pages with breaks between blocks,
    fitted to the width at a readable scale (:func:`carryxl.workbooks.pages.paginate`);
    ``columns``: the columns after which a page ends, for blocks that print apart."""
    fit_sheet(ws)
    paginate(ws, columns)


def sheet_head(book: Book, ws: Worksheet, title: str, widths: Sequence[float]) -> None:
    """Title, a line on how to use the sheet, the *item | value | unit* header; frozen."""
    put_text(ws["A1"], book.t(title)).font = styles.TITLE_FONT
    put_text(ws["A2"], book.t(f"help_{book.mode}")).font = styles.NOTE_FONT
    header_row(book, ws, 3, 1, ["col_item", "col_value", "col_unit"])
    ws.row_dimensions[3].height = 30  # room for two-line column headings
    for offset, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(offset + 1)].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "1:3"


def protect(ws: Worksheet) -> None:
    """Lock the sheet (no password): only the unlocked input cells can be edited."""
    ws.protection.sheet = True
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False
