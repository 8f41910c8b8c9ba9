"""Workbooks a trader reads and prints: every text fits its cell, every sheet prints on
readable pages, Chinese workbooks follow Chinese conventions, rates are kept plausible.

The measuring rule is written out here on its own (not taken from the generator): a text
needs one width unit per character, two per East-Asian wide (CJK) character, scaled by
its font size over 11 points, a tenth more in bold, plus 1.5 units of cell margin. Unwrapped,
it may run on over the empty cells to its right inside the print area; wrapped, each
paragraph takes ceil(units / (column width - 1.5)) lines of 15 points (at 11 points).
"""

from __future__ import annotations

import io
import itertools
import math
import unicodedata
from functools import cache
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from carryxl.addin.build import CONFIG_SHEET
from carryxl.cli import main as cli_main
from carryxl.workbooks import every_template, workbook_bytes
from carryxl.workbooks.styles import HEADER_FILL
from tests.workbooks.named import cells

# every template, and the .xlsx part of every .xlsm (its own config sheet name)
FLAVOURS = [(*t, "xlsx") for t in every_template()] + [
    (kind, lang, mode, "xlsm") for kind, lang, mode in every_template() if mode == "udf"
]
MIN_SCALE = 0.65  # 11-point text printed no smaller than about 7 points
A4_PORTRAIT_WIDTH = 595 - 72  # points inside half-inch side margins
A4_LANDSCAPE = (842 - 72, 595 - 108)  # width, height inside the margins
DEFAULT_WIDTH = 8.43


@cache
def _bytes(kind: str, lang: str, mode: str, flavour: str) -> bytes:
    if flavour == "xlsm":
        return workbook_bytes(kind, lang, mode, CONFIG_SHEET)
    return workbook_bytes(kind, lang, mode)


def _load(kind: str, lang: str = "en", mode: str = "native", flavour: str = "xlsx") -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(_bytes(kind, lang, mode, flavour)))


def _ids(t: Any) -> str:
    return "-".join(t)


def _units(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _factor(cell: Cell) -> float:
    size = float(cell.font.sz or 11)
    return size / 11 * (1.1 if cell.font.b else 1.0)


def _width(ws: Worksheet, col: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(col))
    return float(dim.width) if dim is not None and dim.width else DEFAULT_WIDTH


def _area(ws: Worksheet) -> tuple[int, int, int, int]:
    ref = str(ws.print_area).split("!")[-1].replace("$", "")
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return int(min_col or 1), int(min_row or 1), int(max_col or 1), int(max_row or 1)


def _row_height(ws: Worksheet, row: int) -> float:
    return float(ws.row_dimensions[row].height or 15)


def _visible(wb: Workbook) -> list[Worksheet]:
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]


def test_the_rule_by_hand() -> None:
    """报价货币/基础货币 is 8 CJK characters and a slash: 17 units, 18.5 with the margin;
    the Chinese calculator's unit column with the empty spacer beside it is that wide."""
    assert _units("报价货币/基础货币") == 17
    zh = _load("calculator", "zh").worksheets[0]
    unit = next(c for c in zh["C"] if c.value == "报价货币/基础货币")
    assert zh.cell(unit.row, unit.column + 1).value is None
    assert _width(zh, unit.column) + _width(zh, unit.column + 1) >= 17 + 1.5
    assert _units("quote per base") + 1.5 == 15.5


