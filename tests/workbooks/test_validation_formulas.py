"""Data validations as Excel writes them: ``<formula1>list_pairs</formula1>``, no ``=``.

Excel stores a validation's formulas without the leading ``=`` that its dialog shows
(XlsxWriter strips it for that reason); openpyxl writes whatever text it is given. Read
from the package XML of every committed file and of every template freshly generated.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from carryxl.workbooks import every_template, workbook_bytes

FOLDER = Path(__file__).resolve().parents[2] / "workbooks"
FILES = sorted([*FOLDER.glob("*.xlsx"), *FOLDER.glob("*.xlsm")])
_FORMULA = re.compile(rb"<(?:\w+:)?(formula[12])>([^<]*)</(?:\w+:)?formula[12]>")


def validation_formulas(package: bytes) -> list[str]:
    """The text of every ``formula1``/``formula2`` in the package's worksheets."""
    found = []
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += [m.group(2).decode() for m in _FORMULA.finditer(archive.read(name))]
    return found


def test_the_reader_finds_a_leading_equals_sign() -> None:
    """The check can fail: a formula1 written as openpyxl is given it."""
    xml = b"<dataValidation><formula1>=list_pairs</formula1><formula2>1</formula2>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", xml + b"</dataValidation>")
    assert validation_formulas(buffer.getvalue()) == ["=list_pairs", "1"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_committed_validation_formula_starts_with_equals(path: Path) -> None:
    for formula in validation_formulas(path.read_bytes()):
        assert formula, path.name
        assert not formula.startswith("="), (path.name, formula)


def test_every_template_writes_its_list_sources_without_equals() -> None:
    seen = set()
    for template in every_template():
        formulas = validation_formulas(workbook_bytes(*template))
        assert all(not f.startswith("=") for f in formulas), (template, formulas)
        seen.update(formulas)
    assert {"list_pairs", "in_rates_currency", "list_day_counts"} <= seen
