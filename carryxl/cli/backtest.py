"""``carryxl backtest`` and ``carryxl basket``: daily backtests of a carry trade or a
top-N / bottom-N carry basket on historical fixings, with statistics and a PNG chart."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

from carryxl.cli.arguments import (
    add_funding_argument,
    add_json_argument,
    count,
    currency,
    currency_list,
    date,
    number,
    pair,
    rate,
)
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import money, percent, print_json, table
from carryxl.cli.history import add_data_argument, add_plot_argument, load_history, plot_target
from carryxl.cli.levels import add_level_arguments, stop_out_level
from carryxl.cli.rates import (
    add_policy_arguments,
    policy_schedule,
    rate_pairs,
    rates_lines,
    rates_used,
)
from carryxl.core.conventions import Currency, Pair
from carryxl.history.backtest import StopOut, backtest
from carryxl.history.basket import G10, BasketBacktest, basket_backtest
from carryxl.history.rates import RateSchedule, Schedule
from carryxl.history.stats import PerformanceStats

__all__ = [
    "COMMANDS",
    "RATES_CSV",
    "run",
    "run_basket",
    "stop_lines",
]

RATES_CSV = """date,AUD,JPY
2005-01-03,5.25%,0.1%
2008-09-03,7.0%,
"""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--start", required=True, type=date("start"), help="first date, YYYY-MM-DD")
    p.add_argument("--end", required=True, type=date("end"), help="last date, YYYY-MM-DD")
    p.add_argument(
        "--notional",
        type=number("notional", above=0),
        default=1_000_000.0,
        help="amount (default 1m)",
    )
    p.add_argument("--rates", help="CSV step schedule: date, then one column per currency")
    p.add_argument(
        "--leverage",
        type=number("leverage", above=0),
        default=1.0,
        help="notional / margin (default 1)",
    )
    p.add_argument(
        "--cost",
        type=rate("cost", at_least=0.0, below=1.0),
        default=0.0,
        help="per side, of notional: 2bp (< 100%%)",
    )
    add_level_arguments(p)
    add_plot_argument(p, "draw equity and drawdown")
    add_json_argument(p)
    p.add_argument("--daily", action="store_true", help="include the daily curve in --json")
    add_data_argument(p)


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pair", required=True, type=pair("pair"), help="currency pair, e.g. AUD/JPY")
    add_funding_argument(p)
    p.add_argument("--rate-target", type=rate("rate_target"), help="e.g. 4.5%%")
    p.add_argument("--rate-funding", type=rate("rate_funding"), help="e.g. 0.1%%")
    p.add_argument(
        "--stop-loss", type=rate("stop_loss", at_least=0.0), help="close a trade at -5%%"
    )
    p.add_argument("--trend", help="hold only in an uptrend: sma:N, ema:N, macd, rsi:N")
    _common(p)
    add_policy_arguments(p)


def _basket_arguments(b: argparse.ArgumentParser) -> None:
    b.add_argument("--rate", action="append", default=[], metavar="CCY=RATE", help="AUD=4.35%%")
    b.add_argument(
        "--currencies",
        type=currency_list("currencies"),
        default=",".join(G10),
        help="comma-separated (G10)",
    )
    b.add_argument(
        "--base",
        type=currency("base"),
        default="USD",
        help="currency the basket is measured in (USD)",
    )
    b.add_argument(
        "--top", type=count("top", at_least=0), default=3, help="how many to hold long (3)"
    )
    b.add_argument(
        "--bottom", type=count("bottom", at_least=0), default=3, help="how many to hold short (3)"
    )
    b.add_argument("--rebalance", default="monthly", help="monthly or quarterly")
    _common(b)
    add_policy_arguments(b, spreads=False)
    b.add_argument(
        "--spread",
        action="append",
        default=[],
        metavar="CCY=RATE",
        help="a broker's spread added to that currency's policy rate (long or short), "
        "e.g. JPY=1.5%%",
    )


def _annualised(s: PerformanceStats) -> str:
    if s.wiped_out_date is not None:
        return f"n/a: account wiped out on {s.wiped_out_date}"
    return percent(s.annualised_return, 2)


def stop_lines(
    stop: StopOut | None,
    levels: tuple[float, float | None],
    margin_call_date: str | None,
    ccy: str,
) -> list[str]:
    """The report's first lines: the stop-out or wipe-out (when, at what spot), the call."""
    call, out = levels
    lines = []
    if stop is not None:
        what = "WIPED OUT" if stop.wiped_out else "STOPPED OUT"
        fill = "" if not math.isfinite(stop.spot) else f" at {stop.spot:.6g} (the fixing closed at)"
        level = ""
        if stop.level is not None:
            level = f"; stop-out at equity < {percent(stop.level, 0)} of the margin"
            if stop.level_spot is not None and math.isfinite(stop.level_spot):
                level += f", reached at spot {stop.level_spot:.6g}"
        lines.append(
            f"{what} on {stop.date}{fill}{level}: P&L {money(stop.pnl, ccy)} {ccy}, "
            f"equity {money(stop.equity, ccy)} {ccy}"
        )
    elif out is None:
        lines.append("stop-out: none (leverage 1, or --hold)")
    else:
        lines.append(f"stop-out (equity < {percent(out, 0)} of the margin): not reached")
    if out is not None or margin_call_date is not None:
        lines.append(
            f"margin call (equity < {percent(call, 0)} of the margin): "
            + (margin_call_date or "not reached")
        )
    return lines


