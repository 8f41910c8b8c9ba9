"""Every argument of carryxl's Excel functions, declared once: name, reader, wizard help.

A reader turns an argument's cells into what :func:`carryxl.excel.cells.evaluate` hands
the core (see :class:`~carryxl.excel.declare.Cell`). Numeric readers give nothing for an
optional argument left out, so the core applies its own default.
"""

from __future__ import annotations

import re
from typing import Any

from carryxl.core import asset, defaults, sides, swaps, tax
from carryxl.core.conventions import DayCount, Pair, rate_from_text
from carryxl.core.dates import Tenor
from carryxl.core.defaults import MARGIN_CALL_LEVEL, STOP_OUT_LEVEL
from carryxl.core.errors import CarryxlError
from carryxl.core.strip import fx_tenor
from carryxl.excel import cells
from carryxl.excel.declare import Arg, Cell, Read, cells_only

__all__ = [
    "ACCOUNT",
    "AMOUNTS",
    "ASSET_RETURN",
    "BASIS",
    "BOOK_MEASURE",
    "CALENDARS",
    "CLOSE_DATE",
    "COMMISSION_PER_LOT",
    "COMMISSION_PER_MILLION",
    "CONFIDENCE",
    "CONVENTION",
    "CORRELATION",
    "COSTS",
    "CURRENCY_CODE",
    "DAY_COUNT",
    "DAY_COUNT_FUNDING",
    "DAY_COUNT_TARGET",
    "DIGITS",
    "DRIFT",
    "END_DATE",
    "EQUITY",
    "EXPECTED_RETURN",
    "EXPOSURES",
    "FORM",
    "FORWARD",
    "FUNDING",
    "FUNDING_FOR_COSTS",
    "FUNDING_MOVE",
    "FX",
    "FX_MOVE",
    "FX_MOVES",
    "FX_TENOR",
    "HEADERS",
    "HOLDING_YEARS",
    "HOLIDAYS",
    "INTEREST",
    "LEVEL",
    "LEVERAGE",
    "LOCAL_RETURN",
    "LOTS",
    "LOT_SIZE",
    "MARGIN_RATE",
    "MARKUP_FUNDING",
    "MARKUP_TARGET",
    "MAX_LOSS",
    "MEASURE",
    "METHOD",
    "MONEY",
    "NIGHTS",
    "NOTIONAL",
    "OF",
    "OFFSET",
    "OPEN_DATE",
    "ORIENTATION",
    "PAIRS",
    "PAIR_FOR_COSTS",
    "PAIR_FOR_DATES",
    "PAIR_FOR_PIPS",
    "PAIR_FOR_POINTS",
    "PAIR_FOR_SPOT_LAG",
    "PAIR_FOR_SWAP",
    "POINTS",
    "POSITION",
    "POSITION_VALUE",
    "QUOTE",
    "RATE_BASE",
    "RATE_FUNDING",
    "RATE_FX",
    "RATE_INTEREST",
    "RATE_QUOTE",
    "RATE_TARGET",
    "RISK_BUDGET",
    "SIDE",
    "SPOT",
    "SPOT_END",
    "SPOT_ENTRY",
    "SPOT_START",
    "SPREAD_ENTRY_PIPS",
    "SPREAD_EXIT_PIPS",
    "STAGED_MEASURE",
    "START_DATE",
    "STOP_PIPS",
    "SWAP_PER_LOT",
    "TENOR",
    "THRESHOLD",
    "TOTAL_RETURN",
    "TO_ACCOUNT",
    "TRADE_DATE",
    "TRANCHE_RATES",
    "TRIPLE_DAY",
    "UNITS",
    "VOLATILITIES",
    "VOLATILITY",
    "YEARS",
    "YEARS_FUNDING",
    "YEARS_QUOTE",
    "cells_only",
    "date",
    "flag",
    "number",
    "offset_setting",
    "pair",
    "rate",
]


# -- readers ----------------------------------------------------------------------------


def number(cell: Cell) -> Read:
    """Numbers; an optional argument left out or empty is not passed to the core."""
    if cell.optional:
        return cells.optional_numbers(cell.name, cell.value)
    return cells.numbers(cell.name, cell.value)


def rate(cell: Cell) -> Read:
    """Numbers, or text such as "4.5%"."""
    if cell.optional:
        return cells.optional_numbers(cell.name, cell.value, text=rate_from_text)
    return cells.numbers(cell.name, cell.value, text=rate_from_text)


