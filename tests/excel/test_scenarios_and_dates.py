"""CARRY_SCENARIOS' grid, the date functions (checked against QuantLib), and conventions
given as columns."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import QuantLib as ql

from tests.excel.cases import MISSING
from tests.excel.harness import Excel, TimeType, column, row


def pnl(m: float, t: float) -> float:
    """Seed 1's trade if AUD/JPY moves by m and is held t years (JPY)."""
    return 1e7 * ((1 + m) * (1 + 0.045 * t) - (1 + 0.001 * t))


def test_scenario_grid_has_headers_and_exact_totals(xl: Excel) -> None:
    moves, years = [-0.05, -0.0215, 0.0, 0.03], [0.25, 0.5, 1.0]
    got = xl.call("CARRY_SCENARIOS", 1e7, 100.0, 0.045, 0.001, column(*moves), row(*years))
    assert got[0] == ["FX move \\ holding period", 0.25, 0.5, 1.0]
    assert [r[0] for r in got[1:]] == moves
    for i, m in enumerate(moves, start=1):
        assert got[i][1:] == pytest.approx([pnl(m, t) for t in years], abs=1e-6)
    assert got[4][2] == pytest.approx(526_750.0, abs=1e-6)  # seed 1: +3% over 6 months
    # moves given as a row and periods as a column give the same grid
    same = xl.call("CARRY_SCENARIOS", 1e7, 100.0, 0.045, 0.001, row(*moves), column(*years))
    assert same == got


def test_scenarios_for_a_funding_target_pair(xl: Excel) -> None:
    got = xl.call("CARRY_SCENARIOS", 1e5, 30.0, 0.25, 0.05, 2 / 30, 0.25, "USD/TRY", "USD")
    assert got[1][1] == pytest.approx(-1640.625, abs=1e-9)  # seed 2: USD/TRY 30 -> 32


def test_scenarios_bad_move_row_and_one_trade_only(xl: Excel) -> None:
    got = xl.call("CARRY_SCENARIOS", 1e7, 100.0, 0.045, 0.001, column(0.03, -1.5, "x"), 0.5)
    assert got[1][1] == pytest.approx(526_750.0, abs=1e-6)
    assert got[2][1].startswith("fx_moves: must be a change as a decimal above -1")
    assert got[3][0] == 'fx_moves: must be a rate such as 4.5% or 0.045 (got text "x")'
    two = xl.call("CARRY_SCENARIOS", column(1e7, 2e7), 100.0, 0.045, 0.001, 0.03, 0.5)
    assert two == "notional: must be a single cell (got a 2x1 range)"


def test_year_fraction_matches_quantlib_on_every_day_count(xl: Excel) -> None:
    start = dt.date(2024, 1, 31)
    ends = [start + dt.timedelta(days=d) for d in (1, 29, 30, 60, 181, 366, 400, 1000)]
    serial = [float((e - dt.date(1899, 12, 30)).days) for e in ends]
    qstart = ql.Date(31, 1, 2024)
    counts = {
        "ACT/360": ql.Actual360(),
        "ACT/365F": ql.Actual365Fixed(),
        "ACT/ACT": ql.ActualActual(ql.ActualActual.ISDA),
        "30/360": ql.Thirty360(ql.Thirty360.BondBasis),
        "30E/360": ql.Thirty360(ql.Thirty360.European),
    }
    for name, counter in counts.items():
        got = xl.call("YEAR_FRACTION", 45322.0, column(*serial), name)
        want = [counter.yearFraction(qstart, ql.Date(e.day, e.month, e.year)) for e in ends]
        assert [r[0] for r in got] == pytest.approx(want, abs=1e-14), name


def test_dates_as_excel_sends_them(xl: Excel) -> None:
    # a date-formatted cell arrives as pywintypes.TimeType; xlwings makes it a datetime
    by_time = xl.call("YEAR_FRACTION", TimeType(2024, 1, 15), TimeType(2024, 7, 15), "USD")
    assert by_time == pytest.approx(182 / 360)  # USD: ACT/360
    assert xl.call("YEAR_FRACTION", "2024-01-15", 45488.0, "AUD") == pytest.approx(182 / 365)
    assert xl.call("YEAR_FRACTION", 45306.0, 45488.0) == pytest.approx(182 / 365)  # default
    backwards = xl.call("YEAR_FRACTION", column(45306.0, 45488.0), 45400.0)
    assert backwards[0][0] == pytest.approx(94 / 365)
    assert backwards[1][0] == "end: must be on or after start (got the date 2024-04-18)"
    assert xl.call("YEAR_FRACTION", 12.0, 45488.0) == (
        "start_date: must be an Excel date on or after 1900-03-01 (got 12)"
    )


