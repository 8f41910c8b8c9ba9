"""FX dates on each currency's settlement calendar: the USD rule, ON/TN, the strip's dates
against QuantLib with the same holiday sets, and the holiday sets themselves."""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays
import numpy as np
import pytest
import QuantLib as ql

from carryxl.core.calendars import currency_holidays, fx_dates
from carryxl.core.conventions import Pair
from carryxl.core.errors import CarryxlError
from carryxl.core.strip import ForwardTerms, forward_strip

TENORS = ("ON", "TN", "SN", "1W", "2W", "1M", "2M", "3M", "6M", "9M", "1Y")


def _ql_date(d: np.datetime64) -> ql.Date:
    day = d.astype(dt.date)
    return ql.Date(day.day, day.month, day.year)


def _py(d: ql.Date) -> str:
    return f"{d.year():04d}-{d.month():02d}-{d.dayOfMonth():02d}"


@cache
def _calendar(name: str, codes: tuple[str, ...]) -> ql.Calendar:
    """A QuantLib calendar: weekends plus the union of the currencies' holidays."""
    cal = ql.BespokeCalendar(name)
    cal.addWeekend(ql.Saturday)
    cal.addWeekend(ql.Sunday)
    for code in codes:
        for day in currency_holidays(code, "2022-01-01", "2027-12-31"):
            cal.addHoliday(_ql_date(day))
    return cal


def _quantlib_dates(pair: str, trade: str, tenor: str, lag: int) -> tuple[str, str] | None:
    """(start, end) by QuantLib: the days before spot on the non-USD calendars, the spot
    date and everything after on all of them and USD; None where the tenor does not exist."""
    base, quote = pair.split("/")
    others = [c for c in (base, quote) if c != "USD"]
    counted = _calendar(f"counted {pair}", tuple(others))
    settled = _calendar(f"settled {pair}", (*others, "USD"))
    t = counted.adjust(_ql_date(np.datetime64(trade)))
    spot = settled.adjust(counted.advance(t, lag - 1, ql.Days) + 1) if lag else settled.adjust(t)
    today = settled.adjust(_ql_date(np.datetime64(trade)))
    tomorrow = settled.adjust(today + 1)
    if tenor == "ON":
        return (_py(today), _py(tomorrow)) if today < spot else None
    if tenor == "TN":
        return (_py(tomorrow), _py(spot)) if tomorrow < spot else None
    if tenor == "SN":
        return _py(spot), _py(settled.adjust(spot + 1))
    end = settled.advance(spot, ql.Period(tenor), ql.ModifiedFollowing, True)
    return _py(spot), _py(end)


@pytest.mark.parametrize(
    ("pair", "lag"),
    [
        ("USD/JPY", 2),
        ("EUR/USD", 2),
        ("EUR/JPY", 2),
        ("GBP/USD", 2),
        ("USD/CAD", 1),
        ("AUD/JPY", 2),
        ("EUR/HUF", 2),
    ],
)
def test_the_strips_dates_are_quantlibs_with_the_same_holiday_sets(pair, lag):
    trades = np.arange("2024-11-18", "2025-01-10", dtype="datetime64[D]")  # the year-end
    trades = np.concatenate((trades, np.arange("2025-03-25", "2025-05-10", 3, "datetime64[D]")))
    checked = 0
    for trade in trades.astype(str):
        for tenor in TENORS:
            expected = _quantlib_dates(pair, trade, tenor, lag)
            if expected is None:
                with pytest.raises(CarryxlError):
                    fx_dates(trade, Pair.parse(pair), tenor)
                continue
            d = fx_dates(trade, Pair.parse(pair), tenor)
            assert (str(d.start), str(d.end)) == expected, (pair, trade, tenor)
            checked += 1
    assert checked > 300


