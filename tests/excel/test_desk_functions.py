"""Swaps, margin, risk and tax in the sheet: weekends and holidays, quote forms, leverage
as text, sides and accounts, VaR and ES, the tax baskets; the dated forward and its strip."""

from __future__ import annotations

import json
from typing import Any

import pytest

from carryxl.cli import main
from carryxl.core import dates
from tests.excel.cases import MISSING, with_arg
from tests.excel.harness import Excel, column, row

WED, THU, FRI, MON = 45721.0, 45722.0, 45723.0, 45726.0  # 5, 6, 7, 10 March 2025, no holiday
JAN_WED, JAN_THU = 45665.0, 45666.0  # 8, 9 January 2025, before Coming of Age Day (Mon 13)


def test_swap_nights_over_weekends_and_holidays(xl: Excel) -> None:
    # T+2: Wednesday's rollover spans the weekend (value Friday -> Monday)
    assert xl.call("SWAP_NIGHTS", WED, THU, "USD/JPY") == 3.0
    assert xl.call("SWAP_NIGHTS", THU, FRI, "USD/JPY") == 1.0
    # T+1: Thursday's does (USD/CAD value Friday -> Monday)
    assert xl.call("SWAP_NIGHTS", column(WED, THU), column(THU, FRI), "USD/CAD") == [
        [1.0],
        [3.0],
    ]
    # a broker that charges the weekend on Friday whatever the pair
    assert xl.call("SWAP_NIGHTS", FRI, MON, "USD/JPY", "Fri") == 3.0
    assert xl.call("SWAP_NIGHTS", FRI, MON, "USD/JPY", 4.0) == 3.0  # Friday as 0-4
    # a holiday given on Monday 10 March: Friday's value date moves on a day
    holidays = column(MON, None)
    assert xl.call("SWAP_NIGHTS", THU, FRI, "USD/JPY", MISSING, holidays) == 1.0
    assert xl.call("SWAP_NIGHTS", WED, THU, "USD/JPY", MISSING, holidays) == 4.0
    assert xl.call("SWAP_NIGHTS", WED, THU, "USD/JPY", "Sunday") == (
        'triple_day: must be a weekday Monday to Friday (0-4) (got text "Sunday")'
    )
    assert xl.call("SWAP_NIGHTS", WED, THU, "USD/JPY", MISSING, column(MON, "soon")) == (
        'holidays: must be a date written YYYY-MM-DD, such as 2024-11-28 (got text "soon")'
    )


def test_swap_nights_follow_the_settlement_calendar(xl: Excel) -> None:
    # Japan's Coming of Age Day, Monday 13 January 2025, is in the JPY calendar without being
    # given: Thursday 9 settles on Tuesday 14 (T+2 JPY days: Fri 10, Tue 14), so Wednesday's
    # rollover (value Fri 10 -> Tue 14) is 4 nights; USD/CAD (T+1, no holiday) stays at 1.
    assert xl.call("SWAP_NIGHTS", JAN_WED, JAN_THU, "USD/JPY") == 4.0
    assert xl.call("SWAP_NIGHTS", JAN_WED, JAN_THU, "USD/CAD") == 1.0
    # calendars FALSE: weekends and the holidays given only (the native template's count)
    assert xl.call("SWAP_NIGHTS", JAN_WED, JAN_THU, "USD/JPY", MISSING, MISSING, False) == 3.0
    assert xl.call("SWAP_NIGHTS", JAN_WED, JAN_THU, "USD/JPY", MISSING, MISSING, "maybe") == (
        'calendars: must be TRUE or FALSE (got text "maybe")'
    )


