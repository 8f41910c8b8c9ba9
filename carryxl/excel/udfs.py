"""carryxl's Excel functions (xlwings UDFs): every argument takes a cell or a whole range.

In Excel: xlwings add-in > UDF Modules = ``carryxl.excel.udfs`` > Import Functions.
Each function reads its cells (:mod:`carryxl.excel.cells`), calls the core once for
all rows, and spills the answer. Rates are decimals (0.045 or "4.5%"); P&L is in the
funding currency; bad input gives a one-line message in the cell, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import xlwings as xw

from carryxl.core import (
    asset,
    carry,
    costs,
    dates,
    forwards,
    margin,
    risk,
    sides,
    swaps,
    tax,
    validate,
)
from carryxl.core.conventions import Currency, DayCount, Pair, default_day_count, rate_from_text
from carryxl.core.dates import Tenor
from carryxl.core.errors import CarryxlError
from carryxl.excel import cells
from carryxl.excel.cells import CATEGORY, READ, WRITE
from carryxl.history import indicators, series
from carryxl.history.ecb import ecb_history

__all__ = [
    "ANNUALISED_RETURN",
    "ASSET_BREAKEVEN_FX",
    "ASSET_CARRY_RETURN",
    "ASSET_EXCESS_RETURN",
    "ASSET_FX_MOVE",
    "CARRY_AFTER_TAX",
    "CARRY_BREAKEVEN",
    "CARRY_BREAKEVEN_AFTER_COSTS",
    "CARRY_BREAKEVEN_MOVE",
    "CARRY_COSTS",
    "CARRY_DAYS_TO_OFFSET",
    "CARRY_INCOME",
    "CARRY_LOSS_PROBABILITY",
    "CARRY_MARGIN",
    "CARRY_MARGIN_CALL",
    "CARRY_PNL",
    "CARRY_POSITION_SIZE",
    "CARRY_RETURN",
    "CARRY_SCENARIOS",
    "CARRY_STOP_LOSS",
    "CARRY_TO_VOL",
    "CARRY_VAR",
    "DAY_COUNT",
    "FX_CORREL",
    "FX_EMA",
    "FX_FORWARD",
    "FX_FORWARD_FROM_POINTS",
    "FX_HISTORY",
    "FX_IMPLIED_DIFF",
    "FX_IMPLIED_RATE",
    "FX_MACD",
    "FX_PNL",
    "FX_POINTS",
    "FX_RETURN",
    "FX_RSI",
    "FX_SMA",
    "FX_SPOT",
    "FX_VOL",
    "PIP_VALUE",
    "SWAP_IMPLIED_RATE",
    "SWAP_NIGHTS",
    "SWAP_VALUE",
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
@xw.arg("start_date", doc="Start date (an Excel date)", **READ)
@xw.arg("tenor", doc="A tenor: ON, 90D, 2W, 6M, 1Y, 1Y6M", **READ)
@cells.udf
def TENOR_END(start_date: Any, tenor: Any) -> Any:
    """End date of a period: start + tenor, rolled by modified following with the end-of-month
    rule (30 Jun 2023 + 3M = Fri 29 Sep 2023). An Excel date number: format it as a date.
    """
    return cells.to_excel(
        cells.evaluate(
            lambda start_date, tenor: dates.to_excel_serial(dates.add_tenor(start_date, tenor)),
            cells.dates("start_date", start_date),
            cells.choice("tenor", lambda c: Tenor.parse(cells.text("tenor", c)), tenor),
        )
    )


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
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
@xw.ret(**WRITE)
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


# -- swaps, margin, risk, tax ------------------------------------------------------------------

UNITS = "Position size in units of the pair's base currency, e.g. 100000"
SPOT_ENTRY = "Spot when the position was opened, as the pair is quoted"
SIDE = 'Optional: "long" (default, bought the base currency) or "short"'
ACCOUNT = 'Optional: the account currency is the pair\'s "quote" (default) or its "base"'
PAIR_PIP = "The pair (pip 0.01 if JPY-quoted, else 0.0001) or the pip size itself"
TO_ACCOUNT = "Optional: account currency per unit of the quote currency (default 1)"
VOLATILITY = "Annual volatility of the spot, e.g. 0.12 or 12%"


def _pair(cell: Any) -> Pair:
    return Pair.parse(cells.text("pair", cell), "pair")


def _optional_pair(cell: Any) -> Pair | None:
    return None if cell is None else _pair(cell)


def _pip_size(cell: Any) -> float:
    if isinstance(cell, int | float) and not isinstance(cell, bool) and cell > 0:
        return float(cell)
    return _pair(cell).pip_size()


def _side(cell: Any) -> float:
    if cell is None:
        return 1.0
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return float(sides.side_sign(cell if isinstance(cell, str) else str(cell)))


def _account(cell: Any) -> str:
    if cell is None:
        return "quote"
    word = cells.text("account", cell).strip().lower()
    if word not in ("quote", "base"):
        raise CarryxlError("account", cell, "must be quote or base (the pair's currency)")
    return word


def _weekday(cell: Any) -> int | None:
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        return swaps.weekday_from_text(int(cell))
    return swaps.weekday_from_text(cells.text("triple_day", cell))


def _leverage(text: Any, argument: str) -> float:
    """ "1:25", "25:1", "25x" or "25" as 25."""
    parts = [p for p in re.split(r"[:x×\s]+", str(text).strip().lower()) if p]
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) == 2 and 1.0 in numbers:
        return max(numbers)
    if len(numbers) == 1:
        return numbers[0]
    raise CarryxlError(argument, text, "must be a leverage such as 25 or 1:25")


def _basis(text: Any, argument: str) -> float:
    return float(DayCount.parse(str(text), argument).days_in_year)


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("open_date", doc="Trade date the position is opened", **READ)
@xw.arg("close_date", doc="Trade date the position is closed", **READ)
@xw.arg("pair", doc="The pair, e.g. USD/JPY: its spot lag (T+2; T+1 for USD/CAD, USD/TRY)", **READ)
@xw.arg("triple_day", doc="Optional: the broker's fixed triple-swap weekday, e.g. Wed", **READ)
@xw.arg("holidays", doc="Optional: a range of holiday dates (either currency)", **READ)
@cells.udf
def SWAP_NIGHTS(
    open_date: Any, close_date: Any, pair: Any, triple_day: Any = None, holidays: Any = None
) -> Any:
    """Nights of overnight swap from opening to closing: value date at close minus value date
    at open (the weekend counts on Wednesday for T+2 pairs). USD/JPY Mon 2025-01-06 to Mon
    2025-01-13: 7 nights.
    """

    def kernel(holidays: tuple[Any, ...], **given: Any) -> Any:
        return swaps.nights_between(holidays=list(holidays) or None, **given)

    return cells.to_excel(
        cells.evaluate(
            kernel,
            cells.dates("open_date", open_date),
            cells.dates("close_date", close_date),
            cells.choice("pair", _pair, pair),
            cells.choice("triple_day", _weekday, triple_day),
            cells.date_set("holidays", holidays),
        )
    )


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("quote", doc="The broker's swap quote for one night (+ = credit), e.g. -1.5", **READ)
@xw.arg("form", doc='How it is quoted: "points", "money per lot" or "percent a year"', **READ)
@xw.arg("lots", doc="Position size in lots", **READ)
@xw.arg("nights", doc="Optional: nights held (default 1); see SWAP_NIGHTS", **READ)
@xw.arg("pair", doc="Optional: the pair (needed for points: its pip size)", **READ)
@xw.arg("spot", doc="Optional: the spot (needed for percent a year)", **READ)
@xw.arg("lot_size", doc="Optional: base units per lot (default 100000)", **READ)
@xw.arg("basis", doc="Optional: days a year for percent quotes, 360 (default) or 365", **READ)
@xw.arg("to_account", doc=TO_ACCOUNT, **READ)
@cells.udf
def SWAP_VALUE(
    quote: Any,
    form: Any,
    lots: Any,
    nights: Any = None,
    pair: Any = None,
    spot: Any = None,
    lot_size: Any = None,
    basis: Any = None,
    to_account: Any = None,
) -> Any:
    """Swap money over the nights held, from a broker's quote (+ = credit): points * pip *
    lots * lot size; money per lot * lots; or percent * lots * lot size * spot / basis.
    USD/JPY +1.5 points, 2 lots, 1 night: 3,000 JPY.
    """

    def kernel(nights: Any = 1.0, **given: Any) -> Any:
        return swaps.swap_per_night(**given) * validate.non_negative("nights", nights)

    return cells.to_excel(
        cells.evaluate(
            kernel,
            _rates("quote", quote),  # "-2%" for a quote in percent a year
            cells.choice("form", lambda c: swaps.SwapForm.parse(cells.text("form", c)), form),
            _numbers("lots", lots),
            _optional("nights", nights),
            cells.choice("pair", _optional_pair, pair),
            _optional("spot", spot),
            _optional("lot_size", lot_size),
            cells.optional_numbers("basis", basis, text=_basis),
            _optional("to_account", to_account),
        )
    )


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("money", doc="Swap received (+) or paid (-) over the nights, in the quote currency", **READ)
@xw.arg("units", doc=UNITS, **READ)
@xw.arg("spot", doc="Spot of the pair", **READ)
@xw.arg("nights", doc="Optional: nights the money is for (default 1)", **READ)
@xw.arg("basis", doc="Optional: days a year, 360 (default) or 365, or a day count", **READ)
@cells.udf
def SWAP_IMPLIED_RATE(
    money: Any, units: Any, spot: Any, nights: Any = None, basis: Any = None
) -> Any:
    """The annual rate a swap pays on the position's value: money / (units * spot) * basis /
    nights. 3,000 JPY a night on 200,000 USD/JPY at 150, basis 360: 3.6%.
    """
    return cells.to_excel(
        cells.evaluate(
            swaps.swap_implied_rate,
            _numbers("money", money),
            _numbers("units", units),
            _numbers("spot", spot),
            _optional("nights", nights),
            cells.optional_numbers("basis", basis, text=_basis),
        )
    )


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("position_value", doc="Value of the position, e.g. units * spot (quote currency)", **READ)
@xw.arg("leverage", doc="Optional: leverage, e.g. 25 or 1:25 (or give margin_rate)", **READ)
@xw.arg("margin_rate", doc="Optional: the margin rate instead, e.g. 4% (0.04)", **READ)
@cells.udf
def CARRY_MARGIN(position_value: Any, leverage: Any = None, margin_rate: Any = None) -> Any:
    """Margin the broker holds: position value / leverage (= value * margin rate), in the
    value's currency. 10,000,000 JPY of AUD/JPY at 1:25: 400,000 JPY.
    """
    return cells.to_excel(
        cells.evaluate(
            margin.margin_required,
            _numbers("position_value", position_value),
            cells.optional_numbers("leverage", leverage, text=_leverage),
            cells.optional_numbers("margin_rate", margin_rate, text=rate_from_text),
        )
    )


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("spot_entry", doc=SPOT_ENTRY, **READ)
@xw.arg("units", doc=UNITS, **READ)
@xw.arg("equity", doc="Account equity at entry, in the account currency", **READ)
@xw.arg("side", doc=SIDE, **READ)
@xw.arg("leverage", doc="Optional: leverage, e.g. 25 or 1:25 (or give margin_rate)", **READ)
@xw.arg("margin_rate", doc="Optional: the margin rate instead, e.g. 4%", **READ)
@xw.arg("level", doc="Optional: margin level of the call, 100% (default), e.g. 50%", **READ)
@xw.arg("account", doc=ACCOUNT, **READ)
@cells.udf
def CARRY_MARGIN_CALL(
    spot_entry: Any,
    units: Any,
    equity: Any,
    side: Any = None,
    leverage: Any = None,
    margin_rate: Any = None,
    level: Any = None,
    account: Any = None,
) -> Any:
    """Spot at which equity / margin falls to the call level ("never" if it cannot). Long
    100,000 AUD/JPY at 100, equity 1,000,000 JPY, 1:25, call at 100%: 93.75.
    """
    grid = cells.evaluate(
        margin.margin_call_spot,
        _numbers("spot_entry", spot_entry),
        _numbers("units", units),
        _numbers("equity", equity),
        cells.choice("side", _side, side),
        cells.optional_numbers("leverage", leverage, text=_leverage),
        cells.optional_numbers("margin_rate", margin_rate, text=rate_from_text),
        cells.optional_numbers("level", level, text=rate_from_text),
        cells.choice("account", _account, account),
    )
    return cells.to_excel(cells.label_missing(grid, "never"))


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("spot_entry", doc=SPOT_ENTRY, **READ)
@xw.arg("units", doc=UNITS, **READ)
@xw.arg("max_loss", doc="Loss to stop at, in the account currency, e.g. 300000", **READ)
@xw.arg("side", doc=SIDE, **READ)
@xw.arg("account", doc=ACCOUNT, **READ)
@cells.udf
def CARRY_STOP_LOSS(
    spot_entry: Any, units: Any, max_loss: Any, side: Any = None, account: Any = None
) -> Any:
    """Stop-loss spot: where the position has lost max_loss ("never" if it cannot). Long
    100,000 AUD/JPY at 100, max loss 300,000 JPY: 97.
    """
    grid = cells.evaluate(
        risk.stop_loss_spot,
        _numbers("spot_entry", spot_entry),
        _numbers("units", units),
        _numbers("max_loss", max_loss),
        cells.choice("side", _side, side),
        cells.choice("account", _account, account),
    )
    return cells.to_excel(cells.label_missing(grid, "never"))


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("risk_budget", doc="Money you accept to lose at the stop, in the account currency", **READ)
@xw.arg("stop_pips", doc="Distance to the stop in pips, e.g. 50", **READ)
@xw.arg("pair", doc=PAIR_PIP, **READ)
@xw.arg("to_account", doc=TO_ACCOUNT, **READ)
@cells.udf
def CARRY_POSITION_SIZE(risk_budget: Any, stop_pips: Any, pair: Any, to_account: Any = None) -> Any:
    """Base units that lose the risk budget at the stop: budget / (stop pips * pip value per
    unit). 10,000 JPY with a 50-pip stop on AUD/JPY: 20,000 AUD.
    """
    return cells.to_excel(
        cells.evaluate(
            lambda pair, **given: risk.position_size(pip_size=pair, **given),
            _numbers("risk_budget", risk_budget),
            _numbers("stop_pips", stop_pips),
            cells.choice("pair", _pip_size, pair),
            _optional("to_account", to_account),
        )
    )


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("units", doc=UNITS, **READ)
@xw.arg("pair", doc=PAIR_PIP, **READ)
@xw.arg("to_account", doc=TO_ACCOUNT, **READ)
@cells.udf
def PIP_VALUE(units: Any, pair: Any, to_account: Any = None) -> Any:
    """Money per pip of a position: units * pip size * to_account. 100,000 USD/JPY: 1,000 JPY a
    pip; in a USD account at 150 (to_account 1/150): 6.67 USD.
    """
    return cells.to_excel(
        cells.evaluate(
            lambda pair, **given: risk.pip_value(pip_size=pair, **given),
            _numbers("units", units),
            cells.choice("pair", _pip_size, pair),
            _optional("to_account", to_account),
        )
    )


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("rate_target", doc=RATE_TARGET, **READ)
@xw.arg("rate_funding", doc=RATE_FUNDING, **READ)
@xw.arg("volatility", doc=VOLATILITY, **READ)
@xw.arg("years", doc="Optional: the horizon in years (default 1)", **READ)
@cells.udf
def CARRY_TO_VOL(rate_target: Any, rate_funding: Any, volatility: Any, years: Any = None) -> Any:
    """Carry per unit of FX risk over the horizon: (rt - rf) * t / (vol * sqrt(t)). AUD 4.5%
    vs JPY 0.1% at 12% vol: 0.367 a year.
    """
    return cells.to_excel(
        cells.evaluate(
            risk.carry_to_vol,
            _rates("rate_target", rate_target),
            _rates("rate_funding", rate_funding),
            _rates("volatility", volatility),
            _optional("years", years),
        )
    )


def _offset(cell: Any) -> tax.LossOffset:
    if cell is None:
        return tax.LossOffset.WITHIN_POSITION
    return tax.LossOffset.parse(cells.text("offset", cell))


def _measure(cell: Any) -> str:
    if cell is None:
        return "var"
    word = cells.text("measure", cell).strip().lower()
    if word not in ("var", "es"):
        raise CarryxlError("measure", cell, "must be VaR or ES (expected shortfall)")
    return word


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("position_value", doc="Value of the position in the account currency", **READ)
@xw.arg("volatility", doc=VOLATILITY, **READ)
@xw.arg("years", doc="The horizon in years, e.g. 10/252 for 10 trading days", **READ)
@xw.arg("confidence", doc="Optional: confidence level, 0.99 (default)", **READ)
@xw.arg("expected_return", doc="Optional: expected return a year (default 0)", **READ)
@xw.arg("measure", doc='Optional: "VaR" (default) or "ES" (expected shortfall)', **READ)
@cells.udf
def CARRY_VAR(
    position_value: Any,
    volatility: Any,
    years: Any,
    confidence: Any = None,
    expected_return: Any = None,
    measure: Any = None,
) -> Any:
    """Parametric (normal) value at risk, V*(z*vol*sqrt(t) - mu*t), or expected shortfall.
    10,000,000 JPY at 12% vol over 10/252 years, 99%: VaR 556,103.51 JPY, ES 637,108.
    """

    def kernel(measure: str, **given: Any) -> Any:
        if measure == "es":
            return risk.expected_shortfall(**given)
        return risk.value_at_risk(**given)

    return cells.to_excel(
        cells.evaluate(
            kernel,
            _numbers("position_value", position_value),
            _rates("volatility", volatility),
            _numbers("years", years),
            cells.optional_numbers("confidence", confidence, text=rate_from_text),
            cells.optional_numbers("expected_return", expected_return, text=rate_from_text),
            cells.choice("measure", _measure, measure),
        )
    )


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("rate_target", doc=RATE_TARGET, **READ)
@xw.arg("rate_funding", doc=RATE_FUNDING, **READ)
@xw.arg("volatility", doc=VOLATILITY, **READ)
@xw.arg("years", doc=YEARS, **READ)
@xw.arg("drift", doc="Optional: the spot's expected move a year (default 0: unchanged)", **READ)
@xw.arg("years_funding", doc=YEARS_FUNDING, **READ)
@xw.arg("costs", doc="Optional: costs as a fraction of the notional (default 0)", **READ)
@cells.udf
def CARRY_LOSS_PROBABILITY(
    rate_target: Any,
    rate_funding: Any,
    volatility: Any,
    years: Any,
    drift: Any = None,
    years_funding: Any = None,
    costs: Any = None,
) -> Any:
    """Probability the carry trade has lost money at the horizon (lognormal spot, the carry
    as the cushion). AUD 4.5% vs JPY 0.1%, 0.5y, 12% vol: 41.5%.
    """
    return cells.to_excel(
        cells.evaluate(
            risk.probability_of_loss,
            _rates("rate_target", rate_target),
            _rates("rate_funding", rate_funding),
            _rates("volatility", volatility),
            _numbers("years", years),
            cells.optional_numbers("drift", drift, text=rate_from_text),
            _optional("years_funding", years_funding),
            cells.optional_numbers("costs", costs, text=rate_from_text),
        )
    )


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("interest", doc="Interest income (carry + cross term), e.g. 226750", **READ)
@xw.arg("fx", doc="FX gain or loss less trading costs, e.g. 300000", **READ)
@xw.arg("rate_interest", doc="Tax rate on interest income, e.g. 20%", **READ)
@xw.arg("rate_fx", doc="Tax rate on FX gains, e.g. 10%", **READ)
@xw.arg("offset", doc='Optional: "within position" (default) or "separate" baskets', **READ)
@xw.arg("breakdown", doc="Optional: TRUE spills tax on interest, tax on FX, tax, after tax", **READ)
@xw.arg("headers", doc="Optional: TRUE puts a header row above the breakdown", **READ)
@cells.udf
def CARRY_AFTER_TAX(
    interest: Any,
    fx: Any,
    rate_interest: Any,
    rate_fx: Any,
    offset: Any = None,
    breakdown: Any = None,
    headers: Any = None,
) -> Any:
    """P&L after tax, with separate rates for interest income and FX gains. Seed 1 exact
    (interest 226,750, FX 300,000) at 20% and 10%: tax 75,350, after tax 451,400 JPY.
    """
    inputs = (
        _numbers("interest", interest),
        _numbers("fx", fx),
        _rates("rate_interest", rate_interest),
        _rates("rate_fx", rate_fx),
        cells.choice(
            "offset",
            _offset,
            offset,
        ),
    )
    if not cells.setting_value(cells.flag("breakdown", breakdown)):
        return cells.to_excel(
            cells.evaluate(lambda **given: tax.after_tax(**given).after_tax, *inputs)
        )

    def kernel(**given: Any) -> Any:
        result = tax.after_tax(**given)
        parts = (result.tax_interest, result.tax_fx, result.tax, result.after_tax)
        return np.stack(np.broadcast_arrays(*parts), axis=-1)

    grid = cells.evaluate(kernel, *inputs, columns=4)
    if cells.setting_value(cells.flag("headers", headers)):
        grid = cells.with_header(("tax_interest", "tax_fx", "tax", "after_tax"), grid)
    return cells.to_excel(grid)


# -- costs ------------------------------------------------------------------------------------

PAIR_FUNDING = "The pair, e.g. AUD/JPY (its pip size; with funding, how the spot reads)"
FUNDING_REQUIRED = "The borrowed currency, one of the pair's (e.g. JPY)"
SPREAD_ENTRY = "Optional: bid/ask spread at entry in pips (default 0); half is paid"
SPREAD_EXIT = "Optional: spread at exit in pips (default: as at entry)"
COMMISSION_LOT = "Optional: commission per lot per side, in the funding currency"
COMMISSION_MILLION = "Optional: commission per million base units per side"
MARKUP_TARGET = "Optional: the broker's cut of the target rate, e.g. 0.5%"
MARKUP_FUNDING = "Optional: the broker's markup on the funding rate, e.g. 1%"
LOT_SIZE = "Optional: base units per lot (default 100000)"


def _pair_pip(cell: Any) -> float:
    return _pair(cell).pip_size()


def _cost_inputs(
    pair: Any,
    funding: Any,
    spread_entry_pips: Any,
    spread_exit_pips: Any,
    commission_per_lot: Any,
    commission_per_million: Any,
    markup_target: Any,
    markup_funding: Any,
    lot_size: Any,
) -> tuple[cells.Input | None, ...]:
    """The cost arguments CARRY_COSTS and CARRY_BREAKEVEN_AFTER_COSTS share."""
    if funding is None:  # a pair needs its funding currency to read the spot
        raise CarryxlError("funding", None, "must be the borrowed currency, one of the pair's")
    return (
        cells.choice("pip_size", _pair_pip, pair),
        cells.orientation(pair, funding),
        _optional("spread_entry_pips", spread_entry_pips),
        _optional("spread_exit_pips", spread_exit_pips),
        _optional("commission_per_lot", commission_per_lot),
        _optional("commission_per_million", commission_per_million),
        cells.optional_numbers("markup_target", markup_target, text=rate_from_text),
        cells.optional_numbers("markup_funding", markup_funding, text=rate_from_text),
        _optional("lot_size", lot_size),
    )


def _total_costs(**given: Any) -> Any:
    return costs.carry_trade_costs(**given).total


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("notional", doc=NOTIONAL, **READ)
@xw.arg("spot_start", doc=SPOT_START, **READ)
@xw.arg("spot_end", doc=SPOT_END, **READ)
@xw.arg("pair", doc=PAIR_FUNDING, **READ)
@xw.arg("funding", doc=FUNDING_REQUIRED, **READ)
@xw.arg("spread_entry_pips", doc=SPREAD_ENTRY, **READ)
@xw.arg("spread_exit_pips", doc=SPREAD_EXIT, **READ)
@xw.arg("commission_per_lot", doc=COMMISSION_LOT, **READ)
@xw.arg("commission_per_million", doc=COMMISSION_MILLION, **READ)
@xw.arg("markup_target", doc=MARKUP_TARGET, **READ)
@xw.arg("markup_funding", doc=MARKUP_FUNDING, **READ)
@xw.arg("years", doc="Optional: the holding period as a year fraction (for markups)", **READ)
@xw.arg("lot_size", doc=LOT_SIZE, **READ)
@xw.arg("breakdown", doc="Optional: TRUE spills spread, commission, markup, total", **READ)
@cells.udf
def CARRY_COSTS(
    notional: Any,
    spot_start: Any,
    spot_end: Any,
    pair: Any,
    funding: Any,
    spread_entry_pips: Any = None,
    spread_exit_pips: Any = None,
    commission_per_lot: Any = None,
    commission_per_million: Any = None,
    markup_target: Any = None,
    markup_funding: Any = None,
    years: Any = None,
    lot_size: Any = None,
    breakdown: Any = None,
) -> Any:
    """Trading costs of a carry trade in the funding currency: spread + commission + rate
    markup (subtract from CARRY_PNL). Seed 1 with a 2-pip spread both ways: 2,000 JPY.
    """
    inputs = (
        _numbers("notional", notional),
        _numbers("spot_start", spot_start),
        _numbers("spot_end", spot_end),
        *_cost_inputs(
            pair,
            funding,
            spread_entry_pips,
            spread_exit_pips,
            commission_per_lot,
            commission_per_million,
            markup_target,
            markup_funding,
            lot_size,
        ),
        _optional("years", years),
    )
    if not cells.setting_value(cells.flag("breakdown", breakdown)):
        return cells.to_excel(cells.evaluate(_total_costs, *inputs))

    def parts(**given: Any) -> Any:
        c = costs.carry_trade_costs(**given)
        return np.stack(np.broadcast_arrays(c.spread, c.commission, c.markup, c.total), axis=-1)

    return cells.to_excel(cells.evaluate(parts, *inputs, columns=4))


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("notional", doc=NOTIONAL, **READ)
@xw.arg("spot_start", doc=SPOT_START, **READ)
@xw.arg("rate_target", doc=RATE_TARGET, **READ)
@xw.arg("rate_funding", doc=RATE_FUNDING, **READ)
@xw.arg("years", doc=YEARS, **READ)
@xw.arg("pair", doc=PAIR_FUNDING, **READ)
@xw.arg("funding", doc=FUNDING_REQUIRED, **READ)
@xw.arg("spread_entry_pips", doc=SPREAD_ENTRY, **READ)
@xw.arg("spread_exit_pips", doc=SPREAD_EXIT, **READ)
@xw.arg("commission_per_lot", doc=COMMISSION_LOT, **READ)
@xw.arg("commission_per_million", doc=COMMISSION_MILLION, **READ)
@xw.arg("markup_target", doc=MARKUP_TARGET, **READ)
@xw.arg("markup_funding", doc=MARKUP_FUNDING, **READ)
@xw.arg("lot_size", doc=LOT_SIZE, **READ)
@xw.arg("years_funding", doc=YEARS_FUNDING, **READ)
@cells.udf
def CARRY_BREAKEVEN_AFTER_COSTS(
    notional: Any,
    spot_start: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    pair: Any,
    funding: Any,
    spread_entry_pips: Any = None,
    spread_exit_pips: Any = None,
    commission_per_lot: Any = None,
    commission_per_million: Any = None,
    markup_target: Any = None,
    markup_funding: Any = None,
    lot_size: Any = None,
    years_funding: Any = None,
) -> Any:
    """End spot at which the exact P&L less trading costs is zero ("never" if none). Seed 1
    with a 2-pip spread: 97.8679 (97.8484 without costs).
    """
    grid = cells.evaluate(
        costs.breakeven_spot_after_costs,
        _numbers("notional", notional),
        _numbers("spot_start", spot_start),
        _rates("rate_target", rate_target),
        _rates("rate_funding", rate_funding),
        _numbers("years", years),
        *_cost_inputs(
            pair,
            funding,
            spread_entry_pips,
            spread_exit_pips,
            commission_per_lot,
            commission_per_million,
            markup_target,
            markup_funding,
            lot_size,
        ),
        _optional("years_funding", years_funding),
    )
    return cells.to_excel(cells.label_missing(grid, "never"))


# -- history: ECB spots, volatility, correlation, indicators ------------------------------------

PAIR_HISTORY = "A currency pair, e.g. AUD/JPY (any two ECB currencies: a cross via EUR)"
START = "First date (an Excel date or text such as 2008-07-01), within the data"
END = "Last date (an Excel date), on or after start, within the data"
VALUES = "A column of spots, oldest first (e.g. FX_HISTORY's second column)"


def _pair_in_data(name: str) -> Any:
    """Parse a pair cell and check that the ECB data can price it: its label, e.g. AUD/JPY."""

    def parse(cell: Any) -> str:
        if not isinstance(cell, str) or cell.strip().upper() in cells.EXCEL_ERRORS:
            raise CarryxlError(name, cell, "must be a currency pair such as AUD/JPY")
        return str(ecb_history().quote(cell.strip(), name).pair)

    return parse


def _one_pair(name: str, value: Any) -> str:
    item = cells.choice(name, _pair_in_data(name), value)
    cells.single(item)
    pair: str = cells.setting_value(item)
    return pair


def _one_date(name: str, value: Any) -> np.datetime64:
    """A single-cell date argument; an unreadable cell is the whole call's message."""
    item = cells.dates(name, value)
    cells.single(item)
    if item.problems is not None:
        raise cells.WholeCall(item.problems.flat[0])
    day: np.datetime64 = item.values.flat[0]
    return day


