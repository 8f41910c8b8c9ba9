"""The Policy rates button (``carryxl run rates``): the latest BIS levels into a Rates sheet.

The data folder holds the two change-point files of ../shared imported (``with_rates``);
each filled level is checked against ``carryxl rates --json`` for the data's last date and
against the files themselves, read with the csv module.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Protection

from carryxl.cli import main
from carryxl.history.policy import SOURCE
from tests.policy_data import merged_levels
from tests.workbooks.named import cells

COLUMNS = ("in_rates_currency", "in_rates_policy", "in_rates_policy_date", "in_rates_policy_source")


def _template(tmp_path: Path, kind: str = "rates", lang: str = "en") -> Path:
    path = tmp_path / f"{kind}_{lang}.xlsx"
    assert main(["new", kind, str(path), "--lang", lang]) == 0
    return path


def _column(wb: openpyxl.Workbook, name: str) -> list[object]:
    return [cell.value for cell in cells(wb, name)]


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(argv) == 0
    answer: dict[str, object] = json.loads(capsys.readouterr().out)
    return answer


@pytest.mark.parametrize(("kind", "lang"), [("rates", "en"), ("calculator", "en")])
def test_every_currency_gets_the_level_carryxl_rates_gives_on_the_datas_last_date(
    with_rates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, lang: str
) -> None:
    path = _template(tmp_path, kind, lang)
    assert main(["run", "rates", str(path), "--quiet"]) == 0
    wb = openpyxl.load_workbook(path)
    codes, levels, dates, sources = (_column(wb, name) for name in COLUMNS)
    as_of = str(_json(capsys, ["rates", "USD", "--date", "2000-01-03", "--json"])["as_of"])
    cli = _json(capsys, ["rates", *map(str, codes), "--date", as_of, "--json"])
    rates, notes = cli["rates"], cli.get("notes", {})
    assert isinstance(rates, dict)
    assert isinstance(notes, dict)
    assert len(codes) == 17
    for code, level, date, source in zip(codes, levels, dates, sources, strict=True):
        assert level == pytest.approx(rates[code], rel=1e-15), code  # 15 digits, as stored
        assert level == pytest.approx(merged_levels(str(code), [as_of])[0] / 100, abs=1e-12)
        assert date == dt.datetime.fromisoformat(as_of), code
        expected = SOURCE if code not in notes else f"{SOURCE}; {notes[code]}"
        assert source == expected, code
    # RUB is only in the 1999-2022 file: its last level, marked stale, never silently current
    assert "last known level, stale since 2022-" in sources[codes.index("RUB")]
    note = _column(wb, "in_rates_note")[0]
    assert f"Source: {SOURCE}, as of {as_of}" in str(note)


@pytest.mark.parametrize("kind", ["rates", "calculator"])
def test_a_chinese_workbook_gets_chinese_text(
    with_rates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """Issue 19: the button writes the workbook's own language (no English in a zh book)."""
    path = _template(tmp_path, kind, "zh")
    assert main(["run", "rates", str(path), "--quiet"]) == 0
    wb = openpyxl.load_workbook(path)
    codes, levels, _dates, sources = (_column(wb, name) for name in COLUMNS)
    as_of = str(_json(capsys, ["rates", "USD", "--date", "2000-01-03", "--json"])["as_of"])
    cli = _json(capsys, ["rates", *map(str, codes), "--date", as_of, "--json"])
    assert levels == pytest.approx([cli["rates"][c] for c in codes], rel=1e-15)  # as in English
    english = ("Source", "stale", "last known", "BIS data", "policy rate", "type a rate")
    for code, source in zip(codes, sources, strict=True):
        assert str(source).startswith("国际清算银行（BIS）央行政策利率（WS_CBPOL）"), code
        assert not any(word in str(source) for word in english), source
    assert "最后已知水平，自 2022-" in sources[codes.index("RUB")]
    note = str(_column(wb, "in_rates_note")[0])
    assert note.startswith("政策利率：")
    assert f"数据截至 {as_of}" in note
    assert not any(word in note for word in english), note


def test_a_second_run_changes_nothing(with_rates: Path, tmp_path: Path, capsys) -> None:
    path = _template(tmp_path)
    assert main(["run", "rates", str(path), "--quiet"]) == 0
    once = path.read_bytes()
    capsys.readouterr()
    assert main(["run", "rates", str(path), "--quiet"]) == 0
    assert "already up to date" in capsys.readouterr().out
    assert path.read_bytes() == once


def test_with_no_data_one_line_a_non_zero_exit_and_the_file_untouched(
    empty_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _template(tmp_path)
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["run", "rates", str(path), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err
    for way in ("carryxl data update", "carryxl data import FILE", "by hand"):
        assert way in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("filled_first", [False, True])
def test_a_rate_the_user_typed_is_never_overwritten(
    with_rates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], filled_first: bool
) -> None:
    path = _template(tmp_path)
    if filled_first:
        assert main(["run", "rates", str(path), "--quiet"]) == 0
    wb = openpyxl.load_workbook(path)
    cells(wb, "in_rates_policy")[0].value = 0.0551  # the user's own USD rate
    wb.save(path)
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["run", "rates", str(path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "in_rates_policy" in err
    assert "did not write" in err
    assert path.read_bytes() == before


def test_the_examples_are_replaceable_because_the_template_owns_them(tmp_path: Path) -> None:
    from carryxl.buttons import RATES_FILL  # noqa: PLC0415
    from carryxl.owned import fingerprint_name, matches  # noqa: PLC0415

    wb = openpyxl.load_workbook(_template(tmp_path))
    for name in RATES_FILL:
        stored = wb.defined_names[fingerprint_name(name)]
        assert stored.hidden
        rows = [[v] for v in _column(wb, name)]
        assert matches(stored.attr_text.strip('"'), rows), name
        assert not matches(stored.attr_text.strip('"'), [[None], *rows[1:]]), name
        assert all(c.protection.locked is False for c in cells(wb, name))  # typeable


def test_a_locked_cell_on_the_protected_sheet_is_refused(
    with_rates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _template(tmp_path)
    wb = openpyxl.load_workbook(path)
    assert wb["Rates"].protection.sheet  # the template's sheet: only unlocked cells are typed
    cells(wb, "in_rates_policy_date")[3].protection = Protection(locked=True)
    wb.save(path)
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["run", "rates", str(path), "--quiet"]) == 2
    assert "protected sheet" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_note_says_when_the_as_of_date_is_only_the_last_change(
    without_end: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """Issue 19 §5: change points imported without --through: the note above the table says
    the date is the last change and how to give the end, in the workbook's language."""
    path = _template(tmp_path, "rates", lang)
    capsys.readouterr()
    assert main(["run", "rates", str(path)]) == 0
    told = capsys.readouterr().out
    wb = openpyxl.load_workbook(path)
    note = str(_column(wb, "in_rates_note")[0])
    assert _column(wb, "in_rates_policy_date")[0] == dt.datetime.fromisoformat(without_end)
    if lang == "zh":
        assert f"数据截至最后一次变动日 {without_end}（" in note
        assert "导入时请给出 --through" in note
        assert "as of" not in note
    else:
        assert f"Source: {SOURCE}, as of the last change, {without_end} (" in note
        assert "give --through at import if the data runs later" in note
    # what the button tells the user says it too, in either language's workbook
    assert f"as of the last change, {without_end}" in told
