"""The trader's book: positions built in tranches, the book's VaR with correlations, and
the net exposure per currency (issue 15)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from carryxl.core import defaults, measures, portfolio, staging
from carryxl.core.conventions import rate_from_text
from carryxl.core.errors import CarryxlError, Rule
from carryxl.core.validate import FloatArray
from carryxl.excel import cells
from carryxl.excel.arguments import (
    AMOUNTS,
    BOOK_MEASURE,
    CONFIDENCE,
    CORRELATION,
    EXPOSURES,
    HEADERS,
    LOT_SIZE,
    NIGHTS,
    OF,
    PAIRS,
    POSITION,
    SIDE,
    SPOT,
    STAGED_MEASURE,
    SWAP_PER_LOT,
    THRESHOLD,
    TRANCHE_RATES,
    VOLATILITIES,
    YEARS,
    pair,
)
from carryxl.excel.declare import Cell, ExcelFunction

__all__ = ["BOOK_MEASURES", "FUNCTIONS", "STAGED_MEASURES"]

_GROUP = "portfolio"

STAGED_MEASURES = measures.STAGED_MEASURES
BOOK_MEASURES = ("var", "es", "volatility", "diversification", "contributions", "standalone")
_MISSING_ARG = -2147352572  # what Excel passes for an argument left out

_STAGED_SIDE = SIDE('Optional: "long" (default) or "short" the base; a cell or a column')
_POSITION_SIDE = SIDE('Optional: "long" (default) or "short" (one cell, or one per label)')


def _staged_measure(cell: Any) -> str:
    if cell is None:
        return "average"
    word = cells.text("measure", cell).strip().lower().replace("p&l", "pnl")
    if word not in STAGED_MEASURES:
        raise CarryxlError("measure", cell, "must be average, units, cost, pnl, return or swap")
    return word


def _book_measure(cell: Any) -> str:
    if cell is None:
        return "var"
    word = cells.text("measure", cell).strip().lower()
    if word not in BOOK_MEASURES:
        rule = "must be VaR, ES, volatility, diversification, contributions or standalone"
        raise CarryxlError("measure", cell, rule)
    return word


def _label(cell: Any) -> Any:
    """A position's label as a hashable key (42.0 and 42 are the same position)."""
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, str) and cell.strip().upper() in cells.EXCEL_ERRORS:
        raise CarryxlError("position", cell, "must be a label or a number")
    return cell.strip() if isinstance(cell, str) else cell


def _rows_of(*items: cells.Input) -> tuple[int, ...]:
    """The common column shape of whole-column arguments (rows x 1), or a whole-call error."""
    shapes = {i.values.shape for i in items}
    if len(shapes) != 1 or next(iter(shapes))[1] != 1:
        sizes = ", ".join(f"{i.name} {i.values.shape[0]}x{i.values.shape[1]}" for i in items)
        raise CarryxlError("ranges", cells.Described(sizes), "must be columns of the same size")
    return next(iter(shapes))


def _used(*items: cells.Input) -> npt.NDArray[np.bool_]:
    """Rows with something in them: a row blank in every argument is no tranche."""
    used = np.ones(items[0].values.shape[0], dtype=bool)
    blank = [i.blank for i in items]
    if all(b is not None for b in blank):
        used = ~np.logical_and.reduce([cast(npt.NDArray[np.bool_], b)[:, 0] for b in blank])
    return used


def _first_problem(items: Sequence[cells.Input], rows: npt.NDArray[np.bool_]) -> str | None:
    for item in items:
        if item.problems is not None:
            bad = [p for p in item.problems[rows, 0] if p is not None]
            if bad:
                return str(bad[0])
    return None


def _given(value: Any) -> bool:
    return value is not None and not (isinstance(value, int) and value == _MISSING_ARG)


def _staged_pnl(amounts: Any, rates: Any, spot: Any, side: float) -> Any:
    """STAGED_PNL's kernel: each tranche's FX P&L (quote currency)."""
    a, r = np.expand_dims(amounts, -1), np.expand_dims(rates, -1)
    return staging.staged_position(a, r, spot, side).pnl


