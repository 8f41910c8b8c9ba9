"""Conventions parse once into enums, with one clear error for anything unknown."""

from __future__ import annotations

import pytest

from carryxl.core import (
    CarryxlError,
    Currency,
    DayCount,
    Orientation,
    Pair,
    currency_name,
    default_day_count,
    points_scale,
    rate_from_text,
    spot_lag_days,
)


@pytest.mark.parametrize("text", ["AUD/JPY", "AUDJPY", "aud/jpy", " aud-jpy ", "AUD JPY"])
def test_pair_spellings(text: str) -> None:
    assert Pair.parse(text) == Pair(Currency.AUD, Currency.JPY)
    assert str(Pair.parse(text)) == "AUD/JPY"


@pytest.mark.parametrize(
    ("text", "argument", "rule"),
    [
        ("AUD/XXX", "pair", "XXX is not a currency code"),
        ("AUDJPYX", "pair", "currency pair"),
        ("JPY/JPY", "pair", "two different"),
        ("", "pair", "currency pair"),
    ],
)
def test_bad_pairs_name_the_argument_and_rule(text: str, argument: str, rule: str) -> None:
    with pytest.raises(CarryxlError, match=rule) as info:
        Pair.parse(text)
    assert info.value.argument == argument
    assert str(info.value).startswith(f"{argument}: ")
    assert repr(text) in str(info.value)


def test_orientation_and_target() -> None:
    pair = Pair.parse("USD/TRY")
    assert pair.orientation(Currency.USD) is Orientation.FUNDING_TARGET
    assert pair.orientation(Currency.TRY) is Orientation.TARGET_FUNDING
    assert pair.other(Currency.USD) is Currency.TRY
    with pytest.raises(CarryxlError, match=r"funding: must be one of the pair's currencies"):
        pair.orientation(Currency.JPY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("target/funding", Orientation.TARGET_FUNDING),
        ("FUNDING_TARGET", Orientation.FUNDING_TARGET),
    ],
)
def test_orientation_text(text: str, expected: Orientation) -> None:
    assert Orientation.parse(text) is expected


def test_orientation_unknown() -> None:
    with pytest.raises(CarryxlError, match="orientation: must be 'target/funding'"):
        Orientation.parse("base/quote")


def test_pip_size_and_points_scale() -> None:
    assert Pair.parse("AUD/JPY").pip_size() == 0.01
    assert points_scale(Pair.parse("USD/JPY")) == 100.0
    assert Pair.parse("EUR/USD").pip_size() == 0.0001
    assert points_scale(Pair.parse("EURUSD")) == pytest.approx(10_000.0)
    assert Pair.parse("USD/TRY").pip_size(0.001) == 0.001  # explicit override
    assert points_scale(Pair.parse("USD/TRY"), 0.001) == pytest.approx(1_000.0)
    with pytest.raises(CarryxlError, match="pip_size"):
        Pair.parse("EUR/USD").pip_size(-1)


@pytest.mark.parametrize(
    ("currency", "day_count"),
    [
        *[(c, DayCount.ACT_360) for c in ("USD", "EUR", "CHF", "SEK", "MXN", "NOK", "TRY")],
        *[(c, DayCount.ACT_365F) for c in ("GBP", "AUD", "NZD", "CAD", "HKD", "SGD", "ZAR")],
        ("JPY", DayCount.ACT_365F),  # documented default
    ],
)
def test_money_market_day_counts(currency: str, day_count: DayCount) -> None:
    assert default_day_count(currency) is day_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ACT/360", DayCount.ACT_360),
        ("act360", DayCount.ACT_360),
        ("A/365F", DayCount.ACT_365F),
        ("Actual/365 Fixed", DayCount.ACT_365F),
        ("ACT/ACT", DayCount.ACT_ACT),
        ("30/360", DayCount.THIRTY_360),
        ("30E/360", DayCount.THIRTY_E_360),
    ],
)
def test_day_count_aliases(text: str, expected: DayCount) -> None:
    assert DayCount.parse(text) is expected


def test_unknown_day_count_lists_the_choices() -> None:
    with pytest.raises(CarryxlError) as info:
        DayCount.parse("BUS/252")
    message = str(info.value)
    assert message.startswith("day_count: must be one of ACT/360, ACT/365F")
    assert "'BUS/252'" in message


def test_unknown_currency() -> None:
    with pytest.raises(CarryxlError, match="funding: must be a 3-letter currency code"):
        Currency.parse("XYZ", "funding")


def test_spot_lag() -> None:
    assert spot_lag_days(Pair.parse("USD/CAD")) == 1
    assert spot_lag_days(Pair.parse("CAD/USD")) == 1
    assert spot_lag_days(Pair.parse("USD/JPY")) == 2
    assert Pair.parse("AUDJPY").spot_lag == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.5%", 0.045),
        ("0.045", 0.045),
        (" 0.1 % ", 0.001),
        ("-0.1%", -0.001),
        (0.25, 0.25),
        ("1e-3", 0.001),
        (".5%", 0.005),
    ],
)
def test_rates_from_text(text: object, expected: float) -> None:
    assert rate_from_text(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["4.5 percent", "abc", "", "4,5%", "%"])
def test_bad_rate_text(text: str) -> None:
    with pytest.raises(CarryxlError, match=r"rate_target: must be a rate such as 4\.5% or 0\.045"):
        rate_from_text(text, "rate_target")


def test_currency_names_in_both_languages() -> None:
    assert currency_name(Currency.JPY) == "Japanese yen"
    assert currency_name(Currency.JPY, "zh") == "日元"
    assert currency_name(Currency.parse("aud"), "zh") == "澳元"
    assert all(currency_name(c, "zh") for c in Currency)


def test_currency_name_refuses_a_language_it_does_not_have() -> None:
    # an array as lang raised numpy's "truth value is ambiguous" (found by the fuzz test)
    for lang in ("fr", ["en", "zh"], None):
        with pytest.raises(CarryxlError, match="lang: must be 'en' or 'zh'"):
            currency_name(Currency.JPY, lang)  # type: ignore[arg-type]
