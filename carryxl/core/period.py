"""The holding period of a trade as each leg's year fraction.

A tenor alone (``6M``) gives every leg its nominal fraction (0.5); dates give each leg
the fraction of its own currency's money-market day count (AUD ACT/365F, USD ACT/360…),
unless overridden. ``holding_years`` (ACT/365F of the dates, or the tenor's nominal
length) is what annualised returns divide by.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from carryxl.core.conventions import Currency, DayCount, default_day_count
from carryxl.core.dates import Tenor, add_tenor, as_dates, tenor_year_fraction, year_fraction
from carryxl.core.errors import CarryxlError
from carryxl.core.validate import FloatArray

__all__ = ["HoldingPeriod", "holding_period"]


@dataclass(frozen=True)
class HoldingPeriod:
    """Year fractions of the target and funding legs, and of the holding period."""

    years_target: FloatArray | float
    years_funding: FloatArray | float
    holding_years: FloatArray | float
    day_count_target: DayCount
    day_count_funding: DayCount
    description: str


def holding_period(
    target: Currency,
    funding: Currency,
    tenor: Tenor | str | None = None,
    start: Any = None,
    end: Any = None,
    day_count_target: DayCount | str | None = None,
    day_count_funding: DayCount | str | None = None,
) -> HoldingPeriod:
    """Each leg's year fraction from a tenor, from start + tenor, or from start and end."""
    dc_t = (
        default_day_count(target)
        if day_count_target is None
        else DayCount.parse(day_count_target, "day_count_target")
    )
    dc_f = (
        default_day_count(funding)
        if day_count_funding is None
        else DayCount.parse(day_count_funding, "day_count_funding")
    )
    if start is None:
        if end is not None:
            raise CarryxlError("start", None, "is needed when end is given")
        if tenor is None:
            raise CarryxlError("tenor", None, "give a tenor (e.g. 6M) or start and end dates")
        t = Tenor.parse(tenor)
        return HoldingPeriod(
            years_target=tenor_year_fraction(t, dc_t),
            years_funding=tenor_year_fraction(t, dc_f),
            holding_years=tenor_year_fraction(t, DayCount.ACT_365F),
            day_count_target=dc_t,
            day_count_funding=dc_f,
            # each leg's days over its own day count's basis (360 or 365)
            description=f"{t} (nominal: months/12, days/basis)",
        )
    d0 = as_dates("start", start)
    if end is None:
        if tenor is None:
            raise CarryxlError("end", None, "give an end date or a tenor with the start date")
        d1 = add_tenor(d0, tenor)
    elif tenor is not None:
        raise CarryxlError("tenor", tenor, "give either a tenor or an end date, not both")
    else:
        d1 = as_dates("end", end)
    if (d1 <= d0).any():
        raise CarryxlError("end", str(d1), "must be after start")
    return HoldingPeriod(
        years_target=year_fraction(d0, d1, dc_t),
        years_funding=year_fraction(d0, d1, dc_f),
        holding_years=year_fraction(d0, d1, DayCount.ACT_365F),
        day_count_target=dc_t,
        day_count_funding=dc_f,
        description=f"{d0} to {d1}",
    )