def test_swap_value_in_each_quote_form(xl: Excel) -> None:
    percent = xl.call("SWAP_VALUE", -0.02, "percent a year", 1.0, MISSING, "USD/TRY", 32.0)
    assert percent == pytest.approx(-0.02 * 100_000 * 32 / 360)  # -177.78 TRY a night
    three = xl.call("SWAP_VALUE", "-2%", "percent", 1.0, 3.0, "USD/TRY", 32.0, MISSING, "ACT/365F")
    assert three == pytest.approx(3 * -0.02 * 100_000 * 32 / 365)
    assert xl.call("SWAP_VALUE", -5.0, "money per lot", 2.0, 7.0) == pytest.approx(-70.0)
    in_usd = xl.call(
        "SWAP_VALUE", 1.5, "pips", 2.0, 1.0, "USD/JPY", MISSING, MISSING, MISSING, 1 / 150
    )
    assert in_usd == pytest.approx(3000 / 150)
    # MetaTrader points: 10^-digits (0.001 on USD/JPY); a broker's 2-digit symbol by digits
    assert xl.call("SWAP_VALUE", 15.3, "points", 1.0, 1.0, "USD/JPY") == pytest.approx(1530.0)
    two_digits = xl.call(
        "SWAP_VALUE", 15.3, "points", 1.0, 1.0, "USD/JPY", MISSING, MISSING, MISSING, MISSING, 2
    )
    assert two_digits == pytest.approx(15_300.0)
    assert xl.call("SWAP_VALUE", 1.5, "points", 2.0) == (
        "pair: give the pair or point_size for a quote in points (got an empty cell)"
    )
    assert xl.call("SWAP_IMPLIED_RATE", 3000.0, 200_000.0, 150.0, 1.0, "ACT/365F") == (
        pytest.approx(3000 / 30_000_000 * 365)
    )


def test_margin_with_leverage_as_text_or_a_margin_rate(xl: Excel) -> None:
    for leverage in (25.0, "1:25", "25:1", "25x"):
        assert xl.call("CARRY_MARGIN", 1e7, leverage) == pytest.approx(400_000.0)
    assert xl.call("CARRY_MARGIN", 1e7, MISSING, "4%") == pytest.approx(400_000.0)
    assert xl.call("CARRY_MARGIN", 1e7).startswith("leverage: give either leverage or margin_rate")
    assert xl.call("CARRY_MARGIN", 1e7, "lots") == (
        'leverage: must be a leverage such as 25 or 1:25 (got text "lots")'
    )


def test_margin_call_sides_levels_and_bad_rows(xl: Excel) -> None:
    stop_out = xl.call("CARRY_MARGIN_CALL", 100.0, 1e5, 1e6, "long", "1:25", MISSING, "50%")
    assert stop_out == pytest.approx((1e5 * 100 - 1e6) / (1e5 * (1 - 0.5 * 0.04)))
    both = xl.call("CARRY_MARGIN_CALL", 100.0, 1e5, 1e6, column("long", "short"), 25.0)
    assert both[0][0] == pytest.approx(93.75)
    assert both[1][0] == pytest.approx((-1e7 - 1e6) / (1e5 * (-1 - 0.04)))  # 105.77
    thin = xl.call("CARRY_MARGIN_CALL", 100.0, 1e5, column(1e6, 1e5, 1e6), "long", 25.0)
    assert thin[0][0] == pytest.approx(93.75)
    assert thin[1][0] == "equity: must be above level * margin at entry already (got 100000)"
    assert thin[2][0] == pytest.approx(93.75)


def test_stop_loss_in_either_account_currency(xl: Excel) -> None:
    assert xl.call("CARRY_STOP_LOSS", 100.0, 1e5, 3e5) == pytest.approx(97.0)
    base = xl.call("CARRY_STOP_LOSS", 32.0, 1e5, 5000.0, "long", "base")
    assert base == pytest.approx(1e5 * 32 / 105_000)  # 30.476
    # short in the base currency loses at most the units: no spot loses 200,000 USD
    assert xl.call("CARRY_STOP_LOSS", 32.0, 1e5, 2e5, "short", "base") == "never"
    assert xl.call("CARRY_STOP_LOSS", 100.0, 1e5, 3e5, "sell") == pytest.approx(103.0)


