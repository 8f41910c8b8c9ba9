"""Charts a trader reads (issue 19): money axes with thousands separators, the stop-out line
labelled, the stop-out marked on the equity curve."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from carryxl.core.conventions import Currency, Pair
from carryxl.history import plots
from carryxl.history.backtest import backtest
from carryxl.history.basket import basket_backtest
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


def _marks(ax: Any) -> tuple[list[str], list[str]]:
    """The legend's labels and the words written on the axes."""
    return [h.get_label() for h in ax.get_legend().legend_handles], [t.get_text() for t in ax.texts]


# 2008 with these constant rates: the 4x basket is stopped out in the October sell-off.
RATES = {
    "USD": 0.02,
    "EUR": 0.04,
    "JPY": 0.003,
    "GBP": 0.05,
    "CHF": 0.025,
    "AUD": 0.07,
    "NZD": 0.08,
    "CAD": 0.03,
    "SEK": 0.04,
    "NOK": 0.05,
}


def test_the_basket_chart_marks_its_stop_out_on_the_curve(drawn: list[Any]) -> None:
    rates = {Currency.parse(k): v for k, v in RATES.items()}
    result = basket_backtest(
        rates, "2008-01-02", "2009-12-31", leverage=4, history=ecb_history(), stop_out=0.5
    )
    stop = result.stop
    assert stop is not None
    plots.plot_basket(result, "basket.png", "a basket")
    top = drawn[0].axes[0]
    labels, texts = _marks(top)
    words = f"{stop.what} {stop.date}"  # a basket closes many legs: no one fixing to quote
    assert f"{words} ({stop.equity:,.0f} USD)" in labels
    assert "stop-out (50% of margin)" in labels
    assert texts == [words]
    assert top.get_title() == f"a basket\n{words}"
    lines = {str(line.get_label()): line for line in top.get_lines()}
    assert lines[f"{words} ({stop.equity:,.0f} USD)"].get_ydata()[0] == pytest.approx(stop.equity)
    assert lines["stop-out (50% of margin)"].get_ydata()[0] == pytest.approx(0.5 * result.margin)
    # drawn to the stop-out day, not beyond
    equity = lines["equity"]
    assert len(equity.get_xdata()) == stop.row + 1
    assert all("," in t for t in _ticks(top.yaxis) if len(t.lstrip("−-")) > 3)


def test_backtest_stress_and_basket_charts_mark_a_stop_out_alike(drawn: list[Any]) -> None:
    """One mark for every equity chart: the same words, cross and level line."""
    pair = Pair.parse("AUD/JPY")
    run = backtest(pair, Currency.JPY, "2008-06-02", "2008-12-31", 1e7, 0.07, 0.005, leverage=4)
    replay = stress_replay(
        pair,
        Currency.JPY,
        "2008-06-02",
        "2008-12-31",
        1e7,
        0.07,
        0.005,
        leverage=4,
        history=ecb_history(),
        stop_out=0.5,
    )
    assert run.stop is not None
    assert replay.stop == run.stop
    plots.plot_backtest(run, "bt.png")
    plots.plot_stress(replay, "stress.png")
    (bt_labels, bt_texts), (st_labels, st_texts) = (
        _marks(drawn[0].axes[0]),
        _marks(drawn[1].axes[1]),
    )
    words = f"stopped out {run.stop.date} at {run.stop.spot:.6g}"
    assert bt_texts == st_texts == [words]
    for labels in (bt_labels, st_labels):
        assert f"{words} ({run.stop.equity:,.0f} JPY)" in labels
        assert "stop-out (50% of margin)" in labels
