"""``carryxl portfolio FILE.csv``: the whole book from a CSV of positions and tranches —
each position's average rate, carry, FX P&L, stop, margin and after-tax P&L, then the
book's total in the account currency, VaR/ES with correlations, each position's
contribution to risk, the diversification ratio and the net exposure per currency."""

from __future__ import annotations

import argparse
import csv
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from carryxl.cli.arguments import add_json_argument, currency, date, number, rate
from carryxl.cli.command import Command, Example
from carryxl.cli.formatting import money, percent, print_json, table
from carryxl.cli.history import add_data_argument, add_plot_argument, load_history, plot_target
from carryxl.core.conventions import Currency, Pair
from carryxl.core.dates import parse_date
from carryxl.core.defaults import CONFIDENCE, LOT_SIZE, TRADING_DAYS
from carryxl.core.errors import CarryxlError
from carryxl.core.parse import number_from_text, rate_from_text
from carryxl.core.portfolio import check_correlation
from carryxl.core.positions import BookPosition, Tranche
from carryxl.core.sides import side_sign
from carryxl.core.tax import LossOffset
from carryxl.core.validate import FloatArray

if TYPE_CHECKING:
    from carryxl.history.valuation import BookRequest, BookValuation

__all__ = [
    "BOOK_CSV",
    "COMMANDS",
    "DESCRIPTION",
    "MONEY",
    "YEN_BOOK_CSV",
    "calculate",
    "read_book",
    "render",
    "request_from",
    "result_of",
    "run",
]

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
    f"{LOT_SIZE:.0f}). Spots and the account "
    "rates come from the ECB fixings on --date (a day without one: the last fixing before it, "
    "named in the output) unless a spot column is given; a blank entry "
    "rate is the ECB fixing of the tranche's date; volatilities and correlations come from "
    "the fixings between --start and --end (default: the year to --date; --end after --date "
    "is refused as look-ahead), unless a volatility column and --correlation FILE.csv are "
    "given. Risk model: parametric normal P&L, zero mean, sample volatility of daily log "
    "returns x sqrt(252). Quote-currency money is shown with its code, account money under "
    "the account currency; the tax is the book's, each position's share beside it."
)

_POSITION_COLUMNS = (
    "side",
    "funding",
    "stop_loss",
    "leverage",
    "rate_base",
    "rate_quote",
    "swap",
    "lot_size",
)


def _number(text: str, argument: str, *, positive: bool = False) -> float:
    return number_from_text(text, argument, above=0.0 if positive else None)


def _fraction(text: str, argument: str, default: float) -> float:
    return default if not text else rate_from_text(text, argument)


def _position(row: dict[str, str], line: int) -> BookPosition:
    """A position's own columns (its first tranche is added by :func:`read_book`)."""
    pair = Pair.parse(row["pair"], f"pair (line {line})")
    side = int(side_sign(row.get("side") or "long", f"side (line {line})"))
    funding = row.get("funding", "")
    if funding:
        owed = pair.quote if side > 0 else pair.base
        if Currency.parse(funding, f"funding (line {line})") != owed:
            word = "long" if side > 0 else "short"
            raise CarryxlError(
                f"funding (line {line})",
                funding,
                f"must be {owed}: the currency a {word} {pair} borrows",
            )
    lev, swap, lot = row.get("leverage", ""), row.get("swap", ""), row.get("lot_size", "")
    spot, vol = row.get("spot", ""), row.get("volatility", "")
    return BookPosition(
        pair=pair,
        side=side,
        tranches=(),
        stop_loss=_fraction(row.get("stop_loss", ""), f"stop_loss (line {line})", 0.03),
        leverage=_number(lev, f"leverage (line {line})") if lev else 1.0,
        rate_base=_fraction(row.get("rate_base", ""), f"rate_base (line {line})", 0.0),
        rate_quote=_fraction(row.get("rate_quote", ""), f"rate_quote (line {line})", 0.0),
        swap=_number(swap, f"swap (line {line})") if swap else 0.0,
        lot_size=_number(lot, f"lot_size (line {line})", positive=True) if lot else LOT_SIZE,
        spot=_number(spot, f"spot (line {line})", positive=True) if spot else None,
        volatility=_fraction(vol, f"volatility (line {line})", 0.0) if vol else None,
    )


