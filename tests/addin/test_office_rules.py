"""The committed workbooks against Office's own rules, read back by independent readers.

- the VBA project by [MS-OVBA] (olefile/oletools): the source-only ``_VBA_PROJECT``
  stream, every module stored as source alone at MODULEOFFSET 0, a dir stream that
  names exactly the module streams there are;
- the UDF wrapper module as xlwings' own Import Functions writes it;
- the config sheet each file's VBA reads;
- sheet names Excel reserves;
- the ribbon: Excel's own icon names and one shared Carry tab.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree  # parses only files carryxl generated

import olefile
import pytest
import xlwings
from oletools.olevba import VBA_Parser, VBA_Project, decompress_stream

from carryxl.addin.ribbon import CUSTOM_UI14_NAMESPACE, CUSTOM_UI14_PART, custom_ui_xml
from carryxl.addin.vba import crlf
from carryxl.templates import TEMPLATES
from carryxl.workbooks import every_template
from carryxl.workbooks.generate import build_book
from tests.addin.test_vba_project import olevba_modules
from tests.excel.harness import excel
from tests.reference import shared_file

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "workbooks"
XLWINGS = Path(xlwings.__file__).parent
WITH_VBA = sorted([*FOLDER.glob("*.xlsm"), *FOLDER.glob("*.xlam")])
EVERY_FILE = sorted([*FOLDER.glob("*.xlsx"), *WITH_VBA])
SOURCE_ONLY = bytes.fromhex("CC61FFFF000000")  # [MS-OVBA] 2.3.4.1, written by hand here
RESERVED_SHEET_NAMES = {"history"}  # Excel refuses a sheet of this name (any case)


def _vba_bin(path: Path) -> olefile.OleFileIO:
    with zipfile.ZipFile(path) as archive:
        return olefile.OleFileIO(io.BytesIO(archive.read("xl/vbaProject.bin")))


def _sheet_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("xl/workbook.xml"))  # noqa: S314
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    return [sheet.get("name") or "" for sheet in root.iter(f"{main}sheet")]


def _project_name(vba: str) -> str:
    found = re.search(r'^Public Const PROJECT_NAME As String = "([^"]+)"', vba, re.MULTILINE)
    assert found is not None
    return found.group(1)


UDF_FLAVOURS = sum(len(t.langs) for t in TEMPLATES if "udf" in t.modes)
"""Every udf-mode template in each of its languages (the registry's count)."""


def test_the_folder_has_files_with_vba() -> None:
    assert len(WITH_VBA) == UDF_FLAVOURS + 1  # an .xlsm of each, and the add-in
    assert len(EVERY_FILE) > len(WITH_VBA)


# -- [MS-OVBA] ------------------------------------------------------------------------------


def test_xlwings_own_addins_carry_the_7_byte_form() -> None:
    # The reference: xlwings ships projects in the source-only form. Reserved3 (the last
    # two bytes) is undefined by the spec; the first five are fixed.
    for name in ("quickstart_addin_ribbon.xlam", "addin/xlwings.xlam"):
        ole = _vba_bin(XLWINGS / name)
        stream = ole.openstream("VBA/_VBA_PROJECT").read()
        assert len(stream) == len(SOURCE_ONLY), name
        assert stream[:5] == SOURCE_ONLY[:5], name


@pytest.mark.parametrize("path", WITH_VBA, ids=lambda p: p.name)
def test_vba_project_stream_is_the_source_only_form(path: Path) -> None:
    reference = _vba_bin(XLWINGS / "quickstart_addin_ribbon.xlam")
    ours = _vba_bin(path).openstream("VBA/_VBA_PROJECT").read()
    assert ours == SOURCE_ONLY
    assert ours[:5] == reference.openstream("VBA/_VBA_PROJECT").read()[:5]


def _modules(ole: olefile.OleFileIO) -> Iterator[tuple[str, str, int]]:
    """(module name, stream name, MODULEOFFSET) of each module the dir stream declares."""
    project = VBA_Project(ole, "", "PROJECT", "VBA/dir", relaxed=False)
    project.parse_project_stream()
    for _ in project.parse_modules():
        pass
    assert project.modules_count == len(project.modules)
    for module in project.modules:
        yield module.name, module.streamname, module.textoffset


@pytest.mark.parametrize("path", WITH_VBA, ids=lambda p: p.name)
def test_every_module_is_source_only_at_offset_0(path: Path) -> None:
    ole = _vba_bin(path)
    modules = list(_modules(ole))
    decoded = olevba_modules(path)
    assert {name for name, _, _ in modules} == set(decoded)
    for name, stream, offset in modules:
        assert offset == 0, name
        raw = ole.openstream(f"VBA/{stream}").read()
        assert raw[0] == 0x01, name  # a CompressedContainer's signature, at byte 0
        text = decompress_stream(bytearray(raw)).decode("cp1252")
        assert text == decoded[name], name  # the whole stream is the source
    # The VBA storage holds the dir and _VBA_PROJECT streams and the modules: nothing else.
    streams = {"/".join(e[1:]) for e in ole.listdir() if e[0] == "VBA"}
    assert streams == {"dir", "_VBA_PROJECT", *(s for _, s, _ in modules)}
    # The PROJECT stream declares the same modules.
    declared = re.findall(
        r"^(?:Document|Module|Class|BaseClass)=([^/\r\n]+)",
        ole.openstream("PROJECT").read().decode("cp1252"),
        re.MULTILINE,
    )
    assert sorted(declared) == sorted(name for name, _, _ in modules)


def test_dir_records_carry_offset_0_in_a_raw_read() -> None:
    # A second reading of MODULEOFFSET, from the dir stream's bytes: record 0x0031.
    for path in WITH_VBA:
        raw = decompress_stream(bytearray(_vba_bin(path).openstream("VBA/dir").read()))
        offsets = [
            struct.unpack_from("<I", raw, m.end())[0]
            for m in re.finditer(rb"\x31\x00\x04\x00\x00\x00", bytes(raw))
        ]
        assert offsets, path.name
        assert set(offsets) == {0}, path.name


# -- the UDF wrappers, as xlwings' Import Functions writes them -----------------------------


@pytest.fixture(scope="module")
def imported() -> dict[str, str]:
    """The module xlwings' own ``import_udfs`` imports, for an add-in and for an .xlsm."""
    with excel() as xl:
        return {
            name: crlf(xl.import_functions(name).imported)
            for name in ("carryxl.xlam", "calculator_udf.xlsm")
        }


def test_xlwings_import_functions_writes_the_app_constant(imported: dict[str, str]) -> None:
    assert '#Const App = "Microsoft Excel"' in imported["carryxl.xlam"].split("\r\n")[2]


@pytest.mark.parametrize("path", WITH_VBA, ids=lambda p: p.name)
def test_udf_wrappers_are_what_xlwings_itself_imports(path: Path, imported: dict[str, str]) -> None:
    ours = olevba_modules(path)["xlwings_udfs"]
    expected = imported["carryxl.xlam" if path.suffix == ".xlam" else "calculator_udf.xlsm"]
    assert ours == expected
    assert ours.split("\r\n")[2].startswith('#Const App = "Microsoft Excel"')


# -- the config sheet -----------------------------------------------------------------------


def _xlwings_addin_project_name() -> str:
    parser = VBA_Parser(str(XLWINGS / "addin" / "xlwings.xlam"))
    try:
        main = {name: code for (_, _, name, code) in parser.extract_macros()}["Main.bas"]
    finally:
        parser.close()
    return _project_name(main)


@pytest.mark.parametrize("path", WITH_VBA, ids=lambda p: p.name)
def test_a_file_with_vba_has_the_config_sheet_its_vba_reads(path: Path) -> None:
    wanted = _project_name(olevba_modules(path)["xlwings"]) + ".conf"
    sheets = _sheet_names(path)
    assert wanted in sheets
    assert [s for s in sheets if s.endswith(".conf")] == [wanted]  # no sheet left unread


def test_an_xlsx_has_the_config_sheet_xlwings_own_addin_reads() -> None:
    wanted = _xlwings_addin_project_name() + ".conf"
    udf = list(FOLDER.glob("*_udf*.xlsx"))
    assert len(udf) == UDF_FLAVOURS
    for path in udf:
        sheets = _sheet_names(path)
        assert [s for s in sheets if s.endswith(".conf")] == [wanted], path.name


# -- sheet names ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", EVERY_FILE, ids=lambda p: p.name)
def test_no_sheet_uses_a_name_excel_reserves(path: Path) -> None:
    for name in _sheet_names(path):
        assert name.casefold() not in RESERVED_SHEET_NAMES, (path.name, name)


def test_no_template_in_any_language_uses_a_reserved_sheet_name() -> None:
    for template in every_template():
        for name in build_book(*template).wb.sheetnames:
            assert name.casefold() not in RESERVED_SHEET_NAMES, (template, name)


# -- the ribbon -----------------------------------------------------------------------------


def _ribbons() -> dict[str, bytes]:
    found = {"custom_ui_xml()": custom_ui_xml()}
    for path in WITH_VBA:
        with zipfile.ZipFile(path) as archive:
            found[path.name] = archive.read(CUSTOM_UI14_PART)
    return found


@pytest.mark.reference
def test_every_image_mso_is_an_excel_control() -> None:
    names = shared_file("reference", "office", "excel-control-ids.txt")
    controls = set(names.read_text(encoding="utf-8").split())
    assert len(controls) > 2000
    for name, xml in _ribbons().items():
        images = re.findall(rb'imageMso="([^"]*)"', xml)
        assert images, name
        for image in images:
            assert image.decode() in controls, (name, image)


def _tab_names(xml: bytes) -> list[tuple[str | None, str | None, str | None]]:
    """(id, namespace URI of idQ, local name of idQ) of every tab."""
    prefixes: dict[str, str] = {}
    tabs = []
    events = ("start-ns", "start")
    for event, item in ElementTree.iterparse(io.BytesIO(xml), events=events):  # noqa: S314
        if event == "start-ns":
            prefix, uri = item  # type: ignore[misc]
            prefixes[prefix] = uri
        elif item.tag == f"{{{CUSTOM_UI14_NAMESPACE}}}tab":  # type: ignore[union-attr]
            qualified = item.get("idQ")  # type: ignore[union-attr]
            uri = local = None
            if qualified is not None:
                prefix, _, local = qualified.rpartition(":")
                uri = prefixes.get(prefix)
            tabs.append((item.get("id"), uri, local))  # type: ignore[union-attr]
    return tabs


def test_the_addin_and_every_xlsm_share_one_qualified_tab() -> None:
    # A plain id is private to its file: the add-in and an .xlsm open together would show
    # two Carry tabs. A tab with the same qualified id (idQ) in every file is one tab.
    names = {name: _tab_names(xml) for name, xml in _ribbons().items()}
    shared = set()
    for name, tabs in names.items():
        assert len(tabs) == 1, name
        plain_id, uri, local = tabs[0]
        assert plain_id is None, name
        assert uri, name
        assert local, name
        assert uri != CUSTOM_UI14_NAMESPACE, name
        shared.add((uri, local))
    assert len(shared) == 1
