"""carryxl's xlwings converter (carryxl/excel/raw.py): what it hands a UDF and what it sends
back are exactly what xlwings' default conversion would, and a range of numbers skips
xlwings' per-cell cleaning and preparation (the reason it exists)."""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xlwings import conversion

from carryxl.excel.cells import READ, WRITE
from carryxl.excel.raw import ExcelCells
from tests.excel.harness import Excel, TimeType, column

DEFAULT_READ = {"ndim": 2, "err_to_str": True}  # the options READ had before the converter

raw_cell = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(allow_nan=False, allow_infinity=False),  # numbers are most cells: weight them
    st.none(),
    st.just(""),
    st.text(max_size=8),
    st.booleans(),
    st.integers(-(2**31), 2**31 - 1),
    st.sampled_from([-2146826281, -2146826246, -2146826259, -2146826288, -2146826252]),
    st.sampled_from([-2146826265, -2146826273]),
    st.decimals(allow_nan=False, allow_infinity=False, places=4),
    st.builds(TimeType, st.integers(1901, 2100), st.integers(1, 12), st.integers(1, 28)),
)
raw_argument = st.one_of(
    raw_cell,
    st.integers(1, 4).flatmap(
        lambda width: st.lists(
            st.tuples(*[raw_cell] * width) | st.tuples(*[st.floats(allow_nan=False)] * width),
            min_size=1,
            max_size=5,
        ).map(tuple)
    ),
)


def _rows(value: Any) -> list[list[Any]]:
    return [list(r) for r in value]


@settings(max_examples=300, deadline=None)
@given(raw=raw_argument)
def test_reading_gives_what_xlwings_default_conversion_gives(xl: Excel, raw: Any) -> None:
    got = conversion.read(None, raw, READ)
    expected = conversion.read(None, raw, DEFAULT_READ)
    assert _rows(got) == expected
    assert [list(map(type, r)) for r in got] == [list(map(type, r)) for r in expected]


def test_reading_maps_every_excel_error_code_by_xlwings_table(xl: Excel) -> None:
    table = sys.modules["xlwings._xlwindows"].cell_errors
    codes = list(table)
    got = conversion.read(None, column(1.5, *codes, 2.5), READ)
    assert got == [[1.5], *([table[c]] for c in codes), [2.5]]
    assert "#N/A" in table.values()
    assert "#DIV/0!" in table.values()


result_grid = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.integers(1, 5).flatmap(
        lambda n: st.lists(st.floats(), min_size=n, max_size=n).map(
            lambda v: np.array(v, dtype=np.float64).reshape(n, 1)
        )
    ),
    st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=6, max_size=6).map(
        lambda v: np.array(v).reshape(2, 3)
    ),
    st.lists(st.one_of(st.floats(), st.text(max_size=5), st.none()), min_size=4, max_size=4).map(
        lambda v: np.array(v, dtype=object).reshape(2, 2)
    ),
)


@settings(max_examples=300, deadline=None)
@given(result=result_grid)
def test_writing_sends_what_xlwings_default_conversion_sends(xl: Excel, result: Any) -> None:
    got = conversion.write(result, None, WRITE)
    expected = conversion.write(result, None, {})
    assert got == expected
    assert [list(map(type, r)) for r in got] == [list(map(type, r)) for r in expected]


def test_every_argument_and_result_uses_the_converter(xl: Excel) -> None:
    for name in dir(xl.module):
        info = getattr(getattr(xl.module, name), "__xlfunc__", None)
        if info is None:
            continue
        assert info["ret"]["options"]["convert"] is ExcelCells, name
        assert all(a["options"]["convert"] is ExcelCells for a in info["args"]), name


