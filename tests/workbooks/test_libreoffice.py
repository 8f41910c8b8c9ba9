"""LibreOffice opens every template and recalculates every native output to the core's value.

All files (every template, 20 random input sets per kind with formulas, and a formula-
injection check) are converted in one ``soffice`` call, then read back with openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Callable
from pathlib import Path
from statistics import NormalDist
from typing import Any

import numpy as np
import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from carryxl.core import CarryxlError, Currency, Pair, carry_pnl, fx_return
from carryxl.core.dates import tenor_year_fraction
from carryxl.templates import TEMPLATES
from carryxl.workbooks import default_filename, every_template, put_text, workbook_bytes
from carryxl.workbooks.calls import calls, is_builtin
from carryxl.workbooks.formulas import tenor_check, tenor_years
from carryxl.workbooks.sheets import (
    asset_carry,
    calculator,
    history,
    portfolio,
    risk,
    scenarios,
    swap,
)
from carryxl.workbooks.sheets.rates import DAY_COUNTS, PAIRS, RATE_EXAMPLES
from carryxl.workbooks.words import in_book_words
from tests.libreoffice import convert_many
from tests.workbooks.expected import (
    calculator_period,
    expect_asset,
    expect_calculator,
    expect_history,
    expect_portfolio,
    expect_risk,
    expect_scenarios,
    expect_swap,
)
from tests.workbooks.named import cells, close, values, write_inputs
from tests.workbooks.udf_eval import SKIP, evaluate

pytestmark = pytest.mark.libreoffice

RANDOM_SETS = 20
INJECTION = ("=1+1", "+1", "-1", "@SUM(A1:A2)", '=HYPERLINK("http://example.com","x")')
EXPECT: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "calculator": expect_calculator,
    "asset_carry": expect_asset,
    "scenarios": expect_scenarios,
    "swap": expect_swap,
    "risk": expect_risk,
    "history": expect_history,
    "portfolio": expect_portfolio,
}
# history is native only; the udf rates template reads the user's data folder where the
# native one holds examples, so it has no native twin (tests/workbooks/test_udf.py checks it
# against carryxl rates instead)
UDF_KINDS = sorted(t.kind for t in TEMPLATES if "udf" in t.modes and t.kind != "rates")
SEEDS = {
    "calculator": calculator.SEED_INPUTS,
    "asset_carry": asset_carry.SEED_INPUTS,
    "scenarios": {
        **scenarios.SEED_INPUTS,
        "in_scenario_moves": list(scenarios.MOVES),
        "in_scenario_years": list(scenarios.TENORS),
        "in_scenario_rate_shifts": list(scenarios.RATE_SHIFTS),
    },
    "swap": {
        **swap.SEED_INPUTS,
        "in_holidays": [*swap.SEED_HOLIDAYS]
        + [None] * (swap.HOLIDAY_ROWS - len(swap.SEED_HOLIDAYS)),
    },
    "risk": risk.SEED_INPUTS,
    "history": history.SEED_INPUTS,
    "portfolio": portfolio.seed_inputs(),
}
MONEY_OF = {
    "swap": "in_lot_size",
    "risk": "in_equity",
}
MONEY = {
    "out_ledger_swap",
    "out_ledger_cumulative",
    "out_swap_total",
    "out_ledger_total",
    "out_swap_per_night",
    "out_swap_per_night_quote",
    "out_benchmark_swap",
    "out_markup",
    "out_risk_budget",
    "out_units",
    "out_pip_value",
    "out_position_value",
    "out_risk_margin",
    "out_var",
    "out_es",
    "out_carry",
    "out_fx",
    "out_cross",
    "out_total",
    "out_total_simple",
    "out_net",
    "out_margin",
    "out_stop_fx_loss",
    "out_payoff_pnl",
    "out_asset_pnl",
    "out_scenario_grid",
    "out_scenario_grid_rates",
    "out_history_pnl",
    "out_history_equity",
    "out_history_final_pnl",
    "out_history_worst_pnl",
}
SPOTS = {
    "out_breakeven_spot",
    "out_forward",
    "out_payoff_spots",
    "out_stop_spot",
    "out_scenario_breakeven_spot",
    "out_scenario_breakeven_spot_rates",
    "out_scenario_end_spots",
    "out_margin_call_spot",
    "out_risk_stop_spot",
    "out_stop_out_spot",
    "out_forward_held",
    "out_breakeven_spot_net",
}
PIPS = {"out_move_pips", "out_forward_points", "out_stop_pips"}


def _book_scale(name: str, inputs: dict[str, Any]) -> float:
    """A book's money is on the scale of its largest tranche cost; ratios on 1."""
    if not name.startswith(("out_pf_", "out_tr_", "out_book_", "out_fx_")):
        return 1.0
    amounts, rates = inputs["in_tr_amount"], inputs["in_tr_rate"]
    return max(a * r for a, r in zip(amounts, rates, strict=True) if a is not None)


