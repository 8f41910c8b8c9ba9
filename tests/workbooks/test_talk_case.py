"""The talk's case is November 2025 everywhere, with the ECB's figure beside the talk's
(issue 11, section 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from carryxl.workbooks.generate import build_book
from carryxl.workbooks.sheets.asset_carry import ecb_move_formula
from tests.history.raw_ecb import cross

ROOT = Path(__file__).resolve().parents[2]
PLACES = ("README.md", "docs/excel.md", "docs/workbooks.md", "carryxl/core/asset.py")


@pytest.mark.parametrize("place", PLACES)
def test_the_talk_is_never_labelled_2024(place: str) -> None:
    text = (ROOT / place).read_text(encoding="utf-8")
    assert "November 2024" not in text
    assert "2024-04-07" not in text


def test_the_template_shows_the_ecb_move_beside_the_talks() -> None:
    ecb = cross("2025-11-28", "USD", "JPY") / cross("2025-10-31", "USD", "JPY") - 1
    assert round(ecb, 4) == 0.0126
    formula = ecb_move_formula()
    assert formula.startswith("=")
    assert formula.endswith("-1")
    end, start = (float(x) for x in formula[1:-2].split("/"))
    assert end / start - 1 == pytest.approx(ecb, rel=1e-12)
    for lang in ("en", "zh"):
        book = build_book("asset_carry", lang)
        ((sheet, ref),) = book.wb.defined_names["out_fx_move_ecb"].destinations
        cell = book.wb[sheet][ref.replace("$", "")]
        assert cell.value == formula
        assert "1.52%" in book.wb[sheet].cell(cell.row, cell.column - 1).value
        assert "2025-11-28" in cell.comment.text
    text = "\n".join(
        str(c.value) for row in build_book("asset_carry").wb.worksheets[0].iter_rows() for c in row
    )
    assert "2024" not in text.replace("2024-12", "")
