"""Marks on charts that any matplotlib axes can take (no pyplot, no backend chosen here,
matplotlib loaded only to draw):
money ticks with thousands separators, and the stop-out or wipe-out of a position on its
equity curve (every equity chart marks it with :func:`mark_stop`)."""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.history.backtest import StopOut

__all__ = ["mark_stop", "money_axis", "stop_label"]


def _thousands(value: float, _position: object = None) -> str:
    """1250000.0 -> 1,250,000; small steps keep their decimals (0.25)."""
    if abs(value) >= 100 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.4g}"


def money_axis(axis: Any) -> None:
    """Money ticks in full with thousands separators (1,250,000), never a 1e6 offset:
    ``axis`` is ``ax.xaxis`` or ``ax.yaxis``."""
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 - matplotlib only to draw

    axis.set_major_formatter(FuncFormatter(_thousands))


def stop_label(stop: StopOut) -> str:
    """``stopped out 2008-10-07 at 67.49`` (or ``wiped out ...``): the chart's words."""
    fill = f" at {stop.spot:.6g}" if np.isfinite(stop.spot) else ""
    return f"{stop.what} {stop.date}{fill}"


def mark_stop(
    ax: Any, stop: StopOut | None, margin: float, currency: str, level: float | None = None
) -> None:
    """The stop-out level and the stop-out (or wipe-out) on an equity axis.

    ``level`` (equity / margin, e.g. 0.5) is drawn as a dotted line whether or not it was
    reached; without it, the stop's own level where there is a stop. The stop itself: a
    dashed line on its day and a cross on the curve at the equity it left, with its words
    beside it and, in the legend, that equity in ``currency``."""
    shown = level if level is not None else (None if stop is None else stop.level)
    if shown is not None:
        ax.axhline(
            shown * margin,
            color="tab:red",
            linestyle=":",
            linewidth=0.8,
            label=f"stop-out ({shown:.0%} of margin)",
        )
    if stop is None:
        return
    day = np.datetime64(stop.date, "D").astype("datetime64[ms]").astype(object)
    words = stop_label(stop)
    ax.axvline(day, color="tab:red", linestyle="--", linewidth=0.8, alpha=0.6)
    ax.plot(
        [day],
        [stop.equity],
        marker="X",
        markersize=9,
        color="tab:red",
        linestyle="none",
        label=f"{words} ({stop.equity:,.0f} {currency})",
    )
    ax.annotate(
        words,
        (day, stop.equity),
        textcoords="offset points",
        xytext=(-6, 8),
        horizontalalignment="right",
        fontsize=8,
        color="tab:red",
        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
    )
