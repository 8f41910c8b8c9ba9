"""Backtest: the workbook's carry trade held day by day on ECB history, on a new sheet.

The trade is the workbook's (``in_pair``, ``in_funding``, ``in_notional``,
``in_rate_target``, ``in_rate_funding``; ``in_leverage`` if defined, else 1), run through
:func:`carryxl.history.backtest.backtest` with the workbook's rates **held constant** over
the whole window (a rate cell left empty: that currency's policy rate day by day, from the
BIS data in carryxl's data folder, cited on the sheet), no stop-loss, no trend filter, no
costs. A leveraged trade is stopped out as a broker would (``in_stop_out_level`` if the
workbook defines it, else 50% of the margin; the margin call at ``in_margin_call_level``,
else 100%): the sheet's first statistics say when, at what fixing and at what spot.

The window is ``in_backtest_start`` .. ``in_backtest_end`` when the workbook defines them;
either may be left out: the end defaults to the last ECB fixing of the pair, the start to
five years before the end (same calendar day; 29 February falls back to the 28th).

The results go on a new sheet, "Carry backtest" (then "Carry backtest 2"…), so a run
never writes over anything: the statistics (columns A:B), the daily table (date, spot,
equity, P&L, carry, spot and cross parts, drawdown; columns D:K) and a picture of the
equity curve with its carry and spot parts over a drawdown panel (from column M).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import numpy as np

from carryxl.core import Pair
from carryxl.core.errors import CarryxlError
from carryxl.history import ecb_history
from carryxl.history.backtest import Backtest, backtest
from carryxl.history.data import RateHistory, parse_date_cell
from carryxl.history.marks import mark_stop, money_axis, stop_label
from carryxl.history.stats import drawdown
from carryxl.macros import contract as c
from carryxl.macros.book import Book, Cell, free_title, sheet_picture_name
from carryxl.macros.inputs import optional_value, read_held_trade
from carryxl.macros.policy import held_rates, rates_text

__all__ = [
    "BACKTEST_PICTURE",
    "BACKTEST_TITLE",
    "DEFAULT_YEARS",
    "PICTURE_ANCHOR",
    "TABLE_COLUMNS",
    "TABLE_HEADER",
    "backtest_window",
    "run_backtest",
    "statistics_rows",
    "table_rows",
]

BACKTEST_TITLE = "Carry backtest"
BACKTEST_PICTURE = "carryxl_backtest"
DEFAULT_YEARS = 5
TABLE_HEADER = (
    "Date",
    "Spot",
    "Equity",
    "P&L",
    "Carry",
    "Spot P&L",
    "Cross",
    "Drawdown",
)
TABLE_COLUMNS = "DEFGHIJK"
PICTURE_ANCHOR = "M3"


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def backtest_window(book: Book, history: RateHistory, pair: Pair) -> tuple[str, str]:
    """The window (ISO dates): the workbook's dates, else the pair's last five ECB years."""
    start = optional_value(book, c.IN_BACKTEST_START)
    end = optional_value(book, c.IN_BACKTEST_END)
    if end is None:
        quote = history.quote(pair, c.IN_PAIR)
        last: dt.date = history.dates[quote.last].astype(object)
    else:
        last = parse_date_cell(end, c.IN_BACKTEST_END).astype(object)
    if start is None:
        first = _years_before(last, DEFAULT_YEARS)
    else:
        first = parse_date_cell(start, c.IN_BACKTEST_START).astype(object)
    if first >= last:
        raise CarryxlError(c.IN_BACKTEST_START, str(first), f"must be before the end ({last})")
    return first.isoformat(), last.isoformat()


def _number(value: float) -> Cell:
    return float(value) if np.isfinite(value) else None


def statistics_rows(result: Backtest) -> list[tuple[str, Cell]]:
    """(label, value) of the summary: returns as decimals, amounts in the funding currency."""
    s = result.stats
    ccy = str(result.funding)
    stop = result.stop
    level = result.stop_out_level
    return [
        ("Stopped out", "no" if stop is None else f"{stop.what} on {stop.date}"),
        ("Closed at the fixing", None if stop is None else _number(stop.spot)),
        (
            f"Stop-out level ({'none' if level is None else f'{level:.0%} of margin'}) spot",
            None if stop is None or stop.level_spot is None else _number(stop.level_spot),
        ),
        (
            f"Margin call ({result.margin_call_level:.0%} of margin)",
            result.margin_call_date or "none",
        ),
        ("From", str(result.dates[0])),
        ("To", str(result.dates[-1])),
        ("Statistics to", s.end_date),
        ("Fixings", int(result.dates.size)),
        (f"Start equity ({ccy})", s.start_equity),
        (f"End equity ({ccy})", s.end_equity),
        ("Total return", s.total_return),
        (
            "Annualised return",
            f"n/a: account wiped out on {s.wiped_out_date}"
            if s.wiped_out_date
            else _number(s.annualised_return),
        ),
        ("Volatility (annualised)", _number(s.volatility)),
        ("Sharpe (no risk-free rate)", _number(s.sharpe)),
        ("Max drawdown", s.max_drawdown),
        (f"Max drawdown ({ccy})", s.max_drawdown_amount),
        ("Max drawdown peak", s.max_drawdown_peak),
        ("Max drawdown trough", s.max_drawdown_trough),
        ("Worst month", s.worst_month),
        ("Worst month return", _number(s.worst_month_return)),
        (f"Carry ({ccy})", s.carry),
        (f"Spot ({ccy})", s.fx),
        (f"Cross term ({ccy})", s.cross),
        (f"Costs ({ccy})", s.costs),
    ]


def table_rows(result: Backtest) -> list[list[Cell]]:
    """One row per fixing: text date, then numbers (amounts in the funding currency)."""
    dd = drawdown(result.equity)
    columns = (result.spots, result.equity, result.pnl, result.carry, result.fx, result.cross)
    return [
        [str(day), *(float(col[i]) for col in columns), _number(float(dd[i]))]
        for i, day in enumerate(result.dates)
    ]


def _figure(result: Backtest) -> Any:
    from matplotlib.figure import Figure  # noqa: PLC0415 - matplotlib loads only to draw

    ccy = str(result.funding)
    days = result.dates.astype("datetime64[ms]").astype(object)
    fig = Figure(figsize=(9, 6), dpi=100)
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    margin = result.margin
    top.plot(days, result.equity, color="tab:blue", linewidth=1.2, label="equity")
    top.plot(days, margin + result.carry, color="tab:green", linewidth=0.9, label="carry")
    top.plot(days, margin + result.fx, color="tab:orange", linewidth=0.9, label="spot")
    top.axhline(margin, color="grey", linewidth=0.6)
    mark_stop(top, result.stop, margin, ccy)
    top.set_ylabel(f"equity ({ccy})")
    money_axis(top.yaxis)
    title = f"{result.pair} funded in {ccy}: equity and its parts"
    top.set_title(title if result.stop is None else f"{title}\n{stop_label(result.stop)}")
    top.legend(loc="best", fontsize="small")
    top.grid(alpha=0.3)
    bottom.fill_between(days, -100.0 * drawdown(result.equity), 0.0, color="tab:red", alpha=0.4)
    bottom.set_ylabel("drawdown (%)")
    bottom.grid(alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def run_backtest(book: Book, history: RateHistory | None = None) -> str:
    """Backtest the trade and write a new sheet; its title."""
    book.progress("carryxl: reading the trade…")
    trade = read_held_trade(book)
    pair, funding, notional = trade.pair, trade.funding, trade.notional
    leverage = trade.leverage
    r_t, r_f, schedule = held_rates(trade)
    data = history if history is not None else ecb_history()
    start, end = backtest_window(book, data, pair)
    book.progress(f"carryxl: backtesting {pair} from {start} to {end}…")
    result = backtest(
        pair,
        funding,
        start,
        end,
        notional,
        r_t,
        r_f,
        leverage,
        margin_call=trade.margin_call,
        history=data,
        stop_out=trade.stop_out,
    )
    title = free_title(book.sheet_titles(), BACKTEST_TITLE)
    cells: list[tuple[str, Cell]] = [
        (
            "A1",
            f"{pair} funded in {funding}: {notional:,.2f} {funding} "
            f"{rates_text(trade, schedule, start, end)}, leverage {leverage:g}, no costs, "
            f"stop-out at {trade.stop_out:.0%} of the margin (leverage > 1); "
            f"amounts in {funding}; ECB daily fixings",
        ),
        ("A3", "Statistic"),
        ("B3", "Value"),
    ]
    for r, (label, value) in enumerate(statistics_rows(result), start=4):
        cells += [(f"A{r}", label), (f"B{r}", value)]
    cells += [(f"{col}3", label) for col, label in zip(TABLE_COLUMNS, TABLE_HEADER, strict=True)]
    for r, row in enumerate(table_rows(result), start=4):
        cells += [(f"{col}{r}", v) for col, v in zip(TABLE_COLUMNS, row, strict=True)]
    book.progress("carryxl: writing the backtest sheet…")
    book.add_sheet(title, cells, {"A": 28, "B": 16, "C": 3, **dict.fromkeys(TABLE_COLUMNS, 14)})
    fig = _figure(result)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    book.put_picture(
        title,
        PICTURE_ANCHOR,
        buffer.getvalue(),
        sheet_picture_name(BACKTEST_PICTURE, BACKTEST_TITLE, title),
        fig,
    )
    return title
