"""The scenario macro through the file path, against hand calculations and the core."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from carryxl.core import Orientation, Pair, carry_pnl
from carryxl.core.errors import CarryxlError
from carryxl.macros import FileBook, fill_scenario_grid
from carryxl.macros.scenario import (
    ScenarioInputs,
    read_scenario_inputs,
    scenario_grid,
    scenario_spot_end,
)
from tests.libreoffice import convert
from tests.macros.workbooks import grid_values, scenario_workbook


def _fill(path: Path) -> None:
    with FileBook(path, quiet=True) as book:
        fill_scenario_grid(book)
        book.save()


def test_seed_case_1_cell_is_526750_jpy(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "audjpy.xlsx")
    _fill(path)
    grid = grid_values(path)
    # move +3% (row 3), 0.5 years (column 2): 10m * (1.03 * 1.0225 - 1.0005)
    assert grid[2][1] == pytest.approx(526_750.0, abs=1e-6)
    # every cell by hand: N * [(1 + m)(1 + r_t t) - (1 + r_f t)]
    for i, m in enumerate((-0.05, 0.0, 0.03)):
        for j, t in enumerate((0.25, 0.5, 1.0)):
            expected = 10_000_000 * ((1 + m) * (1 + 0.045 * t) - (1 + 0.001 * t))
            assert grid[i][j] == pytest.approx(expected, abs=1e-6)
    # zero move, one year: pure carry 10m * 4.4% = 440,000 JPY
    assert grid[1][2] == pytest.approx(440_000.0, abs=1e-6)


def test_seed_case_2_funding_target_orientation(tmp_path: Path) -> None:
    # USD/TRY 30 -> 32 funded in USD: the lira moves 30/32 - 1 = -6.25% against the dollar.
    path = scenario_workbook(
        tmp_path / "usdtry.xlsx",
        pair="USD/TRY",
        funding="USD",
        notional=100_000,
        spot_start=30.0,
        rate_target=0.25,
        rate_funding=0.05,
        moves=(-0.0625, 0.0),
        horizons=(0.25,),
    )
    _fill(path)
    grid = grid_values(path)
    assert grid[0][0] == pytest.approx(-1_640.625, abs=1e-9)
    assert grid[1][0] == pytest.approx(100_000 * (0.25 - 0.05) * 0.25, abs=1e-9)  # 5,000 USD


def test_spot_end_follows_the_pairs_quote() -> None:
    assert scenario_spot_end(100.0, 0.03, Orientation.TARGET_FUNDING) == pytest.approx(103.0)
    assert scenario_spot_end(30.0, -0.0625, Orientation.FUNDING_TARGET) == pytest.approx(32.0)


def test_grid_matches_core_carry_pnl_with_explicit_end_spots(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "b.xlsx", moves=(-0.1, 0.02), horizons=(0.5, 2.0))
    _fill(path)
    grid = grid_values(path)
    for i, spot_end in enumerate((90.0, 102.0)):
        for j, years in enumerate((0.5, 2.0)):
            core = float(carry_pnl(10_000_000, 100.0, spot_end, 0.045, 0.001, years))
            assert grid[i][j] == pytest.approx(core, rel=1e-12)


@given(
    spot=st.floats(0.01, 1e4),
    move=st.floats(-0.9, 2.0),
    years=st.floats(0.0, 5.0),
    r_t=st.floats(-0.01, 0.5),
    r_f=st.floats(-0.01, 0.5),
    inverted=st.booleans(),
)
def test_grid_cell_is_exact_pnl_in_both_orientations(
    spot: float, move: float, years: float, r_t: float, r_f: float, inverted: bool
) -> None:
    pair, funding = (Pair.parse("USD/TRY"), "USD") if inverted else (Pair.parse("AUD/JPY"), "JPY")
    inputs = ScenarioInputs(
        pair, funding, 1_000.0, spot, r_t, r_f, np.array([move]), np.array([years])
    )
    cell = float(scenario_grid(inputs)[0, 0])
    # by hand: the target's value in funding units moves by (1 + move)
    expected = 1_000.0 * ((1 + move) * (1 + r_t * years) - (1 + r_f * years))
    assert math.isclose(cell, expected, rel_tol=1e-9, abs_tol=1e-9)


def test_other_cells_stay_as_they_were(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "keep.xlsx")
    _fill(path)
    wb = openpyxl.load_workbook(path)
    assert wb["Trade"]["D2"].value == "=B4*2"
    assert wb["Trade"]["D3"].value == "=not a formula"
    assert wb["Trade"]["D3"].data_type == "s"
    assert wb["Trade"]["B2"].value == "AUD/JPY"
    assert wb.defined_names["_carryxl_fp_out_scenario_grid"].hidden


def test_refuses_to_overwrite_a_users_value_and_changes_nothing(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "mine.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Scenarios"]["C4"] = 12345
    wb.save(path)
    before = path.read_bytes()
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError) as caught:
        fill_scenario_grid(book)
    assert "did not write" in str(caught.value)
    assert caught.value.argument == "out_scenario_grid"
    assert path.read_bytes() == before


def test_rewrites_its_own_output_but_not_a_later_user_edit(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "own.xlsx")
    _fill(path)
    wb = openpyxl.load_workbook(path)
    wb["Trade"]["B5"] = 110.0  # new spot: carryxl may refresh its own grid
    wb.save(path)
    _fill(path)
    assert grid_values(path)[1][2] == pytest.approx(440_000.0, abs=1e-6)  # zero move, 1y
    wb = openpyxl.load_workbook(path)
    wb["Scenarios"]["B3"] = 1.0  # the user types over one cell
    wb.save(path)
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError, match="did not write"):
        fill_scenario_grid(book)


def test_grid_of_the_wrong_shape_is_refused(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "shape.xlsx", grid_shape=(2, 3))
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError, match="must be 3x3"):
        fill_scenario_grid(book)


def test_missing_name_and_bad_input_are_named(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "bad.xlsx", funding="EUR")
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError) as caught:
        read_scenario_inputs(book)
    assert caught.value.argument == "in_funding"
    wb = openpyxl.load_workbook(path)
    del wb.defined_names["in_notional"]
    wb["Trade"]["B3"] = "JPY"
    wb.save(path)
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError) as caught:
        read_scenario_inputs(book)
    assert caught.value.argument == "in_notional"


def test_a_formula_in_the_grid_is_never_overwritten(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "formula.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Scenarios"]["C4"] = "=1+1"
    wb.save(path)
    before = path.read_bytes()
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError, match="holds formulas"):
        fill_scenario_grid(book)
    assert path.read_bytes() == before


@pytest.mark.libreoffice
def test_formula_inputs_read_their_saved_value(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "inputs.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Trade"]["B4"] = "=5000000*2"  # in_notional as a formula, never calculated
    wb.save(path)
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError, match="calculated"):
        fill_scenario_grid(book)
    recalculated = convert(path, "xlsx", tmp_path / "lo")  # LibreOffice saves the value
    _fill(recalculated)
    assert grid_values(recalculated)[2][1] == pytest.approx(526_750.0, abs=1e-6)
    assert openpyxl.load_workbook(recalculated)["Trade"]["B4"].value == "=5000000*2"


def _grid_of_formulas(path: Path, exact: bool) -> Path:
    """The grid as the templates write it: Excel formulas over the names (exact or simple)."""
    wb = openpyxl.load_workbook(path)
    sheet = wb["Scenarios"]
    for row in range(3, 6):
        for col in "BCD":
            x, t = f"(1+$A{row})", f"{col}$2"
            if exact:
                formula = f"=in_notional*({x}*(1+in_rate_target*{t})-(1+in_rate_funding*{t}))"
            else:  # the textbook carry + FX, without the cross term
                formula = f"=in_notional*((in_rate_target-in_rate_funding)*{t}+$A{row})"
            sheet[f"{col}{row}"] = formula
    wb.save(path)
    return path


@pytest.mark.libreoffice
def test_a_grid_of_agreeing_formulas_is_checked_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _grid_of_formulas(scenario_workbook(tmp_path / "f.xlsx"), exact=True)
    calculated = convert(path, "xlsx", tmp_path / "lo")
    before = calculated.read_bytes()
    with FileBook(calculated, quiet=True) as book:
        grid = fill_scenario_grid(book)
    assert grid[2, 1] == pytest.approx(526_750.0, abs=1e-6)
    assert "all 9 cells agree with carryxl's exact P&L to the cent" in capsys.readouterr().out
    assert calculated.read_bytes() == before


@pytest.mark.libreoffice
def test_a_grid_of_disagreeing_formulas_is_reported(tmp_path: Path) -> None:
    path = _grid_of_formulas(scenario_workbook(tmp_path / "f.xlsx"), exact=False)
    calculated = convert(path, "xlsx", tmp_path / "lo")
    with FileBook(calculated, quiet=True) as book, pytest.raises(CarryxlError) as caught:
        fill_scenario_grid(book)
    # largest gap: the cross term |N*g*r_t*t| at -5%, 1 year = 10m * 0.05 * 0.045 = 22,500 JPY
    assert "differ from carryxl's exact P&L by 22,500.00 JPY (move -5.00%, 1 y)" in str(
        caught.value
    )


@pytest.mark.libreoffice
def test_its_own_grid_is_still_its_own_after_libreoffice_saves_the_file(tmp_path: Path) -> None:
    path = scenario_workbook(
        tmp_path / "lo.xlsx", moves=(-0.0731, 0.0123, 0.0417), horizons=(0.13, 0.77, 1.9)
    )
    _fill(path)
    saved = convert(path, "xlsx", tmp_path / "lo")  # numbers come back with 15 digits
    assert grid_values(saved) != grid_values(path)  # not bit for bit…
    _fill(saved)  # …but still carryxl's: no refusal
    assert grid_values(saved)[1][1] == pytest.approx(grid_values(path)[1][1], rel=1e-15)


def test_the_template_s_tenors_are_read_as_the_core_s_years(tmp_path: Path) -> None:
    """The scenarios template holds tenors (1W ... 2Y): the macro reads them as the core's
    year fractions, its grid is the core's, and a text that is no tenor is refused."""
    from carryxl.workbooks import workbook_bytes  # noqa: PLC0415
    from carryxl.workbooks.sheets.scenarios import TENORS, YEARS  # noqa: PLC0415

    path = tmp_path / "scenarios.xlsx"
    path.write_bytes(workbook_bytes("scenarios", "en", "native"))
    with FileBook(path, quiet=True) as book:
        inputs = read_scenario_inputs(book)
    assert inputs.years.tolist() == list(YEARS)
    assert inputs.periods == TENORS
    assert [inputs.period(j) for j in range(2)] == ["1W", "1M"]
    week = carry_pnl(10_000_000, 100.0, 103.0, 0.045, 0.001, 7 / 365)
    assert scenario_grid(inputs)[9, 0] == pytest.approx(float(week), abs=1e-6)  # +3%, 1W

    wb = openpyxl.load_workbook(path)
    title, area = next(iter(wb.defined_names["in_scenario_years"].destinations))
    wb[title][area.replace("$", "").split(":")[0]].value = "6 months"
    wb.save(path)
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError) as caught:
        read_scenario_inputs(book)
    assert str(caught.value).startswith("in_scenario_years[0]: must be a tenor such as")
