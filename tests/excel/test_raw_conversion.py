"""carryxl's xlwings converter (carryxl/excel/raw.py): what it hands a UDF and what it sends
back are exactly what xlwings' default conversion would, and a range of numbers skips
xlwings' per-cell cleaning and preparation (the reason it exists)."""

from __future__ import annotations

import math
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
from tests.excel.harness import Excel, TimeType, column, row
from tests.strategies import excel_dates, excel_errors, finite_floats

DEFAULT_READ = {"ndim": 2, "err_to_str": True}  # the options READ had before the converter

raw_cell = st.one_of(
    finite_floats,
    finite_floats,  # numbers are most cells: weight them
    st.none(),
    st.just(""),
    st.text(max_size=8),
    st.booleans(),
    st.integers(-(2**31), 2**31 - 1),
    excel_errors,
    st.decimals(allow_nan=False, allow_infinity=False, places=4),
    excel_dates(TimeType),
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
    assert _rows(got) == [[1.5], *([table[c]] for c in codes), [2.5]]
    assert "#N/A" in table.values()
    assert "#DIV/0!" in table.values()


def test_reading_leaves_the_given_rows_as_they_are(xl: Excel) -> None:
    given = [[1.5, None], ["4.5%", 2.5], [-2146826246, 3.5]]
    got = conversion.read(None, given, READ)
    assert given == [[1.5, None], ["4.5%", 2.5], [-2146826246, 3.5]]
    assert _rows(got) == [[1.5, None], ["4.5%", 2.5], ["#N/A", 3.5]]


result_cell = st.one_of(
    finite_floats,
    finite_floats,  # numbers are most cells: weight them
    st.floats(),
    st.sampled_from([math.nan, math.inf, -math.inf]),  # not left to chance
    st.text(max_size=8),
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    # Cells that xlwings' preparation changes: these send the grid through it. (Not dates:
    # the harness leaves out xlwings' COM date conversion, and no carryxl result has one.)
    st.floats().map(np.float64),
    st.integers(-(2**31), 2**31 - 1).map(np.int64),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
)
mixed_grid = st.tuples(st.integers(1, 5), st.integers(1, 4)).flatmap(
    lambda shape: st.lists(
        result_cell, min_size=shape[0] * shape[1], max_size=shape[0] * shape[1]
    ).map(lambda v: _objects(v).reshape(shape))
)
float_cell = st.floats() | st.sampled_from([math.nan, math.inf, -math.inf])
float_grid = st.tuples(st.integers(1, 5), st.integers(1, 4)).flatmap(
    lambda shape: st.lists(
        float_cell, min_size=shape[0] * shape[1], max_size=shape[0] * shape[1]
    ).map(lambda v: np.array(v, dtype=np.float64).reshape(shape))
)
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
    float_grid,
    mixed_grid,
    mixed_grid.map(lambda g: g.T),  # not contiguous
    st.lists(st.one_of(st.floats(), st.text(max_size=5), st.none()), min_size=4, max_size=4).map(
        lambda v: np.array(v, dtype=object).reshape(2, 2)
    ),
)


def _objects(values: list[Any]) -> Any:
    grid = np.empty(len(values), dtype=object)
    grid[:] = values  # each value as it is (np.array would turn a column of numbers into floats)
    return grid


def _sent(result: Any, options: dict[str, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = conversion.write(result, None, options)
    return rows


def _same_cells(got: list[list[Any]], expected: list[list[Any]]) -> None:
    assert got == expected
    assert [list(map(type, r)) for r in got] == [list(map(type, r)) for r in expected]


@settings(max_examples=500, deadline=None)
@given(result=result_grid)
def test_writing_sends_what_xlwings_default_conversion_sends(xl: Excel, result: Any) -> None:
    _same_cells(_sent(result, WRITE), _sent(result, {}))


@settings(max_examples=100, deadline=None)
@given(result=st.one_of(float_grid, mixed_grid))
def test_writing_follows_xlwings_whatever_it_makes_of_infinity(xl: Excel, result: Any) -> None:
    # pandas 2 can be told to count infinities as missing (mode.use_inf_as_na), and
    # xlwings' preparation then sends them as empty cells: carryxl must follow.
    engine = type(sys.modules["xlwings._xlwindows"].engine)
    prepare = engine.prepare_xl_data_element

    def inf_as_missing(cell: Any, options: Any) -> Any:
        if isinstance(cell, float) and math.isinf(cell):
            return ""
        return prepare(cell, options)

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(engine, "prepare_xl_data_element", staticmethod(inf_as_missing))
        _same_cells(_sent(result, WRITE), _sent(result, {}))


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
    # The answer skips xlwings' per-cell preparation, numbers and a message alike (the two
    # calls at most are carryxl asking xlwings what it makes of inf and -inf).
    assert per_cell["prepare"] <= 2
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


def test_a_grid_with_headers_skips_xlwings_per_cell_preparation(
    xl: Excel, per_cell: dict[str, int]
) -> None:
    moves, years = np.linspace(-0.1, 0.1, 41).tolist(), np.linspace(0.1, 2.0, 30).tolist()
    got = xl.call("CARRY_SCENARIOS", 1e6, 100.0, 0.05, 0.001, column(*moves), row(*years))
    assert per_cell["prepare"] <= 2  # asking xlwings about inf and -inf, not one per cell
    grid = xl.function("CARRY_SCENARIOS")(1e6, 100.0, 0.05, 0.001, [[m] for m in moves], [years])
    assert grid.shape == (42, 31)
    assert grid.dtype == object  # a header row of text over the numbers
    _same_cells(got, _sent(grid, {}))
    assert per_cell["prepare"] > 42 * 31  # the default pipeline, for comparison


def test_a_column_with_bad_rows_skips_xlwings_per_cell_preparation(
    xl: Excel, per_cell: dict[str, int]
) -> None:
    ranges = [list(column(*a.tolist())) for a in TRADES]
    bad = range(7, N, N // 100)
    for at in bad:
        ranges[1][at] = ("n/a",)
    got = xl.call("CARRY_PNL", *map(tuple, ranges))
    assert per_cell["prepare"] <= 2
    assert [i for i, r in enumerate(got) if isinstance(r[0], str)] == list(bad)
    assert all("spot_start" in got[i][0] for i in bad)
    pnl = xl.function("CARRY_PNL")(*([list(r) for r in a] for a in ranges))
    _same_cells(got, _sent(pnl, {}))