def read_book(path: str | Path) -> tuple[BookPosition, ...]:
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
    positions: list[BookPosition] = []
    tranches: list[list[Tranche]] = []
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
            positions.append(_position(row, line))
            tranches.append([])
        elif not positions:
            raise CarryxlError(f"pair (line {line})", "", "the first row must name a pair")
        elif any(row.get(c) for c in _POSITION_COLUMNS):
            raise CarryxlError(f"pair (line {line})", "", "is needed on a row with position data")
        rate = row["rate"]
        tranches[-1].append(
            Tranche(
                date=parse_date(f"date (line {line})", row["date"]),
                amount=_number(row["amount"], f"amount (line {line})", positive=True),
                rate=_number(rate, f"rate (line {line})", positive=True) if rate else None,
            )
        )
    if not positions:
        raise CarryxlError("csv", str(path), "holds no position")
    return tuple(replace(p, tranches=tuple(t)) for p, t in zip(positions, tranches, strict=True))


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("csv", metavar="FILE.csv", help="positions and tranches")
    p.add_argument(
        "--date", type=date("date"), help="valuation date, YYYY-MM-DD (default: last in the data)"
    )
    p.add_argument(
        "--start", type=date("start"), help="first date of the correlation window (--end - 1y)"
    )
    p.add_argument(
        "--end",
        type=date("end"),
        help="last date of the correlation window, on or before --date (--date)",
    )
    p.add_argument("--correlation", metavar="FILE.csv", help="correlations: header of pairs")
    p.add_argument(
        "--account",
        type=currency("account"),
        help="account currency (default: the first pair's quote)",
    )
    p.add_argument(
        "--confidence",
        type=rate("confidence"),
        default=CONFIDENCE,
        help=f"VaR confidence ({CONFIDENCE})",
    )
    p.add_argument(
        "--horizon-days",
        type=number("horizon_days", above=0),
        default=10.0,
        help=f"trading days (10; /{TRADING_DAYS})",
    )
    p.add_argument("--tax-interest", type=rate("tax_interest"), default=0.0, help="e.g. 20%%")
    p.add_argument("--tax-fx", type=rate("tax_fx"), default=0.0, help="e.g. 20%%")
    p.add_argument("--offset", default="within position", help="'within position' or 'separate'")
    p.add_argument(
        "--threshold", type=rate("threshold"), default=0.5, help="funding share flagged (0.5)"
    )
    add_plot_argument(p, "bar chart of each position's VaR and contribution")
    add_json_argument(p)
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


def request_from(args: argparse.Namespace) -> BookRequest:
    """The command line's book and settings as one typed request."""
    from carryxl.history.valuation import BookRequest  # noqa: PLC0415 - numpy-only commands stay light

    positions = read_book(args.csv)
    correlation = None
    if args.correlation:
        pairs = tuple(str(p.pair) for p in positions)
        correlation = _read_correlation(args.correlation, pairs)
    return BookRequest(
        positions=positions,
        date=args.date,
        account=args.account,
        start=args.start,
        end=args.end,
        confidence=args.confidence,
        horizon_days=args.horizon_days,
        tax_interest=args.tax_interest,
        tax_fx=args.tax_fx,
        offset=LossOffset.parse(args.offset),
        threshold=args.threshold,
        correlation=correlation,
    )


MONEY = (
    "per position: carry, swap, fx, total and margin in the pair's quote currency "
    "('currency'); exposure, total_account, tax, after_tax, standalone_var and "
    "contribution in the account currency ('account'); book: account currency; exposure: "
    "net per currency in the account currency, exposure_in_currency in each currency's own"
)


