"""Settlement calendars for FX value dates, from the ``holidays`` package (MIT).

Each currency settles on its own calendar (weekends and the holidays below); a pair's
value dates follow the FX market's rules:

- **calendars**: USD the Federal Reserve (``holidays.financial_holidays("XFED")``), EUR
  TARGET (``"XECB"``), JPY Japan's public holidays plus the banks' 31 December to
  3 January (``country_holidays("JP", categories=("public", "bank"))``), GBP England's
  bank holidays (``"GB"``, ``subdiv="ENG"``), CHF Zurich, AUD New South Wales (Sydney),
  CAD Ontario (Toronto), CNH Hong Kong, and every other currency its country's public
  holidays. ``extra`` dates (``--holidays``) are added to every calendar.
- **spot date** (T+lag): the trade date moved to a business day of the pair's non-USD
  currencies; then lag - 1 such business days (the **USD rule**: a USD-only holiday before
  the spot date does not delay spot for a pair against USD); then the next day that is a
  business day in both currencies *and* in USD. USD/JPY traded Wednesday 2024-11-27:
  Thursday 28 (Thanksgiving, USD only) still counts, spot Friday 2024-11-29.
- **ON** (overnight) runs from the trade date to the next day good in every calendar;
  **TN** (tom-next) from that day to the spot date; **SN** (spot-next) from the spot date
  to the next good day; other tenors from the spot date to spot + tenor, rolled by
  modified following with the end-of-month rule over the joint calendar
  (:func:`carryxl.core.dates.add_tenor`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from carryxl.core.conventions import Currency, Pair
from carryxl.core.dates import DateArray, Tenor, add_tenor, as_dates, business_holidays
from carryxl.core.errors import CarryxlError, Rule
from carryxl.core.validate import flag

__all__ = [
    "CALENDARS",
    "FxDates",
    "PairCalendars",
    "calendars_note",
    "currency_holidays",
    "fx_dates",
    "pair_calendars",
    "spot_dates",
]

# currency -> (kind, code, options): "financial" calendars and country calendars.
CALENDARS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "USD": ("financial", "XFED", {}),
    "EUR": ("financial", "XECB", {}),
    "JPY": ("country", "JP", {"categories": ("public", "bank")}),
    "GBP": ("country", "GB", {"subdiv": "ENG"}),
    "CHF": ("country", "CH", {"subdiv": "ZH"}),
    "AUD": ("country", "AU", {"subdiv": "NSW"}),
    "CAD": ("country", "CA", {"subdiv": "ON"}),
    "CNH": ("country", "HK", {}),
}
_COUNTRY = {
    "NZD": "NZ",
    "SEK": "SE",
    "NOK": "NO",
    "DKK": "DK",
    "HKD": "HK",
    "SGD": "SG",
    "ZAR": "ZA",
    "MXN": "MX",
    "TRY": "TR",
    "CNY": "CN",
    "BRL": "BR",
    "RUB": "RU",
    "INR": "IN",
    "KRW": "KR",
    "PLN": "PL",
    "HUF": "HU",
    "CZK": "CZ",
    "ILS": "IL",
    "THB": "TH",
    "IDR": "ID",
    "MYR": "MY",
    "PHP": "PH",
    "ISK": "IS",
    "RON": "RO",
    "BGN": "BG",
    "HRK": "HR",
}
CALENDARS.update({code: ("country", country, {}) for code, country in _COUNTRY.items()})
_FIRST_YEAR, _LAST_YEAR = 1990, 2100


@cache
def _year(currency: str, year: int) -> tuple[np.datetime64, ...]:
    import holidays  # noqa: PLC0415 - loaded when a calendar is first asked for

    kind, code, options = CALENDARS[currency]
    if kind == "financial":
        found = holidays.financial_holidays(code, years=year, **options)
    else:
        found = holidays.country_holidays(code, years=year, **options)
    return tuple(np.datetime64(day, "D") for day in sorted(found) if day.year == year)


def currency_holidays(currency: Currency, first: Any, last: Any) -> DateArray:
    """The settlement holidays of ``currency`` from ``first`` to ``last`` (weekends aside)."""
    code = str(currency)
    if code not in CALENDARS:
        raise CarryxlError("currency", code, "has no settlement calendar in carryxl")
    y0 = max(int(str(as_dates("first", first).min())[:4]), _FIRST_YEAR)
    y1 = min(int(str(as_dates("last", last).max())[:4]), _LAST_YEAR)
    days = [d for year in range(y0, y1 + 1) for d in _year(code, year)]
    return np.array(sorted(days), dtype="datetime64[D]")


@dataclass(frozen=True)
class PairCalendars:
    """The holiday sets a pair's dates use: its non-USD currencies (``counted``, for the
    days up to spot) and all of them with USD (``settled``, for the spot date and after)."""

    counted: DateArray
    settled: DateArray


def pair_calendars(
    pair: Pair,
    first: Any,
    last: Any,
    extra: Iterable[Any] | str | None = None,
    calendars: bool = True,
) -> PairCalendars:
    """The pair's holiday sets over ``first`` .. ``last`` plus ``extra`` dates.

    ``calendars=False``: only the ``extra`` dates (the typed list), for both sets."""
    p = pair
    if not isinstance(calendars, bool | np.bool_):
        raise CarryxlError("calendars", calendars, Rule.FLAG)
    given = business_holidays(extra)
    if not calendars:
        return PairCalendars(given, given)
    others = [c for c in (p.base, p.quote) if c != Currency.USD]
    counted = [given, *(currency_holidays(c, first, last) for c in others)]
    settled = [*counted, currency_holidays(Currency.USD, first, last)]
    return PairCalendars(np.unique(np.concatenate(counted)), np.unique(np.concatenate(settled)))


def _day(value: Any) -> np.datetime64:
    """One date as a scalar ``datetime64[D]``."""
    return np.datetime64(str(np.asarray(value, dtype="datetime64[D]").reshape(())), "D")


def _next(day: Any, holidays: DateArray) -> np.datetime64:
    """The first business day after ``day`` (weekends and ``holidays`` skipped)."""
    after = _day(day) + np.timedelta64(1, "D")
    return _day(np.busday_offset(after, 0, roll="forward", holidays=holidays))


def spot_dates(trade_dates: Any, lag: int, cal: PairCalendars) -> DateArray:
    """T + lag under the USD rule (module notes), for each trade date: the pair's value
    dates, used by the forward, the strip and the swap's rollover nights alike."""
    if isinstance(lag, bool) or not isinstance(lag, int | np.integer) or not 0 <= lag <= 5:
        raise CarryxlError("spot_lag", lag, Rule.SPOT_LAG)
    trade_dates = as_dates("trade_date", trade_dates)
    if cal.counted is cal.settled:  # one holiday set (no USD rule): T + lag business days
        same: DateArray = np.busday_offset(trade_dates, lag, roll="forward", holidays=cal.counted)
        return same
    days = np.busday_offset(trade_dates, 0, roll="forward", holidays=cal.counted)
    if lag == 0:
        spot: DateArray = np.busday_offset(days, 0, roll="forward", holidays=cal.settled)
        return spot
    before = np.busday_offset(days, lag - 1, roll="forward", holidays=cal.counted)
    after = before + np.timedelta64(1, "D")
    following: DateArray = np.busday_offset(after, 0, roll="forward", holidays=cal.settled)
    return following


