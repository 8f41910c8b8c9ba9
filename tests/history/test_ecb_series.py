"""Spot history from the shipped ECB file, checked against the raw CSV read in the test."""

from __future__ import annotations

import datetime as dt
import itertools
import zipfile

import numpy as np
import pytest

from carryxl.core.conventions import Pair
from carryxl.core.errors import CarryxlError
from carryxl.history import ecb_history, history_table, spot_on, spot_series
from tests.history.raw_ecb import cross, per_eur, raw_rows


def test_audjpy_on_two_named_dates_matches_the_raw_file():
    # Cells of eurofxref-hist.csv: 2008-07-01 JPY 166.57, AUD 1.6519 per EUR;
    # 2008-10-24 JPY 117.4, AUD 2.0506 per EUR. AUD/JPY = JPY per EUR / AUD per EUR.
    assert raw_rows()["2008-07-01"]["JPY"] == "166.57"
    assert raw_rows()["2008-10-24"]["AUD"] == "2.0506"
    expected_july = 166.57 / 1.6519  # 100.835...
    expected_oct = 117.4 / 2.0506  # 57.2515...
    assert cross("2008-10-24", "AUD", "JPY") == expected_oct
    got = spot_on(Pair.parse("AUD/JPY"), ["2008-07-01", "2008-10-24"])
    assert got[0] == pytest.approx(expected_july, rel=1e-15)
    assert got[1] == pytest.approx(expected_oct, rel=1e-15)
    assert got[1] / got[0] - 1 < -0.40  # the 2008 crash in AUD/JPY: more than 40% down


def test_direct_and_inverted_quotes():
    assert spot_on(Pair.parse("EUR/USD"), "2024-08-05") == pytest.approx(
        per_eur("2024-08-05", "USD")
    )
    assert spot_on(Pair.parse("USD/EUR"), "2024-08-05") == pytest.approx(
        1 / per_eur("2024-08-05", "USD")
    )


def test_every_g10_cross_on_a_date():
    g10 = ["USD", "EUR", "JPY", "GBP", "CHF", "AUD", "NZD", "CAD", "SEK", "NOK"]
    for base in g10:
        for quote in g10:
            if base != quote:
                got = spot_on(Pair.parse(f"{base}/{quote}"), "2015-01-15")
                assert got == pytest.approx(cross("2015-01-15", base, quote), rel=1e-14)


def test_weekend_takes_fridays_fixing():
    # 2024-08-03 is a Saturday, 2024-08-04 a Sunday.
    friday = cross("2024-08-02", "USD", "JPY")
    got = spot_on(Pair.parse("USD/JPY"), ["2024-08-03", "2024-08-04", dt.date(2024, 8, 2)])
    np.testing.assert_allclose(got, [friday, friday, friday], rtol=1e-15)


def test_a_long_gap_inside_a_currencys_data_is_a_hole_not_a_carried_rate():
    # The ECB published no ISK rate from late 2008 to 2018: no value carries over.
    rows = raw_rows()
    isk = [(d, r["ISK"]) for d, r in sorted(rows.items())]
    last_before_gap = next(
        d for (d, v), (_, w) in itertools.pairwise(isk) if v != "N/A" and w == "N/A"
    )
    later = "2012-06-01"
    assert rows[later]["ISK"] == "N/A"
    with pytest.raises(CarryxlError, match=f"no EUR/ISK fixing between {last_before_gap}"):
        spot_on(Pair.parse("EUR/ISK"), later)
    assert spot_on(Pair.parse("EUR/ISK"), last_before_gap) == pytest.approx(
        float(rows[last_before_gap]["ISK"])
    )


def test_series_lists_the_datas_own_dates():
    s = spot_series(Pair.parse("USD/JPY"), "2024-08-01", "2024-08-07")
    expected = [d for d in sorted(raw_rows()) if "2024-08-01" <= d <= "2024-08-07"]
    assert [str(d) for d in s.dates] == expected
    np.testing.assert_allclose(s.values, [cross(d, "USD", "JPY") for d in expected], rtol=1e-15)


def test_history_table_has_a_header_and_date_objects():
    rows = history_table(Pair.parse("AUD/JPY"), "2008-10-23", "2008-10-27")
    assert rows[0] == ["date", "AUD/JPY"]
    assert rows[1][0] == dt.date(2008, 10, 23)
    assert rows[-1][0] == dt.date(2008, 10, 27)
    assert rows[-1][1] == pytest.approx(cross("2008-10-27", "AUD", "JPY"))


def test_history_is_read_once_and_cached():
    assert ecb_history() is ecb_history()


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: spot_on(Pair.parse("AUD/JPY"), "1998-12-31"), "date"),
        (lambda: spot_on(Pair.parse("AUD/JPY"), "2099-01-01"), "date"),
        (lambda: spot_series(Pair.parse("AUD/JPY"), "1990-01-01", "2000-01-01"), "start"),
        (lambda: spot_series(Pair.parse("AUD/JPY"), "2020-01-01", "2099-01-01"), "end"),
        (
            lambda: spot_on(Pair.parse("EUR/RUB"), "2023-06-01"),
            "date",
        ),  # ECB stopped RUB in March 2022
        (
            lambda: spot_on(Pair.parse("TRY/JPY"), "2003-01-02"),
            "date",
        ),  # TRY starts in 2005 (TRL before)
        (lambda: spot_series(Pair.parse("USD/JPY"), "2024-08-05", "2024-08-01"), "end"),
        (lambda: spot_on(Pair.parse("AUD/JPY"), "not a date"), "date"),
    ],
)
def test_dates_outside_the_data_name_the_argument(call, argument):
    with pytest.raises(CarryxlError) as error:
        call()
    assert error.value.argument == argument


def test_outside_message_says_what_the_data_covers():
    with pytest.raises(CarryxlError, match=r"has EUR/RUB from 2005-04-01 to 2022-03-01"):
        spot_on(Pair.parse("EUR/RUB"), "2023-06-01")


@pytest.mark.parametrize("pair", ["XYZ/JPY", "AUD/QQQ", "USD/CNH", "AUDAUD", "AU/JPY"])
def test_unknown_currency_is_an_error_naming_pair(pair):
    with pytest.raises(CarryxlError) as error:
        spot_on(Pair.parse(pair), "2020-01-02")  # parsed at the edge, or not in the data
    assert error.value.argument == "pair"


def test_another_eurofxref_zip_with_blanks_and_legacy_columns(tmp_path):
    path = tmp_path / "eurofxref-hist.zip"
    text = (
        "Date,USD,JPY,CYP,AUD,\n"
        "2024-08-07,1.0920,157.10,N/A,1.6650,\n"
        "2024-08-06,1.0900,,N/A,1.6700,\n"  # blank JPY: takes 5 August's
        "2024-08-05,1.0966,155.98,N/A,1.7008,\n"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("eurofxref-hist.csv", text)
    h = ecb_history(path)
    assert "CYP" not in h.currencies
    assert spot_on(Pair.parse("AUD/JPY"), "2024-08-05", h) == pytest.approx(155.98 / 1.7008)
    assert spot_on(Pair.parse("AUD/JPY"), "2024-08-06", h) == pytest.approx(155.98 / 1.67)
    with pytest.raises(CarryxlError, match="cannot be read"):
        ecb_history(tmp_path / "missing.zip")