def _own_currency_rates(v: BookValuation) -> dict[str, float]:
    """Account units per unit of each currency of the book (the quote's k, the base's S k)."""
    rates = {str(v.account): 1.0}
    for j, p in enumerate(v.request.positions):
        rates.setdefault(str(p.pair.quote), float(v.to_account[j]))
        rates.setdefault(str(p.pair.base), float(v.spots[j] * v.to_account[j]))
    return rates


def _position_result(v: BookValuation, j: int) -> dict[str, Any]:
    """Position ``j`` of the valued book: money in the pair's quote currency, exposure,
    total_account, tax, after_tax, VaR and contribution in the account currency."""
    p, b, risk = v.request.positions[j], v.positions, v.risk
    return {
        "pair": str(p.pair),
        "side": "long" if p.side > 0 else "short",
        "funding": p.funding,
        "tranches": len(p.tranches),
        "units": float(b.units[j]),
        "average_rate": float(b.average_rate[j]),
        "spot": float(v.spots[j]),
        "currency": str(p.pair.quote),
        "carry": float(b.carry[j]),
        "swap": float(b.swap[j]),
        "fx": float(b.fx[j]),
        "total": float(b.total[j]),
        "margin": float(b.margin[j]),
        "stop_spot": float(b.stop_spot[j]),
        "stop_distance": float(b.stop_distance[j]),
        "stop_hit": bool(b.stop_hit[j]),
        "loss_over_margin": bool(b.margin_exceeded[j]),
        "to_account": float(v.to_account[j]),
        "exposure": float(b.exposure_account[j]),
        "total_account": float(b.total_account[j]),
        "tax": float(b.tax.tax[j]),
        "after_tax": float(b.tax.after_tax[j]),
        "volatility": float(v.volatilities[j]),
        "standalone_var": float(risk.standalone_var[j]),
        "contribution": float(risk.contributions[j]),
        "share": float(risk.shares[j]),
    }


def _book_result(v: BookValuation) -> dict[str, Any]:
    """The book's totals and risk, in the account currency."""
    b, risk = v.positions, v.risk
    return {
        "currency": str(v.account),
        "total": float(np.sum(b.total_account)),
        "tax": float(np.sum(b.tax.tax)),
        "after_tax": float(np.sum(b.tax.after_tax)),
        "margin": float(np.sum(b.margin_account)),
        "gross_exposure": float(np.sum(np.abs(b.exposure_account))),
        "volatility": risk.volatility,
        "var": risk.var,
        "es": risk.es,
        "sum_standalone_var": float(np.sum(risk.standalone_var)),
        "diversification_ratio": risk.diversification_ratio,
    }


def _exposure_result(v: BookValuation) -> dict[str, Any]:
    """The net exposure per currency (account currency, and each currency's own), the
    funding shares and the largest funding currency."""
    exposure = v.exposure
    own = _own_currency_rates(v)
    nets = dict(zip(exposure.currencies, map(float, exposure.net), strict=True))
    return {
        "exposure": nets,
        "exposure_in_currency": {c: n / own[c] for c, n in nets.items()},
        "funding_share": dict(
            zip(exposure.currencies, map(float, exposure.funding_share), strict=True)
        ),
        "top_funding": exposure.top_funding,
        "concentrated": exposure.concentrated,
    }


def result_of(v: BookValuation) -> dict[str, Any]:
    """The valuation as plain data (what ``--json`` prints)."""
    request = v.request
    return {
        "date": str(v.date),
        "fixing": str(v.fixing),
        "account": str(v.account),
        "window": [str(v.start), str(v.end)],
        "source": v.source,
        "risk_model": v.model,
        "confidence": request.confidence,
        "horizon_days": request.horizon_days,
        "money": MONEY,
        "positions": [_position_result(v, j) for j in range(len(request.positions))],
        "book": _book_result(v),
        **_exposure_result(v),
        "correlation": {
            "pairs": [str(p.pair) for p in request.positions],
            "matrix": v.correlation.tolist(),
        },
    }


def calculate(args: argparse.Namespace) -> dict[str, Any]:
    """The whole result as plain data (what ``--json`` prints)."""
    from carryxl.history.valuation import value_book  # noqa: PLC0415 - see request_from

    return result_of(value_book(request_from(args), load_history(args)))


