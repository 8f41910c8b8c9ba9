"""What each template output should be, computed by carryxl's core (not by the sheet).

Each ``expect_*`` takes the input values by name (``in_*``) and returns the outputs by
name (``out_*``): a number, a string, or a list for named ranges.
"""

from __future__ import annotations

import datetime as dt
from statistics import NormalDist
from typing import Any

import numpy as np

from carryxl.core import (
    Orientation,
    Pair,
    annualised_return,
    asset_carry_return,
    asset_excess_over_local,
    benchmark_swap,
    breakeven_fx_move,
    breakeven_move,
    breakeven_spot,
    carry_breakdown,
    carry_breakdown_simple,
    carry_pnl,
    carry_to_vol,
    days_to_margin_call,
    default_day_count,
    expected_shortfall,
    forward_outright,
    forward_points,
    funding_move,
    fx_return,
    margin_call_spot,
    margin_level,
    margin_required,
    nights_between,
    pip_value,
    points_scale,
    position_size,
    probability_of_loss,
    spot_lag_days,
    spot_ratio,
    stop_loss_spot,
    swap_implied_rate,
    swap_ledger,
    swap_markup,
    swap_per_night,
    swap_quote_from_money,
    triple_rollover_weekday,
    value_at_risk,
    value_date,
    year_fraction,
)
from carryxl.core.asset import MoveConvention
from carryxl.core.conventions import Currency
from carryxl.core.dates import tenor_year_fraction
from carryxl.core.defaults import TRADING_DAYS
from carryxl.core.period import holding_period
from carryxl.core.portfolio import BookColumns, book_positions, book_risk, currency_exposure
from carryxl.core.sides import side_sign
from carryxl.core.swaps import WEEKDAY_WORDS, WEEKDAYS, is_auto
from carryxl.history import drawdown
from carryxl.history.stress import stress_replay
from carryxl.workbooks.labels import label
from carryxl.workbooks.sheets import history
from carryxl.workbooks.sheets.asset_carry import CHART_MOVES
from carryxl.workbooks.sheets.calculator import PAYOFF_STEPS
from carryxl.workbooks.sheets.portfolio import CURRENCY_ROWS, POSITIONS, TRANCHES
from carryxl.workbooks.sheets.rates import RATE_EXAMPLES
from carryxl.workbooks.sheets.swap import LEDGER_ROWS
from tests.history.raw_ecb import cross

POLICY = {code: policy for code, policy, *_ in RATE_EXAMPLES}
BROKER = {code: broker for code, _p, _s, broker, _bs in RATE_EXAMPLES}
CODES = [code for code, *_ in RATE_EXAMPLES]


def _day_count(v: dict[str, Any], currency: str) -> str:
    """The Rates sheet's day count for ``currency``: as written in, or the core default."""
    written = v.get("in_rates_day_count")
    return written[CODES.index(currency)] if written else str(default_day_count(Currency(currency)))


def _f(value: Any) -> Any:
    array = np.asarray(value, dtype=float)
    return float(array) if array.ndim == 0 else [float(v) for v in array.ravel()]


def _spot(value: Any) -> Any:
    """A core spot, or "-" where the core has none (NaN), as the sheet shows it."""
    number = _f(value)
    return "-" if np.isnan(number) else number


def _dt(day: Any) -> dt.datetime:
    """A numpy or Python date as the datetime openpyxl reads back."""
    d = np.datetime64(day, "D").astype(dt.date)
    return dt.datetime(d.year, d.month, d.day)


def calculator_period(v: dict[str, Any], target: str) -> tuple[float, float, float]:
    """Each leg's year fraction and the holding period the calculator uses: from both
    dates when given (:func:`carryxl.core.holding_period`, as ``carryxl calc --start
    --end``), else the holding period typed."""
    if v.get("in_start_date") is None or v.get("in_end_date") is None:
        t = v["in_years"]
        return t, t, t
    period = holding_period(
        Currency.parse(target),
        Currency.parse(v["in_funding"]),
        start=v["in_start_date"].date(),
        end=v["in_end_date"].date(),
        day_count_target=_day_count(v, target),
        day_count_funding=_day_count(v, v["in_funding"]),
    )
    return (
        float(period.years_target),
        float(period.years_funding),
        float(period.holding_years),
    )


