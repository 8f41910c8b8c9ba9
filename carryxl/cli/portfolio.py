"""``carryxl portfolio FILE.csv``: the whole book from a CSV of positions and tranches —
each position's average rate, carry, FX P&L, stop, margin and after-tax P&L, then the
book's total in the account currency, VaR/ES with correlations, each position's
contribution to risk, the diversification ratio and the net exposure per currency."""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from carryxl.cli.arguments import date, number, rate
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import money, percent, print_json, table
from carryxl.cli.history import add_data_argument, add_plot_argument, load_history, plot_target
from carryxl.core.conventions import Currency, Pair, default_day_count
from carryxl.core.dates import parse_date
from carryxl.core.errors import CarryxlError
from carryxl.core.parse import number_from_text, rate_from_text
from carryxl.core.portfolio import book_positions, book_risk, check_correlation, currency_exposure
from carryxl.core.sides import side_sign
from carryxl.core.validate import FloatArray

__all__ = ["COMMANDS", "BookFile", "calculate", "read_book", "render", "run"]

YEN_BOOK_CSV = """pair,side,funding,stop_loss,leverage,rate_base,rate_quote,date,rate,amount
AUD/JPY,long,JPY,3%,25,4.35%,0.1%,2024-06-03,,50000
,,,,,,,2024-06-24,,50000
,,,,,,,2024-07-10,,50000
NZD/JPY,long,JPY,3%,25,5.5%,0.1%,2024-06-10,,80000
,,,,,,,2024-07-01,,80000
MXN/JPY,long,JPY,5%,10,11%,0.1%,2024-06-03,,500000
,,,,,,,2024-06-17,,500000
,,,,,,,2024-07-15,,500000
USD/JPY,long,JPY,5%,25,5.33%,0.1%,2024-07-01,,30000
,,,,,,,2024-07-10,,30000
"""
"""The talk's yen-funded book (docs/examples/yen_book.csv): entry rates left blank, so
each tranche's rate is the ECB fixing of its date."""

BOOK_CSV = """pair,side,funding,stop_loss,leverage,rate_base,rate_quote,date,rate,amount
AUD/JPY,long,JPY,3%,25,4.35%,0.1%,2024-06-03,103.2,50000
,,,,,,,2024-06-24,105.1,50000
USD/JPY,long,JPY,5%,25,5.33%,0.1%,2024-07-01,161.1,30000
"""

DESCRIPTION = (
    "Value a book of carry positions built in tranches (分批建仓) and measure its risk with "
    "the pairs' correlations (分散投资): totals in the account currency, VaR/ES, each "
    "position's contribution, diversification ratio, net currency exposure. In FILE.csv a "
    "row with a pair starts a position; rows below it with the pair left blank are more "
    "tranches of it (columns: pair, side, funding, stop_loss, leverage, rate_base, "
    "rate_quote, date, rate, amount; optional spot, volatility, and swap: the broker's "
    "swap in quote money per lot per night, credit positive, with lot_size, default "
    "100000). Spots and the account "
    "rates come from the ECB fixings on --date unless a spot column is given; a blank entry "
    "rate is the ECB fixing of the tranche's date; volatilities and correlations come from "
    "the fixings between --start and --end (unless a volatility column and --correlation "
    "FILE.csv are given)."
)

_POSITION_COLUMNS = (
    "side", "funding", "stop_loss", "leverage", "rate_base", "rate_quote", "swap", "lot_size",
)  # fmt: skip


@dataclass
class BookFile:
    """A book read from CSV: per position and per tranche columns."""

    pairs: list[str] = field(default_factory=list)
    sides: list[float] = field(default_factory=list)
    stop_loss: list[float] = field(default_factory=list)
    leverage: list[float] = field(default_factory=list)
    rate_base: list[float] = field(default_factory=list)
    rate_quote: list[float] = field(default_factory=list)
    swap: list[float] = field(default_factory=list)
    lot_size: list[float] = field(default_factory=list)
    spots: list[float | None] = field(default_factory=list)
    volatilities: list[float | None] = field(default_factory=list)
    position: list[int] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    rates: list[float | None] = field(default_factory=list)
    amounts: list[float] = field(default_factory=list)


def _number(text: str, argument: str, *, positive: bool = False) -> float:
    return number_from_text(text, argument, above=0.0 if positive else None)


def _fraction(text: str, argument: str, default: float) -> float:
    return default if not text else rate_from_text(text, argument)