def _scale(name: str, inputs: dict[str, Any]) -> float:
    if name in MONEY:
        if "in_notional" in inputs:
            return float(inputs["in_notional"])
        if "in_equity" in inputs:
            return float(inputs["in_equity"])
        return float(inputs["in_lots"] * inputs["in_lot_size"] * inputs["in_spot"])
    if name in SPOTS:
        return float(inputs.get("in_spot_start", inputs.get("in_spot", 1.0)))
    if name in PIPS:
        return float(inputs["in_spot_start"]) * 10_000
    return 1.0


def _pair_and_funding(rng: np.random.Generator) -> tuple[str, str]:
    pair = str(rng.choice(PAIRS))
    return pair, pair[:3] if rng.random() < 0.5 else pair[4:]


def _month_end(day: dt.datetime) -> dt.datetime:
    following = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return following - dt.timedelta(days=1)


def random_calculator(rng: np.random.Generator) -> dict[str, Any]:
    pair, funding = _pair_and_funding(rng)
    s0 = float(np.exp(rng.uniform(np.log(0.3), np.log(200))))
    start = dt.datetime(2020, 1, 1) + dt.timedelta(days=int(rng.integers(0, 2500)))
    end = start + dt.timedelta(days=int(rng.integers(1, 1200)))
    notional = float(np.round(np.exp(rng.uniform(np.log(1e3), np.log(1e9))), 2))
    leverage, call_level = rng.uniform(1, 50), rng.uniform(0.5, 1.5)
    dated = bool(rng.random() < 0.5)
    # Month ends (the 31st, end of February) exercise the 30/360 rules.
    if rng.random() < 0.4:
        start = _month_end(start)
    if rng.random() < 0.4:
        end = max(_month_end(end), start + dt.timedelta(days=1))
    return {
        "in_pair": pair,
        "in_funding": funding,
        "in_notional": notional,
        "in_spot_start": s0,
        "in_spot_end": s0 * (1 + rng.uniform(-0.25, 0.25)),
        "in_rate_target": rng.uniform(-0.005, 0.5),
        "in_rate_funding": rng.uniform(-0.0075, 0.1),
        "in_years": rng.uniform(1 / 365, 3),
        "in_costs": rng.uniform(0, 5000),
        "in_leverage": leverage,
        "in_equity": notional / leverage * call_level * rng.uniform(1.2, 5),
        "in_margin_call_level": call_level,
        "in_stop_loss": rng.uniform(0.01, 0.1),
        # both dates (they set each leg's year fraction) or neither (the holding period)
        "in_start_date": start if dated else None,
        "in_end_date": end if dated else None,
        "in_rates_day_count": [str(rng.choice(DAY_COUNTS)) for _ in RATE_EXAMPLES],
    }


def random_asset(rng: np.random.Generator) -> dict[str, Any]:
    codes = [code for code, *_ in RATE_EXAMPLES]
    return {
        "in_funding": str(rng.choice(codes)),
        "in_foreign": str(rng.choice(codes)),
        "in_notional": rng.uniform(1e3, 1e9),
        "in_asset_return": rng.uniform(-0.6, 1.5),
        "in_fx_move": rng.uniform(-0.4, 0.6),
        "in_local_return": rng.uniform(-0.6, 1.5),
        "in_rate_funding": rng.uniform(-0.0075, 0.1),
        "in_years": rng.uniform(1 / 365, 3),
        "in_move_convention": str(rng.choice(["quote", "value"])),
    }


def random_scenarios(rng: np.random.Generator) -> dict[str, Any]:
    pair, funding = _pair_and_funding(rng)
    return {
        "in_pair": pair,
        "in_funding": funding,
        "in_notional": rng.uniform(1e3, 1e9),
        "in_spot_start": float(np.exp(rng.uniform(np.log(0.3), np.log(200)))),
        "in_rate_target": rng.uniform(-0.005, 0.5),
        "in_rate_funding": rng.uniform(-0.0075, 0.1),
        "in_years": rng.uniform(1 / 365, 3),
        "in_scenario_moves": sorted(rng.uniform(-0.3, 0.3, len(scenarios.MOVES)).tolist()),
        "in_scenario_years": [random_tenor(rng) for _ in scenarios.TENORS],
        "in_scenario_rate_shifts": rng.uniform(-0.005, 0.05, len(scenarios.RATE_SHIFTS)).tolist(),
    }


def random_tenor(rng: np.random.Generator) -> str:
    """A holding period as a trader types it: 1-60 days or weeks, 1-36 months, 1-5 years,
    in either case."""
    unit = str(rng.choice(["D", "W", "M", "Y", "d", "m"]))
    most = {"D": 60, "W": 60, "M": 36, "Y": 5}[unit.upper()]
    return f"{int(rng.integers(1, most + 1))}{unit}"


