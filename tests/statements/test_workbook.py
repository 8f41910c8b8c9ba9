"""The statement template: ``carryxl run statement BOOK --file REPORT`` (the Import
statement button without Excel) fills its table with the command line's figures, owns only
what it wrote, and the totals LibreOffice recalculates are the command line's."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from carryxl.cli import main
from carryxl.workbooks.sheets.statement import COLUMNS, ROWS
from tests.libreoffice import convert
from tests.statements.scenarios import usd_report
from tests.statements.writers import Held, Report, mt5_html, write_terminal_html
from tests.workbooks.named import cells, values

WORKBOOKS = Path(__file__).resolve().parents[2] / "workbooks"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    target = tmp_path / "statement.xlsx"
    shutil.copyfile(WORKBOOKS / "statement.xlsx", target)
    return target


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return write_terminal_html(tmp_path / "ReportHistory.html", mt5_html(usd_report()))


def _policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARRYXL_DATA_DIR", str(tmp_path / "data"))
    rates = tmp_path / "rates.csv"
    rates.write_text(
        "date,currency,policy_rate_percent\n2025-01-01,USD,4.50\n2025-01-01,JPY,0.25\n"
        "2025-01-01,AUD,4.35\n2025-01-01,EUR,3.15\n2025-01-01,GBP,4.75\n2025-01-31,JPY,0.50\n",
        encoding="utf-8",
    )
    assert main(["data", "import", str(rates)]) == 0


def _cli_json(report: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["statement", str(report), "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def _table(path: Path) -> list[list[Any]]:
    wb = openpyxl.load_workbook(path)
    found = [c.value for c in cells(wb, "in_st_table")]
    width = len(COLUMNS)
    return [found[i : i + width] for i in range(0, len(found), width)]


def test_the_table_holds_the_command_lines_figures(
    book: Path, report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "statement", str(book), "--file", str(report), "--quiet"]) == 0
    expected = sorted(_cli_json(report, capsys)["positions"], key=lambda p: p["close_time"])
    rows = _table(book)
    assert len(rows) == ROWS
    filled = [r for r in rows if r[0] is not None]
    assert [r[0] for r in filled] == [p["ticket"] for p in expected]
    for row, p in zip(filled, expected, strict=True):
        assert row[1:5] == [p["symbol"], p["pair"] or None, p["side"], p["lots"]]
        assert row[5:7] == [p["open_time"], p["close_time"]]
        assert row[7] == p["nights"]
        assert row[8:11] == [p["profit"], p["swap"] + p["financing"], p["commission"] + p["fee"]]
        for got, want in zip(
            row[11:14],
            (p["swap_per_lot_night_quote"], p["implied_rate"], p["policy_differential"]),
            strict=True,
        ):
            assert got == (None if want is None else pytest.approx(want, rel=1e-12))
    wb = openpyxl.load_workbook(book)
    assert values(wb, "in_st_currency") == "USD"
    assert values(wb, "in_st_source") == "ReportHistory.html: MT5 HTML (UTF-16LE)"


def test_a_second_import_replaces_its_own_table_but_never_the_users(
    book: Path, report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "statement", str(book), "--file", str(report), "--quiet"]) == 0
    assert main(["run", "statement", str(book), "--file", str(report), "--quiet"]) == 0
    wb = openpyxl.load_workbook(book)
    cells(wb, "in_st_table")[8].value = 999.0  # the user types over a price P&L
    wb.save(book)
    before = hashlib.sha256(book.read_bytes()).hexdigest()
    capsys.readouterr()
    assert main(["run", "statement", str(book), "--file", str(report), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "in_st_table" in err
    assert hashlib.sha256(book.read_bytes()).hexdigest() == before


def test_without_a_file_it_asks_for_one(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = book.read_bytes()
    assert main(["run", "statement", str(book), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "give --file FILE" in err
    assert book.read_bytes() == before


def test_a_statement_longer_than_the_table_is_refused(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = usd_report().positions[3]  # EURUSD_m, one night
    many = tuple(
        Held(**{**one.__dict__, "ticket": str(5000 + i)})  # type: ignore[arg-type]
        for i in range(ROWS + 1)
    )
    long = Report(account="1 (USD, S, demo, Hedge)", positions=many, deals=(), net_profit="0.00")
    path = tmp_path / "long.html"
    path.write_text(mt5_html(long), encoding="utf-8")
    before = book.read_bytes()
    assert main(["run", "statement", str(book), "--file", str(path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert f"than the table's {ROWS} rows" in err
    assert book.read_bytes() == before


def test_libreoffice_recalculates_the_totals_to_the_command_line(
    book: Path,
    report: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _policy(tmp_path, monkeypatch)
    assert main(["run", "statement", str(book), "--file", str(report), "--quiet"]) == 0
    totals = _cli_json(report, capsys)["totals"]
    wb = openpyxl.load_workbook(convert(book, "xlsx", tmp_path / "lo"), data_only=True)
    assert values(wb, "out_st_positions") == totals["positions"]
    for name, key in (("profit", "profit"), ("swap", "swap"), ("net", "net")):
        assert values(wb, f"out_st_{name}") == pytest.approx(totals[key], abs=1e-9)
    assert values(wb, "out_st_commission") == pytest.approx(totals["commission"] + totals["fee"])
    assert values(wb, "out_st_nights") == totals["nights"]
    assert values(wb, "out_st_implied") == pytest.approx(totals["implied_rate"], rel=1e-9)
    assert values(wb, "out_st_differential") == pytest.approx(
        totals["policy_differential"], rel=1e-9
    )
    assert values(wb, "out_st_markup_bp") == pytest.approx(totals["markup_bp"], rel=1e-6)
    share = totals["swap"] / (abs(totals["profit"]) + abs(totals["swap"]))
    assert values(wb, "out_st_carry_share") == pytest.approx(share)
    table = [c.value for c in cells(wb, "in_st_table")]
    width = len(COLUMNS)
    last = table[(totals["positions"] - 1) * width : totals["positions"] * width]
    assert last[-2:] == [pytest.approx(totals["profit"]), pytest.approx(totals["swap"])]
    assert table[totals["positions"] * width :] == [None] * (
        len(table) - totals["positions"] * width
    )