def _spot_date(trade: Any, lag: int, cal: PairCalendars) -> np.datetime64:
    """T + lag under the USD rule (module notes)."""
    return _day(spot_dates(_day(trade), lag, cal))


def calendars_note(pair: Pair, calendars: bool = True) -> str:
    """Which calendar a pair's dates use, in words (for text reports and JSON)."""
    if not flag("calendars", calendars):
        return "weekends and --holidays only"
    codes = dict.fromkeys([str(pair.base), str(pair.quote), "USD"])
    names = ", ".join(f"{c} {CALENDARS[c][1]}" for c in codes)
    return f"settlement calendars ({names}; holidays package) and the USD rule"


@dataclass(frozen=True)
class FxDates:
    """A tenor's dates: ``start`` and ``end`` of the period it prices, the spot date, and
    the value date dealt (the end, or for ON and TN the start: value today, tomorrow)."""

    tenor: str
    trade: np.datetime64
    spot: np.datetime64
    start: np.datetime64
    end: np.datetime64
    value: np.datetime64


def fx_dates(
    trade_date: Any,
    pair: Pair,
    tenor: str,
    extra: Iterable[Any] | str | None = None,
    spot_lag: int | None = None,
    calendars: bool = True,
) -> FxDates:
    """The dates of ``tenor`` (ON, TN, SN, 1W, 1M...) dealt on ``trade_date`` (module notes).

    USD/JPY traded 2024-11-27, 1M: spot 2024-11-29, end 2024-12-30 (29 December is a
    Sunday; modified following)."""
    p = pair
    if spot_lag is not None and (
        isinstance(spot_lag, bool) or not isinstance(spot_lag, int) or not 0 <= spot_lag <= 5
    ):
        raise CarryxlError("spot_lag", spot_lag, "must be a whole number of days 0 to 5")
    if not isinstance(tenor, str):
        raise CarryxlError("tenor", tenor, "must be a tenor such as ON, TN, 1W, 1M or 1Y")
    given = as_dates("trade_date", trade_date)
    if given.ndim:
        raise CarryxlError("trade_date", str(trade_date), "must be one date")
    trade = _day(given)
    lag = p.spot_lag if spot_lag is None else int(spot_lag)
    key = str(tenor).strip().upper().replace("/", "")
    period = None if key in ("ON", "TN", "SN") else Tenor.parse(tenor)
    reach = (
        1
        if period is None
        else period.years + (period.months + period.weeks + period.days) // 12 + 1
    )
    cal = pair_calendars(p, trade - 10, trade + 366 * reach + 40, extra, calendars)
    spot = _spot_date(trade, lag, cal)
    today = _day(np.busday_offset(trade, 0, roll="forward", holidays=cal.settled))
    tomorrow = _next(today, cal.settled)
    if key in ("ON", "TN"):
        start, end = (today, tomorrow) if key == "ON" else (tomorrow, spot)
        if start >= spot:  # tomorrow is already the spot date (T+1, or a holiday between)
            raise CarryxlError(
                "tenor",
                tenor,
                f"has no days before spot here: {p} traded {trade} settles on {spot}",
            )
        return FxDates(key, trade, spot, start, end, start)
    if key == "SN":
        nxt = _next(spot, cal.settled)
        return FxDates(key, trade, spot, spot, nxt, nxt)
    end = _day(add_tenor(spot, period or Tenor(days=1), cal.settled))
    return FxDates(str(period), trade, spot, spot, end, end)
