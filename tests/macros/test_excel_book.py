"""The xlwings back-end against a stand-in for xlwings' App/Book/Range (no Excel here).

What these check is carryxl's own glue: app state restored whatever happens, refusals
shown as one message, names and fingerprints written as Excel formulas. Excel itself
is not exercised on Linux; docs/addin.md says how to check it on Windows.
"""

from __future__ import annotations

from typing import Any

import pytest

from carryxl.macros import fill_scenario_grid
from carryxl.macros.excel_book import ExcelBook


class FakeApp:
    def __init__(self) -> None:
        self.screen_updating = True
        self.status_bar: Any = False
        self.alerts: list[str] = []
        self.calculated = 0
        self.status_history: list[str] = []

    def alert(self, text: str, title: str = "", style: str = "") -> None:
        self.alerts.append(text)

    def calculate(self) -> None:
        self.calculated += 1


class FakeSheet:
    def __init__(self, name: str, cells: dict[tuple[int, int], Any]) -> None:
        self.name = name
        self.cells_ = cells


class FakeRange:
    """Rows r0..r1, columns c0..c1 (1-based) of a sheet's cell dict."""

    def __init__(self, sheet: FakeSheet, r0: int, c0: int, r1: int, c1: int) -> None:
        self.sheet, self.row, self.column = sheet, r0, c0
        self._end = (r1, c1)

    @property
    def shape(self) -> tuple[int, int]:
        return self._end[0] - self.row + 1, self._end[1] - self.column + 1

    def _rows(self) -> list[list[Any]]:
        return [
            [self.sheet.cells_.get((r, c)) for c in range(self.column, self._end[1] + 1)]
            for r in range(self.row, self._end[0] + 1)
        ]

    def _shaped(self, rows: list[list[Any]]) -> Any:  # xlwings' shapes: scalar, list, rows
        n, m = self.shape
        if n == 1 and m == 1:
            return rows[0][0]
        if n == 1:
            return rows[0]
        if m == 1:
            return [r[0] for r in rows]
        return rows

    @property
    def value(self) -> Any:
        cells = [
            [v if not (isinstance(v, str) and v.startswith("=")) else 0 for v in r]
            for r in self._rows()
        ]
        return self._shaped(cells)

    @value.setter
    def value(self, rows: list[list[Any]]) -> None:
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                self.sheet.cells_[(self.row + i, self.column + j)] = v

    @property
    def formula(self) -> Any:
        return self._shaped([["" if v is None else str(v) for v in r] for r in self._rows()])


class FakeName:
    def __init__(self, name: str, refers_to: str, target: FakeRange | None) -> None:
        self.name, self.refers_to, self._target = name, refers_to, target
        self.api = type("Api", (), {"Visible": True})()

    @property
    def refers_to_range(self) -> FakeRange:
        if self._target is None:
            raise RuntimeError("not a range")
        return self._target


class FakeNames(list[FakeName]):
    def add(self, name: str, refers_to: str) -> FakeName:
        defined = FakeName(name, refers_to, None)
        self.append(defined)
        return defined


class FakeBook:
    def __init__(self) -> None:
        self.app = FakeApp()
        trade = FakeSheet("Trade", {})
        grid = FakeSheet("Scenarios", {})
        self.names = FakeNames()
        inputs = {
            "in_pair": "AUD/JPY",
            "in_funding": "JPY",
            "in_notional": 10_000_000,
            "in_spot_start": 100.0,
            "in_rate_target": 0.045,
            "in_rate_funding": 0.001,
        }
        for row, (name, value) in enumerate(inputs.items(), start=1):
            trade.cells_[(row, 2)] = value
            self.names.append(FakeName(name, f"=Trade!$B${row}", FakeRange(trade, row, 2, row, 2)))
        for i, move in enumerate((-0.05, 0.0, 0.03)):
            grid.cells_[(2 + i, 1)] = move
        for j, years in enumerate((0.25, 0.5)):
            grid.cells_[(1, 2 + j)] = years
        self.names.append(FakeName("in_scenario_moves", "", FakeRange(grid, 2, 1, 4, 1)))
        self.names.append(FakeName("in_scenario_years", "", FakeRange(grid, 1, 2, 1, 3)))
        self.names.append(FakeName("out_scenario_grid", "", FakeRange(grid, 2, 2, 4, 3)))
        self.grid = grid


