"""``carryxl calc``: the P&L of one carry trade, as the seeds' simple decomposition and exactly."""

from __future__ import annotations

import argparse
from typing import Any

from carryxl.cli.formatting import money, percent, print_json, rate_argument, table
from carryxl.core import (
    CarryBreakdown,
    Orientation,
    Pair,
    annualised_return,
    breakeven_move,
    breakeven_spot,
    carry_breakdown,
    carry_breakdown_simple,
    holding_period,
)

__all__ = ["add_parser", "run"]

EXAMPLE = (
    "example (seed case 1):\n  carryxl calc --pair AUD/JPY --funding JPY --notional 10000000 "
    "--spot-start 100 --spot-end 103 --rate-target 4.5% --rate-funding 0.1% --tenor 6M"
)


def add_parser(sub: Any) -> None:
    """Register ``calc``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "calc",
        help="P&L of one carry trade: carry, FX, cross term, total, return",
        description="P&L of borrowing the funding currency and holding the other one of the "
        "pair, in the funding currency. Rates as 4.5%% or 0.045.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--pair", required=True, help="currency pair, e.g. AUD/JPY or USDTRY")
    p.add_argument("--funding", required=True, help="the borrowed currency, one of the pair's")
    p.add_argument(
        "--notional", required=True, type=float, help="amount borrowed, in the funding currency"
    )
    p.add_argument(
        "--spot-start", required=True, type=float, help="spot at the start, as the pair is quoted"
    )
    p.add_argument(
        "--spot-end", required=True, type=float, help="spot at the end, as the pair is quoted"
    )
    p.add_argument(
        "--rate-target",
        required=True,
        type=rate_argument("rate_target"),
        help="rate earned on the target currency",
    )
    p.add_argument(
        "--rate-funding",
        required=True,
        type=rate_argument("rate_funding"),
        help="rate paid on the funding currency",
    )
    p.add_argument("--tenor", help="holding period: 90D, 2W, 6M, 1Y, 1Y6M")
    p.add_argument("--start", help="start date, YYYY-MM-DD (with --end or --tenor)")
    p.add_argument("--end", help="end date, YYYY-MM-DD")
    p.add_argument("--day-count-target", help="override the target leg's day count, e.g. ACT/360")
    p.add_argument("--day-count-funding", help="override the funding leg's day count")
    p.add_argument("--json", action="store_true", help="print JSON for machines")
    p.set_defaults(run=run)


def _block(b: CarryBreakdown, years: float) -> dict[str, float]:
    total_return = float(b.total_return)
    return {
        "carry": float(b.carry),
        "fx": float(b.fx),
        "cross": float(b.cross),
        "total": float(b.total),
        "return": total_return,
        "annualised_return": float(annualised_return(total_return, years)),
        "annualised_return_compound": float(annualised_return(total_return, years, compound=True)),
    }


def calculate(args: argparse.Namespace) -> dict[str, Any]:
    """The whole result as plain data (what ``--json`` prints)."""
    pair = Pair.parse(args.pair)
    orientation = pair.orientation(args.funding)
    funding = str(pair.quote if orientation is Orientation.TARGET_FUNDING else pair.base)
    target = str(pair.other(funding))
    period = holding_period(
        target,
        funding,
        args.tenor,
        args.start,
        args.end,
        args.day_count_target,
        args.day_count_funding,
    )
    legs = (
        args.notional,
        args.spot_start,
        args.spot_end,
        args.rate_target,
        args.rate_funding,
        period.years_target,
        orientation,
        period.years_funding,
    )
    years = float(period.holding_years)
    rates = (
        args.rate_target,
        args.rate_funding,
        period.years_target,
        orientation,
        period.years_funding,
    )
    return {
        "pair": str(pair),
        "funding": funding,
        "target": target,
        "orientation": str(orientation),
        "currency": funding,
        "notional": args.notional,
        "spot_start": args.spot_start,
        "spot_end": args.spot_end,
        "rate_target": args.rate_target,
        "rate_funding": args.rate_funding,
        "period": period.description,
        "years_target": float(period.years_target),
        "years_funding": float(period.years_funding),
        "holding_years": years,
        "day_count_target": str(period.day_count_target),
        "day_count_funding": str(period.day_count_funding),
        "simple": _block(carry_breakdown_simple(*legs), years),
        "exact": _block(carry_breakdown(*legs), years),
        "breakeven_spot": float(breakeven_spot(args.spot_start, *rates)),
        "breakeven_move": float(breakeven_move(*rates)),
    }


def render(r: dict[str, Any]) -> str:
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
        f"period: {r['period']}; years {r['years_target']:.6g} (target) / "
        f"{r['years_funding']:.6g} (funding)",
        "",
    ]
    lines = [
        ("carry", "carry", money),
        ("FX", "fx", money),
        ("cross term", "cross", money),
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
        f"break-even end spot {r['breakeven_spot']:.6g} ({percent(r['breakeven_move'])}), "
        "the covered-interest-parity forward",
        "simple = the textbook carry + FX (no cross term); exact = invest, accrue, "
        "convert back, repay",
    ]
    body = table(rows, ("", "simple", "exact"))
    return "\n".join([*head, body, *tail])


def run(args: argparse.Namespace) -> int:
    """Print the report, or JSON with ``--json``."""
    result = calculate(args)
    if args.json:
        print_json(result)
    else:
        print(render(result))
    return 0
