"""Margin, margin calls, stops, position size, pip value, and risk measures."""

from __future__ import annotations

from typing import Any

from carryxl.core import margin, risk
from carryxl.excel.arguments import (
    ACCOUNT,
    CONFIDENCE,
    COSTS,
    DRIFT,
    EQUITY,
    EXPECTED_RETURN,
    LEVEL,
    LEVERAGE,
    MARGIN_RATE,
    MAX_LOSS,
    MEASURE,
    PAIR_FOR_PIPS,
    POSITION_VALUE,
    RATE_FUNDING,
    RATE_TARGET,
    RISK_BUDGET,
    SIDE,
    SPOT_ENTRY,
    STOP_PIPS,
    TO_ACCOUNT,
    UNITS,
    VOLATILITY,
    YEARS,
    YEARS_FUNDING,
)
from carryxl.excel.declare import ExcelFunction, never_if_missing

__all__ = ["FUNCTIONS"]

_GROUP = "margin and risk"


def _position_size(pair: Any, **given: Any) -> Any:
    return risk.position_size(pip_size=pair, **given)


def _pip_value(pair: Any, **given: Any) -> Any:
    return risk.pip_value(pip_size=pair, **given)


def _var(measure: str, **given: Any) -> Any:
    if measure == "es":
        return risk.expected_shortfall(**given)
    return risk.value_at_risk(**given)


FUNCTIONS = (
    ExcelFunction(
        "CARRY_MARGIN",
        _GROUP,
        """Margin the broker holds: position value / leverage (= value * margin rate), in the
        value's currency. 10,000,000 JPY of AUD/JPY at 1:25: 400,000 JPY.""",
        (POSITION_VALUE,),
        (LEVERAGE, MARGIN_RATE),
        kernel=margin.margin_required,
    ),
    ExcelFunction(
        "CARRY_MARGIN_CALL",
        _GROUP,
        """Spot at which equity / margin falls to the call level ("never" if it cannot). Long
        100,000 AUD/JPY at 100, equity 1,000,000 JPY, 1:25, call at 100%: 93.75.""",
        (SPOT_ENTRY, UNITS, EQUITY),
        (SIDE, LEVERAGE, MARGIN_RATE("Optional: the margin rate instead, e.g. 4%"), LEVEL, ACCOUNT),
        kernel=margin.margin_call_spot,
        answer=never_if_missing,
    ),
    ExcelFunction(
        "CARRY_STOP_LOSS",
        _GROUP,
        """Stop-loss spot: where the position has lost max_loss ("never" if it cannot). Long 100,000
        AUD/JPY at 100, max loss 300,000 JPY: 97.""",
        (SPOT_ENTRY, UNITS, MAX_LOSS),
        (SIDE, ACCOUNT),
        kernel=risk.stop_loss_spot,
        answer=never_if_missing,
    ),
    ExcelFunction(
        "CARRY_POSITION_SIZE",
        _GROUP,
        """Base units that lose the risk budget at the stop: budget / (stop pips * pip value per
        unit). 10,000 JPY with a 50-pip stop on AUD/JPY: 20,000 AUD.""",
        (RISK_BUDGET, STOP_PIPS, PAIR_FOR_PIPS),
        (TO_ACCOUNT,),
        kernel=_position_size,
    ),
    ExcelFunction(
        "PIP_VALUE",
        _GROUP,
        """Money per pip of a position: units * pip size * to_account. 100,000 USD/JPY: 1,000 JPY a
        pip; in a USD account at 150 (to_account 1/150): 6.67 USD.""",
        (UNITS, PAIR_FOR_PIPS),
        (TO_ACCOUNT,),
        kernel=_pip_value,
    ),
    ExcelFunction(
        "CARRY_TO_VOL",
        _GROUP,
        """Carry per unit of FX risk over the horizon: (rt - rf) * t / (vol * sqrt(t)). AUD 4.5% vs
        JPY 0.1% at 12% vol: 0.367 a year.""",
        (RATE_TARGET, RATE_FUNDING, VOLATILITY),
        (YEARS("Optional: the horizon in years (default 1)"),),
        kernel=risk.carry_to_vol,
    ),
    ExcelFunction(
        "CARRY_VAR",
        _GROUP,
        """Parametric (normal) value at risk, V*(z*vol*sqrt(t) - mu*t), or expected shortfall.
        10,000,000 JPY at 12% vol over 10/252 years, 99%: VaR 556,103.51 JPY, ES 637,108.""",
        (
            POSITION_VALUE("Value of the position in the account currency"),
            VOLATILITY,
            YEARS("The horizon in years, e.g. 10/252 for 10 trading days"),
        ),
        (CONFIDENCE, EXPECTED_RETURN, MEASURE),
        kernel=_var,
    ),
    ExcelFunction(
        "CARRY_LOSS_PROBABILITY",
        _GROUP,
        """Probability the carry trade has lost money at the horizon (lognormal spot, the carry as
        the cushion). AUD 4.5% vs JPY 0.1%, 0.5y, 12% vol: 41.5%.""",
        (RATE_TARGET, RATE_FUNDING, VOLATILITY, YEARS),
        (DRIFT, YEARS_FUNDING, COSTS),
        kernel=risk.probability_of_loss,
    ),
)
