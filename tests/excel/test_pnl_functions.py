"""The P&L functions in the ways a sheet uses them: seeds, pairs, breakdowns, text rates."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.excel.cases import MISSING
from tests.excel.harness import Excel, column, row

SEED_1 = (1e7, 100.0, 103.0, 0.045, 0.001, 0.5)  # AUD/JPY funded in JPY, 6 months
SEED_1_EXACT = 1e7 * (1.03 * (1 + 0.045 * 0.5) - (1 + 0.001 * 0.5))  # 526,750 JPY
SEED_2 = (1e5, 30.0, 32.0, 0.25, 0.05, 0.25)  # USD/TRY funded in USD, 3 months
SEED_2_EXACT = 1e5 * ((30 / 32) * (1 + 0.25 * 0.25) - (1 + 0.05 * 0.25))  # -1,640.625 USD


def test_seed_1_exact_and_simple(xl: Excel) -> None:
    assert xl.call("CARRY_PNL", *SEED_1) == pytest.approx(526_750.0, abs=1e-6)
    assert xl.call("CARRY_RETURN", *SEED_1[1:]) == pytest.approx(0.052675, abs=1e-15)
    simple = xl.call("CARRY_RETURN", *SEED_1[1:], MISSING, MISSING, MISSING, "simple")
    assert simple == pytest.approx(0.022 + 0.03, abs=1e-15)  # the article's 5.2%


def test_seed_2_orientation_from_the_pair_and_funding(xl: Excel) -> None:
    by_pair = xl.call("CARRY_PNL", *SEED_2, "USD/TRY", "USD")
    by_word = xl.call("CARRY_PNL", *SEED_2, "funding/target")
    assert by_pair == pytest.approx(-1640.625, abs=1e-9)
    assert by_word == by_pair
    assert xl.call("FX_PNL", 1e5, 30.0, 32.0, "USDTRY", "usd") == pytest.approx(-6250.0)
    # the same pair funded in the other currency reads the other way round
    assert xl.call("FX_RETURN", 30.0, 32.0, "USD/TRY", "TRY") == pytest.approx(32 / 30 - 1)


def test_both_seeds_in_one_call_with_a_column_of_pairs(xl: Excel) -> None:
    got = xl.call(
        "CARRY_PNL",
        column(1e7, 1e5),
        column(100.0, 30.0),
        column(103.0, 32.0),
        column(0.045, 0.25),
        column(0.001, 0.05),
        column(0.5, 0.25),
        column("AUD/JPY", "USD/TRY"),
        column("JPY", "USD"),
    )
    assert got[0][0] == pytest.approx(SEED_1_EXACT, abs=1e-6)
    assert got[1][0] == pytest.approx(SEED_2_EXACT, abs=1e-9)


def test_pair_without_funding_and_funding_outside_the_pair(xl: Excel) -> None:
    assert xl.call("CARRY_PNL", *SEED_2, "USD/TRY") == (
        "funding: must be the borrowed currency of USD/TRY (got an empty cell)"
    )
    assert xl.call("CARRY_PNL", *SEED_2, "USD/TRY", "EUR") == (
        'funding: must be one of the pair\'s currencies (USD/TRY) (got text "EUR")'
    )
    bad_row = xl.call("CARRY_PNL", *SEED_2, column("USD/TRY", "USD/TRY"), column("USD", "EUR"))
    assert bad_row[0][0] == pytest.approx(SEED_2_EXACT, abs=1e-9)
    assert bad_row[1][0].startswith("funding: must be one of the pair's currencies")


def test_rates_as_percent_text(xl: Excel) -> None:
    got = xl.call("CARRY_PNL", 1e7, 100.0, 103.0, "4.5%", " 0.1 % ", 0.5)
    assert got == pytest.approx(SEED_1_EXACT, abs=1e-6)
    assert xl.call("CARRY_PNL", 1e7, 100.0, 103.0, "4.5", 0.001, 0.5) == (
        'rate_target: reads as 450%; write 4.5% or 0.045 (got text "4.5")'
    )  # text "4.5" would be 450%: refused, as on the command line and in files
    assert xl.call("CARRY_PNL", 1e7, 100.0, 103.0, "4,5%", 0.001, 0.5) == (
        'rate_target: must be a rate such as 4.5% or 0.045 (got text "4,5%")'
    )
    # a spot is never text
    assert xl.call("CARRY_PNL", 1e7, "100", 103.0, 0.045, 0.001, 0.5) == (
        'spot_start: must be a number (got text "100")'
    )


def test_breakdown_row_spills_carry_fx_cross_total_return(xl: Excel) -> None:
    exact = xl.call("CARRY_PNL", *SEED_1, MISSING, MISSING, MISSING, "exact", True)
    assert exact[0] == ["carry", "fx", "cross", "total", "return"]
    assert exact[1] == pytest.approx([220_000.0, 300_000.0, 6_750.0, 526_750.0, 0.052675])
    simple = xl.call("CARRY_PNL", *SEED_1, MISSING, MISSING, MISSING, "simple")
    assert simple == pytest.approx([220_000.0, 300_000.0, 0.0, 520_000.0, 0.052])  # one row


def test_breakdown_rows_for_many_trades_keep_bad_rows_apart(xl: Excel) -> None:
    got = xl.call(
        "CARRY_PNL",
        column(1e7, -5.0, 1e7),
        *SEED_1[1:],
        MISSING,
        MISSING,
        MISSING,
        True,
    )
    assert got[0] == pytest.approx([220_000.0, 300_000.0, 6_750.0, 526_750.0, 0.052675])
    assert got[1] == ["notional: must be a finite number > 0 (got -5)", "", "", "", ""]
    assert got[2] == got[0]


def test_breakdown_needs_one_trade_per_row(xl: Excel) -> None:
    got = xl.call("CARRY_PNL", row(1e7, 2e7), *SEED_1[1:], MISSING, MISSING, MISSING, "exact")
    assert got == "ranges: must be single columns (one row per trade) (got 2 columns)"
    assert xl.call("CARRY_PNL", *SEED_1, MISSING, MISSING, MISSING, "maybe") == (
        'breakdown: must be exact, simple, TRUE or FALSE (got text "maybe")'
    )


def test_row_in_row_out_and_column_by_row_grid(xl: Excel) -> None:
    across = xl.call("FX_RETURN", 100.0, row(101.0, 102.0, 103.0))
    assert across == pytest.approx([0.01, 0.02, 0.03])  # one row comes back as one row
    grid = xl.call("FX_PNL", column(1e6, 2e6), 100.0, row(101.0, 103.0))
    assert grid == [pytest.approx([1e4, 3e4]), pytest.approx([2e4, 6e4])]


def test_years_funding_for_legs_on_different_day_counts(xl: Excel) -> None:
    # 182 days: AUD leg ACT/365F, USD funding leg ACT/360
    t_aud, t_usd = 182 / 365, 182 / 360
    got = xl.call("CARRY_PNL", 1e6, 0.65, 0.66, 0.043, 0.053, t_aud, MISSING, MISSING, t_usd)
    assert got == pytest.approx(1e6 * ((0.66 / 0.65) * (1 + 0.043 * t_aud) - (1 + 0.053 * t_usd)))
    # an empty years_funding cell falls back to years
    same = xl.call("CARRY_PNL", 1e6, 0.65, 0.66, 0.043, 0.053, t_aud, MISSING, MISSING, ((None,),))
    assert same == pytest.approx(1e6 * ((0.66 / 0.65) * (1 + 0.043 * t_aud) - (1 + 0.053 * t_aud)))


def test_income_annualised_and_days_to_offset(xl: Excel) -> None:
    assert xl.call("CARRY_INCOME", 1e7, 0.045, 0.001, 0.5) == pytest.approx(220_000.0)
    assert xl.call("ANNUALISED_RETURN", 0.052675, 0.5) == pytest.approx(0.10535)
    assert xl.call("ANNUALISED_RETURN", 0.052675, 0.5, "TRUE") == pytest.approx(1.052675**2 - 1)
    exact = xl.call("CARRY_DAYS_TO_OFFSET", -0.03, 0.045, 0.001)  # ACT/365F both legs
    assert exact == pytest.approx(0.03 / ((0.97 * 0.045 - 0.001) / 365))
    usd = xl.call("CARRY_DAYS_TO_OFFSET", -0.03, 0.045, 0.001, "AUD", "USD")
    assert usd == pytest.approx(0.03 / (0.97 * 0.045 / 365 - 0.001 / 360))
    days = xl.call(
        "CARRY_DAYS_TO_OFFSET", column(-0.03, 0.02, -0.03), column(0.045, 0.045, 0.0), 0.001
    )
    assert days[1] == [0.0]  # a gain needs no carry
    assert days[2] == ["never"]  # negative carry never catches up


def test_currency_formatted_cells_arrive_as_decimal(xl: Excel) -> None:
    # COM hands a cell formatted as Currency to Python as decimal.Decimal
    got = xl.call("CARRY_PNL", column(Decimal("10000000.00"), 1e7), *SEED_1[1:])
    assert got == [[pytest.approx(SEED_1_EXACT)], [pytest.approx(SEED_1_EXACT)]]


def test_a_table_with_spare_rows_leaves_them_empty(xl: Excel) -> None:
    # A range sized for more trades than it holds: empty rows stay empty, but a row
    # with some cells filled is a trade with a gap and says what is missing.
    got = xl.call(
        "CARRY_PNL",
        column(1e7, None, 1e7, None),
        column(100.0, None, 100.0, ""),
        column(103.0, None, None, None),
        0.045,
        0.001,
        0.5,
    )
    assert got[0] == [pytest.approx(SEED_1_EXACT)]
    assert got[1] == [""]
    assert got[2] == ["spot_end: must be a number (got an empty cell)"]
    assert got[3] == [""]
    # one range: an empty cell is a gap in the data, never silently skipped
    gap = xl.call("FX_RETURN", 100.0, column(103.0, None))
    assert gap[1] == ["spot_end: must be a number (got an empty cell)"]
