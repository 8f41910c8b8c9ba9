"""The portfolio macro on the template: the window's volatilities and correlations from ECB
fixings, written only where carryxl owns the cells."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from carryxl.cli import main
from carryxl.core.errors import CarryxlError
from carryxl.macros import FileBook, run_macro
from carryxl.workbooks import workbook_bytes
from carryxl.workbooks.sheets.portfolio import seed_inputs
from tests.history.raw_ecb import cross, raw_rows
from tests.policy_data import NEW, change_points, level_on
from tests.workbooks.named import cells, values


def _template(path: Path) -> Path:
    """The portfolio template as ``carryxl new`` writes it, untouched."""
    path.write_bytes(workbook_bytes("portfolio"))
    return path


def _returns(pairs: list[str], start: str, end: str) -> np.ndarray:
    days = [d for d in sorted(raw_rows()) if start <= d <= end]
    spots = np.array([[cross(d, p[:3], p[4:]) for p in pairs] for d in days])
    return np.diff(np.log(spots), axis=0)


def test_refresh_writes_the_windows_volatilities_and_correlations(tmp_path: Path) -> None:
    path = _template(tmp_path / "book.xlsx")
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    wb = openpyxl.load_workbook(path)
    pairs = ["AUD/JPY", "NZD/JPY", "MXN/JPY", "USD/JPY"]
    # the template's window: the year to its valuation date, 5 August 2024
    assert values(wb, "in_window_start").date() == dt.date(2023, 8, 6)
    assert values(wb, "in_window_end").date() == dt.date(2024, 8, 5)
    returns = _returns(pairs, "2023-08-06", "2024-08-05")
    vol = returns.std(axis=0, ddof=1) * math.sqrt(252)
    assert values(wb, "in_pf_volatility")[:4] == pytest.approx(list(vol), rel=1e-12)
    assert values(wb, "in_pf_volatility")[4:] == [None] * 8
    grid = values(wb, "in_correlation")
    matrix = np.array([x if x is not None else np.nan for x in grid], dtype=float).reshape(12, 12)
    np.testing.assert_allclose(matrix[:4, :4], np.corrcoef(returns, rowvar=False), rtol=1e-12)
    assert np.isnan(matrix[4:, :]).all()  # rows and columns without a position: empty
    assert np.isnan(matrix[:, 4:]).all()
    # a new window: carryxl's own numbers are replaced
    wb["Portfolio"]["B7"] = dt.datetime(2024, 1, 2)  # in_window_start
    assert cells(wb, "in_window_start")[0].coordinate == "B7"
    wb.save(path)
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    again = openpyxl.load_workbook(path)
    shorter = _returns(pairs, "2024-01-02", "2024-08-05").std(axis=0, ddof=1) * math.sqrt(252)
    assert values(again, "in_pf_volatility")[:4] == pytest.approx(list(shorter), rel=1e-12)


def test_a_users_numbers_are_never_overwritten(tmp_path: Path) -> None:
    path = _template(tmp_path / "book.xlsx")
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    wb = openpyxl.load_workbook(path)
    cells(wb, "in_correlation")[1].value = 0.5  # the user's own view of AUD vs NZD
    wb.save(path)
    before = path.read_bytes()
    assert main(["run", "portfolio", str(path), "--quiet"]) == 2
    assert path.read_bytes() == before


def test_the_preloaded_examples_are_carryxls_until_the_user_edits_one(tmp_path: Path) -> None:
    """The template's example volatilities and correlations carry carryxl's fingerprint, so
    the button replaces them; one edited cell makes the range the user's."""
    path = _template(tmp_path / "book.xlsx")
    with FileBook(path, quiet=True) as book:
        run_macro("portfolio", book)
    edited = _template(tmp_path / "edited.xlsx")
    wb = openpyxl.load_workbook(edited)
    cells(wb, "in_pf_volatility")[0].value = 0.15  # the user's view of AUD/JPY
    wb.save(edited)
    before = edited.read_bytes()
    with FileBook(edited, quiet=True) as book, pytest.raises(CarryxlError, match="did not write"):
        run_macro("portfolio", book)
    assert edited.read_bytes() == before


_MARKET = ("in_pf_spot", "in_pf_to_account", "in_pf_rate_base", "in_pf_rate_quote")


def _cleared_market(path: Path, keep: dict[str, float] | None = None) -> Path:
    """The template with its risk block and market inputs emptied (``keep``: typed cells
    left in, name -> value of the second row)."""
    _template(path)
    wb = openpyxl.load_workbook(path)
    for name in _MARKET:
        for cell in cells(wb, name):
            cell.value = None
    for name, value in (keep or {}).items():
        cells(wb, name)[1].value = value
    wb.save(path)
    return path


