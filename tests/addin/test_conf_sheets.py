"""The conf sheets as xlwings' VBA reads them: none hides the user's config file.

xlwings' ``GetConfig`` (the module ``xlwings`` in these very files, and ``Config`` in
xlwings' own add-in) looks a key up in the active workbook's ``<PROJECT_NAME>.conf``
sheet, then in the add-in's own, then in a config file beside the workbook, then in
the user's file (``%USERPROFILE%\\.carryxl\\carryxl.conf``, which ``carryxl addin
install`` writes), and stops at the first layer where the key *exists*, empty or not.
Here that lookup is written out in Python (checked against the VBA it transcribes),
fed every committed file's conf sheet, read from the package XML, and the file
``carryxl addin install`` writes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.etree import ElementTree  # parses only files carryxl generated

import pytest
import xlwings

from carryxl.addin.install import config_text
from tests.addin.test_vba_project import olevba_modules

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "workbooks"
XLAM = FOLDER / "carryxl.xlam"
XLSM = sorted(FOLDER.glob("*.xlsm"))
UDF_XLSX = sorted(FOLDER.glob("*_udf*.xlsx"))
PLAIN_XLSX = sorted(p for p in FOLDER.glob("*.xlsx") if "_udf" not in p.name)
XLWINGS = Path(xlwings.__file__).parent

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"

Layer = Mapping[str, str]

# -- reading a sheet's column A and B, as Excel shows them ----------------------------------


def _column_ab(package: bytes, sheet_name: str) -> dict[int, tuple[str, str]] | None:
    """Row -> (A, B) as text of the sheet ``sheet_name``; None if there is no such sheet."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))  # noqa: S314
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))  # noqa: S314
        targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG}Relationship")}
        rid = next(
            (
                s.get(f"{_REL}id")
                for s in workbook.iter(f"{_MAIN}sheet")
                if s.get("name") == sheet_name
            ),
            None,
        )
        if rid is None:
            return None
        target = targets[rid]
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        shared: list[str] = []
        if "xl/sharedStrings.xml" in archive.namelist():
            strings = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))  # noqa: S314
            shared = ["".join(t.text or "" for t in si.iter(f"{_MAIN}t")) for si in strings]
        sheet = ElementTree.fromstring(archive.read(part))  # noqa: S314
    found: dict[int, tuple[str, str]] = {}
    for c in sheet.iter(f"{_MAIN}c"):
        ref = c.get("r", "")
        column, row = re.fullmatch(r"([A-Z]+)(\d+)", ref).groups()  # type: ignore[union-attr]
        if column not in ("A", "B"):
            continue
        kind, v = c.get("t"), c.find(f"{_MAIN}v")
        if kind == "s" and v is not None:
            text = shared[int(v.text or "0")]
        elif kind == "inlineStr":
            text = "".join(t.text or "" for t in c.iter(f"{_MAIN}t"))
        else:
            text = (v.text or "") if v is not None else ""
        a, b = found.get(int(row), ("", ""))
        found[int(row)] = (text, b) if column == "A" else (a, text)
    return found


def sheet_layer(package: bytes, sheet_name: str) -> dict[str, str] | None:
    """``GetConfigFromSheet``: keys from A1 down (``A1.End(xlDown)``), upper-cased, with
    column B's value, empty or not. None when the workbook has no such sheet."""
    cells = _column_ab(package, sheet_name)
    if cells is None:
        return None

    def a(row: int) -> str:
        return cells.get(row, ("", ""))[0]

    if a(2) == "":
        last = 1
    else:  # End(xlDown) from A1: the last cell of the filled run below it
        last = 2 if a(1) == "" else 1
        while a(last + 1) != "":
            last += 1
    layer: dict[str, str] = {}
    for row in range(1, last + 1):
        key = a(row).upper()
        if key in layer:  # Scripting.Dictionary.Add refuses a second one
            raise AssertionError(f"{sheet_name}: key {key} twice")
        layer[key] = cells.get(row, ("", ""))[1]
    return layer


