"""Overnight swaps: nights held, the money a broker's quote pays, the rate it implies."""

from __future__ import annotations

from typing import Any

from carryxl.core import swaps, validate
from carryxl.excel.arguments import (
    BASIS,
    CALENDARS,
    CLOSE_DATE,
    DIGITS,
    FORM,
    HOLIDAYS,
    LOT_SIZE,
    LOTS,
    MONEY,
    NIGHTS,
    OPEN_DATE,
    PAIR_FOR_SPOT_LAG,
    PAIR_FOR_SWAP,
    QUOTE,
    SPOT,
    TO_ACCOUNT,
    TRIPLE_DAY,
    UNITS,
)
from carryxl.excel.declare import ExcelFunction

__all__ = ["FUNCTIONS"]

_GROUP = "swaps"


def _nights(holidays: tuple[Any, ...], **given: Any) -> Any:
    return swaps.nights_between(holidays=list(holidays) or None, **given)


def _swap_value(nights: Any = 1.0, **given: Any) -> Any:
    held = validate.non_negative("nights", nights)
    money = swaps.swap_per_night(**given) * held
    return validate.finite_result(money, quote=given["quote"], lots=given["lots"], nights=held)


FUNCTIONS = (
    ExcelFunction(
        "SWAP_NIGHTS",
        _GROUP,
        """Nights of swap from opening to closing: value date at close minus at open, on the
        settlement calendars with the USD rule (as FX_FORWARD_DATED), holidays added. USD/JPY
        Mon 2025-01-06 to Mon 2025-01-13 (a Japanese holiday): 8 nights.""",
        (OPEN_DATE, CLOSE_DATE, PAIR_FOR_SPOT_LAG),
        (TRIPLE_DAY, HOLIDAYS, CALENDARS),
        kernel=_nights,
    ),
    ExcelFunction(
        "SWAP_VALUE",
        _GROUP,
        """Swap money over the nights held, from a broker's quote (+ = credit): points * 10^-digits
        * lots * lot size; pips * pip * lots * lot size; money per lot * lots; percent * lots *
        lot size * spot / basis. USD/JPY +15 points, 2 lots: 3,000 JPY a night.""",
        (QUOTE, FORM, LOTS),  # QUOTE reads "-2%" for a quote in percent a year
        (
            NIGHTS,
            PAIR_FOR_SWAP,
            SPOT("Optional: the spot (needed for percent a year)"),
            LOT_SIZE,
            BASIS,
            TO_ACCOUNT,
            DIGITS,
        ),
        kernel=_swap_value,
    ),
    ExcelFunction(
        "SWAP_IMPLIED_RATE",
        _GROUP,
        """The annual rate a swap pays on the position's value: money / (units * spot) * basis /
        nights. 3,000 JPY a night on 200,000 USD/JPY at 150, basis 360: 3.6%.""",
        (MONEY, UNITS, SPOT("Spot of the pair")),
        (
            NIGHTS("Optional: nights the money is for (default 1)"),
            BASIS("Optional: days a year, 360 (default) or 365, or a day count"),
        ),
        kernel=swaps.swap_implied_rate,
    ),
)