def _staged_position(
    amounts: Any,
    rates: Any,
    spot: Any = None,
    side: Any = None,
    measure: Any = None,
    position: Any = None,
    of: Any = None,
    nights: Any = None,
    swap: Any = None,
    lot_size: Any = None,
) -> Any:
    """STAGED_POSITION: one answer for the tranches, or one per label of ``of``; a column
    per measure when ``measure`` is a range of them (the tranches read once for all).

    ``swap``: the broker's swap accrued, ``swap`` (quote money per lot of ``lot_size`` base
    units per night, one per label, blank 0) x Σ amount x nights / lot_size, each tranche
    over its own ``nights`` (a column beside the tranches)."""
    asked = cells.choice("measure", _staged_measure, measure)
    if asked.problems is not None:
        raise cells.WholeCall(next(p for p in asked.problems.ravel() if p is not None))
    whats = [str(w) for w in asked.values.ravel()]
    a, r = cells.numbers("amounts", amounts), cells.numbers("rates", rates)
    _rows_of(a, r)
    used = _used(a, r)
    group, n = np.where(used, 0, -1), 1
    if _given(position):
        group, n = _groups(position, of, used, a, r)
    problem = _first_problem((a, r), used)
    if problem is not None:
        raise cells.WholeCall(problem)
    mine = group >= 0
    held = np.bincount(group[mine], minlength=n) > 0
    spots = np.ones(n)
    if {"pnl", "return"} & set(whats):
        spots = _per_label(cells.numbers("spot", spot), n, held)
    signs = _per_label(_sides(side), n, held)
    swapped = "swap" in whats
    # A label without tranches takes no part: its spot and side are not read.
    result = measures.position_measures(
        index=group[mine],
        n=n,
        amounts=a.values[mine, 0],
        rates=r.values[mine, 0],
        spot=np.where(held, spots, 1.0),
        sign=np.where(held, signs, 1.0),
        measures=whats,
        nights=_nights(a, r, mine, nights) if swapped else None,
        swap=_per_label(_swap_column(swap), n, held) if swapped else None,
        lot_size=_lot_size(lot_size) if swapped else defaults.LOT_SIZE,
    )
    if held.all():  # a grid of numbers: the fast way back to the sheet
        return cells.to_excel(result)
    answer: npt.NDArray[Any] = result.astype(object)
    answer[~held, :] = ""
    return cells.to_excel(answer)


def _nights(a: cells.Input, r: cells.Input, mine: npt.NDArray[np.bool_], nights: Any) -> FloatArray:
    """The nights each used tranche was held (a column beside the tranches)."""
    held_nights = cells.numbers("nights", nights)
    _rows_of(a, r, held_nights)
    problem = _first_problem((held_nights,), mine)
    if problem is not None:
        raise cells.WholeCall(problem)
    negative = mine & (held_nights.values[:, 0] < 0)
    if negative.any():
        raise CarryxlError("nights", held_nights.values[negative, 0][0], Rule.NON_NEGATIVE)
    return np.asarray(held_nights.values[mine, 0], dtype=np.float64)


def _swap_column(swap: Any) -> cells.Input:
    """The broker's swap per lot per night, one per label; a blank cell is no swap."""
    per_lot = cells.numbers("swap", swap)
    if per_lot.blank is not None:
        problems = None if per_lot.problems is None else per_lot.problems.copy()
        if problems is not None:
            problems[per_lot.blank] = None
        per_lot = cells.Input(per_lot.name, np.where(per_lot.blank, 0.0, per_lot.values), problems)
    return per_lot


def _lot_size(lot_size: Any) -> float:
    given = cells.single(cells.optional_numbers("lot_size", lot_size))
    lot = defaults.LOT_SIZE if given is None else float(cells.setting_value(given))
    if not lot > 0:
        raise CarryxlError("lot_size", lot, "must be > 0 (base units a lot)")
    return lot


def _groups(
    position: Any, of: Any, used: npt.NDArray[np.bool_], *tranches: cells.Input
) -> tuple[npt.NDArray[np.intp], int]:
    """Each tranche row's index in ``of`` (-1: not asked for, or no tranche), and len(of).

    Numeric labels (position numbers) are matched in numpy; any others one cell at a time.
    """
    numeric, wanted_numbers = cells.numbers("position", position), cells.numbers("of", of)
    _rows_of(*tranches, numeric)
    if _readable(numeric, used[:, None]) and _readable(wanted_numbers, None):
        keys, wanted = numeric.values[:, 0], wanted_numbers.values.ravel()
        order = np.argsort(wanted, kind="stable")
        at = np.searchsorted(wanted, keys, sorter=order).clip(0, wanted.size - 1)
        found = order[at]
        hit = used & (wanted[found] == keys)
        return np.where(hit, found, -1), wanted.size
    grid = cells.choice("position", _label, position)
    if grid.problems is not None and (grid.problems[used, 0] != None).any():  # noqa: E711
        raise cells.WholeCall(next(p for p in grid.problems[used, 0] if p is not None))
    labels = list(grid.values[:, 0])
    names = list(cells.choice("of", _label, of).values.ravel())
    index = {key: k for k, key in reversed(list(enumerate(names))) if key is not None}
    rows = [index.get(labels[i], -1) if used[i] else -1 for i in range(len(labels))]
    return np.array(rows, dtype=np.intp), len(names)


