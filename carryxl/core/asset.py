"""Asset-funded carry: borrow the funding currency (JPY), buy a foreign asset (Nasdaq).

Borrow N, convert to the foreign currency at X0 (funding units per foreign unit, e.g.
USD/JPY), buy the asset, which returns a; sell, convert back at X1, repay N(1 + r_f t).
With g = X1/X0 - 1, the foreign currency's move against the funding currency:

    return in the funding currency = (1 + a)(1 + g) - 1 - r_f * t

"The yen rose 10%" is ambiguous, so the convention is explicit
(:class:`MoveConvention`):

- ``QUOTE``: the quoted rate (USD/JPY) moved by the opposite amount: g = -m.
  "S&P +10%, yen +10%": 1.10 * 0.90 - 1 = -1%.
- ``VALUE``: the currency's own value changed by m: g = 1/(1 + m) - 1.
  "S&P +10%, yen +10%": 1.10 / 1.10 - 1 = 0%.

Seed (talk, dated 2025-11-28), November 2025: Nasdaq -2.15%, USD/JPY +1.52%:
0.9785 * 1.0152 - 1 = -0.66% in JPY before funding, against -4.35% for the Nikkei.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from carryxl.core.carry import spot_ratio
from carryxl.core.conventions import Orientation
from carryxl.core.errors import CarryxlError
from carryxl.core.validate import (
    FloatArray,
    common_shape,
    finite_result,
    fraction_change,
    interest,
    non_negative,
    rate,
)

__all__ = [
    "MOVE_WORDS",
    "MoveConvention",
    "asset_carry_return",
    "asset_carry_return_from_spots",
    "asset_excess_over_local",
    "breakeven_fx_move",
    "foreign_move",
    "funding_move",
]


class MoveConvention(StrEnum):
    """What "the funding currency moved by m" means.

    ``QUOTE``: the quoted rate foreign/funding moved by -m. ``VALUE``: the funding
    currency's own value, in the foreign currency, changed by m.
    """

    QUOTE = "quote"
    VALUE = "value"

    @classmethod
    def parse(cls, value: MoveConvention | str, argument: str = "convention") -> MoveConvention:
        """``"quote"`` or ``"value"`` (any case), or either in another language
        (:data:`MOVE_WORDS`)."""
        if isinstance(value, MoveConvention):
            return value
        key = str(value).strip().lower()
        for words in MOVE_WORDS.values():
            if key in words:
                return (cls.QUOTE, cls.VALUE)[words.index(key)]
        raise CarryxlError(argument, value, "must be 'quote' or 'value'")


MOVE_WORDS: dict[str, tuple[str, str]] = {"en": ("quote", "value"), "zh": ("报价口径", "币值口径")}
"""The words a workbook in each language writes for (quote, value); :meth:`MoveConvention.parse`
reads every language's."""


def foreign_move(funding_move_value: Any, convention: MoveConvention | str) -> FloatArray:
    """g, the foreign currency's move against the funding one, from the funding's move m.

    QUOTE: g = -m. VALUE: g = 1/(1 + m) - 1. "Yen -5.75%": QUOTE +5.75%, VALUE +6.10%.
    """
    m = fraction_change("funding_move", funding_move_value)
    if MoveConvention.parse(convention) is MoveConvention.QUOTE:
        if m.size and not m.max() < 1.0:
            raise CarryxlError(
                "funding_move",
                float(m.max()),
                "must be below 1 (+100%) when the quoted rate moves the opposite way",
            )
        return -m
    return finite_result(1.0 / (1.0 + m) - 1.0, funding_move=m)


def funding_move(foreign_move_value: Any, convention: MoveConvention | str) -> FloatArray:
    """The inverse of :func:`foreign_move`: the funding currency's move m from g."""
    g = fraction_change("fx_move", foreign_move_value)
    if MoveConvention.parse(convention) is MoveConvention.QUOTE:
        return -g
    return finite_result(1.0 / (1.0 + g) - 1.0, fx_move=g)


def asset_carry_return(
    asset_return: Any, fx_move: Any, rate_funding: Any = 0.0, years: Any = 0.0
) -> FloatArray:
    """Return on the borrowed notional, in the funding currency: (1 + a)(1 + g) - 1 - r_f t.

    ``fx_move`` g is the foreign currency's move against the funding one (USD/JPY +1.52%
    is +0.0152). With the default zero funding cost it is the return before funding.
    """
    a = fraction_change("asset_return", asset_return)
    g = fraction_change("fx_move", fx_move)
    r_f = rate("rate_funding", rate_funding)
    t = non_negative("years", years)
    named = {"asset_return": a, "fx_move": g, "rate_funding": r_f, "years": t}
    common_shape(**named)
    return finite_result((1.0 + a) * (1.0 + g) - 1.0 - r_f * t, **named)


def asset_carry_return_from_spots(
    asset_return: Any,
    fx_start: Any,
    fx_end: Any,
    rate_funding: Any = 0.0,
    years: Any = 0.0,
    orientation: Any = Orientation.TARGET_FUNDING,
) -> FloatArray:
    """:func:`asset_carry_return` with the FX move from start and end spots.

    ``orientation`` says how the pair reads: USD/JPY funded in JPY is target/funding.
    """
    g = spot_ratio(fx_start, fx_end, orientation) - 1.0
    return asset_carry_return(asset_return, g, rate_funding, years)


def asset_excess_over_local(asset_return: Any, fx_move: Any, local_return: Any) -> FloatArray:
    """Foreign asset in the funding currency minus a local asset: (1 + a)(1 + g) - (1 + l).

    Funding costs cancel when both are bought with the same borrowed money.
    2025-04-07 to 2025-11-28: 1.49 * 1.0575 - 1.6079 = -3.2% (the Nikkei did better).
    """
    a = fraction_change("asset_return", asset_return)
    g = fraction_change("fx_move", fx_move)
    local = fraction_change("local_return", local_return)
    named = {"asset_return": a, "fx_move": g, "local_return": local}
    common_shape(**named)
    return finite_result((1.0 + a) * (1.0 + g) - 1.0 - local, **named)


def breakeven_fx_move(asset_return: Any, rate_funding: Any = 0.0, years: Any = 0.0) -> FloatArray:
    """The foreign currency's move g that wipes out the asset return: (1 + r_f t)/(1 + a) - 1.

    A +10% asset return is wiped out by the USD falling 9.09% against the yen.
    """
    a = fraction_change("asset_return", asset_return)
    r_f = rate("rate_funding", rate_funding)
    t = non_negative("years", years)
    common_shape(asset_return=a, rate_funding=r_f, years=t)
    growth = 1.0 + interest("rate_funding", "years", r_f, t)
    return finite_result(growth / (1.0 + a) - 1.0, asset_return=a, rate_funding=r_f, years=t)