def _position(book: BookFile, row: dict[str, str], line: int) -> None:
    pair = Pair.parse(row["pair"], f"pair (line {line})")
    side = float(side_sign(row.get("side") or "long", f"side (line {line})"))
    funding = row.get("funding", "")
    if funding:
        owed = pair.quote if side > 0 else pair.base
        if Currency.parse(funding, f"funding (line {line})") != owed:
            raise CarryxlError(
                f"funding (line {line})", funding, f"must be {owed}: the currency a "
                f"{'long' if side > 0 else 'short'} {pair} borrows",
            )  # fmt: skip
    book.pairs.append(str(pair))
    book.sides.append(side)
    book.stop_loss.append(_fraction(row.get("stop_loss", ""), f"stop_loss (line {line})", 0.03))
    lev = row.get("leverage", "")
    book.leverage.append(_number(lev, f"leverage (line {line})") if lev else 1.0)
    book.rate_base.append(_fraction(row.get("rate_base", ""), f"rate_base (line {line})", 0.0))
    book.rate_quote.append(_fraction(row.get("rate_quote", ""), f"rate_quote (line {line})", 0.0))
    swap, lot = row.get("swap", ""), row.get("lot_size", "")
    book.swap.append(_number(swap, f"swap (line {line})") if swap else 0.0)
    book.lot_size.append(_number(lot, f"lot_size (line {line})", positive=True) if lot else 1e5)
    spot, vol = row.get("spot", ""), row.get("volatility", "")
    book.spots.append(_number(spot, f"spot (line {line})", positive=True) if spot else None)
    book.volatilities.append(_fraction(vol, f"volatility (line {line})", 0.0) if vol else None)


def read_book(path: str | Path) -> BookFile:
    """Positions and tranches from a CSV (see ``carryxl portfolio --help``)."""
    try:
        with Path(path).open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            header = [(name or "").strip().lower() for name in reader.fieldnames or ()]
    except OSError as error:
        raise CarryxlError("csv", str(path), f"cannot be read ({error.strerror})") from None
    except (UnicodeDecodeError, csv.Error):
        raise CarryxlError("csv", str(path), "is not a CSV text file (UTF-8)") from None
    twice = sorted({name for name in header if name and header.count(name) > 1})
    if twice:
        raise CarryxlError("csv", str(path), f"has the column {twice[0]} twice")
    book = BookFile()
    for line, raw in enumerate(rows, start=2):
        extra = raw.get(None)  # DictReader's key for fields beyond the header
        if extra:
            rule = "has more fields than the header (a decimal comma? write 4.35, not 4,35)"
            raise CarryxlError(f"csv line {line}", ",".join(map(str, extra)), rule)
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        if not any(row.values()):
            continue
        missing = [c for c in ("date", "rate", "amount") if c not in row]
        if missing:
            raise CarryxlError("csv", str(path), f"needs the columns {', '.join(missing)}")
        if row.get("pair"):
            _position(book, row, line)
        elif not book.pairs:
            raise CarryxlError(f"pair (line {line})", "", "the first row must name a pair")
        elif any(row.get(c) for c in _POSITION_COLUMNS):
            raise CarryxlError(f"pair (line {line})", "", "is needed on a row with position data")
        book.position.append(len(book.pairs) - 1)
        book.dates.append(str(parse_date(f"date (line {line})", row["date"])))
        rate = row["rate"]
        book.rates.append(_number(rate, f"rate (line {line})", positive=True) if rate else None)
        book.amounts.append(_number(row["amount"], f"amount (line {line})", positive=True))
    if not book.pairs:
        raise CarryxlError("csv", str(path), "holds no position")
    return book


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("csv", metavar="FILE.csv", help="positions and tranches")
    p.add_argument(
        "--date", type=date("date"), help="valuation date, YYYY-MM-DD (default: last in the data)"
    )
    p.add_argument(
        "--start", type=date("start"), help="first date of the correlation window (--date - 1y)"
    )
    p.add_argument("--end", type=date("end"), help="last date of the correlation window (--date)")
    p.add_argument("--correlation", metavar="FILE.csv", help="correlations: header of pairs")
    p.add_argument("--account", help="account currency (default: the first pair's quote)")
    p.add_argument(
        "--confidence", type=rate("confidence"), default=0.99, help="VaR confidence (0.99)"
    )
    p.add_argument(
        "--horizon-days",
        type=number("horizon_days", above=0),
        default=10.0,
        help="trading days (10; /252)",
    )
    p.add_argument("--tax-interest", type=rate("tax_interest"), default=0.0, help="e.g. 20%%")
    p.add_argument("--tax-fx", type=rate("tax_fx"), default=0.0, help="e.g. 20%%")
    p.add_argument("--offset", default="within position", help="'within position' or 'separate'")
    p.add_argument(
        "--threshold", type=rate("threshold"), default=0.5, help="funding share flagged (0.5)"
    )
    add_plot_argument(p, "bar chart of each position's VaR and contribution")
    p.add_argument("--json", action="store_true", help="print JSON for machines")
    add_data_argument(p)