def date(cell: Cell) -> Read:
    """Excel dates (serial numbers, date cells or ISO text)."""
    return cells.dates(cell.name, cell.value)


def _numbers_or(text: Any) -> Any:
    def read(cell: Cell) -> Read:
        if cell.optional:
            return cells.optional_numbers(cell.name, cell.value, text=text)
        return cells.numbers(cell.name, cell.value, text=text)

    return read


def _setting(parse: Any) -> Any:
    """A setting parsed once per distinct cell (``parse`` gets the cell, or None)."""

    def read(cell: Cell) -> Read:
        return cells.choice(cell.name, parse, cell.value)

    return read


def _orientation(cell: Cell) -> Read:
    return cells.orientation(cell.value, cell["funding"])


def _method(cell: Cell) -> Read:
    return cells.method(cell.value)


def flag(cell: Cell) -> Read:
    """TRUE or FALSE (1/0 and the text TRUE/FALSE too); left out: FALSE."""
    return cells.flag(cell.name, cell.value)


def _flag_on(cell: Cell) -> Read:
    """TRUE or FALSE (1/0 and the text TRUE/FALSE too); left out: TRUE."""
    return cells.flag(cell.name, cell.value, default=True)


def _day_count(cell: Cell) -> Read:
    return cells.day_count(cell.name, cell.value)


def _points_scale(cell: Cell) -> Read:
    return cells.points_scale_of(cell.name, cell.value)


def _holidays(cell: Cell) -> Read:
    return cells.date_set(cell.name, cell.value)


def pair(cell: Any) -> Pair:
    """A pair such as USD/JPY."""
    return cells.pair_of("pair", cell)


def _optional_pair(cell: Any) -> Pair | None:
    return None if cell is None else pair(cell)


def _digits(cell: Any) -> int | None:
    """A platform's digits (0-8), or None: the pair's."""
    if cell is None:
        return None
    if isinstance(cell, int | float) and not isinstance(cell, bool) and float(cell).is_integer():
        return int(cell)
    raise CarryxlError("digits", cell, "must be a whole number 0 to 8, e.g. 3 or 5")


def _pip_size(cell: Any) -> float:
    if isinstance(cell, int | float) and not isinstance(cell, bool) and cell > 0:
        return float(cell)
    return pair(cell).pip_size()


def _side(cell: Any) -> float:
    if cell is None:
        return 1.0
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return float(sides.side_sign(cell if isinstance(cell, str) else str(cell)))


def _account(cell: Any) -> str:
    if cell is None:
        return "quote"
    word = cells.text("account", cell).strip().lower()
    if word not in ("quote", "base"):
        raise CarryxlError("account", cell, "must be quote or base (the pair's currency)")
    return word


def _weekday(cell: Any) -> int | None:
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        return swaps.weekday_from_text(int(cell))
    return swaps.weekday_from_text(cells.text("triple_day", cell))


def _leverage(text: Any, argument: str) -> float:
    """ "1:25", "25:1", "25x" or "25" as 25."""
    parts = [p for p in re.split(r"[:x×\s]+", str(text).strip().lower()) if p]
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) == 2 and 1.0 in numbers:
        return max(numbers)
    if len(numbers) == 1:
        return numbers[0]
    raise CarryxlError(argument, text, "must be a leverage such as 25 or 1:25")


def _basis(text: Any, argument: str) -> float:
    return float(DayCount.parse(str(text), argument).days_in_year)


def _measure(cell: Any) -> str:
    if cell is None:
        return "var"
    word = cells.text("measure", cell).strip().lower()
    if word not in ("var", "es"):
        raise CarryxlError("measure", cell, "must be VaR or ES (expected shortfall)")
    return word


def offset_setting(cell: Any) -> tax.LossOffset:
    """How tax losses offset gains: within the position (default) or in separate baskets."""
    if cell is None:
        return tax.LossOffset.WITHIN_POSITION
    return tax.LossOffset.parse(cells.text("offset", cell))


def _cost_pair(cell: Cell) -> Read:
    """The pair of a costed trade: its pip size, and with ``funding`` how the spot reads."""
    if cell["funding"] is None:  # a pair needs its funding currency to read the spot
        raise CarryxlError("funding", None, "must be the borrowed currency, one of the pair's")
    return (
        cells.choice("pip_size", lambda c: pair(c).pip_size(), cell.value),
        cells.orientation(cell.value, cell["funding"]),
    )


