"""Shared hypothesis strategies: realistic spots, rates, notionals, periods and dates; the
desk's positions; Excel's cells. A strategy two test files draw from lives here
(tests/test_strategies_shared.py fails on a copy)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import strategies as st

spots = st.floats(min_value=1e-3, max_value=1e4, allow_nan=False, allow_infinity=False)
rates = st.floats(min_value=-0.02, max_value=0.6, allow_nan=False, allow_infinity=False)
notionals = st.floats(min_value=1.0, max_value=1e10, allow_nan=False, allow_infinity=False)
years = st.floats(min_value=0.0, max_value=10.0, allow_nan=False, allow_infinity=False)
moves = st.floats(min_value=-0.9, max_value=2.0, allow_nan=False, allow_infinity=False)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2080, 12, 31))
day_counts = st.sampled_from(["ACT/360", "ACT/365F", "ACT/ACT", "30/360", "30E/360"])
orientations = st.sampled_from(["target/funding", "funding/target"])
move_conventions = st.sampled_from(["quote", "value"])
"""How "the target rose x%" reads: the quoted pair moved, or the target's own value."""

# A trading desk's positions: spots of JPY pairs and the rest, notionals, moves over a
# holding period, rates, amounts of money and conversion rates to the account currency.
desk_spots = st.floats(0.5, 200)
desk_notionals = st.floats(1e3, 1e9)
desk_moves = st.floats(-0.3, 0.3)
desk_rates = st.floats(0.0, 0.4)
money = st.floats(-1e9, 1e9)
to_account = st.floats(1e-3, 1e3)
position_sides = st.sampled_from(["long", "short"])
account_currencies = st.sampled_from(["quote", "base"])
"""Which currency of the pair the account is in."""

# Excel's cells as xlwings hands them over.
finite_floats = st.floats(allow_nan=False, allow_infinity=False)
EXCEL_ERRORS = {
    "#DIV/0!": -2146826281,
    "#N/A": -2146826246,
    "#NAME?": -2146826259,
    "#NULL!": -2146826288,
    "#NUM!": -2146826252,
    "#REF!": -2146826265,
    "#VALUE!": -2146826273,
}
"""Excel's error values as COM integers (CVErr codes)."""
excel_errors = st.sampled_from(sorted(EXCEL_ERRORS.values()))


def excel_dates(as_type: Callable[[int, int, int], dt.datetime]) -> st.SearchStrategy[dt.datetime]:
    """Date-formatted cells, 1901-2100, as ``as_type`` (tests.excel.harness.TimeType, how COM
    delivers them; passed in so that this module does not load xlwings)."""
    return st.builds(as_type, st.integers(1901, 2100), st.integers(1, 12), st.integers(1, 28))
