"""Overnight swap (rollover, 隔夜利息): value dates, nights, broker quotes, ledger.

**Value dates.** A trade on date d settles on its value date, the pair's spot date
(:func:`carryxl.core.calendars.spot_dates`, the one definition the forward and its strip
use): d + spot lag business days (T+2; T+1 for USD/CAD, USD/TRY, USD/RUB, USD/PHP, see
:attr:`~carryxl.core.conventions.Pair.spot_lag`) on each currency's settlement calendar
(the ``holidays`` package: USD the Federal Reserve's, EUR TARGET, JPY Japan's and the
banks' 31 Dec-3 Jan...) with the market's USD rule (a USD-only holiday before the spot
date does not delay spot against USD); the user's ``holidays`` are added to every
calendar. ``calendars=False`` (or no pair, only ``spot_lag``): weekends and ``holidays``
only. The rollover days are the business days of the pair's non-USD currencies (FX
trades on a USD holiday); a trade date that is not one is first moved to the next.

**Nights.** Holding a position from trade date d to the next rollover day d' rolls it
from value(d) to value(d'): it accrues value(d') - value(d) calendar nights. Over a
weekend that is 3 nights on the day whose value dates span it: **Wednesday** for T+2
pairs (value Friday -> Monday), **Thursday** for T+1 pairs. Holidays add nights the
same way (and a day whose value date is the next day's too rolls 0 nights). From open
to close a position accrues value(close) - value(open) nights.

**Triple-day override.** Some brokers charge the weekend on a fixed weekday whatever
the settlement rule (e.g. Wednesday for every pair). With ``triple_day`` given, the
two weekend nights of each rollover move to that weekday: nights(d) = span(d) -
weekend days in [value(d), value(d')) + 2 if d is the triple day. Holiday nights stay
where the value dates put them. (If the triple day is itself a holiday there is no
rollover that day and its weekend nights are not charged: check your broker's rule.)

**Swap quotes** (:class:`SwapForm`), each one night for a position of ``lots`` lots of
``lot_size`` base units (a positive quote is a credit to the holder):

- ``points``: the trading platform's points per night (MetaTrader 4/5: the symbol's
  point, 10^-digits: 0.001 on 3-digit JPY pairs, 0.00001 on 5-digit pairs; digits by
  pair, :meth:`~carryxl.core.conventions.Pair.digits`, or ``digits``); money = quote *
  10^-digits * lots * lot_size, in the pair's quote currency. USD/JPY +15.3 points on
  1 lot: 15.3 * 0.001 * 100,000 = 1,530 JPY a night;
- ``pips``: pips per night (a pip is 10 points: 0.01 on JPY pairs, 0.0001 on most
  others); money = quote * pip * lots * lot_size, in the quote currency;
- ``money per lot``: money per lot per night, in the currency the broker states;
- ``percent a year``: an annual rate on the position's value; money = quote * lots *
  lot_size * spot / basis (basis 360 or 365), in the quote currency.

``to_account`` (account units per unit of that money's currency) turns it into money
per night in the account currency.

**Benchmark.** The interest-parity (tom/next) rollover of ``units`` base units over
n nights is side * units * (S - F), F the covered-interest-parity forward for n nights
(:func:`~carryxl.core.forwards.forward_outright`), in the quote currency. The broker's
**markup** is benchmark - broker swap: what the broker keeps, per night and as an
annual rate on the position value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from carryxl.core.calendars import PairCalendars, pair_calendars, spot_dates
from carryxl.core.conventions import DayCount, Pair, default_day_count
from carryxl.core.dates import LAST_DATE, DateArray, as_dates
from carryxl.core.defaults import LOT_SIZE
from carryxl.core.errors import CarryxlError, Rule
from carryxl.core.forwards import forward_outright
from carryxl.core.sides import side_sign
from carryxl.core.validate import (
    FloatArray,
    all_finite,
    as_floats,
    common_shape,
    finite,
    finite_result,
    positive,
    rate,
)

__all__ = [
    "AUTO_WORDS",
    "SWAP_FORMULAS",
    "SWAP_FORM_WORDS",
    "SWAP_PER_UNIT",
    "WEEKDAYS",
    "WEEKDAY_WORDS",
    "SwapForm",
    "benchmark_swap",
    "business_days",
    "is_auto",
    "nights_between",
    "rollover_nights",
    "swap_implied_rate",
    "swap_ledger",
    "swap_markup",
    "swap_per_night",
    "swap_quote_from_money",
    "triple_rollover_weekday",
    "value_date",
    "weekday_from_text",
]

if TYPE_CHECKING:
    import pandas as pd

_IntArray = npt.NDArray[np.int64]

WEEKDAY_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
}
"""Monday to Sunday as a workbook in each language writes them (a ledger's weekday, a
triple day); :func:`weekday_from_text` reads every language's."""
WEEKDAYS = WEEKDAY_WORDS["en"]
AUTO_WORDS: dict[str, str] = {"en": "auto", "zh": "自动"}
"""The word for "no fixed triple day: the settlement rule" in each language; every
function with a ``triple_day`` reads any of them as ``None``."""
_WEEKDAY_NAMES = {
    **{name.upper(): i for i, name in enumerate(WEEKDAYS)},
    **{
        name: i
        for i, name in enumerate(
            ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
        )
    },
    **{name: i for i, name in enumerate("一二三四五六日")},
}


