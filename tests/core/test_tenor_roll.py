"""Tenor end dates roll as the FX market rolls them: modified following with the
end-of-month rule, over weekends and given holidays, checked against QuantLib."""

from __future__ import annotations

import datetime as dt

import numpy as np
import QuantLib as ql
from hypothesis import given, settings
from hypothesis import strategies as st

from carryxl.core.dates import add_tenor, modified_following

UNITS = {"M": ql.Months, "Y": ql.Years, "W": ql.Weeks}


def _ql(day: dt.date) -> ql.Date:
    return ql.Date(day.day, day.month, day.year)


def _py(day: ql.Date) -> dt.date:
    return dt.date(day.year(), day.month(), day.dayOfMonth())


def _quantlib_end(start: dt.date, n: int, unit: str, holidays: list[dt.date]) -> dt.date:
    calendar = ql.WeekendsOnly()
    calendar.resetAddedAndRemovedHolidays()
    for h in holidays:
        calendar.addHoliday(_ql(h))
    try:
        if unit == "D":  # QuantLib counts business days; FX day tenors are calendar days
            return _py(calendar.adjust(_ql(start) + n, ql.ModifiedFollowing))
        return _py(
            calendar.advance(_ql(start), ql.Period(n, UNITS[unit]), ql.ModifiedFollowing, True)
        )
    finally:  # WeekendsOnly's holidays are shared by every instance
        calendar.resetAddedAndRemovedHolidays()


def test_the_issue_example_does_not_end_on_a_saturday() -> None:
    end = add_tenor("2023-06-30", "3M")
    assert str(end) == "2023-09-29"
    assert bool(np.is_busday(end))


def test_modified_following_stays_in_the_month() -> None:
    assert str(modified_following("2023-09-30")) == "2023-09-29"  # Saturday, month end
    assert str(modified_following("2023-07-01")) == "2023-07-03"  # Saturday, month start
    assert str(modified_following("2023-07-03", "2023-07-03,2023-07-04")) == "2023-07-05"


@settings(max_examples=400, deadline=None)
@given(
    start=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
    n=st.integers(1, 30),
    unit=st.sampled_from(["D", "W", "M", "Y"]),
    offsets=st.lists(st.integers(-40, 400), max_size=6),
)
def test_add_tenor_matches_quantlib(start: dt.date, n: int, unit: str, offsets: list[int]) -> None:
    holidays = sorted({start + dt.timedelta(days=k) for k in offsets})
    expected = _quantlib_end(start, n, unit, holidays)
    got = add_tenor(np.datetime64(start), f"{n}{unit}", [np.datetime64(h) for h in holidays])
    assert got.astype(object) == expected
