"""Risk: position sizing, stop-loss, margin call and stop-out, VaR and expected shortfall,
carry-to-vol and the probability of a loss. Account in the pair's quote currency.

Mirrors :mod:`carryxl.core.risk` and :mod:`carryxl.core.margin`:

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
_SIGMA_T = "(in_volatility*SQRT(out_horizon_years))"
# NORMSINV/NORMSDIST rather than NORM.S.INV/NORM.S.DIST: the same maths, and every
# spreadsheet reads them without the _xlfn. prefix newer Excel functions need in a file.


def _margin_call(level: str) -> str:
    """carryxl.core.margin_call_spot, account in the quote currency; "-" where none."""
    side = _SIDE
    spot = f"({side}*out_units*in_spot_start-in_equity)/(out_units*({side}-{level}/in_leverage))"
    return "=" + spot_or_dash(spot)


RISK_NATIVE: dict[str, str] = {
    "out_pip_size": pip_size_formula(),
    "out_risk_budget": "=in_equity*in_risk_fraction",
    "out_units": "=out_risk_budget/(in_stop_pips*out_pip_size)",
    "out_pip_value": "=out_units*out_pip_size",
    "out_risk_stop_spot": "=" + spot_or_dash(f"in_spot_start-{_SIDE}*out_risk_budget/out_units"),
    "out_position_value": "=out_units*in_spot_start",
    "out_risk_margin": "=out_position_value*(1/in_leverage)",
    "out_margin_level": "=in_equity/out_risk_margin",
    "out_margin_call_spot": _margin_call("in_margin_call_level"),
    "out_stop_out_spot": _margin_call("in_stop_out_level"),
    "out_days_to_margin_call": (
        '=IF(in_swap_per_day>=0,"-",'
        "(in_equity-in_margin_call_level*out_risk_margin)/-in_swap_per_day)"
    ),
    "out_horizon_years": f"={HORIZON_YEARS}",
    "out_z": "=NORMSINV(in_confidence)",
    "out_var": f"=out_position_value*(out_z*{_SIGMA_T}-in_expected_return*out_horizon_years)",
    "out_es": (
        f"=out_position_value*({_SIGMA_T}*(EXP(-0.5*out_z*out_z)/SQRT(2*PI()))"
        "/(1-in_confidence)-in_expected_return*out_horizon_years)"
    ),
    "out_carry_to_vol": "=(in_rate_target-in_rate_funding)*SQRT(in_years)/in_volatility",
    "out_probability_of_loss": (
        "=NORMSDIST((LN((1+in_rate_funding*in_years)/(1+in_rate_target*in_years))"
        "-(in_drift-0.5*in_volatility*in_volatility)*in_years)"
        "/(in_volatility*SQRT(in_years)))"
    ),
}

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
