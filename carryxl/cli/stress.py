"""``carryxl stress``: replay a carry position through a named episode or any date range."""

from __future__ import annotations

import argparse
from typing import Any

from carryxl.cli.arguments import currency, date, number, pair, rate
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import money, percent, print_json, table
from carryxl.cli.history import add_data_argument, add_plot_argument, load_history, plot_target
from carryxl.cli.levels import add_level_arguments, stop_out_level
from carryxl.cli.rates import add_policy_arguments, policy_schedule, rates_lines, rates_used
from carryxl.core.errors import CarryxlError
from carryxl.history.rates import RateSchedule
from carryxl.history.stress import EPISODES, episode, stress_replay

__all__ = ["COMMANDS", "run"]


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--list", action="store_true", help="list the named episodes")
    p.add_argument("--episode", help=f"a named episode: {', '.join(EPISODES)}")
    p.add_argument("--pair", type=pair("pair"), help="currency pair (overrides the episode's)")
    p.add_argument(
        "--funding", type=currency("funding"), help="the borrowed currency, one of the pair's"
    )
    p.add_argument("--start", type=date("start"), help="first date, YYYY-MM-DD")
    p.add_argument("--end", type=date("end"), help="last date, YYYY-MM-DD")
    p.add_argument(
        "--notional",
        type=number("notional", above=0),
        default=1_000_000.0,
        help="borrowed, in funding ccy",
    )
    p.add_argument("--rate-target", type=rate("rate_target"), help="e.g. 4.5%%")
    p.add_argument("--rate-funding", type=rate("rate_funding"), help="e.g. 0.1%%")
    p.add_argument("--rates", help="CSV step schedule of rates (date, then a column per ccy)")
    p.add_argument(
        "--leverage",
        type=number("leverage", above=0),
        default=1.0,
        help="notional / margin (default 1)",
    )
    add_level_arguments(p)
    add_plot_argument(p, "draw spot and equity")
    p.add_argument("--json", action="store_true", help="print JSON for machines")
    add_data_argument(p)
    add_policy_arguments(p)


def _inputs(args: argparse.Namespace) -> dict[str, Any]:
    base: dict[str, Any] = {}
    if args.episode:
        e = episode(args.episode)
        base = {
            "episode": e.title,
            "note": e.note,
            "pair": e.pair,
            "funding": e.funding,
            "start": e.start,
            "end": e.end,
        }
    schedule = RateSchedule.from_csv(args.rates) if args.rates else None
    for key in ("pair", "funding", "start", "end", "rate_target", "rate_funding"):
        given = getattr(args, key)
        if given is None and key.startswith("rate") and schedule is not None:
            given = schedule
        if given is not None:
            base[key] = given
        if base.get(key) is None and not key.startswith("rate"):
            raise CarryxlError(key.replace("_", "-"), None, "give it, or name an --episode")
    if base.get("rate_target") is None or base.get("rate_funding") is None:
        # No rates given: the pair's policy rates day by day (plus any broker spreads).
        funding = base["funding"]
        target = base["pair"].other(funding)
        spreads = {target: args.spread_target, funding: args.spread_funding}
        policy = policy_schedule(args, spreads)
        for key in ("rate_target", "rate_funding"):
            if base.get(key) is None:
                base[key] = policy
    return base


def _calculate(args: argparse.Namespace) -> dict[str, Any]:
    """The replay's summary as plain data."""
    chosen = _inputs(args)
    replay = stress_replay(
        chosen["pair"],
        chosen["funding"],
        chosen["start"],
        chosen["end"],
        args.notional,
        chosen["rate_target"],
        chosen["rate_funding"],
        args.leverage,
        args.margin_call,
        load_history(args),
        stop_out=stop_out_level(args),
    )
    funding = chosen["funding"]
    legs = {
        "target": (chosen["pair"].other(funding), chosen["rate_target"]),
        "funding": (funding, chosen["rate_funding"]),
    }
    used = rates_used(legs, replay.dates[0], replay.dates[-1])
    result = {**chosen, **replay.summary(), "leverage": args.leverage, "rates": used}
    result["rates_from"] = args.rates or (
        "constant rates" if used["source"] == "rates given by hand" else "BIS policy rates"
    )
    result["margin_call_level"] = args.margin_call
    result["path"] = [
        {"date": str(d), "spot": float(s), "pnl": float(p), "equity": float(e)}
        for d, s, p, e in zip(replay.dates, replay.spots, replay.pnl, replay.equity, strict=True)
    ]
    if args.plot:
        from carryxl.history.plots import plot_stress  # noqa: PLC0415 - matplotlib only when asked

        result["plot"] = str(plot_stress(replay, args.plot, chosen.get("episode")))
    return result