def random_swap(rng: np.random.Generator) -> dict[str, Any]:
    pair = str(rng.choice(PAIRS))
    form = str(rng.choice(["points", "pips", "money per lot", "percent a year"]))
    quote = {"points": 200.0, "pips": 20.0, "money per lot": 50.0, "percent a year": 0.1}[form]
    open_date = dt.datetime(2020, 1, 1) + dt.timedelta(days=int(rng.integers(0, 2500)))
    close_date = open_date + dt.timedelta(days=int(rng.integers(1, 80)))  # ledger's rows
    span = (close_date - open_date).days + 10
    count = int(rng.integers(0, swap.HOLIDAY_ROWS + 1))
    days = sorted({open_date + dt.timedelta(days=int(d)) for d in rng.integers(0, span, count)})
    return {
        "in_pair": pair,
        "in_side": str(rng.choice(["long", "short"])),
        "in_lots": float(rng.uniform(0.1, 10)),
        "in_lot_size": float(rng.choice([1_000, 10_000, 100_000])),
        "in_spot": float(np.exp(rng.uniform(np.log(0.3), np.log(200)))),
        "in_swap_quote": float(rng.uniform(-quote, quote)),
        "in_swap_form": form,
        "in_basis": int(rng.choice([360, 365])),
        "in_to_account": float(rng.choice([1.0, rng.uniform(0.005, 2)])),
        "in_open_date": open_date,
        "in_close_date": close_date,
        "in_triple_day": str(rng.choice(["auto", "auto", "Mon", "Tue", "Wed", "Thu", "Fri"])),
        "in_rate_base": float(rng.uniform(-0.005, 0.2)),
        "in_rate_quote": float(rng.uniform(-0.005, 0.2)),
        "in_holidays": days + [None] * (swap.HOLIDAY_ROWS - len(days)),
    }


def random_risk(rng: np.random.Generator) -> dict[str, Any]:
    while True:
        pair, _ = _pair_and_funding(rng)
        call = float(rng.uniform(0.5, 1.5))
        inputs = {
            "in_pair": pair,
            "in_side": str(rng.choice(["long", "short"])),
            "in_spot_start": float(np.exp(rng.uniform(np.log(0.3), np.log(200)))),
            "in_equity": float(rng.uniform(1e4, 1e7)),
            "in_risk_fraction": float(rng.uniform(0.001, 0.05)),
            "in_stop_pips": float(rng.uniform(5, 500)),
            "in_leverage": float(rng.uniform(1, 100)),
            "in_margin_call_level": call,
            "in_stop_out_level": call * float(rng.uniform(0.2, 0.9)),
            "in_swap_per_day": float(rng.uniform(-500, 500)),
            "in_volatility": float(rng.uniform(0.03, 0.4)),
            "in_horizon_days": float(rng.uniform(1, 252)),
            "in_confidence": float(rng.uniform(0.9, 0.999)),
            "in_expected_return": float(rng.uniform(-0.05, 0.1)),
            "in_rate_target": float(rng.uniform(-0.005, 0.5)),
            "in_rate_funding": float(rng.uniform(-0.0075, 0.1)),
            "in_years": float(rng.uniform(0.05, 3)),
            "in_drift": float(rng.uniform(-0.1, 0.1)),
        }
        try:
            expect_risk(inputs)  # the core refuses equity already below the call level
        except CarryxlError:
            continue
        return inputs


def random_history(rng: np.random.Generator) -> dict[str, Any]:
    return {
        "in_notional": float(rng.uniform(1e3, 1e9)),
        "in_rate_target": float(rng.uniform(-0.005, 0.5)),
        "in_rate_funding": float(rng.uniform(-0.0075, 0.1)),
        "in_leverage": float(rng.uniform(1, 30)),
        "in_margin_call_level": float(rng.uniform(0.3, 1.5)),
        "in_stop_out_level": float(rng.uniform(0.1, 1.0)),
    }