def test_the_usd_rule_a_usd_only_holiday_on_t_plus_1_does_not_delay_spot():
    # Thursday 2024-11-28 is Thanksgiving (USD only): dealt Wednesday, spot is Friday 29.
    d = fx_dates("2024-11-27", Pair.parse("USD/JPY"), "1M")
    assert (str(d.spot), str(d.end)) == ("2024-11-29", "2024-12-30")
    # Dealt Tuesday, the spot date would be the holiday itself: Friday 29 too.
    assert str(fx_dates("2024-11-26", Pair.parse("USD/JPY"), "1W").spot) == "2024-11-29"
    # Without the calendars (weekends and typed holidays only), as before: Thursday 28.
    assert (
        str(fx_dates("2024-11-26", Pair.parse("USD/JPY"), "1W", calendars=False).spot)
        == "2024-11-28"
    )
    # A typed holiday list on top of the calendars still counts.
    assert (
        str(fx_dates("2024-11-26", Pair.parse("USD/JPY"), "1W", ["2024-11-29"]).spot)
        == "2024-12-02"
    )


def test_on_and_tn_are_overnight_and_tom_next_or_refused():
    on = fx_dates("2024-11-26", Pair.parse("USD/JPY"), "ON")  # Tue -> Wed, value today
    assert (str(on.start), str(on.end), str(on.value)) == ("2024-11-26", "2024-11-27", "2024-11-26")
    tn = fx_dates(
        "2024-11-26", Pair.parse("USD/JPY"), "TN"
    )  # Wed -> spot Fri (Thu is Thanksgiving)
    assert (str(tn.start), str(tn.end), str(tn.value)) == ("2024-11-27", "2024-11-29", "2024-11-27")
    with pytest.raises(CarryxlError, match="no days before spot"):
        fx_dates("2024-11-27", Pair.parse("USD/JPY"), "TN")  # tomorrow (Friday) is the spot date
    with pytest.raises(CarryxlError) as error:
        fx_dates("2025-01-08", Pair.parse("USD/CAD"), "TN")  # T+1: tomorrow is spot
    assert error.value.argument == "tenor"


def test_tokyo_banks_close_31_december_to_3_january():
    # Japan's public holidays have only 1 January; the banks close 31 Dec to 3 Jan.
    public = holidays.country_holidays("JP", years=2025)
    assert dt.date(2025, 1, 2) not in public
    days = {str(d) for d in currency_holidays("JPY", "2024-12-01", "2025-01-31")}
    assert {"2024-12-31", "2025-01-01", "2025-01-02", "2025-01-03"} <= days
    # EUR/JPY dealt Monday 30 December 2024: T+1 and T+2 skip 31 Dec to 3 Jan (JPY)
    # and 1 January (TARGET): spot Tuesday 7 January 2025.
    assert str(fx_dates("2024-12-30", Pair.parse("EUR/JPY"), "1M").spot) == "2025-01-07"


def test_points_use_the_pairs_pip_and_the_strip_is_consistent():
    # EUR/HUF at 400: a pip is 0.01 forint, points x100 (not x10,000).
    terms = ForwardTerms.of(Pair.parse("EUR/HUF"), 400.0, 0.03, 0.065)
    (row,) = forward_strip(terms, "2025-03-03", ["3M"])
    assert row.points == pytest.approx((row.outright - 400.0) * 100)
    # by hand: spot Wed 5 March, 3M ends Thu 5 June (92 days); EUR and HUF both ACT/360
    assert (str(row.dates.spot), str(row.dates.end)) == ("2025-03-05", "2025-06-05")
    by_hand = 400 * (1 + 0.065 * 92 / 360) / (1 + 0.03 * 92 / 360)
    assert row.outright == pytest.approx(by_hand, rel=1e-12)
    # ON + TN points add up to today's forward against spot, on USD/JPY.
    usd = ForwardTerms.of(Pair.parse("USD/JPY"), 150.0, 0.05, 0.001)
    on, tn = forward_strip(usd, "2025-03-03", ["ON", "TN"])
    assert (on.points + tn.points) / 100 == pytest.approx(150.0 - on.outright, rel=1e-9)
    override = ForwardTerms.of(Pair.parse("EUR/HUF"), 400.0, 0.03, 0.065, pip_size=0.0001)
    assert forward_strip(override, "2025-03-03", ["3M"])[0].points == pytest.approx(
        row.points * 100
    )
