"""Risk: position sizing, stop-loss, margin call and stop-out, VaR and expected shortfall,
carry-to-vol and the probability of a loss. Account in the pair's quote currency.

The native formulas are :data:`carryxl.core.risk.RISK_FORMULAS` and
:data:`carryxl.core.margin.MARGIN_FORMULAS` on the sheet's cells:

- units = budget / (stop pips x pip size); stop spot = S0 - side x budget / units
- margin = units x S0 / leverage; margin-call spot at level k with margin rate m = 1/L:
  (side x u x S0 - E0) / (u (side - k m))
- VaR = V (z σ√t - μ t), ES = V (σ√t φ(z)/(1 - c) - μ t), V = units x S0
- carry-to-vol = (r_t - r_f) √t / σ; P(loss) = Φ((ln b - (drift - σ²/2) t)/(σ√t)),
  b = (1 + r_f t)/(1 + r_t t)

Preloaded: long AUD/JPY at 100, 1,000,000 JPY equity risking 1% with a 50-pip stop
(20,000 AUD), 1:25, 12% volatility, 99% over 10 trading days, the seed's 4.5% vs 0.1%.
"""

from __future__ import annotations

from carryxl.core.defaults import CONFIDENCE, MARGIN_CALL_LEVEL, STOP_OUT_LEVEL
from carryxl.core.margin import MARGIN_FORMULAS
from carryxl.core.risk import RISK_FORMULAS
from carryxl.workbooks.conventions import pip_size_formula
from carryxl.workbooks.formulas import RISK_UDF, spot_or_dash
from carryxl.workbooks.layout import HORIZON_YEARS, Book, Form, print_setup, protect, sheet_head
from carryxl.workbooks.sheets.rates import add_lists, add_rates

__all__ = ["INPUTS", "OUTPUTS", "RISK_NATIVE", "SEED_INPUTS", "build"]

SEED_INPUTS: dict[str, object] = {
    "in_pair": "AUD/JPY",
    "in_side": "long",
    "in_spot_start": 100,
    "in_equity": 1_000_000,
    "in_risk_fraction": 0.01,
    "in_stop_pips": 50,
    "in_leverage": 25,
    "in_margin_call_level": MARGIN_CALL_LEVEL,
    "in_stop_out_level": STOP_OUT_LEVEL,
    "in_swap_per_day": 60,
    "in_volatility": 0.12,
    "in_horizon_days": 10,
    "in_confidence": CONFIDENCE,
    "in_expected_return": 0.0,
    "in_rate_target": 0.045,
    "in_rate_funding": 0.001,
    "in_years": 0.5,
    "in_drift": 0.0,
}

_QUOTE = "=RIGHT(in_pair,3)"
_SIDE = "IF(in_side=INDEX(list_sides,1),1,-1)"  # the first word of the list: long


def _risk(name: str, **cells: str) -> str:
    """:data:`carryxl.core.risk.RISK_FORMULAS` ``name`` on this sheet's cells."""
    return RISK_FORMULAS[name].format(**cells)


def _margin(name: str, **cells: str) -> str:
    """:data:`carryxl.core.margin.MARGIN_FORMULAS` ``name`` on this sheet's cells."""
    return MARGIN_FORMULAS[name].format(**cells)


def _margin_call(level: str) -> str:
    """The spot where equity / margin falls to ``level``; "-" where none (the core's NaN)."""
    spot = _margin(
        "margin_call_spot",
        side=_SIDE,
        units="out_units",
        spot_entry="in_spot_start",
        equity="in_equity",
        level=level,
        leverage="in_leverage",
    )
    return "=" + spot_or_dash(spot)


_VAR_CELLS = {
    "position_value": "out_position_value",
    "z": "out_z",
    "volatility": "in_volatility",
    "years": "out_horizon_years",
    "expected_return": "in_expected_return",
    "confidence": "in_confidence",
}
_CARRY_CELLS = {
    "rate_target": "in_rate_target",
    "rate_funding": "in_rate_funding",
    "volatility": "in_volatility",
    "years": "in_years",
}