def random_portfolio(rng: np.random.Generator) -> dict[str, Any]:
    """1-12 positions of 1-5 tranches (no more than the tranche table holds), long and
    short, negative rates, any correlations."""
    n = int(rng.integers(1, portfolio.POSITIONS + 1))
    most = min(5, portfolio.TRANCHES // n)  # 12 positions of 5 would overflow its 36 rows
    value = dt.datetime(2020, 1, 1) + dt.timedelta(days=int(rng.integers(0, 2000)))
    pad = [None] * (portfolio.POSITIONS - n)
    spots = np.exp(rng.uniform(np.log(0.3), np.log(200), n))
    a = rng.normal(size=(n, n + int(rng.integers(0, 3))))
    cov = a @ a.T
    corr = np.eye(portfolio.POSITIONS)
    corr[:n, :n] = cov / np.sqrt(np.outer(np.diag(cov), np.diag(cov)))
    np.fill_diagonal(corr, 1.0)
    tranches = [
        (
            j + 1,
            int(rng.integers(0, 400)),
            float(spots[j] * rng.uniform(0.85, 1.15)),
            float(rng.uniform(1e3, 1e6)),
        )
        for j in range(n)
        for _ in range(int(rng.integers(1, most + 1)))
    ]
    rng.shuffle(tranches)  # a position's tranches need not be together
    empty = [None] * (portfolio.TRANCHES - len(tranches))
    return {
        "in_account": str(rng.choice(portfolio.CURRENCIES)),
        "in_valuation_date": value,
        "in_window_start": value - dt.timedelta(days=365),
        "in_window_end": value,
        "in_confidence": float(rng.uniform(0.9, 0.999)),
        "in_horizon_days": float(rng.uniform(1, 252)),
        "in_tax_interest": float(rng.uniform(0, 0.45)),
        "in_tax_fx": float(rng.uniform(0, 0.45)),
        "in_tax_offset": str(rng.choice(portfolio.OFFSETS)),
        "in_concentration_threshold": float(rng.uniform(0.3, 0.8)),
        "in_pf_pair": [str(rng.choice(PAIRS)) for _ in range(n)] + pad,
        "in_pf_side": [str(rng.choice(["long", "short"])) for _ in range(n)] + pad,
        "in_pf_spot": [float(s) for s in spots] + pad,
        "in_pf_rate_base": rng.uniform(-0.0075, 0.5, n).tolist() + pad,
        "in_pf_rate_quote": rng.uniform(-0.0075, 0.5, n).tolist() + pad,
        "in_pf_basis_base": [int(rng.choice([360, 365])) for _ in range(n)] + pad,
        "in_pf_basis_quote": [int(rng.choice([360, 365])) for _ in range(n)] + pad,
        "in_pf_stop_loss": rng.uniform(0.01, 0.1, n).tolist() + pad,
        "in_pf_leverage": rng.uniform(1, 50, n).tolist() + pad,
        "in_pf_to_account": np.exp(rng.uniform(np.log(0.002), np.log(200), n)).tolist() + pad,
        "in_pf_volatility": rng.uniform(0.03, 0.4, n).tolist() + pad,
        "in_pf_swap_rate": rng.uniform(-40, 25, n).tolist() + pad,
        "in_lot_size": float(rng.choice([1_000, 10_000, 100_000])),
        "in_correlation": [float(x) for x in corr.ravel()],
        "in_tr_position": [t[0] for t in tranches] + empty,
        "in_tr_date": [value - dt.timedelta(days=t[1]) for t in tranches] + empty,
        "in_tr_rate": [t[2] for t in tranches] + empty,
        "in_tr_amount": [t[3] for t in tranches] + empty,
    }


RANDOM = {
    "calculator": random_calculator,
    "asset_carry": random_asset,
    "scenarios": random_scenarios,
    "swap": random_swap,
    "risk": random_risk,
    "history": random_history,
    "portfolio": random_portfolio,
}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Write every file, convert them all in one soffice call, and say what each holds."""
    src = tmp_path_factory.mktemp("src")
    out = tmp_path_factory.mktemp("out")
    templates: dict[tuple[str, str, str], Path] = {}
    for kind, lang, mode in every_template():
        path = src / default_filename(kind, lang, mode)
        path.write_bytes(workbook_bytes(kind, lang, mode))
        templates[(kind, lang, mode)] = path
    rng = np.random.default_rng(20241128)
    cases: list[tuple[str, dict[str, Any], Path]] = []
    langs: dict[Path, str] = {}
    for kind, make in RANDOM.items():
        for i in range(RANDOM_SETS):
            lang = "zh" if i % 4 == 3 else "en"
            inputs = in_language(make(rng), lang)
            path = src / f"{kind}_random_{i:02d}.xlsx"
            write_inputs(templates[(kind, lang, "native")], inputs, path)
            cases.append((kind, inputs, path))
            langs[path] = lang
    tenors = src / "tenors.xlsx"
    tenor_workbook(tenors)
    injection = src / "injection.xlsx"
    wb = openpyxl.Workbook()
    for row, text in enumerate(INJECTION, start=1):
        put_text(wb.active.cell(row, 1), text)
    wb.save(injection)
    # AUD/JPY "funded" in USD, in both languages: one message, the results blank
    foreign = {lang: src / f"calculator_usd_funding_{lang}.xlsx" for lang in ("en", "zh")}
    for lang, path in foreign.items():
        write_inputs(templates[("calculator", lang, "native")], {"in_funding": "USD"}, path)
    sources = [*templates.values(), *(p for *_, p in cases), injection, tenors, *foreign.values()]
    targets = convert_many(sources, "xlsx", out)
    return {
        "templates": templates,
        "cases": cases,
        "injection": injection,
        "tenors": tenors,
        "foreign": foreign,
        "out": targets,
        "langs": langs,
    }


def _load(converted: dict[str, Any], source: Path) -> Any:
    return openpyxl.load_workbook(converted["out"][source], data_only=True)


def in_language(inputs: dict[str, Any], lang: str) -> dict[str, Any]:
    """``inputs`` with the words of the drop-downs (sides, tax offset, swap form, triple
    day, move convention) in the words of a ``lang`` workbook (it offers only those)."""
    words = {
        "within position": {"en": "within position", "zh": "仓位内互抵"},
        "separate": {"en": "separate", "zh": "分别计税"},
    }
    lists = {
        "in_side": "=list_sides",
        "in_pf_side": "=list_sides",
        "in_swap_form": "=list_swap_forms",
        "in_triple_day": "=list_triple_days",
        "in_move_convention": "=list_move_conventions",
    }

    def word(name: str, value: Any) -> Any:
        if isinstance(value, str) and value in words:
            return words[value][lang]
        return in_book_words(lists.get(name), value, lang)

    translated = dict(inputs)
    for name in (*lists, "in_tax_offset"):
        if name in inputs:
            value = inputs[name]
            translated[name] = (
                [word(name, v) for v in value] if isinstance(value, list) else word(name, value)
            )
    return translated


def _check(
    kind: str, inputs: dict[str, Any], wb: Any, sheet: str | None = None, lang: str = "en"
) -> None:
    if kind in ("portfolio", "swap"):  # words that depend on the book's language
        expected = (expect_portfolio if kind == "portfolio" else expect_swap)(inputs, lang)
    else:
        expected = EXPECT[kind](inputs)
    for name, value in expected.items():
        actual = values(wb, name, sheet)
        scale = _book_scale(name, inputs) if "in_pf_pair" in inputs else _scale(name, inputs)
        assert close(actual, value, scale), (
            f"{kind} {name}: LibreOffice {actual!r}, core {value!r}, inputs {inputs!r}"
        )
    if kind == "calculator":
        _check_stop(inputs, wb)
        _check_breakeven_after_costs(inputs, wb)
    if kind == "scenarios":
        _check_end_spots(inputs, wb)


def _check_stop(inputs: dict[str, Any], wb: Any) -> None:
    """The stop-loss spot is where the core's FX return is minus the stop."""
    pair = Pair.parse(inputs["in_pair"])
    orientation = pair.orientation(Currency.parse(inputs["in_funding"]))
    s0, stop_spot = inputs["in_spot_start"], values(wb, "out_stop_spot")
    assert close(float(fx_return(s0, stop_spot, orientation)), -inputs["in_stop_loss"], 1.0)
    pips = (stop_spot - s0) / pair.pip_size()
    assert close(values(wb, "out_stop_pips"), pips, s0 * 10_000)


def _check_breakeven_after_costs(inputs: dict[str, Any], wb: Any) -> None:
    """At the break-even end spot after costs, the core's P&L less costs is zero."""
    pair = Pair.parse(inputs["in_pair"])
    orientation = pair.orientation(Currency.parse(inputs["in_funding"]))
    t, tf, _held = calculator_period(inputs, str(pair.other(inputs["in_funding"])))
    pnl = carry_pnl(
        inputs["in_notional"],
        inputs["in_spot_start"],
        values(wb, "out_breakeven_spot_net"),
        inputs["in_rate_target"],
        inputs["in_rate_funding"],
        t,
        orientation,
        tf,
        costs=inputs["in_costs"],
    )
    assert close(float(pnl), 0.0, inputs["in_notional"] * 100)


def _check_end_spots(inputs: dict[str, Any], wb: Any) -> None:
    """Each scenario row's end spot moves the target by that row's FX move (core)."""
    orientation = Pair.parse(inputs["in_pair"]).orientation(Currency.parse(inputs["in_funding"]))
    spots = values(wb, "out_scenario_end_spots")
    moves = fx_return(inputs["in_spot_start"], np.array(spots), orientation)
    assert close([float(m) for m in moves], list(inputs["in_scenario_moves"]), 1.0)


def test_libreoffice_opens_every_template_without_errors(converted: dict[str, Any]) -> None:
    for (kind, lang, mode), source in converted["templates"].items():
        wb = _load(converted, source)
        assert len(wb.sheetnames) >= 2, (kind, lang, mode)
        if mode == "udf":
            continue  # opened and saved; carryxl's functions only compute in Excel
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    bad = cell.data_type == "e" or (
                        isinstance(cell.value, str) and cell.value.startswith(("#", "Err:"))
                    )
                    assert not bad, f"{source.name} {ws.title}!{cell.coordinate}: {cell.value}"


def test_every_kind_with_native_formulas_is_proven_here() -> None:
    # a new kind writes its expect_* (tests/workbooks/expected.py) and its seed above
    # statement: its totals are recalculated by LibreOffice in tests/statements
    assert set(EXPECT) == {t.kind for t in TEMPLATES} - {"rates", "statement"}
    assert set(SEEDS) == set(EXPECT)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", sorted(EXPECT))
def test_preloaded_inputs_recalculate_to_the_core(
    converted: dict[str, Any], kind: str, lang: str
) -> None:
    wb = _load(converted, converted["templates"][(kind, lang, "native")])
    _check(kind, in_language(dict(SEEDS[kind]), lang), wb, lang=lang)


def test_preloaded_calculator_is_seed_case_1(converted: dict[str, Any]) -> None:
    """Hand figures from the article: carry 220,000, FX 300,000, exact total 526,750 JPY."""
    wb = _load(converted, converted["templates"][("calculator", "en", "native")])
    assert values(wb, "out_carry") == pytest.approx(10_000_000 * 0.044 * 0.5)
    assert values(wb, "out_fx") == pytest.approx(10_000_000 * 0.03)
    assert values(wb, "out_total_simple") == pytest.approx(520_000)
    assert values(wb, "out_total") == pytest.approx(10_000_000 * (1.03 * 1.0225 - 1.0005))
    assert values(wb, "out_total") == pytest.approx(526_750)
    assert values(wb, "out_breakeven_spot") == pytest.approx(100 * 1.0005 / 1.0225)
    assert values(wb, "out_target") == "AUD"


def test_preloaded_asset_carry_is_november_2024(converted: dict[str, Any]) -> None:
    """The talk: Nasdaq -2.15%, USD/JPY +1.52% gives -0.66% in JPY, against Nikkei -4.35%."""
    wb = _load(converted, converted["templates"][("asset_carry", "en", "native")])
    assert values(wb, "out_asset_before_funding") == pytest.approx(0.9785 * 1.0152 - 1)
    assert round(values(wb, "out_asset_before_funding"), 4) == -0.0066
    assert values(wb, "out_asset_excess") == pytest.approx(0.9785 * 1.0152 - 1 + 0.0435)


@pytest.mark.parametrize("kind", sorted(EXPECT))
def test_random_inputs_recalculate_to_the_core(converted: dict[str, Any], kind: str) -> None:
    cases = [(inputs, path) for k, inputs, path in converted["cases"] if k == kind]
    assert len(cases) == RANDOM_SETS
    for inputs, path in cases:
        _check(kind, inputs, _load(converted, path), lang=converted["langs"][path])


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "funding currency must be AUD or JPY"), ("zh", "融资货币必须是 AUD 或 JPY")],
)
def test_funding_currency_outside_the_pair_gives_one_message(
    converted: dict[str, Any], lang: str, message: str
) -> None:
    """Not #N/A in every result beside a carry in the wrong currency: one plain message,
    and every result that needs the pair's orientation blank."""
    wb = _load(converted, converted["foreign"][lang])
    assert values(wb, "out_pair_check") == message
    for name in ("out_target", "out_carry", "out_total", "out_breakeven_spot", "out_margin"):
        assert values(wb, name) in (None, ""), name
    assert all(v in (None, "") for v in values(wb, "out_payoff_pnl"))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            assert not any(c.data_type == "e" for c in row), ws.title


