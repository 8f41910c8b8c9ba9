"""Refresh a portfolio workbook's risk block from history: each position's volatility and
the positions' correlation matrix over the workbook's window, from the ECB fixings.

Reads ``in_pf_pair`` (a column; blank rows hold no position), ``in_window_start`` and
``in_window_end``; writes ``in_pf_volatility`` (annualised realised volatility of each
row's pair, blank rows left empty) and ``in_correlation`` (the pairs' correlations of
daily log returns on the window's common dates, 1 on the diagonal, rows and columns
without a position left empty), as :func:`carryxl.history.book.window_risk` computes
them. The book's VaR, contributions and diversification ratio then follow by the
workbook's own formulas.

Like every carryxl macro it writes only what it owns: both ranges must be empty or hold
what carryxl last wrote there (see :mod:`carryxl.macros.ownership`); otherwise nothing is
changed. The template's preloaded numbers are generated as carryxl's (with their
fingerprints), so the button replaces them until the user edits one.

It also fills the market inputs of each row with a pair, cell by cell, never over a typed
value: ``in_pf_spot`` (the pair's ECB fixing on ``in_valuation_date``, or the last before
it), ``in_pf_to_account`` (the quote currency's fixing into ``in_account``; 1 when they are
the same) and ``in_pf_rate_base``/``in_pf_rate_quote`` (the policy rate in force that day,
from the data folder's policy rates, :mod:`carryxl.history.store`). A range that is empty
or still holds what carryxl last wrote is carryxl's: it is rewritten whole. A range holding
the user's values keeps every one of them; only its empty cells are filled (and are the
user's from then on). Without policy-rate data the rate cells are left as they are and the
message says how to get the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from carryxl.core.errors import CarryxlError
from carryxl.history.book import window_risk
from carryxl.history.data import parse_date_cell
from carryxl.history.ecb import ecb_history
from carryxl.history.store import citation, load_policy_rates
from carryxl.history.valuation import market_on, value_book
from carryxl.macros import contract as c
from carryxl.macros.book import Book, Grid, free_title
from carryxl.macros.book_request import BOOK_RISK_TITLE, book_risk_cells, read_book_request
from carryxl.macros.contract import fingerprint_name
from carryxl.macros.inputs import currency_of, pair_of, single_value
from carryxl.macros.language import sheet_language
from carryxl.macros.ownership import Write, apply_writes, is_empty, matches, require_unprotected

__all__ = [
    "NO_RATES",
    "MarketFill",
    "market_fills",
    "portfolio_risk_rows",
    "refresh_portfolio_risk",
]

NO_RATES = (
    "rates: no policy-rate data, so the rate cells were left as they are; run "
    "`carryxl data update` (or `carryxl data import FILE`), or type the rates"
)


@dataclass(frozen=True)
class MarketFill:
    """What history gives each row (None: nothing found or no pair), by range name; and
    one line per source saying what was used."""

    values: dict[str, list[float | None]]
    sources: list[str]


def market_fills(pairs: list[object], valuation: object, account: object) -> MarketFill:
    """Each row's spot, quote-to-account rate and policy rates on the valuation date
    (:func:`carryxl.history.valuation.market_on`, the lookups ``value_book`` makes)."""
    day = parse_date_cell(valuation, c.IN_PF_VALUATION_DATE)
    code = currency_of(account, c.IN_PF_ACCOUNT)
    history = ecb_history()
    rows = [i for i, cell in enumerate(pairs) if cell not in (None, "")]
    parsed = [pair_of(pairs[i], c.IN_PF_PAIR) for i in rows]
    policy = load_policy_rates()
    market = market_on(parsed, day, code, history, policy)

    def per_row(found: list[float | None]) -> list[float | None]:
        out: list[float | None] = [None] * len(pairs)
        for i, value in zip(rows, found, strict=True):
            out[i] = value
        return out

    values = {c.IN_PF_SPOT: per_row(market.spots), c.IN_PF_TO_ACCOUNT: per_row(market.to_account)}
    sources = [f"spots: {history.source}, fixing of {market.fixing} (on or before {day})"]
    if policy is None:
        sources.append(NO_RATES)
    else:
        values[c.IN_PF_RATE_BASE] = per_row(market.rates_base)
        values[c.IN_PF_RATE_QUOTE] = per_row(market.rates_quote)
        sources.append(f"rates: policy rates in force on {day} ({citation(policy)})")
    sources += [f"left empty: {m}" for m in market.missing]
    return MarketFill(values, sources)


def _market_writes(book: Book, fill: MarketFill) -> tuple[list[Write], list[Write], list[str]]:
    """carryxl's ranges to rewrite whole, the user's ranges with empty cells to fill, and
    what was kept."""
    owned: list[Write] = []
    partial: list[Write] = []
    kept: list[str] = []
    for name, found in fill.values.items():
        if not book.has_name(name) or book.has_formula(name):
            kept.append(f"{name} (not a range of values)")
            continue
        current = book.read(name)
        if len(current) != len(found):
            raise CarryxlError(name, f"{len(current)} rows", f"must be {len(found)}, as in_pf_pair")
        rows: Grid = [[v] for v in found]
        if is_empty(current) or matches(book.constant(fingerprint_name(name)), current):
            owned.append(Write(name, rows))
            continue
        mixed = [
            [v if row[0] in (None, "") else row[0]] for row, v in zip(current, found, strict=True)
        ]
        typed = sum(row[0] not in (None, "") for row in current)
        kept.append(f"{name}: {typed} typed cells kept")
        if mixed != current:
            partial.append(Write(name, mixed))
    return owned, partial, kept


def portfolio_risk_rows(pairs: list[object], start: object, end: object) -> tuple[Grid, Grid]:
    """The volatility column and correlation matrix to write, one row per ``pairs`` cell."""
    rows = [i for i, p in enumerate(pairs) if p not in (None, "")]
    if not rows:
        raise CarryxlError(c.IN_PF_PAIR, None, "holds no pair; enter the positions first")
    parsed = [pair_of(pairs[i], f"{c.IN_PF_PAIR}[{i}]") for i in rows]
    labels = list(dict.fromkeys(parsed))
    first = parse_date_cell(start, c.IN_WINDOW_START)
    last = parse_date_cell(end, c.IN_WINDOW_END)
    if last <= first:
        raise CarryxlError(c.IN_WINDOW_END, str(last), f"must be after the start ({first})")
    vols, matrix = window_risk(labels, first, last)
    at = [labels.index(p) for p in parsed]
    n = len(pairs)
    volatility: Grid = [[None] for _ in range(n)]
    correlation: Grid = [[None] * n for _ in range(n)]  # rows without a position: empty
    for i, a in zip(rows, at, strict=True):
        volatility[i] = [float(vols[a])]
        for j, b in zip(rows, at, strict=True):
            correlation[i][j] = 1.0 if i == j else float(matrix[a, b])
    return volatility, correlation


def refresh_portfolio_risk(book: Book) -> None:
    """Write the window's volatilities and correlations into the workbook's risk block."""
    book.progress("carryxl: reading the positions and the correlation window…")
    pairs = [row[0] if row else None for row in book.read(c.IN_PF_PAIR)]
    start = single_value(book, c.IN_WINDOW_START)
    end = single_value(book, c.IN_WINDOW_END)
    book.progress("carryxl: computing volatilities and correlations from ECB fixings…")
    volatility, correlation = portfolio_risk_rows(pairs, start, end)
    book.progress("carryxl: looking up spots and rates on the valuation date…")
    fill = market_fills(
        pairs, single_value(book, c.IN_PF_VALUATION_DATE), single_value(book, c.IN_PF_ACCOUNT)
    )
    owned, partial, kept = _market_writes(book, fill)
    for write in partial:  # checked before anything is written; unlocked cells take typing
        if book.is_locked(write.name):
            require_unprotected(book, book.sheet_of(write.name), write.name)
    apply_writes(
        book,
        [Write(c.IN_PF_VOLATILITY, volatility), Write(c.IN_CORRELATION, correlation), *owned],
    )
    for write in partial:  # the user's range: only its empty cells change; it stays theirs
        book.write(write.name, write.rows)
    book.calculate()
    used = sum(v[0] is not None for v in volatility)
    lines = [
        f"carryxl: volatilities and correlations of {used} positions refreshed from ECB "
        "fixings over the window.",
        *fill.sources,
    ]
    if kept:
        lines.append("kept as typed: " + "; ".join(kept))
    book.progress("carryxl: valuing the book (VaR, ES, contributions, totals)…")
    lines.append(_write_book_risk(book))
    book.notify("\n".join(lines))


def _write_book_risk(book: Book) -> str:
    """Value the workbook's book as ``carryxl portfolio`` does and write it on a new sheet;
    the line saying what was written, or why the book could not be valued."""
    try:
        valued = value_book(read_book_request(book), ecb_history(), load_policy_rates())
    except CarryxlError as error:
        return f"book not valued: {error}"
    lang = sheet_language(book.sheet_of(c.IN_PF_PAIR))
    title = free_title(book.sheet_titles(), BOOK_RISK_TITLE[lang])
    widths = {"A": 26.0, **{chr(ord("B") + k): 14.0 for k in range(16)}}
    book.add_sheet(title, book_risk_cells(valued, lang), widths)
    ccy, total = valued.account, float(valued.positions.total_account.sum())
    return (
        f'book valued on sheet "{title}": VaR {valued.risk.var:,.2f} {ccy}, ES '
        f"{valued.risk.es:,.2f} {ccy}, total P&L {total:,.2f} {ccy} ({valued.model})"
    )