def _readable(item: cells.Input, rows: npt.NDArray[np.bool_] | None) -> bool:
    """Every cell a number, except empty ones (and, with ``rows``, cells outside them)."""
    if item.problems is None:
        return True
    bad = item.problems != None  # noqa: E711 - elementwise on objects
    if item.blank is not None:
        bad &= ~item.blank
    if rows is not None:
        bad &= rows
    return not bad.any()


def _sides(side: Any) -> cells.Input:
    """Sides as +1/-1: a column of numbers in numpy, words one distinct value at a time."""
    numeric = cells.numbers("side", side)
    if numeric.problems is None and np.isin(numeric.values, (-1.0, 1.0)).all():
        return numeric
    read = cast(Any, SIDE.read)(Cell("side", side, True, {"side": side}))
    return cast(cells.Input, read)


def _per_label(item: cells.Input, n: int, held: npt.NDArray[np.bool_]) -> FloatArray:
    """One value per label (or one for all); a bad cell of a held label stops the call."""
    values, problems = item.values.reshape(-1), item.problems
    if values.size not in (1, n):
        raise CarryxlError(item.name, cells.Described(f"{values.size} cells"), f"must be 1 or {n}")
    if problems is not None:
        flat = np.broadcast_to(problems.reshape(-1), (n,))
        bad = [p for p, h in zip(flat, held, strict=True) if h and p is not None]
        if bad:
            raise cells.WholeCall(bad[0])
    clean = np.array([1.0 if v is None else float(v) for v in values], dtype=np.float64)
    return np.broadcast_to(clean, (n,))


def _book_inputs(
    exposures: Any, volatilities: Any, correlation: Any
) -> tuple[FloatArray, FloatArray, FloatArray, npt.NDArray[np.bool_]]:
    """The rows holding a position (an exposure, not blank and not 0), with their
    volatilities and correlation rows and columns; and which rows those are."""
    w = cells.numbers("exposures", exposures)
    vol = cells.numbers("volatilities", volatilities, text=rate_from_text)
    rows = _rows_of(w, vol)[0]
    blank = np.zeros(rows, dtype=bool) if w.blank is None else w.blank[:, 0]
    used = ~blank & (w.values[:, 0] != 0.0)
    problem = _first_problem((w,), ~blank) or _first_problem((vol,), used)
    if problem is not None:
        raise cells.WholeCall(problem)
    matrix = cells.numbers("correlation", correlation)
    if matrix.values.shape != (rows, rows):
        shape = cells.Described(f"{matrix.values.shape[0]}x{matrix.values.shape[1]}")
        raise CarryxlError("correlation", shape, f"must be {rows}x{rows}, one per exposure")
    keep = np.flatnonzero(used)
    if matrix.problems is not None:
        bad = [p for p in matrix.problems[np.ix_(keep, keep)].ravel() if p is not None]
        if bad:
            raise cells.WholeCall(bad[0])
    if keep.size == 0:
        raise CarryxlError("exposures", None, "give at least one position value")
    return w.values[keep, 0], vol.values[keep, 0], matrix.values[np.ix_(keep, keep)], used


def _portfolio_var(
    exposures: Any,
    volatilities: Any,
    correlation: Any,
    years: Any,
    confidence: Any = None,
    measure: Any = None,
) -> Any:
    """PORTFOLIO_VAR: one number for the book, or a column per position."""
    what = cells.setting_value(cells.choice("measure", _book_measure, measure))
    w, vol, matrix, used = _book_inputs(exposures, volatilities, correlation)
    horizon = cells.numbers("years", years)
    cells.single(horizon)
    t = cells.setting_value(horizon)
    given = cells.single(cells.optional_numbers("confidence", confidence, text=rate_from_text))
    level = defaults.CONFIDENCE if given is None else cells.setting_value(given)
    result = portfolio.book_risk(w, vol, matrix, t, level)
    if what == "contributions":
        column = result.contributions
    elif what == "standalone":
        column = result.standalone_var
    else:
        return {
            "var": result.var,
            "es": result.es,
            "volatility": result.volatility,
            "diversification": result.diversification_ratio,
        }[what]
    answer: npt.NDArray[Any] = np.full(used.shape[0], "", dtype=object)
    answer[used] = [float(x) for x in column]
    return cells.to_excel(answer.reshape(-1, 1))