def test_text_starting_with_formula_characters_stays_text(converted: dict[str, Any]) -> None:
    ws = _load(converted, converted["injection"]).active
    assert [ws.cell(row, 1).value for row in range(1, len(INJECTION) + 1)] == list(INJECTION)
    formulas = openpyxl.load_workbook(converted["out"][converted["injection"]]).active
    assert all(formulas.cell(r, 1).data_type == "s" for r in range(1, len(INJECTION) + 1))


def test_preloaded_swap_is_the_rollover_example(converted: dict[str, Any]) -> None:
    """Long 2 lots USD/JPY, +15 MetaTrader points, 2024-12-23 to 2025-01-06, holidays 25 Dec,
    1 Jan.

    Value dates 2024-12-26 -> 2025-01-08: 13 nights of 15 x 0.001 x 200,000 = 3,000 JPY.
    Night by night: Mon 1; Tue 3 (value Fri 27 -> Mon 30); Thu 1; Fri 2 (value Tue 31 ->
    Thu 2, over New Year's Day); Mon 1; Tue 3 (value Fri 3 -> Mon 6); Thu 1; Fri 1.
    """
    wb = _load(converted, converted["templates"][("swap", "en", "native")])
    assert values(wb, "out_nights_total") == 13
    assert values(wb, "out_swap_per_night") == pytest.approx(15 * 0.001 * 200_000)
    assert values(wb, "out_swap_as_pips") == pytest.approx(1.5)
    assert values(wb, "out_swap_total") == pytest.approx(39_000)
    assert values(wb, "out_swap_implied_rate") == pytest.approx(3_000 / 30_000_000 * 360)
    assert values(wb, "out_ledger_nights")[:9] == [1, 3, 1, 2, 1, 3, 1, 1, None]
    assert values(wb, "out_ledger_total") == pytest.approx(39_000)
    forward = 150 * (1 + 0.001 * 13 / 365) / (1 + 0.05 * 13 / 360)
    assert values(wb, "out_benchmark_swap") == pytest.approx(200_000 * (150 - forward))
    assert values(wb, "out_markup") == pytest.approx(200_000 * (150 - forward) - 39_000)
    assert values(wb, "out_triple_weekday") == "Wed"


