"""The templates' structure: names, styles, protection, notes, validation, language, charts."""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from typing import Any

import openpyxl
import pytest
from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.workbook.workbook import Workbook

from carryxl.workbooks import every_template, workbook_bytes
from carryxl.workbooks.labels import LABELS, NOTES
from carryxl.workbooks.sheets.xlwings_conf import SHEET_NAME
from carryxl.workbooks.styles import INPUT_FILL
from tests.workbooks.named import cells

TEMPLATES = every_template()
CJK = re.compile(r"[\u4e00-\u9fff]")
RIBBON_NAMES = (
    "in_pair",
    "in_funding",
    "in_notional",
    "in_spot_start",
    "in_spot_end",
    "in_rate_target",
    "in_rate_funding",
    "in_years",
)


@cache
def _bytes(kind: str, lang: str, mode: str) -> bytes:
    return workbook_bytes(kind, lang, mode)


def _load(kind: str, lang: str = "en", mode: str = "native") -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(_bytes(kind, lang, mode)))


def _ids(t: Any) -> str:
    return "-".join(t)


@pytest.mark.parametrize("template", TEMPLATES, ids=_ids)
def test_inputs_are_named_unlocked_styled_and_explained(template: tuple[str, str, str]) -> None:
    wb = _load(*template)
    inputs = [n for n in wb.defined_names if n.startswith("in_")]
    assert inputs
    for name in inputs:
        for cell in cells(wb, name):
            assert cell.protection.locked is False, (name, cell.coordinate)
            assert cell.fill.fgColor.rgb.endswith(INPUT_FILL.fgColor.rgb[-6:]), name


@pytest.mark.parametrize("template", TEMPLATES, ids=_ids)
def test_every_single_cell_input_has_a_note(template: tuple[str, str, str]) -> None:
    wb = _load(*template)
    for name in wb.defined_names:
        found = cells(wb, name)
        if name.startswith("in_") and len(found) == 1:
            assert found[0].comment is not None, name
            assert len(found[0].comment.text) > 8, name


@pytest.mark.parametrize("template", TEMPLATES, ids=_ids)
def test_outputs_are_locked_and_sheets_protected(template: tuple[str, str, str]) -> None:
    wb = _load(*template)
    for name in wb.defined_names:
        if name.startswith("out_"):
            assert all(c.protection.locked for c in cells(wb, name)), name
    for ws in wb.worksheets:
        assert ws.protection.sheet, ws.title
        assert not ws.protection.password, ws.title
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert cell.protection.locked, (
                        f"{ws.title}!{cell.coordinate} is an editable formula"
                    )


@pytest.mark.parametrize("kind", ["calculator", "scenarios"])
def test_names_the_ribbon_relies_on_exist(kind: str) -> None:
    wb = _load(kind)
    for name in RIBBON_NAMES if kind == "calculator" else RIBBON_NAMES[:4] + RIBBON_NAMES[5:]:
        assert len(cells(wb, name)) == 1, name
    if kind == "scenarios":
        assert len(cells(wb, "in_scenario_moves")) == 13
        assert len(cells(wb, "in_scenario_years")) == 6
        moves = cells(wb, "in_scenario_moves")
        assert len({c.column for c in moves}) == 1  # a column
        years = cells(wb, "in_scenario_years")
        assert len({c.row for c in years}) == 1  # a row
        assert len(cells(wb, "out_scenario_grid")) == 13 * 6


