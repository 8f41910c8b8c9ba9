"""Risk sizing (风险控制): stop-loss spot, position size, pip value, carry-to-vol, VaR, ES.

Notation: ``units`` of the pair's base currency, spot S (quote units per base unit),
``side`` +1 long the base / -1 short, σ the annual volatility of the spot's log
changes, t the horizon in years (10 trading days: 10/252; 10 calendar days: 10/365).

- P&L of a position in the quote currency: side * u * (S1 - S0); in the base currency
  it is that divided by S1.
- Parametric (normal) VaR and expected shortfall of a position worth V, with an
  expected return μ a year (e.g. the carry): VaR = V (z σ√t - μ t),
  ES = V (σ√t φ(z) / (1 - c) - μ t), z the standard normal quantile at confidence c.
- Probability of a loss at the horizon with a lognormal spot: the carry trade loses
  when X1/X0 < b = (1 + r_f t_f + costs) / (1 + r_t t_t) (X the target's price in
  funding units), ln(X1/X0) ~ N((drift - σ²/2) t, σ² t), so
  P(loss) = Φ((ln b - (drift - σ²/2) t) / (σ√t)). The carry is the cushion b below 1;
  ``drift`` (default 0: spot expected unchanged, the carry trader's bet) is the spot's
  own expected growth a year; drift = r_f - r_t is uncovered interest parity.
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

import numpy as np

from carryxl.core.defaults import CONFIDENCE
from carryxl.core.errors import CarryxlError, Rule
from carryxl.core.sides import side_sign
from carryxl.core.validate import (
    FloatArray,
    common_shape,
    finite,
    finite_result,
    interest,
    non_negative,
    positive,
    rate,
)

__all__ = [
    "RISK_FORMULAS",
    "VAR_MODEL",
    "carry_to_vol",
    "expected_shortfall",
    "normal_cdf",
    "pip_value",
    "position_size",
    "probability_of_loss",
    "stop_loss_spot",
    "value_at_risk",
]

VAR_MODEL = "parametric normal P&L, zero mean (no carry drift)"
"""The VaR/ES model every command states (``risk``, ``portfolio``): normal P&L over the
horizon with zero expected return; the carry is not counted on as a cushion."""

_STANDARD = NormalDist()
_ERFC = np.frompyfunc(math.erfc, 1, 1)


def normal_cdf(x: Any) -> FloatArray:
    """Standard normal Φ(x) = erfc(-x/√2)/2, to double precision (math.erfc element-wise)."""
    return _cdf(finite("x", x))


def _cdf(values: FloatArray) -> FloatArray:
    result: FloatArray = 0.5 * np.asarray(_ERFC(-values / math.sqrt(2.0)), dtype=np.float64)
    return result


def _quantile(confidence: Any) -> FloatArray:
    """z with Φ(z) = confidence, for 0.5 <= confidence < 1 (one inversion per distinct value)."""
    c = finite("confidence", confidence)
    if c.size and not (np.min(c) >= 0.5 and np.max(c) < 1.0):
        raise CarryxlError("confidence", confidence, "must be a probability in [0.5, 1), e.g. 0.99")
    levels, where = np.unique(c, return_inverse=True)
    z = np.array([_STANDARD.inv_cdf(float(p)) for p in levels], dtype=np.float64)
    result: FloatArray = z[where].reshape(c.shape)
    return result


def pip_value(units: Any, pip_size: Any, to_account: Any = 1.0) -> FloatArray:
    """Money per pip of a position: units * pip_size * to_account (account units per quote unit).

    100,000 USD/JPY, pip 0.01: 1,000 JPY a pip; in a USD account at 150 (to_account
    1/150): 6.67 USD a pip.
    """
    u = non_negative("units", units)
    size = positive("pip_size", pip_size)
    k = positive("to_account", to_account)
    common_shape(units=u, pip_size=size, to_account=k)
    return finite_result(u * size * k, units=u, pip_size=size, to_account=k)


def position_size(
    risk_budget: Any, stop_pips: Any, pip_size: Any, to_account: Any = 1.0
) -> FloatArray:
    """Base units that lose the risk budget at the stop: budget / (stop pips * pip value a unit).

    Risk 10,000 JPY with a 50-pip stop on AUD/JPY (pip 0.01 JPY a unit):
    10,000 / (50 * 0.01) = 20,000 AUD. So units * stop_pips * pip value = budget.
    """
    budget = positive("risk_budget", risk_budget)
    pips = positive("stop_pips", stop_pips)
    size = positive("pip_size", pip_size)
    k = positive("to_account", to_account)
    named = {"risk_budget": budget, "stop_pips": pips, "pip_size": size, "to_account": k}
    common_shape(**named)
    with np.errstate(divide="ignore", over="ignore"):
        units = budget / (pips * (size * k))
    return finite_result(units, **named)


def stop_loss_spot(
    spot_entry: Any, units: Any, max_loss: Any, side: Any = "long", account: str = "quote"
) -> FloatArray:
    """The spot at which the position has lost ``max_loss`` (money in the account currency).

    Account in the quote currency: S = S0 - side * L / u. Long 100,000 AUD/JPY at 100,
    max loss 300,000 JPY: 100 - 3 = 97. Account in the base currency: S = side * u * S0
    / (side * u + L); long 100,000 USD/TRY at 32, max loss 5,000 USD:
    100,000 * 32 / 105,000 = 30.476. NaN where no spot loses that much (short in the
    base currency loses at most u). For a percentage of equity pass equity * fraction.
    """
    s0 = positive("spot_entry", spot_entry)
    u = positive("units", units)
    loss = positive("max_loss", max_loss)
    direction = side_sign(side)
    common_shape(spot_entry=s0, units=u, max_loss=loss, side=direction)
    where = str(account).strip().lower()
    with np.errstate(divide="ignore", invalid="ignore"):
        if where == "quote":
            spot = s0 - direction * loss / u
        elif where == "base":
            spot = direction * u * s0 / (direction * u + loss)
        else:
            raise CarryxlError("account", account, Rule.ACCOUNT)
    result: FloatArray = np.where(np.isfinite(spot) & (spot > 0), spot, np.nan)
    return result


def carry_to_vol(
    rate_target: Any, rate_funding: Any, volatility: Any, years: Any = 1.0
) -> FloatArray:
    """Carry over the horizon per unit of FX risk: (r_t - r_f) t / (σ √t).

    AUD 4.5% vs JPY 0.1% at 12% vol: 0.044 / 0.12 = 0.367 a year.
    """
    r_t = rate("rate_target", rate_target)
    r_f = rate("rate_funding", rate_funding)
    vol = positive("volatility", volatility)
    t = positive("years", years)
    named = {"rate_target": r_t, "rate_funding": r_f, "volatility": vol, "years": t}
    common_shape(**named)
    return finite_result((r_t - r_f) * np.sqrt(t) / vol, **named)


def _scale(
    position_value: Any, volatility: Any, years: Any, expected_return: Any
) -> tuple[FloatArray, FloatArray, FloatArray]:
    v = non_negative("position_value", position_value)
    vol = non_negative("volatility", volatility)
    t = non_negative("years", years)
    mu = finite("expected_return", expected_return)
    common_shape(position_value=v, volatility=vol, years=t, expected_return=mu)
    return v, vol * np.sqrt(t), mu * t


def value_at_risk(
    position_value: Any,
    volatility: Any,
    years: Any,
    confidence: Any = CONFIDENCE,
    expected_return: Any = 0.0,
) -> FloatArray:
    """Parametric (normal) VaR: V (z σ√t - μ t), the loss not exceeded with ``confidence``.

    10,000,000 JPY at 12% vol over 10/252 years, 99%: 10,000,000 * 2.326348 * 0.12 *
    √(10/252) = 556,103.51 JPY (μ = 0).
    """
    v, spread, drift = _scale(position_value, volatility, years, expected_return)
    z = _quantile(confidence)
    common_shape(position_value=v, confidence=z, volatility=spread)
    return finite_result(
        v * (z * spread - drift),
        position_value=v,
        volatility=volatility,
        years=years,
        confidence=confidence,
        expected_return=expected_return,
    )


def expected_shortfall(
    position_value: Any,
    volatility: Any,
    years: Any,
    confidence: Any = CONFIDENCE,
    expected_return: Any = 0.0,
) -> FloatArray:
    """Parametric (normal) expected shortfall: V (σ√t φ(z) / (1 - c) - μ t).

    The average loss beyond the VaR. Example above: φ(2.326348) = 0.026652,
    ES = 10,000,000 * 0.12 * √(10/252) * 0.026652 / 0.01 = 637,108 JPY.
    """
    v, spread, drift = _scale(position_value, volatility, years, expected_return)
    c = finite("confidence", confidence)
    z = _quantile(c)
    density = np.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi)
    common_shape(position_value=v, confidence=z, volatility=spread)
    return finite_result(
        v * (spread * density / (1.0 - c) - drift),
        position_value=v,
        volatility=volatility,
        years=years,
        confidence=c,
        expected_return=expected_return,
    )


def probability_of_loss(
    rate_target: Any,
    rate_funding: Any,
    volatility: Any,
    years: Any,
    drift: Any = 0.0,
    years_funding: Any = None,
    costs: Any = 0.0,
) -> FloatArray:
    """Probability the carry trade has lost money at the horizon (lognormal spot).

    Φ((ln b - (drift - σ²/2) t) / (σ√t)), b = (1 + r_f t_f + costs) / (1 + r_t t_t),
    ``costs`` as a fraction of the notional. Seed 1 rates, 0.5y, 12% vol, drift 0:
    b = 1.0005/1.0225, ln b = -0.021750, (−0.021750 + 0.0036) / 0.084853 = -0.21390,
    P = 41.53%.
    """
    r_t = rate("rate_target", rate_target)
    r_f = rate("rate_funding", rate_funding)
    vol = positive("volatility", volatility)
    t = positive("years", years)
    named = {"rate_target": r_t, "rate_funding": r_f, "volatility": vol, "years": t}
    if years_funding is not None:
        named["years_funding"] = positive("years_funding", years_funding)
    named["drift"] = mu = finite("drift", drift)
    named["costs"] = c = non_negative("costs", costs)
    common_shape(**named)
    funding_years = named.get("years_funding", t)
    funding_name = "years_funding" if years_funding is not None else "years"
    i_f = interest("rate_funding", funding_name, r_f, funding_years)
    threshold = np.log((1.0 + i_f + c) / (1.0 + interest("rate_target", "years", r_t, t)))
    spread = vol * np.sqrt(t)
    z = finite_result((threshold - (mu - 0.5 * vol * vol) * t) / spread, **named)
    return _cdf(z)


RISK_FORMULAS = {
    "pip_value": "{units}*{pip_size}",
    "position_size": "{risk_budget}/({stop_pips}*{pip_size})",
    "stop_loss_spot": "{spot_entry}-{side}*{max_loss}/{units}",
    "quantile": "NORMSINV({confidence})",
    "value_at_risk": (
        "{position_value}*({z}*({volatility}*SQRT({years}))-{expected_return}*{years})"
    ),
    "expected_shortfall": (
        "{position_value}*(({volatility}*SQRT({years}))*(EXP(-0.5*{z}*{z})/SQRT(2*PI()))"
        "/(1-{confidence})-{expected_return}*{years})"
    ),
    "carry_to_vol": "({rate_target}-{rate_funding})*SQRT({years})/{volatility}",
    "probability_of_loss": (
        "NORMSDIST((LN((1+{rate_funding}*{years})/(1+{rate_target}*{years}))"
        "-({drift}-0.5*{volatility}*{volatility})*{years})"
        "/({volatility}*SQRT({years})))"
    ),
}
"""Spreadsheet formulas of :func:`pip_value`, :func:`position_size`,
:func:`stop_loss_spot` (account in the quote currency), the normal quantile z,
:func:`value_at_risk`, :func:`expected_shortfall`, :func:`carry_to_vol` and
:func:`probability_of_loss` (one horizon for both legs, no costs), in the functions'
argument names; ``side`` is +1/-1 and ``z`` the quantile's cell. The risk template's
native cells are these, filled with its cell references (LibreOffice proves them against
the functions above). NORMSINV/NORMSDIST rather than NORM.S.INV/NORM.S.DIST: the same
maths, read by every spreadsheet without the ``_xlfn.`` prefix newer functions need."""
