"""The .xlsm templates and carryxl.xlam in workbooks/: the VBA project carryxl generated.

``carryxl new --all`` writes the ``.xlsm`` flavour of every udf template and the add-in
beside the ``.xlsx`` files (tests/workbooks/test_generate.py checks they are current).
Here the committed files themselves are read back: olevba decodes every module to the
source carryxl generates for that file name, every function a template's formulas call
has a VBA wrapper taking that many arguments, and LibreOffice opens them all.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from carryxl.addin.build import CONFIG_SHEET, load_udf_module
from carryxl.addin.package import read_parts, retyped
from carryxl.addin.ribbon import CUSTOM_UI14_PART, custom_ui_xml
from carryxl.addin.vba import carryxl_modules, this_workbook_body
from carryxl.cli.folder import macro_templates
from carryxl.templates import TEMPLATES
from carryxl.workbooks import default_filename, workbook_bytes
from carryxl.workbooks.calls import calls, is_builtin
from tests.addin.test_vba_project import basic_modules, olevba_modules
from tests.libreoffice import convert_many

FOLDER = Path(__file__).resolve().parents[2] / "workbooks"
XLSM = [FOLDER / default_filename(*t, macro=True) for t in macro_templates()]
XLAM = FOLDER / "carryxl.xlam"
_WRAPPER = re.compile(r"^Function (\w+)\(([^)]*)\)", re.MULTILINE)


@pytest.fixture(scope="module")
def udf_module() -> ModuleType | None:
    return load_udf_module("carryxl.excel.udfs")


def _ids(t: tuple[str, str, str]) -> str:
    return "-".join(t)


def test_every_udf_template_has_its_xlsm() -> None:
    udf_kinds = [t for t in TEMPLATES if "udf" in t.modes]
    assert len(XLSM) == 2 * len(udf_kinds)  # each kind with udf formulas, English and Chinese
    assert all(p.is_file() for p in XLSM)
    assert sorted(p.name for p in FOLDER.glob("*.xlsm")) == sorted(p.name for p in XLSM)


@pytest.mark.parametrize("template", macro_templates(), ids=_ids)
def test_olevba_decodes_each_xlsm_to_the_generated_sources(
    template: tuple[str, str, str], udf_module: ModuleType | None
) -> None:
    path = FOLDER / default_filename(*template, macro=True)
    decoded = olevba_modules(path)
    ours = carryxl_modules(udf_module, path.name)
    for module in ours:
        assert decoded[module.name] == module.source, module.name
    assert decoded["ThisWorkbook"].endswith(this_workbook_body())
    sheets = len(openpyxl.load_workbook(io.BytesIO(workbook_bytes(*template))).sheetnames)
    documents = {"ThisWorkbook", *(f"Sheet{i}" for i in range(1, sheets + 1))}
    assert set(decoded) == {m.name for m in ours} | documents  # nothing else in the project
    assert "ThisWorkbook, Application.Caller" in decoded["xlwings_udfs"]  # not an add-in
    with zipfile.ZipFile(path) as archive:
        assert archive.read(CUSTOM_UI14_PART) == custom_ui_xml()


@pytest.mark.parametrize("template", macro_templates(), ids=_ids)
def test_each_xlsm_keeps_its_templates_parts(template: tuple[str, str, str]) -> None:
    # the template as it is generated for the .xlsm: its config sheet named as its VBA reads
    before = read_parts(workbook_bytes(*template, config_sheet=CONFIG_SHEET))
    after = read_parts((FOLDER / default_filename(*template, macro=True)).read_bytes())
    changed = ("xl/worksheets/sheet", "xl/workbook", "[Content_Types].xml")  # code names, types
    for name, data in before.items():
        if not name.startswith(changed) and not name.endswith(".rels"):
            assert after[name] == data, name


@pytest.mark.parametrize("template", macro_templates(), ids=_ids)
def test_every_function_the_formulas_call_has_a_wrapper_in_the_xlsm(
    template: tuple[str, str, str],
) -> None:
    path = FOLDER / default_filename(*template, macro=True)
    wrappers = {
        name: len([p for p in params.split(",") if p.strip()])
        for name, params in _WRAPPER.findall(olevba_modules(path)["xlwings_udfs"])
    }
    used = 0
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, ArrayFormula):
                    value = value.text
                elif cell.data_type != "f":
                    continue
                for name, count in calls(str(value)):
                    if is_builtin(name):
                        continue
                    where = f"{ws.title}!{cell.coordinate}: {value}"
                    assert name in wrappers, where
                    assert count <= wrappers[name], where
                    used += 1
    assert used > 0


def test_olevba_decodes_the_addin_to_the_generated_sources(udf_module: ModuleType | None) -> None:
    decoded = olevba_modules(XLAM)
    ours = carryxl_modules(udf_module, XLAM.name)
    for module in ours:
        assert decoded[module.name] == module.source, module.name
    assert set(decoded) == {m.name for m in ours} | {"ThisWorkbook", "Sheet1"}
    assert "ActiveWorkbook, Application.Caller" in decoded["xlwings_udfs"]


@pytest.mark.libreoffice
def test_libreoffice_converts_every_xlsm_and_the_addin(tmp_path: Path) -> None:
    # LibreOffice loads no .xlam; the add-in's bytes go in with the workbook part retyped.
    addin = tmp_path / "carryxl_addin_as.xlsm"
    addin.write_bytes(retyped(XLAM.read_bytes(), "xlsm"))
    sources = [*XLSM, addin]
    converted = convert_many(sources, "ods", tmp_path / "ods")  # one soffice call
    for source, ods in converted.items():
        original = XLAM if source == addin else source
        assert set(basic_modules(ods)) == set(olevba_modules(original)), source.name
