"""A PNG chart of policy rates and their differential (matplotlib's Agg backend)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")  # headless: select before pyplot is imported anywhere

import matplotlib.pyplot as plt
import numpy as np

from carryxl.core.conventions import Currency
from carryxl.history.plots import save_png
from carryxl.history.policy import GAP, LEVEL, STALE, PolicyRates

__all__ = ["plot_policy_rates"]


def plot_policy_rates(
    rates: PolicyRates,
    currencies: Sequence[Currency | str],
    start: np.datetime64,
    end: np.datetime64,
    path: str | Path,
) -> Path:
    """Daily policy rates of ``currencies`` (percent) and, for two or more, the first minus
    the second (the carry of holding the first funded in the second). Days with no published
    level are left blank; days after the data's end are drawn dashed and labelled stale."""
    days = np.arange(start, end + np.timedelta64(1, "D"), dtype="datetime64[D]")
    shown = days.astype("datetime64[ms]").astype(object)
    codes = [Currency.parse(c) for c in currencies]
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
        (line,) = top.step(shown, fresh, where="post", label=str(code))
        if np.isfinite(stale).any():
            label = f"{code} last known level, stale since {rates.series[code].end}"
            top.step(
                shown, stale, where="post", linestyle="--", color=line.get_color(), label=label
            )
        if (status == GAP).any():
            top.plot([], [], " ", label=f"{code}: blank = no BIS level (gap)")
    top.set_ylabel("policy rate, % a year")
    top.legend(loc="best", fontsize=8)
    top.grid(alpha=0.3)
    top.set_title(f"Central-bank policy rates, {start} to {end}")
    if pair:
        a, b = codes[0], codes[1]
        axes[1].step(shown, levels[a] - levels[b], where="post", color="black")
        axes[1].axhline(0.0, color="grey", linewidth=0.8)
        axes[1].set_ylabel(f"{a} - {b}, points")
        axes[1].grid(alpha=0.3)
    fig.text(0.01, 0.005, f"{rates.citation}. BIS does not endorse carryxl.", fontsize=7)
    return save_png(fig, path)
