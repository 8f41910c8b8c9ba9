"""One date parser for every command, Excel function and macro: the same dates refused in
the same words everywhere, the same date read everywhere."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pytest

from carryxl.cli import main
from carryxl.core import CarryxlError, as_dates, parse_date
from carryxl.core.dates import DATE_RULE
from carryxl.excel import cells
from carryxl.history.data import parse_date_cell

BAD = {
    "2024-02-30": r"must be a date that exists \(2024-02 has 29 days\)",
    "2023-02-29": r"must be a date that exists \(2023-02 has 28 days\)",
    "2024-13-01": r"must be a date that exists \(months run 01 to 12\)",
    "2024-00-10": r"must be a date that exists \(months run 01 to 12\)",
    "2024-1-5": DATE_RULE,
    "20240105": DATE_RULE,
    "2024": DATE_RULE,
    "05/01/2024": DATE_RULE,
    "2024-01-05T00:00": DATE_RULE,
}


@pytest.mark.parametrize(("text", "rule"), BAD.items())
def test_the_core_refuses(text: str, rule: str) -> None:
    with pytest.raises(CarryxlError, match=rule):
        parse_date("start", text)
    with pytest.raises(CarryxlError, match=rule):
        as_dates("start", [text])


@pytest.mark.parametrize(("text", "rule"), BAD.items())
def test_every_command_refuses_in_one_line(
    text: str, rule: str, capsys: pytest.CaptureFixture[str]
) -> None:
    commands = [
        ["spot", "USD/JPY", text],
        ["swap", "--pair", "USD/JPY", "--open", text, "--close", "2025-01-20"],
        ["history", "USD/JPY", "--start", text],
        [
            "calc",
            "--pair",
            "AUD/JPY",
            "--funding",
            "JPY",
            "--notional",
            "1e6",
            "--spot-start",
            "100",
            "--spot-end",
            "101",
            "--rate-target",
            "4%",
            "--rate-funding",
            "0.1%",
            "--start",
            text,
            "--tenor",
            "6M",
        ],
    ]
    for argv in commands:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1
        assert re.search(rule, err)
        assert repr(text) in err


@pytest.mark.parametrize(("text", "rule"), BAD.items())
def test_excel_functions_and_macros_refuse_in_the_same_words(text: str, rule: str) -> None:
    cell = cells.dates("start_date", [[text]])
    assert cell.problems is not None
    assert re.search(rule, str(cell.problems.flat[0]))
    with pytest.raises(CarryxlError, match=rule):
        parse_date_cell(text, "in_stress_start")


@pytest.mark.parametrize(
    "value",
    [
        "2024-01-05",
        " 2024-01-05 ",
        "2024/01/05",
        dt.date(2024, 1, 5),
        dt.datetime(2024, 1, 5, 17),
        np.datetime64("2024-01-05"),
    ],
)
def test_the_same_date_everywhere(value: object) -> None:
    day = np.datetime64("2024-01-05", "D")
    assert parse_date("d", value) == day
    assert parse_date_cell(value, "d") == day
    if not isinstance(value, np.datetime64):  # a cell never holds one
        assert cells.dates("d", [[value]]).values.flat[0] == day
