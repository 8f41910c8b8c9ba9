"""P&L of a carry trade: total, return, income, the FX part, annualised."""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core import carry
from carryxl.core.conventions import rate_from_text
from carryxl.core.errors import CarryxlError
from carryxl.excel import cells
from carryxl.excel.arguments import (
    FUNDING,
    HEADERS,
    METHOD,
    NOTIONAL,
    ORIENTATION,
    RATE_FUNDING,
    RATE_TARGET,
    SPOT_END,
    SPOT_START,
    TOTAL_RETURN,
    YEARS,
    YEARS_FUNDING,
    cells_only,
    flag,
)
from carryxl.excel.declare import Arg, ExcelFunction

__all__ = ["FUNCTIONS"]

_GROUP = "P&L"
_BREAKDOWN = Arg(
    "breakdown", 'Optional: "exact" or "simple" spills carry, FX, cross, total, return', cells_only
)


def _carry_pnl(
    notional: Any,
    spot_start: Any,
    spot_end: Any,
    rate_target: Any,
    rate_funding: Any,
    years: Any,
    orientation: Any,
    funding: Any,
    years_funding: Any,
    breakdown: Any,
    headers: Any,
) -> Any:
    """CARRY_PNL: one total per row, or with ``breakdown`` five columns per row."""
    inputs = (
        cells.numbers("notional", notional),
        cells.numbers("spot_start", spot_start),
        cells.numbers("spot_end", spot_end),
        cells.numbers("rate_target", rate_target, text=rate_from_text),
        cells.numbers("rate_funding", rate_funding, text=rate_from_text),
        cells.numbers("years", years),
        cells.orientation(orientation, funding),
        cells.optional_numbers("years_funding", years_funding),
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


def _carry_return(method: str, **given: Any) -> Any:
    if method == "simple":
        return carry.carry_breakdown_simple(1.0, **given).total
    return carry.carry_return(**given)


FUNCTIONS = (
    ExcelFunction(
        "CARRY_PNL",
        _GROUP,
        """Exact total P&L of a carry trade in the funding currency: N*((X1/X0)(1+rt*t)-(1+rf*t)).
        AUD/JPY 100->103, 10m JPY, 4.5% vs 0.1%, 0.5y: 526,750. Optional breakdown row.""",
        (NOTIONAL, SPOT_START, SPOT_END, RATE_TARGET, RATE_FUNDING, YEARS),
        (ORIENTATION, FUNDING, YEARS_FUNDING, _BREAKDOWN, HEADERS),
        body=_carry_pnl,
    ),
    ExcelFunction(
        "CARRY_RETURN",
        _GROUP,
        """Return of a carry trade on the amount borrowed, exact: (X1/X0)(1+rt*t)-(1+rf*t); or
        "simple": carry + FX move. AUD/JPY 100->103, 4.5% vs 0.1%, 0.5y: 5.2675% (simple 5.2%).""",
        (SPOT_START, SPOT_END, RATE_TARGET, RATE_FUNDING, YEARS),
        (ORIENTATION, FUNDING, YEARS_FUNDING, METHOD),
        kernel=_carry_return,
    ),
    ExcelFunction(
        "CARRY_INCOME",
        _GROUP,
        """Interest-differential income in the funding currency: N*(rt*t - rf*t). 10,000,000 JPY at
        4.5% vs 0.1% for 0.5y: 220,000 JPY.""",
        (NOTIONAL, RATE_TARGET, RATE_FUNDING, YEARS),
        (YEARS_FUNDING,),
        kernel=carry.carry_income,
    ),
    ExcelFunction(
        "FX_PNL",
        _GROUP,
        """FX gain or loss on the amount borrowed, in the funding currency: N*(X1/X0 - 1).
        10,000,000 JPY, AUD/JPY 100->103: 300,000 JPY. 100,000 USD, USD/TRY 30->32: -6,250 USD.""",
        (NOTIONAL, SPOT_START, SPOT_END),
        (ORIENTATION, FUNDING),
        kernel=carry.fx_pnl,
    ),
    ExcelFunction(
        "FX_RETURN",
        _GROUP,
        """Move of the target currency against the funding one, X1/X0 - 1. AUD/JPY 100->103 funded
        in JPY: 3%. USD/TRY 30->32 funded in USD: -6.25%.""",
        (SPOT_START, SPOT_END),
        (ORIENTATION, FUNDING),
        kernel=carry.fx_return,
    ),
    ExcelFunction(
        "ANNUALISED_RETURN",
        _GROUP,
        """A period return per year: r/t, or (1+r)^(1/t)-1 when compound is TRUE. 5.2675% over 0.5y:
        10.535% simple, 10.8125% compounded.""",
        (TOTAL_RETURN, YEARS("The period as a year fraction, > 0")),
        (Arg("compound", "Optional: TRUE compounds, (1+r)^(1/t)-1; FALSE (default) is r/t", flag),),
        kernel=carry.annualised_return,
    ),
)