def _window(name: str, value: Any, default: float | None) -> Any:
    """A single-cell number of days, or the default (None: not given). The core checks that
    it is a whole number in range and words the rule."""
    item = cells.single(cells.optional_numbers(name, value))
    if item is None:
        return default
    if item.problems is not None:
        raise cells.WholeCall(item.problems.flat[0])
    days = float(item.values.flat[0])
    return int(days) if days.is_integer() else days


def _renamed(error: CarryxlError, names: dict[str, str]) -> CarryxlError:
    """The core's error under the argument name the Excel user sees (span -> window)."""
    return CarryxlError(names.get(error.argument, error.argument), error.value, error.rule)


DATE_NAMES = {"start": "start_date", "end": "end_date"}


def _spots(pair: Any, start_date: Any, end_date: Any) -> series.SpotSeries:
    """The pair's fixings from start_date to end_date (single cells), as the core reads them."""
    code = _one_pair("pair", pair)
    first, last = _one_date("start_date", start_date), _one_date("end_date", end_date)
    try:
        return series.spot_series(code, first, last)
    except CarryxlError as error:
        raise _renamed(error, DATE_NAMES) from None


@dataclass(frozen=True)
class _Series:
    """A range of spots read for an indicator: one series per column, oldest first."""

    values: np.ndarray[Any, np.dtype[np.float64]]
    rows: int  # rows in the range (trailing empty rows included)
    across: bool  # the range was one row: the answer is a row too


