"""The payoff chart and the scenario heatmap, drawn with matplotlib as one picture.

Left: total P&L (funding currency) against the FX move, one line per holding period.
Right: the scenario grid as a heatmap, moves down, holding periods across. The picture
goes beside ``out_scenario_grid``, under the name ``carryxl_scenarios``; if that sheet is
protected (as the templates' are), on a sheet of its own, "Carry chart".
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np

from carryxl.core.validate import FloatArray
from carryxl.macros import contract as c
from carryxl.macros.book import Book, free_title
from carryxl.macros.ownership import require_unprotected
from carryxl.macros.scenario import ScenarioInputs, read_scenario_inputs, scenario_grid

__all__ = ["draw_scenario_chart", "scenario_figure"]


def scenario_figure(inputs: ScenarioInputs, grid: FloatArray) -> Any:
    """A matplotlib Figure of the payoff lines and the heatmap (Agg, no window)."""
    from matplotlib.figure import Figure  # noqa: PLC0415 - matplotlib loads only to draw
    from matplotlib.ticker import StrMethodFormatter  # noqa: PLC0415

    fig = Figure(figsize=(10, 4), dpi=100)
    payoff, heat = fig.subplots(1, 2)
    moves_pct = inputs.moves * 100.0
    order = np.argsort(moves_pct)
    for j in range(inputs.years.size):
        payoff.plot(moves_pct[order], grid[order, j], marker="o", label=inputs.period(j))
    payoff.axhline(0.0, color="grey", linewidth=0.8)
    payoff.set_xlabel(f"{inputs.target} move vs {inputs.funding} (%)")
    payoff.set_ylabel(f"total P&L ({inputs.funding})")
    payoff.set_title(f"{inputs.pair} carry: payoff")
    payoff.legend(title="holding", fontsize="small")
    payoff.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    limit = float(np.max(np.abs(grid))) or 1.0
    image = heat.imshow(grid, cmap="RdYlGn", vmin=-limit, vmax=limit, aspect="auto")
    heat.set_xticks(range(inputs.years.size), [inputs.period(j) for j in range(inputs.years.size)])
    heat.set_yticks(range(inputs.moves.size), [f"{m:+.1f}%" for m in moves_pct])
    heat.set_title(f"P&L in {inputs.funding}")
    heat.set_xlabel("holding period")
    heat.set_ylabel(f"{inputs.target} move vs {inputs.funding}")
    fig.colorbar(image, ax=heat, format=StrMethodFormatter("{x:,.0f}"))
    fig.tight_layout()
    return fig


def draw_scenario_chart(book: Book) -> bytes:
    """Draw the chart from the workbook's inputs and place it beside the grid; the PNG."""
    book.progress("carryxl: drawing the payoff chart…")
    inputs = read_scenario_inputs(book)
    grid = scenario_grid(inputs)
    fig = scenario_figure(inputs, grid)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    png = buffer.getvalue()
    sheet, anchor = _chart_place(book)
    book.put_picture(sheet, anchor, png, c.SCENARIO_PICTURE, fig)
    return png


def _chart_place(book: Book) -> tuple[str, str]:
    """Beside the grid; on a sheet of carryxl's own when the grid's sheet is protected."""
    sheet = book.sheet_of(c.OUT_SCENARIO_GRID)
    if not book.is_protected(sheet):
        return sheet, book.corner_after(c.OUT_SCENARIO_GRID)
    owned = book.constant(c.CHART_SHEET_NAME)
    if owned and owned in book.sheet_titles():
        require_unprotected(book, owned, c.SCENARIO_PICTURE)
        return owned, "A1"
    title = free_title(book.sheet_titles(), c.CHART_SHEET)
    book.add_sheet(title, [], {})
    book.set_constant(c.CHART_SHEET_NAME, title)
    return title, "A1"
