"""``carryxl statement FILE``: a MetaTrader 4/5 statement split into price and carry, and
the broker's swap against the central banks' policy-rate differential."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from carryxl.cli.arguments import add_json_argument, date_list
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import money, percent, print_report, table
from carryxl.cli.history import add_plot_argument, plot_target
from carryxl.core.errors import CarryxlError, Described
from carryxl.core.swaps import weekday_from_text
from carryxl.statements import analyse, read_statement
from carryxl.statements.conversion import convert_by_ecb
from carryxl.statements.report import TIMES_NOTE, report

__all__ = [
    "COMMANDS",
    "EXAMPLE_REPORT",
    "LARGE_FILE",
    "PROGRESS_FROM",
    "render",
    "run",
]

PROGRESS_FROM = 50_000
"""Positions from which the analysis reports its progress on stderr."""
LARGE_FILE = 30_000_000
"""Bytes from which reading the file is announced on stderr (about 50,000 positions)."""


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="MT5 report (.html, .xlsx) or MT4 statement (.htm)")
    add_json_argument(p)
    p.add_argument(
        "--show-account",
        action="store_true",
        help="print the holder's name and the account number (left out by default)",
    )
    p.add_argument(
        "--triple-day",
        metavar="DAY",
        help="the weekday your broker charges the weekend on, e.g. Wed (default: the pair's "
        "settlement rule: Wednesday for T+2 pairs, Thursday for T+1)",
    )
    p.add_argument(
        "--holidays",
        type=date_list("holidays"),
        help="days your broker's value dates skip, comma-separated YYYY-MM-DD (e.g. "
        "2025-12-25,2026-01-01): holidays add nights to the rollover before them",
    )
    p.add_argument("--positions", action="store_true", help="list every position (text)")
    add_plot_argument(p, "draw cumulative price P&L against cumulative swap, and rates by pair")


def _progress(done: int, total: int) -> None:
    print(f"carryxl statement: analysed {done:,} of {total:,} positions", file=sys.stderr)


def _number(value: float | None, places: int = 2) -> str:
    return "-" if value is None else f"{value:,.{places}f}"


def _rate(value: float | None) -> str:
    return "-" if value is None else percent(value, 2)


def _groups(rows: list[dict[str, Any]], key: str, ccy: str, rates: bool) -> str:
    head: tuple[str, ...] = (key, "side", "n", "lots", "price P&L", "swap", "commission")
    if rates:
        head += ("nights", "median/lot/night (quote)", "implied", "policy diff", "markup bp")
    body = []
    for g in rows:
        cells: tuple[str, ...] = (
            g[key],
            g["side"],
            str(g["positions"]),
            f"{g['lots']:g}",
            money(g["profit"], ccy),
            money(g["swap"], ccy),
            money(g["commission"] + g["fee"], ccy),
        )
        if rates:
            cells += (
                str(g["nights"]),
                _number(g["median_swap_per_lot_night_quote"]),
                _rate(g["implied_rate"]),
                _rate(g["policy_differential"]) + (" stale" if g["stale"] else ""),
                _number(g["markup_bp"], 0),
            )
        body.append(cells)
    return table(body, head)


def _heading(r: dict[str, Any]) -> list[str]:
    """The file, its layout and the account; what the money is in; a blank line."""
    a, ccy = r["account"], r["account"]["currency"]
    who = f"account {a['number']} ({a['holder']}), " if "number" in a else ""
    return [
        f"{r['source']['file']}: {r['source']['layout']}; {who}{ccy}, "
        f"{a['server'] or 'server not given'}, {a['kind'] or '-'}, {a['margin_mode'] or '-'}",
        f"money in {ccy} unless marked (quote: the pair's quote currency); {TIMES_NOTE}",
        "",
    ]


def _positions(r: dict[str, Any]) -> list[str]:
    """Every position, a row each (with ``--positions``), and a blank line."""
    ccy = r["account"]["currency"]
    if not (r["positions"] and r.get("listed")):
        return []
    body = [
        (
            p["ticket"],
            p["symbol"],
            p["side"],
            f"{p['lots']:g}",
            p["open_time"],
            p["close_time"],
            "-" if p["nights"] is None else str(p["nights"]),
            money(p["profit"], ccy),
            money(p["swap"] + p["financing"], ccy),
            money(p["commission"] + p["fee"], ccy),
            _number(p["swap_per_lot_night_quote"]),
            _rate(p["implied_rate"]),
            _rate(p["policy_differential"]) + (" stale" if p["stale"] else ""),
            _number(p["markup_bp"], 0),
        )
        for p in r["positions"]
    ]
    head = (
        *("ticket", "symbol", "side", "lots", "open", "close", "nights", "price P&L"),
        *("swap", "commission", "swap/lot/night (quote)", "implied", "policy diff"),
        "markup bp",
    )
    return [table(body, head), ""]


def _account_totals(r: dict[str, Any]) -> list[str]:
    """The account's totals, its average implied rate and markup, and what is left out."""
    t, ccy = r["totals"], r["account"]["currency"]
    lines = [
        f"account: {t['positions']} closed positions; price P&L {money(t['profit'], ccy)}, "
        f"swap {money(t['swap'], ccy)}, commission {money(t['commission'] + t['fee'], ccy)}, "
        f"net {money(t['net'], ccy)} {ccy}; {t['nights']} position-nights"
    ]
    if t["implied_rate"] is not None:
        lines.append(
            f"average implied rate {_rate(t['implied_rate'])}, policy differential "
            f"{_rate(t['policy_differential'])}, markup {_number(t['markup_bp'], 0)} bp a year "
            "(weighted by lots x nights)"
        )
    if t["file_net_profit"] is not None:
        lines.append(f"the file's own net profit: {money(t['file_net_profit'], ccy)} {ccy}")
    if t["open_positions"]:
        lines.append(f"{t['open_positions']} position(s) still open are not counted")
    if t["unattributed_financing"]:
        lines.append(
            f"financing no position was open to take: {money(t['unattributed_financing'], ccy)}"
        )
    return lines


