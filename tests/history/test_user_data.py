"""Users' own spot tables and rate schedules: layout, crosses, gaps and bad input."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from carryxl.core.conventions import Pair
from carryxl.core.errors import CarryxlError
from carryxl.history import RateSchedule, history_from_csv, history_from_rows, spot_on, spot_series

ROWS = [
    ["date", "USD/JPY", "AUD/USD"],
    ["2024-08-01", "149.50", "0.6540"],
    ["2024-08-02", "146.50", ""],  # gap: last known AUD/USD
    ["2024-08-05", "142.00", "0.6485"],
]


def test_pairs_and_crosses_through_a_shared_currency():
    h = history_from_rows(ROWS)
    assert spot_on(Pair.parse("USD/JPY"), "2024-08-05", h) == 142.0
    assert spot_on(Pair.parse("JPY/USD"), "2024-08-05", h) == pytest.approx(1 / 142.0)
    # AUD/JPY = (JPY per USD) / (AUD per USD) = 142.0 * 0.6485
    assert spot_on(Pair.parse("AUD/JPY"), "2024-08-05", h) == pytest.approx(142.0 * 0.6485)
    # The blank on 2024-08-02 takes the last known AUD/USD, 0.6540.
    assert spot_on(Pair.parse("AUD/JPY"), "2024-08-02", h) == pytest.approx(146.5 * 0.6540)
    # A Sunday takes Friday's values.
    assert spot_on(Pair.parse("AUD/JPY"), "2024-08-04", h) == pytest.approx(146.5 * 0.6540)


def test_bare_currency_columns_are_per_anchor(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "date,JPY,AUD\n2024-08-05,155.98,1.7008\n2024-08-06,157.0,N/A\n2024-08-07,158,1.70\n"
    )
    h = history_from_csv(path, anchor="EUR")
    assert spot_on(Pair.parse("AUD/JPY"), "2024-08-05", h) == pytest.approx(155.98 / 1.7008)
    assert spot_on(Pair.parse("AUD/JPY"), "2024-08-06", h) == pytest.approx(
        157.0 / 1.7008
    )  # gap filled
    assert h.source == "mine.csv"


def test_a_trailing_blank_is_after_the_data_not_a_gap():
    h = history_from_rows([["date", "EUR/AUD"], ["2024-08-05", "1.7"], ["2024-08-06", ""]])
    with pytest.raises(CarryxlError, match="to 2024-08-05"):
        spot_on(Pair.parse("EUR/AUD"), "2024-08-06", h)


def test_excel_serials_and_date_objects_and_unsorted_rows():
    rows = [
        ["date", "EUR/USD"],
        [45509.0, 1.0966],  # Excel serial of 2024-08-05
        [dt.date(2024, 8, 2), 1.0900],
    ]
    s = spot_series(Pair.parse("EUR/USD"), history=history_from_rows(rows))
    assert [str(d) for d in s.dates] == ["2024-08-02", "2024-08-05"]
    np.testing.assert_array_equal(s.values, [1.09, 1.0966])


def test_dates_outside_a_users_table():
    h = history_from_rows(ROWS)
    with pytest.raises(CarryxlError, match="outside the data") as error:
        spot_on(Pair.parse("USD/JPY"), "2024-08-06", h)
    assert error.value.argument == "date"
    with pytest.raises(CarryxlError, match="has no GBP"):
        spot_on(Pair.parse("GBP/JPY"), "2024-08-05", h)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["date", "USD/JPY"]], "header row and at least one data row"),
        ([["date", "USD/JPY"], ["2024-13-01", "1"]], "must be a date"),
        ([["date", "USD/JPY"], ["2024-08-01", "abc"]], "must be a number or blank"),
        ([["date", "USD/JPY"], ["2024-08-01", "-5"]], "must be > 0"),
        ([["date", "USD/JPY"], ["2024-08-01", "1"], ["2024-08-01", "2"]], "appears twice"),
        ([["date", "USD/XYZ"], ["2024-08-01", "1"]], "currency code"),
        ([["date"], ["2024-08-01"]], "at least one quote column"),
    ],
)
def test_bad_tables(rows, message):
    with pytest.raises(CarryxlError, match=message):
        history_from_rows(rows)


def test_missing_csv_file(tmp_path):
    with pytest.raises(CarryxlError, match="cannot be read"):
        history_from_csv(tmp_path / "nope.csv")


SCHEDULE = [
    ["date", "AUD", "JPY"],
    ["2008-03-05", "7.25%", "0.5%"],
    ["2008-09-03", "7.0%", ""],
    ["2008-10-08", "0.06", None],
    ["2008-11-01", "", "0.3%"],
]


def test_schedule_steps_and_blanks_keep_the_rate():
    s = RateSchedule.from_rows(SCHEDULE)
    dates = ["2008-03-05", "2008-09-02", "2008-09-03", "2008-10-31", "2008-11-01", "2020-01-01"]
    np.testing.assert_allclose(
        s.rate_on("AUD", dates), [0.0725, 0.0725, 0.07, 0.06, 0.06, 0.06], rtol=1e-15
    )
    np.testing.assert_allclose(
        s.rate_on("JPY", dates), [0.005, 0.005, 0.005, 0.005, 0.003, 0.003], rtol=1e-15
    )


def test_schedule_errors():
    s = RateSchedule.from_rows(SCHEDULE)
    with pytest.raises(CarryxlError, match="starts on 2008-03-05") as error:
        s.rate_on("AUD", "2008-01-01")
    assert error.value.argument == "rates"
    with pytest.raises(CarryxlError, match="no column"):
        s.rate_on("USD", "2008-06-01")
    with pytest.raises(CarryxlError, match="rate such as"):
        RateSchedule.from_rows([["date", "AUD"], ["2008-01-01", "lots"]])
    with pytest.raises(CarryxlError, match="above -1"):
        RateSchedule.from_rows([["date", "AUD"], ["2008-01-01", "-150%"]])
    with pytest.raises(CarryxlError, match="only once"):
        RateSchedule.from_rows([["date", "AUD"], ["2008-01-01", "1%"], ["2008-01-01", "2%"]])
