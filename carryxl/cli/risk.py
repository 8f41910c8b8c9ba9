"""``carryxl risk``: position size, pip value, stop-loss, margin, margin-call spots, VaR/ES,
probability of loss and carry-to-vol for one position."""

from __future__ import annotations

import argparse
import math
from typing import Any

from carryxl.cli.arguments import add_json_argument, add_lot_size_argument, number, pair, rate
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import money, percent, print_report, table
from carryxl.core import (
    Pair,
    carry_to_vol,
    days_to_margin_call,
    expected_shortfall,
    margin_call_spot,
    margin_fraction,
    pip_value,
    position_size,
    probability_of_loss,
    side_sign,
    stop_loss_spot,
    value_at_risk,
)
from carryxl.core.defaults import (
    CONFIDENCE,
    LOT_STEP,
    MARGIN_CALL_LEVEL,
    STOP_OUT_LEVEL,
    TRADING_DAYS,
)
from carryxl.core.errors import CarryxlError
from carryxl.core.lots import lots_in_steps
from carryxl.core.risk import VAR_MODEL

_PROBABILITY_MODEL = "lognormal spot, carry as the cushion"
"""The probability of loss is not the VaR's normal model: the report says so."""

__all__ = ["COMMANDS", "run"]


def _add_position_arguments(p: argparse.ArgumentParser) -> None:
    """The position: its pair, entry spot and side, and the account's equity."""
    p.add_argument("--pair", required=True, type=pair("pair"), help="currency pair, e.g. AUD/JPY")
    p.add_argument("--spot", required=True, type=number("spot", above=0), help="entry spot")
    p.add_argument("--side", default="long", help="long or short the pair's base currency")
    p.add_argument(
        "--equity", type=number("equity", above=0), help="account equity, account currency"
    )


def _add_size_arguments(p: argparse.ArgumentParser) -> None:
    """The size: given in units, or from a risk budget and a stop; pips, lots, lot step."""
    size = p.add_argument_group("size: --units, or a risk budget with --stop-pips")
    size.add_argument("--units", type=number("units", above=0), help="position in base units")
    size.add_argument(
        "--risk-budget", type=number("risk_budget", above=0), help="money to lose at the stop"
    )
    size.add_argument("--risk", type=rate("risk"), help="or a fraction of --equity: 1%%")
    size.add_argument(
        "--stop-pips", type=number("stop_pips", above=0), help="stop distance in pips"
    )
    size.add_argument(
        "--pip-size",
        type=number("pip_size", above=0),
        help="one pip (default 0.01 JPY, else 0.0001)",
    )
    add_lot_size_argument(size)
    size.add_argument(
        "--lot-step",
        type=number("lot_step", above=0),
        default=LOT_STEP,
        help=f"the broker's smallest lot increment (default {LOT_STEP:g} lot): a size from "
        "--risk-budget/--risk is rounded down to it",
    )


def _add_account_arguments(p: argparse.ArgumentParser) -> None:
    """The account currency, and its rate when it is neither of the pair's."""
    p.add_argument(
        "--account",
        default="quote",
        help="account currency: quote (default), base, or a code with --to-account",
    )
    p.add_argument(
        "--to-account",
        type=number("to_account", above=0),
        help="account units per quote unit (third-currency account)",
    )


def _add_margin_arguments(p: argparse.ArgumentParser) -> None:
    """Leverage or margin rate, the broker's margin-call and stop-out levels, the swap."""
    margin = p.add_argument_group("margin")
    margin.add_argument("--leverage", type=number("leverage", above=0), help="e.g. 25 for 1:25")
    margin.add_argument("--margin-rate", type=rate("margin_rate"), help="or e.g. 4%%")
    margin.add_argument(
        "--margin-call",
        type=rate("margin_call"),
        default=MARGIN_CALL_LEVEL,
        help=f"level, {MARGIN_CALL_LEVEL * 100:.0f}%%",
    )
    margin.add_argument(
        "--stop-out",
        type=rate("stop_out"),
        default=STOP_OUT_LEVEL,
        help=f"level, {STOP_OUT_LEVEL * 100:.0f}%%",
    )
    margin.add_argument(
        "--swap-per-day",
        type=number("swap_per_day"),
        help="swap a calendar day, account currency (- = cost)",
    )


def _add_market_arguments(p: argparse.ArgumentParser) -> None:
    """Volatility, the VaR's horizon and confidence, the two currencies' rates."""
    market = p.add_argument_group("market")
    market.add_argument("--vol", type=rate("volatility"), help="annual volatility, 12%%")
    market.add_argument(
        "--horizon-days",
        type=number("horizon_days", above=0),
        default=10.0,
        help="VaR horizon in days",
    )
    market.add_argument(
        "--days-a-year",
        type=number("days_a_year", above=0),
        default=float(TRADING_DAYS),
        help=f"days a year for the horizon ({TRADING_DAYS})",
    )
    market.add_argument(
        "--confidence", type=rate("confidence"), default=CONFIDENCE, help="VaR level, 99%%"
    )
    market.add_argument("--rate-base", type=rate("rate_base"), help="base's rate")
    market.add_argument("--rate-quote", type=rate("rate_quote"), help="quote's rate")