def _series(value: Any) -> _Series:
    """Read ``values``: numbers down a column (or along one row). Empty rows at the end are
    room for new data (their answers are empty); any other cell that is not a number is a
    message for the whole call naming its row."""
    item = cells.numbers("values", value)
    grid, problems = item.values, item.problems
    blank = item.blank
    across = grid.shape[0] == 1 and grid.shape[1] > 1
    if across:
        grid = grid.T
        problems = None if problems is None else problems.T
        blank = None if blank is None else blank.T
    rows = grid.shape[0]
    used = rows
    if blank is not None:
        filled = np.flatnonzero(~blank.all(axis=1))
        used = int(filled[-1]) + 1 if filled.size else 0
    if used == 0:
        raise CarryxlError("values", None, "must be a series of at least one number")
    if problems is not None and (problems[:used] != None).any():  # noqa: E711 - elementwise
        row, column = np.argwhere(problems[:used] != None)[0]  # noqa: E711
        where = f"{'column' if across else 'row'} {row + 1}"
        raise cells.WholeCall(f"{problems[row, column]} in {where} of values"[:255])
    return _Series(grid[:used], rows, across)


def _series_answer(spots: _Series, *columns: Any) -> Any:
    """Indicator columns back in the range's shape: NaN (warm-up) and trailing rows empty."""
    stacked = np.column_stack([np.asarray(c, dtype=np.float64) for c in columns])
    grid: np.ndarray[Any, np.dtype[np.object_]] = np.full(
        (spots.rows, stacked.shape[1]), "", dtype=object
    )
    grid[: stacked.shape[0]] = cells.label_missing(stacked, "")
    return cells.to_excel(grid.T if spots.across else grid)


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("pair", doc=PAIR_HISTORY, **READ)
@xw.arg(
    "on_date",
    doc="A date or a column of dates (Excel dates); a non-fixing day: last rate",
    **READ,
)
@cells.udf
def FX_SPOT(pair: Any, on_date: Any) -> Any:
    """ECB reference spot of a pair on a date (cross via EUR: AUD/JPY = JPY per EUR / AUD per
    EUR). A weekend or holiday takes the last fixing before it. AUD/JPY on 2008-10-24: 57.2515.
    """
    days = cells.dates("on_date", on_date)
    pairs = cells.choice("pair", _pair_in_data("pair"), pair)
    grid = cells.evaluate(_spot_inside_the_data, days, pairs)
    return cells.to_excel(_outside_the_data(grid, days, pairs))


