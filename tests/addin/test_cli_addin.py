"""``carryxl addin``: build, xlsm, and install/uninstall refusing on Linux."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import xlwings

from carryxl.addin.build import addin_bytes, build_addin, build_xlsm, load_udf_module, xlsm_bytes
from carryxl.addin.install import config_path, config_text, require_excel_platform
from carryxl.addin.vba import function_descriptions_module, udf_functions
from carryxl.cli import main
from carryxl.core.errors import CarryxlError
from tests.macros.workbooks import grid_values, scenario_workbook


def test_build_writes_carryxl_xlam(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["addin", "build", "--out", str(tmp_path), "--no-udfs"]) == 0
    path = tmp_path / "carryxl.xlam"
    assert capsys.readouterr().out.strip() == str(path)
    with zipfile.ZipFile(path) as archive:
        assert "xl/vbaProject.bin" in archive.namelist()


def test_build_names_a_missing_udf_module(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["addin", "build", "--out", str(tmp_path), "--udf-module", "no.such.mod"]) == 2
    assert "udf_module: must be an importable module" in capsys.readouterr().err


def test_xlsm_from_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = scenario_workbook(tmp_path / "t.xlsx")
    assert main(["addin", "xlsm", str(xlsx), "--no-udfs"]) == 0
    assert (tmp_path / "t.xlsm").is_file()
    assert main(["addin", "xlsm", str(tmp_path / "t.xlsm"), "--no-udfs"]) == 2
    assert "must be an .xlsx file" in capsys.readouterr().err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux refusal")
@pytest.mark.parametrize("action", ["install", "uninstall"])
def test_install_and_uninstall_refuse_on_linux(
    action: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["addin", action]) == 2
    err = capsys.readouterr().err
    assert "need Excel, on Windows or macOS" in err
    assert "'linux'" in err


def test_platform_gate_and_config_file() -> None:
    with pytest.raises(CarryxlError, match="need Excel"):
        require_excel_platform("linux")
    assert require_excel_platform("win32") == "win32"
    assert require_excel_platform("darwin") == "darwin"
    text = config_text(r"C:\py\python.exe", "carryxl.excel.udfs", "win32")
    assert (
        text == '"INTERPRETER_WIN","C:\\py\\python.exe"\r\n"UDF MODULES","carryxl.excel.udfs"\r\n'
    )
    assert config_text("/usr/bin/python3", "m", "darwin").startswith('"INTERPRETER_MAC",')
    assert config_path("win32").parts[-2:] == (".carryxl", "carryxl.conf")
    assert config_path("darwin").parts[-3:] == ("com.microsoft.Excel", "Data", "carryxl.conf")


def test_demo_xlsm_fills_to_seed_case_1(tmp_path: Path) -> None:
    path = tmp_path / "check.xlsm"
    assert main(["addin", "demo", str(path), "--no-udfs"]) == 0
    with zipfile.ZipFile(path) as archive:
        assert "customUI/customUI14.xml" in archive.namelist()
    assert main(["run", "scenario", str(path), "--quiet"]) == 0
    assert grid_values(path)[2][1] == pytest.approx(526_750.0, abs=1e-6)


def test_udf_module_with_xw_decorators_gets_xlwings_metadata() -> None:
    before = xlwings.func
    module = load_udf_module("tests.addin.udf_plain_fixture")
    assert module is not None
    xlfunc = module.DOUBLE.__xlfunc__
    assert xlfunc["name"] == "DOUBLE"
    assert xlfunc["args"][0]["doc"] == "A number to double"
    assert xlfunc["category"] == "carryxl tests"
    assert xlwings.func is before  # the decorators are put back
    source = function_descriptions_module(udf_functions(module)).source
    assert 'Describe "DOUBLE", "Twice x.", "carryxl tests", d' in source
    assert 'd(0) = "A number to double"' in source


def test_a_module_without_udfs_is_refused() -> None:
    with pytest.raises(CarryxlError, match="must define xlwings UDFs"):
        load_udf_module("carryxl.core.carry")


def test_the_cli_starts_without_the_excel_and_drawing_libraries() -> None:
    code = (
        "import sys, carryxl.cli, carryxl.macros, carryxl.addin; "
        "bad = [m for m in ('xlwings', 'openpyxl', 'pyopenvba', 'matplotlib') "
        "if m in sys.modules]; sys.exit(str(bad) if bad else 0)"
    )
    result = subprocess.run(  # noqa: S603 - a fixed command
        [sys.executable, "-c", code], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def _only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_build_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "carryxl.xlam"
    target.write_bytes(b"precious")
    assert main(["addin", "build", "--out", str(tmp_path), "--no-udfs"]) == 2
    assert "exists; use --force" in capsys.readouterr().err
    assert target.read_bytes() == b"precious"
    with pytest.raises(CarryxlError, match="--force"):
        build_addin(target, None)
    assert target.read_bytes() == b"precious"
    assert main(["addin", "build", "--out", str(target), "--no-udfs", "--force"]) == 0
    assert target.read_bytes() == addin_bytes(None)
    assert main(["addin", "build", "--out", str(tmp_path), "--no-udfs"]) == 0  # identical: fine
    assert _only(tmp_path) == ["carryxl.xlam"]  # no temporary file left


def test_xlsm_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx = scenario_workbook(tmp_path / "t.xlsx")
    target = tmp_path / "t.xlsm"
    target.write_bytes(b"precious")
    assert main(["addin", "xlsm", str(xlsx), "--no-udfs"]) == 2
    assert "exists; use --force" in capsys.readouterr().err
    assert target.read_bytes() == b"precious"
    other = tmp_path / "other.xlsm"
    other.write_bytes(b"mine too")
    assert main(["addin", "xlsm", str(xlsx), "--out", str(other), "--no-udfs"]) == 2
    assert other.read_bytes() == b"mine too"
    with pytest.raises(CarryxlError, match="--force"):
        build_xlsm(xlsx, target, None)
    assert main(["addin", "xlsm", str(xlsx), "--no-udfs", "--force"]) == 0
    assert target.read_bytes() == xlsm_bytes(xlsx.read_bytes(), "t.xlsm", None)
    assert _only(tmp_path) == ["other.xlsm", "t.xlsm", "t.xlsx"]


@pytest.mark.parametrize("name", ["check.xlsx", "check.xlsm"])
def test_demo_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = tmp_path / name
    target.write_bytes(b"precious")
    assert main(["addin", "demo", str(target), "--no-udfs"]) == 2
    assert "exists; use --force" in capsys.readouterr().err
    assert target.read_bytes() == b"precious"
    assert main(["addin", "demo", str(target), "--no-udfs", "--force"]) == 0
    assert main(["run", "scenario", str(target), "--quiet"]) == 0
    assert grid_values(target)[2][1] == pytest.approx(526_750.0, abs=1e-6)
    assert _only(tmp_path) == [name]