@pytest.fixture
def per_cell(xl: Excel, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often xlwings' per-cell cleaning (read) and preparation (write) run."""
    engine = type(sys.modules["xlwings._xlwindows"].engine)
    calls = {"clean": 0, "prepare": 0}
    clean, prepare = engine.clean_value_data, engine.prepare_xl_data_element

    def counted_clean(*args: Any) -> Any:
        calls["clean"] += 1
        return clean(*args)

    def counted_prepare(*args: Any) -> Any:
        calls["prepare"] += 1
        return prepare(*args)

    monkeypatch.setattr(engine, "clean_value_data", staticmethod(counted_clean))
    monkeypatch.setattr(engine, "prepare_xl_data_element", staticmethod(counted_prepare))
    return calls


N = 10_000
rng = np.random.default_rng(7)
TRADES = [
    rng.uniform(1e5, 1e7, N),
    rng.uniform(50, 150, N),
    rng.uniform(50, 150, N),
    rng.uniform(0, 0.1, N),
    rng.uniform(0, 0.02, N),
    rng.uniform(0.1, 2, N),
]


def test_a_range_of_numbers_skips_xlwings_per_cell_work(
    xl: Excel, per_cell: dict[str, int]
) -> None:
    got = xl.call("CARRY_PNL", *(column(*a.tolist()) for a in TRADES))
    n, x0, x1, rt, rf, t = TRADES
    expected = n * ((x1 / x0) * (1 + rt * t) - (1 + rf * t))
    np.testing.assert_allclose([r[0] for r in got], expected, rtol=1e-12)
    assert all(type(r[0]) is float for r in got)
    assert per_cell == {"clean": 0, "prepare": 0}


@pytest.mark.parametrize(
    ("odd", "argument"),
    [
        (-2146826246, 1),  # #N/A in spot_start
        (None, 2),  # an empty cell
        ("", 0),  # a formula that returns ""
        ("4.5%", 3),  # a rate typed as text
        (Decimal("0.25"), 5),  # a Currency-formatted cell
        (True, 0),
        (TimeType(2024, 5, 31), 2),  # a date where a number belongs
    ],
)
def test_one_odd_cell_in_a_column_reads_as_xlwings_default_reads_it(
    xl: Excel, per_cell: dict[str, int], odd: Any, argument: int
) -> None:
    ranges = [column(*a.tolist()) for a in TRADES]
    at = 4321
    cells = list(ranges[argument])
    cells[at] = (odd,)
    ranges[argument] = tuple(cells)
    got = xl.call("CARRY_PNL", *ranges)
    assert per_cell["clean"] == 1  # the odd argument went through xlwings' cleaning, once
    # The answer skips xlwings' preparation when it is all numbers, else every cell gets it.
    numbers_only = all(type(r[0]) is float for r in got)
    assert per_cell["prepare"] == (0 if numbers_only else N)
    single = [float(a[at]) for a in TRADES]
    single[argument] = odd
    expected = xl.call("CARRY_PNL", *single)  # one cell: XLPython.CallUDF unwraps it
    if isinstance(expected, str):
        assert got[at][0] == expected
        assert argument_name(argument) in expected
    else:
        assert got[at][0] == pytest.approx(expected, rel=1e-12)
    for i in (0, at - 1, at + 1, N - 1):
        alone = xl.call("CARRY_PNL", *(float(a[i]) for a in TRADES))
        assert got[i][0] == pytest.approx(alone, rel=1e-12)


def argument_name(position: int) -> str:
    return ("notional", "spot_start", "spot_end", "rate_target", "rate_funding", "years")[position]


@pytest.mark.parametrize(
    "options",
    [{"ndim": None}, {"ndim": 1}, {"ndim": 2, "transpose": True}, {"ndim": 2, "numbers": int}],
)
def test_other_read_options_are_left_to_xlwings(xl: Excel, options: dict[str, Any]) -> None:
    raw = column(1.5, 2.5, 3.0)
    got = conversion.read(None, raw, {"convert": ExcelCells, **options})
    assert got == conversion.read(None, raw, options)


def test_other_write_options_are_left_to_xlwings(xl: Excel) -> None:
    grid = np.array([[1.5, 2.5, 3.0]])
    got = conversion.write(grid, None, {"convert": ExcelCells, "transpose": True})
    assert got == [[1.5], [2.5], [3.0]]
