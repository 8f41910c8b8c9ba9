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

__all__ = [
    "CALCULATOR_NATIVE",
    "asset_pnl_at",
    "carry_pnl_at",
    "growth_ratio",
    "scenario_cell",
    "year_fraction",
]

# Which currency is the target, and whether the pair reads FUNDING/TARGET (USD/TRY
# funded in USD) so that the target's price is 1/S. #N/A when the funding currency
# is not in the pair.
_TARGET = (
    "=IF(RIGHT(in_pair,3)=in_funding,LEFT(in_pair,3),"
    "IF(LEFT(in_pair,3)=in_funding,RIGHT(in_pair,3),NA()))"
)
_INVERTED = "=IF(LEFT(in_pair,3)=in_funding,TRUE(),IF(RIGHT(in_pair,3)=in_funding,FALSE(),NA()))"
_GROWTH = "((1+in_rate_funding*in_years)/(1+in_rate_target*in_years))"


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
    return (
        f'=IF({day_count}="ACT/360",({end}-{start})/360,'
        f'IF({day_count}="ACT/365F",({end}-{start})/365,'
        f'IF({day_count}="ACT/ACT",{act_act},'
        f'IF({day_count}="30/360",{bond},'
        f'IF({day_count}="30E/360",{euro},NA())))))'
    )


CALCULATOR_NATIVE: dict[str, str] = {
    "out_target": _TARGET,
    "out_inverted": _INVERTED,
    "out_day_count_target": "=INDEX(in_rates_day_count,MATCH(out_target,in_rates_currency,0))",
    "out_day_count_funding": "=INDEX(in_rates_day_count,MATCH(in_funding,in_rates_currency,0))",
    "out_example_rate_target": "=INDEX(in_rates_policy,MATCH(out_target,in_rates_currency,0))",
    "out_example_rate_funding": "=INDEX(in_rates_policy,MATCH(in_funding,in_rates_currency,0))",
    "out_points_scale": '=IF(RIGHT(in_pair,3)="JPY",100,10000)',
    "out_ratio": "=" + growth_ratio("in_spot_end"),
    "out_fx_move": "=out_ratio-1",
    "out_move_pips": "=(in_spot_end-in_spot_start)*out_points_scale",
    "out_carry": "=in_notional*(in_rate_target*in_years-in_rate_funding*in_years)",
    "out_fx": "=in_notional*out_fx_move",
    "out_cross": "=out_fx*(in_rate_target*in_years)",
    "out_total": "=out_carry+out_fx+out_cross",
    "out_total_simple": "=out_carry+out_fx",
    "out_return": "=out_total/in_notional",
    "out_return_simple": "=out_total_simple/in_notional",
    "out_annualised": "=out_return/in_years",
    "out_annualised_compound": "=(1+out_return)^(1/in_years)-1",
    "out_net": "=out_total-in_costs",
    "out_return_net": "=out_net/in_notional",
    "out_breakeven_spot": (f"=IF(out_inverted,in_spot_start/{_GROWTH},in_spot_start*{_GROWTH})"),
    "out_breakeven_move": "=out_breakeven_spot/in_spot_start-1",
    "out_forward": (
        "=in_spot_start*(1+IF(out_inverted,in_rate_target,in_rate_funding)*in_years)"
        "/(1+IF(out_inverted,in_rate_funding,in_rate_target)*in_years)"
    ),
    "out_forward_points": "=(out_forward-in_spot_start)*out_points_scale",
    "out_margin": "=in_notional/in_leverage",
    "out_return_on_margin": "=out_net/out_margin",
    "out_stop_spot": (
        "=IF(out_inverted,in_spot_start/(1-in_stop_loss),in_spot_start*(1-in_stop_loss))"
    ),
    "out_stop_pips": "=(out_stop_spot-in_spot_start)*out_points_scale",
    "out_stop_fx_loss": "=-in_notional*in_stop_loss",
    "out_days": "=in_end_date-in_start_date",
    "out_years_dates_target": year_fraction("out_day_count_target", "in_start_date", "in_end_date"),
    "out_years_dates_funding": year_fraction(
        "out_day_count_funding", "in_start_date", "in_end_date"
    ),
}