@pytest.mark.parametrize("template", FLAVOURS, ids=_ids)
def test_every_text_fits_its_cell(template: tuple[str, str, str, str]) -> None:
    """No label or header cut off or overlapping, by the rule of the module's doc."""
    wb = _load(*template)
    for ws in _visible(wb):
        last = _area(ws)[2] if ws.print_area else ws.max_column
        for row in ws.iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and cell.value and cell.data_type == "s"):
                    continue
                need = _factor(cell)
                where = f"{ws.title}!{cell.coordinate} {cell.value!r}"
                if cell.alignment.wrap_text:
                    usable = _width(ws, cell.column) - 1.5
                    lines = sum(
                        max(1, math.ceil(_units(p) * need / usable)) for p in cell.value.split("\n")
                    )
                    height = lines * 15 * float(cell.font.sz or 11) / 11
                    assert _row_height(ws, cell.row) >= height - 1e-9, where
                    continue
                room = _width(ws, cell.column)
                for col in range(cell.column + 1, last + 1):
                    if ws.cell(cell.row, col).value not in (None, ""):
                        break
                    room += _width(ws, col)
                assert _units(cell.value.split("\n")[0]) * need + 1.5 <= room + 1e-9, where


@pytest.mark.parametrize("template", FLAVOURS, ids=_ids)
def test_a_row_with_a_wrapped_label_reads_from_its_top(template: tuple[str, str, str, str]) -> None:
    """A value beside a label wrapped to the top of a taller row sits on the label's line,
    not at the row's bottom (where it reads as the next row's)."""
    wb = _load(*template)
    checked = 0
    for ws in _visible(wb):
        for row in ws.iter_rows():
            filled = [c for c in row if c.value not in (None, "")]
            wrapped = [c for c in filled if c.data_type == "s" and c.alignment.wrap_text]
            if ws.row_dimensions[row[0].row].height is None or not wrapped:
                continue
            checked += 1
            low = [c.coordinate for c in filled if c.alignment.vertical in (None, "bottom")]
            assert low == [], f"{ws.title} row {row[0].row}"
    assert checked > 0


def _blocks(ws: Worksheet, first: int) -> list[tuple[int, int]]:
    min_col, _r, max_col, max_row = _area(ws)
    blocks, start = [], None
    for row in range(first, max_row + 1):
        filled = any(ws.cell(row, c).value not in (None, "") for c in range(min_col, max_col + 1))
        if filled and start is None:
            start = row
        if not filled and start is not None:
            blocks.append((start, row - 1))
            start = None
    if start is not None:
        blocks.append((start, max_row))
    return blocks


def _heading(ws: Worksheet, row: int) -> bool:
    """A row that starts a block: a section or header cell, or bold text."""
    for cell in ws[row]:
        fill = cell.fill.fgColor.rgb if cell.fill is not None else None
        if cell.value not in (None, "") and (fill == HEADER_FILL.fgColor.rgb or cell.font.b):
            return True
    return False


@pytest.mark.parametrize("template", FLAVOURS, ids=_ids)
def test_every_sheet_prints_on_readable_pages(template: tuple[str, str, str, str]) -> None:
    """Print area, A4, landscape only where a page is wider than a portrait one, fitted to the
    width at 65% or more (else 65% over several pages wide), breaks between blocks,
    and every page that follows a break starts with a heading or repeats the headers."""
    wb = _load(*template)
    for ws in _visible(wb):
        assert ws.print_area, ws.title
        setup = ws.page_setup
        assert int(setup.paperSize) == int(ws.PAPERSIZE_A4), ws.title
        min_col, _min_row, max_col, _max_row = _area(ws)
        points = sum((7 * _width(ws, c) + 5) * 0.75 for c in range(min_col, max_col + 1))
        edges = [min_col - 1, *(b.id for b in ws.col_breaks.brk), max_col]
        widest = max(  # the widest page across: blocks side by side may print apart
            sum((7 * _width(ws, c) + 5) * 0.75 for c in range(left + 1, right + 1))
            for left, right in itertools.pairwise(edges)
        )
        landscape = widest > A4_PORTRAIT_WIDTH
        assert setup.orientation == ("landscape" if landscape else "portrait"), ws.title
        page_width = A4_LANDSCAPE[0] if landscape else A4_PORTRAIT_WIDTH
        if ws.sheet_properties.pageSetUpPr.fitToPage:
            assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
            assert min(1.0, page_width / points) >= MIN_SCALE - 0.01, ws.title
            scale = min(1.0, page_width / points)
        else:
            assert int(setup.scale) >= MIN_SCALE * 100, ws.title
            scale = int(setup.scale) / 100
            assert ws.col_breaks.brk, f"{ws.title}: wider than a page and no column break"
        titles = ws.print_title_rows
        first = int(str(titles).replace("$", "").split(":")[1]) + 1 if titles else 1
        height = A4_LANDSCAPE[1] if landscape else 842 - 108
        room = height / scale
        breaks = [b.id for b in ws.row_breaks.brk]
        for start, end in _blocks(ws, first):
            size = sum(_row_height(ws, r) for r in range(start, end + 1))
            inside = [b for b in breaks if start <= b < end]
            if size < room * 0.9:  # a block that fits a page is never split
                assert not inside, f"{ws.title}: block {start}-{end} split at {inside}"
        for b in breaks:
            block = next((s, e) for s, e in _blocks(ws, first) if s <= b + 1 <= e)
            continued = block[0] <= b
            assert _heading(ws, b + 1) or continued, f"{ws.title}: page after row {b}"
        if breaks or ws.col_breaks.brk:
            assert ws.print_title_rows or ws.print_title_cols, ws.title


