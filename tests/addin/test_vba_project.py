"""The VBA project, read back by independent readers: olevba (oletools) and LibreOffice."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from oletools.olevba import VBA_Parser

from carryxl.addin.package import retyped
from carryxl.addin.vba import (
    RIBBON_CALLBACK,
    VbaModule,
    carryxl_modules,
    this_workbook_body,
)
from tests.addin import udf_fixture
from tests.libreoffice import convert


def olevba_modules(path: Path) -> dict[str, str]:
    """Module name -> decoded source, as olevba extracts them."""
    parser = VBA_Parser(str(path))
    try:
        return {name.rsplit(".", 1)[0]: code for (_, _, name, code) in parser.extract_macros()}
    finally:
        parser.close()


def expected_modules(path: Path) -> list[VbaModule]:
    return carryxl_modules(udf_fixture, path.name)


@pytest.mark.parametrize("kind", ["xlam", "xlsm"])
def test_olevba_decodes_every_module_to_our_source(built: dict[str, Path], kind: str) -> None:
    path = built[kind]
    decoded = olevba_modules(path)
    for module in expected_modules(path):
        assert decoded[module.name] == module.source, module.name
    this_workbook = decoded["ThisWorkbook"]
    assert this_workbook.startswith('Attribute VB_Name = "ThisWorkbook"\r\n')
    assert this_workbook.endswith(this_workbook_body())
    sheets = {"xlam": ["Sheet1"], "xlsm": ["Sheet1", "Sheet2"]}[kind]
    ours = {m.name for m in expected_modules(path)}
    assert set(decoded) == ours | {"ThisWorkbook", *sheets}


def test_project_holds_xlwings_ribbon_udfs_and_workbook_open(built: dict[str, Path]) -> None:
    decoded = olevba_modules(built["xlam"])
    assert 'Public Const PROJECT_NAME As String = "carryxl"' in decoded["xlwings"]
    assert "Public Function RunPython(PythonCommand As String)" in decoded["xlwings"]
    assert "Private Sub Workbook_Open()" in decoded["ThisWorkbook"]
    assert "CarryFunctions.RegisterCarryxlFunctions" in decoded["ThisWorkbook"]
    udfs = decoded["xlwings_udfs"]
    assert "Function CARRY_TEST_FX(notional, spot_start, spot_end)" in udfs
    assert 'XLPy.CallUDF("tests.addin.udf_fixture", "CARRY_TEST_FX"' in udfs
    assert "ActiveWorkbook, Application.Caller" in udfs  # an add-in passes ActiveWorkbook
    assert "ThisWorkbook, Application.Caller" in olevba_modules(built["xlsm"])["xlwings_udfs"]
    register = decoded["CarryFunctions"]
    assert 'Describe "CARRY_TEST_FX", "FX P&L of a test trade: N * (S1/S0 - 1)' in register
    assert (
        'Describe "CARRY_TEST_ZERO", "Always 0 (a function without arguments).", "carryxl"\r\n'
        in register
    )
    assert 'd(2) = "Spot at the end; a ""quoted"" word"' in register
    assert "More text" not in register  # only the docstring's first paragraph


def test_vba_lines_stay_within_the_editors_limit(built: dict[str, Path]) -> None:
    for name, code in olevba_modules(built["xlam"]).items():
        for line in code.split("\r\n"):
            assert len(line) <= 1023, name


def basic_modules(ods: Path) -> dict[str, str]:
    with zipfile.ZipFile(ods) as archive:
        listing = archive.read("Basic/VBAProject/script-lb.xml").decode("utf-8")
        names = re.findall(r'library:element library:name="([^"]+)"', listing)
        texts = {}
        for name in names:
            xml = archive.read(f"Basic/VBAProject/{name}.xml").decode("utf-8")
            body = re.search(r"<script:module[^>]*>(.*)</script:module>", xml, re.DOTALL)
            assert body is not None
            texts[name] = (
                body.group(1)
                .replace("&apos;", "'")
                .replace("&quot;", '"')
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
            )
    return texts


@pytest.mark.libreoffice
def test_libreoffice_imports_the_same_modules(built: dict[str, Path], tmp_path: Path) -> None:
    xlsm = built["xlsm"]
    ods = convert(xlsm, "ods", tmp_path)  # raises if LibreOffice cannot convert it
    basic = basic_modules(ods)
    assert set(basic) == set(olevba_modules(xlsm))
    for module in expected_modules(xlsm):
        # LibreOffice drops every Attribute line and adds its own Option lines.
        ours = "\n".join(
            line for line in module.source.split("\r\n") if not line.startswith("Attribute ")
        ).strip()
        assert ours in basic[module.name].replace("\r\n", "\n"), module.name
    module_name, sub = RIBBON_CALLBACK.split(".")
    assert f"Public Sub {sub}(control As IRibbonControl)" in basic[module_name]


@pytest.mark.libreoffice
def test_libreoffice_imports_the_addins_modules(built: dict[str, Path], tmp_path: Path) -> None:
    # LibreOffice loads no add-in package at all (not even xlwings' own quickstart .xlam),
    # so it reads the same bytes with the workbook part typed as a macro-enabled workbook.
    copy = tmp_path / "carryxl_addin_as.xlsm"
    copy.write_bytes(retyped(built["xlam"].read_bytes(), "xlsm"))
    basic = basic_modules(convert(copy, "ods", tmp_path))
    assert set(basic) == set(olevba_modules(built["xlam"]))


@pytest.mark.libreoffice
def test_libreoffice_converts_the_xlsm_to_xlsx(built: dict[str, Path], tmp_path: Path) -> None:
    xlsx = convert(built["xlsm"], "xlsx", tmp_path)
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["Trade", "Scenarios"]
    assert wb["Trade"]["B2"].value == "AUD/JPY"
