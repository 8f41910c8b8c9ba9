"""carryxl's Excel functions (xlwings UDFs): every argument takes a cell or a whole range.

In Excel: xlwings add-in > UDF Modules = ``carryxl.excel.udfs`` > Import Functions.
Each function reads its cells (:mod:`carryxl.excel.cells`), calls the core once for
all rows, and spills the answer. Rates are decimals (0.045 or "4.5%"); P&L is in the
funding currency; bad input gives a one-line message in the cell, never an error.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import xlwings as xw

from carryxl.core import asset, carry, dates, forwards, validate
from carryxl.core.conventions import Currency, default_day_count, rate_from_text
from carryxl.core.dates import Tenor
from carryxl.core.errors import CarryxlError
from carryxl.excel import cells
from carryxl.excel.cells import CATEGORY, READ

__all__ = [
    "ANNUALISED_RETURN",
    "ASSET_BREAKEVEN_FX",
    "ASSET_CARRY_RETURN",
    "ASSET_EXCESS_RETURN",
    "ASSET_FX_MOVE",
    "CARRY_BREAKEVEN",
    "CARRY_BREAKEVEN_MOVE",
    "CARRY_DAYS_TO_OFFSET",
    "CARRY_INCOME",
    "CARRY_PNL",
    "CARRY_RETURN",
    "CARRY_SCENARIOS",
    "DAY_COUNT",
    "FX_FORWARD",
    "FX_FORWARD_FROM_POINTS",
    "FX_IMPLIED_DIFF",
    "FX_IMPLIED_RATE",
    "FX_PNL",
    "FX_POINTS",
    "FX_RETURN",
    "TENOR_END",
    "TENOR_YEARS",
    "YEAR_FRACTION",
]

# One-line help for the function wizard, shared by the functions that take the argument.
NOTIONAL = "Amount borrowed, in the funding currency (e.g. 10000000 JPY)"
SPOT_START = "Spot at the start, as the pair is quoted (e.g. AUD/JPY 100)"
SPOT_END = "Spot at the end, as the pair is quoted (e.g. 103)"
RATE_TARGET = "Rate earned on the target (held) currency, e.g. 0.045 or 4.5%"
RATE_FUNDING = "Rate paid on the funding (borrowed) currency, e.g. 0.001 or 0.1%"
YEARS = "Holding period as a year fraction (0.5 = 6 months); see YEAR_FRACTION"
YEARS_FUNDING = "Optional: the funding leg's year fraction if its day count differs"
ORIENTATION = (
    'Optional: "target/funding" (default, AUD/JPY funded in JPY), "funding/target", '
    "or the pair, e.g. USD/TRY, with funding"
)
FUNDING = "Optional: the borrowed currency (e.g. USD), when orientation is a pair"
METHOD = 'Optional: "exact" (default) or "simple" (the textbook approximation)'
SPOT = "Spot of the pair BASE/QUOTE (QUOTE units per BASE unit)"
RATE_BASE = "Simple money-market rate of the base currency, e.g. 0.045"
RATE_QUOTE = "Simple money-market rate of the quote currency, e.g. 0.001"
YEARS_BASE = "Year fraction of the period (base leg); see YEAR_FRACTION"
YEARS_QUOTE = "Optional: the quote leg's year fraction if its day count differs"
PAIR_SCALE = "Optional: the pair (JPY-quoted: x100, else x10,000) or the scale; default 10000"
FX_MOVE = "Move of the foreign currency against the funding one, e.g. 0.0152 or 1.52%"
ASSET_RETURN = "Return of the foreign asset in its own currency, e.g. -0.0215"
DAY_COUNT_HELP = "Optional: ACT/360, ACT/365F (default), ACT/ACT, 30/360, 30E/360, or a currency"


def _numbers(name: str, value: Any) -> cells.Input:
    return cells.numbers(name, value)


def _rates(name: str, value: Any) -> cells.Input:
    return cells.numbers(name, value, text=rate_from_text)


def _optional(name: str, value: Any) -> cells.Input | None:
    return cells.optional_numbers(name, value)


# -- P&L ----------------------------------------------------------------------------------


@xw.func(category=CATEGORY)
@xw.arg("notional", doc=NOTIONAL, **READ)
@xw.arg("spot_start", doc=SPOT_START, **READ)
@xw.arg("spot_end", doc=SPOT_END, **READ)
@xw.arg("rate_target", doc=RATE_TARGET, **READ)
@xw.arg("rate_funding", doc=RATE_FUNDING, **READ)
@xw.arg("years", doc=YEARS, **READ)
@xw.arg("orientation", doc=ORIENTATION, **READ)
@xw.arg("funding", doc=FUNDING, **READ)
@xw.arg("years_funding", doc=YEARS_FUNDING, **READ)
@xw.arg(
    "breakdown", doc='Optional: "exact" or "simple" spills carry, FX, cross, total, return', **READ
)
@xw.arg("headers", doc="Optional: TRUE puts a header row above the breakdown", **READ)
@cells.udf
def CARRY_PNL(
    notional: Any,
    spot_start: Any,
    spot_end: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any = None,
    funding: Any = None,
    years_funding: Any = None,
    breakdown: Any = None,
    headers: Any = None,
) -> Any:
    """Exact total P&L of a carry trade in the funding currency: N*((X1/X0)(1+rt*t)-(1+rf*t)).
    AUD/JPY 100->103, 10m JPY, 4.5% vs 0.1%, 0.5y: 526,750. Optional breakdown row.
    """
    inputs = (
        _numbers("notional", notional),
        _numbers("spot_start", spot_start),
        _numbers("spot_end", spot_end),
        _rates("rate_target", rate_target),
        _rates("rate_funding", rate_funding),
        _numbers("years", years),
        cells.orientation(orientation, funding),
        _optional("years_funding", years_funding),
    )
    split = cells.setting_value(cells.choice("breakdown", _breakdown, breakdown))
    if split is None:
        return cells.to_excel(cells.evaluate(carry.carry_pnl, *inputs))
    grid = cells.evaluate(_breakdown_kernel(split), *inputs, columns=5)
    if cells.setting_value(cells.flag("headers", headers)):
        grid = cells.with_header(("carry", "fx", "cross", "total", "return"), grid)
    return cells.to_excel(grid)


def _breakdown(cell: Any) -> str | None:
    if cell is None or cell is False or cell == 0:
        return None
    if cell is True or cell == 1:
        return "exact"
    text = str(cell).strip().lower()
    if text not in ("exact", "simple"):
        raise CarryxlError("breakdown", cell, "must be exact, simple, TRUE or FALSE")
    return text


def _breakdown_kernel(split: str) -> Any:
    parts = carry.carry_breakdown if split == "exact" else carry.carry_breakdown_simple

    def kernel(**given: Any) -> Any:
        b = parts(**given)
        return np.stack(
            np.broadcast_arrays(b.carry, b.fx, b.cross, b.total, b.total_return), axis=-1
        )

    return kernel


@xw.func(category=CATEGORY)
@xw.arg("spot_start", doc=SPOT_START, **READ)
@xw.arg("spot_end", doc=SPOT_END, **READ)
@xw.arg("rate_target", doc=RATE_TARGET, **READ)
@xw.arg("rate_funding", doc=RATE_FUNDING, **READ)
@xw.arg("years", doc=YEARS, **READ)
@xw.arg("orientation", doc=ORIENTATION, **READ)
@xw.arg("funding", doc=FUNDING, **READ)
@xw.arg("years_funding", doc=YEARS_FUNDING, **READ)
@xw.arg("method", doc=METHOD, **READ)
@cells.udf
def CARRY_RETURN(
    spot_start: Any,
    spot_end: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any = None,
    funding: Any = None,
    years_funding: Any = None,
    method: Any = None,
) -> Any:
    """Return of a carry trade on the amount borrowed, exact: (X1/X0)(1+rt*t)-(1+rf*t); or "simple":
    carry + FX move. AUD/JPY 100->103, 4.5% vs 0.1%, 0.5y: 5.2675% (simple 5.2%).
    """

    def kernel(method: str, **given: Any) -> Any:
        if method == "simple":
            return carry.carry_breakdown_simple(1.0, **given).total
        return carry.carry_return(**given)

    return cells.to_excel(
        cells.evaluate(
            kernel,
            _numbers("spot_start", spot_start),
            _numbers("spot_end", spot_end),
            _rates("rate_target", rate_target),
            _rates("rate_funding", rate_funding),
            _numbers("years", years),
            cells.orientation(orientation, funding),
            _optional("years_funding", years_funding),
            cells.method(method),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("spot_start", doc=SPOT_START, **READ)
@xw.arg("spot_end", doc=SPOT_END, **READ)
@xw.arg("orientation", doc=ORIENTATION, **READ)
@xw.arg("funding", doc=FUNDING, **READ)
@cells.udf
def FX_RETURN(spot_start: Any, spot_end: Any, orientation: Any = None, funding: Any = None) -> Any:
    """Move of the target currency against the funding one, X1/X0 - 1. AUD/JPY 100->103 funded in
    JPY: 3%. USD/TRY 30->32 funded in USD: -6.25%.
    """
    return cells.to_excel(
        cells.evaluate(
            carry.fx_return,
            _numbers("spot_start", spot_start),
            _numbers("spot_end", spot_end),
            cells.orientation(orientation, funding),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("notional", doc=NOTIONAL, **READ)
@xw.arg("spot_start", doc=SPOT_START, **READ)
@xw.arg("spot_end", doc=SPOT_END, **READ)
@xw.arg("orientation", doc=ORIENTATION, **READ)
@xw.arg("funding", doc=FUNDING, **READ)
@cells.udf
def FX_PNL(
    notional: Any, spot_start: Any, spot_end: Any, orientation: Any = None, funding: Any = None
) -> Any:
    """FX gain or loss on the amount borrowed, in the funding currency: N*(X1/X0 - 1). 10,000,000
    JPY, AUD/JPY 100->103: 300,000 JPY. 100,000 USD, USD/TRY 30->32: -6,250 USD.
    """
    return cells.to_excel(
        cells.evaluate(
            carry.fx_pnl,
            _numbers("notional", notional),
            _numbers("spot_start", spot_start),
            _numbers("spot_end", spot_end),
            cells.orientation(orientation, funding),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("notional", doc=NOTIONAL, **READ)
@xw.arg("rate_target", doc=RATE_TARGET, **READ)
@xw.arg("rate_funding", doc=RATE_FUNDING, **READ)
@xw.arg("years", doc=YEARS, **READ)
@xw.arg("years_funding", doc=YEARS_FUNDING, **READ)
@cells.udf
def CARRY_INCOME(
    notional: Any, rate_target: Any, rate_funding: Any, years: Any, years_funding: Any = None
) -> Any:
    """Interest-differential income in the funding currency: N*(rt*t - rf*t). 10,000,000 JPY at 4.5%
    vs 0.1% for 0.5y: 220,000 JPY.
    """
    return cells.to_excel(
        cells.evaluate(
            carry.carry_income,
            _numbers("notional", notional),
            _rates("rate_target", rate_target),
            _rates("rate_funding", rate_funding),
            _numbers("years", years),
            _optional("years_funding", years_funding),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("total_return", doc="Return over the period, e.g. 0.052675", **READ)
@xw.arg("years", doc="The period as a year fraction, > 0", **READ)
@xw.arg("compound", doc="Optional: TRUE compounds, (1+r)^(1/t)-1; FALSE (default) is r/t", **READ)
@cells.udf
def ANNUALISED_RETURN(total_return: Any, years: Any, compound: Any = None) -> Any:
    """A period return per year: r/t, or (1+r)^(1/t)-1 when compound is TRUE. 5.2675% over 0.5y:
    10.535% simple, 10.8125% compounded.
    """
    return cells.to_excel(
        cells.evaluate(
            carry.annualised_return,
            _rates("total_return", total_return),
            cells.numbers("years", years),
            cells.flag("compound", compound),
        )
    )


# -- break-even ---------------------------------------------------------------------------


@xw.func(category=CATEGORY)
@xw.arg("spot_start", doc=SPOT_START, **READ)
@xw.arg("rate_target", doc=RATE_TARGET, **READ)
@xw.arg("rate_funding", doc=RATE_FUNDING, **READ)
@xw.arg("years", doc=YEARS, **READ)
@xw.arg("orientation", doc=ORIENTATION, **READ)
@xw.arg("funding", doc=FUNDING, **READ)
@xw.arg("years_funding", doc=YEARS_FUNDING, **READ)
@cells.udf
def CARRY_BREAKEVEN(
    spot_start: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any = None,
    funding: Any = None,
    years_funding: Any = None,
) -> Any:
    """End spot at which the exact total P&L is zero (the covered-interest-parity forward):
    S0*(1+rf*t)/(1+rt*t). AUD/JPY 100, 4.5% vs 0.1%, 0.5y: 97.8484.
    """
    return cells.to_excel(
        cells.evaluate(
            carry.breakeven_spot,
            _numbers("spot_start", spot_start),
            _rates("rate_target", rate_target),
            _rates("rate_funding", rate_funding),
            _numbers("years", years),
            cells.orientation(orientation, funding),
            _optional("years_funding", years_funding),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("rate_target", doc=RATE_TARGET, **READ)
@xw.arg("rate_funding", doc=RATE_FUNDING, **READ)
@xw.arg("years", doc=YEARS, **READ)
@xw.arg("orientation", doc=ORIENTATION, **READ)
@xw.arg("funding", doc=FUNDING, **READ)
@xw.arg("years_funding", doc=YEARS_FUNDING, **READ)
@cells.udf
def CARRY_BREAKEVEN_MOVE(
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any = None,
    funding: Any = None,
    years_funding: Any = None,
) -> Any:
    """Move of the quoted spot, S1/S0 - 1, at which the exact total P&L is zero. AUD/JPY funded in
    JPY, 4.5% vs 0.1%, 0.5y: -2.15%.
    """
    return cells.to_excel(
        cells.evaluate(
            carry.breakeven_move,
            _rates("rate_target", rate_target),
            _rates("rate_funding", rate_funding),
            _numbers("years", years),
            cells.orientation(orientation, funding),
            _optional("years_funding", years_funding),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("fx_move", doc="Move of the target currency against the funding one, e.g. -0.03", **READ)
@xw.arg("rate_target", doc=RATE_TARGET, **READ)
@xw.arg("rate_funding", doc=RATE_FUNDING, **READ)
@xw.arg("day_count_target", doc=DAY_COUNT_HELP, **READ)
@xw.arg("day_count_funding", doc=DAY_COUNT_HELP, **READ)
@xw.arg("method", doc=METHOD, **READ)
@cells.udf
def CARRY_DAYS_TO_OFFSET(
    fx_move: Any,
    rate_target: Any,
    rate_funding: Any,
    day_count_target: Any = None,
    day_count_funding: Any = None,
    method: Any = None,
) -> Any:
    """Calendar days of carry that make up for an FX move (0 if the move is a gain, "never" if the
    carry is not positive). -3% at 4.5% vs 0.1%: simple 248.9 days.
    """

    def kernel(method: str, **given: Any) -> Any:
        if method == "simple":
            given.pop("day_count_target")
            given.pop("day_count_funding")
            return carry.carry_days_to_offset_simple(**given)
        return carry.carry_days_to_offset(**given)

    grid = cells.evaluate(
        kernel,
        _rates("fx_move", fx_move),
        _rates("rate_target", rate_target),
        _rates("rate_funding", rate_funding),
        cells.day_count("day_count_target", day_count_target),
        cells.day_count("day_count_funding", day_count_funding),
        cells.method(method),
    )
    return cells.to_excel(cells.label_infinite(grid, "never"))


# -- asset-funded carry ---------------------------------------------------------------------


@xw.func(category=CATEGORY)
@xw.arg("asset_return", doc=ASSET_RETURN, **READ)
@xw.arg("fx_move", doc=FX_MOVE, **READ)
@xw.arg("rate_funding", doc="Optional: rate paid on the borrowed currency (default 0)", **READ)
@xw.arg("years", doc="Optional: the period as a year fraction (default 0)", **READ)
@cells.udf
def ASSET_CARRY_RETURN(
    asset_return: Any, fx_move: Any, rate_funding: Any = None, years: Any = None
) -> Any:
    """Return in the funding currency of a foreign asset bought with borrowed money:
    (1+a)(1+g)-1-rf*t. Nasdaq -2.15%, USD/JPY +1.52%: -0.66% before funding.
    """
    return cells.to_excel(
        cells.evaluate(
            asset.asset_carry_return,
            _rates("asset_return", asset_return),
            _rates("fx_move", fx_move),
            cells.optional_numbers("rate_funding", rate_funding, text=rate_from_text),
            _optional("years", years),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg(
    "funding_move", doc='How the funding currency moved, e.g. 0.10 for "the yen rose 10%"', **READ
)
@xw.arg(
    "convention", doc='"quote": the quoted rate fell by that much; "value": its value rose', **READ
)
@cells.udf
def ASSET_FX_MOVE(funding_move: Any, convention: Any) -> Any:
    """The foreign currency's move g from "the funding currency moved m": "quote" g=-m; "value"
    g=1/(1+m)-1. Yen +10%: quote -10%, value -9.09%.
    """
    return cells.to_excel(
        cells.evaluate(
            lambda funding_move, convention: asset.foreign_move(funding_move, convention),  # noqa: PLW0108
            _rates("funding_move", funding_move),
            cells.choice(
                "convention",
                lambda c: asset.MoveConvention.parse(cells.text("convention", c)),
                convention,
            ),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("asset_return", doc=ASSET_RETURN, **READ)
@xw.arg("rate_funding", doc="Optional: rate paid on the borrowed currency (default 0)", **READ)
@xw.arg("years", doc="Optional: the period as a year fraction (default 0)", **READ)
@cells.udf
def ASSET_BREAKEVEN_FX(asset_return: Any, rate_funding: Any = None, years: Any = None) -> Any:
    """The foreign currency's move that wipes out the asset return: (1+rf*t)/(1+a)-1. A +10% asset
    return is lost if the USD falls 9.09% against the yen.
    """
    return cells.to_excel(
        cells.evaluate(
            asset.breakeven_fx_move,
            _rates("asset_return", asset_return),
            cells.optional_numbers("rate_funding", rate_funding, text=rate_from_text),
            _optional("years", years),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("asset_return", doc=ASSET_RETURN, **READ)
@xw.arg("fx_move", doc=FX_MOVE, **READ)
@xw.arg("local_return", doc="Return of the home-market asset, e.g. 0.6079 for the Nikkei", **READ)
@cells.udf
def ASSET_EXCESS_RETURN(asset_return: Any, fx_move: Any, local_return: Any) -> Any:
    """Foreign asset in the funding currency minus a local asset: (1+a)(1+g)-(1+l). Nasdaq +49%, USD
    +5.75% vs yen, Nikkei +60.79%: -3.2%.
    """
    return cells.to_excel(
        cells.evaluate(
            asset.asset_excess_over_local,
            _rates("asset_return", asset_return),
            _rates("fx_move", fx_move),
            _rates("local_return", local_return),
        )
    )


# -- forwards -------------------------------------------------------------------------------


@xw.func(category=CATEGORY)
@xw.arg("spot", doc=SPOT, **READ)
@xw.arg("rate_base", doc=RATE_BASE, **READ)
@xw.arg("rate_quote", doc=RATE_QUOTE, **READ)
@xw.arg("years", doc=YEARS_BASE, **READ)
@xw.arg("years_quote", doc=YEARS_QUOTE, **READ)
@cells.udf
def FX_FORWARD(
    spot: Any, rate_base: Any, rate_quote: Any, years: Any, years_quote: Any = None
) -> Any:
    """Outright forward by covered interest parity: S*(1+r_quote*t)/(1+r_base*t). AUD/JPY 100, AUD
    4.5%, JPY 0.1%, 0.5y: 97.8484.
    """
    return cells.to_excel(
        cells.evaluate(
            forwards.forward_outright,
            _numbers("spot", spot),
            _rates("rate_base", rate_base),
            _rates("rate_quote", rate_quote),
            _numbers("years", years),
            _optional("years_quote", years_quote),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("spot", doc=SPOT, **READ)
@xw.arg("rate_base", doc=RATE_BASE, **READ)
@xw.arg("rate_quote", doc=RATE_QUOTE, **READ)
@xw.arg("years", doc=YEARS_BASE, **READ)
@xw.arg("pair", doc=PAIR_SCALE, **READ)
@xw.arg("years_quote", doc=YEARS_QUOTE, **READ)
@cells.udf
def FX_POINTS(
    spot: Any,
    rate_base: Any,
    rate_quote: Any,
    years: Any,
    pair: Any = None,
    years_quote: Any = None,
) -> Any:
    """Forward points (F - S) * scale; scale 100 for JPY-quoted pairs, else 10,000. AUD/JPY 100,
    4.5% vs 0.1%, 0.5y: -215.16.
    """
    return cells.to_excel(
        cells.evaluate(
            forwards.forward_points,
            _numbers("spot", spot),
            _rates("rate_base", rate_base),
            _rates("rate_quote", rate_quote),
            _numbers("years", years),
            cells.points_scale_of("pair", pair),
            _optional("years_quote", years_quote),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("spot", doc=SPOT, **READ)
@xw.arg("points", doc="Forward points, e.g. -215.16", **READ)
@xw.arg("pair", doc=PAIR_SCALE, **READ)
@cells.udf
def FX_FORWARD_FROM_POINTS(spot: Any, points: Any, pair: Any = None) -> Any:
    """Outright forward from points: S + points/scale (scale 100 for JPY-quoted pairs, else 10,000).
    AUD/JPY 100 and -215.16 points: 97.8484.
    """
    return cells.to_excel(
        cells.evaluate(
            forwards.forward_from_points,
            _numbers("spot", spot),
            _numbers("points", points),
            cells.points_scale_of("pair", pair),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("spot", doc=SPOT, **READ)
@xw.arg("forward", doc="Outright forward for the period, e.g. 97.8484", **READ)
@xw.arg("rate_base", doc=RATE_BASE + " (the exact method needs it)", **READ)
@xw.arg("years", doc=YEARS_BASE, **READ)
@xw.arg("years_quote", doc=YEARS_QUOTE, **READ)
@xw.arg("method", doc=METHOD, **READ)
@cells.udf
def FX_IMPLIED_DIFF(
    spot: Any,
    forward: Any,
    rate_base: Any,
    years: Any,
    years_quote: Any = None,
    method: Any = None,
) -> Any:
    """Rate differential r_quote - r_base implied by a forward: exact, or "simple" (F/S-1)/t.
    AUD/JPY 100, fwd 97.8484, AUD 4.5%, 0.5y: -4.4%.
    """

    def kernel(method: str, **given: Any) -> Any:
        if method == "simple":
            return forwards.implied_rate_differential_simple(
                given["spot"], given["forward"], given["years"]
            )
        return forwards.implied_rate_differential(**given)

    return cells.to_excel(
        cells.evaluate(
            kernel,
            _numbers("spot", spot),
            _numbers("forward", forward),
            _rates("rate_base", rate_base),
            _numbers("years", years),
            _optional("years_quote", years_quote),
            cells.method(method),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("spot", doc=SPOT, **READ)
@xw.arg("forward", doc="Outright forward for the period, e.g. 97.8484", **READ)
@xw.arg("rate_base", doc=RATE_BASE, **READ)
@xw.arg("years", doc=YEARS_BASE, **READ)
@xw.arg("years_quote", doc=YEARS_QUOTE, **READ)
@cells.udf
def FX_IMPLIED_RATE(
    spot: Any, forward: Any, rate_base: Any, years: Any, years_quote: Any = None
) -> Any:
    """The quote currency's simple rate implied by a forward: ((F/S)(1+r_base*t)-1)/t. AUD/JPY 100,
    fwd 97.8484, AUD 4.5%, 0.5y: JPY 0.1%.
    """
    return cells.to_excel(
        cells.evaluate(
            forwards.implied_quote_rate,
            _numbers("spot", spot),
            _numbers("forward", forward),
            _rates("rate_base", rate_base),
            _numbers("years", years),
            _optional("years_quote", years_quote),
        )
    )


# -- dates ------------------------------------------------------------------------------------


@xw.func(category=CATEGORY)
@xw.arg("start_date", doc="Start date (an Excel date)", **READ)
@xw.arg("end_date", doc="End date, on or after the start", **READ)
@xw.arg("day_count", doc=DAY_COUNT_HELP, **READ)
@cells.udf
def YEAR_FRACTION(start_date: Any, end_date: Any, day_count: Any = None) -> Any:
    """Year fraction between two dates under a day count (a currency uses its money-market basis:
    USD ACT/360). 2024-01-15 to 2024-07-15: 0.50556 ACT/360, 0.49863 ACT/365F.
    """
    return cells.to_excel(
        cells.evaluate(
            lambda start_date, end_date, day_count: dates.year_fraction(  # noqa: PLW0108
                start_date,
                end_date,
                day_count,  # the core calls them start and end
            ),
            cells.dates("start_date", start_date),
            cells.dates("end_date", end_date),
            cells.day_count("day_count", day_count),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("tenor", doc="A tenor: ON, 90D, 2W, 6M, 1Y, 1Y6M", **READ)
@xw.arg("day_count", doc=DAY_COUNT_HELP + "; sets 360 or 365 for days", **READ)
@cells.udf
def TENOR_YEARS(tenor: Any, day_count: Any = None) -> Any:
    """Nominal year fraction of a tenor: years + months/12 + days/basis (basis 360 or 365 by day
    count). 6M: 0.5; 90D: 0.25 on ACT/360, 0.24658 on ACT/365F.
    """
    return cells.to_excel(
        cells.evaluate(
            dates.tenor_year_fraction,
            cells.choice("tenor", lambda c: Tenor.parse(cells.text("tenor", c)), tenor),
            cells.day_count("day_count", day_count),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("start_date", doc="Start date (an Excel date)", **READ)
@xw.arg("tenor", doc="A tenor: ON, 90D, 2W, 6M, 1Y, 1Y6M", **READ)
@cells.udf
def TENOR_END(start_date: Any, tenor: Any) -> Any:
    """End date of a period: start + tenor, month ends clamped (31 Jan + 1M = 28/29 Feb). An Excel
    date number: format the cell as a date.
    """
    return cells.to_excel(
        cells.evaluate(
            lambda start_date, tenor: dates.to_excel_serial(dates.add_tenor(start_date, tenor)),
            cells.dates("start_date", start_date),
            cells.choice("tenor", lambda c: Tenor.parse(cells.text("tenor", c)), tenor),
        )
    )


@xw.func(category=CATEGORY)
@xw.arg("currency_code", doc="A currency code, e.g. USD or JPY", **READ)
@cells.udf
def DAY_COUNT(currency_code: Any) -> Any:
    """Money-market day count carryxl uses for a currency: ACT/360 (USD, EUR, CHF...) or ACT/365F
    (GBP, AUD, JPY...).
    """

    def parse(cell: Any) -> str:
        code = Currency.parse(cells.text("currency_code", cell), "currency_code")
        return str(default_day_count(code))

    return cells.to_excel(cells.shown(cells.choice("currency_code", parse, currency_code)))


# -- scenarios ---------------------------------------------------------------------------------


@xw.func(category=CATEGORY)
@xw.arg("notional", doc=NOTIONAL, **READ)
@xw.arg("spot_start", doc=SPOT_START, **READ)
@xw.arg("rate_target", doc=RATE_TARGET, **READ)
@xw.arg("rate_funding", doc=RATE_FUNDING, **READ)
@xw.arg(
    "fx_moves",
    doc="Moves of the quoted spot to try, e.g. -0.05, 0, 0.05 (a row or a column)",
    **READ,
)
@xw.arg("holding_years", doc="Holding periods to try, as year fractions, e.g. 0.25, 0.5, 1", **READ)
@xw.arg("orientation", doc=ORIENTATION, **READ)
@xw.arg("funding", doc=FUNDING, **READ)
@cells.udf
def CARRY_SCENARIOS(
    notional: Any,
    spot_start: Any,
    rate_target: Any,
    rate_funding: Any,
    fx_moves: Any,
    holding_years: Any,
    orientation: Any = None,
    funding: Any = None,
) -> Any:
    """Grid of exact total P&L (funding currency): FX moves of the quoted spot down the side,
    holding periods across the top, with headers. One trade: single cells for the rest.
    """
    moves = _rates("fx_moves", fx_moves)
    periods = _numbers("holding_years", holding_years)
    column = cells.Input("fx_moves", moves.values.reshape(-1, 1), _reshaped(moves, (-1, 1)))
    row = cells.Input("holding_years", periods.values.reshape(1, -1), _reshaped(periods, (1, -1)))

    def kernel(fx_moves: Any, holding_years: Any, spot_start: Any, **given: Any) -> Any:
        move = validate.fraction_change("fx_moves", fx_moves)
        return carry.carry_pnl(
            spot_start=spot_start,
            spot_end=spot_start * (1.0 + move),
            years=holding_years,
            **given,
        )

    grid = cells.evaluate(
        kernel,
        cells.single(_numbers("notional", notional)),
        cells.single(_numbers("spot_start", spot_start)),
        cells.single(_rates("rate_target", rate_target)),
        cells.single(_rates("rate_funding", rate_funding)),
        cells.single(cells.orientation(orientation, funding)),
        column,
        row,
    )
    labelled = cells.with_header(
        ["FX move \\ years", *row.values.reshape(-1).tolist()], _with_side(column, grid)
    )
    return cells.to_excel(labelled)


def _reshaped(item: cells.Input, shape: tuple[int, int]) -> Any:
    return None if item.problems is None else item.problems.reshape(shape)


def _with_side(column: cells.Input, grid: Any) -> Any:
    side = np.empty((grid.shape[0], grid.shape[1] + 1), dtype=object)
    side[:, 0] = column.values.reshape(-1)
    if column.problems is not None:
        bad = column.problems.reshape(-1) != None  # noqa: E711 - elementwise on objects
        side[bad, 0] = column.problems.reshape(-1)[bad]
    side[:, 1:] = grid
    return side
