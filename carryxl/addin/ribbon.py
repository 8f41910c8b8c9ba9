"""The Carry tab: ``customUI/customUI14.xml`` (Office 2010+ ribbon schema).

Every button calls the same VBA callback (``CarryRibbon.OnCarryButton``); its ``tag``
names the macro, which Python's dispatcher (:mod:`carryxl.macros.dispatch`) looks up in
a fixed table.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from carryxl.addin.vba import RIBBON_CALLBACK

__all__ = [
    "CUSTOM_UI14_NAMESPACE",
    "CUSTOM_UI14_PART",
    "CUSTOM_UI14_RELATIONSHIP",
    "GROUPS",
    "Button",
    "Group",
    "custom_ui_xml",
]

CUSTOM_UI14_NAMESPACE = "http://schemas.microsoft.com/office/2009/07/customui"
CUSTOM_UI14_RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
CUSTOM_UI14_PART = "customUI/customUI14.xml"


@dataclass(frozen=True)
class Button:
    """A ribbon button: ``tag`` names the macro the dispatcher runs."""

    id: str
    label: str
    tag: str
    image_mso: str
    screentip: str
    supertip: str
    large: bool = True


@dataclass(frozen=True)
class Group:
    """A group of buttons on the Carry tab."""

    id: str
    label: str
    buttons: tuple[Button, ...]


GROUPS: tuple[Group, ...] = (
    Group(
        "carryScenarios",
        "Scenarios",
        (
            Button(
                "carryScenarioGrid",
                "Fill scenarios",
                "scenario",
                "TableInsert",
                "Fill the scenario grid",
                "Exact P&L in the funding currency for each FX move (rows of "
                "in_scenario_moves) and holding period (in_scenario_years), written into "
                "out_scenario_grid.",
            ),
            Button(
                "carryScenarioChart",
                "Payoff chart",
                "chart",
                "ChartInsert",
                "Draw the payoff chart and heatmap",
                "A picture beside out_scenario_grid: P&L against the FX move for each "
                "holding period, and the scenario grid as a heatmap.",
            ),
        ),
    ),
    Group(
        "carryHistory",
        "History",
        (
            Button(
                "carryStress",
                "Stress replay",
                "stress",
                "ChartTypeLineInsertGallery",
                "Replay the trade through real crises",
                "Hold the workbook's trade through 2008, the SNB's 2015 floor removal, the 2018 "
                "lira crisis and the 2024 yen unwind (or in_stress_start to in_stress_end) on "
                "ECB fixings: worst P&L, drawdown, margin call, on a new sheet.",
            ),
            Button(
                "carryPortfolioRisk",
                "Book risk",
                "portfolio",
                "PivotTableInsert",
                "Refresh the book's correlations from ECB history",
                "Each position's volatility and the positions' correlation matrix over "
                "in_window_start to in_window_end, from ECB fixings, written into "
                "in_pf_volatility and in_correlation; the VaR follows by formulas.",
            ),
            Button(
                "carryBacktest",
                "Backtest",
                "backtest",
                "ChartTypeAreaInsertGallery",
                "Backtest the trade on ECB history",
                "Hold the workbook's trade day by day on ECB fixings with its rates held "
                "constant (the last five years, or in_backtest_start to in_backtest_end): "
                "returns, volatility, Sharpe, drawdown, carry vs spot, the daily equity and "
                "an equity and drawdown chart, on a new sheet.",
            ),
        ),
    ),
    Group(
        "carryWorkbook",
        "Workbook",
        (
            Button(
                "carryCalculator",
                "New calculator",
                "calculator",
                "SheetInsert",
                "Add a carry calculator sheet",
                "A new sheet with one trade's inputs and Excel formulas for carry, FX, "
                "cross term and exact total P&L.",
            ),
            Button(
                "carryRefresh",
                "Refresh",
                "refresh",
                "Refresh",
                "Refresh all carryxl outputs",
                "Recalculate, then fill the scenario grid and redraw the chart from the "
                "current inputs.",
            ),
        ),
    ),
)


def custom_ui_xml(groups: tuple[Group, ...] = GROUPS) -> bytes:
    """The customUI14 part as UTF-8 bytes."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<customUI xmlns="{CUSTOM_UI14_NAMESPACE}">',
        "  <ribbon>",
        "    <tabs>",
        '      <tab id="carryTab" label="Carry" keytip="CY">',
    ]
    for group in groups:
        lines.append(f"        <group id={quoteattr(group.id)} label={quoteattr(group.label)}>")
        for b in group.buttons:
            lines.append(
                f"          <button id={quoteattr(b.id)} label={quoteattr(b.label)}"
                f" tag={quoteattr(b.tag)} imageMso={quoteattr(b.image_mso)}"
                f' size="{"large" if b.large else "normal"}"'
                f" screentip={quoteattr(b.screentip)} supertip={quoteattr(b.supertip)}"
                f" onAction={quoteattr(RIBBON_CALLBACK)}/>"
            )
        lines.append("        </group>")
    lines += ["      </tab>", "    </tabs>", "  </ribbon>", "</customUI>", ""]
    return "\n".join(lines).encode("utf-8")
