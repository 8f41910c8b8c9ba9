"""``carryxl forward``: an FX forward by covered interest parity, with its dates: the spot
date, then the tenor's end rolled as the FX market rolls it."""

from __future__ import annotations

import argparse
from typing import Any

import numpy as np

from carryxl.cli.arguments import count, date, date_list, number, pair, rate
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import percent, print_report, table
from carryxl.core.calendars import calendars_note
from carryxl.core.dates import business_holidays
from carryxl.core.errors import CarryxlError
from carryxl.core.strip import ForwardTerms, StripRow, forward_strip
from carryxl.core.swaps import WEEKDAYS

__all__ = ["COMMANDS", "run"]

_DATES = """\
Dates: each currency's settlement calendar (the holidays package: USD the Federal
Reserve's, EUR TARGET, JPY Japan's holidays and the banks' 31 Dec-3 Jan, GBP England's
bank holidays...), plus any --holidays. The spot date is the trade date + the pair's spot
lag (T+2; T+1 for USD/CAD, USD/TRY...): the days before spot count in the non-USD
currencies only (a USD-only holiday on T+1 does not delay spot against USD), the spot
date is a business day in both currencies and in USD. ON runs from the trade date to the
next business day, TN from there to spot, SN from spot to the next day; other tenors end
at the spot date + the tenor, rolled by modified following with the end-of-month rule.
Each leg's year fraction runs over the period under its own day count; points use the
pair's pip (100 on JPY, HUF, ISK pairs; 10,000 otherwise; --pip-size overrides)."""


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pair", required=True, type=pair("pair"), help="currency pair, e.g. USD/JPY")
    p.add_argument(
        "--spot", required=True, type=number("spot", above=0), help="spot, as the pair is quoted"
    )
    p.add_argument("--rate-base", required=True, type=rate("rate_base"), help="e.g. 5%%")
    p.add_argument("--rate-quote", required=True, type=rate("rate_quote"), help="e.g. 0.1%%")
    tenor = p.add_mutually_exclusive_group(required=True)
    tenor.add_argument("--tenor", help="ON, TN, SN, 1W, 1M, 3M, 6M, 1Y, 90D...")
    tenor.add_argument("--tenors", help="a strip, comma-separated: ON,TN,1W,1M,3M,6M,1Y")
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
    p.add_argument(
        "--no-calendars",
        action="store_true",
        help="weekends and --holidays only (no settlement calendars, no USD rule)",
    )
    p.add_argument(
        "--pip-size",
        type=number("pip_size", above=0),
        help="the pair's pip for the points (default 0.01 on JPY, HUF, ISK pairs, else 0.0001)",
    )
    p.add_argument("--day-count-base", help="override the base leg's day count, e.g. ACT/365F")
    p.add_argument("--day-count-quote", help="override the quote leg's day count")
    p.add_argument("--json", action="store_true", help="print JSON for machines")


def _terms(args: argparse.Namespace) -> ForwardTerms:
    return ForwardTerms.of(
        args.pair,
        args.spot,
        args.rate_base,
        args.rate_quote,
        args.day_count_base,
        args.day_count_quote,
        args.pip_size,
    )


def _row(r: StripRow) -> dict[str, Any]:
    d = r.dates
    return {
        "tenor": d.tenor,
        "start_date": str(d.start),
        "end_date": str(d.end),
        "value_date": str(d.value),
        "days": r.days,
        "years_base": r.years_base,
        "years_quote": r.years_quote,
        "outright": r.outright,
        "points": r.points,
    }


