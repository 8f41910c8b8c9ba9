"""The backtest macro on files: a new sheet with the history package's numbers and a picture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from carryxl.cli import main
from carryxl.core.conventions import Currency, Pair
from carryxl.core.errors import CarryxlError
from carryxl.history import ecb_history
from carryxl.history.backtest import backtest
from carryxl.macros import FileBook, run_macro
from carryxl.macros.backtest import TABLE_HEADER
from carryxl.macros.contract import picture_name
from tests.macros.workbooks import scenario_workbook

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _run(path: Path) -> str:
    with FileBook(path, quiet=True) as book:
        title = run_macro("backtest", book)
        book.save()
    return str(title)


def _statistics(sheet: object) -> dict[str, object]:
    rows = sheet.iter_rows(min_row=4, max_col=2, values_only=True)  # type: ignore[attr-defined]
    return {str(label): value for label, value in rows if label}


def _table(sheet: object) -> list[tuple[object, ...]]:
    rows = sheet.iter_rows(min_row=3, min_col=4, max_col=11, values_only=True)  # type: ignore[attr-defined]
    header, *body = rows
    assert header == TABLE_HEADER
    return [r for r in body if r[0]]


def _with_names(path: Path, cells: dict[str, tuple[str, object]]) -> None:
    wb = openpyxl.load_workbook(path)
    for name, (cell, value) in cells.items():
        wb["Trade"][cell] = value
        wb.defined_names[name] = DefinedName(name, attr_text=f"Trade!${cell[0]}${cell[1:]}")
    wb.save(path)


def test_default_window_is_the_last_five_years_of_ecb_data(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "bt.xlsx")
    assert _run(path) == "Carry backtest"
    sheet = openpyxl.load_workbook(path)["Carry backtest"]
    stats = _statistics(sheet)
    history = ecb_history()
    quote = history.quote(Pair.parse("AUD/JPY"))
    last = history.dates[quote.last].astype(dt.date)
    first = last.replace(year=last.year - 5)
    expected = backtest(
        Pair.parse("AUD/JPY"), Currency.JPY, first, last, 10_000_000, 0.045, 0.001, history=history
    )
    s = expected.stats
    assert stats["To"] == last.isoformat()
    # the first fixing on or after the same day five years earlier
    assert dt.date.fromisoformat(str(stats["From"])) - first < dt.timedelta(days=5)
    assert stats["Fixings"] == expected.dates.size
    for label, value in (
        ("Start equity (JPY)", 10_000_000.0),  # leverage 1: the notional is the account
        ("End equity (JPY)", s.end_equity),
        ("Total return", s.total_return),
        ("Annualised return", s.annualised_return),
        ("Volatility (annualised)", s.volatility),
        ("Sharpe (no risk-free rate)", s.sharpe),
        ("Max drawdown", s.max_drawdown),
        ("Worst month return", s.worst_month_return),
        ("Carry (JPY)", s.carry),
        ("Spot (JPY)", s.fx),
        ("Cross term (JPY)", s.cross),
        ("Costs (JPY)", 0.0),
    ):
        assert stats[label] == pytest.approx(value, rel=1e-12, abs=1e-9), label
    assert stats["Worst month"] == s.worst_month
    # Hand check: total return is end / start equity - 1, and P&L = carry + spot + cross.
    assert stats["Total return"] == pytest.approx(
        float(stats["End equity (JPY)"]) / 10_000_000 - 1  # type: ignore[arg-type]
    )
    pnl = float(stats["End equity (JPY)"]) - 10_000_000  # type: ignore[arg-type]
    parts = (stats["Carry (JPY)"], stats["Spot (JPY)"], stats["Cross term (JPY)"])
    assert sum(float(p) for p in parts) == pytest.approx(pnl, abs=1e-6)  # type: ignore[arg-type]

    table = _table(sheet)
    assert len(table) == expected.dates.size
    assert [r[0] for r in table] == [str(d) for d in expected.dates]
    np.testing.assert_allclose([r[1] for r in table], expected.spots, rtol=1e-15)
    np.testing.assert_allclose([r[2] for r in table], expected.equity, rtol=1e-15)
    np.testing.assert_allclose([r[4] for r in table], expected.carry, rtol=1e-15, atol=1e-9)
    np.testing.assert_allclose([r[5] for r in table], expected.fx, rtol=1e-15, atol=1e-9)
    # carry accrues daily at the constant rates: AUD ACT/365F, JPY ACT/365F on the notional
    days = (np.datetime64(table[1][0]) - np.datetime64(table[0][0])).astype(int)
    assert table[1][4] == pytest.approx(10_000_000 * (0.045 - 0.001) * days / 365)
    # drawdown: 1 - equity / running peak
    equity = np.array([r[2] for r in table], dtype=float)
    np.testing.assert_allclose(
        [r[7] for r in table], 1 - equity / np.maximum.accumulate(equity), atol=1e-12
    )


def test_the_picture_is_embedded_and_a_second_run_keeps_the_first(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "pic.xlsx")
    _run(path)
    assert _run(path) == "Carry backtest 2"  # never over the first one
    wb = openpyxl.load_workbook(path)
    for title in ("Carry backtest", "Carry backtest 2"):
        (image,) = wb[title]._images
        assert image._data()[:8] == PNG_MAGIC
        assert (image.anchor._from.col, image.anchor._from.row) == (12, 2)  # M3
    names = wb.defined_names
    assert names[picture_name("carryxl_backtest")].attr_text.strip('"') == "Carry backtest!M3"
    assert names[picture_name("carryxl_backtest_2")].attr_text.strip('"') == "Carry backtest 2!M3"
    # the user's cells are left alone
    trade = wb["Trade"]
    assert trade["D2"].value == "=B4*2"
    assert trade["D3"].value == "=not a formula"
    assert trade["D3"].data_type == "s"


def test_the_workbooks_own_window_and_leverage(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "window.xlsx")
    _with_names(
        path,
        {
            "in_backtest_start": ("B11", dt.date(2024, 1, 2)),
            "in_backtest_end": ("B12", "2024-12-31"),
            "in_leverage": ("B13", 10),
        },
    )
    title = _run(path)
    sheet = openpyxl.load_workbook(path)[title]
    stats = _statistics(sheet)
    expected = backtest(
        Pair.parse("AUD/JPY"),
        Currency.JPY,
        "2024-01-02",
        "2024-12-31",
        10_000_000,
        0.045,
        0.001,
        leverage=10,
    )
    assert (stats["From"], stats["To"]) == ("2024-01-02", "2024-12-31")
    assert stats["Start equity (JPY)"] == pytest.approx(1_000_000.0)  # N / leverage
    assert stats["End equity (JPY)"] == pytest.approx(expected.stats.end_equity, rel=1e-12)
    assert stats["Max drawdown"] == pytest.approx(expected.stats.max_drawdown, rel=1e-12)
    assert stats["Worst month"] == expected.stats.worst_month


def test_only_a_start_runs_to_the_last_fixing(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "start.xlsx")
    _with_names(path, {"in_backtest_start": ("B11", "2025-06-02")})
    title = _run(path)
    stats = _statistics(openpyxl.load_workbook(path)[title])
    history = ecb_history()
    last = history.dates[history.quote(Pair.parse("AUD/JPY")).last]
    assert (stats["From"], stats["To"]) == ("2025-06-02", str(last))


@pytest.mark.parametrize(
    ("cells", "match"),
    [
        (
            {"in_backtest_start": ("B11", "2024-12-31"), "in_backtest_end": ("B12", "2024-01-02")},
            "must be before the end",
        ),
        ({"in_backtest_start": ("B11", "not a date")}, "in_backtest_start"),
        ({"in_leverage": ("B13", -2)}, "in_leverage"),
    ],
)
def test_bad_inputs_are_refused_and_the_file_left_alone(
    tmp_path: Path, cells: dict[str, tuple[str, object]], match: str
) -> None:
    path = scenario_workbook(tmp_path / "bad.xlsx")
    _with_names(path, cells)
    before = path.read_bytes()
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError, match=match):
        run_macro("backtest", book)
    assert path.read_bytes() == before


def test_a_pair_the_ecb_does_not_quote_is_refused(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "xxx.xlsx")
    wb = openpyxl.load_workbook(path)
    ((sheet, ref),) = wb.defined_names["in_pair"].destinations
    wb[sheet][ref.replace("$", "")] = "CNH/JPY"
    ((sheet, ref),) = wb.defined_names["in_funding"].destinations
    wb[sheet][ref.replace("$", "")] = "JPY"
    wb.save(path)
    before = path.read_bytes()
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError, match="has no CNH"):
        run_macro("backtest", book)
    assert path.read_bytes() == before


def test_carryxl_run_backtest_on_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = scenario_workbook(tmp_path / "cli.xlsx")
    out = tmp_path / "out.xlsx"
    assert main(["run", "backtest", str(path), "--out", str(out), "--quiet"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert "Carry backtest" in openpyxl.load_workbook(out).sheetnames
    assert "Carry backtest" not in openpyxl.load_workbook(path).sheetnames