def file_layer(text: str) -> dict[str, str]:
    """``GetConfigFromFile``: VBA's ``Input #`` of ``"key","value"`` lines (keys any case)."""
    layer: dict[str, str] = {}
    for line in text.splitlines():
        found = re.fullmatch(r'"([^"]*)","([^"]*)"', line.strip())
        assert found is not None, line
        layer.setdefault(found.group(1).lower(), found.group(2))
    return layer


def get_config(
    key: str, layers: Sequence[tuple[str, Layer | None]], default: str = ""
) -> tuple[str, str]:
    """``GetConfig``: (value, where) from the first layer where ``key`` exists.

    ``layers``: (where, layer) in xlwings' order: active workbook's sheet, the add-in's
    sheet, the directory file, the user file (None: that sheet or file is absent).
    Sheet layers are matched exactly (``Exists`` on upper-cased keys), file layers in
    any case.
    """
    for where, layer in layers:
        if layer is None:
            continue
        lookup = key.lower() if where.endswith("file") else key
        if lookup in layer:
            return layer[lookup], where
    return default, "default"


# -- the transcription is xlwings' own ------------------------------------------------------

_ORDER = (
    "GetConfigFromSheet(ActiveWorkbook).Exists(configKey) = True",
    "GetConfigFromSheet(ThisWorkbook).Exists(configKey) = True",
    "GetConfigFromFile(GetDirectoryConfigFilePath(), configKey, configValue)",
    "GetConfigFromFile(GetConfigFilePath(), configKey, configValue)",
)


def _function(source: str, name: str) -> str:
    start = source.index(f"Function {name}(")
    return source[start : source.index("End Function", start)]


def _vba(which: str) -> str:
    if which == "xlwings":  # xlwings' own add-in, which serves the _udf.xlsx files
        return (XLWINGS / "addin" / "Config.bas").read_text(encoding="latin-1")
    return olevba_modules(XLAM if which == "carryxl.xlam" else XLSM[0])["xlwings"]


@pytest.mark.parametrize("which", ["carryxl.xlam", "xlsm", "xlwings"])
def test_the_lookup_is_the_one_in_the_vba(which: str) -> None:
    vba = _vba(which)
    body = _function(vba, "GetConfig")
    positions = [body.index(step) for step in _ORDER]
    assert positions == sorted(positions)  # active sheet, add-in sheet, directory, user
    assert body.count("Exit Function") == len(_ORDER)  # the first layer holding the key wins
    sheet = _function(vba, "GetConfigFromSheet")
    assert 'sht.Range("A1").End(xlDown)' in sheet
    assert "d.Add UCase(cell.Value), cell.Offset(0, 1).Value" in sheet


# -- the check, and that it can fail ---------------------------------------------------------

INTERPRETER = r"C:\carryxl-python\pythonw.exe"
USER_FILE = file_layer(
    config_text(INTERPRETER, "carryxl.excel.udfs", "win32", (r"C:\conda", "carry"))
)


def shadowed(layers: Sequence[tuple[str, Layer | None]]) -> list[str]:
    """Every key the user file sets that a sheet answers with an empty value instead."""
    found = []
    keys = {k.upper() for k in USER_FILE}
    for _, layer in layers:
        keys |= set(layer or ())
    for key in sorted(keys):
        value, where = get_config(key, layers)
        if where.endswith("sheet") and value == "":
            found.append(f"{key} (empty on the {where})")
    return found


def _sheet(path: Path, name: str) -> dict[str, str] | None:
    return sheet_layer(path.read_bytes(), name)


def test_an_empty_key_on_a_sheet_is_caught() -> None:
    """What today's main shipped: INTERPRETER_WIN present and empty hides the user file."""
    layers = [
        ("active sheet", {"UDF MODULES": "m", "INTERPRETER_WIN": ""}),
        ("user file", USER_FILE),
    ]
    assert get_config("INTERPRETER_WIN", layers) == ("", "active sheet")
    assert shadowed(layers) == ["INTERPRETER_WIN (empty on the active sheet)"]


