"""Whatever a sheet sends, every function answers with values or one-line messages: nothing
escapes to xlwings' UDF server. And the bad-row search finds every bad row, however many."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carryxl.core.errors import CarryxlError
from carryxl.core.validate import positive
from carryxl.excel import catalog, cells
from tests.excel.cases import BY_NAME, MISSING, with_arg
from tests.excel.harness import Excel, TimeType, column
from tests.strategies import excel_dates, excel_errors

excel_cell = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    st.sampled_from([0.0, -1.0, 1.0, 0.5, 100.0, 45306.0]),
    st.none(),
    st.booleans(),
    excel_errors,
    st.text(max_size=12),
    st.sampled_from(["4.5%", "ACT/360", "AUD/JPY", "USD", "6M", "exact", "simple", "#N/A"]),
    excel_dates(TimeType),
)
excel_argument = st.one_of(
    excel_cell,
    st.lists(excel_cell, min_size=1, max_size=4).map(lambda cells: column(*cells)),
    st.just(MISSING),
)


def _is_answer(value: object) -> bool:
    if isinstance(value, str):
        return "\n" not in value and len(value) <= 255
    return isinstance(value, float | int)


@pytest.mark.parametrize("name", [f.name for f in catalog.functions()])
@settings(max_examples=25)
@given(data=st.data())
def test_any_cells_give_values_or_messages(xl: Excel, name: str, data: st.DataObject) -> None:
    arity = len(catalog.function(name).arguments)
    args = data.draw(st.lists(excel_argument, min_size=arity, max_size=arity))
    got = xl.call(name, *args)  # raises if anything escaped to the UDF server
    rows = got if isinstance(got, list) else [got]
    flat = [c for r in rows for c in (r if isinstance(r, list) else [r])]
    for value in flat:
        assert _is_answer(value) or value == "", value
        assert not (isinstance(value, str) and value.startswith(("=", "+", "@"))), value
    assert not any(isinstance(v, str) and "unexpected error" in v for v in flat), flat


@settings(max_examples=30)
@given(bad=st.sets(st.integers(0, 999), max_size=60))
def test_every_bad_row_is_found_and_only_those(bad: set[int]) -> None:
    spots = np.full((1000, 1), 100.0)
    spots[sorted(bad), 0] = -1.0
    grid = cells.evaluate(_positive_root, cells.numbers("spot_start", spots))
    flags = [isinstance(v, str) for v in grid[:, 0]]
    assert {i for i, f in enumerate(flags) if f} == bad
    assert all(grid[i, 0] == 10.0 for i in range(1000) if i not in bad)


def _positive_root(spot_start: np.ndarray) -> np.ndarray:
    return np.sqrt(positive("spot_start", spot_start))


def test_all_rows_bad_and_whole_call_problems() -> None:
    grid = cells.evaluate(_positive_root, cells.numbers("spot_start", np.full((64, 1), -2.0)))
    assert set(grid[:, 0]) == {"spot_start: must be a finite number > 0 (got -2)"}
    with pytest.raises(CarryxlError, match="ranges: must be the same size"):
        cells.evaluate(
            _positive_root,
            cells.numbers("spot_start", np.ones((3, 1))),
            cells.numbers("other", np.ones((2, 1))),
        )


def test_text_never_becomes_a_formula(xl: Excel) -> None:
    got = xl.call("CARRY_PNL", *with_arg(BY_NAME["CARRY_PNL"].args, 0, "=HYPERLINK(1)"))
    assert got == 'notional: must be a number (got text "=HYPERLINK(1)")'
    assert not got.startswith("=")


def test_a_setting_the_core_rejects_fails_its_rows_in_one_call() -> None:
    calls = []

    def kernel(spot_start: np.ndarray, mode: str) -> np.ndarray:
        calls.append(len(np.atleast_1d(spot_start)))
        raise CarryxlError("mode", mode, "must be up or down")

    grid = cells.evaluate(
        kernel,
        cells.numbers("spot_start", np.ones((10_000, 1))),
        cells.choice("mode", lambda c: c, "sideways"),
    )
    assert calls == [10_000]  # no search through the rows: the setting is to blame
    assert set(grid[:, 0]) == {'mode: must be up or down (got text "sideways")'}
