"""The formulas behind each template's outputs, written over the inputs' names.

**native** formulas are plain Excel that LibreOffice, Google Sheets and Excel without
Python all evaluate; each one spells out the same arithmetic as the core function named
beside it, so the two agree to rounding (the tests hold them to 1e-9 relative).

With N notional, S0/S1 spots, r_t/r_f rates, t the year fraction and X = S (target/
funding pair) or 1/S (funding/target):

- carry  = N (r_t t - r_f t)                    :func:`carryxl.core.carry_breakdown`
- FX     = N (X1/X0 - 1)
- cross  = FX r_t t;   total = carry + FX + cross
- break-even spot = S0 (1 + r_f t)/(1 + r_t t), inverted for funding/target pairs
  (:func:`carryxl.core.breakeven_spot`, the covered-interest-parity forward)
"""

from __future__ import annotations

from carryxl.core.conventions import DayCount
from carryxl.core.dates import LONGEST_TENOR_YEARS
from carryxl.workbooks.conventions import points_scale_formula

__all__ = [
    "ASSET_UDF",
    "CALCULATOR_BREAKDOWN",
    "CALCULATOR_BREAKDOWN_UDF",
    "CALCULATOR_NATIVE",
    "CALCULATOR_UDF",
    "RISK_UDF",
    "SWAP_UDF",
    "TENOR_UNITS",
    "asset_chart_cell",
    "asset_pnl_at",
    "carry_pnl_at",
    "growth_ratio",
    "payoff_cell",
    "scenario_breakeven",
    "scenario_cell",
    "scenario_formula",
    "spot_or_dash",
    "tenor_check",
    "tenor_years",
    "year_fraction",
]

# Which currency is the target, and whether the pair reads FUNDING/TARGET (USD/TRY
# funded in USD) so that the target's price is 1/S. #N/A when the funding currency
# is not in the pair.
_TARGET = (
    "=IF(RIGHT(in_pair,3)=in_funding,LEFT(in_pair,3),"
    "IF(LEFT(in_pair,3)=in_funding,RIGHT(in_pair,3),NA()))"
)
# 1/0 rather than TRUE/FALSE: a number format shows it as a word (yes/no, 是/否).
_INVERTED = "=IF(LEFT(in_pair,3)=in_funding,1,IF(RIGHT(in_pair,3)=in_funding,0,NA()))"
# The calculator's two legs over their own year fractions (from the dates, when given).
_RT = "in_rate_target*out_years_target"
_RF = "in_rate_funding*out_years_funding"
_GROWTH = f"((1+{_RF})/(1+{_RT}))"


def growth_ratio(spot: str, spot_start: str = "in_spot_start") -> str:
    """X1/X0 for an end spot given as a cell or name: S1/S0, or S0/S1 when inverted."""
    return f"IF(out_inverted,{spot_start}/{spot},{spot}/{spot_start})"


def carry_pnl_at(ratio: str, years: str = "in_years", rate_funding: str = "in_rate_funding") -> str:
    """Exact total P&L N [(X1/X0)(1 + r_t t) - (1 + r_f t)] (:func:`carryxl.core.carry_pnl`)."""
    return f"in_notional*({ratio}*(1+in_rate_target*{years})-(1+{rate_funding}*{years}))"


def asset_pnl_at(fx_move: str) -> str:
    """Return in the funding currency (1 + a)(1 + g) - 1 - r_f t, for a move g in a cell."""
    return f"(1+in_asset_return)*(1+{fx_move})-1-in_rate_funding*in_years"


def scenario_cell(move: str, years: str, rate_funding: str = "in_rate_funding") -> str:
    """Total P&L in one scenario cell: N [(1 + g)(1 + r_t t) - (1 + r_f t)]."""
    return "=" + carry_pnl_at(f"(1+{move})", years, rate_funding)


def spot_or_dash(expression: str) -> str:
    """The spot ``expression``, or "-" where no such spot exists (not above 0, or no
    solution): the core's NaN."""
    return f'IFERROR(IF({expression}>0,{expression},"-"),"-")'


