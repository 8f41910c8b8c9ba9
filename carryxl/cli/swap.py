"""``carryxl swap``: nights of rollover between two dates, a broker's swap in money, its
implied rate and markup over interest parity, and the night-by-night ledger."""

from __future__ import annotations

import argparse
import math
from typing import Any

from carryxl.cli.arguments import count, date, date_list, number, pair, rate
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import (
    money,
    percent,
    print_report,
    table,
)
from carryxl.core import (
    Pair,
    SwapForm,
    benchmark_swap,
    nights_between,
    side_sign,
    swap_implied_rate,
    swap_ledger,
    swap_per_night,
    triple_rollover_weekday,
    value_date,
    weekday_from_text,
)
from carryxl.core.calendars import calendars_note
from carryxl.core.dates import business_holidays
from carryxl.core.defaults import LOT_SIZE
from carryxl.core.errors import CarryxlError
from carryxl.core.parse import number_from_text, rate_from_text
from carryxl.core.swaps import WEEKDAYS
from carryxl.history.store import load_policy_rates

__all__ = [
    "COMMANDS",
    "FAR_FROM_DIFFERENTIAL",
    "calculate",
    "render",
    "run",
]


def _date_arguments(p: argparse.ArgumentParser) -> None:
    """The pair, the dates and the calendar they settle on."""
    p.add_argument("--pair", required=True, type=pair("pair"), help="currency pair, e.g. USD/JPY")
    p.add_argument(
        "--open",
        required=True,
        type=date("open"),
        help="trade date the position is opened, YYYY-MM-DD",
    )
    p.add_argument(
        "--close", required=True, type=date("close"), help="trade date it is closed, YYYY-MM-DD"
    )
    p.add_argument(
        "--holidays",
        default="",
        type=date_list("holidays"),
        help="extra holidays, comma-separated YYYY-MM-DD (added to the settlement calendars)",
    )
    p.add_argument(
        "--no-calendars",
        action="store_true",
        help="weekends and --holidays only (no settlement calendars, no USD rule)",
    )
    p.add_argument("--triple-day", help="broker's fixed triple-swap weekday, e.g. Wed")
    p.add_argument(
        "--spot-lag",
        type=count("spot_lag", at_least=0),
        help="override the settlement lag (business days)",
    )


def _quote_arguments(p: argparse.ArgumentParser) -> None:
    """The broker's quote and the position it is for."""
    p.add_argument("--side", default="long", help="long or short the pair's base currency")
    p.add_argument(
        "--quote",
        help="broker's swap for --side: 1.5 (points or money), -2%% or -0.02 (percent a year)",
    )
    p.add_argument(
        "--form",
        default="points",
        help="points (the platform's: 10^-digits, 0.001 on USD/JPY) | pips (10 points) | "
        "money (per lot) | percent (a year)",
    )
    p.add_argument(
        "--digits",
        type=count("digits", at_least=0),
        help="the platform's digits for points (default by pair: 3 on JPY pairs, 5 on most)",
    )
    p.add_argument(
        "--lots", type=number("lots", above=0), default=1.0, help="position size in lots"
    )
    p.add_argument(
        "--lot-size", type=number("lot_size", above=0), default=LOT_SIZE, help="base units a lot"
    )
    p.add_argument(
        "--point-size",
        type=number("point_size", above=0),
        help="price of one point or pip (overrides --digits)",
    )


def _arguments(p: argparse.ArgumentParser) -> None:
    _date_arguments(p)
    _quote_arguments(p)
    p.add_argument(
        "--spot",
        type=number("spot", above=0),
        help="spot (needed for percent, implied rate, markup)",
    )
    p.add_argument(
        "--basis",
        type=number("basis", above=0),
        default=360.0,
        help="days a year for percent quotes",
    )
    p.add_argument(
        "--to-account",
        type=number("to_account", above=0),
        default=1.0,
        help="account units per quote-currency unit (money-per-lot quotes are in the account's)",
    )
    p.add_argument("--account", help="account currency code (default: the quote currency)")
    p.add_argument("--rate-base", type=rate("rate_base"), help="base currency's rate")
    p.add_argument("--rate-quote", type=rate("rate_quote"), help="quote currency's rate")
    p.add_argument("--ledger", action="store_true", help="print the night-by-night ledger")
    p.add_argument("--json", action="store_true", help="print JSON for machines")


def _quote(text: str, form: SwapForm) -> float:
    """The broker's quote: points or money as a number; a percent quote as a rate."""
    value = text.strip()
    if form is SwapForm.PERCENT_A_YEAR:
        return rate_from_text(value, "quote")
    if value.endswith("%"):
        raise CarryxlError("quote", text, f"is a percentage, so give --form percent (not {form})")
    try:
        return number_from_text(value, "quote")
    except CarryxlError:
        raise CarryxlError("quote", text, f"must be a finite number such as 1.5 ({form})") from None