def test_position_size_and_pip_value(xl: Excel) -> None:
    assert xl.call("CARRY_POSITION_SIZE", 10_000.0, 50.0, 0.0001) == pytest.approx(2e6)
    assert xl.call("PIP_VALUE", 1e5, "USD/JPY", 1 / 150) == pytest.approx(1000 / 150)
    assert xl.call("PIP_VALUE", 1e5, "EURUSD") == pytest.approx(10.0)


def test_var_es_and_loss_probability(xl: Excel) -> None:
    es = xl.call("CARRY_VAR", 1e7, "12%", 10 / 252, MISSING, MISSING, "ES")
    assert es == pytest.approx(637_108.06, abs=0.01)  # the desk's hand figure
    var95 = xl.call("CARRY_VAR", 1e7, 0.12, 10 / 252, "95%")
    assert var95 == pytest.approx(1e7 * 1.6448536269514722 * 0.12 * (10 / 252) ** 0.5)
    assert xl.call("CARRY_VAR", 1e7, 0.12, 10 / 252, 0.3) == (
        "confidence: must be a probability in [0.5, 1), e.g. 0.99 (got 0.3)"
    )
    assert xl.call("CARRY_LOSS_PROBABILITY", 0.045, 0.001, 0.12, 0.5) == pytest.approx(
        0.4153, abs=5e-5
    )


def test_after_tax_baskets_and_breakdown(xl: Excel) -> None:
    assert xl.call("CARRY_AFTER_TAX", 220_000.0, -50_000.0, 0.2, 0.1) == pytest.approx(136_000.0)
    separate = xl.call("CARRY_AFTER_TAX", 220_000.0, -50_000.0, "20%", "10%", "separate")
    assert separate == pytest.approx(220_000 - 50_000 - 0.2 * 220_000)  # the FX loss is wasted
    rows = xl.call("CARRY_AFTER_TAX", 226_750.0, 300_000.0, 0.2, 0.1, MISSING, True, True)
    assert rows[0] == ["tax_interest", "tax_fx", "tax", "after_tax"]
    assert rows[1] == pytest.approx([45_350.0, 30_000.0, 75_350.0, 451_400.0])
    assert xl.call("CARRY_AFTER_TAX", 1.0, 1.0, 1.2, 0.1).startswith(
        "rate_interest: must be a tax rate as a decimal <= 1"
    )


def test_costs_breakdown_and_break_even_after_costs(xl: Excel) -> None:
    seed = (1e7, 100.0, 103.0, "AUD/JPY", "JPY", 2.0, MISSING, 7.0, MISSING, "0.5%", "1%", 0.5)
    parts = xl.call("CARRY_COSTS", *seed, MISSING, True)
    spread = 100_000 * 2 * 0.01  # two half-spreads of 2 pips on 100,000 AUD
    commission = 2 * 7.0  # one lot, entry and exit
    markup = 1e7 * (1.03 * 0.005 * 0.5 + 0.01 * 0.5)  # 75,750 JPY: AUD interest at S1
    assert parts == pytest.approx([spread, commission, markup, spread + commission + markup])
    # funded in USD, the spread is paid in TRY and converted at each side's spot
    usd = xl.call("CARRY_COSTS", 1e5, 30.0, 32.0, "USD/TRY", "USD", 200.0)
    assert usd == pytest.approx(1e5 * 200 * 0.0001 / 2 * (1 / 30 + 1 / 32))
    assert xl.call("CARRY_COSTS", 1e7, 100.0, 103.0, "AUD/JPY", MISSING) == (
        "funding: must be the borrowed currency, one of the pair's (got an empty cell)"
    )
    none = xl.call("CARRY_BREAKEVEN_AFTER_COSTS", 1e7, 100.0, 0.045, 0.001, 0.5, "AUD/JPY", "JPY")
    assert none == pytest.approx(100 * 1.0005 / 1.0225)  # no costs: the CIP forward