def _stats_rows(s: PerformanceStats, ccy: str) -> list[tuple[str, str]]:
    return [
        ("statistics over", f"{s.start_date} to {s.end_date}"),
        ("equity", f"{money(s.start_equity, ccy)} -> {money(s.end_equity, ccy)} {ccy}"),
        ("years (ACT/365F)", f"{s.years:.3f}"),
        ("total return", percent(s.total_return, 2)),
        ("annualised return", _annualised(s)),
        ("volatility (ann.)", percent(s.volatility, 2)),
        ("Sharpe (rf 0)", f"{s.sharpe:.2f}"),
        (
            "max drawdown",
            f"{percent(s.max_drawdown, 2)} ({money(s.max_drawdown_amount, ccy)} {ccy}; "
            f"{s.max_drawdown_peak} to {s.max_drawdown_trough})",
        ),
        ("worst month", f"{s.worst_month} {percent(s.worst_month_return, 2)}"),
        (f"carry ({ccy})", money(s.carry, ccy)),
        (f"spot ({ccy})", money(s.fx, ccy)),
        (f"cross term ({ccy})", money(s.cross, ccy)),
        (f"costs ({ccy})", money(-s.costs, ccy)),
    ]


def _levels(result: Any) -> dict[str, Any]:
    """The margin-call and stop-out levels and what happened at them, for JSON."""
    stop = result.stop
    return {
        "margin_call_level": result.margin_call_level,
        "margin_call_date": result.margin_call_date,
        "stop_out_level": result.stop_out_level,
        "stopped_out": None if stop is None else stop.what,
        "stop": None
        if stop is None
        else {
            "date": stop.date,
            "fill_spot": stop.spot,
            "level_spot": stop.level_spot,
            "pnl": stop.pnl,
            "equity": stop.equity,
            "wiped_out": stop.wiped_out,
        },
    }


def _daily(result: Any) -> list[dict[str, Any]]:
    return [
        {"date": str(d), "equity": float(e), "carry": float(c), "fx": float(f)}
        for d, e, c, f in zip(result.dates, result.equity, result.carry, result.fx, strict=True)
    ]


def _trade_rates(
    args: argparse.Namespace, pair: Pair, funding: Currency, *, schedule: Schedule | None
) -> tuple[float | Schedule, float | Schedule]:
    """(target's, funding's) rates: constants, the --rates ``schedule``, or, for a leg given
    neither, the policy rates day by day plus the broker's spread."""
    r_t = args.rate_target if args.rate_target is not None else schedule
    r_f = args.rate_funding if args.rate_funding is not None else schedule
    if r_t is None or r_f is None:  # no rates given: the policy rates, day by day
        target = pair.other(funding)
        spreads = {target: args.spread_target, funding: args.spread_funding}
        policy = policy_schedule(args, spreads)
        r_t = policy if r_t is None else r_t
        r_f = policy if r_f is None else r_f
    return r_t, r_f