def _read_correlation(path: str, pairs: tuple[str, ...]) -> FloatArray:
    """A pair x pair matrix from a CSV whose header (and first column) names the pairs."""
    try:
        with Path(path).open(newline="", encoding="utf-8-sig") as handle:
            rows = [r for r in csv.reader(handle) if r]
    except OSError as error:
        raise CarryxlError("correlation", path, f"cannot be read ({error.strerror})") from None
    except (UnicodeDecodeError, csv.Error):
        raise CarryxlError("correlation", path, "is not a CSV text file (UTF-8)") from None
    if not rows:
        raise CarryxlError("correlation", path, "holds no matrix")
    header = [str(Pair.parse(h, "correlation")) for h in rows[0] if h.strip()]
    body = [r[1:] if len(r) > len(header) else r for r in rows[1:]]
    given = check_correlation([[_number(c, "correlation") for c in r] for r in body], len(header))
    where = {p: i for i, p in enumerate(header)}
    lost = [p for p in pairs if p not in where]
    if lost:
        raise CarryxlError("correlation", path, f"has no row for {', '.join(lost)}")
    index = [where[p] for p in pairs]
    return given[np.ix_(index, index)]


def calculate(args: argparse.Namespace) -> dict[str, Any]:
    """The whole result as plain data (what ``--json`` prints)."""
    # Imported here: the history and its data file are only needed by this command.
    from carryxl.history.book import book_market  # noqa: PLC0415
    from carryxl.history.series import spot_on  # noqa: PLC0415

    book = read_book(args.csv)
    history = load_history(args)
    date = parse_date("date", args.date) if args.date else history.dates[-1]
    start = args.start or str(date - np.timedelta64(365, "D"))
    end = args.end or str(date)
    account = Currency.parse(args.account or Pair.parse(book.pairs[0]).quote, "account")
    market = book_market(book.pairs, date, start, end, account, history)
    at = {p: i for i, p in enumerate(market.pairs)}
    rows = [at[p] for p in book.pairs]
    spot = [
        s if s is not None else float(market.spots[i])
        for s, i in zip(book.spots, rows, strict=True)
    ]
    vol = [v if v is not None else float(market.volatilities[i])
           for v, i in zip(book.volatilities, rows, strict=True)]  # fmt: skip
    pairs = [Pair.parse(p) for p in book.pairs]
    entry = [
        r if r is not None else float(spot_on(book.pairs[j], d, history))
        for r, j, d in zip(book.rates, book.position, book.dates, strict=True)
    ]
    days = (date - np.array(book.dates, dtype="datetime64[D]")).astype(np.float64)
    if (days < 0).any():
        bad = book.dates[int(np.argmax(days < 0))]
        raise CarryxlError("date", bad, f"is after the valuation date {date}")
    positions = book_positions(
        book.position, book.amounts, entry, days, spot, book.sides,
        book.rate_base, book.rate_quote,
        [default_day_count(p.base).days_in_year for p in pairs],
        [default_day_count(p.quote).days_in_year for p in pairs],
        book.stop_loss, book.leverage, market.to_account[rows],
        args.tax_interest, args.tax_fx, args.offset, book.swap, book.lot_size,
    )  # fmt: skip
    if args.correlation:
        matrix = _read_correlation(args.correlation, market.pairs)
    else:
        matrix = market.correlation
    correlation = matrix[np.ix_(rows, rows)]
    risk = book_risk(positions.exposure_account, vol, correlation,
                     args.horizon_days / 252.0, args.confidence)  # fmt: skip
    exposure = currency_exposure(book.pairs, positions.exposure_account, args.threshold)
    ccy = str(account)
    listed = []
    for j, p in enumerate(pairs):
        listed.append({
            "pair": str(p), "side": "long" if book.sides[j] > 0 else "short",
            "funding": str(p.quote if book.sides[j] > 0 else p.base),
            "tranches": book.position.count(j), "units": float(positions.units[j]),
            "average_rate": float(positions.average_rate[j]), "spot": spot[j],
            "carry": float(positions.carry[j]), "swap": float(positions.swap[j]),
            "fx": float(positions.fx[j]),
            "total": float(positions.total[j]), "currency": str(p.quote),
            "stop_spot": float(positions.stop_spot[j]),
            "stop_distance": float(positions.stop_distance[j]),
            "margin": float(positions.margin[j]),
            "exposure": float(positions.exposure_account[j]),
            "total_account": float(positions.total_account[j]),
            "tax": float(positions.tax.tax[j]), "after_tax": float(positions.tax.after_tax[j]),
            "volatility": vol[j], "standalone_var": float(risk.standalone_var[j]),
            "contribution": float(risk.contributions[j]), "share": float(risk.shares[j]),
        })  # fmt: skip
    return {
        "date": str(date), "account": ccy, "window": [start, end], "source": market.source,
        "confidence": args.confidence, "horizon_days": args.horizon_days,
        "positions": listed,
        "book": {
            "total": float(np.sum(positions.total_account)),
            "tax": float(np.sum(positions.tax.tax)),
            "after_tax": float(np.sum(positions.tax.after_tax)),
            "margin": float(np.sum(positions.margin_account)),
            "gross_exposure": float(np.sum(np.abs(positions.exposure_account))),
            "volatility": risk.volatility, "var": risk.var, "es": risk.es,
            "sum_standalone_var": float(np.sum(risk.standalone_var)),
            "diversification_ratio": risk.diversification_ratio,
        },
        "exposure": dict(zip(exposure.currencies, map(float, exposure.net), strict=True)),
        "funding_share": dict(
            zip(exposure.currencies, map(float, exposure.funding_share), strict=True)
        ),
        "top_funding": exposure.top_funding, "concentrated": exposure.concentrated,
        "correlation": {"pairs": list(market.pairs), "matrix": matrix.tolist()},
    }  # fmt: skip


