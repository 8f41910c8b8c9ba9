"""The add-in built as shipped: wrappers and function help for every carryxl Excel function."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from carryxl.addin.build import DEFAULT_UDF_MODULE, build_addin, build_xlsm, load_udf_module
from carryxl.addin.vba import carryxl_modules
from carryxl.excel import udfs
from carryxl.macros.demo import demo_workbook
from tests.addin.test_vba_project import basic_modules, olevba_modules
from tests.libreoffice import convert


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_addin(tmp_path_factory.mktemp("shipped"))  # the default UDF module


def test_default_build_wraps_every_carryxl_function(shipped: Path) -> None:
    decoded = olevba_modules(shipped)
    module = load_udf_module(DEFAULT_UDF_MODULE)
    for expected in carryxl_modules(module, shipped.name):
        assert decoded[expected.name] == expected.source, expected.name
    wrapped = re.findall(r"^Function (\w+)\(", decoded["xlwings_udfs"], re.MULTILINE)
    described = re.findall(r'^    Describe "(\w+)"', decoded["CarryFunctions"], re.MULTILINE)
    assert sorted(wrapped) == sorted(udfs.__all__)
    assert sorted(described) == sorted(udfs.__all__)
    assert f'XLPy.CallUDF("{DEFAULT_UDF_MODULE}", "CARRY_PNL"' in decoded["xlwings_udfs"]
    for line in "\r\n".join(decoded.values()).split("\r\n"):
        assert len(line) <= 1023


def test_carry_pnl_help_is_its_argument_docs_in_order(shipped: Path) -> None:
    lines = olevba_modules(shipped)["CarryFunctions"].split("\r\n")
    at = next(i for i, line in enumerate(lines) if line.startswith('    Describe "CARRY_PNL",'))
    redim = max(i for i in range(at) if lines[i].startswith("    ReDim d("))
    shown = [re.fullmatch(r'    d\(\d+\) = "(.*)"', line) for line in lines[redim + 1 : at]]
    module = load_udf_module(DEFAULT_UDF_MODULE)
    assert module is not None
    args = module.CARRY_PNL.__xlfunc__["args"]
    assert [m.group(1).replace('""', '"') if m else None for m in shown] == [a["doc"] for a in args]
    assert shown[0] is not None
    assert shown[0].group(1).startswith("Amount borrowed, in the funding currency")
    assert lines[at].startswith(
        '    Describe "CARRY_PNL", "Exact total P&L of a carry trade in the funding currency'
    )


@pytest.mark.libreoffice
def test_libreoffice_opens_the_shipped_xlsm_flavour(tmp_path: Path) -> None:
    xlsm = build_xlsm(demo_workbook(tmp_path / "demo.xlsx"))  # default UDF module
    basic = basic_modules(convert(xlsm, "ods", tmp_path / "lo"))
    assert set(basic) == set(olevba_modules(xlsm))
    assert "Function CARRY_PNL(" in basic["xlwings_udfs"]