def _coded(value: float, currency: str) -> str:
    return f"{money(value, currency)} {currency}"


def _to_stop(p: dict[str, Any]) -> str:
    return "STOP HIT" if p["stop_hit"] else percent(p["stop_distance"], 2)


def _valued_on(r: dict[str, Any]) -> str:
    if r["fixing"] == r["date"]:
        return f"{r['date']} ({r['source']})"
    return f"{r['date']} ({r['source']}: no fixing that day, used the fixing of {r['fixing']})"


def _positions_table(r: dict[str, Any]) -> str:
    """A row per position: quote-currency money named by its code, account money bare."""
    ccy = r["account"]
    head = (
        "position",
        "tranches",
        "avg rate",
        "carry",
        "swap",
        "FX P&L",
        "total",
        f"total {ccy}",
        "stop",
        "to stop",
        "margin",
        f"after tax {ccy}",
        f"VaR {ccy}",
        "contrib.",
    )
    rows = []
    for p in r["positions"]:
        q = p["currency"]
        over = "  LOSS > MARGIN" if p["loss_over_margin"] else ""
        rows.append(
            (
                f"{p['side']} {p['pair']}",
                f"{p['tranches']} tranche" + "s" * (p["tranches"] > 1),
                f"{p['average_rate']:.6g}",
                _coded(p["carry"], q),
                _coded(p["swap"], q),
                _coded(p["fx"], q),
                _coded(p["total"], q),
                money(p["total_account"], ccy),
                f"{p['stop_spot']:.6g}",
                _to_stop(p),
                _coded(p["margin"], q) + over,
                money(p["after_tax"], ccy),
                money(p["standalone_var"], ccy),
                percent(p["share"], 1),
            )
        )
    return table(rows, head)


def _summary_table(r: dict[str, Any]) -> str:
    """The book's totals, VaR, diversification and largest funding currency; the model."""
    ccy, b = r["account"], r["book"]
    summary = [
        ("valued on", _valued_on(r)),
        (f"total P&L ({ccy})", money(b["total"], ccy)),
        (f"tax for the book ({ccy})", money(b["tax"], ccy)),
        (f"after tax ({ccy})", money(b["after_tax"], ccy)),
        (f"margin used ({ccy})", money(b["margin"], ccy)),
        (f"VaR {r['confidence']:.1%}, {r['horizon_days']:g} days ({ccy})", money(b["var"], ccy)),
        (f"expected shortfall ({ccy})", money(b["es"], ccy)),
        (f"sum of stand-alone VaRs ({ccy})", money(b["sum_standalone_var"], ccy)),
        ("diversification ratio", f"{b['diversification_ratio']:.4f}"),
        (
            "largest funding currency",
            f"{r['top_funding']} {percent(r['funding_share'][r['top_funding']], 1)}"
            + ("  ← most of the book is one bet" if r["concentrated"] else ""),
        ),
    ]
    return table(summary) + f"\nrisk model: {r['risk_model']}"


def _exposure_table(r: dict[str, Any]) -> str:
    """The net exposure per currency, in that currency and in the account's."""
    ccy = r["account"]
    exposure = [
        (c, _coded(r["exposure_in_currency"][c], c), money(v, ccy))
        for c, v in r["exposure"].items()
    ]
    return table(exposure, ("currency", "net (held + / owed -)", f"net ({ccy})"))


def render(r: dict[str, Any]) -> str:
    """The result as text tables: quote-currency money named by its code, account money in
    columns headed with the account currency."""
    return "\n\n".join([_positions_table(r), _summary_table(r), _exposure_table(r)])


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
                "carryxl portfolio yen_book.csv --date 2024-08-05 --account CNY "
                "--tax-interest 20% --tax-fx 20% --plot yen.png",
                files={"yen_book.csv": YEN_BOOK_CSV},
            ),
            Example(
                "carryxl portfolio book.csv --date 2024-08-05 --json",
                files={"book.csv": BOOK_CSV},
            ),
        ),
    ),
)