# An implied rate this far from the rate differential (in either direction) is more likely a
# quote in another form (pips read as points, x10) than a broker's markup.
FAR_FROM_DIFFERENTIAL = 0.05


def _unit(pair: Pair, form: SwapForm, args: argparse.Namespace) -> dict[str, Any]:
    """What one unit of the quote is worth in price: the point (10^-digits) or the pip."""
    if form is SwapForm.POINTS:
        digits = pair.digits(args.digits)
        size = args.point_size or pair.point_size(digits)
        return {"digits": digits, "point_size": size}
    if form is SwapForm.PIPS:
        return {"pip_size": args.point_size or pair.pip_size()}
    return {}


def _unit_text(r: dict[str, Any]) -> str:
    if "point_size" in r:
        return f" (1 point = {r['point_size']:g}, {r['digits']} digits)"
    if "pip_size" in r:
        return f" (1 pip = {r['pip_size']:g})"
    return ""


def _differential_check(
    pair: Pair, side: float, implied: float, args: argparse.Namespace
) -> dict[str, Any]:
    """The rate differential for the side (given rates, else the BIS policy rates on the
    open date when the data folder has them) and a warning when the implied rate is far."""
    if args.rate_base is not None and args.rate_quote is not None:
        differential, source = side * (args.rate_base - args.rate_quote), "the rates given"
    else:
        data = load_policy_rates()
        if data is None:
            return {}
        try:
            day = args.open
            r_base, _ = data.read(pair.base, day)
            r_quote, _ = data.read(pair.quote, day)
        except CarryxlError:  # a currency the data does not hold
            return {}
        if not (math.isfinite(float(r_base)) and math.isfinite(float(r_quote))):
            return {}
        differential = side * float(r_base - r_quote)
        source = f"BIS policy rates on {day}"
    found = {"rate_differential": differential, "rate_differential_source": source}
    if abs(implied - differential) > FAR_FROM_DIFFERENTIAL:
        found["warning"] = (
            f"the implied rate {percent(implied, 2)} is far from the rate differential "
            f"{percent(differential, 2)} ({source}): is the quote in another form? points "
            "are the platform's (10^-digits; a pip is 10 points)"
        )
    return found


def _dates(pair: Pair, args: argparse.Namespace) -> dict[str, Any]:
    """The value dates, the triple day and the nights, on the pair's settlement calendar."""
    lag = pair.spot_lag if args.spot_lag is None else args.spot_lag
    dated = {
        "pair": pair,
        "holidays": args.holidays or None,
        "spot_lag": args.spot_lag,
        "calendars": not args.no_calendars,
    }
    triple = (
        weekday_from_text(args.triple_day)
        if args.triple_day is not None
        else triple_rollover_weekday(spot_lag=lag)
    )
    return {
        "pair": str(pair),
        "spot_lag": lag,
        "open": args.open,
        "close": args.close,
        "value_open": str(value_date(args.open, **dated)),
        "value_close": str(value_date(args.close, **dated)),
        "triple_day": WEEKDAYS[triple],
        "triple_day_source": "override" if args.triple_day is not None else "settlement rule",
        "calendars": calendars_note(pair, not args.no_calendars),
        "holidays": [str(h) for h in business_holidays(args.holidays)],
        "nights": int(nights_between(args.open, args.close, triple_day=args.triple_day, **dated)),
    }


def _ledger(args: argparse.Namespace, pair: Pair, per_night: float) -> list[dict[str, Any]]:
    """One row a rollover day: its value dates, nights, swap and running total."""
    frame = swap_ledger(
        args.open,
        args.close,
        per_night,
        pair,
        args.holidays or None,
        args.triple_day,
        args.spot_lag,
        calendars=not args.no_calendars,
    )
    dates = {
        key: frame[key].to_numpy().astype("datetime64[D]").astype(str)
        for key in ("trade_date", "value_date", "next_value_date")
    }
    return [
        {
            "trade_date": str(dates["trade_date"][i]),
            "weekday": str(frame["weekday"].iloc[i]),
            "value_date": str(dates["value_date"][i]),
            "next_value_date": str(dates["next_value_date"][i]),
            "nights": int(frame["nights"].iloc[i]),
            "swap": float(frame["swap"].iloc[i]),
            "cumulative": float(frame["cumulative"].iloc[i]),
        }
        for i in range(len(frame))
    ]


def _money(pair: Pair, args: argparse.Namespace, nights: int) -> dict[str, Any]:
    """The quote as money a night and over the nights held."""
    form = SwapForm.parse(args.form)
    quote = _quote(args.quote, form)
    side = float(side_sign(args.side))
    to_account = 1.0 if form is SwapForm.MONEY_PER_LOT else args.to_account
    per_night = float(
        swap_per_night(
            quote,
            form,
            args.lots,
            pair,
            args.spot,
            args.point_size,
            args.lot_size,
            args.basis,
            to_account,
            digits=args.digits,
        )
    )
    return {
        "side": "long" if side > 0 else "short",
        "form": str(form),
        **_unit(pair, form, args),
        "quote": quote,
        "lots": args.lots,
        "units": args.lots * args.lot_size,
        "swap_per_night": per_night,
        "swap_total": per_night * nights,
    }