def expect_calculator(v: dict[str, Any]) -> dict[str, Any]:
    """Calculator outputs from the core; stop-loss spot is checked separately (inverse)."""
    pair = Pair.parse(v["in_pair"])
    orientation = pair.orientation(Currency.parse(v["in_funding"]))
    target = str(pair.other(Currency.parse(v["in_funding"])))
    n, s0, s1 = v["in_notional"], v["in_spot_start"], v["in_spot_end"]
    rt, rf = v["in_rate_target"], v["in_rate_funding"]
    t, tf, held = calculator_period(v, target)
    exact = carry_breakdown(n, s0, s1, rt, rf, t, orientation, tf)
    simple = carry_breakdown_simple(n, s0, s1, rt, rf, t, orientation, tf)
    scale = points_scale(pair)
    base_is_target = orientation is Orientation.TARGET_FUNDING
    rate_base, rate_quote = (rt, rf) if base_is_target else (rf, rt)
    years_base, years_quote = (t, tf) if base_is_target else (tf, t)
    net = _f(carry_breakdown(n, s0, s1, rt, rf, t, orientation, tf, costs=v["in_costs"]).total)
    margin = n / v["in_leverage"]
    spots = [s0 * (1 + k / 100) for k in PAYOFF_STEPS]
    dated = v.get("in_start_date") is not None and v.get("in_end_date") is not None
    expected = {
        "out_pair_check": None,  # blank: the funding currency is one of the pair's
        "out_target": target,
        "out_inverted": orientation is Orientation.FUNDING_TARGET,
        "out_day_count_target": _day_count(v, target),
        "out_day_count_funding": _day_count(v, v["in_funding"]),
        "out_example_rate_target": POLICY[target],
        "out_example_rate_funding": POLICY[v["in_funding"]],
        "out_points_scale": scale,
        "out_years_target": t,
        "out_years_funding": tf,
        "out_period_rate_target": rt * t,
        "out_period_rate_funding": rf * tf,
        "out_holding_years": held,
        "out_dates_given": dated,
        "out_ratio": _f(spot_ratio(s0, s1, orientation)),
        "out_fx_move": _f(fx_return(s0, s1, orientation)),
        "out_move_pips": (s1 - s0) / pair.pip_size(),
        "out_carry": _f(exact.carry),
        "out_fx": _f(exact.fx),
        "out_cross": _f(exact.cross),
        "out_total": _f(exact.total),
        "out_total_simple": _f(simple.total),
        "out_return": _f(exact.total_return),
        "out_return_simple": _f(simple.total_return),
        "out_annualised": _f(annualised_return(exact.total_return, held)),
        "out_annualised_compound": _f(annualised_return(exact.total_return, held, compound=True)),
        "out_net": net,
        "out_return_net": net / n,
        "out_breakeven_spot": _f(breakeven_spot(s0, rt, rf, t, orientation, tf)),
        "out_breakeven_move": _f(breakeven_move(rt, rf, t, orientation, tf)),
        "out_forward": _f(forward_outright(s0, rate_base, rate_quote, years_base, years_quote)),
        "out_forward_points": _f(
            forward_points(s0, rate_base, rate_quote, years_base, scale, years_quote)
        ),
        "out_margin": margin,
        "out_margin_level": _f(margin_level(v["in_equity"], margin)),
        "out_margin_call_spot": _margin_call_calculator(v),
        "out_return_on_margin": net / margin,
        "out_stop_fx_loss": -n * v["in_stop_loss"],
        "out_payoff_spots": spots,
        "out_payoff_pnl": _f(carry_pnl(n, s0, np.array(spots), rt, rf, t, orientation, tf)),
    }
    if dated:
        d0, d1 = v["in_start_date"].date(), v["in_end_date"].date()
        expected["out_days"] = float((d1 - d0).days)
        expected["out_years_dates_target"] = _f(year_fraction(d0, d1, _day_count(v, target)))
        expected["out_years_dates_funding"] = _f(
            year_fraction(d0, d1, _day_count(v, v["in_funding"]))
        )
    else:  # blank without both dates
        expected.update(dict.fromkeys(_DATE_OUTPUTS))
    return expected


_DATE_OUTPUTS = ("out_days", "out_years_dates_target", "out_years_dates_funding")


