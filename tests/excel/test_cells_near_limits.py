"""Every Excel function, fed its worked example with one argument made odd or extreme,
answers with numbers or one-line messages: never an exception, never inf or NaN.

The worked examples (``tests/excel/cases.py``) get the other arguments past their
checks, so the odd one reaches the core's maths: numbers near the ends of the float
range, columns of them, columns of different lengths, text, dates, Excel errors.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carryxl.excel import catalog
from tests.excel.cases import BY_NAME, MISSING, with_arg
from tests.excel.harness import Excel, TimeType, column
from tests.strategies import excel_dates, finite_floats

EXTREMES = [1e300, -1e300, 1e-300, -1e-300, 1.7e308, 5e-324]

extreme = st.sampled_from(EXTREMES)
odd_cell = st.one_of(
    extreme,
    finite_floats,
    st.sampled_from([0.0, -1.0, 30.0, -0.05, "", "#N/A", "x", "1e999%", True, None]),
    excel_dates(TimeType),
)
odd_argument = st.one_of(
    odd_cell,
    st.lists(st.one_of(extreme, odd_cell), min_size=2, max_size=4).map(lambda c: column(*c)),
    st.just(MISSING),
)
NAMES = sorted(f.name for f in catalog.functions() if f.name in BY_NAME)
WITH_ARGUMENTS = [n for n in NAMES if BY_NAME[n].args]  # POLICY_RATE_AS_OF() takes none


def _cells(got: object) -> list[object]:
    rows = got if isinstance(got, list) else [got]
    return [c for r in rows for c in (r if isinstance(r, list) else [r])]


def _check(name: str, got: object) -> None:
    for value in _cells(got):
        if isinstance(value, float):
            assert math.isfinite(value), f"{name} answered {value}"
        elif isinstance(value, str):
            assert "\n" not in value, value
            assert "unexpected error" not in value, value


def test_every_function_has_a_worked_example() -> None:
    # New functions get a case in cases.py, and so are tried here too.
    assert len(NAMES) == len(catalog.functions())


@pytest.mark.parametrize("name", NAMES)
def test_each_argument_near_the_float_limits(xl: Excel, name: str) -> None:
    args = BY_NAME[name].args
    for index in range(len(args)):
        for value in [*EXTREMES, column(1e300, 1.0, 1e-300), column(1.7e308, 1.7e308)]:
            _check(name, xl.call(name, *with_arg(args, index, value)))


@pytest.mark.parametrize("name", WITH_ARGUMENTS)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_odd_arguments_in_a_worked_example(xl: Excel, name: str, data: st.DataObject) -> None:
    args = BY_NAME[name].args
    indexes = data.draw(st.sets(st.integers(0, len(args) - 1), min_size=1, max_size=2))
    for index in sorted(indexes):
        args = with_arg(args, index, data.draw(odd_argument, label=f"argument {index}"))
    _check(name, xl.call(name, *args))
