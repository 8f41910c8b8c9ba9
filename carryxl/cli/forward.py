"""``carryxl forward``: an FX forward by covered interest parity, with its dates: the spot
date, then the tenor's end rolled as the FX market rolls it."""

from __future__ import annotations

import argparse
from typing import Any

import numpy as np

from carryxl.cli.arguments import count, date, date_list, number
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import percent, print_report, rate_argument, table
from carryxl.core.conventions import DayCount, Pair, default_day_count, points_scale
from carryxl.core.dates import Tenor, add_tenor, as_dates, business_holidays, year_fraction
from carryxl.core.errors import CarryxlError
from carryxl.core.forwards import forward_outright, forward_points
from carryxl.core.swaps import value_date

__all__ = ["COMMANDS", "run"]

DATES = """\
Dates: the spot date is the trade date + the pair's spot lag (T+2; T+1 for USD/CAD,
USD/TRY...) in business days; the end is the spot date + the tenor, rolled by modified
following (the next business day unless it is in the next month, then the previous one)
with the end-of-month rule (a spot date on its month's last business day ends on the last
business day of the end month). Business days are Monday to Friday minus --holidays.
Each leg's year fraction runs from the spot date to the end under its own day count."""

WEEKDAY = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pair", required=True, help="currency pair, e.g. USD/JPY")
    p.add_argument(
        "--spot", required=True, type=number("spot", above=0), help="spot, as the pair is quoted"
    )
    p.add_argument("--rate-base", required=True, type=rate_argument("rate_base"), help="e.g. 5%%")
    p.add_argument(
        "--rate-quote", required=True, type=rate_argument("rate_quote"), help="e.g. 0.1%%"
    )
    p.add_argument("--tenor", required=True, help="1W, 1M, 3M, 6M, 1Y, 90D...")
    p.add_argument(
        "--trade-date", required=True, type=date("trade_date"), help="the deal date, YYYY-MM-DD"
    )
    p.add_argument(
        "--holidays",
        default="",
        type=date_list("holidays"),
        help="holidays, comma-separated YYYY-MM-DD",
    )
    p.add_argument(
        "--spot-lag",
        type=count("spot_lag", at_least=0),
        help="override the settlement lag (business days)",
    )
    p.add_argument("--day-count-base", help="override the base leg's day count, e.g. ACT/365F")
    p.add_argument("--day-count-quote", help="override the quote leg's day count")
    p.add_argument("--json", action="store_true", help="print JSON for machines")


def _day_count(given: str | None, currency: Any, argument: str) -> DayCount:
    if given is None:
        return default_day_count(currency)
    return DayCount.parse(given, argument)


def calculate(args: argparse.Namespace) -> dict[str, Any]:
    """The forward and its dates as plain data."""
    pair = Pair.parse(args.pair)
    tenor = Tenor.parse(args.tenor)
    holidays = business_holidays(args.holidays)
    trade = as_dates("trade_date", args.trade_date)
    if trade.ndim:
        raise CarryxlError("trade_date", args.trade_date, "must be one date")
    spot_date = value_date(trade, pair, holidays, args.spot_lag)
    end = add_tenor(spot_date, tenor, holidays)
    dc_base = _day_count(args.day_count_base, pair.base, "day_count_base")
    dc_quote = _day_count(args.day_count_quote, pair.quote, "day_count_quote")
    t_base = float(year_fraction(spot_date, end, dc_base))
    t_quote = float(year_fraction(spot_date, end, dc_quote))
    scale = points_scale(pair)
    outright = float(forward_outright(args.spot, args.rate_base, args.rate_quote, t_base, t_quote))
    points = float(
        forward_points(args.spot, args.rate_base, args.rate_quote, t_base, scale, t_quote)
    )
    return {
        "pair": str(pair),
        "spot": args.spot,
        "tenor": str(tenor),
        "trade_date": str(trade),
        "spot_date": str(spot_date),
        "spot_lag": int(np.busday_count(trade, spot_date, holidays=holidays)),
        "end_date": str(end),
        "holidays": [str(h) for h in holidays],
        "days": int((end - spot_date).astype(int)),
        "rate_base": args.rate_base,
        "rate_quote": args.rate_quote,
        "day_count_base": str(dc_base),
        "day_count_quote": str(dc_quote),
        "years_base": t_base,
        "years_quote": t_quote,
        "outright": outright,
        "points": points or 0.0,
        "points_scale": scale,
    }


def _day(text: str) -> str:
    return (
        f"{text} {WEEKDAY[int(np.datetime64(text).astype('datetime64[D]').view('int64') + 3) % 7]}"
    )


def render(r: dict[str, Any]) -> str:
    """The human-readable report."""
    base, quote = r["pair"].split("/")
    rows = [
        ("trade date", _day(r["trade_date"])),
        ("spot date", f"{_day(r['spot_date'])} (T+{r['spot_lag']} business days)"),
        ("end date", f"{_day(r['end_date'])} (spot date + {r['tenor']}, rolled)"),
        ("days", str(r["days"])),
        (
            f"{base} leg",
            f"{percent(r['rate_base'])} {r['day_count_base']}: {r['years_base']:.6f} years",
        ),
        (
            f"{quote} leg",
            f"{percent(r['rate_quote'])} {r['day_count_quote']}: {r['years_quote']:.6f} years",
        ),
        ("spot", f"{r['spot']:g}"),
        ("outright forward", f"{r['outright']:.6f}"),
        ("forward points", f"{r['points']:+.2f} (x{r['points_scale']:g})"),
    ]
    head = (
        f"{r['pair']} {r['tenor']} forward by covered interest parity (simple money-market rates)"
    )
    foot = "end date: modified following with the end-of-month rule, over weekends" + (
        f" and holidays {', '.join(r['holidays'])}" if r["holidays"] else ""
    )
    return "\n".join([head, table(rows), foot])


def run(args: argparse.Namespace) -> int:
    """Print the forward, or JSON with ``--json``."""
    return print_report(calculate(args), render, args.json)


COMMANDS = (
    Command(
        name="forward",
        page="docs/desk.md",
        help="FX forward: outright, points and its dates (spot date, rolled tenor end)",
        description="The outright forward S (1 + r_quote t_quote) / (1 + r_base t_base) and its\n"
        "points, from the spot date to the tenor's end, with both dates shown.\n\n" + DATES,
        arguments=_arguments,
        run=run,
        examples=(
            Example(
                "carryxl forward --pair USD/JPY --spot 144.5 --rate-base 5.25% "
                "--rate-quote 0.1% --tenor 3M --trade-date 2023-06-28",
                note="a spot date on 30 June: the 3M end is Friday 29 September, not Saturday 30",
            ),
            Example(
                "carryxl forward --pair AUD/JPY --spot 100 --rate-base 4.5% --rate-quote 0.1% "
                "--tenor 1M --trade-date 2025-12-23 --holidays 2025-12-25,2025-12-26,2026-01-01",
                note="holidays move the spot date and the end",
            ),
            Example(
                "carryxl forward --pair USD/TRY --spot 32 --rate-base 5% --rate-quote 45% "
                "--tenor 6M --trade-date 2025-01-29 --json",
            ),
        ),
    ),
)
