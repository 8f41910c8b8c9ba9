"""Shared hypothesis strategies: realistic spots, rates, notionals, periods and dates."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

spots = st.floats(min_value=1e-3, max_value=1e4, allow_nan=False, allow_infinity=False)
rates = st.floats(min_value=-0.02, max_value=0.6, allow_nan=False, allow_infinity=False)
notionals = st.floats(min_value=1.0, max_value=1e10, allow_nan=False, allow_infinity=False)
years = st.floats(min_value=0.0, max_value=10.0, allow_nan=False, allow_infinity=False)
moves = st.floats(min_value=-0.9, max_value=2.0, allow_nan=False, allow_infinity=False)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2080, 12, 31))
day_counts = st.sampled_from(["ACT/360", "ACT/365F", "ACT/ACT", "30/360", "30E/360"])
orientations = st.sampled_from(["target/funding", "funding/target"])