def weekday_from_text(value: Any, argument: str = "triple_day") -> int:
    """A weekday as 0 (Monday) … 4 (Friday): ``"Wed"``, ``"wednesday"``, ``"周三"``, ``2``."""
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        day = int(value)
    else:
        key = re.sub(r"^(周|星期)", "", str(value).strip()).upper()
        found = int(key) if key.isdecimal() else _WEEKDAY_NAMES.get(key)
        if found is None:
            raise CarryxlError(argument, value, "must be a weekday such as Wed (or 0-4, Mon=0)")
        day = found
    if not 0 <= day <= 4:
        raise CarryxlError(argument, value, "must be a weekday Monday to Friday (0-4)")
    return day


def is_auto(triple_day: Any) -> bool:
    """True for no fixed triple day: ``None`` or the word ``"auto"`` in any language."""
    return triple_day is None or (
        isinstance(triple_day, str) and triple_day.strip().lower() in AUTO_WORDS.values()
    )


def _holidays(holidays: Iterable[Any] | None) -> DateArray:
    if holidays is None:
        return np.array([], dtype="datetime64[D]")
    if isinstance(holidays, str):
        holidays = [h for h in re.split(r"[,;\s]+", holidays) if h]
    elif not isinstance(holidays, np.ndarray):
        # One date, or any collection of them (a set or a dict's keys too).
        holidays = list(holidays) if isinstance(holidays, Iterable) else [holidays]
    days = as_dates("holidays", holidays)
    return np.unique(days.ravel())


def _lag(pair: Pair | None, spot_lag: int | None) -> int:
    if spot_lag is not None:
        if isinstance(spot_lag, bool) or not isinstance(spot_lag, int | np.integer):
            raise CarryxlError("spot_lag", spot_lag, Rule.SPOT_LAG)
        if not 0 <= int(spot_lag) <= 5:
            raise CarryxlError("spot_lag", spot_lag, Rule.SPOT_LAG)
        return int(spot_lag)
    if pair is None:
        raise CarryxlError("pair", None, "give the pair (e.g. USD/JPY) or spot_lag")
    return pair.spot_lag


def _calendar(
    pair: Pair | None, holidays: Iterable[Any] | None, calendars: bool, *dates: DateArray
) -> PairCalendars:
    """The pair's settlement calendar over ``dates`` (module notes), the user's ``holidays``
    added; weekends and ``holidays`` only with ``calendars=False`` or no pair."""
    given = _holidays(holidays)
    if pair is None or not calendars:
        return PairCalendars(given, given)
    known = np.concatenate([d.ravel() for d in dates])
    known = known[~np.isnat(known)]
    if not known.size:
        return PairCalendars(given, given)
    first = known.min() - np.timedelta64(10, "D")
    last = min(known.max() + np.timedelta64(60, "D"), LAST_DATE)
    return pair_calendars(pair, first, last, given)