def _calculate(args: argparse.Namespace) -> dict[str, Any]:
    """The forward (or the strip) and its dates as plain data."""
    terms = _terms(args)
    pair = terms.pair
    tenors = [x.strip() for x in (args.tenors or args.tenor).split(",") if x.strip()]
    if not tenors:
        raise CarryxlError("tenors", args.tenors, "must list tenors, e.g. ON,TN,1W,1M")
    rows = forward_strip(
        terms, args.trade_date, tenors, args.holidays, args.spot_lag, not args.no_calendars
    )
    first = rows[0].dates
    common: dict[str, Any] = {
        "pair": str(pair),
        "spot": args.spot,
        "trade_date": str(first.trade),
        "spot_date": str(first.spot),
        "spot_lag": pair.spot_lag if args.spot_lag is None else args.spot_lag,
        "calendars": calendars_note(pair, not args.no_calendars),
        "holidays": [str(h) for h in business_holidays(args.holidays)],
        "rate_base": args.rate_base,
        "rate_quote": args.rate_quote,
        "day_count_base": str(terms.day_count_base),
        "day_count_quote": str(terms.day_count_quote),
        "pip_size": terms.pip_size,
        "points_scale": 1.0 / terms.pip_size,
    }
    if args.tenors:
        return {**common, "strip": [_row(r) for r in rows]}
    return {**common, **_row(rows[0])}


def _day(text: str) -> str:
    return (
        f"{text} {WEEKDAYS[int(np.datetime64(text).astype('datetime64[D]').view('int64') + 3) % 7]}"
    )


def _render(r: dict[str, Any]) -> str:
    """The human-readable report."""
    if "strip" in r:
        return _render_strip(r)
    base, quote = r["pair"].split("/")
    rows = [
        ("trade date", _day(r["trade_date"])),
        ("spot date", f"{_day(r['spot_date'])} (T+{r['spot_lag']} business days)"),
    ]
    if r["tenor"] in ("ON", "TN", "SN"):
        rows.append(("period", f"{_day(r['start_date'])} -> {_day(r['end_date'])}"))
        rows.append(("value date dealt", _day(r["value_date"])))
    else:
        rows.append(("end date", f"{_day(r['end_date'])} (spot date + {r['tenor']}, rolled)"))
    rows += [
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
    return "\n".join([head, table(rows), _foot(r)])


def _foot(r: dict[str, Any]) -> str:
    extra = f"; holidays {', '.join(r['holidays'])}" if r["holidays"] else ""
    return f"dates: {r['calendars']}{extra}; ends by modified following with the end-of-month rule"


def _render_strip(r: dict[str, Any]) -> str:
    rows = [
        (
            e["tenor"],
            _day(e["start_date"]),
            _day(e["end_date"]),
            str(e["days"]),
            f"{e['outright']:.6f}",
            f"{e['points']:+.2f}",
        )
        for e in r["strip"]
    ]
    header = ("tenor", "from", "to", "days", "outright", f"points (x{r['points_scale']:g})")
    lines = [
        f"{r['pair']} forward strip by covered interest parity, spot {r['spot']:g} for "
        f"{_day(r['spot_date'])}; dealt {_day(r['trade_date'])}",
        f"rates: {r['pair'][:3]} {percent(r['rate_base'])} {r['day_count_base']}, "
        f"{r['pair'][4:]} {percent(r['rate_quote'])} {r['day_count_quote']}",
        table(rows, header),
        "outright: for the value date dealt (ON: today, TN: tomorrow, others: the end); "
        "points: the period's (to - from)",
        _foot(r),
    ]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the forward, or JSON with ``--json``."""
    return print_report(_calculate(args), _render, args.json)


COMMANDS = (
    Command(
        name="forward",
        page="docs/desk.md",
        help="FX forward: outright, points and its dates (spot date, rolled tenor end)",
        description="The outright forward S (1 + r_quote t_quote) / (1 + r_base t_base) and its\n"
        "points, from the spot date to the tenor's end, with both dates shown.\n\n" + _DATES,
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
            Example(
                "carryxl forward --pair USD/JPY --spot 150 --rate-base 4.625% --rate-quote 0.25% "
                "--tenors ON,TN,1W,1M,3M,6M,1Y --trade-date 2024-11-26",
                note="the strip, as a dealer's screen shows it",
            ),
        ),
    ),
)
