"""Marks on charts that any matplotlib axes can take (no pyplot, no backend chosen here):
the stop-out or wipe-out of a backtest on its equity curve."""

from __future__ import annotations

from typing import Any

import numpy as np

from carryxl.history.backtest import StopOut

__all__ = ["mark_stop", "stop_label"]


def stop_label(stop: StopOut) -> str:
    """``stopped out 2008-10-07 at 67.49`` (or ``wiped out ...``): the chart's words."""
    fill = f" at {stop.spot:.6g}" if np.isfinite(stop.spot) else ""
    return f"{stop.what} {stop.date}{fill}"


def mark_stop(ax: Any, stop: StopOut | None, margin: float) -> None:
    """The stop-out (or wipe-out) on an equity axis: a dashed line on its day, the level."""
    if stop is None:
        return
    day = np.datetime64(stop.date).astype("datetime64[ms]").astype(object)
    ax.axvline(day, color="tab:red", linestyle="--", linewidth=1.0, label=stop_label(stop))
    if stop.level is not None:
        ax.axhline(
            stop.level * margin,
            color="tab:red",
            linestyle=":",
            linewidth=0.8,
            label=f"stop-out level ({stop.level:.0%} of margin)",
        )
