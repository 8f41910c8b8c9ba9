"""Adding an Excel function is one declaration: a module dropped into
carryxl.excel.functions is found, and its function reaches everything derived from the
catalog (the UDF module as xlwings serves it, the VBA wrappers, the function wizard, the
catalog, the docs table, the README's count and the test index)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from carryxl.excel import catalog, functions
from tests.excel.cases import BY_NAME
from tests.excel.harness import excel

PROBE = '''
from carryxl.excel.arguments import NOTIONAL, RATE_FUNDING, RATE_TARGET, YEARS, YEARS_FUNDING
from carryxl.excel.declare import ExcelFunction
from carryxl.core import carry

FUNCTIONS = (
    ExcelFunction(
        "PROBE_INCOME",
        "P&L",
        """Interest income again, under a new name: N*(rt*t - rf*t), for the catalog test.""",
        (NOTIONAL, RATE_TARGET, RATE_FUNDING, YEARS),
        (YEARS_FUNDING,),
        kernel=carry.carry_income,
    ),
)
'''
MODULE = "carryxl.excel.functions.zz_probe"


@pytest.fixture
def probe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "zz_probe.py").write_text(PROBE, encoding="utf-8")
    monkeypatch.setattr(functions, "__path__", [*functions.__path__, str(tmp_path)])
    catalog.refresh()
    try:
        yield
    finally:
        monkeypatch.undo()
        sys.modules.pop(MODULE, None)
        catalog.refresh()
        importlib.reload(importlib.import_module("carryxl.excel.udfs"))


def test_a_declared_function_reaches_every_derived_output(probe: None) -> None:
    before = len(BY_NAME)
    assert "PROBE_INCOME" not in BY_NAME
    item = catalog.function("probe_income")
    assert item.usage == "PROBE_INCOME(notional, rate_target, rate_funding, years, [years_funding])"
    assert catalog.groups()["P&L"][-1] == "PROBE_INCOME"
    assert f"| `{item.usage}` | Interest income again" in catalog.markdown()
    assert catalog.count_phrase() == f"{before + 1} worksheet functions"
    # the test index: test_every_function_has_a_case now asks for a case for it
    assert {f.name for f in catalog.functions()} - set(BY_NAME) == {"PROBE_INCOME"}
    with excel() as xl:
        assert xl.call("PROBE_INCOME", 1e7, 0.045, 0.001, 0.5) == pytest.approx(220_000.0)
        info = xl.function("PROBE_INCOME").__xlfunc__
        assert [a["name"] for a in info["args"]] == list(item.argument_names)
        assert info["args"][-1]["doc"].startswith("Optional")
        vba = xl.wrappers()
        assert (
            "Function PROBE_INCOME(notional, rate_target, rate_funding, years, "
            "Optional years_funding)"
        ) in vba
        wizard = xl.import_functions().macro_options["'carryxl.xlam'!PROBE_INCOME"]
        assert wizard["Description"] == item.description
        assert wizard["Category"] == "carryxl"
    udfs = importlib.import_module("carryxl.excel.udfs")
    assert "PROBE_INCOME" in udfs.__all__


def test_declarations_are_checked_when_made() -> None:
    from carryxl.excel.arguments import HEADERS, NOTIONAL, YEARS_FUNDING  # noqa: PLC0415
    from carryxl.excel.declare import ExcelFunction  # noqa: PLC0415

    with pytest.raises(TypeError, match="optional help"):
        ExcelFunction("BAD", "P&L", "doc", (YEARS_FUNDING,), kernel=abs)
    with pytest.raises(TypeError, match="kernel or a body"):
        ExcelFunction("BAD", "P&L", "doc", (NOTIONAL,))
    with pytest.raises(TypeError, match="body's parameters"):
        ExcelFunction("BAD", "P&L", "doc", (NOTIONAL,), body=lambda other: other)
    with pytest.raises(TypeError, match="needs a body"):
        ExcelFunction("BAD", "P&L", "doc", (NOTIONAL,), (HEADERS,), kernel=abs)


def test_an_unknown_topic_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "zz_topic.py").write_text(
        PROBE.replace('"P&L"', '"no such topic"'), encoding="utf-8"
    )
    monkeypatch.setattr(functions, "__path__", [*functions.__path__, str(tmp_path)])
    catalog.refresh()
    try:
        with pytest.raises(TypeError, match="unknown topics"):
            catalog.declarations()
    finally:
        monkeypatch.undo()
        sys.modules.pop("carryxl.excel.functions.zz_topic", None)
        catalog.refresh()