def year_fraction(day_count: str, start: str, end: str) -> str:
    """Year fraction from ``start`` to ``end`` under the day count text in ``day_count``.

    ACT/360, ACT/365F, ACT/ACT (ISDA: each calendar year's days over its length), 30/360
    (ISDA bond basis) and 30E/360, as :func:`carryxl.core.year_fraction` counts them;
    #N/A for any other text.
    """
    y0, y1 = f"YEAR({start})", f"YEAR({end})"
    act_act = (
        f"{y1}-{y0}-1+(DATE({y0}+1,1,1)-{start})/(DATE({y0}+1,1,1)-DATE({y0},1,1))"
        f"+({end}-DATE({y1},1,1))/(DATE({y1}+1,1,1)-DATE({y1},1,1))"
    )
    months = f"360*({y1}-{y0})+30*(MONTH({end})-MONTH({start}))"
    d1 = f"MIN(DAY({start}),30)"
    bond = f"({months}+IF(AND(DAY({end})=31,{d1}>=30),30,DAY({end}))-{d1})/360"
    euro = f"({months}+MIN(DAY({end}),30)-{d1})/360"
    by_name = {
        DayCount.ACT_360: f"({end}-{start})/{DayCount.ACT_360.days_in_year}",
        DayCount.ACT_365F: f"({end}-{start})/{DayCount.ACT_365F.days_in_year}",
        DayCount.ACT_ACT: act_act,
        DayCount.THIRTY_360: bond,
        DayCount.THIRTY_E_360: euro,
    }
    if set(by_name) != set(DayCount):  # a day count the core knows and this does not
        raise ValueError(f"day counts changed: {sorted(set(DayCount) - set(by_name))}")
    tests = "".join(f'IF({day_count}="{name}",{value},' for name, value in by_name.items())
    return f"={tests}NA(){')' * len(by_name)}"


# A tenor as the templates take it: a whole number and one unit (1W, 3M, 1Y), case and
# outer spaces ignored; at most LONGEST_TENOR_YEARS of the unit, which the core accepts
# for any unit.
TENOR_UNITS = "DWMY"


def _tenor_parts(tenor: str) -> tuple[str, str]:
    """The number (as text) and the unit's place in TENOR_UNITS of the tenor in ``tenor``."""
    text = f"UPPER(TRIM({tenor}))"
    return f"LEFT({text},LEN({text})-1)", f'FIND(RIGHT({text},1),"{TENOR_UNITS}")'


def tenor_years(tenor: str, mode: str) -> str:
    """Year fraction of the tenor in cell ``tenor``: Y + M/12 + (7W + D)/365, as
    :func:`carryxl.core.tenor_year_fraction` counts it on ACT/365F (its default), each
    unit as n x (1, 7, 1, 12) / (365, 365, 12, 12) for D, W, M, Y (exact, as the core's).
    1W = 7/365, 3M = 0.25, 2Y = 2; #VALUE! for other text."""
    if mode == "udf":
        return f"=TENOR_YEARS({tenor})"
    number, unit = _tenor_parts(tenor)
    basis = DayCount.ACT_365F.days_in_year
    return f"=VALUE({number})*CHOOSE({unit},1,7,1,12)/CHOOSE({unit},{basis},{basis},12,12)"


def tenor_check(tenor: str) -> str:
    """A data-validation formula (no ``=``; Excel keeps at most 255 characters): TRUE when
    cell ``tenor`` holds digits (no sign, point, exponent or space) from 1 to
    LONGEST_TENOR_YEARS, then D, W, M or Y in either case: a tenor :func:`tenor_years`
    reads."""
    number = f"LEFT({tenor},LEN({tenor})-1)"
    n = f"VALUE({number})"
    units = TENOR_UNITS + TENOR_UNITS.lower()
    unit = f'FIND(RIGHT({tenor},1),"{units}")'
    whole = f'{number}=INT({n})&"",{n}>=1,{n}<={LONGEST_TENOR_YEARS}'  # not 1.5, 1E3, 06
    return f"IFERROR(AND({unit}>0,{whole}),FALSE)"


