"""``carryxl run`` on files, including a macro-enabled one with the ribbon."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from carryxl.addin.build import build_xlsm
from carryxl.addin.ribbon import CUSTOM_UI14_PART, CUSTOM_UI14_RELATIONSHIP
from carryxl.cli import main
from tests.macros.workbooks import grid_values, scenario_workbook


def test_run_scenario_writes_the_grid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = scenario_workbook(tmp_path / "book.xlsx")
    assert main(["run", "scenario", str(path), "--quiet"]) == 0
    assert capsys.readouterr().out.strip() == str(path)
    assert grid_values(path)[2][1] == pytest.approx(526_750.0, abs=1e-6)


def test_run_refusal_exits_2_and_leaves_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scenario_workbook(tmp_path / "book.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Scenarios"]["D5"] = "my note"
    wb.save(path)
    before = path.read_bytes()
    assert main(["run", "scenario", str(path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "out_scenario_grid" in err
    assert "did not write" in err
    assert path.read_bytes() == before


def test_run_on_an_xlsm_keeps_its_vba_project_and_ribbon(tmp_path: Path) -> None:
    xlsm = build_xlsm(scenario_workbook(tmp_path / "book.xlsx"), udf_module_name=None)
    with zipfile.ZipFile(xlsm) as archive:
        project = archive.read("xl/vbaProject.bin")
        ribbon = archive.read(CUSTOM_UI14_PART)
    out = tmp_path / "out.xlsm"
    assert main(["run", "scenario", str(xlsm), "--out", str(out), "--quiet"]) == 0
    with zipfile.ZipFile(out) as archive:
        assert archive.read("xl/vbaProject.bin") == project
        assert archive.read(CUSTOM_UI14_PART) == ribbon
        rels = archive.read("_rels/.rels").decode("utf-8")
        types = archive.read("[Content_Types].xml").decode("utf-8")
    assert f'Type="{CUSTOM_UI14_RELATIONSHIP}"' in rels
    assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in types
    assert grid_values(out)[1][2] == pytest.approx(440_000.0, abs=1e-6)


def test_run_refuses_other_file_types(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "book.ods"
    path.write_bytes(b"")
    assert main(["run", "scenario", str(path)]) == 2
    assert "must be an .xlsx or .xlsm file" in capsys.readouterr().err
