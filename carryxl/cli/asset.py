"""``carryxl asset``: borrow one currency, buy an asset priced in another (yen into Nasdaq)."""

from __future__ import annotations

import argparse
from typing import Any

from carryxl.cli.arguments import number, rate
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import percent, print_report, table
from carryxl.core import (
    CarryxlError,
    MoveConvention,
    asset_carry_return,
    breakeven_fx_move,
    foreign_move,
    funding_move,
    fx_return,
)

__all__ = ["COMMANDS", "run"]


def _arguments(p: argparse.ArgumentParser) -> None:
    change = rate
    p.add_argument(
        "--asset-return",
        required=True,
        type=change("asset_return"),
        help="the asset's return in its own currency, e.g. -2.15%%",
    )
    fx = p.add_mutually_exclusive_group(required=True)
    fx.add_argument(
        "--fx-move",
        type=change("fx_move"),
        help="the foreign currency's move against the funding one (USD/JPY +1.52%% is 1.52%%)",
    )
    fx.add_argument(
        "--funding-move",
        type=change("funding_move"),
        help="the funding currency's own move ('yen -5.75%%')",
    )
    fx.add_argument(
        "--fx-spots",
        nargs=2,
        type=number("fx_spots", above=0),
        metavar=("START", "END"),
        help="FOREIGN/FUNDING spot at start and end (USD/JPY 150 152.28)",
    )
    p.add_argument(
        "--convention",
        default="quote",
        choices=[c.value for c in MoveConvention],
        help="with --funding-move: 'quote' = the quoted rate moved the opposite way; "
        "'value' = the currency's own value changed (default quote)",
    )
    p.add_argument(
        "--rate-funding",
        type=rate("rate_funding"),
        default=0.0,
        help="funding rate a year (default 0: the return before funding)",
    )
    p.add_argument(
        "--years", type=number("years", at_least=0), default=0.0, help="holding period in years"
    )
    p.add_argument(
        "--local-return",
        type=change("local_return"),
        help="a local asset's return over the same period, e.g. the Nikkei",
    )
    p.add_argument("--json", action="store_true", help="print JSON for machines")


def _calculate(args: argparse.Namespace) -> dict[str, Any]:
    """The result as plain data."""
    convention = MoveConvention.parse(args.convention)
    if args.fx_spots is not None:
        g = float(fx_return(*args.fx_spots))
    elif args.fx_move is not None:
        g = args.fx_move
    else:
        g = float(foreign_move(args.funding_move, convention))
    if args.years < 0:
        raise CarryxlError("years", args.years, "must be a number >= 0")
    result: dict[str, Any] = {
        "asset_return": args.asset_return,
        "fx_move": g,
        "funding_move_quote": float(funding_move(g, MoveConvention.QUOTE)),
        "funding_move_value": float(funding_move(g, MoveConvention.VALUE)),
        "convention": str(convention) if args.funding_move is not None else None,
        "rate_funding": args.rate_funding,
        "years": args.years,
        "return_before_funding": float(asset_carry_return(args.asset_return, g)),
        "return": float(asset_carry_return(args.asset_return, g, args.rate_funding, args.years)),
        "breakeven_fx_move": float(
            breakeven_fx_move(args.asset_return, args.rate_funding, args.years)
        ),
    }
    if args.local_return is not None:
        result["local_return"] = args.local_return
        result["excess_over_local"] = result["return_before_funding"] - args.local_return
    return result


def _render(r: dict[str, Any]) -> str:
    """The human-readable report."""
    rows = [
        ("asset return (its own currency)", percent(r["asset_return"])),
        ("foreign currency vs funding currency", percent(r["fx_move"])),
        ("  = funding currency, quoted rate (quote)", percent(r["funding_move_quote"])),
        ("  = funding currency, own value (value)", percent(r["funding_move_value"])),
        ("return in the funding currency, before funding", percent(r["return_before_funding"])),
        ("funding cost (rate x years)", percent(r["rate_funding"] * r["years"])),
        ("return in the funding currency, after funding", percent(r["return"])),
        ("FX move that wipes out the asset return", percent(r["breakeven_fx_move"])),
    ]
    if "local_return" in r:
        rows += [
            ("local asset return", percent(r["local_return"])),
            ("foreign asset minus local (same funding)", percent(r["excess_over_local"])),
        ]
    notes = ["(1 + asset) x (1 + FX) - 1 - funding rate x years"]
    if r["convention"]:
        notes.append(
            f"the funding currency's move was read with the '{r['convention']}' convention"
        )
    return table(rows) + "\n\n" + "\n".join(notes)


def run(args: argparse.Namespace) -> int:
    """Print the report, or JSON with ``--json``."""
    return print_report(_calculate(args), _render, args.json)


COMMANDS = (
    Command(
        name="asset",
        help="return of a foreign asset bought with borrowed money, in the funding currency",
        description="Borrow the funding currency, convert, buy a foreign asset, sell, convert "
        "back, repay. All moves and rates as 4.5% or 0.045.",
        arguments=_arguments,
        run=run,
        examples=(
            Example(
                "carryxl asset --asset-return -2.15% --fx-move 1.52% --local-return -4.35%",
                note="yen-funded Nasdaq in November 2025 (the talk's case)",
            ),
            Example(
                "carryxl asset --asset-return 49% --funding-move -5.75% --convention value "
                "--local-return 60.79%"
            ),
            Example(
                "carryxl asset --asset-return 8% --fx-spots 150 141 --rate-funding 0.5% --years 1"
            ),
        ),
    ),
)
