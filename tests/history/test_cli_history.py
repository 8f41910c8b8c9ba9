"""The history, spot, stress, backtest and basket sub-commands, end to end."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from carryxl.cli import main
from tests.history.raw_ecb import cross

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _json(capsys, argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_spot_command(capsys):
    out = _json(capsys, ["spot", "AUD/JPY", "2008-07-01", "2008-10-25"])
    assert out["spots"]["2008-07-01"] == pytest.approx(cross("2008-07-01", "AUD", "JPY"))
    assert out["spots"]["2008-10-25"] == pytest.approx(cross("2008-10-24", "AUD", "JPY"))  # Sat


def test_history_command_with_indicators_correlation_and_plot(capsys, tmp_path):
    png = tmp_path / "usdjpy.png"
    out = _json(
        capsys,
        [
            "history",
            "USD/JPY",
            "AUD/JPY",
            "--start",
            "2024-07-01",
            "--end",
            "2024-08-30",
            "--sma",
            "5",
            "--rsi",
            "14",
            "--macd",
            "--vol-window",
            "10",
            "--rows",
            "--plot",
            str(png),
        ],
    )
    first = out["pairs"][0]
    assert first["low_date"] == "2024-08-05"
    assert first["low"] == pytest.approx(cross("2024-08-05", "USD", "JPY"))
    assert out["correlation"]["pairs"] == ["USD/JPY", "AUD/JPY"]
    assert 0 < out["correlation"]["matrix"][0][1] < 1
    assert out["rows"][0]["SMA 5"] is None
    assert out["rows"][4]["SMA 5"] == pytest.approx(sum(r["spot"] for r in out["rows"][:5]) / 5)
    assert png.read_bytes().startswith(PNG_MAGIC)


def test_stress_command_named_episode(capsys, tmp_path, with_rates):
    png = tmp_path / "yen.png"
    out = _json(
        capsys,
        [
            "stress",
            "--episode",
            "yen2024",
            "--notional",
            "10000000",
            "--leverage",
            "10",
            "--plot",
            str(png),
        ],
    )
    assert out["spot_start"] == pytest.approx(cross("2024-07-01", "USD", "JPY"))
    assert out["worst_move_date"] == "2024-08-05"
    assert out["margin_call_date"] is not None
    assert out["stop_out_date"] is not None
    stopped = [row for row in out["path"] if row["date"] >= out["stop_out_date"]]
    assert {row["pnl"] for row in stopped} == {out["stop_out_pnl"]}
    assert out["rates"]["source"] == "BIS, Central bank policy rates (WS_CBPOL)"
    assert png.stat().st_size > 10_000
    assert main(["stress", "--list"]) == 0
    assert "yen2024" in capsys.readouterr().out


def test_stress_text_report(capsys, with_rates):
    assert main(["stress", "--episode", "snb2015", "--leverage", "20"]) == 0
    text = capsys.readouterr().out
    assert "Source: BIS, Central bank policy rates (WS_CBPOL), as of 2024-" in text
    assert "illustrative" not in text
    assert "margin-call day" in text
    assert "2015-01-15" in text


def test_backtest_command_with_a_schedule_file(capsys, tmp_path):
    rates = tmp_path / "rates.csv"
    rates.write_text("date,AUD,JPY\n2005-01-03,5.25%,0.1%\n2008-09-03,7.0%,\n")
    png = tmp_path / "bt.png"
    out = _json(
        capsys,
        [
            "backtest",
            "--pair",
            "AUD/JPY",
            "--funding",
            "JPY",
            "--start",
            "2007-01-02",
            "--end",
            "2009-12-31",
            "--notional",
            "10000000",
            "--rates",
            str(rates),
            "--trend",
            "sma:50",
            "--stop-loss",
            "5%",
            "--cost",
            "2bp",
            "--plot",
            str(png),
            "--daily",
        ],
    )
    assert out["currency"] == "JPY"
    assert out["costs"] == pytest.approx(len(out["trades"]) * 2 * 0.0002 * 1e7, rel=0.05)
    assert out["daily"][0]["date"] == "2007-01-02"
    assert png.read_bytes().startswith(PNG_MAGIC)


def test_basket_command(capsys, tmp_path):
    argv = [
        "basket",
        "--start",
        "2020-01-02",
        "--end",
        "2020-12-31",
        "--top",
        "2",
        "--bottom",
        "2",
        "--rebalance",
        "quarterly",
        "--plot",
        str(tmp_path / "b.png"),
    ]
    for item in (
        "USD=1%",
        "EUR=-0.5%",
        "JPY=-0.1%",
        "GBP=0.5%",
        "CHF=-0.75%",
        "AUD=0.5%",
        "NZD=1%",
        "CAD=1.5%",
        "SEK=0%",
        "NOK=1.5%",
    ):
        argv += ["--rate", item]
    out = _json(capsys, argv)
    assert set(out["rebalances"][0]["longs"]) == {"CAD", "NOK"}
    assert set(out["rebalances"][0]["shorts"]) == {"CHF", "EUR"}
    assert (tmp_path / "b.png").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["spot", "XYZ/JPY", "2020-01-02"], "pair"),
        (["spot", "AUD/JPY", "1990-01-02"], "date: is outside the data"),
        (["history", "AUD/JPY", "--start", "2030-01-01"], "start"),
        (["stress", "--pair", "USD/JPY"], "funding"),
        (["stress", "--episode", "nope"], "episode"),
        (
            [
                "backtest",
                "--pair",
                "AUD/JPY",
                "--funding",
                "JPY",
                "--start",
                "2008-01-02",
                "--end",
                "2008-12-31",
            ],
            "carryxl data import FILE",
        ),
        (
            [
                "backtest",
                "--pair",
                "AUD/JPY",
                "--funding",
                "JPY",
                "--start",
                "2008-01-02",
                "--end",
                "2008-12-31",
                "--rate-target",
                "5%",
                "--rate-funding",
                "0",
                "--plot",
                "out.jpg",
            ],
            "plot",
        ),
        (["basket", "--start", "2020-01-02", "--end", "2020-12-31", "--rate", "AUD"], "rate"),
        (["history", "AUD/JPY", "--data", "/nonexistent.csv"], "cannot be read"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_history_packages_import_no_excel_library():
    code = (
        "import sys, carryxl.history, carryxl.history.plots, carryxl.cli; "
        "bad = [m for m in ('xlwings', 'openpyxl') if m in sys.modules]; "
        "sys.exit(str(bad) if bad else 0)"
    )
    command = [sys.executable, "-c", code]  # a fixed command, no outside input
    result = subprocess.run(command, check=False, capture_output=True, text=True)  # noqa: S603
    assert result.returncode == 0, result.stderr


def test_history_and_stress_on_a_users_csv_with_a_rate_schedule(capsys, tmp_path):
    spots = tmp_path / "spots.csv"
    spots.write_text(
        "date,USD/JPY\n2024-07-01,161.0\n2024-07-02,,\n2024-07-03,158.0\n2024-07-04,150.0\n"
    )
    out = _json(capsys, ["history", "USD/JPY", "--data", str(spots), "--rows"])
    assert [row["spot"] for row in out["rows"]] == [161.0, 161.0, 158.0, 150.0]  # gap filled
    rates = tmp_path / "rates.csv"
    rates.write_text("date,USD,JPY\n2024-01-01,5.5%,0%\n2024-07-03,5%,\n")
    out = _json(
        capsys,
        [
            "stress",
            "--pair",
            "USD/JPY",
            "--funding",
            "JPY",
            "--start",
            "2024-07-01",
            "--end",
            "2024-07-04",
            "--notional",
            "1000000",
            "--data",
            str(spots),
            "--rates",
            str(rates),
        ],
    )
    accrued = 0.055 * 2 / 360 + 0.05 * 1 / 360  # USD ACT/360; 5.5% for 2 days, 5% for 1
    assert out["path"][-1]["pnl"] == pytest.approx(1e6 * ((150 / 161) * (1 + accrued) - 1))
    assert out["rate_target"] == 0.055