def _validations(wb: Workbook) -> dict[str, str]:
    """Cell (``Sheet!B5``) -> list formula, over every sheet."""
    found = {}
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            for cell_range in dv.sqref.ranges:
                for row in ws.iter_rows(
                    min_row=cell_range.min_row,
                    max_row=cell_range.max_row,
                    min_col=cell_range.min_col,
                    max_col=cell_range.max_col,
                ):
                    for cell in row:
                        found[f"{ws.title}!{cell.coordinate}"] = dv.formula1
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_currencies_and_conventions_have_validation_lists(lang: str) -> None:
    for kind, names in {
        "calculator": {"in_pair": "list_pairs", "in_funding": "list_pair_currencies"},
        "asset_carry": {
            "in_funding": "in_rates_currency",
            "in_foreign": "in_rates_currency",
            "in_move_convention": "list_move_conventions",
        },
        "scenarios": {"in_pair": "list_pairs", "in_funding": "list_pair_currencies"},
        "rates": {"in_rates_day_count": "list_day_counts"},
        "swap": {
            "in_pair": "list_pairs",
            "in_side": "list_sides",
            "in_swap_form": "list_swap_forms",
            "in_triple_day": "list_triple_days",
        },
        "risk": {"in_pair": "list_pairs", "in_side": "list_sides"},
    }.items():
        wb = _load(kind, lang)
        found = _validations(wb)
        for name, source in names.items():
            for cell in cells(wb, name):
                assert found[f"{cell.parent.title}!{cell.coordinate}"] == source, name
    lists = _load("calculator")
    # the funding currency is offered as one of the pair's two currencies only
    assert [c.value for c in cells(lists, "list_pair_currencies")] == [
        "=LEFT(in_pair,3)",
        "=RIGHT(in_pair,3)",
    ]
    assert "AUD/JPY" in [c.value for c in cells(lists, "list_pairs")]
    assert [c.value for c in cells(lists, "list_day_counts")][:2] == ["ACT/360", "ACT/365F"]


def test_number_formats_money_percent_pips() -> None:
    wb = _load("calculator")
    assert cells(wb, "in_notional")[0].number_format.startswith("#,##0.00")
    assert cells(wb, "in_rate_target")[0].number_format.endswith("%")
    assert "pips" in cells(wb, "out_forward_points")[0].number_format
    assert "点" in cells(_load("calculator", "zh"), "out_forward_points")[0].number_format


@pytest.mark.parametrize("template", TEMPLATES, ids=_ids)
def test_frozen_headers_and_print_setup(template: tuple[str, str, str]) -> None:
    wb = _load(*template)
    for ws in wb.worksheets:
        if ws.sheet_state == "hidden":
            continue
        assert ws.freeze_panes is not None, ws.title
        assert ws.print_title_rows or ws.print_title_cols, ws.title
        assert ws.print_area, ws.title  # pages: tests/workbooks/test_print_and_fit.py


@pytest.mark.parametrize("kind", ["calculator", "asset_carry"])
def test_payoff_chart_is_a_native_chart(kind: str) -> None:
    with zipfile.ZipFile(io.BytesIO(_bytes(kind, "en", "native"))) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = archive.read(charts[0]).decode()
    assert ("scatterChart" if kind == "calculator" else "lineChart") in xml
    assert "$F$4:$F$" in xml  # plots the P&L column


def test_scenario_grids_have_heatmap_and_breakeven_marks() -> None:
    wb = _load("scenarios")
    ws = wb.worksheets[0]
    rules = [(str(r.sqref), rule) for r in ws.conditional_formatting for rule in r.rules]
    grids = {
        str(cells(wb, n)[0].coordinate) for n in ("out_scenario_grid", "out_scenario_grid_rates")
    }
    scales = [(ref, rule) for ref, rule in rules if rule.type == "colorScale"]
    assert {ref.split(":")[0] for ref, _ in scales} == grids
    for _ref, rule in scales:
        mid = rule.colorScale.cfvo[1]
        assert (mid.type, float(mid.val)) == ("num", 0.0)  # white at break-even
    marks = [rule for _ref, rule in rules if rule.dxf is not None and rule.dxf.border]
    assert len(marks) == 4  # each grid: the mark in whole units (JPY...), and as it is
    assert all(">=0" in rule.formula[0] and "<0" in rule.formula[0] for rule in marks)


def test_every_label_has_english_and_chinese() -> None:
    for key, (english, chinese) in {**LABELS, **NOTES}.items():
        assert english, key
        assert not CJK.search(english), key
        assert CJK.search(chinese), key