def expect_asset(v: dict[str, Any]) -> dict[str, Any]:
    """Asset-carry outputs from :mod:`carryxl.core.asset`."""
    a, g, local = v["in_asset_return"], v["in_fx_move"], v["in_local_return"]
    rf, t = v["in_rate_funding"], v["in_years"]
    after = _f(asset_carry_return(a, g, rf, t))
    quote = _f(funding_move(g, "quote"))
    value = _f(funding_move(g, "value"))
    moves = [k / 100 for k in CHART_MOVES]
    return {
        "out_example_broker_rate": BROKER[v["in_funding"]],
        "out_asset_before_funding": _f(asset_carry_return(a, g)),
        "out_asset_funding_cost": rf * t,
        "out_asset_return": after,
        "out_asset_pnl": v["in_notional"] * after,
        "out_asset_excess": _f(asset_excess_over_local(a, g, local)),
        "out_asset_breakeven_move": _f(breakeven_fx_move(a, rf, t)),
        "out_funding_move_quote": quote,
        "out_funding_move_value": value,
        "out_funding_move": {MoveConvention.QUOTE: quote, MoveConvention.VALUE: value}[
            MoveConvention.parse(v["in_move_convention"])
        ],
        "out_asset_chart_moves": moves,
        "out_asset_chart_returns": _f(asset_carry_return(a, np.array(moves), rf, t)),
        # the ECB's USD/JPY over November 2025, read from the raw file (not from carryxl)
        "out_fx_move_ecb": cross("2025-11-28", "USD", "JPY") / cross("2025-10-31", "USD", "JPY")
        - 1,
    }


def expect_scenarios(v: dict[str, Any]) -> dict[str, Any]:
    """Scenario grids from :func:`carryxl.core.carry_pnl` with X1/X0 = 1 + g."""
    pair = Pair.parse(v["in_pair"])
    orientation = pair.orientation(Currency.parse(v["in_funding"]))
    n, s0 = v["in_notional"], v["in_spot_start"]
    rt, rf, t = v["in_rate_target"], v["in_rate_funding"], v["in_years"]
    moves = np.array(v["in_scenario_moves"])[:, None]
    # the tenors typed, as the core counts them (ACT/365F: 1W = 7/365, 3M = 0.25)
    years = np.array([tenor_year_fraction(t) for t in v["in_scenario_years"]])[None, :]
    shifts = np.array(v["in_scenario_rate_shifts"])[None, :]
    tf = Orientation.TARGET_FUNDING
    return {
        "out_inverted": orientation is Orientation.FUNDING_TARGET,
        "out_scenario_years": _f(years[0]),
        "out_scenario_grid": _f(carry_pnl(n, 1.0, 1.0 + moves, rt, rf, years)),
        "out_scenario_breakeven": _f(breakeven_move(rt, rf, years, tf)),
        "out_scenario_breakeven_spot": _f(breakeven_spot(s0, rt, rf, years, orientation)),
        "out_scenario_grid_rates": _f(carry_pnl(n, 1.0, 1.0 + moves, rt, rf + shifts, t)),
        "out_scenario_breakeven_rates": _f(breakeven_move(rt, rf + shifts, t, tf)),
        "out_scenario_breakeven_spot_rates": _f(
            breakeven_spot(s0, rt, rf + shifts, t, orientation)
        ),
    }


def _margin_call_calculator(v: dict[str, Any]) -> Any:
    """The calculator's margin-call spot by :func:`carryxl.core.margin_call_spot`."""
    pair = Pair.parse(v["in_pair"])
    n, s0 = v["in_notional"], v["in_spot_start"]
    if pair.orientation(Currency.parse(v["in_funding"])) is Orientation.TARGET_FUNDING:
        units, side, account = n / s0, "long", "quote"
    else:
        units, side, account = n, "short", "base"
    return _spot(
        margin_call_spot(
            s0,
            units,
            v["in_equity"],
            side,
            v["in_leverage"],
            None,
            v["in_margin_call_level"],
            account,
        )
    )


