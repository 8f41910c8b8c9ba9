"""``carryxl calc``: the P&L of one carry trade, as the textbook decomposition and exactly."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any

from carryxl.cli.arguments import (
    add_funding_argument,
    add_json_argument,
    add_lot_size_argument,
    date,
    number,
    pair,
    rate,
)
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import money, percent, print_report, table
from carryxl.core import (
    CarryBreakdown,
    Currency,
    HoldingPeriod,
    Orientation,
    Pair,
    TradeCosts,
    annualised_return,
    breakeven_move,
    breakeven_spot,
    breakeven_spot_after_costs,
    carry_breakdown,
    carry_breakdown_simple,
    carry_trade_costs,
    holding_period,
)

__all__ = ["COMMANDS", "run"]


def _add_trade_arguments(p: argparse.ArgumentParser) -> None:
    """The trade: the pair, the borrowed currency, the notional, the two spots, the rates."""
    p.add_argument(
        "--pair", required=True, type=pair("pair"), help="currency pair, e.g. AUD/JPY or USDTRY"
    )
    add_funding_argument(p)
    p.add_argument(
        "--notional",
        required=True,
        type=number("notional", above=0),
        help="amount borrowed, in the funding currency",
    )
    p.add_argument(
        "--spot-start",
        required=True,
        type=number("spot_start", above=0),
        help="spot at the start, as the pair is quoted",
    )
    p.add_argument(
        "--spot-end",
        required=True,
        type=number("spot_end", above=0),
        help="spot at the end, as the pair is quoted",
    )
    p.add_argument(
        "--rate-target",
        required=True,
        type=rate("rate_target"),
        help="rate earned on the target currency",
    )
    p.add_argument(
        "--rate-funding",
        required=True,
        type=rate("rate_funding"),
        help="rate paid on the funding currency",
    )


def _add_period_arguments(p: argparse.ArgumentParser) -> None:
    """The holding period: a tenor, or dates, and each leg's day count if not its own."""
    p.add_argument("--tenor", help="holding period: 90D, 2W, 6M, 1Y, 1Y6M")
    p.add_argument(
        "--start", type=date("start"), help="start date, YYYY-MM-DD (with --end or --tenor)"
    )
    p.add_argument("--end", type=date("end"), help="end date, YYYY-MM-DD")
    p.add_argument("--day-count-target", help="override the target leg's day count, e.g. ACT/360")
    p.add_argument("--day-count-funding", help="override the funding leg's day count")


def _add_cost_arguments(p: argparse.ArgumentParser) -> None:
    """The broker's costs, all zero unless given: spread, commission, rate markups."""
    costs = p.add_argument_group("costs (default none)")
    costs.add_argument(
        "--spread-pips",
        type=number("spread_entry_pips"),
        default=0.0,
        help="bid/ask spread in pips at entry",
    )
    costs.add_argument(
        "--spread-exit-pips",
        type=number("spread_exit_pips"),
        help="bid/ask spread in pips at exit (default: entry's)",
    )
    costs.add_argument(
        "--pip-size",
        type=number("pip_size", above=0),
        help="one pip in quote units (default 0.01 JPY, else 0.0001)",
    )
    costs.add_argument(
        "--commission-per-lot",
        type=number("commission_per_lot", at_least=0),
        default=0.0,
        help="commission per lot per side, in the funding currency",
    )
    costs.add_argument(
        "--commission-per-million",
        type=number("commission_per_million", at_least=0),
        default=0.0,
        help="commission per million base units per side, in the funding currency",
    )
    add_lot_size_argument(costs)
    costs.add_argument(
        "--markup-target",
        type=rate("markup_target"),
        default=0.0,
        help="broker's markup below the target rate (0.5%% earns r_t - 0.5%%)",
    )
    costs.add_argument(
        "--markup-funding",
        type=rate("markup_funding"),
        default=0.0,
        help="broker's markup above the funding rate",
    )


def _arguments(p: argparse.ArgumentParser) -> None:
    _add_trade_arguments(p)
    _add_period_arguments(p)
    _add_cost_arguments(p)
    add_json_argument(p)


