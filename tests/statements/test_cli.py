"""``carryxl statement``: the text and JSON a trader reads, the account kept private, the
policy rates from the data folder, the chart, and one-line refusals that change nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from carryxl.cli import main
from tests.statements.scenarios import usd_report
from tests.statements.writers import mt5_html, mt5_xlsx, write_terminal_html

PRIVATE = ("1234567", "Holder Name")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return write_terminal_html(tmp_path / "ReportHistory.html", mt5_html(usd_report()))


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_holidays_move_the_value_dates(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["statement", str(report), "--json", "--holidays", "2025-01-15"], capsys)
    assert json.loads(out)["positions"][0]["nights"] == 8  # Wed 08 -> Thu 16


def test_json_has_the_documented_shape(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["statement", str(report), "--json"], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert {"account", "positions", "pairs", "totals", "source"} <= set(data)
    assert {"currency", "server", "kind", "margin_mode"} <= set(data["account"])
    keys = [
        "ticket",
        "symbol",
        "pair",
        "side",
        "lots",
        "open_time",
        "close_time",
        "nights",
        "swap",
        "commission",
        "profit",
        "swap_per_lot_night_quote",
        "implied_rate",
        "policy_differential",
        "stale",
        "markup_bp",
    ]
    assert set(keys) <= set(data["positions"][0])
    assert {"profit", "swap", "commission"} <= set(data["totals"])
    first = data["positions"][0]
    assert (first["ticket"], first["pair"], first["side"], first["nights"]) == (
        "101",
        "USD/JPY",
        "long",
        7,
    )
    assert first["open_time"] == "2025-01-06 10:00:00"
    assert data["totals"]["profit"] == -798.58
    assert data["totals"]["swap"] == 5.65
    assert data["totals"]["commission"] == -14.5
    assert data["totals"]["file_net_profit"] == -808.43
    assert [(p["pair"], p["side"]) for p in data["pairs"]][-1] == ("USD/JPY", "long")
    assert [o["symbol"] for o in data["others"]] == ["US500", "XAUUSD"]


@pytest.mark.parametrize("as_json", [False, True])
def test_holder_and_account_number_only_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], as_json: bool
) -> None:
    # the terminal names its reports after the account: the name is masked too
    report = write_terminal_html(tmp_path / "ReportHistory-1234567.html", mt5_html(usd_report()))
    extra = ["--json"] if as_json else []
    _, out, _ = _run(["statement", str(report), "--positions", *extra], capsys)
    assert not [p for p in PRIVATE if p in out]
    assert "ReportHistory-….html" in out
    _, shown, _ = _run(["statement", str(report), "--show-account", *extra], capsys)
    assert all(p in shown for p in PRIVATE)


def test_text_report_splits_price_and_carry(
    report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["statement", str(report), "--positions"], capsys)
    assert code == 0
    assert "server time" in out
    assert "metals, indices and other CFDs" in out
    line = next(x for x in out.splitlines() if x.startswith("101 "))
    assert "158.23" in line and "15.75" in line and "711.00" in line  # noqa: PT018
    assert "net -807.43 USD" in out
    assert "the file's own net profit: -808.43 USD" in out


def test_policy_rates_from_the_data_folder(
    report: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CARRYXL_DATA_DIR", str(tmp_path / "data"))
    rates = tmp_path / "rates.csv"
    rates.write_text(
        "date,currency,policy_rate_percent\n2025-01-01,USD,4.50\n2025-01-01,JPY,0.25\n"
        "2025-01-01,AUD,4.35\n2025-01-01,EUR,3.15\n2025-01-12,JPY,0.50\n",
        encoding="utf-8",
    )
    assert main(["data", "import", str(rates)]) == 0
    capsys.readouterr()
    _, out, _ = _run(["statement", str(report), "--json"], capsys)
    first = json.loads(out)["positions"][0]
    # USDJPY long, nights 08..14: 4 at 4.50-0.25 and 3 at 4.50-0.50 (the data ends on the
    # 12th, so the 13th and 14th take the last known level: stale).
    assert first["policy_differential"] == pytest.approx(29 / 7 / 100)
    assert first["stale"] is True
    implied = 15.75 * 158.0 / (50_000 * 157.5) * 365 / 7
    assert first["markup_bp"] == pytest.approx((29 / 7 / 100 - implied) * 1e4)
    assert "BIS" in json.loads(out)["source"]["policy_rates"]


def test_plot_is_written_and_never_replaced_without_force(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    picture = tmp_path / "carry.png"
    code, out, _ = _run(["statement", str(report), "--plot", str(picture)], capsys)
    assert code == 0
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    before = picture.read_bytes()
    code, out, err = _run(["statement", str(report), "--plot", str(picture)], capsys)
    assert (code, out) == (2, "")
    assert "--force" in err
    assert picture.read_bytes() == before


def _digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"<html><body><p>hello</p></body></html>", "is not a MetaTrader statement"),
        (b"PK\x03\x04 not really a workbook", "is not a readable XLSX workbook"),
        (
            mt5_html(usd_report(), cut_after="Deals").encode(),
            "no Deals, Open Positions table",
        ),
        (mt5_html(usd_report(), cut_after="Results").encode(), "no Results block"),
    ],
    ids=["empty", "other html", "broken zip", "cut in deals", "cut at results"],
)
def test_a_file_that_is_not_a_whole_statement_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    path = tmp_path / "report.html"
    path.write_bytes(content)
    before = _digest(path)
    code, out, err = _run(["statement", str(path)], capsys)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert words in err
    assert "Traceback" not in err
    assert _digest(path) == before


def test_a_workbook_that_is_not_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl  # noqa: PLC0415

    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["just", "numbers", 1, 2])  # type: ignore[union-attr]
    book.save(path)
    code, out, err = _run(["statement", str(path)], capsys)
    assert (code, out) == (2, "")
    assert "not an MT5 report" in err


def test_reading_never_changes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = mt5_xlsx(usd_report(), tmp_path / "r.xlsx")
    before = _digest(path)
    assert _run(["statement", str(path), "--json"], capsys)[0] == 0
    assert _digest(path) == before


def test_cell_text_is_never_evaluated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = mt5_html(usd_report()).replace("US500", "__import__('os').getcwd()")
    path = tmp_path / "r.html"
    path.write_text(text, encoding="utf-8")
    _, out, _ = _run(["statement", str(path), "--json"], capsys)
    others = json.loads(out)["others"]
    assert "__import__('os').getcwd()" in [o["symbol"] for o in others]


def test_bad_arguments(report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["statement", str(report), "--triple-day", "Someday"], capsys)
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert "triple_day" in err
    code, out, err = _run(["statement", str(report), "--holidays", "2025-13-01"], capsys)
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert "holidays" in err
    code, out, err = _run(["statement", str(tmp_path / "missing.html")], capsys)
    assert (code, out, err.count("\n")) == (2, "", 1)


def test_long_work_prints_progress_on_stderr(
    report: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import carryxl.cli.statement as command  # noqa: PLC0415

    _, _, quiet = _run(["statement", str(report)], capsys)
    assert quiet == ""
    monkeypatch.setattr(command, "PROGRESS_FROM", 3)
    monkeypatch.setattr(command, "LARGE_FILE", 10)
    code, out, err = _run(["statement", str(report), "--json"], capsys)
    assert code == 0
    assert json.loads(out)["totals"]["positions"] == 6
    lines = err.splitlines()
    assert lines[0].startswith("carryxl statement: reading ReportHistory.html")
    assert lines[-1] == "carryxl statement: analysed 6 of 6 positions"
