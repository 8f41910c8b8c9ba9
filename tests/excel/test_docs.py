"""docs/excel.md says what the functions do: its function list and its example messages."""

from __future__ import annotations

from pathlib import Path

from carryxl.excel import catalog
from tests.excel.cases import MISSING
from tests.excel.harness import Excel, column

DOC = (Path(__file__).parents[2] / "docs" / "excel.md").read_text(encoding="utf-8")


def test_function_list_is_the_catalog() -> None:
    assert catalog.markdown() in DOC  # regenerate: python -m carryxl.cli.docs --write


def test_install_steps_name_the_module_and_the_mac_limit() -> None:
    assert "carryxl.excel.udfs" in DOC
    assert "xlwings addin install" in DOC
    assert "Import Functions" in DOC
    assert "work only in Excel for Windows" in DOC


def test_example_messages_are_what_the_cells_show(xl: Excel) -> None:
    seed = (1e7, 100.0, 103.0, 0.045, 0.001, 0.5)
    shown = [
        xl.call("CARRY_PNL", None, *seed[1:]),
        xl.call("CARRY_PNL", seed[0], "abc", *seed[2:]),
        xl.call("CARRY_PNL", *seed[:3], xl.error("#N/A"), *seed[4:]),
        xl.call("CARRY_PNL", seed[0], 0.0, *seed[2:]),
        xl.call("YEAR_FRACTION", 45306.0, 45488.0, "ACT/999"),
        xl.call("FX_PNL", column(1.0, 2.0, 3.0), 100.0, column(1.0, 2.0)),
        xl.call("CARRY_PNL", *seed, MISSING, MISSING, MISSING, "simple", True)[0][0],
    ]
    for text in shown[:5]:
        assert f"`{text}`" in DOC, text
    assert shown[5] == (
        "ranges: must be the same size, or single cells, or a column with a row "
        "(got notional 3x1, spot_end 2x1)"
    )
    assert "(got notional 3x1, spot_end 2x1)" in DOC
    assert shown[6] == "carry"