def test_preloaded_risk_is_the_sizing_example(converted: dict[str, Any]) -> None:
    """1,000,000 JPY risking 1% with a 50-pip stop on AUD/JPY: 10,000 / (50 x 0.01)."""
    wb = _load(converted, converted["templates"][("risk", "en", "native")])
    assert values(wb, "out_units") == pytest.approx(20_000)
    assert values(wb, "out_risk_stop_spot") == pytest.approx(99.5)
    assert values(wb, "out_risk_margin") == pytest.approx(2_000_000 / 25)
    assert values(wb, "out_margin_call_spot") == pytest.approx(1_000_000 / (20_000 * 0.96))
    assert values(wb, "out_stop_out_spot") == pytest.approx(1_000_000 / (20_000 * 0.98))
    z = NormalDist().inv_cdf(0.99)
    sigma_t = 0.12 * math.sqrt(10 / 252)
    assert values(wb, "out_var") == pytest.approx(2_000_000 * z * sigma_t, rel=1e-9)
    es = 2_000_000 * sigma_t * math.exp(-z * z / 2) / math.sqrt(2 * math.pi) / 0.01
    assert values(wb, "out_es") == pytest.approx(es, rel=1e-9)
    threshold = math.log(1.0005 / 1.0225) + 0.5 * 0.12**2 * 0.5
    probability = NormalDist().cdf(threshold / (0.12 * math.sqrt(0.5)))
    assert values(wb, "out_probability_of_loss") == pytest.approx(probability, rel=1e-9)
    assert values(wb, "out_days_to_margin_call") == "-"  # a positive swap never erodes it