def _weekday(dates: DateArray) -> _IntArray:
    """0 = Monday … 6 = Sunday (1970-01-01, day 0, was a Thursday)."""
    result: _IntArray = (dates.astype(np.int64) + 3) % 7
    return result


def business_days(start: Any, end: Any, holidays: Iterable[Any] | None = None) -> DateArray:
    """The business days d with start <= d < end (weekends and ``holidays`` left out)."""
    d0, d1 = as_dates("start", start), as_dates("end", end)
    if d0.ndim or d1.ndim:
        raise CarryxlError("start", str(d0), "must be one date (not an array) for a day list")
    days = d0 + np.arange(int((d1 - d0).astype(np.int64))).astype("timedelta64[D]")
    result: DateArray = days[np.is_busday(days, holidays=_holidays(holidays))]
    return result


def value_date(
    trade_date: Any,
    pair: Pair | None = None,
    holidays: Iterable[Any] | None = None,
    spot_lag: int | None = None,
    *,
    calendars: bool = True,
) -> DateArray:
    """Spot value date: trade date + spot lag business days (module notes).

    USD/JPY (T+2) traded Wednesday 2025-01-08 settles Friday 2025-01-10; traded Thursday
    it settles Monday 2025-01-13. USD/CAD (T+1) traded Thursday settles Friday. USD/JPY
    traded Wednesday 2024-11-27 settles Friday 2024-11-29 (Thanksgiving, USD only, on
    Thursday does not delay it).
    """
    days = as_dates("trade_date", trade_date)
    lag = _lag(pair, spot_lag)
    result: DateArray = spot_dates(days, lag, _calendar(pair, holidays, calendars, days))
    if (result > LAST_DATE).any():
        raise CarryxlError("trade_date", trade_date, "settles after 9999-12-31, the last date")
    return result


def triple_rollover_weekday(pair: Pair | None = None, spot_lag: int | None = None) -> int:
    """The weekday (0 = Monday) whose rollover spans the weekend: 4 - spot lag.

    T+2 -> 2 (Wednesday), T+1 -> 3 (Thursday), T+0 -> 4 (Friday).
    """
    return 4 - min(_lag(pair, spot_lag), 4)


def _weekend_days(start: DateArray, end: DateArray) -> _IntArray:
    """Saturdays and Sundays in [start, end)."""
    result: _IntArray = (end - start).astype(np.int64) - np.busday_count(start, end)
    return result


def _rollover(
    days: DateArray, lag: int, cal: PairCalendars, triple_day: Any
) -> tuple[_IntArray, DateArray, DateArray]:
    """Each trade date's nights (0 off the rollover days) and its two value dates."""
    open_day = np.is_busday(days, holidays=cal.counted)
    following = np.busday_offset(days, 1, roll="forward", holidays=cal.counted)
    v0 = spot_dates(days, lag, cal)
    v1 = spot_dates(following, lag, cal)
    nights = (v1 - v0).astype(np.int64)
    if not is_auto(triple_day):
        triple = weekday_from_text(triple_day)
        nights = nights - _weekend_days(v0, v1) + 2 * (_weekday(days) == triple)
    result: _IntArray = np.where(open_day, nights, 0)
    return result, v0, v1


def rollover_nights(
    trade_date: Any,
    pair: Pair | None = None,
    holidays: Iterable[Any] | None = None,
    triple_day: Any = None,
    spot_lag: int | None = None,
    *,
    calendars: bool = True,
) -> _IntArray:
    """Nights accrued by the rollover on trade date d (0 when d is not a rollover day).

    value(d') - value(d), d' the next rollover day: 1 on most days, 3 on Wednesday for
    T+2 pairs (Thursday for T+1), more or 0 around holidays. ``triple_day`` (e.g.
    ``"Wed"``) moves the two weekend nights to that weekday instead.
    """
    days = as_dates("trade_date", trade_date)
    cal = _calendar(pair, holidays, calendars, days)
    return _rollover(days, _lag(pair, spot_lag), cal, triple_day)[0]


