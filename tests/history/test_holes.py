"""Holes in the history: only market holidays are forward-filled; a longer gap is an error
naming the pair and the missing span (issue 11, section 3)."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from carryxl.cli import main
from carryxl.core.conventions import Pair
from carryxl.core.errors import CarryxlError
from carryxl.history import backtest, spot_on, spot_series
from carryxl.history.data import MAX_HOLIDAY_GAP, history_from_rows
from carryxl.history.series import fixing_dates
from tests.history.raw_ecb import raw_rows


def _isk_hole() -> tuple[str, str]:
    """The last ISK fixing before its long pause and the first after, from the raw file."""
    fixed = sorted(d for d, row in raw_rows().items() if row["ISK"].strip() not in ("", "N/A"))
    gaps = [(a, b) for a, b in itertools.pairwise(fixed) if np.busday_count(a, b) > 5]
    assert len(gaps) == 1
    return gaps[0]


def test_a_date_inside_the_isk_hole_is_an_error_naming_the_currency_and_span():
    last, nxt = _isk_hole()
    with pytest.raises(CarryxlError) as caught:
        spot_on(Pair.parse("EUR/ISK"), "2010-06-01")
    message = str(caught.value)
    assert "ISK" in message
    assert last in message
    assert nxt in message
    assert caught.value.argument == "date"


def test_a_cross_through_the_hole_is_an_error_too():
    with pytest.raises(CarryxlError, match="EUR/ISK"):
        spot_on(Pair.parse("USD/ISK"), "2012-03-01")


def test_a_series_across_the_hole_is_an_error_and_the_default_starts_after_it():
    last, nxt = _isk_hole()
    with pytest.raises(CarryxlError, match=f"start on or after {nxt}"):
        spot_series(Pair.parse("EUR/ISK"), "2008-01-01", "2019-01-01")
    whole = spot_series(Pair.parse("EUR/ISK"))
    assert str(whole.dates[0]) == nxt
    before = spot_series(Pair.parse("EUR/ISK"), "2008-01-01", last)
    assert str(before.dates[-1]) == last


def test_history_volatility_is_not_computed_across_the_hole(capsys):
    assert main(["history", "EUR/ISK", "--start", "2008-01-01", "--end", "2019-01-01"]) == 2
    err = capsys.readouterr().err
    assert "ISK" in err
    assert "hole" in err
    assert len(err.strip().splitlines()) == 1
    assert main(["history", "EUR/ISK", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["pairs"][0]["realised_vol"] > 0.01  # not 0.00% from nine flat years


def test_a_backtest_does_not_run_across_the_hole():
    with pytest.raises(CarryxlError, match="hole"):
        backtest(Pair.parse("EUR/ISK"), "EUR", "2008-01-02", "2019-12-31", 1_000_000, 0.05, 0.0)


def test_rub_after_its_fixings_stop_is_an_error_saying_so():
    with pytest.raises(CarryxlError, match="stop on 2022-03-01"):
        spot_on(Pair.parse("EUR/RUB"), "2023-01-02")


def _table(dates: list[str], values: list[float | str]) -> list[list[object]]:
    return [["date", "USD/JPY"], *([d, v] for d, v in zip(dates, values, strict=True))]


def test_a_market_holiday_is_filled_and_a_longer_gap_in_a_users_table_is_not():
    # Thu 2024-03-28 -> Tue 2024-04-02 is Easter: 3 business days apart, filled.
    easter = history_from_rows(_table(["2024-03-28", "2024-04-02"], [151.0, 151.5]))
    assert spot_on(Pair.parse("USD/JPY"), "2024-04-01", easter) == pytest.approx(151.0)
    # Fixings 6 business days apart: a hole, whether the rows are missing or blank.
    apart = ["2024-03-01", "2024-03-11"]
    assert np.busday_count(*apart) == MAX_HOLIDAY_GAP + 1
    for table in (
        _table(apart, [150.0, 147.0]),
        _table([apart[0], "2024-03-05", apart[1]], [150.0, "N/A", 147.0]),
    ):
        history = history_from_rows(table)
        with pytest.raises(CarryxlError, match="between 2024-03-01 and 2024-03-11"):
            spot_on(Pair.parse("USD/JPY"), "2024-03-06", history)
        with pytest.raises(CarryxlError, match="spans a hole"):
            spot_series(Pair.parse("USD/JPY"), "2024-03-01", "2024-03-11", history)


def test_spot_on_a_weekend_says_which_fixing_it_used(capsys):
    assert list(fixing_dates(Pair.parse("AUD/JPY"), ["2024-08-03", "2024-08-05"]).astype(str)) == [
        "2024-08-02",
        "2024-08-05",
    ]
    assert main(["spot", "AUD/JPY", "2024-08-03", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["fixing_dates"] == {"2024-08-03": "2024-08-02"}
    assert main(["spot", "AUD/JPY", "2024-08-03"]) == 0
    text = capsys.readouterr().out
    assert "fixing of" in text
    assert "2024-08-02" in text