def _covered(pair: str) -> tuple[np.datetime64, np.datetime64]:
    """First and last date on which the ECB data has the pair."""
    history = ecb_history()
    quote = history.quote(pair)
    return history.dates[quote.first], history.dates[quote.last]


def _spot_inside_the_data(on_date: Any, pair: str) -> Any:
    """The core's spot on each date inside the pair's data, NaN outside it.

    Dates outside are common (a whole column a year too late): marking them here, rather
    than letting the core raise and the rows be searched, keeps such a column fast.
    """
    first, last = _covered(pair)
    days = np.asarray(on_date)
    inside = (days >= first) & (days <= last)
    if inside.all():
        return series.spot_on(pair, days)
    spots = np.full(days.shape, np.nan)
    spots[inside] = series.spot_on(pair, days[inside])
    return spots


def _outside_the_data(grid: Any, days: cells.Input, pairs: cells.Input) -> Any:
    """``grid`` with each NaN (a date outside the pair's data) as the core's message."""
    missing = np.array([isinstance(v, float) and np.isnan(v) for v in grid.flat], dtype=bool)
    if not missing.any():
        return grid
    marked = grid.astype(object)
    on = np.broadcast_to(days.values, grid.shape).reshape(-1)
    code = np.broadcast_to(pairs.values, grid.shape).reshape(-1)
    rules: dict[str, str] = {}
    for index in np.flatnonzero(missing).tolist():
        day, pair = on[index], code[index]
        if pair not in rules:  # the core's own words, once per pair
            rules[pair] = _outside_rule(pair, day)
        marked.flat[index] = cells.message(CarryxlError("on_date", str(day), rules[pair]))
    return marked


