"""Year fractions between dates or from tenors, vectorized over numpy ``datetime64[D]``.

Day counts (see :class:`~carryxl.core.conventions.DayCount`):

- ACT/360 = days / 360; ACT/365F = days / 365;
- ACT/ACT (ISDA) = days in each calendar year / that year's length, summed;
- 30/360 (bond basis, ISDA): D1 = 31 -> 30; D2 = 31 -> 30 when D1 >= 30;
- 30E/360 (Eurobond): D1 = 31 -> 30 and D2 = 31 -> 30.

Tenors: ``"6M"``, ``"1Y"``, ``"90D"``, ``"2W"``, ``"1Y6M"``, ``"ON"``. Without dates, a
tenor's year fraction is Y + M/12 + days/basis, where basis is the day count's 360 or
365 (so ``6M`` is 0.5 and ``90D`` is 0.25 on ACT/360): the seeds' convention.
With a start date, the end is start + tenor, rolled as the FX market rolls a tenor:
**modified following** over weekends and the given holidays (the next business day,
unless that is in the next month: then the previous one), with the **end-of-month rule**
for month and year tenors (a start on its month's last business day ends on the last
business day of the target month). 2023-06-30 + 3M = Friday 2023-09-29, not Saturday
2023-09-30; 31 Jan + 1M = the last business day of February. The fraction is measured on
the dates.

Dates run from 0001-01-01 to 9999-12-31 (:data:`FIRST_DATE`, :data:`LAST_DATE`, as in
Python and Excel): a date outside, or a tenor that reaches past them, is refused.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from carryxl.core.conventions import DayCount
from carryxl.core.errors import CarryxlError, Rule
from carryxl.core.validate import FloatArray, common_shape

__all__ = [
    "DATE_RULE",
    "FIRST_DATE",
    "LAST_DATE",
    "LONGEST_TENOR_YEARS",
    "DateArray",
    "Tenor",
    "add_tenor",
    "as_dates",
    "business_holidays",
    "day_count_days",
    "from_excel_serial",
    "modified_following",
    "parse_date",
    "tenor_year_fraction",
    "to_excel_serial",
    "year_fraction",
]

DateArray = npt.NDArray[np.datetime64]

_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")
_EXCEL_END = 2958466.0  # 10000-01-01, the day after Excel's last date


DATE_RULE = Rule.DATE
FIRST_DATE = np.datetime64("0001-01-01", "D")
LAST_DATE = np.datetime64("9999-12-31", "D")
LONGEST_TENOR_YEARS = 9999  # no tenor from 0001-01-01 reaches further
_ISO_DATE = re.compile(r"(\d{4})([-/])(\d{2})\2(\d{2})")


def parse_date(argument: str, value: Any) -> np.datetime64:
    """One date, the one way carryxl reads dates everywhere (commands, functions, macros).

    Takes a ``date``/``datetime``, a ``datetime64``, a pandas ``Timestamp`` or text
    ``YYYY-MM-DD`` (``YYYY/MM/DD`` too). Text that is not a calendar day
    (``2024-02-30``, ``2024-13-01``), has a one-digit month or day (``2024-1-5``) or no
    separators (``20240105``) is refused with a :class:`CarryxlError` naming ``argument``.
    """
    if isinstance(value, dt.datetime):
        return np.datetime64(value.date(), "D")
    if isinstance(value, dt.date):
        return np.datetime64(value, "D")
    if hasattr(value, "to_datetime64"):
        value = value.to_datetime64()
    if isinstance(value, np.datetime64):
        return _day(argument, value)
    if not isinstance(value, str):
        raise CarryxlError(argument, value, DATE_RULE)
    text = value.strip()
    if not text:
        raise CarryxlError(argument, value, Rule.DATE_NOT_EMPTY)
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise CarryxlError(argument, value, DATE_RULE)
    year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    if year == 0:
        raise CarryxlError(argument, value, Rule.CALENDAR)
    try:
        return np.datetime64(dt.date(year, month, day), "D")
    except ValueError:
        if not 1 <= month <= 12:
            rule = "must be a date that exists (months run 01 to 12)"
        else:
            days = calendar.monthrange(year, month)[1] if year else 31
            rule = f"must be a date that exists ({year:04d}-{month:02d} has {days} days)"
        raise CarryxlError(argument, value, rule) from None


def _day(argument: str, value: np.datetime64) -> np.datetime64:
    if np.isnat(value):
        raise CarryxlError(argument, value, Rule.DATE_NOT_EMPTY)
    day: np.datetime64 = value.astype("datetime64[D]")
    if not FIRST_DATE <= day <= LAST_DATE:
        raise CarryxlError(argument, str(day), Rule.CALENDAR)
    return day


def as_dates(name: str, value: Any) -> DateArray:
    """Dates (``date``, ``"2024-11-28"``, ``datetime64``, ``Timestamp``) as ``datetime64[D]``.

    Text goes through :func:`parse_date`, one element at a time.
    """
    if isinstance(value, str | dt.date | np.datetime64) or hasattr(value, "to_datetime64"):
        return np.asarray(parse_date(name, value))
    try:
        raw = np.asarray(value)
        if raw.dtype.kind in "UO":
            parsed = [
                parse_date(name, item) if isinstance(item, str | dt.date) else item
                for item in raw.reshape(-1).tolist()
            ]
            array = np.asarray(parsed, dtype="datetime64[D]").reshape(raw.shape)
        elif raw.dtype.kind == "M" or raw.size == 0:
            array = raw.astype("datetime64[D]")
        else:  # a number is not a date (Excel serials: from_excel_serial)
            raise CarryxlError(name, value, DATE_RULE)
    except CarryxlError:
        raise
    except (TypeError, ValueError, OverflowError):
        raise CarryxlError(name, value, DATE_RULE) from None
    if np.isnat(array).any():
        raise CarryxlError(name, value, Rule.DATE_NOT_EMPTY)
    return _in_calendar(name, array, value)


def _in_calendar(argument: str, days: DateArray, value: Any = None) -> DateArray:
    """``days`` if every one is from 0001-01-01 to 9999-12-31, else one CarryxlError naming
    ``argument`` and the first date outside (``value``: what the user gave, if not the days)."""
    outside = (days < FIRST_DATE) | (days > LAST_DATE)
    if outside.any():
        shown = value if value is not None and not isinstance(value, np.ndarray) else None
        raise CarryxlError(argument, shown or str(days[outside].ravel()[0]), Rule.CALENDAR)
    return days


def from_excel_serial(name: str, serial: Any) -> DateArray:
    """Excel date serials (1900 system: 45292 = 2024-01-01) as ``datetime64[D]``."""
    if isinstance(serial, dt.date | np.datetime64 | str):  # a date, not its serial number
        raise CarryxlError(name, serial, Rule.EXCEL_DATE)
    try:
        days = np.asarray(serial, dtype=np.float64)
    except (TypeError, ValueError, OverflowError):
        raise CarryxlError(name, serial, Rule.EXCEL_DATE) from None
    if not np.isfinite(days).all() or (days < 61).any():
        raise CarryxlError(name, serial, Rule.EXCEL_DATE)
    if (days >= _EXCEL_END).any():
        raise CarryxlError(name, serial, "must be an Excel date on or before 9999-12-31")
    return _EXCEL_EPOCH + np.floor(days).astype("timedelta64[D]")


def to_excel_serial(dates: Any) -> FloatArray:
    """``datetime64[D]`` dates as Excel 1900-system serial numbers."""
    delta = as_dates("date", dates) - _EXCEL_EPOCH
    return delta.astype(np.float64)


def _ymd(dates: DateArray) -> tuple[npt.NDArray[np.int64], ...]:
    years = dates.astype("datetime64[Y]")
    months = dates.astype("datetime64[M]")
    year = years.astype(np.int64) + 1970
    month = (months - years).astype(np.int64) + 1
    day = (dates - months).astype(np.int64) + 1
    return year, month, day


def _thirty_360(start: DateArray, end: DateArray, european: bool) -> FloatArray:
    y1, m1, d1 = _ymd(start)
    y2, m2, d2 = _ymd(end)
    d1 = np.minimum(d1, 30)
    d2 = np.minimum(d2, 30) if european else np.where((d2 == 31) & (d1 >= 30), 30, d2)
    days = 360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1)
    result: FloatArray = days.astype(np.float64)
    return result


def day_count_days(start: Any, end: Any, day_count: DayCount | str) -> FloatArray:
    """Days between ``start`` and ``end`` as the day count counts them (actual, or 30/360)."""
    convention = DayCount.parse(day_count)
    d0, d1 = as_dates("start", start), as_dates("end", end)
    common_shape(start=d0, end=d1)
    if convention in (DayCount.THIRTY_360, DayCount.THIRTY_E_360):
        return _thirty_360(d0, d1, convention is DayCount.THIRTY_E_360)
    return (d1 - d0).astype(np.float64)


def year_fraction(start: Any, end: Any, day_count: DayCount | str) -> FloatArray:
    """Year fraction from ``start`` to ``end`` (end on or after start) under ``day_count``.

    Vectorized: dates may be arrays that broadcast. Example: 2024-01-15 to 2024-07-15
    is 182/360 = 0.50556 on ACT/360 and 182/365 = 0.49863 on ACT/365F.
    """
    convention = DayCount.parse(day_count)
    d0, d1 = as_dates("start", start), as_dates("end", end)
    common_shape(start=d0, end=d1)
    early = d1 < d0
    if early.any():
        index = np.argwhere(np.broadcast_to(early, np.broadcast_shapes(d0.shape, d1.shape)))[0]
        bad = np.broadcast_to(d1, early.shape)[tuple(index)]
        raise CarryxlError("end", str(bad), "must be on or after start")
    if convention is DayCount.ACT_360:
        return (d1 - d0).astype(np.float64) / 360.0
    if convention is DayCount.ACT_365F:
        return (d1 - d0).astype(np.float64) / 365.0
    if convention is DayCount.ACT_ACT:
        return _act_act_isda(d0, d1)
    return _thirty_360(d0, d1, convention is DayCount.THIRTY_E_360) / 360.0


def _act_act_isda(start: DateArray, end: DateArray) -> FloatArray:
    y0 = start.astype("datetime64[Y]")
    y1 = end.astype("datetime64[Y]")

    def length(year: npt.NDArray[Any]) -> FloatArray:
        days: FloatArray = (
            (year + 1).astype("datetime64[D]") - year.astype("datetime64[D]")
        ).astype(np.float64)
        return days

    # Whole years between, plus the stub at each end over its own year's length;
    # the same formula holds when both dates fall in one year.
    whole = (y1 - y0).astype(np.float64) - 1.0
    head = ((y0 + 1).astype("datetime64[D]") - start).astype(np.float64) / length(y0)
    tail = (end - y1.astype("datetime64[D]")).astype(np.float64) / length(y1)
    fraction: FloatArray = whole + head + tail
    return fraction


_TENOR_PART = re.compile(r"(\d+)\s*([DWMY])")


@dataclass(frozen=True)
class Tenor:
    """A period such as ``6M``: years, months, weeks and days."""

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0

    @classmethod
    def parse(cls, value: Tenor | str, argument: str = "tenor") -> Tenor:
        """``"6M"``, ``"1Y"``, ``"90D"``, ``"2W"``, ``"1Y6M"``, ``"ON"`` (1 day) as a Tenor."""
        if isinstance(value, Tenor):
            return value
        text = re.sub(r"\s+", "", str(value)).upper()
        if text in ("ON", "O/N"):
            return cls(days=1)
        parts = _TENOR_PART.findall(text)
        if not parts or "".join(n + u for n, u in parts) != text:
            raise CarryxlError(argument, value, "must be a tenor such as 90D, 2W, 6M, 1Y or 1Y6M")
        amounts = {"Y": 0, "M": 0, "W": 0, "D": 0}
        for number, unit in parts:
            amounts[unit] += int(number)
        tenor = cls(amounts["Y"], amounts["M"], amounts["W"], amounts["D"])
        if tenor == cls():
            raise CarryxlError(argument, value, "must be longer than zero")
        months = 12 * tenor.years + tenor.months
        if months > 12 * LONGEST_TENOR_YEARS or 7 * tenor.weeks + tenor.days > 366 * 9999:
            rule = f"must be at most {LONGEST_TENOR_YEARS} years (dates end on 9999-12-31)"
            raise CarryxlError(argument, value, rule)
        return tenor

    def __str__(self) -> str:
        units = zip((self.years, self.months, self.weeks, self.days), "YMWD", strict=True)
        return "".join(f"{n}{u}" for n, u in units if n) or "0D"


def tenor_year_fraction(tenor: Tenor | str, day_count: DayCount | str = DayCount.ACT_365F) -> float:
    """Nominal year fraction of a tenor: Y + M/12 + (7W + D)/basis (basis 360 or 365).

    ``6M`` -> 0.5 under any day count; ``90D`` -> 0.25 on ACT/360, 0.24658 on ACT/365F.
    """
    t = Tenor.parse(tenor)
    basis = DayCount.parse(day_count).days_in_year
    return t.years + t.months / 12.0 + (7 * t.weeks + t.days) / basis


def business_holidays(
    holidays: Iterable[Any] | str | None, argument: str = "holidays"
) -> DateArray:
    """Holiday dates as a sorted array: a list of dates, or text ``"2025-12-25,2026-01-01"``."""
    if holidays is None:
        return np.array([], dtype="datetime64[D]")
    items: Any
    if isinstance(holidays, str):
        items = [h for h in re.split(r"[,;\s]+", holidays) if h]
    elif isinstance(holidays, np.ndarray):
        items = holidays
    elif isinstance(holidays, Iterable):
        items = list(holidays)
    else:  # one date
        return np.unique(as_dates(argument, holidays).ravel())
    if len(items) == 0:
        return np.array([], dtype="datetime64[D]")
    return np.unique(as_dates(argument, items).ravel())


def modified_following(dates: Any, holidays: Iterable[Any] | str | None = None) -> DateArray:
    """Each date moved to a business day (Mon-Fri, not a holiday): the next one, unless
    that falls in the next month, then the previous one. Saturday 2023-09-30 -> Friday 29."""
    days = as_dates("date", dates)
    rolled: DateArray = np.busday_offset(
        days, 0, roll="modifiedfollowing", holidays=business_holidays(holidays)
    )
    return rolled


def _last_business_day(months: Any, holidays: DateArray) -> DateArray:
    """The last business day of each month (``datetime64[M]``)."""
    first_of_next = (months + 1).astype("datetime64[D]")
    last: DateArray = np.busday_offset(first_of_next, -1, roll="forward", holidays=holidays)
    return last


def add_tenor(
    start: Any, tenor: Tenor | str, holidays: Iterable[Any] | str | None = None
) -> DateArray:
    """``start`` + ``tenor``, rolled by modified following over weekends and ``holidays``,
    with the end-of-month rule for month and year tenors (rules in the module notes).

    2023-06-30 + 3M = 2023-09-29; 2024-01-31 + 1M = 2024-02-29; 2024-01-15 + 6M = 2024-07-15.
    """
    t = Tenor.parse(tenor)
    dates = as_dates("start", start)
    off = business_holidays(holidays)
    months = dates.astype("datetime64[M]")
    day = (dates - months).astype(np.int64)
    target = months + (12 * t.years + t.months)
    month_length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64
    )
    shifted = target.astype("datetime64[D]") + np.minimum(day, month_length - 1)
    raw = shifted + np.timedelta64(7 * t.weeks + t.days, "D")
    end: DateArray = np.busday_offset(raw, 0, roll="modifiedfollowing", holidays=off)
    if 12 * t.years + t.months > 0 and 7 * t.weeks + t.days == 0:
        # End of month: the next business day after the start is in a later month.
        after = np.busday_offset(dates + np.timedelta64(1, "D"), 0, roll="forward", holidays=off)
        at_month_end = after.astype("datetime64[M]") != months
        end = np.where(at_month_end, _last_business_day(target, off), end)
    if (end > LAST_DATE).any():
        first = np.broadcast_to(dates, end.shape)[end > LAST_DATE].ravel()[0]
        rule = f"reaches past 9999-12-31 from {first} (dates end there)"
        raise CarryxlError("tenor", str(tenor), rule)
    return end
