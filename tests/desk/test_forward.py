"""``carryxl forward``: outright, points and the dates, cross-checked against QuantLib's
calendar arithmetic and day counters (issue 11, section 5)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import QuantLib as ql

from carryxl.cli import main


def _forward(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict[str, object]:
    assert main(["forward", *argv, "--json"]) == 0
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def _ql(text: str) -> ql.Date:
    day = dt.date.fromisoformat(text)
    return ql.Date(day.day, day.month, day.year)


def _calendar(holidays: list[str]) -> ql.Calendar:
    calendar = ql.WeekendsOnly()
    calendar.resetAddedAndRemovedHolidays()
    for h in holidays:
        calendar.addHoliday(_ql(h))
    return calendar


@pytest.mark.parametrize(
    ("pair", "trade", "tenor", "holidays", "rates"),
    [
        ("USD/JPY", "2023-06-28", "3M", [], (0.0525, 0.001)),  # spot 30 June, a month end
        ("AUD/JPY", "2025-12-23", "1M", ["2025-12-25", "2025-12-26"], (0.045, 0.001)),
        ("EUR/USD", "2024-01-29", "1M", [], (0.04, 0.0533)),  # 31 Jan + 1M: end of February
        ("USD/CAD", "2024-08-29", "2W", ["2024-09-02"], (0.0533, 0.045)),  # T+1
        ("GBP/USD", "2024-03-26", "1Y", ["2024-03-29", "2024-04-01"], (0.0525, 0.0533)),
    ],
)
def test_dates_and_outright_match_quantlib(
    capsys: pytest.CaptureFixture[str],
    pair: str,
    trade: str,
    tenor: str,
    holidays: list[str],
    rates: tuple[float, float],
) -> None:
    spot = 1.2345
    argv = [
        "--pair",
        pair,
        "--spot",
        str(spot),
        "--rate-base",
        str(rates[0]),
        "--rate-quote",
        str(rates[1]),
        "--tenor",
        tenor,
        "--trade-date",
        trade,
    ]
    if holidays:
        argv += ["--holidays", ",".join(holidays)]
    r = _forward(capsys, argv)
    calendar = _calendar(holidays)
    try:
        lag = 1 if pair == "USD/CAD" else 2
        spot_date = calendar.advance(_ql(trade), lag, ql.Days)
        end = calendar.advance(spot_date, ql.Period(tenor), ql.ModifiedFollowing, True)
    finally:
        calendar.resetAddedAndRemovedHolidays()
    assert r["spot_date"] == spot_date.ISO()
    assert r["end_date"] == end.ISO()
    assert calendar.isBusinessDay(_ql(str(r["end_date"])))
    counters = {"ACT/360": ql.Actual360(), "ACT/365F": ql.Actual365Fixed()}
    t_base = counters[str(r["day_count_base"])].yearFraction(spot_date, end)
    t_quote = counters[str(r["day_count_quote"])].yearFraction(spot_date, end)
    outright = spot * (1 + rates[1] * t_quote) / (1 + rates[0] * t_base)
    assert r["outright"] == pytest.approx(outright, rel=1e-14)
    assert r["points"] == pytest.approx((outright - spot) * r["points_scale"], rel=1e-12)


def test_the_issue_example_ends_on_friday_not_saturday(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "forward",
        "--pair",
        "USD/JPY",
        "--spot",
        "144.5",
        "--rate-base",
        "5.25%",
        "--rate-quote",
        "0.1%",
        "--tenor",
        "3M",
        "--trade-date",
        "2023-06-28",
    ]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "2023-06-30 Fri" in text
    assert "2023-09-29 Fri" in text
    assert "2023-09-30" not in text
    assert "modified following with the end-of-month rule" in text


@pytest.mark.parametrize(
    ("extra", "word"),
    [
        (["--tenor", "3X"], "tenor"),
        (["--spot", "-1"], "spot"),
        (["--trade-date", "2023-02-30"], "--trade-date"),
        (["--holidays", "someday"], "holidays"),
    ],
)
def test_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str], extra: list[str], word: str
) -> None:
    base = {
        "--pair": "USD/JPY",
        "--spot": "150",
        "--rate-base": "5%",
        "--rate-quote": "0.1%",
        "--tenor": "3M",
        "--trade-date": "2023-06-28",
    }
    base[extra[0]] = extra[1]
    argv = ["forward", *(x for kv in base.items() for x in kv)]
    if extra[0] == "--holidays":
        argv += extra
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert word in err[0]


def test_the_issues_usd_jpy_thanksgiving_and_an_overnight_that_is_overnight(capsys):
    base = [
        "forward",
        "--pair",
        "USD/JPY",
        "--spot",
        "150",
        "--rate-base",
        "4.625%",
        "--rate-quote",
        "0.25%",
    ]
    assert main([*base, "--trade-date", "2024-11-27", "--tenor", "1M", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert (r["spot_date"], r["end_date"]) == ("2024-11-29", "2024-12-30")
    # ON is today -> tomorrow (not spot-next): Tue 26 -> Wed 27 November
    assert main([*base, "--trade-date", "2024-11-26", "--tenor", "ON", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert (r["start_date"], r["end_date"], r["value_date"]) == (
        "2024-11-26",
        "2024-11-27",
        "2024-11-26",
    )
    strip = ["--trade-date", "2024-11-26", "--tenors", "ON,TN,1W,1M,3M,6M,1Y", "--json"]
    assert main([*base, *strip]) == 0
    rows = json.loads(capsys.readouterr().out)["strip"]
    assert [row["tenor"] for row in rows] == ["ON", "TN", "1W", "1M", "3M", "6M", "1Y"]
    assert [row["days"] for row in rows[:2]] == [1, 2]  # Tue -> Wed, Wed -> Fri (spot)
    # EUR/HUF points are in the pair's pip (0.01 forint): x100
    assert (
        main(
            [
                "forward",
                "--pair",
                "EUR/HUF",
                "--spot",
                "400",
                "--rate-base",
                "3%",
                "--rate-quote",
                "6.5%",
                "--tenor",
                "3M",
                "--trade-date",
                "2025-03-03",
                "--json",
            ]
        )
        == 0
    )
    r = json.loads(capsys.readouterr().out)
    assert r["points"] == pytest.approx((r["outright"] - 400) * 100)