def expect_risk(v: dict[str, Any]) -> dict[str, Any]:
    """Risk outputs from :mod:`carryxl.core.risk` and :mod:`carryxl.core.margin`."""
    pair = Pair.parse(v["in_pair"])
    pip = pair.pip_size()
    s0, equity, side = v["in_spot_start"], v["in_equity"], v["in_side"]
    budget = equity * v["in_risk_fraction"]
    units = _f(position_size(budget, v["in_stop_pips"], pip))
    value = units * s0
    margin = _f(margin_required(value, v["in_leverage"]))
    vol, conf = v["in_volatility"], v["in_confidence"]
    horizon = v["in_horizon_days"] / TRADING_DAYS
    mu = v["in_expected_return"]

    def call(level: float) -> Any:
        return _spot(margin_call_spot(s0, units, equity, side, v["in_leverage"], None, level))

    days = _f(days_to_margin_call(equity, margin, v["in_swap_per_day"], v["in_margin_call_level"]))
    return {
        "out_pip_size": pip,
        "out_risk_budget": budget,
        "out_units": units,
        "out_pip_value": _f(pip_value(units, pip)),
        "out_risk_stop_spot": _spot(stop_loss_spot(s0, units, budget, side)),
        "out_position_value": value,
        "out_risk_margin": margin,
        "out_margin_level": _f(margin_level(equity, margin)),
        "out_margin_call_spot": call(v["in_margin_call_level"]),
        "out_stop_out_spot": call(v["in_stop_out_level"]),
        "out_days_to_margin_call": "-" if days == float("inf") else days,
        "out_horizon_years": horizon,
        "out_z": float(NormalDist().inv_cdf(conf)),
        "out_var": _f(value_at_risk(value, vol, horizon, conf, mu)),
        "out_es": _f(expected_shortfall(value, vol, horizon, conf, mu)),
        "out_carry_to_vol": _f(
            carry_to_vol(v["in_rate_target"], v["in_rate_funding"], vol, v["in_years"])
        ),
        "out_probability_of_loss": _f(
            probability_of_loss(
                v["in_rate_target"], v["in_rate_funding"], vol, v["in_years"], v["in_drift"]
            )
        ),
    }