def test_seed_vocabulary_is_used_in_chinese() -> None:
    chinese = " ".join(zh for _en, zh in LABELS.values())
    for term in (
        "利差收益",
        "汇率收益",
        "融资货币",
        "目标货币",
        "名义本金",
        "期初汇率",
        "期末汇率",
        "持有期",
        "盈亏平衡汇率",
        "止损",
    ):
        assert term in chinese, term


@pytest.mark.parametrize("template", [t for t in TEMPLATES if t[1] == "zh"], ids=_ids)
def test_chinese_workbooks_have_chinese_labels_notes_and_sheet_names(
    template: tuple[str, str, str],
) -> None:
    wb = _load(*template)
    for ws in wb.worksheets:
        if ws.title == SHEET_NAME:  # xlwings finds it by this exact name
            continue
        assert CJK.search(ws.title), ws.title
        for row in ws.iter_rows():
            for cell in row:
                if cell.comment is not None:
                    assert CJK.search(cell.comment.text), cell.coordinate
        labels = [c.value for c in ws["A"] if isinstance(c.value, str) and c.data_type == "s"]
        data = {v for v in labels if re.fullmatch(r"[A-Z]{3}(/[A-Z]{3})?|[\w/ .]+", v)}
        assert labels
        assert all(CJK.search(v) for v in labels if v not in data), ws.title


def test_english_workbooks_have_no_chinese_labels() -> None:
    wb = _load("calculator", "en")
    ws = wb.worksheets[0]
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type == "s":
                assert not CJK.search(cell.value), cell.coordinate


_CELL = re.compile(r"^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$")


@pytest.mark.parametrize("template", TEMPLATES, ids=_ids)
def test_formulas_use_only_defined_names(template: tuple[str, str, str]) -> None:
    wb = _load(*template)
    defined = set(wb.defined_names)
    used = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                text = getattr(cell.value, "text", cell.value)
                for token in Tokenizer(str(text)).items:
                    is_name = (
                        token.type == Token.OPERAND
                        and token.subtype == Token.RANGE
                        and not _CELL.match(token.value)
                        and "!" not in token.value
                    )
                    if is_name:
                        assert token.value in defined, f"{ws.title}!{cell.coordinate}"
                        used.add(token.value)
    assert template[0] != "calculator" or {"in_notional", "out_inverted"} <= used


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_portfolio_risk_contribution_is_a_native_bar_chart(lang: str) -> None:
    """One chart per book (the yen book, the diversified book beside it)."""
    with zipfile.ZipFile(io.BytesIO(_bytes("portfolio", lang, "native"))) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2
        xml = [archive.read(name).decode() for name in sorted(charts)]
    wb = _load("portfolio", lang)
    for chart, sheet in zip(xml, wb.sheetnames[:2], strict=True):
        assert "barChart" in chart
        for name in ("out_pf_standalone_var", "out_pf_contribution", "in_pf_pair"):
            first = cells(wb, name, None if sheet == wb.sheetnames[0] else sheet)[0]
            column = "".join(ch for ch in first.coordinate if ch.isalpha())
            # the rows of the book's four positions, not the table's twelve
            assert f"${column}$4:${column}$7" in chart, name
            assert f"${column}$15" not in chart, name
            assert sheet in chart, sheet


def test_diversified_book_names_are_its_sheets_own() -> None:
    """Every name of the portfolio sheet also names the diversified sheet's own cell."""
    wb = _load("portfolio")
    first, other = wb.sheetnames[:2]
    local = wb[other].defined_names
    book_names = [n for n, d in wb.defined_names.items() if first in d.attr_text]
    assert set(local) == {n for n in book_names if not n.startswith("out_cmp_")}
    for name in local:
        ((title, ref),) = local[name].destinations
        assert title == other
        assert ref == next(iter(wb.defined_names[name].destinations))[1]
