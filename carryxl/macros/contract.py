"""The workbook contract: the defined names carryxl's macros read and write.

Every name is workbook-scope. The templates use the same names, so a macro works on
any workbook that defines them, however its sheets are laid out.
"""

from __future__ import annotations

from carryxl.owned import FINGERPRINT_PREFIX, fingerprint_name

__all__ = [
    "CHART_SHEET",
    "CHART_SHEET_NAME",
    "FINGERPRINT_PREFIX",
    "IN_BACKTEST_END",
    "IN_BACKTEST_START",
    "IN_CONCENTRATION_THRESHOLD",
    "IN_CONFIDENCE",
    "IN_CORRELATION",
    "IN_FUNDING",
    "IN_HORIZON_DAYS",
    "IN_LEVERAGE",
    "IN_LOT_SIZE",
    "IN_MARGIN_CALL_LEVEL",
    "IN_NOTIONAL",
    "IN_PAIR",
    "IN_PF_ACCOUNT",
    "IN_PF_BASIS_BASE",
    "IN_PF_BASIS_QUOTE",
    "IN_PF_LEVERAGE",
    "IN_PF_PAIR",
    "IN_PF_RATE_BASE",
    "IN_PF_RATE_QUOTE",
    "IN_PF_SIDE",
    "IN_PF_SPOT",
    "IN_PF_STOP_LOSS",
    "IN_PF_SWAP_RATE",
    "IN_PF_TO_ACCOUNT",
    "IN_PF_VALUATION_DATE",
    "IN_PF_VOLATILITY",
    "IN_RATES_CURRENCY",
    "IN_RATES_NOTE",
    "IN_RATES_POLICY",
    "IN_RATES_POLICY_DATE",
    "IN_RATES_POLICY_SOURCE",
    "IN_RATE_FUNDING",
    "IN_RATE_TARGET",
    "IN_SCENARIO_MOVES",
    "IN_SCENARIO_YEARS",
    "IN_SPOT_END",
    "IN_SPOT_START",
    "IN_STOP_OUT_LEVEL",
    "IN_STRESS_END",
    "IN_STRESS_START",
    "IN_ST_CURRENCY",
    "IN_ST_SOURCE",
    "IN_ST_TABLE",
    "IN_TAX_FX",
    "IN_TAX_INTEREST",
    "IN_TAX_OFFSET",
    "IN_TR_AMOUNT",
    "IN_TR_DATE",
    "IN_TR_POSITION",
    "IN_TR_RATE",
    "IN_WINDOW_END",
    "IN_WINDOW_START",
    "IN_YEARS",
    "OUT_SCENARIO_GRID",
    "PF_POSITION_COLUMNS",
    "PICTURE_PREFIX",
    "SCENARIO_PICTURE",
    "fingerprint_name",
    "picture_name",
]