def test_fx_forward_dated_over_a_column_of_tenors_is_the_strip(xl: Excel) -> None:
    # USD/JPY dealt Tuesday 2024-11-26 (Excel 45622): spot Friday 29 (Thanksgiving on 28).
    from carryxl.core.conventions import Pair  # noqa: PLC0415
    from carryxl.core.strip import ForwardTerms, forward_strip  # noqa: PLC0415

    tenors = ("ON", "TN", "1W", "1M", "3M", "6M", "1Y")
    got = xl.call("FX_FORWARD_DATED", 150.0, 0.04625, 0.0025, 45622.0, column(*tenors), "USD/JPY")
    strip = forward_strip(
        ForwardTerms.of(Pair.parse("USD/JPY"), 150.0, 0.04625, 0.0025), "2024-11-26", tenors
    )
    assert [row[0] for row in got] == pytest.approx([r.outright for r in strip], rel=1e-14)
    # ON by hand: value today, 26 Nov -> spot 29 Nov is 3 days: S (1 + r_b 3/360) / (1 + r_q 3/365)
    assert got[0][0] == pytest.approx(150 * (1 + 0.04625 * 3 / 360) / (1 + 0.0025 * 3 / 365))
    refused = xl.call("FX_FORWARD_DATED", 150.0, 0.04625, 0.0025, 45623.0, "TN", "USD/JPY")
    assert refused.startswith("tenor:")  # dealt Wednesday, tomorrow is the spot date


STRIP_CLI = ["--pair", "USD/JPY", "--spot", "150", "--rate-base", "4.625%", "--rate-quote", "0.25%"]
STRIP_TENORS = ("ON", "TN", "1W", "1M", "3M", "6M", "1Y")


def _cli_strip(capsys: pytest.CaptureFixture[str], *more: str) -> list[dict[str, Any]]:
    argv = ["forward", *STRIP_CLI, "--tenors", ",".join(STRIP_TENORS), *more, "--json"]
    assert main(argv) == 0
    strip: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["strip"]
    return strip


def _as_cli(cells: list[Any]) -> dict[str, Any]:
    """A sheet row of FX_FORWARD_STRIP in the CLI's JSON words."""
    value_date = str(dates.from_excel_serial("value_date", cells[0])[()])
    return {"value_date": value_date, "days": cells[1], "outright": cells[2], "points": cells[3]}


@pytest.mark.parametrize(
    ("sheet", "cli"),
    [
        pytest.param((), (), id="pair-conventions"),
        pytest.param((0.001,), ("--pip-size", "0.001"), id="pip-size"),
        # Christmas given, the calendars off: weekends and 25 Dec only
        pytest.param(
            (MISSING, column(45651.0, None), False),
            ("--holidays", "2024-12-25", "--no-calendars"),
            id="holidays-no-calendars",
        ),
    ],
)
def test_fx_forward_strip_is_the_clis_strip(
    xl: Excel, capsys: pytest.CaptureFixture[str], sheet: tuple[Any, ...], cli: tuple[str, ...]
) -> None:
    # USD/JPY dealt Tuesday 2024-11-26 (Excel 45622): spot Friday 29 (Thanksgiving on 28).
    want = _cli_strip(capsys, "--trade-date", "2024-11-26", *cli)
    args = (150.0, "4.625%", "0.25%", 45622.0, column(*STRIP_TENORS), "USD/JPY")
    got = xl.call("FX_FORWARD_STRIP", *args, *sheet)
    assert len(got) == len(STRIP_TENORS)
    for sheet_row, cli_row in zip(got, want, strict=True):
        assert _as_cli(sheet_row) == {
            k: cli_row[k] for k in ("value_date", "days", "outright", "points")
        }
    headed = xl.call("FX_FORWARD_STRIP", *args, *with_arg(sheet, 3, True))
    assert headed[0] == ["value_date", "days", "outright", "points"]
    assert headed[1:] == got