@pytest.mark.parametrize(
    ("lang", "font", "charset"), [("en", "Calibri", None), ("zh", "DengXian", 134)]
)
def test_each_language_declares_its_font(lang: str, font: str, charset: int | None) -> None:
    """Chinese workbooks name a Simplified-Chinese face (DengXian, GB2312 character set,
    so Excel falls back to another Simplified-Chinese font), every cell and the default."""
    for kind, template_lang, mode in every_template():
        if template_lang != lang:
            continue
        wb = _load(kind, lang, mode)
        fonts = {(f.name, f.charset) for f in wb._fonts}
        assert fonts == {(font, charset)}, (kind, mode, fonts)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                assert all(c.font.name == font for c in row), (kind, ws.title)


def _pnl_colours(wb: Workbook, name: str) -> dict[str, str]:
    """Operator -> font colour of the conditional formats over the cell of ``name``."""
    cell = cells(wb, name)[0]
    ws = cell.parent
    found = {}
    for rules in ws.conditional_formatting:
        if cell.coordinate in rules.sqref:
            for rule in rules.rules:
                if rule.type == "cellIs":  # the whole-unit rules of JPY money: their own test
                    found[rule.operator] = rule.dxf.font.color.rgb[-6:]
    return found


GREEN, RED = "007A33", "C00000"


def test_gains_and_losses_take_each_conventions_colours(tmp_path: Any) -> None:
    """English: gains green, losses red; Chinese (mainland): gains red, losses green;
    ``carryxl new --colors`` picks either in either language."""
    assert _pnl_colours(_load("calculator"), "out_total") == {"greaterThan": GREEN, "lessThan": RED}
    zh = _load("calculator", "zh")
    assert _pnl_colours(zh, "out_total") == {"greaterThan": RED, "lessThan": GREEN}
    assert _pnl_colours(zh, "out_payoff_pnl") == {"greaterThan": RED, "lessThan": GREEN}
    for lang, colors, up in (("zh", "green-up", GREEN), ("en", "red-up", RED)):
        path = tmp_path / f"calc_{lang}.xlsx"
        assert cli_main(["new", "calculator", str(path), "--lang", lang, "--colors", colors]) == 0
        wb = openpyxl.load_workbook(path)
        assert _pnl_colours(wb, "out_total")["greaterThan"] == up
    # the scenario heat maps: the high (gain) end in the gain colour's fill
    for lang, high in (("en", "63BE7B"), ("zh", "F8696B")):
        ws = _load("scenarios", lang).worksheets[0]
        scales = [r for cf in ws.conditional_formatting for r in cf.rules if r.type == "colorScale"]
        assert {s.colorScale.color[-1].rgb[-6:] for s in scales} == {high}


