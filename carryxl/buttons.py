"""The Carry tab's buttons, once: tag, label, icon, tips, what each runs, and its group.

Everything about a button is read from :data:`BUTTONS`: the ribbon XML
(:mod:`carryxl.addin.ribbon`), the tag-to-macro table (:mod:`carryxl.macros.dispatch`),
``carryxl run``'s choices and help, and the table in docs/addin.md (:func:`markdown`).

A button's macro is named here as ``"module:function"`` (carryxl's own code, never text
from a workbook) and imported by the dispatcher when the button is pressed: the add-in
builder reads this table without importing the macros, so neither depends on the other.
Adding a button is one :class:`Button` here and the macro function it names.

A button also names the workbook-scope names its macro reads (``needs``): pressed on a
workbook without one, it stops before doing anything and says which names are missing and
which ``carryxl new`` kinds have them (the kinds whose declared names, in
:mod:`carryxl.templates`, hold them all: :func:`carryxl.macros.dispatch.kinds`).

And it names the ranges its macro writes over (``fills``): where a template generates
example values in one of them, the generator records them as carryxl's own (their
fingerprint, :mod:`carryxl.owned`), so the button replaces the examples of a fresh
workbook, and never a range the user has edited
(:meth:`carryxl.workbooks.layout.Book.own`).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BUTTONS",
    "GROUPS",
    "HISTORY",
    "PORTFOLIO_FILL",
    "PORTFOLIO_NAMES",
    "RATES_FILL",
    "SCENARIOS",
    "SCENARIO_NAMES",
    "TRADE_NAMES",
    "WORKBOOK",
    "Button",
    "Group",
    "button",
    "markdown",
]

TRADE_NAMES = ("in_pair", "in_funding", "in_notional", "in_rate_target", "in_rate_funding")
"""The held trade, as the stress and backtest buttons read it (carryxl.macros.contract)."""
SCENARIO_NAMES = (
    *TRADE_NAMES,
    "in_spot_start",
    "in_scenario_moves",
    "in_scenario_years",
    "out_scenario_grid",
)
"""What the scenario and chart buttons read, and the grid they fill or draw beside."""
PORTFOLIO_NAMES = (
    "in_pf_pair",
    "in_window_start",
    "in_window_end",
    "in_pf_volatility",
    "in_correlation",
)
"""What the Book risk button reads, and the ranges it writes."""
PORTFOLIO_FILL = (
    "in_pf_volatility",
    "in_correlation",
    "in_pf_spot",
    "in_pf_to_account",
    "in_pf_rate_base",
    "in_pf_rate_quote",
)
"""The portfolio ranges the Book risk button fills: each position's volatility and the
correlation matrix (refused once edited), and each position's spot, quote-to-account rate
and policy rates (once edited, only their empty cells are filled)."""
RATES_FILL = ("in_rates_policy", "in_rates_policy_date", "in_rates_policy_source", "in_rates_note")
"""The Rates sheet's ranges the Policy rates button fills: each currency's policy rate, its
date and its source, and the note above the table (where the rates come from)."""


@dataclass(frozen=True)
class Group:
    """A group of buttons on the Carry tab."""

    id: str
    label: str


SCENARIOS = Group("carryScenarios", "Scenarios")
HISTORY = Group("carryHistory", "History")
WORKBOOK = Group("carryWorkbook", "Workbook")
GROUPS: tuple[Group, ...] = (SCENARIOS, HISTORY, WORKBOOK)
"""The groups, left to right."""


@dataclass(frozen=True)
class Button:
    """A ribbon button and the macro it runs.

    ``tag`` is what the VBA callback passes to Python (letters, digits and ``_``);
    ``image_mso`` an Office icon name; ``screentip`` and ``supertip`` the hover help;
    ``summary`` the line ``carryxl run --help`` prints; ``doc`` what docs/addin.md says it
    does; ``macro`` the ``"module:function"`` that runs on a Book; ``needs`` the
    workbook-scope names the macro reads; ``fills`` the workbook-scope ranges it writes
    over (a template's examples there are generated as carryxl's own).
    """

    group: Group
    id: str
    label: str
    tag: str
    image_mso: str
    screentip: str
    supertip: str
    summary: str
    doc: str
    macro: str
    needs: tuple[str, ...] = ()
    fills: tuple[str, ...] = ()
    large: bool = True


BUTTONS: tuple[Button, ...] = (
    Button(
        SCENARIOS,
        id="carryScenarioGrid",
        label="Fill scenarios",
        tag="scenario",
        image_mso="TableInsertExcel",
        screentip="Fill the scenario grid",
        supertip=(
            "Exact P&L in the funding currency for each FX move (rows of "
            "in_scenario_moves) and holding period (in_scenario_years), written into "
            "out_scenario_grid."
        ),
        summary="fill out_scenario_grid from the workbook's inputs",
        doc="exact P&L for every FX move × holding period into `out_scenario_grid`",
        macro="carryxl.macros.scenario:fill_scenario_grid",
        needs=SCENARIO_NAMES,
        fills=("out_scenario_grid",),
    ),
    Button(
        SCENARIOS,
        id="carryScenarioChart",
        label="Payoff chart",
        tag="chart",
        image_mso="ChartInsert",
        screentip="Draw the payoff chart and heatmap",
        supertip=(
            "A picture beside out_scenario_grid: P&L against the FX move for each holding "
            "period, and the scenario grid as a heatmap."
        ),
        summary="draw the payoff chart and scenario heatmap",
        doc=(
            'a picture beside the grid (on a "Carry chart" sheet if the grid\'s sheet is '
            "protected): P&L against the move for each period, and a heatmap"
        ),
        macro="carryxl.macros.chart:draw_scenario_chart",
        needs=SCENARIO_NAMES,
    ),
    Button(
        HISTORY,
        id="carryStress",
        label="Stress replay",
        tag="stress",
        image_mso="ChartTypeLineInsertGallery",
        screentip="Replay the trade through real crises",
        supertip=(
            "Hold the workbook's trade through 2008, the SNB's 2015 floor removal, the "
            "2018 lira crisis and the 2024 yen unwind (or in_stress_start to "
            "in_stress_end) on ECB fixings: worst P&L, drawdown, margin call, on a new "
            "sheet."
        ),
        summary="replay the trade through real crises on a new sheet",
        doc=(
            "the trade held through 2008, the SNB's 2015 floor removal, the 2018 lira "
            "crisis and the 2024 yen unwind (or `in_stress_start`..`in_stress_end`) on ECB"
            " fixings, on a new sheet: worst P&L and its day, drawdown, margin-call day, "
            "days of carry the loss equals, the stop-out day and spot (a leveraged trade is "
            "closed below `in_stop_out_level`, default 50% of the margin), and a picture of "
            "the P&L paths"
        ),
        macro="carryxl.macros.stress:replay_stress",
        needs=TRADE_NAMES,
    ),
    Button(
        HISTORY,
        id="carryPortfolioRisk",
        label="Book risk",
        tag="portfolio",
        image_mso="PivotTableInsert",
        screentip="Refresh the book's correlations from ECB history and value it",
        supertip=(
            "Each position's volatility and the positions' correlation matrix over "
            "in_window_start to in_window_end, from ECB fixings, written into "
            "in_pf_volatility and in_correlation; then the book's VaR, ES, contributions "
            "and totals, as carryxl portfolio computes them, on a new sheet."
        ),
        summary=(
            "refresh the portfolio's volatilities and correlations from ECB history and "
            "value the book"
        ),
        doc=(
            "the portfolio workbook's volatilities (`in_pf_volatility`) and correlation "
            "matrix (`in_correlation`) from ECB fixings over "
            "`in_window_start`..`in_window_end` for the pairs in `in_pf_pair`, and each "
            "position's spot, quote-to-account rate and policy rates on the valuation date; "
            "written only into ranges that are empty or hold what carryxl wrote there (the "
            "template's examples are carryxl's; a range the user edited is refused, or for "
            "the market inputs only its empty cells are filled); then "
            "the book valued as `carryxl portfolio` values it (VaR, ES, contributions, "
            'totals, each with its currency) on a new sheet, "Book risk"'
        ),
        macro="carryxl.macros.portfolio:refresh_portfolio_risk",
        needs=PORTFOLIO_NAMES,
        fills=PORTFOLIO_FILL,
    ),
    Button(
        HISTORY,
        id="carryBacktest",
        label="Backtest",
        tag="backtest",
        image_mso="ChartTrendline",
        screentip="Backtest the trade on ECB history",
        supertip=(
            "Hold the workbook's trade day by day on ECB fixings with its rates held "
            "constant (the last five years, or in_backtest_start to in_backtest_end): "
            "returns, volatility, Sharpe, drawdown, carry vs spot, the daily equity and an"
            " equity and drawdown chart, on a new sheet."
        ),
        summary="backtest the trade day by day on ECB history on a new sheet",
        doc=(
            "the trade held day by day on ECB fixings with its rates constant, over the "
            "last five years of the pair's ECB data (or "
            "`in_backtest_start`..`in_backtest_end`), on a new sheet: total and annualised"
            " return, volatility, Sharpe, max drawdown, worst month, carry vs spot vs "
            "cross, the daily equity table, and a picture of the equity curve over a "
            "drawdown panel"
        ),
        macro="carryxl.macros.backtest:run_backtest",
        needs=TRADE_NAMES,
    ),
    Button(
        HISTORY,
        id="carryStatement",
        label="Import statement",
        tag="statement",
        image_mso="FileOpen",
        screentip="Import a MetaTrader statement",
        supertip=(
            "Choose an MT5 report (HTML or XLSX) or an MT4 statement: each closed position's "
            "price P&L, swap, nights, the rate the swap implies and the policy-rate "
            "differential, into the Statement sheet; totals and chart follow."
        ),
        summary="import a MetaTrader statement into the Statement sheet (--file REPORT)",
        doc=(
            "asks for a MetaTrader 5 report (HTML or XLSX) or MetaTrader 4 statement "
            "(`carryxl run statement BOOK --file REPORT` without Excel) and writes each closed "
            "position, by close time, into `in_st_table`: price P&L, swap, commission, "
            "nights, swap a lot a night, implied rate, BIS policy differential and markup, as "
            "`carryxl statement` gives them; the sheet's totals and chart follow by formulas"
        ),
        macro="carryxl.macros.statement:import_statement",
        needs=("in_st_table", "in_st_source", "in_st_currency"),
        fills=("in_st_table", "in_st_source", "in_st_currency"),
    ),
    Button(
        WORKBOOK,
        id="carryCalculator",
        label="New calculator",
        tag="calculator",
        image_mso="SheetInsert",
        screentip="Add a carry calculator sheet",
        supertip=(
            "A new sheet with one trade's inputs and Excel formulas for carry, FX, cross "
            "term and exact total P&L."
        ),
        summary="add a carry calculator sheet",
        doc=(
            "a new sheet with one trade's inputs and plain Excel formulas (carry, FX, cross, total)"
        ),
        macro="carryxl.macros.calculator:add_calculator_sheet",
    ),
    Button(
        WORKBOOK,
        id="carryPolicyRates",
        label="Policy rates",
        tag="rates",
        image_mso="PercentStyle",
        screentip="Fill the Rates sheet from your BIS data",
        supertip=(
            "Each currency's latest central-bank policy rate from the BIS data in carryxl's "
            "data folder (carryxl data update or import), with its date and source, into the "
            "Rates sheet. A rate you typed there is never overwritten."
        ),
        summary="fill the Rates sheet's policy rates with the latest BIS levels",
        doc=(
            "each currency's latest policy rate from the BIS data in carryxl's data folder, "
            "with its date and the source (`Source: BIS, Central bank policy rates "
            "(WS_CBPOL), as of D` above the table), into the Rates sheet's example cells; a "
            "currency whose data ends earlier is marked `last known level, stale since D`"
        ),
        macro="carryxl.macros.rates:fill_policy_rates",
        needs=("in_rates_currency", *RATES_FILL),
        fills=RATES_FILL,
    ),
    Button(
        WORKBOOK,
        id="carryRefresh",
        label="Refresh",
        tag="refresh",
        image_mso="Refresh",
        screentip="Refresh all carryxl outputs",
        supertip=(
            "Recalculate any workbook; where it has a carryxl scenario grid, fill it and "
            "redraw the chart from the current inputs."
        ),
        summary="refresh all carryxl outputs",
        doc=(
            "recalculate any workbook; where it has a scenario grid, refill it and redraw the "
            "chart if there is one"
        ),
        macro="carryxl.macros.refresh:refresh",
        fills=("out_scenario_grid",),
    ),
)
"""Every button, in the order the tab shows them (grouped by :data:`GROUPS`)."""


def button(tag: str) -> Button | None:
    """The button whose tag is ``tag``, if there is one."""
    return next((b for b in BUTTONS if b.tag == tag), None)


def markdown() -> str:
    """The buttons as the Markdown table in docs/addin.md."""
    lines = ["| Group | Button | Tag | What it does |", "|---|---|---|---|"]
    lines += [f"| {b.group.label} | {b.label} | `{b.tag}` | {b.doc} |" for b in BUTTONS]
    return "\n".join(lines)
