"""``carryxl swap``, ``carryxl risk`` and the costs line of ``carryxl calc``, through main()."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from carryxl.cli import main
from tests.command_lines import SEED1


def _json(capsys, argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# --- calc ------------------------------------------------------------------------------------


def test_calc_without_costs_keeps_the_seed_numbers(capsys):
    r = _json(capsys, SEED1)
    assert r["exact"]["total"] == pytest.approx(526_750)
    assert r["simple"]["total"] == pytest.approx(520_000)
    assert r["exact"]["costs"] == 0.0
    # Existing keys are all still there.
    assert {"carry", "fx", "cross", "total", "return"} <= set(r["exact"])
    assert main(SEED1) == 0
    text = capsys.readouterr().out
    lines = {line.split("  ")[0].strip(): line.split() for line in text.splitlines()}
    assert lines["costs (JPY)"][-2:] == ["0", "0"]
    assert lines["total (JPY)"][-2:] == ["520,000", "526,750"]


def test_calc_with_spread_commission_and_markup(capsys):
    # 2-pip spread both ways on 100,000 AUD: 2,000 JPY; 1 lot at 500 JPY a side: 1,000 JPY;
    # funding markup 1% for 0.5y on 10,000,000: 50,000 JPY. Costs 53,000:
    # exact 526,750 - 53,000 = 473,750; simple 520,000 - 53,000 = 467,000.
    argv = [*SEED1, "--spread-pips", "2", "--commission-per-lot", "500", "--markup-funding", "1%"]
    r = _json(capsys, argv)
    # Costs carry the sign of their effect: negative, and total = carry + fx + cross + costs.
    assert r["costs"]["spread"] == pytest.approx(-2_000)
    assert r["costs"]["commission"] == pytest.approx(-1_000)
    assert r["costs"]["markup_exact"] == pytest.approx(-50_000)
    assert r["exact"]["costs"] == pytest.approx(-53_000)
    assert r["exact"]["total"] == pytest.approx(473_750)
    e = r["exact"]
    assert e["carry"] + e["fx"] + e["cross"] + e["costs"] == pytest.approx(e["total"])
    assert r["simple"]["total"] == pytest.approx(467_000)
    # ρ * 10,225,000 = 10,005,000 + 50,000 + 2,000 + 1,000 -> S1 = 100 ρ.
    assert r["breakeven_spot_after_costs"] == pytest.approx(100 * 10_058_000 / 10_225_000)
    # A target markup of 0.5% costs 1.03 * 0.5% * 0.5 * 10m = 25,750 exact, 25,000 simple.
    r2 = _json(capsys, [*SEED1, "--markup-target", "0.5%"])
    assert r2["exact"]["costs"] == pytest.approx(-25_750)
    assert r2["simple"]["costs"] == pytest.approx(-25_000)
    # The text report itemises the costs when there are any.
    assert main([*SEED1, "--spread-pips", "2", "--markup-target", "0.5%"]) == 0
    text = capsys.readouterr().out
    assert (
        "costs (JPY): spread -2,000, commission 0, rate markup -25,750 exact / -25,000 simple"
        in text
    )
    assert "costs (JPY)             -27,000   -27,750" in text
    # Break-even after costs: ρ (10,225,000 - 25,000) = 10,005,000 + 2,000:
    # 100 * 10,007,000 / 10,200,000 = 98.10784.
    assert "break-even end spot after costs 98.1078" in text


# --- swap ------------------------------------------------------------------------------------


def test_swap_nights_only(capsys):
    r = _json(
        capsys, ["swap", "--pair", "USD/JPY", "--open", "2025-01-06", "--close", "2025-01-20"]
    )
    # Value Wed 8 Jan -> Wed 22 Jan: 14 nights; triple Wednesday from T+2.
    assert r["nights"] == 14
    assert r["value_open"] == "2025-01-08"
    assert r["value_close"] == "2025-01-22"
    assert r["triple_day"] == "Wed"
    assert "swap_per_night" not in r


def test_swap_points_with_benchmark_and_ledger(capsys):
    argv = [
        "swap",
        "--pair",
        "USD/JPY",
        "--open",
        "2025-01-06",
        "--close",
        "2025-01-20",
        "--quote",
        "15",
        "--form",
        "points",
        "--lots",
        "2",
        "--spot",
        "150",
        "--rate-base",
        "5%",
        "--rate-quote",
        "0.1%",
        "--ledger",
    ]
    r = _json(capsys, argv)
    # MetaTrader points: 15 * 0.001 * 200,000 = 3,000 JPY a night, 14 nights = 42,000 JPY.
    assert (r["digits"], r["point_size"]) == (3, 0.001)
    assert r["swap_per_night"] == pytest.approx(3_000)
    assert r["swap_total"] == pytest.approx(42_000)
    assert r["implied_rate"] == pytest.approx(0.036)
    # Benchmark over 14 nights: 200,000 * (150 - F14),
    # F14 = 150 (1 + 0.001*14/365) / (1 + 0.05*14/360).
    f14 = 150 * (1 + 0.001 * 14 / 365) / (1 + 0.05 * 14 / 360)
    bench = 200_000 * (150 - f14)
    assert r["benchmark_total"] == pytest.approx(bench)
    assert r["markup_total"] == pytest.approx(bench - 42_000)
    assert r["markup_rate"] == pytest.approx((bench - 42_000) / 30_000_000 * 360 / 14)
    # On the settlement calendars (worked by hand): Mon 13 is Coming of Age Day (JPY), so it
    # has no rollover and Thu 9 settles Tue 14; Mon 20 is Martin Luther King Day (USD only),
    # so Thu 16 (T+1 Fri 17) and Fri 17 (T+1 Mon 20, a JPY day) both settle Tue 21.
    # Value dates 8, 9, 10, 14, 15, 16, 17, 21, 21, then 22 for the close: 14 nights.
    nights = [row["nights"] for row in r["ledger"]]
    days = [int(row["trade_date"][-2:]) for row in r["ledger"]]
    assert days == [6, 7, 8, 9, 10, 14, 15, 16, 17]
    assert nights == [1, 1, 4, 1, 1, 1, 4, 0, 1]
    assert r["calendars"].startswith("settlement calendars (USD XFED, JPY JP")
    assert r["ledger"][-1]["cumulative"] == pytest.approx(42_000)
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "nights: 14" in text
    assert "swap per night (JPY): 3,000" in text
    assert "2025-01-08  Wed  2025-01-10       4      12,000      18,000" in text
    # weekends only (--no-calendars): the plain T+2 week, Wednesday's triple
    r = _json(capsys, [*argv, "--no-calendars"])
    assert [row["nights"] for row in r["ledger"]] == [1, 1, 3, 1, 1, 1, 1, 3, 1, 1]
    assert r["calendars"] == "weekends and --holidays only"


def test_swap_percent_quote_with_holiday_and_override(capsys):
    argv = [
        "swap",
        "--pair",
        "USD/TRY",
        "--open",
        "2025-01-06",
        "--close",
        "2025-01-13",
        "--quote=-2%",
        "--form",
        "percent",
        "--spot",
        "32",
        "--holidays",
        "2025-01-09",
    ]
    r = _json(capsys, argv)
    # T+1 with Thu 9 a holiday: value Tue 7 -> Tue 14 = 7 nights; -0.02 * 3,200,000 / 360.
    assert r["spot_lag"] == 1
    assert r["triple_day"] == "Thu"
    assert r["nights"] == 7
    assert r["swap_per_night"] == pytest.approx(-0.02 * 3_200_000 / 360)
    assert r["swap_total"] == pytest.approx(-0.02 * 3_200_000 / 360 * 7)
    # Business days Mon 6, Tue 7, Wed 8, Fri 10; value dates (T+1, Thu 9 a holiday):
    # Mon 6 -> Tue 7, Tue 7 -> Wed 8, Wed 8 -> Fri 10, Fri 10 -> Mon 13, Mon 13 -> Tue 14.
    # Settlement rule: Mon 1, Tue 2 (the holiday), Wed 3 (the weekend), Fri 1 = 7.
    # A broker charging the weekend on Mondays: Mon 1 + 2 = 3, Tue 2, Wed 3 - 2 = 1, Fri 1.
    r1 = _json(capsys, [*argv, "--ledger"])
    assert [(e["weekday"], e["nights"]) for e in r1["ledger"]] == [
        ("Mon", 1),
        ("Tue", 2),
        ("Wed", 3),
        ("Fri", 1),
    ]
    r2 = _json(capsys, [*argv, "--triple-day", "Mon", "--ledger"])
    assert r2["triple_day_source"] == "override"
    assert r2["nights"] == 7
    assert [(e["weekday"], e["nights"]) for e in r2["ledger"]] == [
        ("Mon", 3),
        ("Tue", 2),
        ("Wed", 1),
        ("Fri", 1),
    ]


# --- risk ------------------------------------------------------------------------------------


def test_risk_sizing_margin_and_var(capsys):
    argv = [
        "risk",
        "--pair",
        "AUD/JPY",
        "--spot",
        "100",
        "--equity",
        "1000000",
        "--risk",
        "1%",
        "--stop-pips",
        "300",
        "--leverage",
        "25",
        "--vol",
        "12%",
        "--horizon-days",
        "10",
        "--rate-base",
        "4.5%",
        "--rate-quote",
        "0.1%",
    ]
    r = _json(capsys, argv)
    # Budget 1% of 1,000,000 = 10,000 JPY; 300 pips * 0.01 = 3 JPY a unit -> 3,333.33 AUD,
    # 0.0333 lots: the broker's 0.01-lot steps take 0.03 lots = 3,000 AUD.
    assert r["units_unrounded"] == pytest.approx(10_000 / 3)
    assert r["units"] == pytest.approx(3_000)
    assert r["pip_value"] == pytest.approx(3_000 * 0.01)
    assert r["stop_spot"] == pytest.approx(97.0)
    assert r["loss_at_stop"] == pytest.approx(9_000)
    assert r["margin"] == pytest.approx(3_000 * 100 * 0.04)
    # The position cannot lose 1,000,000 JPY: never called.
    assert r["margin_call_spot"] is None
    assert r["carry_to_vol"] == pytest.approx(0.044 / 0.12)


def test_risk_margin_call_and_swap_days(capsys):
    argv = [
        "risk",
        "--pair",
        "AUD/JPY",
        "--spot",
        "100",
        "--units",
        "100000",
        "--equity",
        "1000000",
        "--leverage",
        "25",
        "--swap-per-day=-500",
    ]
    r = _json(capsys, argv)
    assert r["margin"] == pytest.approx(400_000)
    assert r["margin_call_spot"] == pytest.approx(93.75)
    assert r["stop_out_spot"] == pytest.approx(9_000_000 / 98_000)
    # (1,000,000 - 400,000) / 500 = 1,200 days.
    assert r["days_to_margin_call"] == pytest.approx(1_200)
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "93.75" in text
    assert "1200.0" in text


def test_risk_in_a_base_currency_account(capsys):
    # Short 100,000 USD/TRY (long TRY) at 32 in a USD account: pip 0.0001 TRY = 0.0001/32 USD
    # a unit -> 0.3125 USD a pip.
    argv = [
        "risk",
        "--pair",
        "USD/TRY",
        "--spot",
        "32",
        "--side",
        "short",
        "--units",
        "100000",
        "--account",
        "base",
    ]
    r = _json(capsys, argv)
    assert r["account"] == "USD"
    assert r["pip_value"] == pytest.approx(100_000 * 0.0001 / 32)


def test_bad_input_is_one_line_naming_the_argument(capsys):
    assert main(["risk", "--pair", "AUD/JPY", "--spot", "100"]) == 2
    assert "units" in capsys.readouterr().err
    assert main(["swap", "--pair", "USD/JPY", "--open", "2025-01-10", "--close", "2025-01-06"]) == 2
    assert "close_date" in capsys.readouterr().err
    bad_form = [
        "swap",
        "--pair",
        "USD/JPY",
        "--open",
        "2025-01-06",
        "--close",
        "2025-01-07",
        "--quote",
        "1",
        "--form",
        "bananas",
    ]
    assert main(bad_form) == 2
    assert "form" in capsys.readouterr().err
    assert main([*SEED1, "--spread-pips", "-1"]) == 2
    assert "spread_entry_pips" in capsys.readouterr().err


def test_risk_in_a_third_currency_account(capsys):
    # AUD/JPY in a CNY account at 0.048 CNY per JPY: 100,000 units * 0.01 * 0.048 = 48 CNY
    # a pip; margin 1:20 = 100,000 * 100 * 5% * 0.048 = 24,000 CNY.
    argv = [
        "risk",
        "--pair",
        "AUD/JPY",
        "--spot",
        "100",
        "--units",
        "100000",
        "--account",
        "CNY",
        "--to-account",
        "0.048",
        "--leverage",
        "20",
    ]
    r = _json(capsys, argv)
    assert r["account"] == "CNY"
    assert r["pip_value"] == pytest.approx(48.0)
    assert r["margin"] == pytest.approx(24_000.0)
    # Budget 4,800 CNY with a 100-pip stop: 4,800 / (100 * 0.01 * 0.048) = 100,000 units.
    sized = [
        "risk",
        "--pair",
        "AUD/JPY",
        "--spot",
        "100",
        "--risk-budget",
        "4800",
        "--stop-pips",
        "100",
        "--account",
        "CNY",
        "--to-account",
        "0.048",
    ]
    assert _json(capsys, sized)["units"] == pytest.approx(100_000)
    assert main([*argv[:-4], "--account", "JPY", "--to-account", "2"]) == 2
    assert "to_account" in capsys.readouterr().err
    assert main(argv[:9]) == 2  # a third currency without --to-account
    assert "to_account" in capsys.readouterr().err


DOCS = Path(__file__).resolve().parents[2] / "docs" / "desk.md"


@pytest.mark.parametrize(
    "block",
    [
        b
        for b in re.findall(r"```text\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
        if b.startswith("$ carryxl ")
    ],
)
def test_docs_examples_are_todays_output(capsys, block):
    command, shown = block.split("\n", 1)
    assert main(shlex.split(command)[2:]) == 0
    assert capsys.readouterr().out == shown


def test_swap_points_pips_and_a_warning_far_from_the_rate_differential(capsys):
    base = ["swap", "--pair", "USD/JPY", "--open", "2024-11-25", "--close", "2024-11-26"]
    rates = ["--spot", "150", "--rate-base", "4.625%", "--rate-quote", "0.25%"]
    # 15.3 platform points on 3-digit USD/JPY: 15.3 x 0.001 x 100,000 = 1,530 JPY a night.
    r = _json(capsys, [*base, "--quote", "15.3", "--form", "points", *rates])
    assert r["swap_per_night"] == pytest.approx(1_530)
    assert r["implied_rate"] == pytest.approx(1_530 / 15_000_000 * 360)
    assert "warning" not in r  # 3.67% beside a 4.375% differential
    # The same figure read as pips is ten times that: 36.72%, far from 4.375%: warned.
    r = _json(capsys, [*base, "--quote", "15.3", "--form", "pips", *rates])
    assert r["swap_per_night"] == pytest.approx(15_300)
    assert r["rate_differential"] == pytest.approx(0.04375)
    assert "far from the rate differential" in r["warning"]
    assert main([*base, "--quote", "15.3", "--form", "pips", *rates]) == 0
    assert "warning: the implied rate 36.72%" in capsys.readouterr().out
    # A broker's 2-digit symbol: --digits 2 makes a point 0.01.
    r = _json(capsys, [*base, "--quote", "15.3", "--digits", "2"])
    assert r["swap_per_night"] == pytest.approx(15_300)


def test_a_size_from_a_risk_budget_is_rounded_down_to_the_lot_step(capsys):
    # 1% of 1,000,000 JPY over a 30-pip stop on AUD/JPY: 10,000 / (30 x 0.01) = 33,333.33
    # AUD = 0.3333 lots; a broker takes 0.01-lot steps: 0.33 lots = 33,000 AUD.
    argv = [
        "risk",
        "--pair",
        "AUD/JPY",
        "--spot",
        "100",
        "--equity",
        "1000000",
        "--risk",
        "1%",
        "--stop-pips",
        "30",
    ]
    r = _json(capsys, argv)
    assert r["units_unrounded"] == pytest.approx(10_000 / 0.3)
    assert r["units"] == pytest.approx(33_000)
    assert r["lots"] == pytest.approx(0.33)
    assert r["loss_at_stop"] == pytest.approx(33_000 * 0.3)  # 9,900: within the budget
    # a 0.1-lot broker: 0.3 lots
    assert _json(capsys, [*argv, "--lot-step", "0.1"])["units"] == pytest.approx(30_000)
    assert main(argv) == 0
    assert "33,333.33 units (0.333333 lots)" in capsys.readouterr().out


def test_calc_names_its_break_even_apart_from_the_dated_forward(capsys):
    # 6M as 0.5 years on both legs: 100 x (1 + 0.001 x 0.5) / (1 + 0.045 x 0.5) = 97.8484.
    r = _json(capsys, SEED1)
    assert r["breakeven_spot"] == pytest.approx(100 * 1.0005 / 1.0225)
    assert r["breakeven_kind"].startswith("the nominal-tenor break-even (6M as 0.5 years")
    assert main(SEED1) == 0
    text = capsys.readouterr().out
    assert "covered-interest-parity forward" not in text
    assert "not the dated forward" in text
