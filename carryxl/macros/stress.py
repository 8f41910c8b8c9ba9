"""Stress replay: the workbook's carry trade held through real crises, on a new sheet.

The trade is the workbook's (``in_pair``, ``in_funding``, ``in_notional``,
``in_rate_target``, ``in_rate_funding``; ``in_leverage`` if defined, else 1). It is held
through each named episode of :mod:`carryxl.history.stress` (2008, SNB 2015, lira 2018,
yen 2024), or through ``in_stress_start`` .. ``in_stress_end`` when the workbook defines
both, on the ECB's daily fixings of the workbook's own pair. The workbook's rates are
held constant over the window; a rate cell left empty takes that currency's policy rate
day by day (BIS data in carryxl's data folder), cited with its as-of date on the sheet.

The results go on a new sheet, "Carry stress" (then "Carry stress 2"…), so a replay never
writes over anything: one row per window (dates, spots, the target's move, worst P&L and
its day, worst drawdown, margin-call day, the days of carry the worst loss equals, the
final P&L, and the day and spot of a stop-out: a leveraged trade is closed when its
equity falls below ``in_stop_out_level`` x the margin if the workbook defines it, else 50%,
as a broker would; the margin call at ``in_margin_call_level``, else 100%), with a
picture of each window's P&L path below.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from carryxl.core.errors import CarryxlError
from carryxl.history import ecb_history
from carryxl.history.data import RateHistory, parse_date_cell
from carryxl.history.stress import EPISODES, StressReplay, stress_replay
from carryxl.macros import contract as c
from carryxl.macros.book import Book, Cell, free_title, sheet_picture_name
from carryxl.macros.inputs import optional_value, read_held_trade
from carryxl.macros.policy import held_rates, rates_text

__all__ = [
    "HEADER",
    "STRESS_PICTURE",
    "STRESS_TITLE",
    "StressWindow",
    "replay_stress",
    "stress_rows",
    "stress_windows",
]

STRESS_TITLE = "Carry stress"
STRESS_PICTURE = "carryxl_stress"
HEADER = (
    "Window",
    "From",
    "To",
    "Spot at start",
    "Spot at end",
    "Target move vs funding",
    "Worst P&L",
    "Worst P&L on",
    "Worst drawdown",
    "Margin call on",
    "Days of carry the worst loss equals",
    "P&L at end",
    "Stopped out on (spot)",
)


@dataclass(frozen=True)
class StressWindow:
    """A stretch of history to hold the trade through."""

    title: str
    start: str
    end: str


def stress_windows(book: Book) -> list[StressWindow]:
    """The workbook's own window if it defines both dates, else every named episode."""
    start = optional_value(book, c.IN_STRESS_START)
    end = optional_value(book, c.IN_STRESS_END)
    if start is None and end is None:
        return [StressWindow(e.title, e.start, e.end) for e in EPISODES.values()]
    if start is None or end is None:
        missing = c.IN_STRESS_START if start is None else c.IN_STRESS_END
        raise CarryxlError(missing, None, "give both stress dates, or neither")
    first = str(parse_date_cell(start, c.IN_STRESS_START))
    last = str(parse_date_cell(end, c.IN_STRESS_END))
    return [StressWindow(f"{first} to {last}", first, last)]


def _text(value: Any) -> Cell:
    return "" if value is None else str(value)


def _nan_free(value: float) -> Cell:
    return None if not np.isfinite(value) else float(value)


def _stopped(r: StressReplay) -> str:
    """``2024-07-31 (150.314)``, or why there was no stop-out."""
    if r.stop_out_level is None:
        return "no leverage"
    if r.stop_out_date is None:
        return "none"
    return f"{r.stop_out_date} ({r.stop_out_spot:.6g})"


def stress_rows(
    windows: Sequence[StressWindow], replays: Sequence[StressReplay]
) -> list[list[Cell]]:
    """One table row per window (text dates, numbers in the funding currency)."""
    rows: list[list[Cell]] = []
    for window, r in zip(windows, replays, strict=True):
        rows.append(
            [
                window.title,
                window.start,
                window.end,
                r.spot_start,
                r.spot_end,
                r.spot_move,
                r.worst_pnl,
                _text(r.worst_pnl_date),
                r.max_drawdown,
                _text(r.margin_call_date) or "none",
                _nan_free(r.carry_days_of_loss),
                float(r.pnl[-1]),
                _stopped(r),
            ]
        )
    return rows


def _figure(windows: Sequence[StressWindow], replays: Sequence[StressReplay], ccy: str) -> Any:
    from matplotlib.figure import Figure  # noqa: PLC0415 - matplotlib loads only to draw
    from matplotlib.ticker import StrMethodFormatter  # noqa: PLC0415

    fig = Figure(figsize=(9, 4), dpi=100)
    ax = fig.subplots()
    for window, r in zip(windows, replays, strict=True):
        ax.plot(np.arange(r.pnl.size), r.pnl, linewidth=1.2, label=window.title)
    ax.axhline(0.0, color="grey", linewidth=0.8)
    ax.set_xlabel("fixings since the start")
    ax.set_ylabel(f"P&L ({ccy})")
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_title(f"{replays[0].pair} funded in {ccy}: P&L through each window")
    ax.legend(fontsize="small")
    fig.tight_layout()
    return fig


def replay_stress(book: Book, history: RateHistory | None = None) -> str:
    """Replay the trade through each window and write a new sheet; its title."""
    book.progress("carryxl: reading the trade…")
    trade = read_held_trade(book)
    pair, funding, notional = trade.pair, trade.funding, trade.notional
    leverage = trade.leverage
    r_t, r_f, schedule = held_rates(trade)
    windows = stress_windows(book)
    data = history if history is not None else ecb_history()
    replays = []
    for i, window in enumerate(windows, start=1):
        book.progress(f"carryxl: replaying {window.title} ({i} of {len(windows)})…")
        replays.append(
            stress_replay(
                pair,
                funding,
                window.start,
                window.end,
                notional,
                r_t,
                r_f,
                leverage,
                trade.margin_call,
                history=data,
                stop_out=trade.stop_out,
            )
        )
    title = free_title(book.sheet_titles(), STRESS_TITLE)
    cells: list[tuple[str, Cell]] = [
        (
            "A1",
            f"{pair} funded in {funding}: {notional:,.2f} {funding} "
            f"{rates_text(trade, schedule, windows[0].start, windows[-1].end)}, leverage "
            f"{leverage:g}; amounts in {funding}; ECB daily fixings",
        )
    ]
    columns = "ABCDEFGHIJKLM"
    cells += [(f"{col}3", label) for col, label in zip(columns, HEADER, strict=True)]
    for r, row in enumerate(stress_rows(windows, replays), start=4):
        cells += [(f"{col}{r}", v) for col, v in zip(columns, row, strict=True)]
    book.progress("carryxl: writing the stress sheet…")
    book.add_sheet(title, cells, {"A": 44, **dict.fromkeys(columns[1:], 16)})
    fig = _figure(windows, replays, funding)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    book.put_picture(
        title,
        f"A{5 + len(windows)}",
        buffer.getvalue(),
        sheet_picture_name(STRESS_PICTURE, STRESS_TITLE, title),
        fig,
    )
    return title
