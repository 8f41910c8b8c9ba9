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
from tests.history.raw_ecb import cross, raw_rows
from tests.workbooks.named import cells, values


def _template(path: Path, *, cleared: bool = True) -> Path:
    """The portfolio template, unprotected and (``cleared``) with its risk block emptied."""
    path.write_bytes(workbook_bytes("portfolio"))
    wb = openpyxl.load_workbook(path)
    wb.worksheets[0].protection.sheet = False
    if cleared:
        for name in ("in_pf_volatility", "in_correlation"):
            for cell in cells(wb, name):
                cell.value = None
    wb.save(path)
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
    returns = _returns(pairs, "2024-07-01", "2024-08-30")  # the template's window
    vol = returns.std(axis=0, ddof=1) * math.sqrt(252)
    assert values(wb, "in_pf_volatility")[:4] == pytest.approx(list(vol), rel=1e-12)
    assert values(wb, "in_pf_volatility")[4:] == [None] * 8
    matrix = np.array(values(wb, "in_correlation"), dtype=float).reshape(12, 12)
    np.testing.assert_allclose(matrix[:4, :4], np.corrcoef(returns, rowvar=False), rtol=1e-12)
    np.testing.assert_array_equal(matrix[4:, 4:], np.eye(8))
    # a new window: carryxl's own numbers are replaced
    wb["Portfolio"]["B7"] = dt.datetime(2024, 1, 2)  # in_window_start
    assert cells(wb, "in_window_start")[0].coordinate == "B7"
    wb.save(path)
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    again = openpyxl.load_workbook(path)
    longer = _returns(pairs, "2024-01-02", "2024-08-30").std(axis=0, ddof=1) * math.sqrt(252)
    assert values(again, "in_pf_volatility")[:4] == pytest.approx(list(longer), rel=1e-12)


def test_a_users_numbers_are_never_overwritten(tmp_path: Path) -> None:
    path = _template(tmp_path / "book.xlsx")
    assert main(["run", "portfolio", str(path), "--quiet"]) == 0
    wb = openpyxl.load_workbook(path)
    cells(wb, "in_correlation")[1].value = 0.5  # the user's own view of AUD vs NZD
    wb.save(path)
    before = path.read_bytes()
    assert main(["run", "portfolio", str(path), "--quiet"]) == 2
    assert path.read_bytes() == before


def test_the_preloaded_template_is_the_users_until_cleared(tmp_path: Path) -> None:
    path = _template(tmp_path / "book.xlsx", cleared=False)
    before = path.read_bytes()
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError, match="did not write"):
        run_macro("portfolio", book)
    assert path.read_bytes() == before