def _rates(pair: Pair, args: argparse.Namespace, result: dict[str, Any]) -> dict[str, Any]:
    """The implied rate, the differential check and the markup over interest parity (all on
    the position value in the quote currency)."""
    units, nights = result["units"], result["nights"]
    side = 1.0 if result["side"] == "long" else -1.0
    quote_money = result["swap_per_night"] / args.to_account
    implied = float(swap_implied_rate(quote_money, units, args.spot, 1, args.basis))
    found = {"implied_rate": implied, **_differential_check(pair, side, implied, args)}
    if args.rate_base is not None and args.rate_quote is not None and nights > 0:
        bench = float(
            benchmark_swap(pair, units, args.spot, args.rate_base, args.rate_quote, nights, side)
        )
        kept = bench - quote_money * nights
        found |= {
            "benchmark_total": bench * args.to_account,
            "benchmark_per_night": bench / nights * args.to_account,
            "markup_total": kept * args.to_account,
            "markup_rate": float(swap_implied_rate(kept, units, args.spot, nights, args.basis)),
        }
    return found


def calculate(args: argparse.Namespace) -> dict[str, Any]:
    """The whole result as plain data (what ``--json`` prints)."""
    pair: Pair = args.pair
    result = _dates(pair, args)
    result["account"] = args.account or str(pair.quote)
    if args.quote is None:
        if args.ledger:
            raise CarryxlError("ledger", True, "needs --quote (the swap of each night)")
        return result
    result |= _money(pair, args, result["nights"])
    if args.ledger:
        result["ledger"] = _ledger(args, pair, result["swap_per_night"])
    if args.spot is not None:
        result |= _rates(pair, args, result)
    return result


def render(r: dict[str, Any]) -> str:
    """The human-readable report."""
    ccy = r["account"]
    lines = [
        f"{r['pair']} rollover, T+{r['spot_lag']}; triple swap on {r['triple_day']}"
        f" ({r['triple_day_source']})",
        f"open {r['open']} (value {r['value_open']}) -> close {r['close']}"
        f" (value {r['value_close']})",
        f"calendar: {r['calendars']}",
        f"extra holidays: {', '.join(r['holidays']) or 'none'}",
        f"nights: {r['nights']}",
    ]
    if "swap_per_night" in r:
        lines += [
            "",
            f"{r['side']} {r['lots']:g} lots ({r['units']:,.0f} units), swap {r['quote']:g}"
            f" {r['form']}{_unit_text(r)}",
            f"swap per night ({ccy}): {money(r['swap_per_night'], ccy)}",
            f"swap over {r['nights']} nights ({ccy}): {money(r['swap_total'], ccy)}",
        ]
    if "implied_rate" in r:
        lines.append(f"implied annual rate on the position value: {percent(r['implied_rate'])}")
    if "warning" in r:
        lines.append(f"warning: {r['warning']}")
    if "markup_total" in r:
        lines += [
            f"interest-parity benchmark over {r['nights']} nights ({ccy}):"
            f" {money(r['benchmark_total'], ccy)}",
            f"broker's markup ({ccy}): {money(r['markup_total'], ccy)}"
            f" = {percent(r['markup_rate'])} a year",
        ]
    if "ledger" in r:
        rows = [
            (
                e["trade_date"],
                e["weekday"],
                e["value_date"],
                str(e["nights"]),
                money(e["swap"], ccy),
                money(e["cumulative"], ccy),
            )
            for e in r["ledger"]
        ]
        header = ("trade date", "day", "value date", "nights", f"swap ({ccy})", "cumulative")
        lines += ["", table(rows, header)]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the report, or JSON with ``--json``."""
    return print_report(calculate(args), render, args.json)


COMMANDS = (
    Command(
        name="swap",
        page="docs/desk.md",
        help="overnight swap: nights, money per night, implied rate, markup, ledger",
        description="Rollover nights from value dates (T+2, T+1 for USD/CAD…), a broker's swap "
        "quote as money, its implied annual rate and its markup over interest parity.",
        arguments=_arguments,
        run=run,
        examples=(
            Example("carryxl swap --pair USD/JPY --open 2025-01-06 --close 2025-01-20"),
            Example(
                "carryxl swap --pair USD/JPY --open 2025-01-06 --close 2025-01-20 --quote 15 "
                "--form points --lots 2 --spot 150 --rate-base 5% --rate-quote 0.1% --ledger",
                note="MetaTrader points: 15 x 0.001 (3-digit USD/JPY) x 200,000 = 3,000 JPY a "
                "night; --form pips for 1.5 pips",
            ),
            Example(
                "carryxl swap --pair USD/TRY --open 2025-01-06 --close 2025-01-08 --quote=-2% "
                "--form percent --lots 1 --spot 32 --holidays 2025-01-07"
            ),
        ),
    ),
)
