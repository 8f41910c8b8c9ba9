"""Every Excel function, fed its worked example with one argument made odd or extreme,
answers with numbers or one-line messages: never an exception, never inf or NaN.

The worked examples (``tests/excel/cases.py``) get the other arguments past their
checks, so the odd one reaches the core's maths: numbers near the ends of the float
range, columns of them, columns of different lengths, text, dates, Excel errors.
"""

from __future__ import annotations

import math
from pathlib import Path

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


# -- Round two (issue 20): functions at the limits answer one line, never inf ----------------

TRANCHES = (column(1e5, 1e5), column(100.0, 98.0))


def _one_line(got: object) -> str:
    assert isinstance(got, str), got
    assert "\n" not in got, got
    assert "unexpected error" not in got, got
    return got


@pytest.mark.parametrize(
    ("nights", "swap", "lot_size"),
    [
        (column(3.0, 2.0), 1.7e308, None),  # a huge swap
        (column(1.7e308, 2.0), -5.0, None),  # huge nights
        (column(3.0, 2.0), -5.0, 5e-324),  # a tiny lot size
    ],
)
def test_staged_swap_overflow_is_one_line(
    xl: Excel, nights: object, swap: float, lot_size: float | None
) -> None:
    got = xl.call(
        "STAGED_POSITION",
        *TRANCHES,
        99.0,
        "long",
        "swap",
        MISSING,
        MISSING,
        nights,
        swap,
        MISSING if lot_size is None else lot_size,
    )
    assert "too large or too small" in _one_line(got)


def test_staged_swap_refuses_negative_nights(xl: Excel) -> None:
    got = xl.call(
        "STAGED_POSITION",
        *TRANCHES,
        99.0,
        "long",
        "swap",
        MISSING,
        MISSING,
        column(3.0, -2.0),
        -5.0,
    )
    assert _one_line(got).startswith("nights: must be a finite number >= 0")
    # the same tranches held 3 and 2 nights at -5 JPY a lot a night: 5 lot-nights, -25 JPY
    got = xl.call(
        "STAGED_POSITION", *TRANCHES, 99.0, "long", "swap", MISSING, MISSING, column(3.0, 2.0), -5.0
    )
    assert got == -25.0


@pytest.mark.parametrize(
    ("start", "tenor"),
    [
        (45306.0, "99999999999Y"),
        (45306.0, "9000Y"),
        (2958464.0, "1M"),  # 9999-12-30 + 1M
        (45306.0, "9999999999999999999W"),
    ],
)
def test_tenor_end_stops_at_9999(xl: Excel, start: float, tenor: str) -> None:
    assert _one_line(xl.call("TENOR_END", start, tenor)).startswith("tenor: ")


def test_forward_from_points_names_its_own_argument(xl: Excel) -> None:
    got = _one_line(xl.call("FX_FORWARD_FROM_POINTS", 150.0, -20000.0, "USD/JPY"))
    assert got.startswith("points: "), got  # not "forward", which the function has not


def test_policy_rate_from_a_store_csv_cannot_read(
    xl: Excel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "data"
    store.mkdir()
    (store / "policy_rates.csv").write_text(
        f'date,currency,policy_rate_percent,note\n2024-01-02,USD,"{"5" * 140_000}",\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("CARRYXL_DATA_DIR", str(store))
    assert "policy_rates.csv" in _one_line(xl.call("POLICY_RATE", "USD", 45306.0))


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("CARRY_PNL", (1e7, 100.0, 103.0, "5", "0.1%", 0.5)),  # 500%? write 5% or 0.05
    ],
)
def test_rate_text_in_a_cell_is_read_as_on_the_command_line(
    xl: Excel, name: str, args: tuple[object, ...]
) -> None:
    assert _one_line(xl.call(name, *args)).startswith("rate_target: ")
