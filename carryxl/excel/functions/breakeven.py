"""Break-even spots and moves, the days of carry that offset a move, and trading costs."""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.core import carry, costs
from carryxl.core.conventions import rate_from_text
from carryxl.core.errors import CarryxlError
from carryxl.excel import cells
from carryxl.excel.arguments import (
    COMMISSION_PER_LOT,
    COMMISSION_PER_MILLION,
    DAY_COUNT_FUNDING,
    DAY_COUNT_TARGET,
    FUNDING,
    FUNDING_FOR_COSTS,
    FX_MOVE,
    LOT_SIZE,
    MARKUP_FUNDING,
    MARKUP_TARGET,
    METHOD,
    NOTIONAL,
    ORIENTATION,
    PAIR_FOR_COSTS,
    RATE_FUNDING,
    RATE_TARGET,
    SPOT_END,
    SPOT_START,
    SPREAD_ENTRY_PIPS,
    SPREAD_EXIT_PIPS,
    YEARS,
    YEARS_FUNDING,
    cells_only,
    pair,
)
from carryxl.excel.declare import Arg, ExcelFunction, never_if_infinite, never_if_missing

__all__ = ["FUNCTIONS"]

_GROUP = "break-even and costs"


def _days_to_offset(method: str, **given: Any) -> Any:
    if method == "simple":
        given.pop("day_count_target")
        given.pop("day_count_funding")
        return carry.carry_days_to_offset_simple(**given)
    return carry.carry_days_to_offset(**given)


def _cost_inputs(
    pair_cell: Any,
    funding: Any,
    spread_entry_pips: Any,
    spread_exit_pips: Any,
    commission_per_lot: Any,
    commission_per_million: Any,
    markup_target: Any,
    markup_funding: Any,
    lot_size: Any,
) -> tuple[cells.Input | None, ...]:
    """The cost arguments, read as CARRY_COSTS has always read them."""
    if funding is None:  # a pair needs its funding currency to read the spot
        raise CarryxlError("funding", None, "must be the borrowed currency, one of the pair's")
    return (
        cells.choice("pip_size", lambda c: pair(c).pip_size(), pair_cell),
        cells.orientation(pair_cell, funding),
        cells.optional_numbers("spread_entry_pips", spread_entry_pips),
        cells.optional_numbers("spread_exit_pips", spread_exit_pips),
        cells.optional_numbers("commission_per_lot", commission_per_lot),
        cells.optional_numbers("commission_per_million", commission_per_million),
        cells.optional_numbers("markup_target", markup_target, text=rate_from_text),
        cells.optional_numbers("markup_funding", markup_funding, text=rate_from_text),
        cells.optional_numbers("lot_size", lot_size),
    )


def _total_costs(**given: Any) -> Any:
    return costs.carry_trade_costs(**given).total


def _carry_costs(
    notional: Any,
    spot_start: Any,
    spot_end: Any,
    pair: Any,
    funding: Any,
    spread_entry_pips: Any,
    spread_exit_pips: Any,
    commission_per_lot: Any,
    commission_per_million: Any,
    markup_target: Any,
    markup_funding: Any,
    years: Any,
    lot_size: Any,
    breakdown: Any,
) -> Any:
    """CARRY_COSTS: the total per row, or with ``breakdown`` four columns per row."""
    inputs = (
        cells.numbers("notional", notional),
        cells.numbers("spot_start", spot_start),
        cells.numbers("spot_end", spot_end),
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
        cells.optional_numbers("years", years),
    )
    if not cells.setting_value(cells.flag("breakdown", breakdown)):
        return cells.to_excel(cells.evaluate(_total_costs, *inputs))

    def parts(**given: Any) -> Any:
        c = costs.carry_trade_costs(**given)
        return np.stack(np.broadcast_arrays(c.spread, c.commission, c.markup, c.total), axis=-1)

    return cells.to_excel(cells.evaluate(parts, *inputs, columns=4))


FUNCTIONS = (
    ExcelFunction(
        "CARRY_BREAKEVEN",
        _GROUP,
        """End spot at which the exact total P&L is zero: S0*(1+rf*t)/(1+rt*t) over the year
        fractions given (not a dated forward: FX_FORWARD). AUD/JPY 100, 4.5% vs 0.1%, 0.5y:
        97.8484.""",
        (SPOT_START, RATE_TARGET, RATE_FUNDING, YEARS),
        (ORIENTATION, FUNDING, YEARS_FUNDING),
        kernel=carry.breakeven_spot,
    ),
    ExcelFunction(
        "CARRY_BREAKEVEN_MOVE",
        _GROUP,
        """Move of the quoted spot, S1/S0 - 1, at which the exact total P&L is zero. AUD/JPY funded
        in JPY, 4.5% vs 0.1%, 0.5y: -2.15%.""",
        (RATE_TARGET, RATE_FUNDING, YEARS),
        (ORIENTATION, FUNDING, YEARS_FUNDING),
        kernel=carry.breakeven_move,
    ),
    ExcelFunction(
        "CARRY_DAYS_TO_OFFSET",
        _GROUP,
        """Calendar days of carry that make up for an FX move (0 if the move is a gain, "never" if
        the carry is not positive). -3% at 4.5% vs 0.1%: simple 248.9 days.""",
        (
            FX_MOVE("Move of the target currency against the funding one, e.g. -0.03"),
            RATE_TARGET,
            RATE_FUNDING,
        ),
        (DAY_COUNT_TARGET, DAY_COUNT_FUNDING, METHOD),
        kernel=_days_to_offset,
        answer=never_if_infinite,
    ),
    ExcelFunction(
        "CARRY_COSTS",
        _GROUP,
        """Trading costs of a carry trade in the funding currency: spread + commission + rate markup
        (subtract from CARRY_PNL). Seed 1 with a 2-pip spread both ways: 2,000 JPY.""",
        (NOTIONAL, SPOT_START, SPOT_END, PAIR_FOR_COSTS, FUNDING_FOR_COSTS),
        (
            SPREAD_ENTRY_PIPS,
            SPREAD_EXIT_PIPS,
            COMMISSION_PER_LOT,
            COMMISSION_PER_MILLION,
            MARKUP_TARGET,
            MARKUP_FUNDING,
            YEARS("Optional: the holding period as a year fraction (for markups)"),
            LOT_SIZE,
            Arg("breakdown", "Optional: TRUE spills spread, commission, markup, total", cells_only),
        ),
        body=_carry_costs,
    ),
    ExcelFunction(
        "CARRY_BREAKEVEN_AFTER_COSTS",
        _GROUP,
        """End spot at which the exact P&L less trading costs is zero ("never" if none). Seed 1 with
        a 2-pip spread: 97.8679 (97.8484 without costs).""",
        (NOTIONAL, SPOT_START, RATE_TARGET, RATE_FUNDING, YEARS, PAIR_FOR_COSTS, FUNDING_FOR_COSTS),
        (
            SPREAD_ENTRY_PIPS,
            SPREAD_EXIT_PIPS,
            COMMISSION_PER_LOT,
            COMMISSION_PER_MILLION,
            MARKUP_TARGET,
            MARKUP_FUNDING,
            LOT_SIZE,
            YEARS_FUNDING,
        ),
        kernel=costs.breakeven_spot_after_costs,
        answer=never_if_missing,
    ),
)