def _arguments(p: argparse.ArgumentParser) -> None:
    _add_position_arguments(p)
    _add_size_arguments(p)
    _add_account_arguments(p)
    _add_margin_arguments(p)
    _add_market_arguments(p)
    add_json_argument(p)


def _to_account(args: argparse.Namespace, pair: Pair) -> tuple[str, float, str]:
    """(account currency, account units per quote unit, stop/margin maths' account side)."""
    where = args.account.strip()
    side = {"quote": str(pair.quote), "base": str(pair.base)}.get(where.lower(), where.upper())
    if side in (str(pair.quote), str(pair.base)):
        if args.to_account is not None:
            raise CarryxlError("to_account", args.to_account, "is only for a third currency")
        if side == str(pair.quote):
            return side, 1.0, "quote"
        return side, 1.0 / args.spot, "base"
    if args.to_account is None:
        raise CarryxlError("to_account", None, f"is needed for an account in {where}")
    # A third currency: converted at a fixed rate; the quote-currency maths applies.
    return where.upper(), float(args.to_account), "quote"


def _calculate(args: argparse.Namespace) -> dict[str, Any]:
    """The whole result as plain data (what ``--json`` prints)."""
    pair: Pair = args.pair
    side = float(side_sign(args.side))
    pip = pair.pip_size(args.pip_size)
    account, k, maths = _to_account(args, pair)
    budget = args.risk_budget
    if budget is None and args.risk is not None:
        if args.equity is None:
            raise CarryxlError("equity", None, "is needed with --risk as a fraction")
        budget = args.risk * args.equity
    sized: dict[str, Any] = {}
    if args.units is not None:
        units = args.units
    elif budget is not None and args.stop_pips is not None:
        exact = float(position_size(budget, args.stop_pips, pip, k))
        lots, rounded = lots_in_steps(exact, args.lot_size, args.lot_step)
        units = float(rounded)
        sized = {
            "units_unrounded": exact,
            "lots_unrounded": exact / args.lot_size,
            "lot_step": args.lot_step,
            "lots_rounded_down": float(lots),
        }
    else:
        raise CarryxlError("units", None, "give --units, or --risk-budget/--risk with --stop-pips")
    result: dict[str, Any] = {
        "pair": str(pair),
        "side": "long" if side > 0 else "short",
        "spot": args.spot,
        "account": account,
        "to_account": k,
        "pip_size": pip,
        "units": units,
        "lots": units / args.lot_size,
        **sized,
        "position_value": units * args.spot * k,
        "pip_value": float(pip_value(units, pip, k)),
    }
    if args.stop_pips is not None:
        stop = args.spot - side * args.stop_pips * pip
        result["stop_spot"] = stop
        # An account in the base currency: the quote-currency loss converts at the stop spot.
        at_stop = 1.0 / stop if maths == "base" else k
        result["loss_at_stop"] = float(pip_value(units, pip, at_stop)) * args.stop_pips
    if budget is not None:
        result["risk_budget"] = budget
        loss = budget if maths == "base" else budget / k
        result["stop_spot_for_budget"] = float(stop_loss_spot(args.spot, units, loss, side, maths))
    result |= _margin(args, units, k, maths)
    result |= _market(args, units, k, side)
    return result


def _margin(args: argparse.Namespace, units: float, k: float, maths: str) -> dict[str, Any]:
    """Margin, margin level, margin-call and stop-out spots, days of swap to the call."""
    result: dict[str, Any] = {}
    side = float(side_sign(args.side))
    if args.leverage is not None or args.margin_rate is not None:
        m = float(margin_fraction(args.leverage, args.margin_rate))
        margin = units * m * (1.0 if maths == "base" else args.spot * k)
        result |= {"margin_rate": m, "margin": margin}
        if args.equity is not None:
            equity = args.equity if maths == "base" else args.equity / k
            for key, level in (("margin_call", args.margin_call), ("stop_out", args.stop_out)):
                result[f"{key}_level"] = level
                result[f"{key}_spot"] = float(
                    margin_call_spot(args.spot, units, equity, side, None, m, level, maths)
                )
            result["margin_level"] = args.equity / margin
            if args.swap_per_day is not None:
                result["days_to_margin_call"] = float(
                    days_to_margin_call(args.equity, margin, args.swap_per_day, args.margin_call)
                )
    return result