def nights_between(
    open_date: Any,
    close_date: Any,
    pair: Pair | None = None,
    holidays: Iterable[Any] | None = None,
    triple_day: Any = None,
    spot_lag: int | None = None,
    *,
    calendars: bool = True,
) -> _IntArray:
    """Nights of swap from opening on ``open_date`` to closing on ``close_date``.

    value(close) - value(open), or with ``triple_day`` the sum of :func:`rollover_nights`
    over the rollover days open <= d < close. USD/JPY opened Monday 2025-01-06 and
    closed Monday 2025-01-13 (a Japanese holiday): value 2025-01-08 -> 2025-01-16 =
    8 nights.
    """
    d0 = as_dates("open_date", open_date)
    d1 = as_dates("close_date", close_date)
    common_shape(open_date=d0, close_date=d1)
    early = np.broadcast_to(d1 < d0, np.broadcast_shapes(d0.shape, d1.shape))
    if early.any():
        bad = np.broadcast_to(d1, early.shape)[tuple(np.argwhere(early)[0])]
        raise CarryxlError("close_date", str(bad), Rule.AFTER_OPEN)
    cal = _calendar(pair, holidays, calendars, d0, d1)
    lag = _lag(pair, spot_lag)
    v0 = spot_dates(d0, lag, cal)
    v1 = spot_dates(d1, lag, cal)
    nights: _IntArray = (v1 - v0).astype(np.int64)
    if not is_auto(triple_day):
        mask = [0] * 7
        mask[weekday_from_text(triple_day)] = 1
        triples = np.busday_count(d0, d1, weekmask=mask, holidays=cal.counted)
        nights = nights - _weekend_days(v0, v1) + 2 * triples
    return nights


class SwapForm(StrEnum):
    """How a broker quotes the overnight swap."""

    POINTS = "points"
    PIPS = "pips"
    MONEY_PER_LOT = "money per lot"
    PERCENT_A_YEAR = "percent a year"

    @classmethod
    def parse(cls, value: SwapForm | str, argument: str = "form") -> SwapForm:
        """``"points"``/``"pts"`` (the platform's points), ``"pips"``, ``"money"``/``"per
        lot"``, ``"percent"``/``"%"``."""
        if isinstance(value, SwapForm):
            return value
        key = re.sub(r"[\s_/.-]", "", str(value)).lower()
        for form, aliases in _FORM_ALIASES.items():
            if key in aliases:
                return form
        raise CarryxlError(
            argument, value, "must be 'points', 'pips', 'money per lot' or 'percent a year'"
        )


SWAP_FORM_WORDS: dict[str, tuple[str, ...]] = {
    "en": tuple(str(form) for form in SwapForm),
    "zh": ("点", "标准点", "每手金额", "年化百分比"),
}
"""The four :class:`SwapForm` in their order as a workbook in each language writes them:
MetaTrader's 点 (a point, 10^-digits) and 标准点 (a pip, 10 points), as a Chinese
platform and broker name them; :meth:`SwapForm.parse` reads every language's."""

_FORM_ALIASES = {
    form: {re.sub(r"[\s_/.-]", "", words[i]).lower() for words in SWAP_FORM_WORDS.values()} | extra
    for i, (form, extra) in enumerate(
        (
            (SwapForm.POINTS, {"point", "pts", "点数"}),
            (SwapForm.PIPS, {"pip", "基点"}),
            (SwapForm.MONEY_PER_LOT, {"money", "perlot", "lot", "每手"}),
            (SwapForm.PERCENT_A_YEAR, {"percent", "pct", "%", "annual", "年化"}),
        )
    )
}


@dataclass(frozen=True, slots=True)
class _Quote:
    """A swap quote's checked inputs: the form and each number under its argument name."""

    form: SwapForm
    named: dict[str, FloatArray]
    point_size: float

    def per_unit(self) -> FloatArray:
        """Account money per night for a quote of 1 in ``form``."""
        given = self.named
        lots, lot_size, to_account = given["lots"], given["lot_size"], given["to_account"]
        # The per-lot factor first: usually a scalar, so the big arrays see one multiply.
        if self.form is SwapForm.MONEY_PER_LOT:
            result: FloatArray = lots * to_account
        elif self.form in (SwapForm.POINTS, SwapForm.PIPS):
            result = lots * (lot_size * self.point_size * to_account)
        else:
            result = lots * (lot_size * to_account / given["basis"]) * given["spot"]
        return result


