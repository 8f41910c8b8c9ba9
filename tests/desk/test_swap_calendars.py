"""The swap's value dates and nights on the pair's settlement calendar (the one the forward
and its strip use): worked by hand around holidays, and against QuantLib with the same
holiday sets and the market's USD rule."""

from __future__ import annotations

import datetime as dt
from functools import cache

import numpy as np
import pytest
import QuantLib as ql

from carryxl.core import Pair, nights_between, rollover_nights, swap_ledger, value_date
from carryxl.core.calendars import currency_holidays, fx_dates


def test_thanksgiving_a_usd_only_holiday_follows_the_usd_rule():
    # USD/JPY, Thanksgiving Thursday 2024-11-28 (USD only). Spot dates by hand:
    # Mon 25: T+1 Tue 26 (JPY day), then the next day good in USD and JPY: Wed 27.
    # Tue 26: T+1 Wed 27, then the next good day is Fri 29 (Thu is a USD holiday).
    # Wed 27: T+1 Thu 28 (a JPY business day: counts), then Fri 29.
    # Thu 28 (FX trades): T+1 Fri 29, then Mon 2 Dec. Fri 29: Mon 2, then Tue 3.
    ledger = swap_ledger("2024-11-25", "2024-12-02", 1.0, Pair.parse("USD/JPY"))
    assert ledger["trade_date"].dt.strftime("%a %d").tolist() == [
        "Mon 25",
        "Tue 26",
        "Wed 27",
        "Thu 28",
        "Fri 29",
    ]
    assert [str(d.date()) for d in ledger["value_date"]] == [
        "2024-11-27",
        "2024-11-29",
        "2024-11-29",
        "2024-12-02",
        "2024-12-03",
    ]
    # Tuesday's rollover is 0 nights (both days settle on Friday); Wednesday's is the triple.
    assert ledger["nights"].tolist() == [2, 0, 3, 1, 1]
    # Mon 2 Dec settles Wed 4: 27 Nov -> 4 Dec, the ledger's 7 nights
    assert int(nights_between("2024-11-25", "2024-12-02", Pair.parse("USD/JPY"))) == 7
    # With weekends and typed holidays only, Thanksgiving is not a holiday at all.
    assert swap_ledger("2024-11-25", "2024-12-02", 1.0, Pair.parse("USD/JPY"), calendars=False)[
        "nights"
    ].tolist() == [1, 1, 3, 1, 1]


def test_a_japanese_holiday_moves_the_nights_and_typed_days_add_to_it():
    # Coming of Age Day, Monday 2025-01-13 (JPY only): Thursday 9 settles Tuesday 14, so
    # Wednesday's rollover (value Fri 10 -> Tue 14) is 4 nights and Thursday's 1.
    week = np.arange(np.datetime64("2025-01-06"), np.datetime64("2025-01-11"))
    assert rollover_nights(week, Pair.parse("USD/JPY")).tolist() == [1, 1, 4, 1, 1]
    # USD/CAD has no holiday that week: the T+1 triple is Thursday's.
    assert rollover_nights(week, Pair.parse("USD/CAD")).tolist() == [1, 1, 1, 3, 1]
    # A typed holiday on Friday 10 adds to the calendar: Wed 8 settles Tue 14 too.
    assert str(value_date("2025-01-08", Pair.parse("USD/JPY"), ["2025-01-10"])) == "2025-01-14"


@cache
def _calendar(codes: tuple[str, ...]) -> ql.Calendar:
    cal = ql.BespokeCalendar("carryxl swap " + " ".join(codes))
    cal.addWeekend(ql.Saturday)
    cal.addWeekend(ql.Sunday)
    for code in codes:
        for day in currency_holidays(code, "2023-01-01", "2026-12-31"):
            d = day.astype(dt.date)
            cal.addHoliday(ql.Date(d.day, d.month, d.year))
    return cal


def _iso(d: ql.Date) -> str:
    return f"{d.year():04d}-{d.month():02d}-{d.dayOfMonth():02d}"


def _quantlib_spot(counted: ql.Calendar, settled: ql.Calendar, day: ql.Date, lag: int) -> ql.Date:
    """The market's spot: lag - 1 days on the non-USD calendars, then a day good in all."""
    t = counted.adjust(day)
    return settled.adjust(counted.advance(t, lag - 1, ql.Days) + 1)


@pytest.mark.parametrize(
    ("name", "lag"), [("USD/JPY", 2), ("EUR/USD", 2), ("AUD/JPY", 2), ("USD/CAD", 1)]
)
def test_the_rollover_nights_are_quantlibs_value_dates(name: str, lag: int) -> None:
    pair = Pair.parse(name)
    others = tuple(c for c in name.split("/") if c != "USD")
    counted, settled = _calendar(others), _calendar((*others, "USD"))
    days = np.arange("2024-11-18", "2025-01-20", dtype="datetime64[D]")
    expected = []
    for day in days.astype(dt.date):
        q = ql.Date(day.day, day.month, day.year)
        if not counted.isBusinessDay(q):
            expected.append(0)
            continue
        following = counted.advance(q, 1, ql.Days)
        nights = _quantlib_spot(counted, settled, following, lag) - _quantlib_spot(
            counted, settled, q, lag
        )
        expected.append(int(nights))
    assert rollover_nights(days, pair).tolist() == expected
    # the nights between any two days are the value dates' difference, and the ledger's sum
    assert int(nights_between(days[0], days[-1], pair)) == sum(expected[:-1])
    # one definition of the spot date: the forward's
    assert [str(v) for v in value_date(days, pair)] == [
        str(fx_dates(d, pair, "1W").spot) for d in days.astype(str)
    ]
