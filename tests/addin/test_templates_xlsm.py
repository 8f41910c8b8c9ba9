"""The template workbooks' .xlsm flavour: carryxl's VBA project and Carry tab on each."""

from __future__ import annotations

import zipfile
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

from carryxl.addin.build import build_xlsm, load_udf_module
from carryxl.addin.package import read_parts
from carryxl.addin.ribbon import CUSTOM_UI14_PART, custom_ui_xml
from carryxl.addin.vba import carryxl_modules
from carryxl.macros import FileBook, run_macro
from carryxl.workbooks import KINDS, workbook_bytes
from tests.addin.test_vba_project import basic_modules, olevba_modules
from tests.libreoffice import convert


@pytest.fixture(scope="module")
def udf_module() -> ModuleType | None:
    return load_udf_module("carryxl.excel.udfs")


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_template_gets_the_project_and_the_ribbon(
    tmp_path: Path, kind: str, lang: str, udf_module: ModuleType | None
) -> None:
    xlsx = tmp_path / f"{kind}.xlsx"
    xlsx.write_bytes(workbook_bytes(kind, lang))
    xlsm = build_xlsm(xlsx)
    decoded = olevba_modules(xlsm)
    for module in carryxl_modules(udf_module, xlsm.name):
        assert decoded[module.name] == module.source, module.name
    with zipfile.ZipFile(xlsm) as archive:
        assert archive.read(CUSTOM_UI14_PART) == custom_ui_xml()
    before, after = read_parts(xlsx.read_bytes()), read_parts(xlsm.read_bytes())
    untouched = [n for n in before if not n.startswith(("xl/worksheets/sheet", "xl/workbook"))]
    for name in untouched:
        if not name.endswith(".rels") and name != "[Content_Types].xml":
            assert after[name] == before[name], name


@pytest.mark.libreoffice
def test_libreoffice_opens_the_scenarios_xlsm_and_carryxl_agrees_with_its_formulas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx = tmp_path / "scenarios.xlsx"
    xlsx.write_bytes(workbook_bytes("scenarios"))
    xlsm = build_xlsm(xlsx)
    ods = convert(xlsm, "ods", tmp_path / "ods")
    assert set(basic_modules(ods)) == set(olevba_modules(xlsm))
    calculated = convert(xlsm, "xlsx", tmp_path / "calc")  # LibreOffice computes the grid
    with FileBook(calculated, quiet=True) as book:
        run_macro("scenario", book)  # checks the template's formulas; writes nothing
        run_macro("chart", book)  # the grid's sheet is protected: a sheet of its own
        book.save()
    out = capsys.readouterr().out
    assert "agree with carryxl's exact P&L to the cent" in out
    wb = openpyxl.load_workbook(calculated)
    assert "Carry chart" in wb.sheetnames
    assert len(wb["Carry chart"]._images) == 1
