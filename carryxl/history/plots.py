"""PNG charts with matplotlib's Agg backend (no display needed): equity and drawdown of a
backtest, the path of a stress replay, a spot series with its moving averages."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import matplotlib as mpl

mpl.use("Agg")  # headless: select before pyplot is imported anywhere

import matplotlib.pyplot as plt
import numpy as np

from carryxl.core.errors import CarryxlError
from carryxl.files import replace_file
from carryxl.history.backtest import Backtest
from carryxl.history.basket import BasketBacktest
from carryxl.history.marks import mark_stop, money_axis, stop_label
from carryxl.history.series import SpotSeries
from carryxl.history.stats import drawdown
from carryxl.history.stress import StressReplay

__all__ = [
    "OVERLAY_COLOURS",
    "SPOT_COLOUR",
    "plot_backtest",
    "plot_basket",
    "plot_contributions",
    "plot_series",
    "plot_stress",
    "save_png",
    "series_figure",
]


SPOT_COLOUR = "tab:blue"
# Each overlay (SMA, EMA) in a colour of its own, never the spot's blue.
OVERLAY_COLOURS = ("tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown", "tab:pink")


def save_png(fig: Any, path: str | Path) -> Path:
    """Save ``fig`` as ``path`` (.png) by temporary file and rename, then close it."""
    out = Path(path)
    if out.suffix.lower() != ".png":
        raise CarryxlError("plot", str(path), "must be a file name ending in .png")
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
        replace_file(out, buffer.getvalue())  # temp file + rename: never half a picture
    except OSError as error:
        raise CarryxlError("plot", str(path), f"cannot be written ({error.strerror})") from None
    finally:
        plt.close(fig)
    return out


def _dates(values: Any) -> Any:
    return np.asarray(values, dtype="datetime64[D]").astype("datetime64[ms]").astype(object)


def plot_backtest(result: Backtest, path: str | Path, title: str | None = None) -> Path:
    """Equity curve (top) and drawdown from peak (bottom) of a backtest, as a PNG; an
    account that was stopped out for good or wiped out is drawn to that day, marked."""
    ccy = str(result.funding)
    life = result.dates.size if result.stop is None else result.stop.row + 1
    life = life if result.ended is not None else result.dates.size
    title = title or f"{result.pair} carry funded in {ccy}: equity and its parts"
    return _plot_equity(result, life, ccy, title, path)


def plot_basket(result: BasketBacktest, path: str | Path, title: str | None = None) -> Path:
    """A carry basket's equity with its carry and spot parts (top) and drawdown (bottom),
    as a PNG, drawn to its stop-out or wipe-out (marked) if it had one."""
    ccy = str(result.base)
    life = result.dates.size if result.stop is None else result.stop.row + 1
    return _plot_equity(result, life, ccy, title or f"carry basket vs {ccy}", path)


def _plot_equity(
    result: Backtest | BasketBacktest, life: int, currency: str, title: str, path: str | Path
) -> Path:
    """Equity with its carry and spot parts (top) and drawdown from peak (bottom) over the
    first ``life`` days; the stop-out or wipe-out marked and named in the title."""
    days = _dates(result.dates[:life])
    equity, margin, stop = result.equity[:life], result.margin, result.stop
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(9, 6), sharex=True, gridspec_kw={"height_ratios": [3, 1]}
    )
    top.plot(days, equity, color="tab:blue", linewidth=1.2, label="equity")
    top.plot(days, margin + result.carry[:life], color="tab:green", linewidth=0.9, label="carry")
    top.plot(days, margin + result.fx[:life], color="tab:orange", linewidth=0.9, label="spot")
    top.axhline(margin, color="grey", linewidth=0.6)
    mark_stop(top, stop, margin, currency)
    top.set_ylabel(f"equity ({currency})")
    money_axis(top.yaxis)
    top.set_title(title if stop is None else f"{title}\n{stop_label(stop)}")
    top.legend(loc="best", fontsize=8)
    top.grid(alpha=0.3)
    bottom.fill_between(days, -100.0 * drawdown(equity), 0.0, color="tab:red", alpha=0.4)
    bottom.set_ylabel("drawdown (%)")
    bottom.grid(alpha=0.3)
    fig.autofmt_xdate()
    return save_png(fig, path)


def plot_stress(result: StressReplay, path: str | Path, title: str | None = None) -> Path:
    """Spot (top) and equity with the margin-call level (bottom) through a stress replay."""
    ccy = str(result.funding)
    days = _dates(result.dates)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 6), sharex=True)
    top.plot(days, result.spots, color="tab:blue", linewidth=1.2)
    top.set_ylabel(str(result.pair))
    top.set_title(title or f"Stress replay: {result.pair} funded in {ccy}")
    top.grid(alpha=0.3)
    bottom.plot(days, result.equity, color="tab:purple", linewidth=1.2, label="equity")
    bottom.axhline(0.0, color="black", linewidth=0.6)
    bottom.axhline(result.margin, color="grey", linewidth=0.6, linestyle=":", label="margin")
    if result.margin_call_date:
        day = np.datetime64(result.margin_call_date).astype("datetime64[ms]").astype(object)
        bottom.axvline(day, color="tab:orange", linestyle="--", label="margin call")
    mark_stop(bottom, result.stop, result.margin, ccy, level=result.stop_out_level)
    bottom.set_ylabel(f"equity ({ccy})")
    money_axis(bottom.yaxis)
    bottom.legend(loc="best", fontsize=8)
    bottom.grid(alpha=0.3)
    fig.autofmt_xdate()
    return save_png(fig, path)


def plot_series(
    series: SpotSeries, path: str | Path, overlays: dict[str, Any] | None = None
) -> Path:
    """A spot series, with optional overlays (e.g. ``{"SMA 50": sma(values, 50)}``)."""
    return save_png(series_figure(series, overlays), path)


def series_figure(series: SpotSeries, overlays: dict[str, Any] | None = None) -> Any:
    """The figure :func:`plot_series` saves: spot in blue, each overlay in its own colour."""
    days = _dates(series.dates)
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.plot(days, series.values, color=SPOT_COLOUR, linewidth=1.1, label=str(series.pair))
    for (label, values), colour in zip((overlays or {}).items(), OVERLAY_COLOURS, strict=False):
        ax.plot(days, values, color=colour, linewidth=0.9, label=label)
    ax.set_title(f"{series.pair} ({series.source})")
    ax.legend(loc="best", fontsize=8)
    ax.grid(alpha=0.3)
    fig.autofmt_xdate()
    return fig


def plot_contributions(
    labels: list[str], standalone: Any, contributions: Any, currency: str, path: str | Path
) -> Path:
    """Each position's stand-alone VaR beside its contribution to the book's VaR (bars)."""
    y = np.arange(len(labels))
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.45 * len(labels)))
    ax.barh(y + 0.2, standalone, height=0.4, color="tab:grey", label="stand-alone VaR")
    ax.barh(y - 0.2, contributions, height=0.4, color="tab:red", label="contribution to VaR")
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.axvline(0.0, color="black", linewidth=0.6)
    ax.set_xlabel(f"VaR ({currency})")
    money_axis(ax.xaxis)
    ax.set_title("Risk contribution per position (Euler)")
    ax.legend(loc="best", fontsize=8)
    ax.grid(alpha=0.3, axis="x")
    return save_png(fig, path)