def _outside_rule(pair: str, day: np.datetime64) -> str:
    """What the core says of a date outside the pair's data (naming the range covered)."""
    try:
        series.spot_on(pair, day)
    except CarryxlError as error:
        return error.rule
    return "is outside the data"  # not reached: the day is outside the data


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("pair", doc=PAIR_HISTORY, **READ)
@xw.arg("start_date", doc=START, **READ)
@xw.arg("end_date", doc=END, **READ)
@xw.arg(
    "headers", doc="Optional: FALSE leaves out the header row (date, pair); default TRUE", **READ
)
@cells.udf
def FX_HISTORY(pair: Any, start_date: Any, end_date: Any, headers: Any = None) -> Any:
    """Table of a pair's ECB fixings from start to end: dates (Excel date numbers: format the
    column as dates) and spots, one row per fixing, under a header row. Spills down the sheet.
    """
    table = _spots(pair, start_date, end_date)
    grid = np.column_stack([dates.to_excel_serial(table.dates), table.values]).astype(object)
    if cells.setting_value(cells.flag("headers", headers, default=True)):
        grid = cells.with_header(("date", str(table.pair)), grid)
    return cells.to_excel(grid)


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("pair", doc=PAIR_HISTORY, **READ)
@xw.arg("start_date", doc=START, **READ)
@xw.arg("end_date", doc=END, **READ)
@xw.arg(
    "window",
    doc="Optional: a rolling window in fixings (>= 2): one value per fixing, as FX_HISTORY",
    **READ,
)
@cells.udf
def FX_VOL(pair: Any, start_date: Any, end_date: Any, window: Any = None) -> Any:
    """Annualised realised volatility of a pair's ECB fixings: sample stdev of daily log
    returns * sqrt(252). With a window: a rolling column, one row per fixing, empty until
    window returns exist.
    """
    table = _spots(pair, start_date, end_date)
    size = _window("window", window, None)
    if size is None and table.values.size < 3:
        raise CarryxlError(
            "end_date",
            cells.Described(f"{table.values.size} fixings from start_date to end_date"),
            "must leave at least 3 fixings after start_date",
        )
    volatility = series.realised_volatility(table.values, size)
    if size is None:
        return float(volatility)
    return cells.to_excel(cells.label_missing(volatility.reshape(-1, 1), ""))


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("pair1", doc="A pair or a column of pairs, e.g. AUD/JPY", **READ)
@xw.arg(
    "pair2", doc="A pair or a row of pairs, e.g. NZD/JPY (a column with a row: a matrix)", **READ
)
@xw.arg("start_date", doc=START, **READ)
@xw.arg("end_date", doc=END, **READ)
@cells.udf
def FX_CORREL(pair1: Any, pair2: Any, start_date: Any, end_date: Any) -> Any:
    """Correlation of two pairs' daily log returns on the ECB dates both have, start to end.
    A column of pairs and a row of pairs give the correlation matrix. EUR/USD vs USD/EUR: -1.
    """
    first, last = _one_date("start_date", start_date), _one_date("end_date", end_date)

    def kernel(pair1: str, pair2: str) -> float:
        try:
            matrix = series.correlation_matrix([pair1, pair2], first, last)[1]
        except CarryxlError as error:
            raise _renamed(error, DATE_NAMES) from None
        return float(matrix[0, 1])

    grid = cells.evaluate(
        kernel,
        cells.choice("pair1", _pair_in_data("pair1"), pair1),
        cells.choice("pair2", _pair_in_data("pair2"), pair2),
    )
    return cells.to_excel(grid)


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("values", doc=VALUES, **READ)
@xw.arg("window", doc="Number of values averaged, e.g. 50", **READ)
@cells.udf
def FX_SMA(values: Any, window: Any) -> Any:
    """Simple moving average: the mean of the last window values, one per row; the first
    window-1 rows are empty (warm-up). SMA(2) of 1, 2, 3, 4: empty, 1.5, 2.5, 3.5.
    """
    spots = _series(values)
    return _series_answer(spots, indicators.sma(spots.values, _required_window(window)))


