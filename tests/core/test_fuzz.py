"""Any input to any public core function: a result or a CarryxlError, nothing else.

The functions are found from the modules' ``__all__``, so a new one is fuzzed without
touching this file. Arguments are drawn both plausibly (a pair where the parameter is a
pair, dates where it is a date) and from anything at all, so the draws reach the maths
as well as the checks. From finite inputs no result holds inf or NaN, except the
sentinels a function documents ("never": inf days; "no such spot": NaN).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carryxl.core
from carryxl.core import CarryBreakdown, CarryxlError, Currency, Pair, carry_breakdown
from carryxl.core.calendars import pair_calendars
from tests.strategies import account_currencies, finite_floats, move_conventions, orientations

# Plumbing that the maths modules call with checked arguments: tested through them.
PLUMBING = {"errors", "validate", "trade"}

# Documented non-finite answers: the function, and the one value it may return.
SENTINELS: dict[str, float] = {
    "carry_days_to_offset": np.inf,  # carry never catches up
    "carry_days_to_offset_simple": np.inf,
    "days_to_margin_call": np.inf,  # the swap is a credit: never
    "stop_loss_spot": np.nan,  # no spot loses that much
    "margin_call_spot": np.nan,  # no spot reaches the level
    "breakeven_spot_after_costs": np.nan,  # no spot breaks even
}


def _maths_modules() -> list[Any]:
    names = [m.name for m in pkgutil.iter_modules(carryxl.core.__path__)]
    return [importlib.import_module(f"carryxl.core.{n}") for n in names if n not in PLUMBING]


def _functions() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for module in _maths_modules():
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isfunction(value):
                found[name] = value
            elif inspect.isclass(value) and callable(getattr(value, "parse", None)):
                found[f"{name}.parse"] = value.parse
    return found


FUNCTIONS = _functions()


def test_every_public_function_is_fuzzed() -> None:
    public = {
        name for name in carryxl.core.__all__ if inspect.isfunction(getattr(carryxl.core, name))
    }
    assert public <= set(FUNCTIONS)
    assert len(public) >= 77


# -- arguments -----------------------------------------------------------------------

numbers_near_limits = st.one_of(
    finite_floats,  # 1e300 and 5e-324 included
    st.floats(min_value=-2.0, max_value=200.0, allow_nan=False),
    st.sampled_from([0.0, 1.0, -1.0, 0.5, 100.0, 0.045, -0.05, 30.0, 1e300, 1e-300]),
)
any_float = st.one_of(numbers_near_limits, st.sampled_from([np.nan, np.inf, -np.inf]))
words = st.sampled_from(
    [
        "",
        " ",
        "x",
        "#N/A",
        "4.5%",
        "1e999",
        "AUD/JPY",
        "USDTRY",
        "JPY",
        "6M",
        "1Y6M",
        "ON",
        "ACT/360",
        "30E/360",
        "long",
        "short",
        "sell",
        "target/funding",
        "funding/target",
        "quote",
        "base",
        "value",
        "points",
        "percent",
        "money per lot",
        "Wed",
        "周三",
        "separate",
        "within position",
        "2024-01-05",
        "2024-02-30",
        "20240105",
        "=1+1",
    ]
)
dates = st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2200, 12, 31))
datetimes = st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2200, 1, 1))


def _breakdowns() -> st.SearchStrategy[CarryBreakdown]:
    sizes = st.integers(1, 3)
    return sizes.flatmap(
        lambda n: st.builds(
            carry_breakdown,
            st.lists(st.floats(1.0, 1e9), min_size=n, max_size=n),
            st.floats(0.01, 1e3),
            st.floats(0.01, 1e3),
            st.floats(-0.02, 0.5),
            st.floats(-0.02, 0.5),
            st.floats(0.0, 5.0),
        )
    )


scalar = st.one_of(
    any_float,
    # Whole numbers past int64 make dates.as_dates raise OverflowError: left to the one
    # date parser of issue 11, which replaces its parsing.
    st.integers(-(10**9), 10**9),
    st.booleans(),
    st.none(),
    words,
    st.text(max_size=8),
    dates,
    datetimes,
    st.builds(np.datetime64, dates),
)
anything = st.one_of(
    scalar,
    st.lists(any_float, min_size=1, max_size=4),
    st.lists(any_float, min_size=1, max_size=4).map(np.array),
    st.lists(st.lists(any_float, min_size=1, max_size=3), min_size=1, max_size=3),  # ragged
    st.lists(st.one_of(words, any_float, dates), min_size=1, max_size=3),
    st.dictionaries(st.text(max_size=2), any_float, max_size=2),
    _breakdowns(),
)

# What a parameter of that name usually holds, so draws get past the first check.
_PLAUSIBLE: list[tuple[tuple[str, ...], st.SearchStrategy[Any]]] = [
    (("breakdown",), _breakdowns()),
    (("pair", "wanted"), st.sampled_from(["AUD/JPY", "USD/TRY", "EUR/USD", "USD/CAD", "JPY/CNY"])),
    (("orientation",), orientations),
    (("day_count",), st.sampled_from(["ACT/360", "ACT/365F", "ACT/ACT", "30/360", "30E/360"])),
    (("tenor",), st.sampled_from(["6M", "1Y", "90D", "2W", "1Y6M", "ON"])),
    (("side",), st.sampled_from(["long", "short", 1.0, -1.0])),
    (("form",), st.sampled_from(["points", "money per lot", "percent a year"])),
    (("convention",), move_conventions),
    (("offset",), st.sampled_from(["within position", "separate"])),
    (("account",), account_currencies),
    (("amounts_in",), st.sampled_from(["base", "quote"])),
    (("triple_day",), st.sampled_from(["Wed", "Thu", 2, None])),
    (("spot_lag",), st.integers(0, 6)),
    (("holidays",), st.one_of(st.none(), st.lists(dates, max_size=3))),
    (
        ("currency", "target", "funding", "from_currency", "to_currency"),
        st.sampled_from(["AUD", "JPY", "USD", "TRY", "EUR", "CNY"]),
    ),
    (("date", "start", "end", "open", "close"), st.one_of(dates, st.lists(dates, max_size=3))),
    (("value", "text", "lang"), words),
    (("compound", "exact"), st.booleans()),
    (("axis",), st.integers(-3, 3)),
    (
        ("rate", "markup", "move", "return", "drift", "confidence"),
        st.one_of(st.floats(-0.99, 2.0), st.lists(st.floats(-0.99, 2.0), min_size=1, max_size=3)),
    ),
]
numbers = st.one_of(
    numbers_near_limits,
    st.lists(numbers_near_limits, min_size=1, max_size=3),
    st.floats(0.001, 1e6),
    st.lists(st.floats(0.001, 1e6), min_size=3, max_size=3).map(np.array),
)


# Parameters typed Pair / Currency take only those (the edges parse text into them, and
# Pair.parse / Currency.parse are fuzzed with anything as functions of their own).
pairs = st.sampled_from(["AUD/JPY", "USD/TRY", "EUR/USD", "USD/CAD", "JPY/CNY"]).map(Pair.parse)
currencies = st.sampled_from(list(Currency))
_TYPED: dict[str, st.SearchStrategy[Any]] = {
    "Pair": pairs,
    "Pair | None": st.one_of(st.none(), pairs),
    "Sequence[Pair]": st.lists(pairs, min_size=1, max_size=3),
    "Currency": currencies,
    # a pair's holiday sets, as pair_calendars builds them for a run's dates
    "PairCalendars": st.builds(
        lambda pair, calendars: pair_calendars(pair, "2024-01-01", "2025-12-31", None, calendars),
        pairs,
        st.booleans(),
    ),
}


def _plausible(name: str) -> st.SearchStrategy[Any]:
    for keys, strategy in _PLAUSIBLE:
        if any(key in name for key in keys):
            return strategy
    return numbers


def _finite(value: Any) -> bool:
    """No NaN or inf anywhere in ``value`` (text, dates and the like count as finite)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # a record
        return all(_finite(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(_finite(v) for v in value)
    if isinstance(value, float | np.floating):
        return bool(np.isfinite(value))
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return bool(np.isfinite(value).all())
    return True


def _numbers(result: Any) -> list[np.ndarray]:
    """Every float array inside a result (dataclasses, tuples, frames included)."""
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return [a for f in dataclasses.fields(result) for a in _numbers(getattr(result, f.name))]
    if isinstance(result, tuple):
        return [a for item in result for a in _numbers(item)]
    if isinstance(result, pd.DataFrame):
        return [result[c].to_numpy() for c in result.columns if result[c].dtype.kind == "f"]
    if isinstance(result, float | np.floating | np.ndarray):
        array = np.asarray(result)
        return [array.astype(np.float64)] if array.dtype.kind == "f" else []
    return []


def _draw(name: str, annotation: Any, data: st.DataObject) -> Any:
    # ``argument``/``name``: the caller's name for the value, used in messages.
    if name in ("argument", "name"):
        return "x"
    if annotation in _TYPED:  # a typed value: the core takes it parsed
        return data.draw(_TYPED[annotation], label=name)
    return data.draw(st.one_of(_plausible(name), _plausible(name), anything), label=name)


def _request(function: Callable[..., Any], parameter: inspect.Parameter) -> type | None:
    """The parameter's request record: a dataclass of keyword-only fields that stand for
    the function's arguments (the function checks each field), else None."""
    record = function.__globals__.get(str(parameter.annotation))
    if not (dataclasses.is_dataclass(record) and isinstance(record, type)):
        return None
    return record if all(f.kw_only for f in dataclasses.fields(record)) else None


def _record(record: type, data: st.DataObject) -> Any:
    """A request record with its fields drawn as arguments are: every field without a
    default, and each one with a default or not."""
    given = {
        f.name: _draw(f.name, f.type, data)
        for f in dataclasses.fields(record)
        if (f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
        or data.draw(st.booleans(), label=f"{f.name} given")
    }
    return record(**given)


def _arguments(function: Callable[..., Any], data: st.DataObject) -> list[Any]:
    parameters = [  # keyword-only parameters (a caller's options) are left at their defaults
        p
        for p in inspect.signature(function).parameters.values()
        if p.kind is not inspect.Parameter.KEYWORD_ONLY
    ]
    required = sum(p.default is inspect.Parameter.empty for p in parameters)
    count = data.draw(st.integers(required, len(parameters)), label="count")
    return [
        _draw(p.name, p.annotation, data)
        if (record := _request(function, p)) is None
        else _record(record, data)
        for p in parameters[:count]
    ]


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_input_gives_a_result_or_a_carryxl_error(name: str, data: st.DataObject) -> None:
    function = FUNCTIONS[name]
    arguments = _arguments(function, data)
    with np.errstate(all="ignore"):
        try:
            result = function(*arguments)
        except CarryxlError as error:
            refused: CarryxlError | None = error
        else:
            refused = None
    if refused is not None:
        assert "\n" not in str(refused)  # one line, for a cell or stderr
        return
    if not _finite(arguments):
        return
    allowed = SENTINELS.get(name.split(".", maxsplit=1)[0])
    for array in _numbers(result):
        odd = array[~np.isfinite(array)]
        if allowed is None:
            assert odd.size == 0, f"{name}{tuple(arguments)} gave {odd}"
        elif np.isnan(allowed):
            assert np.isnan(odd).all(), f"{name}{tuple(arguments)} gave {odd}"
        else:
            assert (odd == allowed).all(), f"{name}{tuple(arguments)} gave {odd}"