def _market(args: argparse.Namespace, units: float, k: float, side: float) -> dict[str, Any]:
    """VaR, ES, probability of loss and carry-to-vol (with --vol)."""
    result: dict[str, Any] = {}
    have_rates = args.rate_base is not None and args.rate_quote is not None
    if args.vol is not None:
        years = args.horizon_days / args.days_a_year
        value = units * args.spot * k
        result |= {
            "volatility": args.vol,
            "horizon_days": args.horizon_days,
            "days_a_year": args.days_a_year,
            "horizon_years": years,
            "risk_model": VAR_MODEL,
            "confidence": args.confidence,
            "var": float(value_at_risk(value, args.vol, years, args.confidence)),
            "es": float(expected_shortfall(value, args.vol, years, args.confidence)),
        }
        if have_rates:
            earn, pay = (
                (args.rate_base, args.rate_quote) if side > 0 else (args.rate_quote, args.rate_base)
            )
            result["probability_of_loss"] = float(probability_of_loss(earn, pay, args.vol, years))
            result["probability_of_loss_model"] = _PROBABILITY_MODEL
            result["carry_to_vol"] = float(carry_to_vol(earn, pay, args.vol))
    return result


def _render(r: dict[str, Any]) -> str:
    """The human-readable report."""
    ccy = r["account"]
    rows: list[tuple[str, str]] = [
        (
            "position",
            f"{r['side']} {r['units']:,.2f} units ({r['lots']:.4g} lots) at {r['spot']:g}",
        ),
        *_sizing(r),
        (f"position value ({ccy})", money(r["position_value"], ccy)),
        (f"pip value ({ccy})", money(r["pip_value"], ccy)),
    ]
    if "stop_spot" in r:
        rows += [
            ("stop-loss spot", f"{r['stop_spot']:.6g}"),
            (f"loss at the stop ({ccy})", money(r["loss_at_stop"], ccy)),
        ]
    if "stop_spot_for_budget" in r:
        rows.append(
            (
                f"spot losing the budget {money(r['risk_budget'], ccy)}",
                _spot(r["stop_spot_for_budget"]),
            )
        )
    if "margin" in r:
        rows += [
            ("margin rate", percent(r["margin_rate"], 2)),
            (f"margin ({ccy})", money(r["margin"], ccy)),
        ]
    if "margin_level" in r:
        rows += [
            ("margin level", percent(r["margin_level"], 2)),
            (f"margin call at {percent(r['margin_call_level'], 0)}", _spot(r["margin_call_spot"])),
            (f"stop-out at {percent(r['stop_out_level'], 0)}", _spot(r["stop_out_spot"])),
        ]
    if "days_to_margin_call" in r:
        rows.append(("days of swap to margin call", f"{r['days_to_margin_call']:.1f}"))
    notes: list[str] = []
    if "var" in r:
        label = f"{percent(r['confidence'], 1)} over {r['horizon_days']:g} days"
        notes.append(
            f"VaR/ES: {r['risk_model']}, over {r['horizon_days']:g} days of "
            f"{r['days_a_year']:g} a year; volatility as given (--vol)."
        )
        rows += [
            (f"VaR {label} ({ccy})", money(r["var"], ccy)),
            (f"ES {label} ({ccy})", money(r["es"], ccy)),
        ]
    if "probability_of_loss" in r:
        notes.append(f"probability of loss: {_PROBABILITY_MODEL} (not the VaR's normal P&L).")
        rows += [
            (
                f"probability of a loss at {r['horizon_days']:g} days",
                percent(r["probability_of_loss"], 2),
            ),
            ("carry-to-vol (a year)", f"{r['carry_to_vol']:.4f}"),
        ]
    return "\n".join([f"{r['pair']} risk, account in {ccy}", table(rows), *notes])


def _sizing(r: dict[str, Any]) -> list[tuple[str, str]]:
    """The size before rounding to the broker's lot step, beside the one taken."""
    if "units_unrounded" not in r:
        return []
    return [
        (
            f"  rounded down to the lot step ({r['lot_step']:g} lot) from",
            f"{r['units_unrounded']:,.2f} units ({r['lots_unrounded']:.6g} lots)",
        )
    ]


def _spot(value: float) -> str:
    return f"{value:.6g}" if math.isfinite(value) else "never"


def run(args: argparse.Namespace) -> int:
    """Print the report, or JSON with ``--json``."""
    return print_report(_calculate(args), _render, args.json)


COMMANDS = (
    Command(
        name="risk",
        page="docs/desk.md",
        help="position size, pip value, stop-loss, margin call, VaR/ES, probability of loss",
        description="Risk numbers for one position in a pair. Money is in the account "
        "currency: the pair's quote currency unless --account base or --to-account.",
        arguments=_arguments,
        run=run,
        examples=(
            Example(
                "carryxl risk --pair AUD/JPY --spot 100 --equity 1000000 --risk 1% --stop-pips 300 "
                "--leverage 25 --vol 12% --horizon-days 10 --rate-base 4.5% --rate-quote 0.1%",
                note="risk 1% of 1,000,000 JPY with a 300-pip stop on AUD/JPY at 100, 1:25",
            ),
            Example(
                "carryxl risk --pair EUR/USD --spot 1.08 --units 100000 --account GBP "
                "--to-account 0.79 --equity 20000 --margin-rate 3.33% --json"
            ),
        ),
    ),
)
