"""Formula-like text from the user never becomes a formula, whatever button writes it.

A currency cell holding ``=cmd|' /C calc'!A0`` makes the Policy rates button write a
message starting with "=" into the workbook. Every button runs on every template kind,
on both back-ends: the file engine (``carryxl run``, openpyxl) and the Excel engine
(``run_from_excel``, as the ribbon calls it) against a stand-in that stores what
``Range.value`` is given as Excel does (tests/macros/excel_standin.py). Afterwards no
cell holds a formula carryxl did not write, and the message is there, as text.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from carryxl.cli import main
from carryxl.macros import excel_book
from carryxl.macros.dispatch import MACROS, run_from_excel
from carryxl.macros.file_book import FileBook
from carryxl.workbooks.generate import KINDS
from tests.macros import excel_standin
from tests.workbooks.named import cells

WORKBOOKS = Path(__file__).resolve().parents[2] / "workbooks"
EVIL = "=cmd|' /C calc'!A0"
FILES = sorted(
    [WORKBOOKS / f"{kind}.xlsx" for kind in KINDS]
    + [p for p in WORKBOOKS.glob("*_udf.xlsm") if "_zh" not in p.name]
)


def _text_inputs(wb: openpyxl.Workbook) -> list[object]:
    """Every cell of an ``in_*`` name holding text (not a formula)."""
    found = []
    for name in wb.defined_names:
        if name.startswith("in_"):
            found += [c for c in cells(wb, name) if isinstance(c.value, str) and c.data_type == "s"]
    return found


def _poisoned(source: Path, target: Path, only: str | None) -> int:
    """A copy of ``source`` with ``EVIL`` (as text) in every text input, or in those of the
    name ``only``; how many cells got it. No named cell is formatted as Text, as in a
    workbook of the user's own defining the names (the templates format some text
    columns so, where Excel keeps any string as text anyway)."""
    wb = openpyxl.load_workbook(source, keep_vba=source.suffix == ".xlsm")
    for name in wb.defined_names:
        for cell in cells(wb, name) if wb.defined_names[name].destinations else []:
            if cell.number_format == "@":
                cell.number_format = "General"
    chosen = []
    if only is None or only in wb.defined_names:
        targets = None if only is None else {id(c) for c in cells(wb, only)}
        chosen = [c for c in _text_inputs(wb) if targets is None or id(c) in targets]
    for cell in chosen:
        cell.value = EVIL
        cell.data_type = "s"
    wb.save(target)
    return len(chosen)


def _formulas(path: Path) -> dict[str, str]:
    wb = openpyxl.load_workbook(path)
    return {
        f"{ws.title}!{cell.coordinate}": str(cell.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    }


def _texts_with_evil(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [
        str(cell.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "s" and isinstance(cell.value, str) and cell.value.startswith(EVIL)
    ]


def test_the_stand_in_stores_as_excel_does() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    excel_standin.excel_store(ws["A1"], EVIL)
    excel_standin.excel_store(ws["A2"], "'" + EVIL)
    ws["A3"].number_format = "@"
    excel_standin.excel_store(ws["A3"], EVIL)
    assert [ws[a].data_type for a in ("A1", "A2", "A3")] == ["f", "s", "s"]
    assert ws["A2"].value == EVIL
    assert excel_book.as_typed(EVIL) == "'" + EVIL


def test_the_files_are_there() -> None:
    assert len(FILES) > len(KINDS)


@pytest.mark.parametrize("only", [None, "in_rates_currency"], ids=["every input", "currencies"])
@pytest.mark.parametrize("tag", sorted(MACROS))
@pytest.mark.parametrize("source", FILES, ids=lambda p: p.name)
def test_formula_like_text_stays_text_in_a_file(
    with_rates: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    source: Path,
    tag: str,
    only: str | None,
) -> None:
    path = tmp_path / source.name
    _poisoned(source, path, only)
    before = _formulas(path)
    main(["run", tag, str(path), "--quiet"])
    capsys.readouterr()
    after = _formulas(path)
    assert not [f for f in after.values() if "cmd" in f]
    new = {k: v for k, v in after.items() if k not in before}
    assert all(not v.startswith(EVIL) for v in new.values())


@pytest.mark.parametrize("only", [None, "in_rates_currency"], ids=["every input", "currencies"])
@pytest.mark.parametrize("tag", sorted(MACROS))
@pytest.mark.parametrize("source", FILES, ids=lambda p: p.name)
def test_formula_like_text_stays_text_in_excel(
    with_rates: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    source: Path,
    tag: str,
    only: str | None,
) -> None:
    path = tmp_path / source.name
    poisoned = _poisoned(source, path, only)
    book = excel_standin.Book(path)
    before = book.formulas()
    monkeypatch.setattr(excel_book, "active_book", lambda: book)
    run_from_excel(tag)  # as the ribbon's callback calls it
    after = book.formulas()
    assert not [f for f in after.values() if "cmd" in f], book.app.alerts
    new = {k: v for k, v in after.items() if k not in before}
    assert all(not v.startswith(EVIL) for v in new.values())
    if (
        tag == "rates"
        and only is not None
        and poisoned
        and "in_rates_policy" in book.wb.defined_names
    ):
        # the currencies alone, on a Rates sheet with typed rates: the button runs
        sources = [c.value for c in cells(book.wb, "in_rates_policy_source")]
        written = [s for s in sources if isinstance(s, str) and s.startswith(EVIL)]
        assert written, (sources, book.app.alerts)
        assert all("not a currency code carryxl knows" in s for s in written), written


def test_the_policy_rates_message_is_text_on_both_engines(
    with_rates: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The case of the issue, read back: the message quoting the cell is there, as text."""
    source = WORKBOOKS / "rates.xlsx"
    on_file = tmp_path / "file.xlsx"
    assert _poisoned(source, on_file, "in_rates_currency") > 0
    assert main(["run", "rates", str(on_file), "--quiet"]) == 0
    capsys.readouterr()
    texts = _texts_with_evil(on_file)
    assert any("not a currency code carryxl knows" in t for t in texts)
    with FileBook(on_file) as book:
        assert EVIL in str(book.read("in_rates_policy_source"))

    in_excel = tmp_path / "excel.xlsx"
    _poisoned(source, in_excel, "in_rates_currency")
    book = excel_standin.Book(in_excel)
    monkeypatch.setattr(excel_book, "active_book", lambda: book)
    run_from_excel("rates")
    sources = [c for c in cells(book.wb, "in_rates_policy_source") if str(c.value).startswith(EVIL)]
    assert sources, book.app.alerts
    assert {c.data_type for c in sources} == {"s"}