_CELL_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
_NO_SPOT = ("-", "never")


def _udf_matches_native(kind: str, native: Any, udf_book: Any) -> int:
    """Evaluate each udf formula of ``udf_book``'s main sheet in Python with the values
    LibreOffice computed in the native workbook; it must give the native value."""
    sheet = native.worksheets[0]

    def lookup(ref: str) -> Any:
        match = _CELL_REF.match(ref)
        if match:
            return sheet[f"{match.group(1)}{match.group(2)}"].value
        found = cells(native, ref)
        if len({c.column for c in found}) > 1:  # a block (the correlation matrix): rows
            width = len({c.column for c in found})
            flat = [c.value for c in found]
            return [flat[i : i + width] for i in range(0, len(flat), width)]
        return values(native, ref)

    checked = 0
    for row in udf_book.worksheets[0].iter_rows():
        for cell in row:
            value = cell.value
            text = value.text if isinstance(value, ArrayFormula) else value
            if not (isinstance(text, str) and text.startswith("=")):
                continue
            if not any(not is_builtin(name) for name, _ in calls(text)):
                continue  # a plain formula, the same in both modes
            got = evaluate(text, lookup)
            if got is SKIP:
                continue
            if isinstance(value, ArrayFormula):
                first, last = value.ref.split(":")
                want = [c.value for cells_row in sheet[f"{first}:{last}"] for c in cells_row]
                scale = 1e9
            else:
                want, scale = sheet[cell.coordinate].value, 1e6
            where = f"{kind} {cell.coordinate} {text}"
            got = [None if g == "" else g for g in got] if isinstance(got, list) else got
            got = None if got == "" else got  # an empty answer: the native cell is empty
            if want in _NO_SPOT:  # no value: native "-", the function "never" or why not
                assert isinstance(got, str), f"{where}: udf {got!r}, native {want!r}"
            else:
                assert close(got, want, scale, rel=1e-9), f"{where}: udf {got!r}, native {want!r}"
            checked += 1
    return checked


@pytest.mark.parametrize("kind", UDF_KINDS)
def test_udf_formulas_give_the_native_values(converted: dict[str, Any], kind: str) -> None:
    """Each carryxl function call in the udf template, evaluated in Python on the inputs
    and intermediate values LibreOffice computed, equals the native formula's result:
    for the preloaded inputs and every random set."""
    udf_book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(kind, "en", "udf")))
    natives = [converted["templates"][(kind, "en", "native")]]
    natives += [path for k, _inputs, path in converted["cases"] if k == kind]
    counts = [_udf_matches_native(kind, _load(converted, path), udf_book) for path in natives]
    assert min(counts) >= MIN_UDF_CHECKS[kind], counts


# portfolio: one STAGED_POSITION block (12 positions x 5 measures) and the book's 5 calls
MIN_UDF_CHECKS = {
    "calculator": 10,
    "asset_carry": 6,
    "scenarios": 5,
    "swap": 5,
    "risk": 8,
    "portfolio": 1 + 5,
}