def _print_trade(args: argparse.Namespace, result: Any, data: dict[str, Any]) -> None:
    """The text report of one trade's backtest."""
    ccy = data["currency"]
    print(f"backtest: {result.pair} funded in {ccy}, {args.start} to {args.end}")
    levels = (result.margin_call_level, result.stop_out_level)
    print("\n".join(stop_lines(result.stop, levels, result.margin_call_date, ccy)))
    print(f"notional {money(result.notional, ccy)} {ccy}, margin {money(result.margin, ccy)} {ccy}")
    print("\n".join(rates_lines(data["rates"])))
    print(table(_stats_rows(result.stats, ccy)))
    print(
        f"trades: {len(result.trades)}"
        + (f"; chart written to {data['plot']}" if args.plot else "")
    )


def run(args: argparse.Namespace) -> int:
    """Backtest one carry trade and print the statistics (or JSON)."""
    plot_target(args)
    schedule = RateSchedule.from_csv(args.rates) if args.rates else None
    pair: Pair = args.pair
    funding: Currency = args.funding
    r_t, r_f = _trade_rates(args, pair, funding, schedule=schedule)
    result = backtest(
        pair,
        funding,
        args.start,
        args.end,
        args.notional,
        r_t,
        r_f,
        args.leverage,
        stop_loss=args.stop_loss,
        trend=args.trend,
        cost=args.cost,
        margin_call=args.margin_call,
        history=load_history(args),
        stop_out=stop_out_level(args),
    )
    ccy = str(result.funding)
    data: dict[str, Any] = {
        "pair": str(result.pair),
        "funding": ccy,
        "currency": ccy,
        "notional": result.notional,
        "margin": result.margin,
        "rates": rates_used(
            {"target": (pair.other(funding), r_t), "funding": (funding, r_f)},
            result.dates[0],
            result.dates[-1],
        ),
        **_levels(result),
        **result.stats.as_dict(),
        "trades": [
            {
                "entry": str(result.dates[t.entry]),
                "exit": str(result.dates[t.exit]),
                "why": t.reason,
            }
            for t in result.trades
        ],
    }
    if args.daily:
        data["daily"] = _daily(result)
    if args.plot:
        from carryxl.history.plots import plot_backtest  # noqa: PLC0415 - matplotlib only when asked

        data["plot"] = str(plot_backtest(result, args.plot))
    if args.json:
        print_json(data)
    else:
        _print_trade(args, result, data)
    return 0


def _rates(args: argparse.Namespace) -> Schedule | dict[Currency, float]:
    if args.rates:
        return RateSchedule.from_csv(args.rates)
    if not args.rate:  # no rates given: the policy rates in force at each rebalance
        return policy_schedule(args, rate_pairs(args.spread, "spread"))
    return rate_pairs(args.rate, "rate")


def run_basket(args: argparse.Namespace) -> int:
    """Backtest the basket and print the statistics (or JSON)."""
    plot_target(args)
    rates = _rates(args)
    result = basket_backtest(
        rates,
        args.start,
        args.end,
        args.currencies,
        args.base,
        top=args.top,
        bottom=args.bottom,
        rebalance=args.rebalance,
        notional=args.notional,
        leverage=args.leverage,
        cost=args.cost,
        history=load_history(args),
        margin_call=args.margin_call,
        stop_out=stop_out_level(args),
    )
    ccy = str(result.base)
    data: dict[str, Any] = {
        "base": ccy,
        "currency": ccy,
        "notional": result.notional,
        "margin": result.margin,
        "rates": _basket_rates(rates, args, result.dates),
        **_levels(result),
        **result.stats.as_dict(),
        "rebalances": [r.__dict__ for r in result.rebalances],
    }
    if args.daily:
        data["daily"] = _daily(result)
    if args.plot:
        data["plot"] = str(_plot_basket(args, result))
    if args.json:
        print_json(data)
    else:
        _print_basket(args, result, data)
    return 0


def _plot_basket(args: argparse.Namespace, result: BasketBacktest) -> Path:
    """The basket's equity, carry and FX up to its stop-out (if any), drawn to --plot."""
    from carryxl.history.plots import plot_basket  # noqa: PLC0415 - matplotlib only when asked

    title = f"carry basket: long top {args.top}, short bottom {args.bottom} vs {result.base}"
    return plot_basket(result, args.plot, title)