def test_fx_forward_strip_dates_by_hand(xl: Excel) -> None:
    args = (150.0, 0.04625, 0.0025, 45622.0, column(*STRIP_TENORS), "USD/JPY")
    got = xl.call("FX_FORWARD_STRIP", *args)
    # ON values today (Tue 26 Nov) for 1 day, TN tomorrow for 2 (Wed 27 to spot Fri 29);
    # 1M ends Mon 30 Dec (29 Dec a Sunday), 3M Fri 28 Feb, 1Y Fri 28 Nov 2025
    assert [r[0] for r in got] == [45622.0, 45623.0, 45632.0, 45656.0, 45716.0, 45807.0, 45989.0]
    assert [r[1] for r in got] == [1.0, 2.0, 7.0, 31.0, 91.0, 182.0, 364.0]
    # ON's outright and points by hand: F(today) = S (1 + r_b 3/360) / (1 + r_q 3/365)
    today = 150 * (1 + 0.04625 * 3 / 360) / (1 + 0.0025 * 3 / 365)
    tomorrow = 150 * (1 + 0.04625 * 2 / 360) / (1 + 0.0025 * 2 / 365)
    assert got[0][2:] == pytest.approx([today, (tomorrow - today) * 100], rel=1e-12)
    # the strip's outrights are FX_FORWARD_DATED's over the same column
    dated = xl.call("FX_FORWARD_DATED", *args)
    assert [r[2] for r in got] == pytest.approx([r[0] for r in dated], rel=1e-14)


def test_fx_forward_strip_bad_input_reads_in_the_cell(xl: Excel) -> None:
    dealt_wed = (150.0, 0.04625, 0.0025, 45623.0)  # tomorrow is the spot date: no TN
    tenors = column("1W", "TN", None, "1Q", xl.error("#N/A"), "1M")
    got = xl.call("FX_FORWARD_STRIP", *dealt_wed, tenors, "USD/JPY")
    assert got[0][:2] == [45632.0, 7.0]
    assert got[5][:2] == [45656.0, 31.0]
    assert got[1][0].startswith("tenors: has no days before spot here: USD/JPY traded 2024-11-27")
    assert got[2] == ["", "", "", ""]  # an empty row of the column stays empty
    assert got[3][0] == ('tenors: must be a tenor such as 90D, 2W, 6M, 1Y or 1Y6M (got text "1Q")')
    assert got[4][0] == "tenors: must be text (got the Excel error #N/A)"
    assert all(r[1:] == ["", "", ""] for r in got[1:5])
    whole_call = {
        "spot: must be a finite number > 0 (got 0)": (0.0, *dealt_wed[1:], "1M", "USD/JPY"),
        "spot: must be a single cell (got a 2x1 range)": (
            column(150.0, 151.0),
            *dealt_wed[1:],
            "1M",
            "USD/JPY",
        ),
        "tenors: must be one column of tenors (got a 1x2 range)": (
            *dealt_wed,
            row("1W", "1M"),
            "USD/JPY",
        ),
        "tenors: must be a tenor such as ON, TN, 1W, 1M or 1Y (got an empty cell)": (
            *dealt_wed,
            MISSING,
            "USD/JPY",
        ),
        'pair: XYZ is not a currency code carryxl knows (got text "USD/XYZ")': (
            *dealt_wed,
            "1M",
            "USD/XYZ",
        ),
        "pip_size: must be a finite number > 0 (got -1)": (*dealt_wed, "1M", "USD/JPY", -1.0),
        'headers: must be TRUE or FALSE (got text "maybe")': (
            *dealt_wed,
            "1M",
            "USD/JPY",
            *with_arg((), 3, "maybe"),
        ),
    }
    for text, args in whole_call.items():
        assert xl.call("FX_FORWARD_STRIP", *args) == text
