"""The rules that repeat are worded once (errors.Rule), and messages show values one way."""

from __future__ import annotations

import numpy as np
import pytest

from carryxl.core import errors
from carryxl.core.errors import CarryxlError, Described, Rule
from carryxl.macros.inputs import single_value


def _rules() -> dict[str, str]:
    return {k: v for k, v in vars(Rule).items() if k.isupper()}


def test_each_rule_is_one_distinct_line() -> None:
    rules = _rules()
    assert len(set(rules.values())) == len(rules)
    assert all("\n" not in text and len(text) < 120 for text in rules.values())


def test_a_described_value_is_shown_as_is_and_others_as_python_spells_them() -> None:
    assert str(CarryxlError("a", Described("2 values"), "r")) == "a: r (got 2 values)"
    assert str(CarryxlError("a", "2 values", "r")) == "a: r (got '2 values')"
    assert str(CarryxlError("a", -5.0, "r")) == "a: r (got -5.0)"
    long = str(CarryxlError("a", "x" * 100, "r"))
    assert long.endswith("...)")
    assert len(long) < 80


def test_shapes_differ_names_only_the_columns() -> None:
    error = errors.shapes_differ({"notional": (2,), "spot": (), "rate": (3,), "cost": (1,)})
    assert error.argument == "notional / rate"
    assert str(error.value) == "notional 2 values, rate 3 values"
    assert error.rule == Rule.SHAPES


def test_a_result_that_is_not_a_number_names_the_inputs_with_their_values() -> None:
    error = errors.not_finite_result({"notional": 1e300, "years": np.float64(0.5)})
    assert str(error) == f"notional / years: {Rule.FINITE_RESULT} (got notional=1e+300, years=0.5)"


class _BookWithoutNames:
    def has_name(self, name: str) -> bool:
        return False


def test_an_undefined_name_reads_the_same_from_the_core_and_the_macros() -> None:
    with pytest.raises(CarryxlError) as info:
        single_value(_BookWithoutNames(), "in_pair")  # type: ignore[arg-type]
    assert str(info.value) == str(errors.not_defined("in_pair"))
    assert info.value.rule == Rule.NOT_DEFINED