def _required_window(value: Any) -> Any:
    size = _window("window", value, None)
    if size is None:
        raise CarryxlError("window", None, "must be a whole number of days >= 1")
    return size


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("values", doc=VALUES, **READ)
@xw.arg("window", doc="The span n: alpha = 2/(n+1), e.g. 20", **READ)
@cells.udf
def FX_EMA(values: Any, window: Any) -> Any:
    """Exponential moving average, alpha = 2/(window+1), seeded with the first value (pandas
    ewm(span, adjust=False)); no warm-up rows. EMA(3) of 1, 2, 3: 1, 1.5, 2.25.
    """
    spots = _series(values)
    try:
        average = indicators.ema(spots.values, _required_window(window))
    except CarryxlError as error:
        raise _renamed(error, {"span": "window"}) from None
    return _series_answer(spots, average)


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("values", doc=VALUES, **READ)
@xw.arg("window", doc="Optional: number of changes averaged (Wilder), default 14", **READ)
@cells.udf
def FX_RSI(values: Any, window: Any = None) -> Any:
    """Wilder's relative strength index (0-100) over window changes (default 14): 100 -
    100/(1+avg gain/avg loss). The first window rows are empty (warm-up).
    """
    spots = _series(values)
    size = _window("window", window, 14.0)
    return _series_answer(spots, indicators.rsi(spots.values, size))