# -- the arguments ----------------------------------------------------------------------

# Trade
NOTIONAL = Arg("notional", "Amount borrowed, in the funding currency (e.g. 10000000 JPY)", number)
SPOT_START = Arg(
    "spot_start", "Spot at the start, as the pair is quoted (e.g. AUD/JPY 100)", number
)
SPOT_END = Arg("spot_end", "Spot at the end, as the pair is quoted (e.g. 103)", number)
RATE_TARGET = Arg(
    "rate_target", "Rate earned on the target (held) currency, e.g. 0.045 or 4.5%", rate
)
RATE_FUNDING = Arg(
    "rate_funding", "Rate paid on the funding (borrowed) currency, e.g. 0.001 or 0.1%", rate
)
YEARS = Arg(
    "years", "Holding period as a year fraction (0.5 = 6 months); see YEAR_FRACTION", number
)
YEARS_FUNDING = Arg(
    "years_funding", "Optional: the funding leg's year fraction if its day count differs", number
)
ORIENTATION = Arg(
    "orientation",
    'Optional: "target/funding" (default, AUD/JPY funded in JPY), "funding/target", '
    "or the pair, e.g. USD/TRY, with funding",
    _orientation,
)
FUNDING = Arg(
    "funding", "Optional: the borrowed currency (e.g. USD), when orientation is a pair", None
)
METHOD = Arg(
    "method", 'Optional: "exact" (default) or "simple" (the textbook approximation)', _method
)
HEADERS = Arg("headers", "Optional: TRUE puts a header row above the breakdown", cells_only)
TOTAL_RETURN = Arg("total_return", "Return over the period, e.g. 0.052675", rate)
FX_MOVE = Arg(
    "fx_move", "Move of the foreign currency against the funding one, e.g. 0.0152 or 1.52%", rate
)
DAY_COUNT = Arg(
    "day_count",
    "Optional: ACT/360, ACT/365F (default), ACT/ACT, 30/360, 30E/360, or a currency",
    _day_count,
)
DAY_COUNT_TARGET = Arg("day_count_target", DAY_COUNT.help, _day_count)
DAY_COUNT_FUNDING = Arg("day_count_funding", DAY_COUNT.help, _day_count)

# Foreign assets
ASSET_RETURN = Arg(
    "asset_return", "Return of the foreign asset in its own currency, e.g. -0.0215", rate
)
LOCAL_RETURN = Arg(
    "local_return", "Return of the home-market asset, e.g. 0.6079 for the Nikkei", rate
)
FUNDING_MOVE = Arg(
    "funding_move", 'How the funding currency moved, e.g. 0.10 for "the yen rose 10%"', rate
)
CONVENTION = Arg(
    "convention",
    '"quote": the quoted rate fell by that much; "value": its value rose',
    _setting(lambda c: asset.MoveConvention.parse(cells.text("convention", c))),
)

# Forwards
SPOT = Arg("spot", "Spot of the pair BASE/QUOTE (QUOTE units per BASE unit)", number)
RATE_BASE = Arg("rate_base", "Simple money-market rate of the base currency, e.g. 0.045", rate)
RATE_QUOTE = Arg("rate_quote", "Simple money-market rate of the quote currency, e.g. 0.001", rate)
YEARS_QUOTE = Arg(
    "years_quote", "Optional: the quote leg's year fraction if its day count differs", number
)
PAIR_FOR_POINTS = Arg(
    "pair",
    "Optional: the pair (JPY-quoted: x100, else x10,000) or the scale; default 10000",
    _points_scale,
)
POINTS = Arg("points", "Forward points, e.g. -215.16", number)
FORWARD = Arg("forward", "Outright forward for the period, e.g. 97.8484", number)

# Dates
START_DATE = Arg("start_date", "Start date (an Excel date)", date)
END_DATE = Arg("end_date", "End date, on or after the start", date)
TENOR = Arg(
    "tenor",
    "A tenor: ON, 90D, 2W, 6M, 1Y, 1Y6M",
    _setting(lambda c: Tenor.parse(cells.text("tenor", c))),
)
FX_TENOR = Arg(
    "tenor",
    "A tenor: ON (overnight), TN (tom-next), SN, 1W, 1M, 6M, 1Y",
    _setting(lambda c: fx_tenor(cells.text("tenor", c))),
)
PAIR_FOR_DATES = Arg(
    "pair",
    "The pair, e.g. USD/JPY: its settlement calendars, spot lag, day counts and pip",
    _setting(pair),
)
TRADE_DATE = Arg("trade_date", "The deal date (an Excel date)", date)
CURRENCY_CODE = Arg("currency_code", "A currency code, e.g. USD or JPY", cells_only)

