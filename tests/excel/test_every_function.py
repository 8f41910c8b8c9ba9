"""Every Excel function through xlwings' UDF machinery: its worked value, a 10,000-row range
in one call, and each class of bad input (see cases.py for the calls)."""

from __future__ import annotations

import numpy as np
import pytest

from carryxl.excel import catalog
from tests.excel.cases import BY_NAME, CASES, MISSING, Case, expected_core_column, with_arg
from tests.excel.harness import Excel, column

ROWS = 10_000
VARIED = [c for c in CASES if c.vary is not None]
ids = [c.name for c in CASES]


def argument(case: Case, index: int) -> str:
    return catalog.function(case.name).argument_names[index]


def approx(value: float) -> object:
    return pytest.approx(value, rel=1e-12, abs=1e-12)


def test_every_function_has_a_case() -> None:
    assert set(BY_NAME) == {f.name for f in catalog.functions()}


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_worked_value(xl: Excel, case: Case) -> None:
    got = xl.call(case.name, *case.args)
    if isinstance(case.expected, str):
        assert got == case.expected
    elif isinstance(case.expected, tuple):  # a spilled range, row by row
        assert len(got) == len(case.expected)
        for got_row, want in zip(got, case.expected, strict=True):
            assert got_row == [w if isinstance(w, str) else approx(w) for w in want]
    elif isinstance(case.expected, list):  # a grid with headers
        assert got[0] == case.expected[0]
        assert got[1] == [case.expected[1][0], approx(case.expected[1][1])]
    else:
        assert got == approx(case.expected)


@pytest.mark.parametrize("case", VARIED, ids=[c.name for c in VARIED])
def test_ten_thousand_rows_in_one_call(xl: Excel, case: Case) -> None:
    assert case.values is not None
    assert case.vary is not None
    values = case.values(ROWS)
    got = xl.call(case.name, *with_arg(case.args, case.vary, column(*values.tolist())))
    assert len(got) == ROWS
    assert {len(r) for r in got} == {1}
    result = np.array([r[0] for r in got], dtype=float)
    np.testing.assert_allclose(result, expected_core_column(case, ROWS), rtol=1e-13, atol=1e-13)
    for i in (0, 4321, ROWS - 1):  # the same rows one cell at a time
        one = xl.call(case.name, *with_arg(case.args, case.vary, float(values[i])))
        assert one == approx(result[i])


BAD_CELLS = [
    pytest.param(None, "an empty cell", id="empty"),
    pytest.param("abc", 'text "abc"', id="text"),
    pytest.param(True, "TRUE", id="boolean"),
]


@pytest.mark.parametrize(("bad", "shown"), BAD_CELLS)
@pytest.mark.parametrize("case", VARIED, ids=[c.name for c in VARIED])
def test_bad_cell_gets_a_message_and_other_rows_are_computed(
    xl: Excel, case: Case, bad: object, shown: str
) -> None:
    assert case.vary is not None
    good = case.args[case.vary]
    got = xl.call(case.name, *with_arg(case.args, case.vary, column(good, bad, good)))
    assert got[0][0] == approx(case.expected)
    assert got[2][0] == approx(case.expected)
    text = got[1][0]
    assert text.startswith(f"{argument(case, case.vary)}: ")
    assert f"(got {shown})" in text
    assert "\n" not in text


ERRORS = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"]


@pytest.mark.parametrize("code", ERRORS)
@pytest.mark.parametrize("case", VARIED, ids=[c.name for c in VARIED])
def test_excel_error_values(xl: Excel, case: Case, code: str) -> None:
    assert case.vary is not None
    good = case.args[case.vary]
    cells = column(good, xl.error(code), good)
    got = xl.call(case.name, *with_arg(case.args, case.vary, cells))
    assert got[0][0] == approx(case.expected)
    assert got[1][0].startswith(f"{argument(case, case.vary)}: ")
    assert got[1][0].endswith(f"(got the Excel error {code})")
    # and as a single cell, e.g. =CARRY_PNL(NA(), ...)
    single = xl.call(case.name, *with_arg(case.args, case.vary, xl.error(code)))
    assert single == got[1][0]


@pytest.mark.parametrize("case", VARIED, ids=[c.name for c in VARIED])
def test_required_argument_left_out(xl: Excel, case: Case) -> None:
    assert case.vary is not None
    got = xl.call(case.name, *with_arg(case.args, case.vary, MISSING))
    assert got == f"{argument(case, case.vary)}: must be a number (got an empty cell)" or (
        got.startswith(f"{argument(case, case.vary)}: must be a date")
    )


MISMATCHED = [c for c in VARIED if c.other is not None]


@pytest.mark.parametrize("case", MISMATCHED, ids=[c.name for c in MISMATCHED])
def test_mismatched_range_sizes(xl: Excel, case: Case) -> None:
    assert case.vary is not None
    assert case.other is not None
    a, b = case.args[case.vary], case.args[case.other]
    args = with_arg(with_arg(case.args, case.vary, column(a, a, a)), case.other, column(b, b))
    got = xl.call(case.name, *args)
    assert isinstance(got, str)
    assert got.startswith("ranges: must be the same size")
    assert f"{argument(case, case.vary)} 3x1" in got
    assert f"{argument(case, case.other)} 2x1" in got
    # a column with a single cell, or with a row, is fine (Excel's own broadcasting)
    assert len(xl.call(case.name, *with_arg(case.args, case.vary, column(a, a, a)))) == 3


POSITIVE = [c for c in CASES if c.spot is not None]


@pytest.mark.parametrize("case", POSITIVE, ids=[c.name for c in POSITIVE])
def test_non_positive_spots(xl: Excel, case: Case) -> None:
    assert case.spot is not None
    good = case.args[case.spot]
    got = xl.call(case.name, *with_arg(case.args, case.spot, column(good, 0.0, -1.0, good)))
    assert got[0][0] == approx(case.expected)
    assert got[3][0] == approx(case.expected)
    name = argument(case, case.spot)
    assert got[1][0] == f"{name}: must be a finite number > 0 (got 0)"
    assert got[2][0] == f"{name}: must be a finite number > 0 (got -1)"


SETTINGS = [c for c in CASES if c.setting is not None]


@pytest.mark.parametrize("case", SETTINGS, ids=[c.name for c in SETTINGS])
def test_unknown_convention(xl: Excel, case: Case) -> None:
    assert case.setting is not None
    index, unknown = case.setting
    got = xl.call(case.name, *with_arg(case.args, index, unknown))
    assert isinstance(got, str)
    assert got.startswith(f"{argument(case, index)}: ")
    assert f'(got text "{unknown}")' in got