@xw.func(category=CATEGORY)
@xw.ret(**WRITE)
@xw.arg("values", doc="A column of spots, oldest first (one series)", **READ)
@xw.arg("fast", doc="Optional: the fast EMA's span, default 12", **READ)
@xw.arg("slow", doc="Optional: the slow EMA's span, default 26", **READ)
@xw.arg("signal", doc="Optional: the signal EMA's span, default 9", **READ)
@xw.arg("headers", doc="Optional: TRUE puts a header row (macd, signal, histogram) on top", **READ)
@cells.udf
def FX_MACD(
    values: Any, fast: Any = None, slow: Any = None, signal: Any = None, headers: Any = None
) -> Any:
    """MACD: three columns, line = EMA(fast) - EMA(slow), signal = EMA of the line, histogram
    = line - signal; defaults 12, 26, 9; EMAs seeded with the first value (no warm-up rows).
    """
    spots = _series(values)
    if spots.values.shape[1] != 1:
        raise CarryxlError(
            "values",
            cells.Described(f"{spots.values.shape[1]} columns"),
            "must be one column (or one row) of spots",
        )
    result = indicators.macd(
        spots.values[:, 0],
        _window("fast", fast, 12.0),
        _window("slow", slow, 26.0),
        _window("signal", signal, 9.0),
    )
    answer = _series_answer(
        _Series(spots.values, spots.rows, False), result.line, result.signal, result.histogram
    )
    if not cells.setting_value(cells.flag("headers", headers)):
        return answer.T if spots.across else answer
    labelled = cells.with_header(("macd", "signal", "histogram"), np.asarray(answer, dtype=object))
    return cells.to_excel(labelled.T if spots.across else labelled)