CALCULATOR_NATIVE: dict[str, str] = {
    "out_target": _TARGET,
    "out_inverted": _INVERTED,
    "out_day_count_target": "=INDEX(in_rates_day_count,MATCH(out_target,in_rates_currency,0))",
    "out_day_count_funding": "=INDEX(in_rates_day_count,MATCH(in_funding,in_rates_currency,0))",
    "out_example_rate_target": "=INDEX(in_rates_policy,MATCH(out_target,in_rates_currency,0))",
    "out_example_rate_funding": "=INDEX(in_rates_policy,MATCH(in_funding,in_rates_currency,0))",
    "out_points_scale": points_scale_formula(),
    "out_ratio": "=" + growth_ratio("in_spot_end"),
    "out_fx_move": "=out_ratio-1",
    "out_move_pips": "=(in_spot_end-in_spot_start)*out_points_scale",
    "out_carry": f"=in_notional*({_RT}-{_RF})",
    "out_fx": "=in_notional*out_fx_move",
    "out_cross": f"=out_fx*{_RT}",
    "out_total": "=out_carry+out_fx+out_cross",
    "out_total_simple": "=out_carry+out_fx",
    "out_return": "=out_total/in_notional",
    "out_return_simple": "=out_total_simple/in_notional",
    "out_annualised": "=out_return/out_holding_years",
    "out_annualised_compound": "=(1+out_return)^(1/out_holding_years)-1",
    "out_net": "=out_total-in_costs",
    "out_return_net": "=out_net/in_notional",
    "out_breakeven_spot": (f"=IF(out_inverted,in_spot_start/{_GROWTH},in_spot_start*{_GROWTH})"),
    "out_breakeven_move": "=out_breakeven_spot/in_spot_start-1",
    # After the lump-sum costs C: X1/X0 = (N (1 + r_f t) + C) / (N (1 + r_t t)).
    "out_breakeven_spot_net": (
        "=IF(out_inverted,in_spot_start/out_breakeven_ratio_net,"
        "in_spot_start*out_breakeven_ratio_net)"
    ),
    "out_breakeven_ratio_net": (f"=(in_notional*(1+{_RF})+in_costs)/(in_notional*(1+{_RT}))"),
    "out_forward": (
        f"=in_spot_start*(1+IF(out_inverted,{_RT},{_RF}))/(1+IF(out_inverted,{_RF},{_RT}))"
    ),
    "out_forward_points": "=(out_forward-in_spot_start)*out_points_scale",
    "out_margin": "=in_notional/in_leverage",
    "out_margin_level": "=in_equity/out_margin",
    # carryxl.core.margin_call_spot: long the target in a quote-currency account
    # (TARGET/FUNDING), or short the funding currency in a base-currency account.
    "out_margin_call_spot": "="
    + spot_or_dash(
        "IF(out_inverted,"
        "-in_notional*in_spot_start/(in_equity-in_notional-in_margin_call_level*in_notional"
        "*(1/in_leverage)),"
        "(in_notional/in_spot_start*in_spot_start-in_equity)"
        "/(in_notional/in_spot_start*(1-in_margin_call_level*(1/in_leverage))))"
    ),
    "out_return_on_margin": "=out_net/out_margin",
    "out_stop_spot": (
        "=IF(out_inverted,in_spot_start/(1-in_stop_loss),in_spot_start*(1-in_stop_loss))"
    ),
    "out_stop_pips": "=(out_stop_spot-in_spot_start)*out_points_scale",
    "out_stop_fx_loss": "=-in_notional*in_stop_loss",
    "out_days": "=in_end_date-in_start_date",
    # Both dates given: each leg's year fraction by its day count, the holding period
    # ACT/365F of the dates (carryxl.core.holding_period); else the holding period typed.
    "out_dates_given": "=IF(AND(ISNUMBER(in_start_date),ISNUMBER(in_end_date)),1,0)",
    "out_years_target": "=IF(out_dates_given,out_years_dates_target,in_years)",
    "out_years_funding": "=IF(out_dates_given,out_years_dates_funding,in_years)",
    "out_period_rate_target": f"={_RT}",  # interest over the period: r_t t_t
    "out_period_rate_funding": f"={_RF}",
    "out_holding_years": (
        f"=IF(out_dates_given,(in_end_date-in_start_date)/{DayCount.ACT_365F.days_in_year},"
        "in_years)"
    ),
    "out_years_dates_target": year_fraction("out_day_count_target", "in_start_date", "in_end_date"),
    "out_years_dates_funding": year_fraction(
        "out_day_count_funding", "in_start_date", "in_end_date"
    ),
}