def _currency_exposure(
    pairs: Any, exposures: Any, threshold: Any = None, headers: Any = None
) -> Any:
    """CURRENCY_EXPOSURE: currency, net, funding share and flag, a row per currency."""
    w = cells.numbers("exposures", exposures)
    labels = cells.choice("pairs", pair, pairs)
    _rows_of(w, labels)
    used = np.array([v is not None for v in labels.values[:, 0]]) | (
        ~w.blank[:, 0] if w.blank is not None else True
    )
    problem = _first_problem((labels, w), used)
    if problem is not None:
        raise cells.WholeCall(problem)
    given = cells.single(cells.optional_numbers("threshold", threshold, text=rate_from_text))
    bound = 0.5 if given is None else cells.setting_value(given)
    chosen = list(labels.values[used, 0])
    if not chosen:
        raise CarryxlError("pairs", None, "give at least one position")
    result = portfolio.currency_exposure(chosen, w.values[used, 0], bound)
    grid: npt.NDArray[Any] = np.empty((len(result.currencies), 4), dtype=object)
    for i, code in enumerate(result.currencies):
        flagged = code == result.top_funding and result.concentrated
        mark = "concentrated" if flagged else ""
        grid[i] = [code, float(result.net[i]), float(result.funding_share[i]), mark]
    if cells.setting_value(cells.flag("headers", headers)):
        grid = cells.with_header(("currency", "net", "funding_share", "flag"), grid)
    return cells.to_excel(grid)


FUNCTIONS = (
    ExcelFunction(
        "STAGED_PNL",
        _GROUP,
        """FX P&L of each tranche in the quote currency, side*(amount*spot - amount*rate), a row
        per tranche (分批建仓). 100,000 AUD at 100 and 100,000 at 98, spot 99: -100,000 and 100,000.
        """,
        (AMOUNTS, TRANCHE_RATES, SPOT("Spot now (one cell, or a column beside the tranches)")),
        (_STAGED_SIDE,),
        kernel=_staged_pnl,
    ),
    ExcelFunction(
        "STAGED_POSITION",
        _GROUP,
        """A position built in tranches: average entry rate, units, cost, P&L, return or broker
        swap (per lot per night x Σ amount x nights / lot). 100,000 AUD at 100, 100,000 at 98,
        200,000 at 96: average 97.5. Per label with position and of; a range of measures.
        """,
        (AMOUNTS, TRANCHE_RATES),
        (
            SPOT("Optional: spot now, for pnl and return (one cell, or one per label)"),
            _POSITION_SIDE,
            STAGED_MEASURE,
            POSITION,
            OF,
            NIGHTS("Optional: each tranche's nights held, a column beside them (for swap)"),
            SWAP_PER_LOT,
            LOT_SIZE,
        ),
        body=_staged_position,
    ),
    ExcelFunction(
        "PORTFOLIO_VAR",
        _GROUP,
        """The book's parametric VaR with correlations, z*sqrt(wΣw*t); or ES, volatility, the
        diversification ratio (sum of stand-alone VaRs / VaR), Euler contributions or stand-alone
        VaRs (a column). 2 x 1,000,000 at 10%, uncorrelated, 1y: VaR 329,001.
        """,
        (
            EXPOSURES,
            VOLATILITIES,
            CORRELATION,
            YEARS("The horizon in years, e.g. 10/252 for 10 trading days"),
        ),
        (CONFIDENCE, BOOK_MEASURE),
        body=_portfolio_var,
    ),
    ExcelFunction(
        "CURRENCY_EXPOSURE",
        _GROUP,
        """Net exposure per currency (+ held, - owed) and the share of the book each currency
        funds, with "concentrated" where one funds more than threshold: four columns.
        Long AUD/JPY 1,000 and USD/JPY 3,000: AUD 1,000, JPY -4,000 (funds 100%), USD 3,000.
        """,
        (PAIRS, EXPOSURES),
        (THRESHOLD, HEADERS("Optional: TRUE puts a header row on top")),
        body=_currency_exposure,
    ),
)
