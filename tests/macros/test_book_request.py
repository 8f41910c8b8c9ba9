"""The portfolio template's book read as a typed request: its positions and tranches, the
defaults of empty cells, and a one-line refusal naming the cell for each kind of bad input."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from carryxl.core.errors import CarryxlError
from carryxl.core.positions import Tranche
from carryxl.history.data import parse_date_cell
from carryxl.macros import FileBook
from carryxl.macros.book_request import read_book_request
from carryxl.workbooks import workbook_bytes
from tests.workbooks.named import cells


def _book(tmp_path: Path, change: Callable[[Workbook], None]) -> FileBook:
    """The portfolio template with ``change`` made to it, as a Book."""
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes("portfolio")))
    change(wb)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return FileBook(path)


def _set(name: str, index: int, value: object) -> Callable[[Workbook], None]:
    def change(wb: Workbook) -> None:
        cells(wb, name)[index].value = value

    return change


def test_the_templates_positions_and_tranches_are_read_in_order(tmp_path: Path) -> None:
    def change(wb: Workbook) -> None:
        for name in ("in_pf_stop_loss", "in_pf_leverage", "in_pf_side"):
            cells(wb, name)[1].value = None  # NZD/JPY: the defaults

    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes("portfolio")))
    request = read_book_request(_book(tmp_path, change))
    assert [str(p.pair) for p in request.positions] == ["AUD/JPY", "NZD/JPY", "MXN/JPY", "USD/JPY"]
    assert [len(p.tranches) for p in request.positions] == [3, 2, 3, 2]
    first = cells(wb, "in_tr_date")[0].value
    rate = cells(wb, "in_tr_rate")[0].value
    assert request.positions[0].tranches[0] == Tranche(
        date=parse_date_cell(first, "date"), amount=50_000.0, rate=rate
    )
    nzd = request.positions[1]
    assert (nzd.side, nzd.stop_loss, nzd.leverage) == (1, 0.03, 1.0)
    assert request.positions[2].stop_loss == 0.05
    assert request.positions[0].lot_size == 100_000.0
    assert request.correlation is not None
    assert request.correlation.shape == (4, 4)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("in_tr_position", 0, 7), "in_tr_position[1]: must name a row with a pair (got 7)"),
        (_set("in_tr_amount", 3, None), "in_tr_amount[4]: is empty; enter the amount"),
        (_set("in_tr_amount", 2, "lots"), "in_tr_amount[3]: must be a number (got 'lots')"),
        (_set("in_pf_pair", 4, "EUR/USD"), "in_pf_pair[5]: has no tranche (got 'EUR/USD')"),
        (_set("in_pf_leverage", 1, "x25"), "in_pf_leverage[2]: must be a number (got 'x25')"),
        (
            _set("in_correlation", 1, "high"),
            "in_correlation: must hold a number for every two positions",
        ),
    ],
)
def test_a_bad_cell_is_refused_in_one_line_naming_it(
    tmp_path: Path, change: Callable[[Workbook], None], message: str
) -> None:
    with pytest.raises(CarryxlError) as caught:
        read_book_request(_book(tmp_path, change))
    assert str(caught.value).startswith(message), str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_book_without_pairs_is_refused(tmp_path: Path) -> None:
    def change(wb: Workbook) -> None:
        for cell in cells(wb, "in_pf_pair"):
            cell.value = None

    with pytest.raises(CarryxlError, match="in_pf_pair: holds no pair"):
        read_book_request(_book(tmp_path, change))