def test_the_sheet_reader_stops_at_the_first_empty_key() -> None:
    xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>udf modules</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>m</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>INTERPRETER_WIN</t></is></c></row>'
        '<row r="4"><c r="A4" t="inlineStr"><is><t>CONDA ENV</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "xl/workbook.xml",
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="carryxl.conf" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        archive.writestr("xl/worksheets/sheet1.xml", xml)
    layer = sheet_layer(buffer.getvalue(), "carryxl.conf")
    assert layer == {"UDF MODULES": "m", "INTERPRETER_WIN": ""}  # A4 is past the gap
    assert sheet_layer(buffer.getvalue(), "xlwings.conf") is None


# -- every committed file ---------------------------------------------------------------------


def test_the_folder_has_the_files() -> None:
    assert XLAM.is_file()
    assert XLSM
    assert len(UDF_XLSX) == len(XLSM)
    assert PLAIN_XLSX


@pytest.mark.parametrize("path", [XLAM, *XLSM, *UDF_XLSX], ids=lambda p: p.name)
def test_no_conf_sheet_holds_a_key_with_an_empty_value(path: Path) -> None:
    name = "xlwings.conf" if path.suffix == ".xlsx" else "carryxl.conf"
    layer = _sheet(path, name)
    assert layer, path.name
    assert "UDF MODULES" in layer
    empty = [key for key, value in layer.items() if value == ""]
    assert empty == [], path.name


@pytest.mark.parametrize("path", XLSM, ids=lambda p: p.name)
def test_an_xlsm_open_reads_the_interpreter_install_wrote(path: Path) -> None:
    addin = _sheet(XLAM, "carryxl.conf")
    active = _sheet(path, "carryxl.conf")
    user = ("user file", USER_FILE)
    for this_workbook in (addin, active):  # the add-in's button, or the .xlsm's own VBA
        layers = [("active sheet", active), ("add-in sheet", this_workbook), user]
        assert shadowed(layers) == [], path.name
        assert get_config("INTERPRETER_WIN", layers) == (INTERPRETER, "user file")
        assert get_config("CONDA PATH", layers) == (r"C:\conda", "user file")
        assert get_config("CONDA ENV", layers) == ("carry", "user file")
        assert get_config("UDF MODULES", layers)[0] == "carryxl.excel.udfs"
    # without the add-in, too
    layers = [("active sheet", active), ("add-in sheet", active), user]
    assert get_config("INTERPRETER_WIN", layers) == (INTERPRETER, "user file")


@pytest.mark.parametrize("path", [*PLAIN_XLSX, *UDF_XLSX], ids=lambda p: p.name)
def test_the_addins_buttons_read_the_interpreter_install_wrote(path: Path) -> None:
    """Any .xlsx active, the add-in's VBA running: no carryxl.conf there, the add-in's
    own sheet holds no empty key."""
    active = _sheet(path, "carryxl.conf")
    assert active is None
    layers = [
        ("active sheet", active),
        ("add-in sheet", _sheet(XLAM, "carryxl.conf")),
        ("user file", USER_FILE),
    ]
    assert shadowed(layers) == []
    assert get_config("INTERPRETER_WIN", layers) == (INTERPRETER, "user file")


@pytest.mark.parametrize("path", UDF_XLSX, ids=lambda p: p.name)
def test_a_udf_xlsx_reads_xlwings_own_user_file(path: Path) -> None:
    """xlwings' own add-in (PROJECT_NAME "xlwings", no conf sheet of its own) serving a
    ``_udf.xlsx``: its xlwings.conf sheet leaves the interpreter to xlwings' user file."""
    own = sheet_layer((XLWINGS / "addin" / "xlwings.xlam").read_bytes(), "xlwings.conf")
    layers = [
        ("active sheet", _sheet(path, "xlwings.conf")),
        ("add-in sheet", own),
        ("user file", USER_FILE),
    ]
    assert shadowed(layers) == []
    assert get_config("INTERPRETER_WIN", layers) == (INTERPRETER, "user file")