IN_PAIR = "in_pair"  # text, e.g. AUD/JPY
IN_FUNDING = "in_funding"  # text, the borrowed currency: one of the pair's
IN_NOTIONAL = "in_notional"  # amount borrowed, in the funding currency
IN_SPOT_START = "in_spot_start"  # spot as the pair is quoted
IN_SPOT_END = "in_spot_end"
IN_RATE_TARGET = "in_rate_target"  # decimals: 0.045 for 4.5%
IN_RATE_FUNDING = "in_rate_funding"
IN_YEARS = "in_years"  # holding period as a year fraction
IN_SCENARIO_MOVES = "in_scenario_moves"  # column: target's move vs the funding currency
IN_SCENARIO_YEARS = "in_scenario_years"  # row: holding periods, tenors (6M) or years
OUT_SCENARIO_GRID = "out_scenario_grid"  # moves x years: exact total P&L, funding currency
# Optional, for the stress replay: leverage (notional / margin, default 1) and a window of
# history (both dates, or neither: then every named episode is replayed).
IN_LEVERAGE = "in_leverage"
IN_STRESS_START = "in_stress_start"
# Optional: the broker's margin-call and stop-out margin levels for the stress replay and
# the backtest (defaults: carryxl.core.defaults, 100% and 50%).
IN_STOP_OUT_LEVEL = "in_stop_out_level"
IN_MARGIN_CALL_LEVEL = "in_margin_call_level"
IN_STRESS_END = "in_stress_end"
# Optional, for the backtest: its window (either may be left out: the end defaults to the
# last ECB fixing of the pair, the start to five years before the end).
IN_BACKTEST_START = "in_backtest_start"
IN_BACKTEST_END = "in_backtest_end"
# The portfolio's risk block, refreshed from history: the positions' pairs (a column, blank
# rows are no position), the correlation window, and what the macro writes: each row's
# annual volatility (a column) and the positions' correlation matrix (square).
IN_PF_PAIR = "in_pf_pair"
IN_WINDOW_START = "in_window_start"
IN_WINDOW_END = "in_window_end"
IN_PF_VOLATILITY = "in_pf_volatility"
IN_CORRELATION = "in_correlation"
# Filled where empty (or still carryxl's) from history: each row's spot and quote-to-account
# rate (ECB fixings on the valuation date) and its two interest rates (policy rates in force
# then, when the data folder has them); the book's valuation date and account currency.
IN_PF_SPOT = "in_pf_spot"
IN_PF_TO_ACCOUNT = "in_pf_to_account"
IN_PF_RATE_BASE = "in_pf_rate_base"
IN_PF_RATE_QUOTE = "in_pf_rate_quote"
IN_PF_VALUATION_DATE = "in_valuation_date"
IN_PF_ACCOUNT = "in_account"
# Read to value the book (carryxl.macros.book_request): the rest of the positions table,
# the tranche table (position number 1, 2 ... its row; date; entry rate; base units) and
# the settings.
IN_PF_SIDE = "in_pf_side"
IN_PF_BASIS_BASE = "in_pf_basis_base"
IN_PF_BASIS_QUOTE = "in_pf_basis_quote"
IN_PF_STOP_LOSS = "in_pf_stop_loss"
IN_PF_LEVERAGE = "in_pf_leverage"
IN_PF_SWAP_RATE = "in_pf_swap_rate"
IN_TR_POSITION = "in_tr_position"
IN_TR_DATE = "in_tr_date"
IN_TR_RATE = "in_tr_rate"
IN_TR_AMOUNT = "in_tr_amount"
IN_CONFIDENCE = "in_confidence"
IN_HORIZON_DAYS = "in_horizon_days"
IN_TAX_INTEREST = "in_tax_interest"
IN_TAX_FX = "in_tax_fx"
IN_TAX_OFFSET = "in_tax_offset"
IN_CONCENTRATION_THRESHOLD = "in_concentration_threshold"
IN_LOT_SIZE = "in_lot_size"
PF_POSITION_COLUMNS = (
    IN_PF_SIDE,
    IN_PF_SPOT,
    IN_PF_RATE_BASE,
    IN_PF_RATE_QUOTE,
    IN_PF_BASIS_BASE,
    IN_PF_BASIS_QUOTE,
    IN_PF_STOP_LOSS,
    IN_PF_LEVERAGE,
    IN_PF_TO_ACCOUNT,
    IN_PF_VOLATILITY,
    IN_PF_SWAP_RATE,
)
# The Rates sheet, for Policy rates: its currencies (a column), the columns beside them it
# fills (rate as a decimal, its date, its source) and the note above the table.
IN_RATES_CURRENCY = "in_rates_currency"
IN_RATES_NOTE = "in_rates_note"
IN_RATES_POLICY = "in_rates_policy"
IN_RATES_POLICY_DATE = "in_rates_policy_date"
IN_RATES_POLICY_SOURCE = "in_rates_policy_source"
# The Statement sheet, for Import statement: the positions table it fills (one closed
# position a row), the statement's file and layout, and the account currency.
IN_ST_TABLE = "in_st_table"
IN_ST_SOURCE = "in_st_source"
IN_ST_CURRENCY = "in_st_currency"

SCENARIO_PICTURE = "carryxl_scenarios"  # the payoff chart + heatmap picture
CHART_SHEET = "Carry chart"  # where the picture goes when the grid's sheet is protected
CHART_SHEET_NAME = "_carryxl_chart_sheet"  # hidden name: the chart sheet carryxl made

# Hidden workbook-scope names where a macro records what it wrote (see ownership.py);
# fingerprints are carryxl.owned's, shared with the template generator.
PICTURE_PREFIX = "_carryxl_pic_"


def picture_name(picture: str) -> str:
    """The hidden name recording where carryxl placed the picture ``picture``."""
    return PICTURE_PREFIX + picture
