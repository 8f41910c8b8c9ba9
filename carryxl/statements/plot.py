"""A PNG of a statement's analysis: cumulative price P&L against cumulative carry (swap and
financing) by close time, and each FX pair and side's implied rate beside its policy-rate
differential (matplotlib's Agg backend)."""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")  # headless: select before pyplot is imported anywhere

import matplotlib.pyplot as plt
import numpy as np

from carryxl.history.plots import save_png
from carryxl.statements.analysis import Analysis

__all__ = ["plot_statement"]


def plot_statement(analysis: Analysis, path: str | Path) -> Path:
    """Draw ``analysis`` to ``path`` (.png, replaced by temporary file and rename)."""
    currency = analysis.statement.account.currency
    ordered = sorted(analysis.positions, key=lambda r: r.position.close_time)
    times = np.array([r.position.close_time for r in ordered], dtype="datetime64[s]")
    shown = times.astype("datetime64[ms]").astype(object)
    price = np.cumsum([r.position.profit for r in ordered])
    carry = np.cumsum([r.position.carry for r in ordered])
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7))
    top.step(shown, price, where="post", label=f"cumulative price P&L ({currency})")
    top.step(shown, carry, where="post", label=f"cumulative swap / financing ({currency})")
    top.axhline(0.0, color="grey", linewidth=0.8)
    name = analysis.statement.file_name()
    top.set_title(f"{name}: price against carry (close times, server time)")
    top.legend(loc="best", fontsize=8)
    top.grid(alpha=0.3)
    groups = [g for g in analysis.pairs if g.implied_rate is not None]
    labels = [f"{g.name} {'long' if g.side > 0 else 'short'}" for g in groups]
    x = np.arange(len(groups))
    implied = [100.0 * (g.implied_rate or 0.0) for g in groups]
    policy = [
        100.0 * g.policy_differential if g.policy_differential is not None else np.nan
        for g in groups
    ]
    bottom.bar(x - 0.2, implied, width=0.4, label="implied by the broker's swap, % a year")
    bottom.bar(x + 0.2, policy, width=0.4, label="policy-rate differential, % a year")
    bottom.axhline(0.0, color="grey", linewidth=0.8)
    bottom.set_xticks(x, labels, fontsize=8)
    bottom.legend(loc="best", fontsize=8)
    bottom.grid(alpha=0.3, axis="y")
    if not groups:
        bottom.text(
            0.5, 0.5, "no FX position held overnight", ha="center", transform=bottom.transAxes
        )
    fig.tight_layout()
    return save_png(fig, path)