# Swaps
OPEN_DATE = Arg("open_date", "Trade date the position is opened", date)
CLOSE_DATE = Arg("close_date", "Trade date the position is closed", date)
PAIR_FOR_SPOT_LAG = Arg(
    "pair",
    "The pair, e.g. USD/JPY: its spot lag (T+2; T+1 for USD/CAD, USD/TRY)",
    _setting(pair),
)
TRIPLE_DAY = Arg(
    "triple_day", "Optional: the broker's fixed triple-swap weekday, e.g. Wed", _setting(_weekday)
)
HOLIDAYS = Arg("holidays", "Optional: a range of holiday dates (either currency)", _holidays)
CALENDARS = Arg(
    "calendars",
    "Optional: TRUE (default) the currencies' settlement calendars and the USD rule, the"
    " holidays added; FALSE weekends and the holidays given only",
    _flag_on,
)
QUOTE = Arg("quote", "The broker's swap quote for one night (+ = credit), e.g. -1.5", rate)
FORM = Arg(
    "form",
    'How it is quoted: "points" (the platform\'s, 10^-digits), "pips", "money per lot" or '
    '"percent a year"',
    _setting(lambda c: swaps.SwapForm.parse(cells.text("form", c))),
)
LOTS = Arg("lots", "Position size in lots", number)
NIGHTS = Arg("nights", "Optional: nights held (default 1); see SWAP_NIGHTS", number)
PAIR_FOR_SWAP = Arg(
    "pair", "Optional: the pair (needed for points and pips: its digits)", _setting(_optional_pair)
)
DIGITS = Arg(
    "digits",
    "Optional: the platform's digits for points (default 3 on JPY pairs, 5 on most others)",
    _setting(_digits),
)
LOT_SIZE = Arg(
    "lot_size", f"Optional: base units per lot (default {defaults.LOT_SIZE:.0f})", number
)
BASIS = Arg(
    "basis",
    "Optional: days a year for percent quotes, 360 (default) or 365",
    _numbers_or(_basis),
)
TO_ACCOUNT = Arg(
    "to_account", "Optional: account currency per unit of the quote currency (default 1)", number
)
MONEY = Arg("money", "Swap received (+) or paid (-) over the nights, in the quote currency", number)
UNITS = Arg("units", "Position size in units of the pair's base currency, e.g. 100000", number)

# Margin and risk
POSITION_VALUE = Arg(
    "position_value", "Value of the position, e.g. units * spot (quote currency)", number
)
LEVERAGE = Arg(
    "leverage", "Optional: leverage, e.g. 25 or 1:25 (or give margin_rate)", _numbers_or(_leverage)
)
MARGIN_RATE = Arg("margin_rate", "Optional: the margin rate instead, e.g. 4% (0.04)", rate)
SPOT_ENTRY = Arg("spot_entry", "Spot when the position was opened, as the pair is quoted", number)
EQUITY = Arg("equity", "Account equity at entry, in the account currency", number)
SIDE = Arg(
    "side", 'Optional: "long" (default, bought the base currency) or "short"', _setting(_side)
)
LEVEL = Arg(
    "level",
    f"Optional: margin level of the call, {MARGIN_CALL_LEVEL:.0%} (default), e.g. "
    f"{STOP_OUT_LEVEL:.0%} for the stop-out",
    rate,
)
ACCOUNT = Arg(
    "account",
    'Optional: the account currency is the pair\'s "quote" (default) or its "base"',
    _setting(_account),
)
MAX_LOSS = Arg("max_loss", "Loss to stop at, in the account currency, e.g. 300000", number)
RISK_BUDGET = Arg(
    "risk_budget", "Money you accept to lose at the stop, in the account currency", number
)
STOP_PIPS = Arg("stop_pips", "Distance to the stop in pips, e.g. 50", number)
PAIR_FOR_PIPS = Arg(
    "pair",
    "The pair (pip 0.01 if JPY-quoted, else 0.0001) or the pip size itself",
    _setting(_pip_size),
)
VOLATILITY = Arg("volatility", "Annual volatility of the spot, e.g. 0.12 or 12%", rate)
CONFIDENCE = Arg("confidence", f"Optional: confidence level, {defaults.CONFIDENCE} (default)", rate)
EXPECTED_RETURN = Arg("expected_return", "Optional: expected return a year (default 0)", rate)
MEASURE = Arg(
    "measure", 'Optional: "VaR" (default) or "ES" (expected shortfall)', _setting(_measure)
)
DRIFT = Arg("drift", "Optional: the spot's expected move a year (default 0: unchanged)", rate)
COSTS = Arg("costs", "Optional: costs as a fraction of the notional (default 0)", rate)