def test_empty_spots_and_rates_are_filled_from_the_ecb_and_policy_rates(
    tmp_path: Path, with_rates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _cleared_market(tmp_path / "book.xlsx")
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    said = capsys.readouterr().out
    wb = openpyxl.load_workbook(path)
    pairs = ["AUD/JPY", "NZD/JPY", "MXN/JPY", "USD/JPY"]
    day = "2024-08-05"  # the template's valuation date, an ECB fixing day
    spots = [cross(day, p[:3], p[4:]) for p in pairs]
    assert values(wb, "in_pf_spot")[:4] == pytest.approx(spots, rel=1e-12)
    assert values(wb, "in_pf_spot")[4:] == [None] * 8
    assert values(wb, "in_pf_to_account")[:4] == pytest.approx([cross(day, "JPY", "CNY")] * 4)
    bases = [level_on(change_points(NEW), p[:3], day) / 100 for p in pairs]
    assert values(wb, "in_pf_rate_base")[:4] == pytest.approx(bases, rel=1e-12)
    assert values(wb, "in_pf_rate_quote")[:4] == pytest.approx(
        [level_on(change_points(NEW), "JPY", day) / 100] * 4, rel=1e-12
    )
    assert f"fixing of {day}" in said
    assert "policy rates in force on 2024-08-05" in said
    # carryxl's own cells follow a new valuation date
    cells(wb, "in_valuation_date")[0].value = dt.datetime(2024, 7, 1)
    wb.save(path)
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    again = openpyxl.load_workbook(path)
    earlier = [cross("2024-07-01", p[:3], p[4:]) for p in pairs]
    assert values(again, "in_pf_spot")[:4] == pytest.approx(earlier, rel=1e-12)


def test_typed_spots_and_rates_are_kept_and_only_empty_cells_filled(
    tmp_path: Path, with_rates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _cleared_market(tmp_path / "book.xlsx", {"in_pf_spot": 97.5, "in_pf_rate_base": 0.06})
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    said = capsys.readouterr().out
    wb = openpyxl.load_workbook(path)
    spot = values(wb, "in_pf_spot")
    assert spot[1] == 97.5  # typed: kept
    assert spot[0] == pytest.approx(cross("2024-08-05", "AUD", "JPY"), rel=1e-12)
    assert values(wb, "in_pf_rate_base")[1] == 0.06
    assert "in_pf_spot: 1 typed cells kept" in said
    # the filled cells are the user's now: a new date changes none of the typed range
    cells(wb, "in_valuation_date")[0].value = dt.datetime(2024, 7, 1)
    wb.save(path)
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    again = openpyxl.load_workbook(path)
    assert values(again, "in_pf_spot") == spot
    assert values(again, "in_pf_to_account")[0] == pytest.approx(cross("2024-07-01", "JPY", "CNY"))


def test_without_policy_rates_the_rate_cells_stay_empty_and_it_says_why(
    tmp_path: Path, empty_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _cleared_market(tmp_path / "book.xlsx")
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    said = capsys.readouterr().out
    wb = openpyxl.load_workbook(path)
    assert values(wb, "in_pf_rate_base") == [None] * 12
    assert values(wb, "in_pf_rate_quote") == [None] * 12
    assert values(wb, "in_pf_spot")[0] == pytest.approx(cross("2024-08-05", "AUD", "JPY"))
    line = next(t for t in said.splitlines() if t.startswith("rates:"))
    assert "no policy-rate data" in line
    assert "carryxl data update" in line


_HEAD = (
    "in_pf_pair",
    "in_pf_side",
    "in_pf_stop_loss",
    "in_pf_leverage",
    "in_pf_rate_base",
    "in_pf_rate_quote",
)


def _book_csv(wb: openpyxl.Workbook, path: Path) -> Path:
    """The workbook's book as a ``carryxl portfolio`` CSV: each position's pair, side, stop,
    leverage and rates as the workbook holds them, and its tranches' dates, entry rates and
    amounts."""
    head = {name: values(wb, name) for name in _HEAD}
    lines = ["pair,side,stop_loss,leverage,rate_base,rate_quote,date,rate,amount"]
    started: set[int] = set()
    tranches = zip(
        values(wb, "in_tr_position"),
        values(wb, "in_tr_date"),
        values(wb, "in_tr_rate"),
        values(wb, "in_tr_amount"),
        strict=True,
    )
    for at, day, rate, amount in tranches:
        if at is None:
            continue
        j = at - 1
        first = [repr(x) if isinstance(x, float) else str(x) for x in (head[n][j] for n in _HEAD)]
        cells_ = [""] * len(_HEAD) if j in started else first
        started.add(j)
        lines.append(",".join([*cells_, day.date().isoformat(), repr(rate), repr(float(amount))]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("rates", ["as typed", "from policy data"])
def test_run_portfolio_writes_the_books_figures_equal_to_the_command(
    rates: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    """Issue 19: the Book risk button headless computes the VaR, ES, contributions and
    totals itself (nothing recalculates the workbook's formulas there), and they are what
    ``carryxl portfolio`` gives for the same book: the untouched template, with its example
    rates kept (no policy-rate data) or replaced by the policy rates in force."""
    import json  # noqa: PLC0415

    request.getfixturevalue("with_rates" if rates == "from policy data" else "empty_folder")
    path = _template(tmp_path / "book.xlsx")
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    said = capsys.readouterr().out
    assert 'book valued on sheet "Book risk"' in said
    wb = openpyxl.load_workbook(path)
    typed = seed_inputs("yen")["in_pf_rate_quote"][:4]
    assert (values(wb, "in_pf_rate_quote")[:4] == typed) == (rates == "as typed")
    sheet = wb["Book risk"]
    start, end = values(wb, "in_window_start"), values(wb, "in_window_end")
    argv = [
        "portfolio",
        str(_book_csv(wb, tmp_path / "book.csv")),
        "--date",
        "2024-08-05",
        "--start",
        start.date().isoformat(),
        "--end",
        end.date().isoformat(),
        "--account",
        "CNY",
        "--tax-interest",
        "20%",
        "--tax-fx",
        "20%",
        "--json",
    ]
    assert main(argv) == 0
    cli = json.loads(capsys.readouterr().out)
    book = {sheet[f"A{r}"].value: sheet[f"B{r}"].value for r in range(4, 13)}
    assert book["VaR 99.0%, 10 days"] == pytest.approx(cli["book"]["var"], rel=1e-9)
    assert book["Expected shortfall"] == pytest.approx(cli["book"]["es"], rel=1e-9)
    assert book["Total P&L"] == pytest.approx(cli["book"]["total"], rel=1e-9)
    assert book["Tax for the book"] == pytest.approx(cli["book"]["tax"], abs=1e-6)
    assert book["Sum of stand-alone VaRs"] == pytest.approx(
        cli["book"]["sum_standalone_var"], rel=1e-9
    )
    assert all(sheet[f"C{r}"].value == "CNY" for r in range(4, 12))  # money names its currency
    header = [c.value for c in sheet[14]]
    rows = [[c.value for c in sheet[r]] for r in range(15, 19)]
    at = {name: header.index(name) for name in header if name}
    for row, p in zip(rows, cli["positions"], strict=True):
        assert row[0] == f"{p['side']} {p['pair']}"
        assert row[at["Currency"]] == p["currency"]
        assert row[at["Total (CNY)"]] == pytest.approx(p["total_account"], rel=1e-9)
        assert row[at["Contribution (CNY)"]] == pytest.approx(p["contribution"], rel=1e-9)
        assert row[at["To stop"]] == (
            "STOP HIT" if p["stop_hit"] else pytest.approx(p["stop_distance"])
        )
    # The independent check: the window's returns straight from the ECB file.
    pairs = ["AUD/JPY", "NZD/JPY", "MXN/JPY", "USD/JPY"]
    returns = _returns(pairs, start.date().isoformat(), end.date().isoformat())
    vol = returns.std(axis=0, ddof=1) * math.sqrt(252)
    w = np.array([p["exposure"] for p in cli["positions"]])
    sigma = math.sqrt((w * vol) @ np.corrcoef(returns, rowvar=False) @ (w * vol))
    z = 2.3263478740408408  # Φ⁻¹(0.99)
    assert book["VaR 99.0%, 10 days"] == pytest.approx(z * sigma * math.sqrt(10 / 252), rel=1e-9)


def test_a_chinese_book_gets_its_figures_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "book_zh.xlsx"
    path.write_bytes(workbook_bytes("portfolio", "zh"))
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    capsys.readouterr()
    sheet = openpyxl.load_workbook(path)["组合风险"]
    text = [str(c.value) for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "风险模型：参数法正态分布" in text[1]
    assert "已触及止损" in text  # every yen position was through its stop
    english = ("Total", "Tax", "STOP HIT", "LOSS", "Position", "long ", "Risk model", "Net")
    assert not [t for t in text if any(word in t for word in english)]


def test_run_portfolio_reads_the_horizon_in_trading_days(tmp_path: Path) -> None:
    """The template's VaR horizon is in trading days: 40 days instead of 10 scale the
    book's VaR by sqrt(40 / 10) = 2 (square-root-of-time, zero drift), and the Book risk
    sheet says 40 days."""
    var = {}
    for days in (10, 40):
        path = _template(tmp_path / f"book_{days}.xlsx")
        wb = openpyxl.load_workbook(path)
        cells(wb, "in_horizon_days")[0].value = days
        wb.save(path)
        assert main(["run", "portfolio", str(path), "--quiet"]) == 0
        sheet = openpyxl.load_workbook(path)["Book risk"]
        book = {sheet[f"A{r}"].value: sheet[f"B{r}"].value for r in range(4, 13)}
        var[days] = book[f"VaR 99.0%, {days} days"]
    assert var[40] == pytest.approx(2 * var[10], rel=1e-12)
