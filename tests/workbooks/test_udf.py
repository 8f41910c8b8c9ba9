"""udf-mode templates call only carryxl's Excel functions, with a valid number of arguments.

Every formula (array formulas included) is parsed with openpyxl's tokenizer; each function
that is not a spreadsheet built-in must be in the UDF catalog read from
``carryxl.excel.udfs`` and accept that many arguments. Names the formulas use must exist.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from carryxl.cli import main
from carryxl.core.errors import CarryxlError
from carryxl.excel import catalog, udfs
from carryxl.history.policy import SOURCE
from carryxl.workbooks import every_template, workbook_bytes
from carryxl.workbooks.calls import calls, is_builtin
from carryxl.workbooks.sheets.xlwings_conf import SHEET_NAME
from tests.policy_data import NEW, change_points
from tests.workbooks.named import cells
from tests.workbooks.udf_eval import evaluate

UDF_TEMPLATES = [t for t in every_template() if t[2] == "udf"]
USES = {
    "calculator": {"CARRY_PNL", "CARRY_BREAKEVEN", "FX_FORWARD", "CARRY_MARGIN_CALL"},
    "asset_carry": {"ASSET_CARRY_RETURN", "ASSET_EXCESS_RETURN", "ASSET_FX_MOVE"},
    "scenarios": {"CARRY_PNL", "CARRY_BREAKEVEN_MOVE"},
    "swap": {"SWAP_VALUE", "SWAP_NIGHTS", "SWAP_IMPLIED_RATE"},
    "risk": {"CARRY_POSITION_SIZE", "CARRY_MARGIN_CALL", "CARRY_VAR"},
    # the tax is the book's (issue 19), shared per position by native formulas
    "portfolio": {"STAGED_POSITION", "PORTFOLIO_VAR"},
    "rates": {"POLICY_RATE", "POLICY_RATE_AS_OF"},
}


def _formulas(data: bytes) -> Iterator[tuple[str, str]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                text = value.text if isinstance(value, ArrayFormula) else value
                if cell.data_type == "f" or isinstance(value, ArrayFormula):
                    yield f"{ws.title}!{cell.coordinate}", str(text)


def test_there_are_udf_templates() -> None:
    kinds = {kind for kind, _lang, _mode in UDF_TEMPLATES}
    assert kinds == set(USES)


@pytest.mark.parametrize("template", UDF_TEMPLATES, ids="-".join)
def test_udf_formulas_call_existing_functions_with_valid_arity(
    template: tuple[str, str, str],
) -> None:
    used = set()
    for where, formula in _formulas(workbook_bytes(*template)):
        for name, count in calls(formula):
            if is_builtin(name):
                continue
            try:
                catalog.check_call(name, count)
            except CarryxlError as error:
                pytest.fail(f"{where}: {formula}: {error}")
            used.add(name)
    assert USES[template[0]] <= used


def test_a_wrong_call_is_caught() -> None:
    """The check can fail: too many arguments, or a function that does not exist."""
    with pytest.raises(CarryxlError):
        catalog.check_call("CARRY_PNL", 12)
    with pytest.raises(CarryxlError):
        catalog.check_call("CARRY_PNLX", 6)
    assert calls("=CARRY_PNL(1,2,3,4,5,6,,,,,,)") == [("CARRY_PNL", 12)]


@pytest.mark.parametrize("template", UDF_TEMPLATES, ids="-".join)
def test_xlwings_conf_sheet_points_at_the_udf_module(template: tuple[str, str, str]) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(*template)))
    ws = wb[SHEET_NAME]
    keys = [ws.cell(row, 1).value for row in range(1, ws.max_row + 1)]
    read = keys[: keys.index(None)]  # xlwings reads A1 downwards until the first blank
    assert all(key is None for key in keys[len(read) :])  # room to add one, nothing else
    settings = {ws.cell(row, 1).value: ws.cell(row, 2).value for row in range(1, len(read) + 1)}
    assert settings["UDF MODULES"] == "carryxl.excel.udfs"
    assert "USE UDF SERVER" in settings
    assert all(settings.values())  # a key with an empty value would hide the config file
    notes = [str(ws.cell(row, 4).value) for row in range(len(read) + 1, ws.max_row + 1)]
    for key in ("INTERPRETER_WIN", "INTERPRETER_MAC", "PYTHONPATH"):
        assert key not in settings  # left to the config file carryxl addin install writes
        assert any(note.startswith(f"{key}: ") for note in notes)
        assert not ws.cell(len(read) + 1, 1).protection.locked  # the user can add it
    assert udfs.__name__ == settings["UDF MODULES"]  # the module named there exists


def test_breakdown_spills_through_a_fixed_size_array_formula() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes("calculator", "en", "udf")))
    arrays = [
        cell.value
        for row in wb.worksheets[0].iter_rows()
        for cell in row
        if isinstance(cell.value, ArrayFormula)
    ]
    assert len(arrays) == 1
    assert arrays[0].ref.count(":") == 1
    first, last = arrays[0].ref.split(":")
    assert int(last[1:]) - int(first[1:]) == 4  # carry, FX, cross, total, return
    assert "CARRY_PNL(" in arrays[0].text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_live_rates_template_gives_what_carryxl_rates_gives_on_the_datas_last_date(
    with_rates: object, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """Each currency's POLICY_RATE(code, POLICY_RATE_AS_OF()), evaluated with the two BIS
    files of ../shared imported, is `carryxl rates`'s level for the data's last date; a
    currency whose data ends earlier shows the stale message; the source is cited."""
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes("rates", lang, "udf")))
    codes = [c.value for c in cells(wb, "in_rates_currency")]
    rates, dates = cells(wb, "out_rates_policy"), cells(wb, "out_rates_policy_date")
    sources = [c.value for c in cells(wb, "out_rates_policy_source")]
    sheet = rates[0].parent
    # the data's last date: the later file's last date (each table covers its currencies to it)
    as_of = max(d for d, _, _ in change_points(NEW))
    capsys.readouterr()
    assert main(["rates", *codes, "--date", as_of, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["as_of"] == as_of

    def lookup(ref: str) -> object:
        value = sheet[ref.replace("$", "")].value
        return evaluate(value, lookup) if str(value).startswith("=") else value

    for code, rate, date, source in zip(codes, rates, dates, sources, strict=True):
        assert source == SOURCE
        day = evaluate(date.value, lookup)
        assert dt.date(1899, 12, 30) + dt.timedelta(days=day) == dt.date.fromisoformat(as_of)
        got = evaluate(rate.value, lookup)
        if code in answer.get("notes", {}):
            assert isinstance(got, str), code
            assert "last known level, stale since" in got, code
        else:
            assert got == answer["rates"][code], code
    assert f"Source: {SOURCE}" in str(cells(wb, "in_rates_note")[0].value)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_portfolio_positions_are_one_spilled_staged_position_per_book(lang: str) -> None:
    """Units, cost, average, FX P&L and swap of all 12 positions: one STAGED_POSITION call
    with a range of measures on each book's sheet, not one formula per row and measure."""
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes("portfolio", lang, "udf")))
    for ws in wb.worksheets[:2]:
        found = [
            cell.value
            for row in ws.iter_rows()
            for cell in row
            if "STAGED_POSITION" in str(getattr(cell.value, "text", cell.value))
        ]
        assert len(found) == 1, ws.title
        (block,) = found
        assert isinstance(block, ArrayFormula)
        first, last = block.ref.split(":")
        area = ws[f"{first}:{last}"]
        assert (len(area), len(area[0])) == (12, 5)
        assert '{"units","cost","average","pnl","swap"}' in block.text
