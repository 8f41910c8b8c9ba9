"""What a trader expects to see: money in minor units, VaR horizon in days with its drift,
the probability's model named, the loss at a stop at the stop spot, each leg's day count,
no -0.0 in JSON (issue 11, section 5)."""

from __future__ import annotations

import json
import re

import pytest

from carryxl.cli import main
from carryxl.cli.formatting import money, print_json

RISK = [
    "risk",
    "--pair",
    "AUD/JPY",
    "--spot",
    "100",
    "--units",
    "100000",
    "--equity",
    "1000000",
    "--stop-pips",
    "300",
    "--leverage",
    "25",
    "--vol",
    "12%",
    "--horizon-days",
    "10",
]


def _out(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("value", "currency", "shown"),
    [
        (57_071.675699, "USD", "57,071.68"),
        (17_954.77298, "JPY", "17,955"),
        (-1_640.625, "USD", "-1,640.63"),  # half a cent rounds away from zero
        (-0.001, "USD", "0.00"),  # never "-0.00"
        (-0.4, "JPY", "0"),
        (1_234.5, "KRW", "1,235"),
    ],
)
def test_money_in_minor_units(value: float, currency: str, shown: str) -> None:
    assert money(value, currency) == shown


def test_no_money_figure_in_the_cli_has_more_than_two_decimals(
    capsys: pytest.CaptureFixture[str],
) -> None:
    stress = [
        "stress",
        "--episode",
        "yen2024",
        "--notional",
        "10000000",
        "--leverage",
        "10",
        "--rate-target",
        "5.33%",
        "--rate-funding",
        "0.1%",
    ]
    calc = [
        "calc",
        "--pair",
        "USD/TRY",
        "--funding",
        "USD",
        "--notional",
        "100000",
        "--spot-start",
        "30",
        "--spot-end",
        "32",
        "--rate-target",
        "25%",
        "--rate-funding",
        "5%",
        "--tenor",
        "3M",
    ]
    risk = [*RISK, "--rate-base", "4.5%", "--rate-quote", "0.1%"]
    for argv in (risk, stress, calc):
        text = _out(capsys, argv)
        assert not re.search(r"\d,\d{3}\.\d{3,}", text), text


def test_var_horizon_in_days_and_one_risk_model_with_or_without_rates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 19: risk and portfolio state one model, zero mean; rates don't move the VaR."""
    without = _out(capsys, RISK)
    assert "VaR 99.0% over 10 days (JPY)" in without
    assert "0.03968y" not in without
    assert "parametric normal P&L, zero mean (no carry drift)" in without
    with_rates = _out(capsys, [*RISK, "--rate-base", "4.5%", "--rate-quote", "0.1%"])

    def var_lines(text: str) -> list[list[str]]:
        return [line.split() for line in text.splitlines() if line.startswith(("VaR", "ES"))]

    assert var_lines(without) == var_lines(with_rates)
    assert "probability of loss: lognormal spot" in with_rates
    assert main([*RISK, "--rate-base", "4.5%", "--rate-quote", "0.1%", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["horizon_days"] == 10
    assert r["risk_model"] == "parametric normal P&L, zero mean (no carry drift)"
    assert r["probability_of_loss_model"].startswith("lognormal")


def test_loss_at_the_stop_converts_at_the_stop_spot(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [*RISK[:9], "--stop-pips", "300", "--account", "AUD", "--json"]
    assert main(argv) == 0
    r = json.loads(capsys.readouterr().out)
    # 100,000 AUD long, stop 300 pips below 100: 100,000 * 3 JPY = 300,000 JPY at 97
    assert r["stop_spot"] == pytest.approx(97.0)
    assert r["loss_at_stop"] == pytest.approx(300_000 / 97.0)


def test_the_period_names_each_legs_day_count(capsys: pytest.CaptureFixture[str]) -> None:
    base = [
        "calc",
        "--pair",
        "USD/JPY",
        "--funding",
        "JPY",
        "--notional",
        "1000000",
        "--spot-start",
        "150",
        "--spot-end",
        "151",
        "--rate-target",
        "5%",
        "--rate-funding",
        "0.1%",
    ]
    text = _out(capsys, [*base, "--tenor", "90D"])
    assert "90D (nominal: months/12, days/basis)" in text
    assert "years 0.25 (target ACT/360) / 0.246575 (funding ACT/365F)" in text
    dated = _out(capsys, [*base, "--start", "2024-01-15", "--end", "2024-04-15"])
    assert "(target ACT/360) / " in dated
    assert "(funding ACT/365F)" in dated


def _has_negative_zero(text: str) -> bool:
    return re.search(r"(?<![\d.])-0\.0(?![\d])", text) is not None


def test_json_never_holds_negative_zero(capsys: pytest.CaptureFixture[str]) -> None:
    # A trade with no move and no rates: every figure is zero, none of them -0.0.
    argv = [
        "calc",
        "--pair",
        "AUD/JPY",
        "--funding",
        "JPY",
        "--notional",
        "1000000",
        "--spot-start",
        "100",
        "--spot-end",
        "100",
        "--rate-target",
        "0%",
        "--rate-funding",
        "0%",
        "--tenor",
        "6M",
        "--json",
    ]
    text = _out(capsys, argv)
    assert not _has_negative_zero(text)
    print_json({"a": -0.0, "b": [-0.0, 1.0], "c": {"d": -0.0}})
    printed = capsys.readouterr().out
    assert not _has_negative_zero(printed)
    assert json.loads(printed) == {"a": 0.0, "b": [0.0, 1.0], "c": {"d": 0.0}}