def test_preloaded_history_is_the_yen_unwind(converted: dict[str, Any]) -> None:
    """USD/JPY 161.145 on 2024-07-01, 142.240 on 2024-08-05 (ECB); at 10x the position is
    stopped out on 31 July instead of losing more than its margin by 5 August."""
    wb = _load(converted, converted["templates"][("history", "en", "native")])
    assert round(values(wb, "out_history_spots")[0], 3) == 161.145
    dates = values(wb, "out_history_dates")
    x0, x5 = (
        values(wb, "out_history_spots")[0],
        values(wb, "out_history_spots")[dates.index(dt.datetime(2024, 8, 5))],
    )
    assert round(x5, 3) == 142.240
    # The brokers' usual margin call (equity < 100% of the margin): the first fixing where
    # the held P&L is below zero.
    spots = values(wb, "out_history_spots")
    first_loss = next(
        d
        for d, x in zip(dates, spots, strict=True)
        if (n := (d - dates[0]).days) and x / x0 * (1 + 0.0533 * n / 360) < 1 + 0.001 * n / 365
    )
    assert values(wb, "out_history_margin_call_date") == first_loss
    # The broker stops the 10x position out on 31 July (equity < 50% of the margin), so
    # the 5 August loss of the held position, N x (142.240/161.145 x (1 + 0.0533 x 35/360)
    # - (1 + 0.001 x 35/365)), more than the whole margin, is never taken.
    x31 = values(wb, "out_history_spots")[dates.index(dt.datetime(2024, 7, 31))]
    assert values(wb, "out_history_stop_out_date") == dt.datetime(2024, 7, 31)
    assert values(wb, "out_history_stop_out_spot") == pytest.approx(x31, rel=1e-12)
    at_stop = 10_000_000 * (x31 / x0 * (1 + 0.0533 * 30 / 360) - (1 + 0.001 * 30 / 365))
    held = 10_000_000 * (x5 / x0 * (1 + 0.0533 * 35 / 360) - (1 + 0.001 * 35 / 365))
    assert held < -1_000_000 < at_stop
    assert values(wb, "out_history_worst_pnl") == pytest.approx(at_stop, rel=1e-12)
    assert values(wb, "out_history_worst_date") == dt.datetime(2024, 7, 31)
    assert values(wb, "out_history_final_pnl") == pytest.approx(at_stop, rel=1e-12)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_diversified_book_beside_recalculates_to_the_core(
    converted: dict[str, Any], lang: str
) -> None:
    """The second sheet (same formulas, its own sheet-scope names) gives the core's numbers
    for the diversified book, and the first sheet shows its VaR, sum of stand-alone VaRs,
    ratio and concentration beside the yen book's."""
    wb = _load(converted, converted["templates"][("portfolio", lang, "native")])
    sheet = wb.sheetnames[1]
    seed = in_language(dict(portfolio.seed_inputs("diversified")), lang)
    _check("portfolio", seed, wb, sheet, lang)
    expected = expect_portfolio(seed, lang)
    for mine, theirs in (
        ("out_cmp_var", "out_book_var"),
        ("out_cmp_sum_standalone", "out_book_sum_standalone"),
        ("out_cmp_diversification", "out_book_diversification"),
        ("out_cmp_top_funding", "out_book_top_funding"),
        ("out_cmp_top_share", "out_book_top_share"),
        ("out_cmp_concentrated", "out_book_concentrated"),
    ):
        assert close(values(wb, mine), expected[theirs], _book_scale(theirs, seed)), mine
    # the diversified book: a lower VaR than the yen book, a higher ratio, not flagged
    assert values(wb, "out_cmp_var") < 0.8 * values(wb, "out_book_var")
    assert values(wb, "out_cmp_diversification") > values(wb, "out_book_diversification") + 0.1
    assert values(wb, "out_cmp_concentrated") == 0  # a flag: 1/0 shown as yes/no
    assert values(wb, "out_cmp_top_share") < 0.5


def test_preloaded_portfolio_is_one_bet_on_the_yen(converted: dict[str, Any]) -> None:
    """Four yen-funded positions valued on 5 August 2024 with the year's returns to that
    day (no look-ahead): the book's VaR is close to the sum of the positions' VaRs, and
    the whole book is funded in JPY."""
    wb = _load(converted, converted["templates"][("portfolio", "en", "native")])
    assert values(wb, "in_pf_pair")[:4] == ["AUD/JPY", "NZD/JPY", "MXN/JPY", "USD/JPY"]
    assert values(wb, "out_book_var") > 0.85 * values(wb, "out_book_sum_standalone")
    assert 1.0 < values(wb, "out_book_diversification") < 1.15
    assert values(wb, "out_book_top_funding") == "JPY"
    assert values(wb, "out_book_top_share") == pytest.approx(1.0)
    assert values(wb, "out_book_concentrated") == 1
    assert values(wb, "out_book_total") < 0  # valued on 5 August 2024, the low


# What a trader may type as a holding period on the scenarios sheet: the rule takes a whole
# number (1 to 9999, no sign, point, exponent, leading zero or space) and D, W, M or Y.
TENOR_TEXTS = (
    "1W",
    "1M",
    "3M",
    "6M",
    "1Y",
    "2Y",
    "90D",
    "6m",
    "2w",
    "18M",
    "9999Y",
    "9999D",
    "1.5M",
    "1E3M",
    "M",
    "0M",
    "6X",
    "-1M",
    "+1M",
    "1Y6M",
    "6 M",
    " 6M",
    "06M",
    "10000D",
    "ON",
    "",
)
_TAKEN = re.compile(r"[1-9][0-9]{0,3}[DWMYdwmy]")


def tenor_workbook(path: Path) -> None:
    """Each text in column A, the template's validation formula on it in B, its year
    fraction in C (the scenarios sheet's native formulas)."""
    wb = openpyxl.Workbook()
    for row, text in enumerate(TENOR_TEXTS, start=1):
        put_text(wb.active.cell(row, 1), text)
        wb.active.cell(row, 2).value = "=" + tenor_check(f"A{row}")
        wb.active.cell(row, 3).value = tenor_years(f"A{row}", "native")
    wb.save(path)


def test_the_tenor_rule_and_years_agree_with_the_core(converted: dict[str, Any]) -> None:
    """LibreOffice takes exactly the texts of the rule, and each one's years are the
    core's tenor_year_fraction (ACT/365F); the rule refuses what the years cannot read."""
    ws = _load(converted, converted["tenors"]).active
    accepted = {text: ws.cell(row, 2).value for row, text in enumerate(TENOR_TEXTS, start=1)}
    assert accepted == {text: bool(_TAKEN.fullmatch(text)) for text in TENOR_TEXTS}
    assert sum(accepted.values()) == 12
    for row, text in enumerate(TENOR_TEXTS, start=1):
        if accepted[text]:
            years = ws.cell(row, 3).value
            assert years == pytest.approx(tenor_year_fraction(text), rel=1e-12), text