def _stop_out(r: dict[str, Any], ccy: str) -> list[tuple[str, str]]:
    """The stop-out rows: when, the fixing it was closed at, the level's spot, the P&L."""
    if r["stop_out_level"] is None:
        return [("stop-out", "none: held through (leverage 1, or --hold)")]
    label = f"stop-out (equity < {percent(r['stop_out_level'], 0)} of margin)"
    if r["stop_out_date"] is None:
        return [(label, "not reached")]
    return [
        (label, f"{r['stop_out_date']}, closed at the fixing {r['stop_out_spot']:.6g}"),
        ("spot at the stop-out level", f"{r['stop_out_level_spot']:.6g}"),
        ("P&L at the stop-out", f"{money(r['stop_out_pnl'], ccy)} {ccy}"),
    ]


def _target(pair: str, funding: str) -> str:
    """The held currency of a result's ``pair`` label (``BASE/QUOTE``, as carryxl writes it)."""
    base, quote = pair.split("/")
    return base if quote == funding else quote


def _render(r: dict[str, Any]) -> str:
    """The human-readable report."""
    ccy = r["funding"]
    title = r.get("episode") or f"{r['pair']} {r['start']} to {r['end']}"
    lines = [
        f"stress replay: {title}",
        f"position: borrow {money(r['notional'], ccy)} {ccy} at {percent(r['rate_funding'])}, "
        f"hold {_target(r['pair'], ccy)} at {percent(r['rate_target'])}; "
        f"leverage {r['leverage']:g} (margin {money(r['margin'], ccy)} {ccy})",
    ]
    lines += rates_lines(r["rates"])
    if r["rates_from"] != "constant rates":
        lines.append("(the position line shows the rates in force on the first date)")
    if r.get("note"):
        lines.append(f"what happened: {r['note']}")
    rows = [
        ("spot", f"{r['spot_start']:.6g} -> {r['spot_end']:.6g}"),
        ("move of the target vs funding", percent(r["spot_move"], 2)),
        ("worst move", f"{percent(r['worst_move'], 2)} on {r['worst_move_date']}"),
        ("worst P&L", f"{money(r['worst_pnl'], ccy)} {ccy} on {r['worst_pnl_date']}"),
        ("end P&L", f"{money(r['path'][-1]['pnl'], ccy)} {ccy}"),
        (
            "worst drawdown",
            f"{money(r['max_drawdown_amount'], ccy)} {ccy} "
            f"({percent(r['max_drawdown'], 1)} of peak equity)",
        ),
        (
            f"margin-call day (equity < {percent(r['margin_call_level'], 0)} of margin)",
            r["margin_call_date"] or "none",
        ),
        *_stop_out(r, ccy),
        ("equity wiped out", r["wiped_out_date"] or "no"),
        ("carry per day", f"{money(r['carry_per_day'], ccy)} {ccy}"),
        ("worst loss in days of carry", f"{r['carry_days_of_loss']:.1f}"),
        ("days of carry to offset worst move", f"{r['carry_days_to_offset']:.1f} (exact)"),
    ]
    lines += ["", table(rows)]
    if "plot" in r:
        lines.append(f"chart written to {r['plot']}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the report, the episode list, or JSON with ``--json``."""
    if args.list:
        rows = [(e.key, e.title, f"{e.start} to {e.end}", e.note) for e in EPISODES.values()]
        print(table(rows, ("episode", "what", "dates", "what happened")))
        print("rates: the pair's BIS policy rates day by day unless you give rates")
        return 0
    plot_target(args)
    result = _calculate(args)
    if args.json:
        print_json(result)
    else:
        print(_render(result))
    return 0


COMMANDS = (
    Command(
        name="stress",
        page="docs/history.md",
        help="P&L path of a carry position through a crisis: drawdown, margin call, carry days",
        description="Hold a carry position through real history (ECB fixings) and report "
        "the worst drawdown, the margin-call day and how many days of carry the loss equals. "
        "Equity = notional / leverage + P&L; a margin call comes when equity falls below "
        "--margin-call x the margin. With no rates given, the pair's BIS policy rates day "
        "by day from carryxl's data folder (plus any --spread-target/--spread-funding); "
        "the output says which rates were used.",
        arguments=_arguments,
        run=run,
        examples=(
            Example("carryxl stress --list"),
            Example(
                "carryxl stress --episode yen2024 --notional 10000000 --leverage 10",
                note="the USD and JPY policy rates day by day (carryxl data update or import)",
            ),
            Example("carryxl stress --episode gfc2008 --leverage 5 --plot gfc.png"),
            Example(
                "carryxl stress --pair NZD/JPY --funding JPY --start 2024-07-01 --end 2024-08-30 "
                "--notional 1000000 --rate-target 5.5% --rate-funding 0.1% --leverage 10"
            ),
        ),
    ),
)
