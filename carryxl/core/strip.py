"""The dated forward and the dealer's strip (ON, TN, 1W, 1M...): one definition of "the
forward" for ``carryxl forward``, its ``--tenors`` strip and Excel's ``FX_FORWARD_DATED``.

For a value date v, with S the spot (for the spot date) and each leg's simple rate over
its own year fraction between the spot date and v:

- v on or after spot: F(v) = S (1 + r_quote t_quote) / (1 + r_base t_base);
- v before spot (ON: value today; TN: value tomorrow): F(v) = S (1 + r_base t_base) /
  (1 + r_quote t_quote), the year fractions from v to the spot date.

A tenor's **points** are (F(end) - F(start)) x scale over the period it prices (ON: today
to tomorrow; TN: tomorrow to spot; others: spot to the end), scale = 1 / pip (100 on JPY,
HUF and ISK pairs, 10,000 on most others; ``pip_size`` overrides); its **outright** is
F at the value date dealt (ON: today, TN: tomorrow, others: the end). Dates from
:func:`carryxl.core.calendars.fx_dates` (settlement calendars, the USD rule).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.calendars import FxDates, fx_dates
from carryxl.core.conventions import DayCount, Pair, default_day_count
from carryxl.core.dates import Tenor, as_dates, year_fraction
from carryxl.core.errors import CarryxlError
from carryxl.core.forwards import forward_outright
from carryxl.core.validate import common_shape, positive, rate

__all__ = [
    "ForwardTerms",
    "StripRow",
    "dated_outright",
    "forward_strip",
    "fx_tenor",
]


def fx_tenor(text: Any, argument: str = "tenor") -> str:
    """``"ON"``, ``"TN"``, ``"SN"`` or a tenor such as ``"1M"`` (checked), as text."""
    if not isinstance(text, str):
        raise CarryxlError(argument, text, "must be a tenor such as ON, TN, 1W, 1M or 1Y")
    key = str(text).strip().upper().replace("/", "")
    if key in ("ON", "TN", "SN"):
        return key
    return str(Tenor.parse(text, argument))


@dataclass(frozen=True)
class ForwardTerms:
    """What every tenor of a strip shares: the pair, spot, rates, day counts, pip."""

    pair: Pair
    spot: float
    rate_base: float
    rate_quote: float
    day_count_base: DayCount
    day_count_quote: DayCount
    pip_size: float

    @classmethod
    def of(
        cls,
        pair: Pair,
        spot: float,
        rate_base: float,
        rate_quote: float,
        day_count_base: DayCount | str | None = None,
        day_count_quote: DayCount | str | None = None,
        pip_size: float | None = None,
    ) -> ForwardTerms:
        """Terms with the pair's default day counts and pip unless given."""
        p = pair
        checked = {
            "spot": positive("spot", spot),
            "rate_base": rate("rate_base", rate_base),
            "rate_quote": rate("rate_quote", rate_quote),
        }
        for name, value in checked.items():
            if value.ndim:
                raise CarryxlError(name, value.tolist(), "must be one number")
        return cls(
            pair=p,
            spot=float(checked["spot"]),
            rate_base=float(checked["rate_base"]),
            rate_quote=float(checked["rate_quote"]),
            day_count_base=DayCount.parse(
                default_day_count(p.base) if day_count_base is None else day_count_base,
                "day_count_base",
            ),
            day_count_quote=DayCount.parse(
                default_day_count(p.quote) if day_count_quote is None else day_count_quote,
                "day_count_quote",
            ),
            pip_size=p.pip_size(pip_size),
        )

    def at(self, spot_date: np.datetime64, value: np.datetime64) -> float:
        """F(value): the forward for that value date (module notes)."""
        early, late = (value, spot_date) if value < spot_date else (spot_date, value)
        t_b = float(year_fraction(early, late, self.day_count_base))
        t_q = float(year_fraction(early, late, self.day_count_quote))
        if value >= spot_date:
            return float(forward_outright(self.spot, self.rate_base, self.rate_quote, t_b, t_q))
        # before spot: swap the legs' roles, F = S (1 + r_b t_b) / (1 + r_q t_q)
        return float(forward_outright(self.spot, self.rate_quote, self.rate_base, t_q, t_b))


@dataclass(frozen=True)
class StripRow:
    """One tenor of the strip: its dates, days, outright and points."""

    dates: FxDates
    days: int
    years_base: float
    years_quote: float
    outright: float
    points: float


def _dated_forward(terms: ForwardTerms, dates: FxDates) -> StripRow:
    """The outright and points of one tenor (module notes)."""
    start, end = dates.start, dates.end
    points = (terms.at(dates.spot, end) - terms.at(dates.spot, start)) / terms.pip_size
    return StripRow(
        dates=dates,
        days=int((end - start).astype(np.int64)),
        years_base=float(year_fraction(start, end, terms.day_count_base)),
        years_quote=float(year_fraction(start, end, terms.day_count_quote)),
        outright=terms.at(dates.spot, dates.value),
        points=points + 0.0,  # never -0.0
    )


def forward_strip(
    terms: ForwardTerms,
    trade_date: Any,
    tenors: Sequence[str],
    holidays: Iterable[Any] | str | None = None,
    spot_lag: int | None = None,
    calendars: bool = True,
) -> list[StripRow]:
    """One :class:`StripRow` per tenor, dealt on ``trade_date``."""
    if not isinstance(terms, ForwardTerms):
        raise CarryxlError("terms", repr(terms), "must be ForwardTerms (ForwardTerms.of(...))")
    if isinstance(tenors, str) or not isinstance(tenors, Sequence):
        raise CarryxlError("tenors", tenors, "must be a list of tenors, e.g. ['ON', '1M']")
    return [
        _dated_forward(terms, fx_dates(trade_date, terms.pair, t, holidays, spot_lag, calendars))
        for t in tenors
    ]


def dated_outright(
    spot: Any,
    rate_base: Any,
    rate_quote: Any,
    trade_date: Any,
    tenor: str,
    pair: Pair,
    holidays: Iterable[Any] | str | None = None,
) -> Any:
    """The dated outright of ``tenor`` for each row (spots, rates, trade dates broadcast)."""
    named = {
        "spot": positive("spot", spot),
        "rate_base": rate("rate_base", rate_base),
        "rate_quote": rate("rate_quote", rate_quote),
    }
    days = as_dates("trade_date", trade_date)
    common_shape(**named, trade_date=days)
    tenor = fx_tenor(tenor)
    rows = np.broadcast_arrays(named["spot"], named["rate_base"], named["rate_quote"], days)
    out = np.empty(rows[0].shape)
    for index in np.ndindex(out.shape):
        s, r_b, r_q, day = (a[index] for a in rows)
        terms = ForwardTerms.of(pair, float(s), float(r_b), float(r_q))
        out[index] = _dated_forward(terms, fx_dates(day, terms.pair, tenor, holidays)).outright
    return out