def _breakeven_kind(tenor: str | None, years: float) -> str:
    """What the break-even spot is: the forward over the holding years, S0 (1 + r_f t_f) /
    (1 + r_t t_t); with a tenor, over its nominal years, not the dated forward."""
    if tenor:
        return (
            f"the nominal-tenor break-even ({tenor} as {years:.6g} years on each leg), "
            "not the dated forward (carryxl forward counts the days from the spot date)"
        )
    return "the break-even over the holding period's year fractions"


def _block(b: CarryBreakdown, years: float) -> dict[str, float]:
    total_return = float(b.total_return)
    return {
        "carry": float(b.carry),
        "fx": float(b.fx),
        "cross": float(b.cross),
        "costs": -float(b.costs),  # with the sign of its effect: total = carry+fx+cross+costs
        "total": float(b.total),
        "return": total_return,
        "annualised_return": float(annualised_return(total_return, years)),
        "annualised_return_compound": float(annualised_return(total_return, years, compound=True)),
    }


@dataclass(frozen=True)
class _Trade:
    """The command line's trade, read once: the pair, which way it reads, its two currencies
    and the holding period."""

    pair: Pair
    orientation: Orientation
    funding: Currency
    target: Currency
    period: HoldingPeriod


def _trade(args: argparse.Namespace) -> _Trade:
    pair: Pair = args.pair
    funding: Currency = args.funding
    orientation = pair.orientation(funding)
    target = pair.other(funding)
    period = holding_period(
        target,
        funding,
        args.tenor,
        args.start,
        args.end,
        args.day_count_target,
        args.day_count_funding,
    )
    return _Trade(pair, orientation, funding, target, period)


def _costs(args: argparse.Namespace, trade: _Trade) -> dict[bool, TradeCosts]:
    """The costs in the funding currency, simple (False) and exact (True)."""
    period = trade.period
    return {
        exact: carry_trade_costs(
            args.notional,
            args.spot_start,
            args.spot_end,
            trade.pair.pip_size(args.pip_size),
            trade.orientation,
            args.spread_pips,
            args.spread_exit_pips,
            args.commission_per_lot,
            args.commission_per_million,
            args.lot_size,
            args.markup_target,
            args.markup_funding,
            period.years_target,
            period.years_funding,
            exact=exact,
        )
        for exact in (False, True)
    }


def _breakdowns(args: argparse.Namespace, trade: _Trade) -> dict[str, Any]:
    """``simple`` and ``exact``: each decomposition with its costs, and ``costs``: each cost
    with the sign of its effect on the total (a cost is negative)."""
    period = trade.period
    legs = (
        args.notional,
        args.spot_start,
        args.spot_end,
        args.rate_target,
        args.rate_funding,
        period.years_target,
        trade.orientation,
        period.years_funding,
    )
    years = float(period.holding_years)
    costs = _costs(args, trade)
    return {
        "simple": _block(carry_breakdown_simple(*legs, costs[False].total), years),
        "exact": _block(carry_breakdown(*legs, costs[True].total), years),
        "costs": {
            "spread": -float(costs[True].spread),
            "commission": -float(costs[True].commission),
            "markup_exact": -float(costs[True].markup),
            "markup_simple": -float(costs[False].markup),
        },
    }


def _breakeven_after_costs(args: argparse.Namespace, trade: _Trade) -> float:
    """The end spot at which the trade breaks even after its costs."""
    period = trade.period
    return float(
        breakeven_spot_after_costs(
            args.notional,
            args.spot_start,
            args.rate_target,
            args.rate_funding,
            period.years_target,
            trade.pair.pip_size(args.pip_size),
            trade.orientation,
            args.spread_pips,
            args.spread_exit_pips,
            args.commission_per_lot,
            args.commission_per_million,
            args.lot_size,
            args.markup_target,
            args.markup_funding,
            period.years_funding,
        )
    )


def _breakevens(args: argparse.Namespace, trade: _Trade) -> dict[str, Any]:
    """The break-even end spot (what it is, the spot, the move), and after the costs."""
    period = trade.period
    rates = (
        args.rate_target,
        args.rate_funding,
        period.years_target,
        trade.orientation,
        period.years_funding,
    )
    return {
        "breakeven_kind": _breakeven_kind(args.tenor, float(period.years_target)),
        "breakeven_spot": float(breakeven_spot(args.spot_start, *rates)),
        "breakeven_move": float(breakeven_move(*rates)),
        "breakeven_spot_after_costs": _breakeven_after_costs(args, trade),
    }


