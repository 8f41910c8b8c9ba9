"""The history functions as a sheet uses them: ECB spots read straight from the raw file,
tables, volatility, correlation, and the indicators against pandas, over whole columns."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.excel import ecb_raw
from tests.excel.ecb_raw import cross, fixing_days, serial
from tests.excel.harness import MISSING, Excel, TimeType, column, row

ROWS = 10_000
LAST = max(ecb_raw.per_euro())  # the newest fixing the installed data has
OUTSIDE_AUD_JPY = (
    f"ECB reference rates has AUD/JPY from 1999-01-04 to {LAST.isoformat()}"  # in messages
)


def approx(value: float) -> object:
    return pytest.approx(value, rel=1e-12, abs=1e-12)


def cells_of(got: list[list[object]]) -> list[object]:
    return [r[0] for r in got]


# -- FX_SPOT ------------------------------------------------------------------------------


def test_spot_on_two_named_dates_is_the_raw_cross(xl: Excel) -> None:
    # AUD/JPY = JPY per EUR / AUD per EUR, on the day's fixing
    for day, jpy, aud in (
        (dt.date(2008, 7, 1), 166.57, 1.6519),
        (dt.date(2008, 10, 24), 117.4, 2.0506),
    ):
        raw = ecb_raw.per_euro()[day]
        assert (raw["JPY"], raw["AUD"]) == (jpy, aud)  # the file as the docs quote it
        assert xl.call("FX_SPOT", "AUD/JPY", serial(day)) == approx(jpy / aud)
        # the same date as a date-formatted cell and as ISO text
        assert xl.call("FX_SPOT", "AUD/JPY", TimeType(day.year, day.month, day.day)) == approx(
            jpy / aud
        )
        assert xl.call("FX_SPOT", "AUDJPY", day.isoformat()) == approx(jpy / aud)


def test_pairs_through_eur_and_inverted(xl: Excel) -> None:
    day = dt.date(2024, 8, 5)
    raw = ecb_raw.per_euro()[day]
    assert xl.call("FX_SPOT", "EUR/USD", serial(day)) == approx(raw["USD"])
    assert xl.call("FX_SPOT", "USD/EUR", serial(day)) == approx(1 / raw["USD"])
    assert xl.call("FX_SPOT", "USD/JPY", serial(day)) == approx(raw["JPY"] / raw["USD"])


def test_gap_rule_is_the_last_known_rate_across_holidays_only(xl: Excel) -> None:
    friday = dt.date(2008, 10, 24)
    saturday, sunday = serial(friday) + 1, serial(friday) + 2
    got = xl.call("FX_SPOT", "AUD/JPY", column(saturday, sunday))
    assert cells_of(got) == [approx(cross("AUD/JPY", friday))] * 2
    # the ECB published no ISK rate from December 2008 to February 2018
    last_isk = max(
        d for d in ecb_raw.per_euro() if d.year == 2008 and "ISK" in ecb_raw.per_euro()[d]
    )
    got = xl.call("FX_SPOT", "EUR/ISK", column("2012-06-01", serial(last_isk)))
    assert got[0][0].startswith(
        f"on_date: falls in a hole in the data: ECB reference rates has no EUR/ISK fixing "
        f"between {last_isk.isoformat()} and 2018-02-01"
    )
    assert got[1][0] == approx(ecb_raw.per_euro()[last_isk]["ISK"])


def test_a_column_of_pairs_with_a_column_of_dates(xl: Excel) -> None:
    days = (dt.date(2008, 10, 24), dt.date(2018, 8, 10), dt.date(2024, 8, 5))
    pairs = ("AUD/JPY", "USD/TRY", "CHF/JPY")
    got = xl.call("FX_SPOT", column(*pairs), column(*map(serial, days)))
    assert cells_of(got) == [approx(cross(p, d)) for p, d in zip(pairs, days, strict=True)]


def test_dates_outside_the_data_are_messages_in_their_rows(xl: Excel) -> None:
    good = serial(dt.date(2008, 10, 24))
    after = serial(LAST) + 3
    got = xl.call("FX_SPOT", "AUD/JPY", column(good, "1998-12-31", after, good))
    assert got[0][0] == approx(cross("AUD/JPY", dt.date(2008, 10, 24)))
    assert got[3][0] == got[0][0]
    assert got[1][0] == (
        f"on_date: is outside the data: {OUTSIDE_AUD_JPY} (got the date 1998-12-31)"
    )
    later = (LAST + dt.timedelta(days=3)).isoformat()
    assert got[2][0] == f"on_date: is outside the data: {OUTSIDE_AUD_JPY} (got the date {later})"
    # a currency the ECB stopped quoting: RUB ends on 2022-03-01
    assert xl.call("FX_SPOT", "EUR/RUB", "2023-06-01") == (
        "on_date: is outside the data: ECB reference rates has EUR/RUB from 2005-04-01 to "
        "2022-03-01 (its fixings stop on 2022-03-01) (got the date 2023-06-01)"
    )


def test_unknown_currency_and_bad_pair_cells(xl: Excel) -> None:
    day = serial(dt.date(2008, 10, 24))
    assert xl.call("FX_SPOT", "AUD/XYZ", day) == (
        'pair: XYZ is not a currency code carryxl knows (got text "AUD/XYZ")'
    )
    got = xl.call("FX_SPOT", column("AUD/JPY", "AUD/XYZ", None, xl.error("#N/A")), day)
    assert got[0][0] == approx(cross("AUD/JPY", dt.date(2008, 10, 24)))
    assert got[1][0] == 'pair: XYZ is not a currency code carryxl knows (got text "AUD/XYZ")'
    assert got[2][0] == "pair: must be a currency pair such as AUD/JPY (got an empty cell)"
    assert got[3][0] == ("pair: must be a currency pair such as AUD/JPY (got the Excel error #N/A)")


DATE_RULE = "on_date: must be a date (an Excel date or text such as 2024-11-28)"


@pytest.mark.parametrize(
    ("bad", "shown"),
    [
        (None, f"{DATE_RULE} (got an empty cell)"),
        (
            "soon",
            'on_date: must be a date written YYYY-MM-DD, such as 2024-11-28 (got text "soon")',
        ),
        ("#VALUE!", f"{DATE_RULE} (got the Excel error #VALUE!)"),
        (True, f"{DATE_RULE} (got TRUE)"),
    ],
)
def test_bad_date_cells(xl: Excel, bad: object, shown: str) -> None:
    cell = xl.error(bad) if bad == "#VALUE!" else bad
    good = serial(dt.date(2024, 8, 5))
    got = xl.call("FX_SPOT", "USD/JPY", column(good, cell, good))
    assert got[0][0] == got[2][0] == approx(cross("USD/JPY", dt.date(2024, 8, 5)))
    assert got[1][0] == shown
    assert xl.call("FX_SPOT", "USD/JPY", cell) == shown  # as a single cell


def test_ten_thousand_dates_in_one_call_with_bad_rows_kept_apart(xl: Excel) -> None:
    days = np.linspace(serial(dt.date(1999, 1, 4)), serial(LAST), ROWS).round()
    cells: list[object] = days.tolist()
    bad = {17: "text", 4321: None, 7000: xl.error("#N/A"), 9998: serial(LAST) + 400}
    for index, value in bad.items():
        cells[index] = value
    got = xl.call("FX_SPOT", "NZD/JPY", column(*cells))
    assert len(got) == ROWS
    good = [i for i in range(ROWS) if i not in bad]
    expected = ecb_raw.on_or_before("NZD/JPY", [days[i] for i in good])
    np.testing.assert_allclose([got[i][0] for i in good], expected, rtol=1e-13)
    assert all(isinstance(got[i][0], str) and got[i][0].startswith("on_date: ") for i in bad)


def test_a_whole_column_outside_the_data_says_so_row_by_row(xl: Excel) -> None:
    # a column typed a few years too late: every row its own message, in one call
    later = [LAST + dt.timedelta(days=d) for d in range(1, ROWS + 1)]
    got = xl.call("FX_SPOT", "AUD/JPY", column(*map(serial, later)))
    assert cells_of(got) == [
        f"on_date: is outside the data: {OUTSIDE_AUD_JPY} (got the date {d.isoformat()})"
        for d in later
    ]
    # pairs whose data end at different dates, in one column
    mixed = xl.call(
        "FX_SPOT",
        column("EUR/RUB", "AUD/JPY", "EUR/RUB"),
        column("2023-06-01", "2023-06-01", "2022-03-01"),
    )
    assert mixed[0][0] == (
        "on_date: is outside the data: ECB reference rates has EUR/RUB from 2005-04-01 to "
        "2022-03-01 (its fixings stop on 2022-03-01) (got the date 2023-06-01)"
    )
    assert mixed[1][0] == approx(cross("AUD/JPY", dt.date(2023, 6, 1)))
    assert mixed[2][0] == approx(cross("EUR/RUB", dt.date(2022, 3, 1)))


# -- FX_HISTORY ----------------------------------------------------------------------------


def test_history_table_is_every_raw_fixing(xl: Excel) -> None:
    start, end = dt.date(2024, 7, 1), dt.date(2024, 8, 30)
    got = xl.call("FX_HISTORY", "USD/JPY", start.isoformat(), serial(end))
    days = fixing_days(start, end)
    assert got[0] == ["date", "USD/JPY"]
    assert [r[0] for r in got[1:]] == [serial(d) for d in days]  # Excel dates
    assert [r[1] for r in got[1:]] == [approx(cross("USD/JPY", d)) for d in days]
    assert len(days) == 23 + 22  # the weekdays of July and August 2024 (no TARGET holiday)
    # the yen carry unwind: 161.145 on 1 July, 142.240 on 5 August (docs/history.md)
    assert got[1][1] == pytest.approx(161.145, abs=5e-4)
    assert got[1 + days.index(dt.date(2024, 8, 5))][1] == pytest.approx(142.240, abs=5e-4)


def test_history_without_headers_and_weekend_ends(xl: Excel) -> None:
    # Saturday to Sunday a week later: the five fixings of the week in between
    got = xl.call("FX_HISTORY", "AUD/JPY", TimeType(2008, 10, 18), TimeType(2008, 10, 26), False)
    days = fixing_days(dt.date(2008, 10, 18), dt.date(2008, 10, 26))
    assert len(days) == 5
    assert got == [[serial(d), approx(cross("AUD/JPY", d))] for d in days]


def test_history_bad_input(xl: Excel) -> None:
    assert xl.call("FX_HISTORY", "AUD/JPY", "2008-10-24", "2008-10-20") == (
        "end_date: must be on or after start (2008-10-24) (got the date 2008-10-20)"
    )
    assert xl.call("FX_HISTORY", "AUD/JPY", "1990-01-02", "2008-10-20") == (
        f"start_date: is outside the data: {OUTSIDE_AUD_JPY} (got the date 1990-01-02)"
    )
    assert xl.call("FX_HISTORY", "TRY/ABC", "2008-10-20", "2008-10-24") == (
        'pair: ABC is not a currency code carryxl knows (got text "TRY/ABC")'
    )
    assert xl.call("FX_HISTORY", column("AUD/JPY", "NZD/JPY"), "2008-10-20", "2008-10-24") == (
        "pair: must be a single cell (got a 2x1 range)"
    )
    assert xl.call("FX_HISTORY", "AUD/JPY", MISSING, "2008-10-24") == (
        "start_date: must be a date (an Excel date or text such as 2024-11-28) (got an empty cell)"
    )
    assert xl.call("FX_HISTORY", "AUD/JPY", "2008-10-20", xl.error("#REF!")).endswith(
        "(got the Excel error #REF!)"
    )
    assert xl.call("FX_HISTORY", "AUD/JPY", "2008-10-20", "2008-10-24", "maybe") == (
        'headers: must be TRUE or FALSE (got text "maybe")'
    )


# -- FX_VOL, FX_CORREL -----------------------------------------------------------------------


def _raw_log_returns(pair: str, start: dt.date, end: dt.date) -> list[float]:
    spots = [cross(pair, d) for d in fixing_days(start, end)]
    return [math.log(b / a) for a, b in pairwise(spots)]


def test_realised_volatility_of_the_2008_crisis(xl: Excel) -> None:
    start, end = dt.date(2008, 7, 1), dt.date(2008, 10, 31)
    returns = _raw_log_returns("AUD/JPY", start, end)
    expected = statistics.stdev(returns) * math.sqrt(252)
    assert xl.call("FX_VOL", "AUD/JPY", serial(start), serial(end)) == approx(expected)
    assert 0.3 < expected < 0.6  # a violent quarter for AUD/JPY (about 42% a year)


def test_rolling_volatility_lines_up_with_the_history_rows(xl: Excel) -> None:
    start, end = dt.date(2020, 1, 1), dt.date(2020, 12, 31)
    got = xl.call("FX_VOL", "EUR/CHF", start.isoformat(), end.isoformat(), 20)
    table = xl.call("FX_HISTORY", "EUR/CHF", start.isoformat(), end.isoformat(), False)
    assert len(got) == len(table) == len(fixing_days(start, end))
    spots = pd.Series([r[1] for r in table])
    expected = np.log(spots).diff().rolling(20).std(ddof=1) * math.sqrt(252)
    assert cells_of(got)[:20] == [""] * 20  # warm-up: fewer than 20 returns
    np.testing.assert_allclose(cells_of(got)[20:], expected[20:], rtol=1e-10)


def test_volatility_bad_input(xl: Excel) -> None:
    args = ("AUD/JPY", "2008-10-20", "2008-10-24")
    assert xl.call("FX_VOL", *args, 1) == "window: must be a whole number of days >= 2 (got 1)"
    assert xl.call("FX_VOL", *args, 2.5) == (
        "window: must be a whole number of days >= 2 (got 2.5)"
    )
    assert xl.call("FX_VOL", *args, "ten") == 'window: must be a number (got text "ten")'
    assert xl.call("FX_VOL", "AUD/JPY", "2008-10-20", "2008-10-21") == (
        "end_date: must leave at least 3 fixings after start_date "
        "(got 2 fixings from start_date to end_date)"
    )
    assert xl.call("FX_VOL", "AUD/JPY", "2008-10-20", "2031-01-01").startswith(
        "end_date: is outside the data"
    )


def test_correlation_against_pandas_on_raw_returns(xl: Excel) -> None:
    start, end = dt.date(2020, 1, 1), dt.date(2024, 12, 31)
    a = pd.Series(_raw_log_returns("AUD/JPY", start, end))
    b = pd.Series(_raw_log_returns("NZD/JPY", start, end))
    got = xl.call("FX_CORREL", "AUD/JPY", "NZD/JPY", serial(start), serial(end))
    assert got == pytest.approx(a.corr(b), rel=1e-12)
    assert got == pytest.approx(0.909, abs=5e-4)  # docs/history.md's matrix


def test_a_column_and_a_row_of_pairs_give_the_matrix(xl: Excel) -> None:
    pairs = ("AUD/JPY", "NZD/JPY", "USD/JPY")
    got = xl.call("FX_CORREL", column(*pairs), row(*pairs), "2020-01-01", "2024-12-31")
    matrix = np.array(got, dtype=float)
    assert matrix.shape == (3, 3)
    np.testing.assert_allclose(np.diag(matrix), 1.0, rtol=1e-12)
    np.testing.assert_allclose(matrix, matrix.T, rtol=1e-12)
    bad = xl.call("FX_CORREL", column("AUD/JPY", "AUD/QQQ"), "USD/JPY", "2020-01-01", "2020-12-31")
    assert isinstance(bad[0][0], float)
    assert bad[1][0] == 'pair1: QQQ is not a currency code carryxl knows (got text "AUD/QQQ")'


# -- indicators --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def walk() -> pd.Series:
    """10,000 spots of a seeded random walk around 100 (a long, realistic column)."""
    steps = np.random.default_rng(7).normal(0.0, 0.006, ROWS)
    return pd.Series(100.0 * np.exp(np.cumsum(steps)))


def _column_of(got: list[list[object]]) -> np.ndarray:
    return np.array([np.nan if v == "" else v for v in cells_of(got)], dtype=float)


def test_sma_and_ema_over_ten_thousand_rows_match_pandas(xl: Excel, walk: pd.Series) -> None:
    values = column(*walk.tolist())
    sma = xl.call("FX_SMA", values, 50)
    assert len(sma) == ROWS
    assert cells_of(sma)[:49] == [""] * 49  # warm-up: window - 1 empty rows
    np.testing.assert_allclose(_column_of(sma)[49:], walk.rolling(50).mean()[49:], rtol=1e-10)
    ema = xl.call("FX_EMA", values, 20)
    np.testing.assert_allclose(_column_of(ema), walk.ewm(span=20, adjust=False).mean(), rtol=1e-12)


def _wilder_rsi(spots: pd.Series, n: int) -> pd.Series:
    """Wilder's RSI with pandas: averages seeded by the mean of the first n changes, then
    ewm(alpha=1/n, adjust=False) (which starts from its first value)."""
    change = spots.diff()
    averages = []
    for side in (change.clip(lower=0), (-change).clip(lower=0)):
        seeded = pd.concat([pd.Series([side[1 : n + 1].mean()]), side[n + 1 :]])
        averages.append(seeded.ewm(alpha=1 / n, adjust=False).mean().to_numpy())
    gain, loss = averages
    rsi = np.full(len(spots), np.nan)
    rsi[n:] = 100 - 100 / (1 + gain / loss)
    return pd.Series(rsi)


def test_rsi_over_ten_thousand_rows_matches_a_pandas_wilder(xl: Excel, walk: pd.Series) -> None:
    got = xl.call("FX_RSI", column(*walk.tolist()))  # default window 14
    assert cells_of(got)[:14] == [""] * 14  # warm-up: the first 14 rows
    np.testing.assert_allclose(_column_of(got)[14:], _wilder_rsi(walk, 14)[14:], rtol=1e-9)
    short = xl.call("FX_RSI", column(*walk.tolist()), 5)
    np.testing.assert_allclose(_column_of(short)[5:], _wilder_rsi(walk, 5)[5:], rtol=1e-9)


def test_macd_over_ten_thousand_rows_matches_pandas(xl: Excel, walk: pd.Series) -> None:
    got = xl.call("FX_MACD", column(*walk.tolist()))
    assert len(got) == ROWS
    assert {len(r) for r in got} == {3}
    line = walk.ewm(span=12, adjust=False).mean() - walk.ewm(span=26, adjust=False).mean()
    signal = line.ewm(span=9, adjust=False).mean()
    grid = np.array(got, dtype=float)
    np.testing.assert_allclose(grid[:, 0], line, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(grid[:, 1], signal, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(grid[:, 2], line - signal, rtol=1e-9, atol=1e-12)
    headed = xl.call("FX_MACD", column(*walk[:40].tolist()), 5, 10, 3, True)
    assert headed[0] == ["macd", "signal", "histogram"]
    fast = walk[:40].ewm(span=5, adjust=False).mean() - walk[:40].ewm(span=10, adjust=False).mean()
    np.testing.assert_allclose([r[0] for r in headed[1:]], fast, rtol=1e-9, atol=1e-12)


def test_indicators_on_real_history(xl: Excel) -> None:
    table = xl.call("FX_HISTORY", "AUD/JPY", "2015-01-01", "2024-12-31", False)
    spots = pd.Series([r[1] for r in table])
    got = xl.call("FX_SMA", column(*spots.tolist()), 200)
    np.testing.assert_allclose(_column_of(got)[199:], spots.rolling(200).mean()[199:], rtol=1e-10)


def test_spare_rows_at_the_end_stay_empty(xl: Excel) -> None:
    got = xl.call("FX_SMA", column(1.0, 2.0, 3.0, 4.0, None, ""), 2)
    assert got == [[""], [1.5], [2.5], [3.5], [""], [""]]
    assert xl.call("FX_EMA", column(None, None), 3) == (
        "values: must be a series of at least one number (got an empty cell)"
    )


def test_a_row_of_values_gives_a_row_and_columns_are_series(xl: Excel) -> None:
    assert xl.call("FX_SMA", row(1.0, 2.0, 3.0, 4.0), 2) == ["", 1.5, 2.5, 3.5]
    block = ((1.0, 10.0), (2.0, 20.0), (3.0, 40.0))
    assert xl.call("FX_SMA", block, 2) == [["", ""], [1.5, 15.0], [2.5, 30.0]]
    macd = xl.call("FX_MACD", row(1.0, 2.0), 2, 3, 2, True)
    assert macd == [
        ["macd", 0.0, approx(1 / 6)],
        ["signal", 0.0, approx(1 / 9)],
        ["histogram", 0.0, approx(1 / 18)],
    ]
    assert xl.call("FX_MACD", block) == (
        "values: must be one column (or one row) of spots (got 2 columns)"
    )


@pytest.mark.parametrize(
    ("bad", "shown"),
    [
        (None, "values: must be a number (got an empty cell) in row 2 of values"),
        ("abc", 'values: must be a number (got text "abc") in row 2 of values'),
        ("#DIV/0!", "values: must be a number (got the Excel error #DIV/0!) in row 2 of values"),
        ("inf", "values: must be a finite number (got inf)"),
    ],
)
@pytest.mark.parametrize("name", ["FX_SMA", "FX_EMA", "FX_RSI", "FX_MACD"])
def test_a_gap_inside_the_values_is_one_message(
    xl: Excel, name: str, bad: object, shown: str
) -> None:
    cell = xl.error(bad) if bad == "#DIV/0!" else float(bad) if bad == "inf" else bad
    got = xl.call(name, column(1.0, cell, 3.0, 4.0), 2)
    assert got == shown


@pytest.mark.parametrize("name", ["FX_SMA", "FX_EMA", "FX_RSI"])
def test_bad_windows(xl: Excel, name: str) -> None:
    values = column(1.0, 2.0, 3.0)
    assert xl.call(name, values, 0) == "window: must be a whole number of days >= 1 (got 0)"
    assert xl.call(name, values, 2.5) == "window: must be a whole number of days >= 1 (got 2.5)"
    assert xl.call(name, values, "x") == 'window: must be a number (got text "x")'
    assert xl.call(name, values, column(2.0, 3.0)) == (
        "window: must be a single cell (got a 2x1 range)"
    )


def test_macd_arguments(xl: Excel) -> None:
    values = column(1.0, 2.0, 3.0)
    assert xl.call("FX_MACD", values, 26, 12) == "fast: must be shorter than slow (12) (got 26)"
    assert xl.call("FX_MACD", values, MISSING, MISSING, 0) == (
        "signal: must be a whole number of days >= 1 (got 0)"
    )
    assert xl.call("FX_SMA", MISSING, 2) == (
        "values: must be a series of at least one number (got an empty cell)"
    )
    assert xl.call("FX_SMA", column(1.0, 2.0), MISSING) == (
        "window: must be a whole number of days >= 1 (got an empty cell)"
    )


def test_the_docs_show_what_the_cells_show(xl: Excel) -> None:
    doc = (Path(__file__).parents[2] / "docs" / "excel.md").read_text(encoding="utf-8")
    shown = [
        xl.call("FX_SPOT", "AUD/JPY", "1998-12-31"),
        xl.call("FX_SPOT", "AUD/XYZ", "2008-10-24"),
        xl.call("FX_SMA", column(1.0, "abc", 3.0), 2),
    ]
    for text in shown:
        assert f"`{text}`" in doc, text
    assert f"{xl.call('FX_SPOT', 'AUD/JPY', '2008-10-24'):.4f}" == "57.2515"
    assert "57.2515" in doc
