"""Chart, calculator and refresh through the file path; the dispatcher's table."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from PIL import Image as PILImage

from carryxl.core import carry_breakdown
from carryxl.core.errors import CarryxlError
from carryxl.macros import FileBook, run_macro
from carryxl.macros.calculator import CALCULATOR_TITLE
from tests.libreoffice import convert
from tests.macros.workbooks import grid_values, scenario_workbook


def _run(tag: str, path: Path) -> object:
    with FileBook(path, quiet=True) as book:
        result = run_macro(tag, book)
        book.save()
    return result


def test_chart_embeds_one_png_beside_the_grid_and_replaces_it(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "chart.xlsx")
    png = _run("chart", path)
    assert isinstance(png, bytes)
    assert png.startswith(b"\x89PNG")
    assert PILImage.open(io.BytesIO(png)).size == (1000, 400)
    _run("chart", path)
    wb = openpyxl.load_workbook(path)
    images = wb["Scenarios"]._images
    assert len(images) == 1  # the second run replaced the first picture
    start = images[0].anchor._from
    assert (start.col, start.row) == (5, 2)  # F3: grid B3:D5, one column gap
    assert wb.defined_names["_carryxl_pic_carryxl_scenarios"].attr_text == '"Scenarios!F3"'


def test_refresh_fills_the_grid_and_redraws_a_chart_drawn_before(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "refresh.xlsx")
    _run("refresh", path)
    assert grid_values(path)[2][1] == pytest.approx(526_750.0, abs=1e-6)
    assert openpyxl.load_workbook(path)["Scenarios"]._images == []
    _run("chart", path)
    _run("refresh", path)
    assert len(openpyxl.load_workbook(path)["Scenarios"]._images) == 1


def test_calculator_sheets_get_free_titles(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "calc.xlsx")
    assert _run("calculator", path) == CALCULATOR_TITLE
    assert _run("calculator", path) == f"{CALCULATOR_TITLE} 2"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[-2:] == [CALCULATOR_TITLE, f"{CALCULATOR_TITLE} 2"]
    sheet = wb[CALCULATOR_TITLE]
    assert sheet["B16"].value == "=B4*(B12*(1+B7*B9)-(1+B8*B9))"
    assert sheet["A16"].data_type == "s"


@pytest.mark.libreoffice
@pytest.mark.parametrize(
    ("pair", "funding", "notional", "s0", "s1", "rt", "rf", "t"),
    [
        ("AUD/JPY", "JPY", 10_000_000, 100, 103, 0.045, 0.001, 0.5),  # seed 1
        ("USD/TRY", "USD", 100_000, 30, 32, 0.25, 0.05, 0.25),  # seed 2
    ],
)
def test_calculator_formulas_agree_with_the_core_in_libreoffice(
    tmp_path: Path,
    pair: str,
    funding: str,
    notional: float,
    s0: float,
    s1: float,
    rt: float,
    rf: float,
    t: float,
) -> None:
    path = scenario_workbook(tmp_path / "calc.xlsx")
    _run("calculator", path)
    wb = openpyxl.load_workbook(path)
    sheet = wb[CALCULATOR_TITLE]
    for row, value in enumerate((pair, funding, notional, s0, s1, rt, rf, t), start=2):
        sheet[f"B{row}"] = value
    wb.save(path)
    recalculated = convert(path, "xlsx", tmp_path / "lo")
    values = openpyxl.load_workbook(recalculated, data_only=True)[CALCULATOR_TITLE]
    orientation = "target/funding" if pair.endswith(funding) else "funding/target"
    core = carry_breakdown(notional, s0, s1, rt, rf, t, orientation)
    assert values["B13"].value == pytest.approx(float(core.carry), abs=1e-6)
    assert values["B14"].value == pytest.approx(float(core.fx), abs=1e-6)
    assert values["B15"].value == pytest.approx(float(core.cross), abs=1e-6)
    assert values["B16"].value == pytest.approx(float(core.total), abs=1e-6)
    expected_total = {"AUD/JPY": 526_750.0, "USD/TRY": -1_640.625}[pair]  # seed cases
    assert values["B16"].value == pytest.approx(expected_total, abs=1e-6)


def test_protected_sheets_are_refused_and_left_alone(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "locked.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Scenarios"].protection.sheet = True  # protected without a password
    wb.save(path)
    before = path.read_bytes()
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError, match="protected"):
        run_macro("scenario", book)
    assert path.read_bytes() == before


def test_chart_of_a_protected_grid_goes_on_a_sheet_of_its_own(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "locked.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Scenarios"].protection.sheet = True
    wb.create_sheet("Carry chart")  # the user's own sheet of that name is not touched
    wb.save(path)
    _run("chart", path)
    _run("chart", path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Trade", "Scenarios", "Carry chart", "Carry chart 2"]
    assert wb["Scenarios"]._images == []
    assert wb["Carry chart"]._images == []
    assert len(wb["Carry chart 2"]._images) == 1