def render(r: dict[str, Any]) -> str:
    """The result as text tables."""
    ccy = r["account"]
    head = ("position", "avg rate", "carry", "swap", "FX P&L", "total", "stop", "to stop",
            f"after tax {ccy}", f"VaR {ccy}", "contrib.")  # fmt: skip
    rows = [
        (f"{p['side']} {p['pair']} x{p['tranches']}", f"{p['average_rate']:.6g}",
         money(p["carry"], p["currency"]), money(p["swap"], p["currency"]),
         money(p["fx"], p["currency"]),
         money(p["total"], p["currency"]), f"{p['stop_spot']:.6g}",
         percent(p["stop_distance"], 2), money(p["after_tax"], ccy),
         money(p["standalone_var"], ccy), percent(p["share"], 1))
        for p in r["positions"]
    ]  # fmt: skip
    b = r["book"]
    summary = [
        ("valued on", f"{r['date']} ({r['source']})"),
        ("correlation window", f"{r['window'][0]} to {r['window'][1]}"),
        (f"total P&L ({ccy})", money(b["total"], ccy)),
        (f"after tax ({ccy})", money(b["after_tax"], ccy)),
        (f"margin used ({ccy})", money(b["margin"], ccy)),
        (f"VaR {r['confidence']:.1%}, {r['horizon_days']:g} days", money(b["var"], ccy)),
        ("expected shortfall", money(b["es"], ccy)),
        ("sum of stand-alone VaRs", money(b["sum_standalone_var"], ccy)),
        ("diversification ratio", f"{b['diversification_ratio']:.4f}"),
        ("largest funding currency",
         f"{r['top_funding']} {percent(r['funding_share'][r['top_funding']], 1)}"
         + ("  ← most of the book is one bet" if r["concentrated"] else "")),
    ]  # fmt: skip
    exposure = [(c, money(v, ccy)) for c, v in r["exposure"].items()]
    return "\n\n".join(
        [table(rows, head), table(summary), table(exposure, ("currency", f"net ({ccy})"))]
    )


def run(args: argparse.Namespace) -> int:
    """Print the book (text or ``--json``) and draw ``--plot``."""
    plot_target(args)  # before any work: a picture is never written over without --force
    result = calculate(args)
    if args.plot:
        from carryxl.history.plots import plot_contributions  # noqa: PLC0415 - matplotlib

        labels = [f"{p['side']} {p['pair']}" for p in result["positions"]]
        plot_contributions(
            labels,
            [p["standalone_var"] for p in result["positions"]],
            [p["contribution"] for p in result["positions"]],
            result["account"],
            args.plot,
        )
    if args.json:
        print_json(result)
    else:
        print(render(result))
    return 0


COMMANDS = (
    Command(
        name="portfolio",
        page="docs/portfolio.md",
        help="the whole book: positions from tranches, P&L, after-tax, VaR with correlations",
        description=DESCRIPTION,
        arguments=_arguments,
        run=run,
        examples=(
            Example(
                "carryxl portfolio yen_book.csv --date 2024-08-05 --start 2024-07-01 "
                "--end 2024-08-30 --account CNY --tax-interest 20% --tax-fx 20% --plot yen.png",
                files={"yen_book.csv": YEN_BOOK_CSV},
            ),
            Example(
                "carryxl portfolio book.csv --date 2024-08-05 --json",
                files={"book.csv": BOOK_CSV},
            ),
        ),
    ),
)