def _print_basket(args: argparse.Namespace, result: Any, data: dict[str, Any]) -> None:
    """The text report of the basket's backtest."""
    ccy = data["currency"]
    last = result.rebalances[-1]
    print(f"carry basket vs {ccy}, {args.rebalance}, {args.start} to {args.end}")
    levels = (result.margin_call_level, result.stop_out_level)
    print("\n".join(stop_lines(result.stop, levels, result.margin_call_date, ccy)))
    print(
        f"last holding ({last.date}): long {', '.join(last.longs)}; short {', '.join(last.shorts)}"
    )
    print("\n".join(rates_lines(data["rates"])))
    print(table(_stats_rows(result.stats, ccy)))
    if args.plot:
        print(f"chart written to {data['plot']}")


def _basket_rates(
    rates: Schedule | dict[Currency, float], args: argparse.Namespace, dates: Any
) -> dict[str, Any]:
    """Which rates ranked and accrued the basket's currencies."""
    codes = [*args.currencies, args.base]
    if isinstance(rates, dict):
        return {"each": "given, constant (--rate)", "source": "rates given by hand"}
    legs = {str(c): (c, rates) for c in dict.fromkeys(codes)}
    used = rates_used(legs, dates[0], dates[-1])
    kept = {k: v for k, v in used.items() if k in ("source", "as_of", "as_of_note", "notes")}
    each = "policy rates in force at each rebalance, accrued day by day (BIS)"
    if isinstance(rates, Schedule) and "as_of" not in used:
        each = f"the step schedule {rates.source}"
    return {"each": each, **kept}


COMMANDS = (
    Command(
        name="backtest",
        page="docs/history.md",
        help="daily backtest of a carry trade: equity curve, return, vol, Sharpe, drawdown",
        description="Hold a carry trade over real fixings (ECB by default) with daily simple "
        "accrual under each currency's day count. Rates are constants (--rate-target, "
        "--rate-funding), a step schedule (--rates CSV: each row is in force from its "
        "date on), or, with none given, each currency's BIS policy rate day by day from "
        "carryxl's data folder, plus a broker's --spread-target/--spread-funding. The "
        "output says which rates were used. Optional stop-loss, trend filter, costs and "
        "margin call.",
        arguments=_arguments,
        run=run,
        examples=(
            Example(
                "carryxl backtest --pair AUD/JPY --funding JPY --start 2005-01-03 "
                "--end 2012-12-31 --notional 10000000 --rate-target 6% --rate-funding 0.3% "
                "--plot audjpy.png"
            ),
            Example(
                "carryxl backtest --pair AUD/JPY --funding JPY --start 2005-01-03 "
                "--end 2012-12-31 --notional 10000000 --rates rates.csv --trend sma:50 "
                "--stop-loss 5% --cost 2bp",
                files={"rates.csv": RATES_CSV},
            ),
            Example(
                "carryxl backtest --pair AUD/JPY --funding JPY --start 2007-01-02 "
                "--end 2009-12-31 --notional 10000000 --leverage 5 --spread-funding 1.5%",
                note="no rates given: the BIS policy rates day by day (carryxl data update), "
                "the yen borrowed at the Bank of Japan's rate + 1.5%",
            ),
        ),
    ),
    Command(
        name="basket",
        page="docs/history.md",
        help="G10-style carry basket: long the top-N, short the bottom-N by their rates",
        description="Rank currencies by their rates on each rebalance date; hold the top N "
        "long and the bottom N short against the base currency. Rates by --rate CCY=RATE, "
        "--rates rates.csv with one column per currency, or, with none given, the BIS "
        "policy rates in force at each rebalance (as the published G10 carry indices do), "
        "accrued day by day.",
        arguments=_basket_arguments,
        run=run_basket,
        examples=(
            Example(
                "carryxl basket --start 2015-01-02 --end 2024-12-31 --top 3 --bottom 3 "
                "--rebalance monthly --rate USD=5% --rate EUR=3% --rate JPY=0.1% "
                "--rate GBP=5% --rate CHF=1% --rate AUD=4.3% --rate NZD=5.5% --rate CAD=4.5% "
                "--rate SEK=3.5% --rate NOK=4.5%"
            ),
            Example(
                "carryxl basket --start 2017-01-02 --end 2024-06-28 --top 3 --bottom 3 "
                "--spread JPY=1.5%",
                note="no rates given: the BIS policy rates in force at each rebalance",
            ),
        ),
    ),
)
