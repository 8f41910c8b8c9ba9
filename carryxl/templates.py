"""The template workbooks ``carryxl new`` writes, once: each kind, its formula modes and
label languages, and the sheet module that builds it.

``carryxl new``'s choices, the generator (:mod:`carryxl.workbooks.generate`), ``carryxl
new --all`` and the tests' tables read :data:`TEMPLATES`. This module imports nothing
heavy, so the command line can list the kinds without loading openpyxl; the builder is
named as ``"module:function"`` (carryxl's own code) and imported when a book is built.
Adding a kind is one :class:`Template` here and its sheet module.

Each template declares the workbook-scope names its workbooks define for carryxl's macros
(``names``; tests/workbooks/test_registry.py checks them against the generated
workbooks); a ribbon button works on the kinds whose names hold every name it reads
(:func:`carryxl.macros.dispatch.kinds`), so neither table lists the other.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "COLOR_CONVENTIONS",
    "FORMULA_MODES",
    "KIND_NAMES",
    "LANGS",
    "RATES_SHEET",
    "TEMPLATES",
    "TRADE",
    "Template",
    "template",
]

FORMULA_MODES = ("native", "udf")
"""native: plain Excel formulas; udf: carryxl's Excel functions (the add-in's)."""
LANGS = ("en", "zh")
"""Label languages: English and Simplified Chinese."""
COLOR_CONVENTIONS = ("green-up", "red-up")
"""Gains green and losses red, or gains red and losses green (mainland China)."""

RATES_SHEET = (
    "in_rates_currency",
    "in_rates_policy",
    "in_rates_policy_date",
    "in_rates_policy_source",
    "in_rates_note",
)
"""Every kind's Rates sheet: currencies and their example policy rates, dates, sources."""
TRADE = ("in_pair", "in_funding", "in_notional", "in_rate_target", "in_rate_funding")
"""One trade: its pair, the funding currency, the notional and both rates."""


@dataclass(frozen=True)
class Template:
    """A kind of template workbook: which modes and languages it comes in, who builds it,
    and which of the workbook-scope names carryxl's macros read its workbooks define (in
    native mode; a udf workbook may compute some of them by formulas instead)."""

    kind: str
    build: str  # "module:function" taking a carryxl.workbooks.layout.Book
    summary: str = ""  # what it holds, in the README's list of kinds
    names: tuple[str, ...] = RATES_SHEET
    modes: tuple[str, ...] = FORMULA_MODES
    langs: tuple[str, ...] = LANGS


TEMPLATES: tuple[Template, ...] = (
    Template(
        kind="calculator",
        summary="one carry trade, preloaded with the AUD/JPY case",
        build="carryxl.workbooks.sheets.calculator:build",
        names=(*TRADE, "in_spot_start", *RATES_SHEET),
    ),
    Template(
        kind="asset_carry",
        summary=(
            "the November 2025 yen-into-Nasdaq case, with the ECB's USD/JPY move for the "
            "month beside the talk's"
        ),
        build="carryxl.workbooks.sheets.asset_carry:build",
        names=("in_funding", "in_notional", "in_rate_funding", *RATES_SHEET),
    ),
    Template(
        kind="scenarios",
        summary=(
            "P&L over FX moves × holding periods and × funding-rate changes, as heatmaps "
            "with the break-even marked"
        ),
        build="carryxl.workbooks.sheets.scenarios:build",
        names=(
            *TRADE,
            "in_spot_start",
            "in_scenario_moves",
            "in_scenario_years",
            "out_scenario_grid",
            *RATES_SHEET,
        ),
    ),
    Template(
        kind="swap",
        summary="rollover ledger and broker quote conversion",
        build="carryxl.workbooks.sheets.swap:build",
        names=("in_pair", *RATES_SHEET),
    ),
    Template(
        kind="risk",
        summary="sizing, stop-loss, margin call, VaR",
        build="carryxl.workbooks.sheets.risk:build",
        names=("in_pair", "in_rate_target", "in_rate_funding", "in_spot_start", *RATES_SHEET),
    ),
    # native: example rates (the Policy rates button fills them from the user's data);
    # udf: POLICY_RATE on the data's last date, live from the user's data folder
    Template(
        kind="rates",
        summary="example rates with date and source, read by the others through lookups",
        build="carryxl.workbooks.sheets.rates:build",
    ),
    # the history replay is plain formulas over its data table
    Template(
        kind="history",
        summary="the 2024 yen-carry unwind replayed on ECB fixings, with a native chart",
        build="carryxl.workbooks.sheets.history:build",
        names=("in_notional", "in_rate_target", "in_rate_funding", *RATES_SHEET),
        modes=("native",),
    ),
    Template(
        kind="portfolio",
        summary="the whole book from tranches: P&L, margin, after tax, VaR with correlations",
        build="carryxl.workbooks.sheets.portfolio:build",
        names=(
            "in_pf_pair",
            "in_window_start",
            "in_window_end",
            "in_pf_volatility",
            "in_correlation",
            *RATES_SHEET,
        ),
    ),
    Template(
        kind="statement",
        summary="a MetaTrader statement imported: price P&L against swap, by position",
        build="carryxl.workbooks.sheets.statement:build",
        names=("in_st_table", "in_st_source", "in_st_currency", *RATES_SHEET),
        modes=("native",),
    ),
)
"""Every kind, in the order ``carryxl new`` lists them."""

KIND_NAMES = tuple(t.kind for t in TEMPLATES)


def template(kind: str) -> Template | None:
    """The template of ``kind``, if there is one."""
    return next((t for t in TEMPLATES if t.kind == kind), None)