RISK_NATIVE: dict[str, str] = {
    "out_pip_size": pip_size_formula(),
    "out_risk_budget": "=in_equity*in_risk_fraction",
    "out_units": "="
    + _risk(
        "position_size",
        risk_budget="out_risk_budget",
        stop_pips="in_stop_pips",
        pip_size="out_pip_size",
    ),
    "out_pip_value": "=" + _risk("pip_value", units="out_units", pip_size="out_pip_size"),
    "out_risk_stop_spot": "="
    + spot_or_dash(
        _risk(
            "stop_loss_spot",
            spot_entry="in_spot_start",
            side=_SIDE,
            max_loss="out_risk_budget",
            units="out_units",
        )
    ),
    "out_position_value": "=out_units*in_spot_start",
    "out_risk_margin": "="
    + _margin("margin_required", position_value="out_position_value", leverage="in_leverage"),
    "out_margin_level": "=" + _margin("margin_level", equity="in_equity", margin="out_risk_margin"),
    "out_margin_call_spot": _margin_call("in_margin_call_level"),
    "out_stop_out_spot": _margin_call("in_stop_out_level"),
    "out_days_to_margin_call": "="
    + _margin(
        "days_to_margin_call",
        swap_per_day="in_swap_per_day",
        equity="in_equity",
        level="in_margin_call_level",
        margin="out_risk_margin",
    ),
    "out_horizon_years": f"={HORIZON_YEARS}",
    "out_z": "=" + _risk("quantile", confidence="in_confidence"),
    "out_var": "=" + _risk("value_at_risk", **_VAR_CELLS),
    "out_es": "=" + _risk("expected_shortfall", **_VAR_CELLS),
    "out_carry_to_vol": "=" + _risk("carry_to_vol", **_CARRY_CELLS),
    "out_probability_of_loss": "=" + _risk("probability_of_loss", drift="in_drift", **_CARRY_CELLS),
}
"""The template's native formulas: the core's tables filled with the sheet's names."""

# (name, format kind, unit, validation list)
INPUTS: tuple[tuple[str, tuple[tuple[str, str, str | None, str | None], ...]], ...] = (
    (
        "sec_sizing_inputs",
        (
            ("in_pair", "text", None, "=list_pairs"),
            ("in_side", "text", None, "=list_sides"),
            ("in_spot_start", "spot", "unit_pair", None),
            ("in_equity", "money", _QUOTE, None),
            ("in_risk_fraction", "percent_short", None, None),
            ("in_stop_pips", "number", "unit_pips", None),
            ("in_leverage", "multiple", None, None),
            ("in_margin_call_level", "percent_short", None, None),
            ("in_stop_out_level", "percent_short", None, None),
            ("in_swap_per_day", "money", _QUOTE, None),
        ),
    ),
    (
        "sec_var_inputs",
        (
            ("in_volatility", "percent_short", "unit_per_year", None),
            ("in_horizon_days", "number", "unit_horizon_days", None),
            ("in_confidence", "percent_short", None, None),
            ("in_expected_return", "percent_short", "unit_per_year", None),
            ("in_rate_target", "percent", "unit_per_year", None),
            ("in_rate_funding", "percent", "unit_per_year", None),
            ("in_years", "years", "unit_years", None),
            ("in_drift", "percent_short", "unit_per_year", None),
        ),
    ),
)

OUTPUTS: tuple[tuple[str, tuple[tuple[str, str, str | None], ...]], ...] = (
    (
        "sec_sizing",
        (
            ("out_pip_size", "number", None),
            ("out_risk_budget", "money", _QUOTE),
            ("out_units", "money", "unit_base_units"),
            ("out_pip_value", "money", _QUOTE),
            ("out_risk_stop_spot", "spot", "unit_pair"),
        ),
    ),
    (
        "sec_margin",
        (
            ("out_position_value", "money", _QUOTE),
            ("out_risk_margin", "money", _QUOTE),
            ("out_margin_level", "percent_short", None),
            ("out_margin_call_spot", "spot", "unit_pair"),
            ("out_stop_out_spot", "spot", "unit_pair"),
            ("out_days_to_margin_call", "number", "unit_days"),
        ),
    ),
    (
        "sec_var",
        (
            ("out_horizon_years", "years", "unit_years"),
            ("out_z", "number", None),
            ("out_var", "money", _QUOTE),
            ("out_es", "money", _QUOTE),
            ("out_carry_to_vol", "number", None),
            ("out_probability_of_loss", "percent_short", None),
        ),
    ),
)


def build(book: Book) -> None:
    """The risk sheet, then the Rates sheet and the lists."""
    ws = book.sheet("sheet_risk")
    sheet_head(book, ws, "risk_title", (50, 18, 14))
    f = Form(book, ws)
    udf = RISK_UDF if book.mode == "udf" else {}
    for heading, rows in INPUTS:
        f.section(heading)
        for name, kind, unit, choices in rows:
            f.input(name, SEED_INPUTS[name], kind, unit, choices, strict=name != "in_pair")
    for heading, outputs in OUTPUTS:
        f.section(heading)
        for name, kind, unit in outputs:
            f.output(name, udf.get(name, RISK_NATIVE[name]), kind, unit)
    ws.print_area = f"A1:C{f.row - 1}"
    print_setup(ws)
    protect(ws)
    add_rates(book)
    add_lists(book)
