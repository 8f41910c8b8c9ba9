"""A column with bad rows answers each row exactly as that row would answer alone.

The core lists every element that breaks an element-wise rule, so the good rows are
computed in one more call instead of by splitting the column; these tests hold the two
ways to the same answers, row by row.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.excel.harness import Excel, column

GOOD = (1e6, 100.0, 103.0, 0.045, 0.001, 0.5)
BAD_SPOTS = (0.0, -1.0, math.inf, -math.inf, math.nan)
BAD_NOTIONALS = (-5.0, math.nan)

rows = st.lists(
    st.tuples(
        st.one_of(st.floats(1e3, 1e7), st.sampled_from(BAD_NOTIONALS)),
        st.one_of(st.floats(50.0, 150.0), st.sampled_from(BAD_SPOTS)),
        st.one_of(st.floats(50.0, 150.0), st.sampled_from(BAD_SPOTS)),
    ),
    min_size=2,
    max_size=40,
)


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)
    return a == b


def _bad_fields(trade: tuple[float, ...]) -> int:
    notional, start, end = trade
    good = (notional > 0, 0 < start < math.inf, 0 < end < math.inf)
    return sum(not g for g in good)


@settings(max_examples=60)
@given(rows)
def test_each_row_of_a_column_is_what_it_is_alone(
    xl: Excel, trades: list[tuple[float, ...]]
) -> None:
    notional, start, end = (column(*values) for values in zip(*trades, strict=True))
    together = xl.call("CARRY_PNL", notional, start, end, *GOOD[3:])
    assert len(together) == len(trades)
    for (got,), trade in zip(together, trades, strict=True):
        alone = xl.call("CARRY_PNL", *trade, *GOOD[3:])
        if _bad_fields(trade) > 1:  # either broken rule may be named first
            assert isinstance(got, str), (trade, got)
            assert isinstance(alone, str), (trade, alone)
        else:
            assert _same(got, alone), (trade, got, alone)


def test_a_hundred_bad_spots_among_ten_thousand(xl: Excel) -> None:
    n = 10_000
    spots = [100.0 + (i % 7) for i in range(n)]
    for i in range(0, n, 100):
        spots[i] = 0.0
    got = xl.call("CARRY_PNL", GOOD[0], GOOD[1], column(*spots), *GOOD[3:])
    messages = {i for i, (v,) in enumerate(got) if isinstance(v, str)}
    assert messages == set(range(0, n, 100))
    assert got[0][0] == xl.call("CARRY_PNL", GOOD[0], GOOD[1], 0.0, *GOOD[3:])
    assert got[1][0] == xl.call("CARRY_PNL", GOOD[0], GOOD[1], spots[1], *GOOD[3:])