def test_fill_writes_the_grid_restores_the_app_and_hides_the_fingerprint() -> None:
    book = FakeBook()
    with ExcelBook(book) as excel:
        assert book.app.screen_updating is False
        fill_scenario_grid(excel)
        assert str(book.app.status_bar).startswith("carryxl:")
    assert book.app.screen_updating is True
    assert book.app.status_bar is False  # handed back to Excel
    assert book.grid.cells_[(4, 3)] == pytest.approx(526_750.0, abs=1e-6)  # +3%, 0.5 y
    (fingerprint,) = [n for n in book.names if n.name == "_carryxl_fp_out_scenario_grid"]
    assert fingerprint.refers_to.startswith('="v3;')
    assert fingerprint.api.Visible is False
    with ExcelBook(book) as excel:  # its own output: filled again without complaint
        fill_scenario_grid(excel)


def test_a_refusal_is_one_message_and_changes_nothing() -> None:
    book = FakeBook()
    book.grid.cells_[(3, 2)] = "mine"
    before = dict(book.grid.cells_)
    with ExcelBook(book) as excel:
        excel.run(lambda: fill_scenario_grid(excel))
    assert len(book.app.alerts) == 1
    assert "did not write" in book.app.alerts[0]
    assert book.grid.cells_ == before
    assert book.app.screen_updating is True


def test_app_state_is_restored_when_python_fails() -> None:
    book = FakeBook()
    book.app.status_bar = "the user's text"

    excel = ExcelBook(book)

    def boom() -> None:
        excel.progress("carryxl: working…")
        raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError), excel:
        excel.run(boom)
    assert book.app.screen_updating is True
    assert book.app.status_bar == "the user's text"


def test_a_formula_in_the_grid_is_refused() -> None:
    book = FakeBook()
    book.grid.cells_[(2, 2)] = "=A1*2"
    with ExcelBook(book) as excel:
        excel.run(lambda: fill_scenario_grid(excel))
    assert "holds formulas" in book.app.alerts[0]
    assert book.grid.cells_[(2, 2)] == "=A1*2"


def test_a_protected_sheet_is_refused() -> None:
    book = FakeBook()
    book.sheets = {
        "Scenarios": type("S", (), {"api": type("A", (), {"ProtectContents": True})()})()
    }
    with ExcelBook(book) as excel:
        excel.run(lambda: fill_scenario_grid(excel))
    assert "protected sheet" in book.app.alerts[0]
    assert (2, 2) not in book.grid.cells_


class _Dialog:
    """Excel's Application.GetOpenFilename: the path picked, or False when cancelled."""

    def __init__(self, answer: object) -> None:
        self.answer = answer
        self.asked: list[tuple[object, ...]] = []

    def GetOpenFilename(self, *args: object) -> object:  # noqa: N802 - Excel's own name
        self.asked.append(args)
        return self.answer


@pytest.mark.parametrize(
    ("answer", "chosen"), [("C:\\r\\Report.htm", "C:\\r\\Report.htm"), (False, None)]
)
def test_choose_file_is_excels_open_dialog(answer: object, chosen: str | None) -> None:
    book = FakeBook()
    dialog = _Dialog(answer)
    book.app.api = dialog  # type: ignore[attr-defined]
    found = ExcelBook(book).choose_file("pick one", "Statements (*.htm),*.htm")
    assert found == chosen
    assert dialog.asked == [("Statements (*.htm),*.htm", 1, "pick one")]