def _quote(
    form: SwapForm | str,
    value_name: str,
    value: Any,
    lots: Any,
    pair: Pair | None,
    spot: Any,
    point_size: float | None,
    lot_size: Any,
    basis: Any,
    to_account: Any,
    deferred: bool = False,
    digits: int | None = None,
) -> _Quote:
    """The preamble :func:`swap_per_night` and :func:`swap_quote_from_money` share.

    ``deferred`` leaves out the checks a finite product proves (the value finite, ``lots``
    below +inf): only for a caller that checks its result and, if that fails, calls again
    without it, so a bad input is still named with its own rule.
    """
    shape_form = SwapForm.parse(form)
    named = {
        value_name: as_floats(value_name, value) if deferred else finite(value_name, value),
        "lots": positive("lots", lots, deferred=deferred),
        "lot_size": positive("lot_size", lot_size),
        "to_account": positive("to_account", to_account),
    }
    size = 0.0
    if shape_form in (SwapForm.POINTS, SwapForm.PIPS):
        if point_size is not None:
            checked = positive("point_size", point_size)
            if checked.size != 1:
                raise CarryxlError("point_size", point_size, Rule.ONE_NUMBER)
            size = float(checked.reshape(()))
        elif pair is not None and shape_form is SwapForm.POINTS:
            size = pair.point_size(digits)
        elif pair is not None:
            size = pair.pip_size()
        else:
            raise CarryxlError("pair", None, f"give the pair or point_size for a quote in {form}")
    elif shape_form is SwapForm.PERCENT_A_YEAR:
        if spot is None:
            raise CarryxlError("spot", None, "is needed for a swap quoted in percent a year")
        named["spot"] = positive("spot", spot)
        named["basis"] = positive("basis", basis)
    common_shape(**named)
    return _Quote(shape_form, named, size)


def swap_per_night(
    quote: Any,
    form: SwapForm | str,
    lots: Any,
    pair: Pair | None = None,
    spot: Any = None,
    point_size: float | None = None,
    lot_size: Any = LOT_SIZE,
    basis: Any = 360.0,
    to_account: Any = 1.0,
    digits: int | None = None,
) -> FloatArray:
    """Money per night in the account currency from a broker's swap quote (+ = credit).

    Points (the platform's, 10^-digits): quote * 10^-digits * lots * lot_size *
    to_account. USD/JPY (3 digits) long swap +15 points, 2 lots: 15 * 0.001 * 200,000 =
    3,000 JPY a night. Pips: quote * pip * lots * lot_size * to_account (+1.5 pips: the
    same 3,000 JPY). ``point_size`` overrides the price of one point (or pip).
    Money per lot: quote * lots * to_account. Percent a year: quote * lots * lot_size *
    spot / basis * to_account; -2% a year on 1 lot of USD/TRY at 32, basis 360:
    -0.02 * 100,000 * 32 / 360 = -177.78 TRY a night.
    """
    args = (form, "quote", quote, lots, pair, spot, point_size, lot_size, basis, to_account)
    given = _quote(*args, deferred=True, digits=digits)
    money = given.named["quote"] * given.per_unit()
    if all_finite(money):  # every factor > 0 and finite, or the product would not be
        return money
    given = _quote(*args, digits=digits)  # names a bad input with its own rule, if any
    return finite_result(given.named["quote"] * given.per_unit(), **given.named)


