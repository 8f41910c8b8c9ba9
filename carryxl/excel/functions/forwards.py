"""Outright forwards, forward points and the rates a forward implies."""

from __future__ import annotations

from typing import Any

from carryxl.core import forwards, strip
from carryxl.excel.arguments import (
    FORWARD,
    FX_TENOR,
    HOLIDAYS,
    METHOD,
    PAIR_FOR_DATES,
    PAIR_FOR_POINTS,
    POINTS,
    RATE_BASE,
    RATE_QUOTE,
    SPOT,
    TRADE_DATE,
    YEARS,
    YEARS_QUOTE,
)
from carryxl.excel.declare import ExcelFunction

__all__ = ["FUNCTIONS", "GROUP", "YEARS_BASE"]

GROUP = "forwards"
YEARS_BASE = YEARS("Year fraction of the period (base leg); see YEAR_FRACTION")


def _implied_diff(method: str, **given: Any) -> Any:
    if method == "simple":
        return forwards.implied_rate_differential_simple(
            given["spot"], given["forward"], given["years"]
        )
    return forwards.implied_rate_differential(**given)


def _dated(holidays: tuple[Any, ...] = (), **given: Any) -> Any:
    return strip.dated_outright(holidays=list(holidays) or None, **given)


FUNCTIONS = (
    ExcelFunction(
        "FX_FORWARD_DATED",
        GROUP,
        """Outright forward of a tenor dealt on a date: spot date T+2 on each currency's settlement
        calendar (USD rule), end rolled; ON value today, TN tomorrow. Over a column of tenors: the
        strip.""",
        (SPOT, RATE_BASE, RATE_QUOTE, TRADE_DATE, FX_TENOR, PAIR_FOR_DATES),
        (HOLIDAYS("Optional: more holiday dates, on top of the currencies' calendars"),),
        kernel=_dated,
    ),
    ExcelFunction(
        "FX_FORWARD",
        GROUP,
        """Outright forward by covered interest parity: S*(1+r_quote*t)/(1+r_base*t). AUD/JPY 100,
        AUD 4.5%, JPY 0.1%, 0.5y: 97.8484.""",
        (SPOT, RATE_BASE, RATE_QUOTE, YEARS_BASE),
        (YEARS_QUOTE,),
        kernel=forwards.forward_outright,
    ),
    ExcelFunction(
        "FX_POINTS",
        GROUP,
        """Forward points (F - S) * scale; scale 100 for JPY-quoted pairs, else 10,000. AUD/JPY 100,
        4.5% vs 0.1%, 0.5y: -215.16.""",
        (SPOT, RATE_BASE, RATE_QUOTE, YEARS_BASE),
        (PAIR_FOR_POINTS, YEARS_QUOTE),
        kernel=forwards.forward_points,
    ),
    ExcelFunction(
        "FX_FORWARD_FROM_POINTS",
        GROUP,
        """Outright forward from points: S + points/scale (scale 100 for JPY-quoted pairs, else
        10,000). AUD/JPY 100 and -215.16 points: 97.8484.""",
        (SPOT, POINTS),
        (PAIR_FOR_POINTS,),
        kernel=forwards.forward_from_points,
    ),
    ExcelFunction(
        "FX_IMPLIED_DIFF",
        GROUP,
        """Rate differential r_quote - r_base implied by a forward: exact, or "simple" (F/S-1)/t.
        AUD/JPY 100, fwd 97.8484, AUD 4.5%, 0.5y: -4.4%.""",
        (SPOT, FORWARD, RATE_BASE(RATE_BASE.help + " (the exact method needs it)"), YEARS_BASE),
        (YEARS_QUOTE, METHOD),
        kernel=_implied_diff,
    ),
    ExcelFunction(
        "FX_IMPLIED_RATE",
        GROUP,
        """The quote currency's simple rate implied by a forward: ((F/S)(1+r_base*t)-1)/t. AUD/JPY
        100, fwd 97.8484, AUD 4.5%, 0.5y: JPY 0.1%.""",
        (SPOT, FORWARD, RATE_BASE, YEARS_BASE),
        (YEARS_QUOTE,),
        kernel=forwards.implied_quote_rate,
    ),
)
