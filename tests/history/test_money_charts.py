"""Charts a trader reads (issue 19): money axes with thousands separators, the stop-out line
labelled, the stop-out marked on the equity curve."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from carryxl.core.conventions import Pair
from carryxl.history import plots
from carryxl.history.ecb import ecb_history
from carryxl.history.stress import stress_replay


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The figures the plot functions would save, kept open to read."""
    figures: list[Any] = []

    def keep(fig: Any, path: str | Path) -> Path:
        figures.append(fig)
        return Path(path)

    monkeypatch.setattr(plots, "save_png", keep)
    return figures


def _ticks(axis: Any) -> list[str]:
    axis.figure.canvas.draw()
    return [t.get_text() for t in axis.get_ticklabels() if t.get_text()]


def test_var_bars_read_in_full_with_thousands_separators(drawn: list[Any]) -> None:
    plots.plot_contributions(
        ["long AUD/JPY", "long USD/JPY"],
        [250_000.0, 1_250_000.0],
        [200_000.0, 1_100_000.0],
        "CNY",
        "risk.png",
    )
    axis = drawn[0].axes[0].xaxis
    labels = _ticks(axis)
    big = [
        t
        for t in labels
        if t.replace(",", "").replace("−", "").isdigit()
        and int(t.replace(",", "").replace("−", "")) >= 1000
    ]
    assert big, labels
    assert all("," in t for t in big), labels  # 1,000,000, not 1000000
    assert axis.get_offset_text().get_text() == ""  # no "1e6" above the axis


def test_stress_chart_labels_the_stop_out_and_marks_where_it_happened(drawn: list[Any]) -> None:
    replay = stress_replay(
        Pair.parse("USD/JPY"),
        "JPY",
        "2024-07-01",
        "2024-08-30",
        10_000_000,
        0.0533,
        0.001,
        leverage=10,
        history=ecb_history(),
        stop_out=0.5,
    )
    assert replay.stop_out_date is not None  # the yen unwind stops a 10x position out
    plots.plot_stress(replay, "stress.png")
    bottom = drawn[0].axes[1]
    labels = [h.get_label() for h in bottom.get_legend().legend_handles]
    assert "stop-out (50% of margin)" in labels
    marked = [t for t in labels if t.startswith(f"stopped out {replay.stop_out_date}")]
    assert marked, labels
    level = [line for line in bottom.get_lines() if line.get_label().startswith("stop-out")]
    assert level[0].get_ydata()[0] == pytest.approx(0.5 * replay.margin)
    assert all("," in t for t in _ticks(bottom.yaxis) if len(t.lstrip("−-")) > 3)


def test_equity_curve_takes_a_stop_out_marker(drawn: list[Any]) -> None:
    days = np.arange(np.datetime64("2008-09-01"), np.datetime64("2008-11-01"))
    equity = np.linspace(200_000.0, -18_272.0, days.size)
    stop = plots.StopMark(np.datetime64("2008-10-07"), 45_000.0, "wiped out 2008-10-07")
    plots.plot_equity(
        days,
        equity,
        equity * 0,
        equity - 200_000,
        200_000.0,
        "JPY",
        "t",
        "eq.png",
        stop=stop,
        stop_out_equity=100_000.0,
    )
    top = drawn[0].axes[0]
    labels = [h.get_label() for h in top.get_legend().legend_handles]
    assert "wiped out 2008-10-07 (45,000 JPY)" in labels
    assert "stop-out (100,000 JPY)" in labels
    assert [t.get_text() for t in top.texts] == ["wiped out 2008-10-07"]
    assert all("," in t for t in _ticks(top.yaxis) if len(t.lstrip("−-")) > 3)