def swap_quote_from_money(
    money_per_night: Any,
    form: SwapForm | str,
    lots: Any,
    pair: Pair | None = None,
    spot: Any = None,
    point_size: float | None = None,
    lot_size: Any = LOT_SIZE,
    basis: Any = 360.0,
    to_account: Any = 1.0,
    digits: int | None = None,
) -> FloatArray:
    """The quote, in ``form``, that pays ``money_per_night`` (account currency): the inverse
    of :func:`swap_per_night`. 3,000 JPY a night on 2 lots of USD/JPY is 15 points
    (1.5 pips)."""
    given = _quote(
        form,
        "money_per_night",
        money_per_night,
        lots,
        pair,
        spot,
        point_size,
        lot_size,
        basis,
        to_account,
        digits=digits,
    )
    with np.errstate(divide="ignore", over="ignore"):
        quote = given.named["money_per_night"] / given.per_unit()
    return finite_result(quote, **given.named)


def benchmark_swap(
    pair: Pair,
    units: Any,
    spot: Any,
    rate_base: Any,
    rate_quote: Any,
    nights: Any = 1,
    side: Any = "long",
    day_count_base: DayCount | str | None = None,
    day_count_quote: DayCount | str | None = None,
) -> FloatArray:
    """Interest-parity rollover of ``units`` base units over ``nights``, in the quote currency.

    side * units * (S - F), F = S (1 + r_q n/B_q) / (1 + r_b n/B_b), each currency on its
    money-market day count. Long 100,000 USD/JPY at 150, USD 5% (ACT/360), JPY 0.1%
    (ACT/365F), 1 night: 100,000 * (150 - F) = 2,041.95 JPY earned.
    """
    p = pair
    u = positive("units", units)
    s = positive("spot", spot)
    n = positive("nights", nights)
    direction = side_sign(side)
    dc_b = DayCount.parse(day_count_base or default_day_count(p.base), "day_count_base")
    dc_q = DayCount.parse(day_count_quote or default_day_count(p.quote), "day_count_quote")
    r_b = rate("rate_base", rate_base)
    r_q = rate("rate_quote", rate_quote)
    named = {"units": u, "spot": s, "rate_base": r_b, "rate_quote": r_q, "nights": n}
    common_shape(**named, side=direction)
    forward = forward_outright(s, r_b, r_q, n / dc_b.days_in_year, n / dc_q.days_in_year)
    return finite_result(direction * u * (s - forward), **named)


def swap_implied_rate(
    money: Any, units: Any, spot: Any, nights: Any = 1, basis: Any = 360.0
) -> FloatArray:
    """The annual rate a rollover pays on the position value: money / (units * S) * B / n.

    ``money`` in the quote currency for ``nights`` nights (+ = credit). For a long
    position it is the net rate earned, about r_base - r_quote less the broker's markup.
    3,000 JPY a night on 200,000 USD/JPY at 150, ACT/360: 3,000/30,000,000*360 = 3.6%.
    """
    m = finite("money", money)
    u = positive("units", units)
    s = positive("spot", spot)
    n = positive("nights", nights)
    b = positive("basis", basis)
    named = {"money": m, "units": u, "spot": s, "nights": n, "basis": b}
    common_shape(**named)
    with np.errstate(divide="ignore", over="ignore"):
        annual = m / (u * s) * b / n
    return finite_result(annual, **named)


def swap_markup(
    pair: Pair,
    broker_money: Any,
    units: Any,
    spot: Any,
    rate_base: Any,
    rate_quote: Any,
    nights: Any = 1,
    side: Any = "long",
    basis: Any = 360.0,
    day_count_base: DayCount | str | None = None,
    day_count_quote: DayCount | str | None = None,
) -> tuple[FloatArray, FloatArray]:
    """The broker's markup over the interest-parity benchmark: (money, annual rate).

    money = benchmark_swap - broker_money (quote currency, over ``nights``); rate =
    money / (units * S) * basis / nights. Positive: the broker keeps that much.
    """
    common_shape(
        units=positive("units", units),
        spot=positive("spot", spot),
        rate_base=rate("rate_base", rate_base),
        rate_quote=rate("rate_quote", rate_quote),
        nights=positive("nights", nights),
        broker_money=finite("broker_money", broker_money),
    )
    benchmark = benchmark_swap(
        pair, units, spot, rate_base, rate_quote, nights, side, day_count_base, day_count_quote
    )
    kept = benchmark - finite("broker_money", broker_money)
    return kept, swap_implied_rate(kept, units, spot, nights, basis)


