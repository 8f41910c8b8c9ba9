"""A PNG chart of policy rates and their differential (matplotlib's Agg backend)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib as mpl

mpl.use("Agg")  # headless: select before pyplot is imported anywhere

import matplotlib.pyplot as plt
import numpy as np

from carryxl.core.conventions import Currency
from carryxl.core.dates import FIRST_DATE, LAST_DATE, DateArray
from carryxl.core.validate import FloatArray
from carryxl.history.plots import save_png
from carryxl.history.policy import GAP, LEVEL, STALE, PolicyRates
from carryxl.history.store import citation

__all__ = ["plot_policy_rates"]


def _steps(days: DateArray, values: FloatArray) -> tuple[Any, FloatArray]:
    """The days on which ``values`` change (and the last day), for a step line drawn "post":
    the same line as every day's point, from a few points however long the span."""
    same = (values[1:] == values[:-1]) | (np.isnan(values[1:]) & np.isnan(values[:-1]))
    keep = np.concatenate(([True], ~same))
    keep[-1] = True
    return days[keep].astype("datetime64[ms]").astype(object), values[keep]


def plot_policy_rates(
    rates: PolicyRates,
    currencies: Sequence[Currency],
    start: np.datetime64,
    end: np.datetime64,
    path: str | Path,
) -> Path:
    """Daily policy rates of ``currencies`` (percent) and, for two or more, the first minus
    the second (the carry of holding the first funded in the second). Days with no published
    level are left blank; days after the data's end are drawn dashed and labelled stale."""
    days = np.arange(start, end + np.timedelta64(1, "D"), dtype="datetime64[D]")
    codes = list(currencies)
    pair = len(codes) >= 2
    fig, axes = plt.subplots(2 if pair else 1, 1, figsize=(10, 6.5 if pair else 4), sharex=True)
    top = axes[0] if pair else axes
    levels = {}
    for code in codes:
        decimals, status = rates.read(code, days)
        percent = np.where((status == LEVEL) | (status == STALE), decimals * 100.0, np.nan)
        levels[code] = percent
        fresh = np.where(status == LEVEL, percent, np.nan)
        stale = np.where(status == STALE, percent, np.nan)
        (line,) = top.step(*_steps(days, fresh), where="post", label=str(code))
        if np.isfinite(stale).any():
            label = f"{code} last known level, stale since {rates.series[code].end}"
            top.step(
                *_steps(days, stale),
                where="post",
                linestyle="--",
                color=line.get_color(),
                label=label,
            )
        if (status == GAP).any():
            top.plot([], [], " ", label=f"{code}: blank = no BIS level (gap)")
    # No margins around the dates: matplotlib's would run past 0001-01-01 or 9999-12-31.
    lo, hi = max(days[0] - 1, FIRST_DATE), min(days[-1] + 1, LAST_DATE)
    top.set_xlim(
        lo.astype("datetime64[ms]").astype(object), hi.astype("datetime64[ms]").astype(object)
    )
    top.set_ylabel("policy rate, % a year")
    top.legend(loc="best", fontsize=8)
    top.grid(alpha=0.3)
    top.set_title(f"Central-bank policy rates, {start} to {end}")
    if pair:
        a, b = codes[0], codes[1]
        axes[1].step(*_steps(days, levels[a] - levels[b]), where="post", color="black")
        axes[1].axhline(0.0, color="grey", linewidth=0.8)
        axes[1].set_ylabel(f"{a} - {b}, points")
        axes[1].grid(alpha=0.3)
    fig.text(0.01, 0.005, f"{citation(rates)}. BIS does not endorse carryxl.", fontsize=7)
    return save_png(fig, path)
