"""POLICY_RATE in a cell: the BIS levels of the files in ../shared, the same as the CLI."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from carryxl.cli import main
from carryxl.history.store import load_policy_rates
from tests.excel.ecb_raw import serial
from tests.excel.harness import Excel, column
from tests.policy_data import (
    JPY_GAPS,
    LATER_SPAN,
    NEW,
    OLD,
    STARTS_LATER,
    change_points,
    level_on,
)


def _serial(day: str) -> float:
    return serial(dt.date.fromisoformat(day))


def _cli_series(capsys, code: str, start: str, end: str) -> list[dict]:
    assert main(["rates", code, "--start", start, "--end", end, "--json"]) == 0
    steps: list[dict] = json.loads(capsys.readouterr().out)["changes"][code]
    return steps


def test_excel_and_cli_agree_on_every_change_date_of_every_currency(xl: Excel, capsys) -> None:
    rates = load_policy_rates()
    for code in rates.currencies:
        days = sorted(
            {
                d
                for rows in (change_points(OLD), change_points(NEW))
                for d, c, _ in rows
                if c == code
            }
        )
        got = xl.call("POLICY_RATE", str(code), column(*map(_serial, days)))
        got = [row[0] for row in got] if isinstance(got, list) else [got]
        steps = _cli_series(capsys, str(code), days[0], days[-1])
        starts = np.array([s["date"] for s in steps], dtype="datetime64[D]")
        for day, cell in zip(days, got, strict=True):
            in_force = steps[np.searchsorted(starts, np.datetime64(day), "right") - 1]["rate"]
            if in_force is None:  # a change date inside a span the gaps table marks
                assert cell.startswith(f"on_date: BIS published no {code} policy rate from")
            else:
                assert cell == pytest.approx(in_force, abs=1e-15), (code, day)
    # and the --date line, on a day each, for a mixed column of currencies
    codes = ["AUD", "JPY", "USD", "TRY", "EUR"]
    got = xl.call("POLICY_RATE", column(*codes), _serial("2008-07-01"))
    assert main(["rates", *codes, "--date", "2008-07-01", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)["rates"]
    assert [row[0] for row in got] == [pytest.approx(cli[c], abs=1e-15) for c in codes]


def test_gaps_before_and_after_the_data_are_messages_in_their_cells(xl: Excel) -> None:
    as_of = load_policy_rates().as_of
    after = as_of + np.timedelta64(30, "D")
    got = xl.call(
        "POLICY_RATE",
        column("JPY", "JPY", "TRY", "JPY", "XYZ"),
        column(*map(_serial, ["2024-08-01", "2014-06-30", "2001-01-02", str(after), "2020-01-01"])),
    )
    assert got[0][0] == level_on(change_points(NEW), "JPY", "2024-08-01") / 100
    first, last = JPY_GAPS[1]
    assert got[1][0] == (
        f"on_date: BIS published no JPY policy rate from {first} to {last} (got JPY on 2014-06-30)"
    )
    assert got[2][0].startswith(
        f"on_date: the BIS policy-rate data for TRY starts on {STARTS_LATER['TRY']}"
    )
    assert got[3][0] == (
        f"on_date: is after the BIS data's last date (last known level, stale since {as_of}: "
        f"{level_on(change_points(NEW), 'JPY', str(as_of)):.4f}%; carryxl data update) "
        f"(got JPY on {after})"
    )
    assert got[4][0].startswith("ccy: must be a 3-letter currency code")


def test_with_no_data_the_cell_names_the_ways_out(xl: Excel, empty_folder) -> None:
    got = xl.call("POLICY_RATE", "USD", _serial("2020-01-02"))
    assert got.startswith("POLICY_RATE: no policy-rate data yet: run `carryxl data update`, or")
    assert "carryxl data import FILE" in got


def test_as_of_in_words_says_whether_it_is_the_datas_end_or_its_last_change(
    xl: Excel, without_end: str, capsys
) -> None:
    """Issue 19 §5: change points imported without --through end at their last change; the
    date stays a date (for POLICY_RATE), in words it says what it is and how to say more."""
    assert xl.call("POLICY_RATE_AS_OF") == _serial(without_end)
    assert xl.call("POLICY_RATE_AS_OF", False) == _serial(without_end)
    words = xl.call("POLICY_RATE_AS_OF", True)
    assert words.startswith(f"as of the last change, {without_end} (")
    assert "give --through at import if the data runs later" in words
    assert main(["rates", "JPY", "--json"]) == 0
    assert words == json.loads(capsys.readouterr().out)["as_of_note"]  # the CLI's words


def test_as_of_in_words_is_plain_where_the_end_is_known(xl: Excel) -> None:
    """The shared folder was imported with the later table's end (--through 2024-12-31)."""
    assert xl.call("POLICY_RATE_AS_OF", True) == f"as of {LATER_SPAN[1]}"
    assert xl.call("POLICY_RATE_AS_OF", "maybe").startswith("in_words: ")