def swap_ledger(
    open_date: Any,
    close_date: Any,
    money_per_night: Any,
    pair: Pair | None = None,
    holidays: Iterable[Any] | None = None,
    triple_day: Any = None,
    spot_lag: int | None = None,
    *,
    calendars: bool = True,
) -> pd.DataFrame:
    """Night-by-night swap accrual from ``open_date`` to ``close_date``, one row a rollover.

    Columns: ``trade_date``, ``weekday``, ``value_date``, ``next_value_date``, ``nights``,
    ``swap`` (nights * money_per_night) and ``cumulative``. ``money_per_night`` is one
    number or one per row (e.g. a swap that changes); its currency is the ledger's.
    The ``nights`` column sums to :func:`nights_between`.
    """
    import pandas as pd  # noqa: PLC0415 - only the ledger needs pandas; keep imports light

    d0, d1 = as_dates("open_date", open_date), as_dates("close_date", close_date)
    cal = _calendar(pair, holidays, calendars, d0, d1)
    days = business_days(open_date, close_date, cal.counted)
    if (d1 < d0).any():
        raise CarryxlError("close_date", str(close_date), Rule.AFTER_OPEN)
    money = finite("money_per_night", money_per_night)
    if money.ndim and money.shape != days.shape:
        raise CarryxlError(
            "money_per_night", money.shape, f"must be one number or {days.size} (one a rollover)"
        )
    nights, v0, v1 = _rollover(days, _lag(pair, spot_lag), cal, triple_day)
    swap = nights * money
    return pd.DataFrame(
        {
            "trade_date": days,
            "weekday": [WEEKDAYS[w] for w in _weekday(days)],
            "value_date": v0,
            "next_value_date": v1,
            "nights": nights,
            "swap": swap,
            "cumulative": np.cumsum(swap),
        }
    )


SWAP_PER_UNIT: dict[SwapForm, str] = {
    SwapForm.POINTS: "{lots}*({lot_size}*{point_size}*{to_account})",
    SwapForm.PIPS: "{lots}*({lot_size}*{pip_size}*{to_account})",
    SwapForm.MONEY_PER_LOT: "{lots}*{to_account}",
    SwapForm.PERCENT_A_YEAR: "{lots}*({lot_size}*{to_account}/{basis})*{spot}",
}
"""Spreadsheet formulas of the money a night (account currency) that a quote of 1 pays in
each form, the factor :func:`swap_per_night` multiplies by and
:func:`swap_quote_from_money` divides by; ``point_size`` is the platform's point
(10^-digits) and ``pip_size`` the pair's pip."""

_P = SWAP_PER_UNIT
SWAP_FORMULAS: dict[str, str] = {
    "swap_per_night": (
        f"{{quote}}*IF({{form}}={{points}},{_P[SwapForm.POINTS]},"
        f"IF({{form}}={{pips}},{_P[SwapForm.PIPS]},"
        f"IF({{form}}={{money_per_lot}},{_P[SwapForm.MONEY_PER_LOT]},"
        f"{_P[SwapForm.PERCENT_A_YEAR]})))"
    ),
    "forward_outright": "{spot}*(1+{rate_quote}*{years_quote})/(1+{rate_base}*{years})",
    "benchmark_swap": "{side}*{units}*({spot}-{forward})",
    "swap_implied_rate": "{money}/({units}*{spot})*{basis}/{nights}",
    "swap_markup": "{benchmark}-({broker_money})",
}
del _P
"""Spreadsheet formulas of :func:`swap_per_night` (``form`` against the book's words for
the forms ``points``, ``pips`` and ``money_per_lot``; percent a year otherwise),
:func:`carryxl.core.forwards.forward_outright`, :func:`benchmark_swap` (``side`` +1/-1,
``forward`` the outright's cell), :func:`swap_implied_rate` and the money of
:func:`swap_markup` (``benchmark`` the benchmark's cell). The swap template's native cells
are these on its cells; LibreOffice proves them against the functions above."""
