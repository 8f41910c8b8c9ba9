"""The scenarios sheet's holding periods: tenors typed as a trader writes them (1W ... 2Y),
each checked by a validation rule, and their year fractions computed in a grey row that
the grids read. LibreOffice's values of both are checked in test_libreoffice.py."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.workbook.workbook import Workbook

from carryxl.core.dates import Tenor, tenor_year_fraction
from carryxl.workbooks import workbook_bytes
from carryxl.workbooks.formulas import tenor_check, tenor_years
from carryxl.workbooks.sheets.scenarios import TENORS, YEARS
from carryxl.workbooks.styles import INPUT_FILL
from tests.workbooks.named import cells

FOLDER = Path(__file__).resolve().parents[2] / "workbooks"
VARIANTS = [(lang, mode) for lang in ("en", "zh") for mode in ("native", "udf")]
COMMITTED = sorted([*FOLDER.glob("scenarios*.xlsx"), *FOLDER.glob("scenarios*.xlsm")])


def _fresh(lang: str, mode: str) -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes("scenarios", lang, mode)))


def _check(wb: Workbook, mode: str) -> None:
    """Tenor text in the inputs, their years computed under them, the grids on the years."""
    tenors, years = cells(wb, "in_scenario_years"), cells(wb, "out_scenario_years")
    assert [c.value for c in tenors] == list(TENORS)
    assert all(c.data_type == "s" and c.number_format == "@" for c in tenors)
    assert len(years) == len(tenors)
    for tenor, year in zip(tenors, years, strict=True):
        assert (year.column, year.row) == (tenor.column, tenor.row + 1)
        assert year.protection.locked
        assert not year.fill.fgColor.rgb.endswith(INPUT_FILL.fgColor.rgb[-6:])
        assert year.value == tenor_years(tenor.coordinate, mode)
    row = years[0].row
    for cell in cells(wb, "out_scenario_grid"):
        assert f"{cell.column_letter}${row}" in cell.value, cell.coordinate
        assert f"{cell.column_letter}${row - 1}" not in cell.value, cell.coordinate
    _check_rule(wb, tenors)


def _check_rule(wb: Workbook, tenors: list[Cell]) -> None:
    """One custom rule over the tenors: the input message when selected, the same error."""
    ws = tenors[0].parent
    area = f"{tenors[0].coordinate}:{tenors[-1].coordinate}"
    rules = [dv for dv in ws.data_validations.dataValidation if str(dv.sqref) == area]
    assert len(rules) == 1, [str(dv.sqref) for dv in ws.data_validations.dataValidation]
    rule = rules[0]
    assert rule.type == "custom"
    assert rule.formula1 == tenor_check(tenors[0].coordinate)
    assert len(rule.formula1) <= 255  # Excel keeps no longer a validation formula
    assert rule.showInputMessage
    assert rule.showErrorMessage
    assert rule.errorStyle == "stop"
    assert rule.prompt == rule.error
    assert all(t in rule.prompt for t in ("D", "W", "M", "Y", "1W", "2Y", "9999"))
    assert len(rule.prompt) <= 255
    assert len(rule.promptTitle) <= 32


@pytest.mark.parametrize(("lang", "mode"), VARIANTS)
def test_the_holding_periods_are_tenors_and_their_years_are_computed(lang: str, mode: str) -> None:
    _check(_fresh(lang, mode), mode)


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_every_committed_scenarios_workbook_has_the_tenor_row(path: Path) -> None:
    mode = "udf" if "_udf" in path.name else "native"
    _check(openpyxl.load_workbook(path), mode)


def test_the_seed_tenors_and_years_are_the_cores() -> None:
    assert [str(Tenor.parse(t)) for t in TENORS] == list(TENORS)
    assert tuple(tenor_year_fraction(t) for t in TENORS) == YEARS
    assert YEARS[:3] == (7 / 365, 1 / 12, 0.25)  # ACT/365F: a week is 7/365
