"""A foreign asset bought with borrowed money: its return in the funding currency."""

from __future__ import annotations

from typing import Any

from carryxl.core import asset
from carryxl.excel.arguments import (
    ASSET_RETURN,
    CONVENTION,
    FUNDING_MOVE,
    FX_MOVE,
    LOCAL_RETURN,
    RATE_FUNDING,
    YEARS,
)
from carryxl.excel.declare import ExcelFunction

__all__ = ["FUNCTIONS"]

_GROUP = "foreign assets"
_OPTIONAL_FUNDING = RATE_FUNDING("Optional: rate paid on the borrowed currency (default 0)")
_OPTIONAL_YEARS = YEARS("Optional: the period as a year fraction (default 0)")


def _foreign_move(funding_move: Any, convention: Any) -> Any:
    return asset.foreign_move(funding_move, convention)


FUNCTIONS = (
    ExcelFunction(
        "ASSET_CARRY_RETURN",
        _GROUP,
        """Return in the funding currency of a foreign asset bought with borrowed money:
        (1+a)(1+g)-1-rf*t. Nasdaq -2.15%, USD/JPY +1.52%: -0.66% before funding.""",
        (ASSET_RETURN, FX_MOVE),
        (_OPTIONAL_FUNDING, _OPTIONAL_YEARS),
        kernel=asset.asset_carry_return,
    ),
    ExcelFunction(
        "ASSET_EXCESS_RETURN",
        _GROUP,
        """Foreign asset in the funding currency minus a local asset: (1+a)(1+g)-(1+l). Nasdaq +49%,
        USD +5.75% vs yen, Nikkei +60.79%: -3.2%.""",
        (ASSET_RETURN, FX_MOVE, LOCAL_RETURN),
        kernel=asset.asset_excess_over_local,
    ),
    ExcelFunction(
        "ASSET_BREAKEVEN_FX",
        _GROUP,
        """The foreign currency's move that wipes out the asset return: (1+rf*t)/(1+a)-1. A +10%
        asset return is lost if the USD falls 9.09% against the yen.""",
        (ASSET_RETURN,),
        (_OPTIONAL_FUNDING, _OPTIONAL_YEARS),
        kernel=asset.breakeven_fx_move,
    ),
    ExcelFunction(
        "ASSET_FX_MOVE",
        _GROUP,
        """The foreign currency's move g from "the funding currency moved m": "quote" g=-m; "value"
        g=1/(1+m)-1. Yen +10%: quote -10%, value -9.09%.""",
        (FUNDING_MOVE, CONVENTION),
        kernel=_foreign_move,
    ),
)
