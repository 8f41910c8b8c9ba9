"""The command line reads pairs, currencies and dates once, into typed values: what the
argparse types hand the commands, and the one line a bad one gives."""

from __future__ import annotations

import argparse
from collections.abc import Callable

import numpy as np
import pytest

from carryxl.cli import main
from carryxl.cli.arguments import currency, currency_list, date, pair
from carryxl.core import Currency, Pair


def test_a_pair_is_a_pair_and_a_currency_a_currency() -> None:
    assert pair("pair")(" aud-jpy ") == Pair(Currency.AUD, Currency.JPY)
    assert currency("funding")("jpy") is Currency.JPY
    assert currency_list("currencies")("AUD,jpy,, USD") == (
        Currency.AUD,
        Currency.JPY,
        Currency.USD,
    )


def test_a_date_is_a_day_not_text() -> None:
    day = date("start")("2024-02-29")
    assert isinstance(day, np.datetime64)
    assert day == np.datetime64("2024-02-29", "D")
    # 1970-01-01 is day 0 (false as a number): still a date the commands use.
    assert date("start")("1970-01-01") == np.datetime64(0, "D")


@pytest.mark.parametrize(
    ("read", "text", "rule"),
    [
        (pair("pair"), "AUD/XXX", "XXX is not a currency code carryxl knows (got 'AUD/XXX')"),
        (currency("funding"), "YEN", "must be a 3-letter currency code"),
        (currency_list("currencies"), "AUD,QQQ", "(got 'QQQ')"),
        (date("start"), "2024-02-30", "2024-02 has 29 days"),
    ],
)
def test_bad_text_is_argparses_one_error_with_the_rule_and_the_text(
    read: Callable[[str], object], text: str, rule: str
) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as error:
        read(text)
    assert rule in str(error.value)


def test_a_bad_funding_currency_names_the_option_once(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["calc", "--pair", "AUD/JPY", "--funding", "YEN", "--notional", "1e7"]
    argv += ["--spot-start", "100", "--spot-end", "103", "--rate-target", "4.5%"]
    argv += ["--rate-funding", "0.1%", "--tenor", "6M"]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.strip().splitlines()
    assert "argument --funding: must be a 3-letter currency code" in line
    assert line.count("funding") == 1
    assert "(got 'YEN')" in line
