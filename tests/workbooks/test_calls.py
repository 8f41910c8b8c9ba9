"""The formula parser behind the udf check counts arguments as Excel does."""

from __future__ import annotations

import pytest

from carryxl.workbooks.calls import calls, is_builtin


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("=PI()", [("PI", 0)]),
        ("=CARRY_PNL(a,b,c,d,e,f)", [("CARRY_PNL", 6)]),
        ('=ROUND(CARRY_PNL(a,b,,"exact"),2)', [("CARRY_PNL", 4), ("ROUND", 2)]),
        ("=F(,)", [("F", 2)]),
        ("=F(G())", [("G", 0), ("F", 1)]),
        ('=IF(A1="a,b",1,2)', [("IF", 3)]),  # a comma inside text is not a separator
        ("=SUM(in_list)+NA()", [("SUM", 1), ("NA", 0)]),
        ('=F(a,{"x","y";"z","w"},b)', [("F", 3)]),  # an array constant is one argument
        ("=F({1,2})", [("F", 1)]),
    ],
)
def test_calls_counts_arguments(formula: str, expected: list[tuple[str, int]]) -> None:
    assert calls(formula) == expected


def test_builtins_are_recognised_and_udfs_are_not() -> None:
    assert is_builtin("INDEX")
    assert is_builtin("_xlfn.NETWORKDAYS.INTL")
    assert not is_builtin("CARRY_PNL")