def test_tenors_as_a_column_of_text(xl: Excel) -> None:
    tenors = ["ON", "1W", "90D", "3M", "6M", "1Y", "1Y6M", "5X"] * 1250  # 10,000 rows
    got = xl.call("TENOR_YEARS", column(*tenors), "ACT/360")
    assert len(got) == 10_000
    assert [r[0] for r in got[:7]] == pytest.approx([1 / 360, 7 / 360, 0.25, 0.25, 0.5, 1.0, 1.5])
    assert got[7][0] == 'tenor: must be a tenor such as 90D, 2W, 6M, 1Y or 1Y6M (got text "5X")'
    assert got[15] == got[7]
    ends = xl.call("TENOR_END", column(45322.0, 45351.0), "1M")  # 31 Jan, 29 Feb 2024
    assert ends == [[45351.0], [45380.0]]  # 29 Feb, 29 Mar


def test_tenor_end_never_falls_on_a_weekend(xl: Excel) -> None:
    def serial(day: str) -> float:
        return float((dt.date.fromisoformat(day) - dt.date(1899, 12, 30)).days)

    # 30 Jun 2023 is a month end: + 3M ends on the last business day, Friday 29 September
    assert xl.call("TENOR_END", serial("2023-06-30"), "3M") == serial("2023-09-29")
    # 15 Mar 2024 + 6M is Sunday 15 September: modified following gives Monday the 16th
    assert xl.call("TENOR_END", serial("2024-03-15"), "6M") == serial("2024-09-16")


def test_tenor_end_rolls_over_the_holidays_given(xl: Excel) -> None:
    def serial(day: str) -> float:
        return float((dt.date.fromisoformat(day) - dt.date(1899, 12, 30)).days)

    # Monday 16 September a holiday: the end is Tuesday the 17th
    holidays = column(serial("2024-09-16"), None, "2024-12-25")
    assert xl.call("TENOR_END", serial("2024-03-15"), "6M", holidays) == serial("2024-09-17")
    # a month end: Friday 29 September a holiday, the last business day is Thursday the 28th
    got = xl.call("TENOR_END", serial("2023-06-30"), "3M", column("2023-09-29"))
    assert got == serial("2023-09-28")
    bad = xl.call("TENOR_END", serial("2024-03-15"), "6M", column("2024-02-30"))
    assert isinstance(bad, str)
    assert bad.startswith("holidays:"), bad


def test_day_counts_as_a_column_by_currency(xl: Excel) -> None:
    got = xl.call("DAY_COUNT", column("USD", "jpy", "GBP", "TRY", "XAU", None))
    assert got[:4] == [["ACT/360"], ["ACT/365F"], ["ACT/365F"], ["ACT/360"]]
    assert got[4][0].startswith("currency_code: must be a 3-letter currency code")
    assert got[5][0] == "currency_code: must be text (got an empty cell)"


def test_conventions_may_differ_row_by_row(xl: Excel) -> None:
    counts = column("ACT/360", "ACT/365F", "USD", "ACT/999")
    got = xl.call("YEAR_FRACTION", 45306.0, 45488.0, counts)
    assert [r[0] for r in got[:3]] == pytest.approx([182 / 360, 182 / 365, 182 / 360])
    assert got[3][0].startswith("day_count: must be one of ACT/360, ACT/365F, ACT/ACT")
    assert xl.call("CARRY_PNL", 1e7, 100.0, 103.0, 0.045, 0.001, 0.5, MISSING) == pytest.approx(
        526_750.0, abs=1e-6
    )


def test_forward_functions_round_trip(xl: Excel) -> None:
    spots = np.linspace(90.0, 110.0, 50)
    fwd = xl.call("FX_FORWARD", column(*spots), 0.045, 0.001, 0.5)
    pts = xl.call("FX_POINTS", column(*spots), 0.045, 0.001, 0.5, "AUD/JPY")
    back = xl.call("FX_FORWARD_FROM_POINTS", column(*spots), column(*[p[0] for p in pts]), "AUDJPY")
    assert [r[0] for r in back] == pytest.approx([r[0] for r in fwd], rel=1e-14)
    implied = xl.call("FX_IMPLIED_RATE", column(*spots), column(*[r[0] for r in fwd]), 0.045, 0.5)
    assert [r[0] for r in implied] == pytest.approx([0.001] * 50, abs=1e-14)
    assert xl.call("FX_POINTS", 1.10, 0.03, 0.05, 0.5) == pytest.approx(
        (1.10 * 1.025 / 1.015 - 1.10) * 10_000
    )  # no pair: x10,000
    unknown = xl.call("FX_POINTS", 100.0, 0.045, 0.001, 0.5, "AUD/XXX")
    assert unknown.startswith("pair: ")  # the core's wording for an unknown currency
    assert "XXX" in unknown
    simple = xl.call("FX_IMPLIED_DIFF", 100.0, 97.8484, 0.045, 0.5, MISSING, "simple")
    assert simple == pytest.approx((0.978484 - 1) / 0.5)