def render(r: dict[str, Any]) -> str:
    """The text report."""
    ccy = r["account"]["currency"]
    lines = _heading(r) + _positions(r)
    if r["pairs"]:
        lines += ["FX pairs (longs and shorts apart):", _groups(r["pairs"], "pair", ccy, True), ""]
    if r["others"]:
        lines += ["metals, indices and other CFDs (not priced as FX):"]
        lines += [_groups(r["others"], "symbol", ccy, False), ""]
    lines += _account_totals(r)
    lines += r["notes"]
    if r["source"]["policy_rates"]:
        lines.append(f"policy rates: {r['source']['policy_rates']}")
    if "plot" in r:
        lines.append(f"chart written to {r['plot']}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Read, analyse, print (and draw)."""
    from carryxl.history.store import load_policy_rates  # noqa: PLC0415

    plot = plot_target(args)
    triple = args.triple_day
    if triple is not None:
        weekday_from_text(triple, "triple_day")
    path = Path(args.file)
    if not path.is_file():
        raise CarryxlError("FILE", Described(args.file), "is not a file")
    size = path.stat().st_size
    if size >= LARGE_FILE:
        print(f"carryxl statement: reading {path.name} ({size / 1e6:,.0f} MB)", file=sys.stderr)
    statement = read_statement(path)
    progress = _progress if len(statement.positions) >= PROGRESS_FROM else None
    analysis = analyse(
        statement,
        load_policy_rates(),
        triple_day=triple,
        convert=convert_by_ecb,
        progress=progress,
        holidays=args.holidays or None,
    )
    result = report(analysis, show_account=args.show_account)
    if plot is not None:
        from carryxl.statements.plot import plot_statement  # noqa: PLC0415 - matplotlib

        result["plot"] = str(plot_statement(analysis, plot))
    result["listed"] = bool(args.positions)
    if args.json:
        del result["listed"]
    return print_report(result, render, args.json)


EXAMPLE_REPORT = """\
<html><body><table>
<tr><th colspan="4">Name:</th><th colspan="10"><b>A. Trader</b></th></tr>
<tr><th colspan="4">Account:</th><th colspan="10">
<b>1234567 (USD, Demo-Server, demo, Hedge)</b></th></tr>
<tr><th colspan="4">Company:</th><th colspan="10"><b>Example Broker</b></th></tr>
<tr><th colspan="4">Date:</th><th colspan="10"><b>2025.01.17 18:00</b></th></tr>
<tr><th colspan="14"><b>Positions</b></th></tr>
<tr><td>Time</td><td>Position</td><td>Symbol</td><td>Type</td><td>Volume</td>
<td>Price</td><td>S / L</td><td>T / P</td><td>Time</td><td>Price</td><td>Commission</td>
<td>Swap</td><td colspan="2">Profit</td></tr>
<tr><td>2025.01.06 10:00:00</td><td>11</td><td>USDJPY.m</td><td>buy</td>
<td class="hidden" colspan="8">c</td><td>1.00</td><td>157.500</td><td></td><td></td>
<td>2025.01.13 09:00:00</td><td>158.000</td><td>-7.00</td><td>31.50</td>
<td colspan="2">316.46</td></tr>
<tr><td>2025.01.06 10:00:00</td><td>12</td><td>USDJPY.m</td><td>sell</td>
<td class="hidden" colspan="8">c</td><td>1.00</td><td>157.500</td><td></td><td></td>
<td>2025.01.13 09:00:00</td><td>158.000</td><td>-7.00</td><td>-98.00</td>
<td colspan="2">-316.46</td></tr>
<tr><th colspan="14"><b>Orders</b></th></tr>
<tr><td>Open Time</td><td>Order</td><td>Symbol</td><td>Type</td><td>Volume</td>
<td>Price</td><td>S / L</td><td>T / P</td><td>Time</td><td colspan="2">State</td>
<td colspan="3">Comment</td></tr>
<tr><th colspan="14"><b>Deals</b></th></tr>
<tr><td>Time</td><td>Deal</td><td>Symbol</td><td>Type</td><td>Direction</td>
<td>Volume</td><td>Price</td><td>Order</td><td>Commission</td><td>Fee</td><td>Swap</td>
<td>Profit</td><td>Balance</td><td>Comment</td></tr>
<tr><th colspan="14"><b>Open Positions</b></th></tr>
<tr><td>Time</td><td>Position</td><td>Symbol</td><td>Type</td><td>Volume</td>
<td>Price</td><td>S / L</td><td>T / P</td><td>Market Price</td><td>Swap</td>
<td>Profit</td><td colspan="3">Comment</td></tr>
<tr><td colspan="13"><b>Results</b></td></tr>
<tr><td colspan="3">Total Net Profit:</td><td><b>-80.50</b></td></tr>
</table></body></html>
"""

COMMANDS = (
    Command(
        name="statement",
        page="docs/statements.md",
        help="a MetaTrader 4/5 statement: price against carry, broker swap against policy rates",
        description="Reads a MetaTrader 5 report (HTML as the terminal writes it, or its XLSX "
        "export) or a MetaTrader 4 statement (HTML) and reports, per position, per pair and "
        "side and for the account: price P&L, swap, commission, nights held (value dates on "
        "the server's calendar), swap per lot per night in the quote currency, the annual "
        "rate it implies on the position's value, the BIS policy-rate differential over the "
        "holding (after `carryxl data update`) and the broker's markup in basis points a "
        "year. Metals, indices and other CFDs are totalled apart. The holder's name and "
        "account number are printed only with --show-account; the file is never changed.",
        arguments=_arguments,
        run=run,
        examples=(
            Example(
                "carryxl statement report.html --positions",
                files={"report.html": EXAMPLE_REPORT},
                note="an MT5 report (as HTML); --json for machines, --plot carry.png for a chart",
            ),
        ),
    ),
)