def _calculate(args: argparse.Namespace) -> dict[str, Any]:
    """The whole result as plain data (what ``--json`` prints)."""
    trade = _trade(args)
    period = trade.period
    return {
        "pair": str(trade.pair),
        "funding": trade.funding,
        "target": trade.target,
        "orientation": str(trade.orientation),
        "currency": trade.funding,
        "notional": args.notional,
        "spot_start": args.spot_start,
        "spot_end": args.spot_end,
        "rate_target": args.rate_target,
        "rate_funding": args.rate_funding,
        "period": period.description,
        "years_target": float(period.years_target),
        "years_funding": float(period.years_funding),
        "holding_years": float(period.holding_years),
        "day_count_target": str(period.day_count_target),
        "day_count_funding": str(period.day_count_funding),
        **_breakdowns(args, trade),
        **_breakevens(args, trade),
    }


def _render(r: dict[str, Any]) -> str:
    """The human-readable report."""
    ccy = r["currency"]
    simple, exact = r["simple"], r["exact"]
    head = [
        f"{r['pair']} carry trade: borrow {ccy}, hold {r['target']}"
        f"  (pair reads {r['orientation']})",
        f"notional {money(r['notional'], ccy)} {ccy};"
        f" spot {r['spot_start']:g} -> {r['spot_end']:g}",
        f"rates: {r['target']} {percent(r['rate_target'])} ({r['day_count_target']}), "
        f"{ccy} {percent(r['rate_funding'])} ({r['day_count_funding']})",
        f"period: {r['period']}; years {r['years_target']:.6g} (target "
        f"{r['day_count_target']}) / {r['years_funding']:.6g} (funding {r['day_count_funding']})",
        "",
    ]
    lines = [
        ("carry", "carry", money),
        ("FX", "fx", money),
        ("cross term", "cross", money),
        ("costs", "costs", money),
        ("total", "total", money),
        ("return", "return", None),
        ("annualised (simple)", "annualised_return", None),
        ("annualised (compound)", "annualised_return_compound", None),
    ]
    rows = [
        (
            f"{label} ({ccy})" if fmt else label,
            *(money(b[key], ccy) if fmt else percent(b[key]) for b in (simple, exact)),
        )
        for label, key, fmt in lines
    ]
    tail = [
        "",
        f"break-even end spot {r['breakeven_spot']:.6g} ({percent(r['breakeven_move'])}): "
        f"{r['breakeven_kind']}",
        "simple = the textbook carry + FX (no cross term); exact = invest, accrue, "
        "convert back, repay; costs are negative (total = carry + FX + cross term + costs)",
    ]
    c = r["costs"]
    if exact["costs"] or simple["costs"]:
        tail.append(
            f"costs ({ccy}): spread {money(c['spread'], ccy)}, commission "
            f"{money(c['commission'], ccy)}, rate markup {money(c['markup_exact'], ccy)} exact"
            f" / {money(c['markup_simple'], ccy)} simple"
        )
        tail.append(f"break-even end spot after costs {r['breakeven_spot_after_costs']:.6g}")
    body = table(rows, ("", "simple", "exact"))
    return "\n".join([*head, body, *tail])


def run(args: argparse.Namespace) -> int:
    """Print the report, or JSON with ``--json``."""
    return print_report(_calculate(args), _render, args.json)


COMMANDS = (
    Command(
        name="calc",
        help="P&L of one carry trade: carry, FX, cross term, total, return",
        description="P&L of borrowing the funding currency and holding the other one of the "
        "pair, in the funding currency. Rates as 4.5% or 0.045.",
        arguments=_arguments,
        run=run,
        examples=(
            Example(
                "carryxl calc --pair AUD/JPY --funding JPY --notional 10000000 --spot-start 100 "
                "--spot-end 103 --rate-target 4.5% --rate-funding 0.1% --tenor 6M",
                note="the README's worked example: AUD/JPY funded in yen for 6 months",
            ),
            Example(
                "carryxl calc --pair USD/TRY --funding USD --notional 100000 --spot-start 30 "
                "--spot-end 32 --rate-target 25% --rate-funding 5% --start 2024-01-15 "
                "--end 2024-04-15 --spread-pips 20 --json"
            ),
        ),
    ),
)