def test_an_unknown_colour_convention_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Any
) -> None:
    path = tmp_path / "x.xlsx"
    assert cli_main(["new", "calculator", str(path), "--colors", "blue-up"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "--colors" in err
    assert not path.exists()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rates_are_kept_to_a_plausible_range(lang: str) -> None:
    """-10% to 200% a year, negatives allowed, the rule shown when the cell is selected."""
    for kind, name in (
        ("calculator", "in_rate_target"),
        ("calculator", "in_rate_funding"),
        ("scenarios", "in_rate_funding"),
        ("risk", "in_rate_target"),
        ("rates", "in_rates_policy"),
        ("portfolio", "in_pf_rate_base"),
    ):
        wb = _load(kind, lang)
        target = cells(wb, name)[0]
        ws = target.parent
        found = [dv for dv in ws.data_validations.dataValidation if target.coordinate in dv.sqref]
        assert len(found) == 1, (kind, name)
        dv = found[0]
        assert (dv.type, dv.operator) == ("decimal", "between")
        assert (float(dv.formula1), float(dv.formula2)) == (-0.1, 2.0)
        assert dv.showInputMessage
        assert "-10%" in dv.prompt
        assert "200%" in dv.prompt


@pytest.mark.parametrize(("lang", "yes", "no"), [("en", "yes", "no"), ("zh", "是", "否")])
def test_flags_are_words(lang: str, yes: str, no: str) -> None:
    """A yes/no output holds 1/0 and shows a word, never TRUE/FALSE or a raw 0."""
    for kind, name in (
        ("calculator", "out_inverted"),
        ("calculator", "out_dates_given"),
        ("scenarios", "out_inverted"),
        ("history", "out_history_margin_calls"),
        ("portfolio", "out_book_concentrated"),
    ):
        cell = cells(_load(kind, lang), name)[0]
        assert cell.number_format == f'"{yes}";"{yes}";"{no}"', (kind, name)
        assert "TRUE" not in str(cell.value)
        assert "FALSE" not in str(cell.value)


def _hides_by_colour(ws: Worksheet) -> list[str]:
    """Conditional formats whose font colour is the fill of a cell they cover: text drawn
    in the colour of its background, there but unseen."""
    found = []
    for rules in ws.conditional_formatting:
        for rule in rules.rules:
            font = rule.dxf.font if rule.dxf is not None else None
            if font is None or font.color is None or font.color.rgb is None:
                continue
            colour = str(font.color.rgb)[-6:]
            for ref in str(rules.sqref).split():
                min_col, min_row, _c, _r = range_boundaries(ref)
                fill = ws.cell(int(min_row or 1), int(min_col or 1)).fill
                if fill is not None and str(fill.fgColor.rgb)[-6:] == colour:
                    found.append(f"{ws.title}!{ref}")
    return found


@pytest.mark.parametrize("template", FLAVOURS, ids=_ids)
def test_nothing_is_hidden_by_its_colour(template: tuple[str, str, str, str]) -> None:
    """Unused rows are blank (a formula giving "" or an empty cell), never a value drawn
    in the colour of its cell."""
    wb = _load(*template)
    for ws in _visible(wb):
        assert not _hides_by_colour(ws), ws.title


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_unused_correlations_are_empty(lang: str) -> None:
    """The preloaded book has four positions: the matrix's other rows and columns hold
    nothing, and its w x σ row gives "" there."""
    wb = _load("portfolio", lang)
    grid = [c.value for c in cells(wb, "in_correlation")]
    rows = [grid[i * 12 : (i + 1) * 12] for i in range(12)]
    assert all(v is not None for row in rows[:4] for v in row[:4])
    assert all(v is None for row in rows for v in row[4:])
    assert all(v is None for row in rows[4:] for v in row)
    scaled = cells(wb, "out_pf_scaled")
    assert all(str(c.value).startswith("=IF(INDEX(in_pf_pair,") for c in scaled)
