"""The history picture: the spot and each moving average in a colour of its own."""

from __future__ import annotations

import matplotlib.colors as mcolors

from carryxl.core.conventions import Pair
from carryxl.history.ecb import ecb_history
from carryxl.history.indicators import ema, sma
from carryxl.history.plots import series_figure
from carryxl.history.series import spot_series


def test_each_line_has_its_own_colour() -> None:
    s = spot_series(Pair.parse("USD/JPY"), "2024-01-02", "2024-06-28", ecb_history())
    figure = series_figure(s, {"SMA 20": sma(s.values, 20), "EMA 10": ema(s.values, 10)})
    lines = figure.axes[0].get_lines()
    assert [line.get_label() for line in lines] == ["USD/JPY", "SMA 20", "EMA 10"]
    colours = [mcolors.to_hex(line.get_color()) for line in lines]
    assert len(set(colours)) == 3, colours
    legend = figure.axes[0].get_legend()
    shown = [mcolors.to_hex(h.get_color()) for h in legend.get_lines()]
    assert shown == colours