# Tax
INTEREST = Arg("interest", "Interest income (carry + cross term), e.g. 226750", number)
FX = Arg("fx", "FX gain or loss less trading costs, e.g. 300000", number)
RATE_INTEREST = Arg("rate_interest", "Tax rate on interest income, e.g. 20%", rate)
RATE_FX = Arg("rate_fx", "Tax rate on FX gains, e.g. 10%", rate)
OFFSET = Arg(
    "offset",
    'Optional: "within position" (default) or "separate" baskets',
    _setting(offset_setting),
)

# Trading costs
PAIR_FOR_COSTS = Arg(
    "pair", "The pair, e.g. AUD/JPY (its pip size; with funding, how the spot reads)", _cost_pair
)
FUNDING_FOR_COSTS = Arg("funding", "The borrowed currency, one of the pair's (e.g. JPY)", None)
SPREAD_ENTRY_PIPS = Arg(
    "spread_entry_pips",
    "Optional: bid/ask spread at entry in pips (default 0); half is paid",
    number,
)
SPREAD_EXIT_PIPS = Arg(
    "spread_exit_pips", "Optional: spread at exit in pips (default: as at entry)", number
)
COMMISSION_PER_LOT = Arg(
    "commission_per_lot", "Optional: commission per lot per side, in the funding currency", number
)
COMMISSION_PER_MILLION = Arg(
    "commission_per_million", "Optional: commission per million base units per side", number
)
MARKUP_TARGET = Arg(
    "markup_target", "Optional: the broker's cut of the target rate, e.g. 0.5%", rate
)
MARKUP_FUNDING = Arg(
    "markup_funding", "Optional: the broker's markup on the funding rate, e.g. 1%", rate
)

# Scenarios
FX_MOVES = Arg(
    "fx_moves",
    "Moves of the quoted spot to try, e.g. -0.05, 0, 0.05 (a row or a column)",
    cells_only,
)
HOLDING_YEARS = Arg(
    "holding_years",
    "Holding periods to try: year fractions (0.25, 0.5, 1) or tenors (3M, 6M, 1Y; M/12, D/365)",
    cells_only,
)

# Portfolio: staged positions and the whole book (bodies read these themselves)
AMOUNTS = Arg("amounts", "Tranches' amounts in base units, a column (e.g. 100000 AUD each)", number)
TRANCHE_RATES = Arg(
    "rates", "Tranches' entry rates, a column beside the amounts (e.g. 100, 98)", number
)
STAGED_MEASURE = Arg(
    "measure",
    "Optional: average (default), units, cost, pnl, return or swap; a range: a column each",
    cells_only,
)
SWAP_PER_LOT = Arg(
    "swap",
    "Optional: broker swap per lot per night, quote money, credit + (one, or one per label)",
    cells_only,
)
POSITION = Arg("position", "Optional: each tranche's position label, a column", cells_only)
OF = Arg(
    "of", "Optional: the labels to answer for, a column (default: all one position)", cells_only
)
EXPOSURES = Arg(
    "exposures", "Each position's value in the account currency, + long, a column", cells_only
)
VOLATILITIES = Arg("volatilities", "Each pair's annual volatility, a column beside it", cells_only)
CORRELATION = Arg(
    "correlation", "The pairs' correlation matrix, one row and column per position", cells_only
)
BOOK_MEASURE = Arg(
    "measure",
    "Optional: VaR (default), ES, volatility, diversification, contributions, standalone",
    cells_only,
)
PAIRS = Arg("pairs", "Each position's pair, e.g. AUD/JPY, a column", cells_only)
THRESHOLD = Arg("threshold", "Optional: flag a funding share above this, 0.5 (default)", cells_only)