# --- udf mode: carryxl's Excel functions (carryxl.excel.udfs) where one exists --------
# Outputs not listed keep their native formula (lookups, margin, plain arithmetic).
_PAIR = "in_pair,in_funding"
# The calculator's legs may run over different year fractions (dates under two day
# counts): a function taking one year fraction gets each rate over its own period,
# r_t t_t and r_f t_f, for a period of 1 (the same 1 + r t on each leg).
_PERIOD_LEGS = f"out_period_rate_target,out_period_rate_funding,1,{_PAIR}"
_PERIOD_BASE = f"IF(out_inverted,{_RF},{_RT})"
_PERIOD_QUOTE = f"IF(out_inverted,{_RT},{_RF})"

# carry, FX, cross, total, return: one CARRY_PNL breakdown (a row of five) turned into
# the sheet's column of five by a fixed-size array formula.
CALCULATOR_BREAKDOWN: tuple[str, ...] = (
    "out_carry",
    "out_fx",
    "out_cross",
    "out_total",
    "out_return",
)
CALCULATOR_BREAKDOWN_UDF = (
    "=TRANSPOSE(CARRY_PNL(in_notional,in_spot_start,in_spot_end,in_rate_target,"
    f'in_rate_funding,out_years_target,{_PAIR},out_years_funding,"exact"))'
)

CALCULATOR_UDF: dict[str, str] = {
    "out_fx_move": f"=FX_RETURN(in_spot_start,in_spot_end,{_PAIR})",
    "out_return_simple": f'=CARRY_RETURN(in_spot_start,in_spot_end,{_PERIOD_LEGS},,"simple")',
    "out_annualised": "=ANNUALISED_RETURN(out_return,out_holding_years)",
    "out_annualised_compound": "=ANNUALISED_RETURN(out_return,out_holding_years,TRUE)",
    "out_breakeven_spot": f"=CARRY_BREAKEVEN(in_spot_start,{_PERIOD_LEGS})",
    "out_breakeven_move": f"=CARRY_BREAKEVEN_MOVE({_PERIOD_LEGS})",
    "out_forward": f"=FX_FORWARD(in_spot_start,{_PERIOD_BASE},{_PERIOD_QUOTE},1)",
    "out_forward_points": f"=FX_POINTS(in_spot_start,{_PERIOD_BASE},{_PERIOD_QUOTE},1,in_pair)",
    "out_years_dates_target": "=YEAR_FRACTION(in_start_date,in_end_date,out_day_count_target)",
    "out_years_dates_funding": ("=YEAR_FRACTION(in_start_date,in_end_date,out_day_count_funding)"),
}

CALCULATOR_UDF.update(
    {
        "out_margin": "=CARRY_MARGIN(in_notional,in_leverage)",
        # long the target in a quote-currency account, or short the funding currency
        # in a base-currency account (as the native formula)
        "out_margin_call_spot": (
            "=CARRY_MARGIN_CALL(in_spot_start,IF(out_inverted,in_notional,"
            'in_notional/in_spot_start),in_equity,IF(out_inverted,"short","long"),'
            'in_leverage,,in_margin_call_level,IF(out_inverted,"base","quote"))'
        ),
    }
)

RISK_UDF: dict[str, str] = {
    "out_units": "=CARRY_POSITION_SIZE(out_risk_budget,in_stop_pips,in_pair)",
    "out_pip_value": "=PIP_VALUE(out_units,in_pair)",
    "out_risk_stop_spot": "=CARRY_STOP_LOSS(in_spot_start,out_units,out_risk_budget,in_side)",
    "out_risk_margin": "=CARRY_MARGIN(out_position_value,in_leverage)",
    "out_margin_call_spot": (
        "=CARRY_MARGIN_CALL(in_spot_start,out_units,in_equity,in_side,in_leverage,,"
        "in_margin_call_level)"
    ),
    "out_stop_out_spot": (
        "=CARRY_MARGIN_CALL(in_spot_start,out_units,in_equity,in_side,in_leverage,,"
        "in_stop_out_level)"
    ),
    "out_var": (
        "=CARRY_VAR(out_position_value,in_volatility,out_horizon_years,in_confidence,"
        "in_expected_return)"
    ),
    "out_es": (
        "=CARRY_VAR(out_position_value,in_volatility,out_horizon_years,in_confidence,"
        'in_expected_return,"ES")'
    ),
    "out_carry_to_vol": "=CARRY_TO_VOL(in_rate_target,in_rate_funding,in_volatility,in_years)",
    "out_probability_of_loss": (
        "=CARRY_LOSS_PROBABILITY(in_rate_target,in_rate_funding,in_volatility,in_years,in_drift)"
    ),
}

