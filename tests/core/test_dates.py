"""Year fractions and tenors, by hand and against QuantLib."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
import QuantLib as ql
from hypothesis import given
from hypothesis import strategies as st

from carryxl.core import (
    CarryxlError,
    DayCount,
    Tenor,
    add_tenor,
    as_dates,
    from_excel_serial,
    tenor_year_fraction,
    to_excel_serial,
    year_fraction,
)
from tests.strategies import dates, day_counts

QL_DAY_COUNTS = {
    "ACT/360": ql.Actual360(),
    "ACT/365F": ql.Actual365Fixed(),
    "ACT/ACT": ql.ActualActual(ql.ActualActual.ISDA),
    "30/360": ql.Thirty360(ql.Thirty360.BondBasis),
    "30E/360": ql.Thirty360(ql.Thirty360.European),
}


def _ql(d: dt.date) -> ql.Date:
    return ql.Date(d.day, d.month, d.year)


def test_worked_example() -> None:
    # 2024-01-15 to 2024-07-15 is 182 actual days
    assert year_fraction("2024-01-15", "2024-07-15", "ACT/360") == pytest.approx(182 / 360)
    assert year_fraction("2024-01-15", "2024-07-15", "ACT/365F") == pytest.approx(182 / 365)
    # 30/360: 6 months of 30 days
    assert year_fraction("2024-01-15", "2024-07-15", "30/360") == pytest.approx(0.5)
    # ACT/ACT ISDA across a year end: 2023-12-01..2024-01-01 = 31/365, then 31/366
    assert year_fraction("2023-12-01", "2024-02-01", "ACT/ACT") == pytest.approx(
        31 / 365 + 31 / 366
    )


def test_thirty_360_month_ends() -> None:
    # bond basis: D2=31 becomes 30 only when D1 >= 30; 30E/360 always caps D2
    assert year_fraction("2024-01-30", "2024-03-31", "30/360") * 360 == pytest.approx(60)
    assert year_fraction("2024-01-15", "2024-03-31", "30/360") * 360 == pytest.approx(76)
    assert year_fraction("2024-01-15", "2024-03-31", "30E/360") * 360 == pytest.approx(75)


@given(start=dates, end=dates, day_count=day_counts)
def test_against_quantlib(start: dt.date, end: dt.date, day_count: str) -> None:
    start, end = min(start, end), max(start, end)
    expected = QL_DAY_COUNTS[day_count].yearFraction(_ql(start), _ql(end))
    assert year_fraction(start, end, day_count) == pytest.approx(expected, rel=1e-12, abs=1e-15)


@given(st.lists(st.tuples(dates, dates), min_size=1, max_size=30), day_counts)
def test_vectorized_equals_elementwise(
    pairs: list[tuple[dt.date, dt.date]], day_count: str
) -> None:
    starts = [min(p) for p in pairs]
    ends = [max(p) for p in pairs]
    together = year_fraction(np.array(starts, dtype="datetime64[D]"), ends, day_count)
    one_by_one = [year_fraction(s, e, day_count) for s, e in zip(starts, ends, strict=True)]
    np.testing.assert_allclose(together, one_by_one, rtol=1e-15)


@given(dates, dates, dates, st.sampled_from(["ACT/360", "ACT/365F", "ACT/ACT"]))
def test_fractions_add_over_adjacent_periods(
    a: dt.date, b: dt.date, c: dt.date, day_count: str
) -> None:
    d0, d1, d2 = sorted((a, b, c))
    whole = year_fraction(d0, d2, day_count)
    parts = year_fraction(d0, d1, day_count) + year_fraction(d1, d2, day_count)
    assert whole == pytest.approx(parts, rel=1e-12, abs=1e-14)


def test_end_before_start_is_refused() -> None:
    with pytest.raises(CarryxlError, match=r"end: must be on or after start \(got '2024-01-01'\)"):
        year_fraction("2024-06-01", "2024-01-01", "ACT/360")


def test_bad_dates() -> None:
    with pytest.raises(CarryxlError, match="start: must be a date"):
        year_fraction("not a date", "2024-01-01", "ACT/360")
    with pytest.raises(CarryxlError, match="start / end: array shapes must match"):
        year_fraction(["2024-01-01", "2024-01-02"], ["2024-02-01"] * 3, "ACT/360")


@pytest.mark.parametrize(
    ("text", "tenor"),
    [
        ("6M", Tenor(months=6)),
        ("1Y", Tenor(years=1)),
        ("90D", Tenor(days=90)),
        ("2W", Tenor(weeks=2)),
        ("1Y6M", Tenor(years=1, months=6)),
        ("ON", Tenor(days=1)),
        ("6m", Tenor(months=6)),
    ],
)
def test_tenor_parsing(text: str, tenor: Tenor) -> None:
    assert Tenor.parse(text) == tenor


@pytest.mark.parametrize("text", ["6", "M6", "6X", "", "0M", "6M-1D"])
def test_bad_tenors(text: str) -> None:
    with pytest.raises(CarryxlError, match="tenor: must be"):
        Tenor.parse(text)


def test_tenor_year_fractions() -> None:
    assert tenor_year_fraction("6M") == 0.5
    assert tenor_year_fraction("3M", "ACT/360") == 0.25
    assert tenor_year_fraction("90D", "ACT/360") == 0.25
    assert tenor_year_fraction("90D", "ACT/365F") == pytest.approx(90 / 365)
    assert tenor_year_fraction("1Y6M") == 1.5


@given(dates, st.sampled_from(["1M", "3M", "6M", "1Y", "18M", "2W"]))
def test_add_tenor_matches_quantlib_fx_rolled(start: dt.date, tenor: str) -> None:
    # QuantLib's weekends-only calendar, modified following, end-of-month rule
    calendar = ql.WeekendsOnly()
    expected = calendar.advance(_ql(start), ql.Period(tenor), ql.ModifiedFollowing, True)
    got = add_tenor(start, tenor)
    assert str(got) == expected.ISO()


def test_add_tenor_clamps_month_ends_and_rolls_weekends() -> None:
    assert str(add_tenor("2024-01-31", "1M")) == "2024-02-29"
    assert str(add_tenor("2023-01-31", "1M")) == "2023-02-28"
    assert list(add_tenor(np.array(["2024-08-31", "2024-03-15"], "datetime64[D]"), "6M")) == [
        np.datetime64("2025-02-28"),
        np.datetime64("2024-09-16"),  # Sunday 15 September rolls to Monday
    ]


def test_excel_serials_round_trip() -> None:
    assert str(from_excel_serial("date", 45292.0)) == "2024-01-01"
    assert to_excel_serial("2024-01-01") == 45292.0
    serials = np.array([45292.0, 45500.75])
    np.testing.assert_array_equal(to_excel_serial(from_excel_serial("d", serials)), [45292, 45500])
    with pytest.raises(CarryxlError, match="date: must be an Excel date"):
        from_excel_serial("date", float("nan"))


def test_as_dates_accepts_common_types() -> None:
    expected = np.datetime64("2024-11-28")
    for value in ("2024-11-28", dt.date(2024, 11, 28), pd.Timestamp("2024-11-28"), expected):
        assert as_dates("d", value) == expected


def test_day_count_days_in_year() -> None:
    assert DayCount.ACT_360.days_in_year == 360
    assert DayCount.ACT_365F.days_in_year == 365