def expect_swap(v: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    """Swap outputs and ledger from :mod:`carryxl.core.swaps`, the weekdays in ``lang``."""
    pair = Pair.parse(v["in_pair"])
    holidays = [h.date() for h in v["in_holidays"] if h is not None]
    triple = None if is_auto(v["in_triple_day"]) else v["in_triple_day"]
    words = WEEKDAY_WORDS[lang]
    lots, lot_size, spot = v["in_lots"], v["in_lot_size"], v["in_spot"]
    units = lots * lot_size
    per_night = _f(
        swap_per_night(
            v["in_swap_quote"],
            v["in_swap_form"],
            lots,
            pair,
            spot,
            None,
            lot_size,
            v["in_basis"],
            v["in_to_account"],
        )
    )
    per_night_quote = per_night / v["in_to_account"]
    open_, close = v["in_open_date"].date(), v["in_close_date"].date()
    nights = int(nights_between(open_, close, pair, holidays, triple, calendars=False))
    ledger = swap_ledger(open_, close, per_night, pair, holidays, triple, calendars=False)
    rows = len(ledger)
    pad = [None] * (LEDGER_ROWS - rows)
    lag = spot_lag_days(pair)
    dc_base = _day_count(v, str(pair.base))
    dc_quote = _day_count(v, str(pair.quote))
    expected: dict[str, Any] = {
        "out_spot_lag": lag,
        "out_triple_weekday": words[triple_rollover_weekday(pair)] if triple is None else triple,
        "out_pip_size": pair.pip_size(),
        "out_point_size": pair.point_size(),
        "out_units": units,
        "out_swap_per_night": per_night,
        "out_swap_per_night_quote": per_night_quote,
        **{
            f"out_swap_as_{name}": _f(
                swap_quote_from_money(
                    per_night,
                    form,
                    lots,
                    pair,
                    spot,
                    None,
                    lot_size,
                    v["in_basis"],
                    v["in_to_account"],
                )
            )
            for name, form in (
                ("points", "points"),
                ("pips", "pips"),
                ("money_per_lot", "money per lot"),
                ("percent", "percent a year"),
            )
        },
        "out_swap_implied_rate": _f(
            swap_implied_rate(per_night_quote, units, spot, 1, v["in_basis"])
        ),
        "out_value_open": _dt(value_date(open_, pair, holidays, calendars=False)),
        "out_value_close": _dt(value_date(close, pair, holidays, calendars=False)),
        "out_nights_total": nights,
        "out_swap_total": nights * per_night,
        "out_ledger_total": float(ledger["swap"].sum()),
        "out_ledger_dates": [_dt(d) for d in ledger["trade_date"]] + pad,
        "out_ledger_weekdays": [words[WEEKDAYS.index(w)] for w in ledger["weekday"]] + pad,
        "out_ledger_value_dates": [_dt(d) for d in ledger["value_date"]] + pad,
        "out_ledger_nights": [float(n) for n in ledger["nights"]] + pad,
        "out_ledger_swap": [float(x) for x in ledger["swap"]] + pad,
        "out_ledger_cumulative": [float(x) for x in ledger["cumulative"]] + pad,
    }
    if nights > 0:
        kept, kept_rate = swap_markup(
            pair,
            per_night_quote * nights,
            units,
            spot,
            v["in_rate_base"],
            v["in_rate_quote"],
            nights,
            v["in_side"],
            v["in_basis"],
            dc_base,
            dc_quote,
        )
        expected["out_benchmark_swap"] = _f(
            benchmark_swap(
                pair,
                units,
                spot,
                v["in_rate_base"],
                v["in_rate_quote"],
                nights,
                v["in_side"],
                dc_base,
                dc_quote,
            )
        )
        expected["out_markup"] = _f(kept)
        expected["out_markup_rate"] = _f(kept_rate)
    return expected


def expect_history(v: dict[str, Any]) -> dict[str, Any]:
    """The replay from :func:`carryxl.history.stress.stress_replay` with constant rates."""
    e = history.EPISODE
    level = v["in_margin_call_level"]
    run = stress_replay(
        e.pair,
        e.funding,
        e.start,
        e.end,
        v["in_notional"],
        v["in_rate_target"],
        v["in_rate_funding"],
        v["in_leverage"],
        level,
        stop_out=v["in_stop_out_level"],
    )
    dates = [dt.datetime.fromisoformat(str(d)) for d in run.dates]
    flags = (run.equity < level * run.margin) & (v["in_leverage"] > 1)  # no call at 1x
    stopped = [run.stop_out_date is not None and str(d) >= run.stop_out_date for d in run.dates]
    return {
        "out_history_pair": "USD/JPY",
        "out_history_target": "USD",
        "out_history_funding": "JPY",
        "out_history_basis_target": 360,
        "out_history_basis_funding": 365,
        "out_history_dates": dates,
        "out_history_spots": [float(s) for s in run.spots],
        "out_history_days": [float((d - dates[0]).days) for d in dates],
        "out_history_pnl": [float(x) for x in run.pnl],
        "out_history_equity": [float(x) for x in run.equity],
        "out_history_drawdown": [float(x) for x in drawdown(run.equity)],
        "out_history_margin_calls": [bool(x) for x in flags],
        "out_history_final_pnl": float(run.pnl[-1]),
        "out_history_worst_pnl": run.worst_pnl,
        "out_history_worst_date": dt.datetime.fromisoformat(run.worst_pnl_date),
        "out_history_max_drawdown": run.max_drawdown,
        "out_history_margin_call_date": (
            "-" if run.margin_call_date is None else dt.datetime.fromisoformat(run.margin_call_date)
        ),
        "out_history_stopped": stopped,
        "out_history_stop_out_date": (
            "-" if run.stop_out_date is None else dt.datetime.fromisoformat(run.stop_out_date)
        ),
        "out_history_stop_out_spot": "-" if run.stop_out_spot is None else run.stop_out_spot,
    }


def _book_currencies(pairs: list[Pair]) -> list[str]:
    """The currency table's codes: the positions' bases in order, then their quotes, each
    once."""
    legs = [str(p.base) for p in pairs] + [str(p.quote) for p in pairs]
    return list(dict.fromkeys(legs))


def expect_portfolio(v: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    """The book from :mod:`carryxl.core.portfolio`; blank position rows are None (0 where
    the sheet sums the column); the flags in ``lang``'s words."""
    n = sum(p is not None for p in v["in_pf_pair"])
    rows = [i for i, p in enumerate(v["in_tr_position"]) if p is not None]

    def col(name: str) -> list[Any]:
        return list(v[name][:n])

    days = [(v["in_valuation_date"] - v["in_tr_date"][i]).days for i in rows]
    book = book_positions(
        BookColumns(
            position=[v["in_tr_position"][i] - 1 for i in rows],
            amounts=[v["in_tr_amount"][i] for i in rows],
            rates=[v["in_tr_rate"][i] for i in rows],
            days=days,
            spot=col("in_pf_spot"),
            side=col("in_pf_side"),
            rate_base=col("in_pf_rate_base"),
            rate_quote=col("in_pf_rate_quote"),
            basis_base=col("in_pf_basis_base"),
            basis_quote=col("in_pf_basis_quote"),
            stop_loss=col("in_pf_stop_loss"),
            leverage=col("in_pf_leverage"),
            to_account=col("in_pf_to_account"),
            tax_interest=v["in_tax_interest"],
            tax_fx=v["in_tax_fx"],
            offset=v["in_tax_offset"],
            swap=[0.0 if x is None else x for x in col("in_pf_swap_rate")],
            lot_size=v["in_lot_size"],
        )
    )
    vol = np.array(col("in_pf_volatility"), dtype=float)
    corr = np.array(v["in_correlation"], dtype=float).reshape(POSITIONS, POSITIONS)[:n, :n]
    w = book.exposure_account
    risk = book_risk(w, vol, corr, v["in_horizon_days"] / TRADING_DAYS, v["in_confidence"])
    fx = currency_exposure(
        [Pair.parse(p) for p in col("in_pf_pair")],
        w,
        v["in_concentration_threshold"],
        held=book.held_account,
        owed=book.owed_account,
    )
    net = dict(zip(fx.currencies, fx.net, strict=True))
    share = dict(zip(fx.currencies, fx.funding_share, strict=True))

    def pad(values: Any, blank: Any = None, size: int = POSITIONS) -> list[Any]:
        return [*_f(values), *[blank] * (size - n if size == POSITIONS else size - len(rows))]

    sides = col("in_pf_side")
    pairs = [Pair.parse(p) for p in col("in_pf_pair")]
    short = [float(side_sign(s)) < 0 for s in sides]
    funding = [str(p.base if s else p.quote) for p, s in zip(pairs, short, strict=True)]
    k = np.array(col("in_pf_to_account"), dtype=float)
    words = (label("pf_flag_stop", lang), label("pf_flag_over", lang))
    flags = [
        " ".join(f for f, on in zip(words, (hit, over), strict=True) if on) or None
        for hit, over in zip(book.stop_hit, book.margin_exceeded, strict=True)
    ]
    codes = _book_currencies(pairs)
    blank = [None] * (CURRENCY_ROWS - len(codes))
    return {
        "out_pf_currency": [str(p.quote) for p in pairs] + [None] * (POSITIONS - n),
        "out_pf_flags": flags + [None] * (POSITIONS - n),
        "out_pf_interest_account": pad((book.carry + book.swap) * k),
        "out_pf_fx_account": pad(book.fx * k),
        "out_pf_funding": funding + [None] * (POSITIONS - n),
        "out_pf_units": pad(book.units),
        "out_pf_cost": pad(book.cost),
        "out_pf_average_rate": pad(book.average_rate),
        "out_pf_carry": pad(book.carry),
        "out_pf_swap": pad(book.swap),
        "out_pf_fx": pad(book.fx),
        "out_pf_total": pad(book.total),
        "out_pf_stop_spot": pad(book.stop_spot),
        "out_pf_stop_distance": pad(book.stop_distance),
        "out_pf_margin": pad(book.margin),
        "out_pf_exposure": pad(w, 0.0),
        "out_pf_total_account": pad(book.total_account),
        "out_pf_tax": pad(book.tax.tax),
        "out_pf_after_tax": pad(book.tax.after_tax),
        "out_pf_standalone_var": pad(risk.standalone_var, 0.0),
        "out_pf_marginal": pad(corr @ (w * vol), 0.0),
        "out_pf_contribution": pad(risk.contributions),
        "out_pf_share": pad(risk.shares),
        "out_pf_scaled": pad(w * vol, None),  # "" without a position
        "out_tr_days": pad(days, None, TRANCHES),
        "out_tr_pnl": pad(book.pnl_tranches, None, TRANCHES),
        "out_book_total": float(np.sum(book.total_account)),
        "out_book_tax": float(np.sum(book.tax.tax)),
        "out_book_after_tax": float(np.sum(book.tax.after_tax)),
        "out_book_margin": float(np.sum(book.margin_account)),
        "out_book_gross": float(np.sum(np.abs(w))),
        "out_book_z": float(NormalDist().inv_cdf(v["in_confidence"])),
        "out_book_volatility": risk.volatility,
        "out_book_var": risk.var,
        "out_book_es": risk.es,
        "out_book_sum_standalone": float(np.sum(risk.standalone_var)),
        "out_book_diversification": risk.diversification_ratio,
        "out_book_top_funding": fx.top_funding,
        "out_book_top_share": float(max(fx.funding_share)),
        "out_book_concentrated": fx.concentrated,
        "out_fx_currency": codes + blank,
        "out_fx_net": [float(net[c]) for c in codes] + blank,
        "out_fx_funding_share": [float(share.get(c, 0.0)) for c in codes] + blank,
    }