_SWAP_QUOTE = "in_swap_quote,in_swap_form,in_lots"
_SWAP_REST = "in_pair,in_spot,in_lot_size,in_basis,in_to_account"
SWAP_UDF: dict[str, str] = {
    "out_swap_per_night": f"=SWAP_VALUE({_SWAP_QUOTE},1,{_SWAP_REST})",
    "out_swap_implied_rate": (
        "=SWAP_IMPLIED_RATE(out_swap_per_night_quote,out_units,in_spot,1,in_basis)"
    ),
    "out_nights_total": (
        # FALSE: weekends and the sheet's holidays only, as the native formulas count
        "=IF(in_triple_day=INDEX(list_triple_days,1),"  # the book's "auto"
        "SWAP_NIGHTS(in_open_date,in_close_date,in_pair,,in_holidays,FALSE),"
        "SWAP_NIGHTS(in_open_date,in_close_date,in_pair,in_triple_day,in_holidays,FALSE))"
    ),
    "out_swap_total": f"=SWAP_VALUE({_SWAP_QUOTE},out_nights_total,{_SWAP_REST})",
    "out_markup_rate": "=SWAP_IMPLIED_RATE(out_markup,out_units,in_spot,out_nights_total,in_basis)",
}

ASSET_UDF: dict[str, str] = {
    "out_asset_before_funding": "=ASSET_CARRY_RETURN(in_asset_return,in_fx_move)",
    "out_asset_return": (
        "=ASSET_CARRY_RETURN(in_asset_return,in_fx_move,in_rate_funding,in_years)"
    ),
    "out_asset_excess": "=ASSET_EXCESS_RETURN(in_asset_return,in_fx_move,in_local_return)",
    "out_asset_breakeven_move": "=ASSET_BREAKEVEN_FX(in_asset_return,in_rate_funding,in_years)",
    # ASSET_FX_MOVE is its own inverse under either convention (g = -m, g = 1/(1+m) - 1).
    "out_funding_move_quote": '=ASSET_FX_MOVE(in_fx_move,"quote")',
    "out_funding_move_value": '=ASSET_FX_MOVE(in_fx_move,"value")',
}


def asset_chart_cell(fx_move: str, mode: str) -> str:
    """One chart-table return for the FX move in cell ``fx_move``."""
    if mode == "udf":
        return f"=ASSET_CARRY_RETURN(in_asset_return,{fx_move},in_rate_funding,in_years)"
    return "=" + asset_pnl_at(fx_move)


def scenario_formula(move: str, years: str, rate_funding: str, mode: str) -> str:
    """A scenario cell: exact P&L for the target's move ``move`` (X1/X0 = 1 + move)."""
    if mode == "udf":
        return f"=CARRY_PNL(in_notional,1,1+{move},in_rate_target,{rate_funding},{years})"
    return scenario_cell(move, years, rate_funding)


def scenario_breakeven(years: str, rate_funding: str, mode: str) -> str:
    """Break-even move of the target, (1 + r_f t)/(1 + r_t t) - 1."""
    if mode == "udf":
        return f"=CARRY_BREAKEVEN_MOVE(in_rate_target,{rate_funding},{years})"
    return f"=(1+{rate_funding}*{years})/(1+in_rate_target*{years})-1"


def payoff_cell(spot: str, mode: str) -> str:
    """Exact total P&L at the end spot in cell ``spot`` (the calculator's legs, each over
    its own year fraction)."""
    if mode == "udf":
        return (
            f"=CARRY_PNL(in_notional,in_spot_start,{spot},in_rate_target,in_rate_funding,"
            f"out_years_target,{_PAIR},out_years_funding)"
        )
    return f"=in_notional*({growth_ratio(spot)}*(1+{_RT})-(1+{_RF}))"
