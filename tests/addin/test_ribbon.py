"""The Carry tab: schema-valid customUI14, related correctly, every button wired."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree  # parses only the XML these tests built

import pytest
import xmlschema

from carryxl.addin.build import build_addin
from carryxl.addin.package import read_parts
from carryxl.addin.ribbon import (
    CUSTOM_UI14_NAMESPACE,
    CUSTOM_UI14_PART,
    CUSTOM_UI14_RELATIONSHIP,
    custom_ui_xml,
)
from carryxl.addin.vba import procedure_signatures
from carryxl.buttons import BUTTONS
from carryxl.core.errors import CarryxlError
from carryxl.macros.dispatch import MACROS, macro_for
from tests.addin.test_vba_project import olevba_modules
from tests.reference import shared_file

NS = {"ui": CUSTOM_UI14_NAMESPACE}
# Schemas/customui14.xsd of OfficeDev/office-custom-ui-editor at 0587abb (MIT, Microsoft),
# in the shared reference folder beside the repository (there in CI too).
SCHEMA_SHA256 = "c912e38f6938d79af9d1dc83a05077510f7bb407da386a52e7cfcb13e8afdfd5"
ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PARTS = ("reference", "office", "customUI14.xsd")
COMMITTED = sorted([*(ROOT / "workbooks").glob("*.xlsm"), *(ROOT / "workbooks").glob("*.xlam")])


def _ribbon(path: Path) -> ElementTree.Element:
    with zipfile.ZipFile(path) as archive:
        return ElementTree.fromstring(archive.read(CUSTOM_UI14_PART))  # noqa: S314


def _buttons(path: Path) -> list[ElementTree.Element]:
    return _ribbon(path).findall(".//ui:button", NS)


SUBSET_SCHEMA = Path(__file__).parent / "schemas" / "carryxl-customui14-subset.xsd"


def _broken_ribbons() -> dict[str, str]:
    good = custom_ui_xml().decode("utf-8")
    refresh_label = 'label="Refresh"'
    return {
        "size outside normal|large": good.replace('size="large"', 'size="huge"', 1),
        "unknown element": good.replace("<tabs>", "<tabs><bogus/>", 1),
        "keytip over 3 characters": good.replace('keytip="CY"', 'keytip="CARRY"', 1),
        "duplicate id": good.replace('id="carryRefresh"', 'id="carryStress"', 1),
        "empty onAction": good.replace('onAction="CarryRibbon.OnCarryButton"', 'onAction=""', 1),
        "label over 1024 characters": good.replace(refresh_label, f'label="{"x" * 1025}"', 1),
        "2006 namespace": good.replace("2009/07/customui", "2006/01/customui", 1),
        "plain tab id": good.replace('idQ="x:carryTab"', 'id="carryTab"', 1),
    }


def test_customui_validates_against_the_spec_rules() -> None:
    # carryxl's own subset schema, written from [MS-CUSTOMUI2]; runs everywhere (CI too)
    schema = xmlschema.XMLSchema(str(SUBSET_SCHEMA))
    schema.validate(custom_ui_xml().decode("utf-8"))
    for what, broken in _broken_ribbons().items():
        assert not schema.is_valid(broken), what


@pytest.fixture(scope="module")
def microsoft_schema() -> xmlschema.XMLSchema:
    """Microsoft's customUI14.xsd (reference group): missing is a failure, never a skip."""
    schema = shared_file(*SCHEMA_PARTS)
    assert hashlib.sha256(schema.read_bytes()).hexdigest() == SCHEMA_SHA256, "not Microsoft's"
    # xmlschema (pure Python): libxml2 rejects Microsoft's XSD itself (duplicate
    # attribute uses in CT_ButtonRegular, which .NET and xmlschema accept).
    return xmlschema.XMLSchema(str(schema))


@pytest.mark.reference
def test_customui_validates_against_microsofts_customui14_schema(
    microsoft_schema: xmlschema.XMLSchema,
) -> None:
    microsoft_schema.validate(custom_ui_xml().decode("utf-8"))
    # and the schema does catch a broken ribbon
    broken = custom_ui_xml().decode("utf-8").replace('size="large"', 'size="huge"', 1)
    assert not microsoft_schema.is_valid(broken)
    no_label_tab = custom_ui_xml().decode("utf-8").replace("<tabs>", "<tabs><bogus/>", 1)
    assert not microsoft_schema.is_valid(no_label_tab)
    unbound = custom_ui_xml().decode("utf-8").replace(' xmlns:x="', ' xmlns:y="', 1)
    assert not microsoft_schema.is_valid(unbound)  # idQ's prefix must name a namespace


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_every_committed_ribbon_validates_against_the_subset_schema(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(CUSTOM_UI14_PART).decode("utf-8")
    xmlschema.XMLSchema(str(SUBSET_SCHEMA)).validate(xml)


@pytest.mark.reference
@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_every_committed_ribbon_validates_against_both_schemas(
    path: Path, microsoft_schema: xmlschema.XMLSchema
) -> None:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(CUSTOM_UI14_PART).decode("utf-8")
    microsoft_schema.validate(xml)
    xmlschema.XMLSchema(str(SUBSET_SCHEMA)).validate(xml)


@pytest.mark.parametrize("kind", ["xlam", "xlsm"])
def test_ribbon_part_is_related_with_the_2007_type(built: dict[str, Path], kind: str) -> None:
    with zipfile.ZipFile(built[kind]) as archive:
        rels = archive.read("_rels/.rels").decode("utf-8")
        types = archive.read("[Content_Types].xml").decode("utf-8")
        assert archive.read(CUSTOM_UI14_PART) == custom_ui_xml()
    relation = re.search(rf'<Relationship [^>]*Type="{CUSTOM_UI14_RELATIONSHIP}"[^>]*/>', rels)
    assert relation is not None
    assert f'Target="{CUSTOM_UI14_PART}"' in relation.group()
    main = {
        "xlam": "application/vnd.ms-excel.addin.macroEnabled.main+xml",
        "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    }[kind]
    assert f'PartName="/xl/workbook.xml" ContentType="{main}"' in types
    assert 'Extension="bin" ContentType="application/vnd.ms-office.vbaProject"' in types


def test_tab_groups_and_buttons_have_icons_and_screentips(built: dict[str, Path]) -> None:
    root = _ribbon(built["xlam"])
    tab = root.find("ui:ribbon/ui:tabs/ui:tab", NS)
    assert tab is not None
    assert tab.get("label") == "Carry"
    assert len(tab.findall("ui:group", NS)) >= 2
    for button in _buttons(built["xlam"]):
        assert button.get("imageMso"), button.get("id")
        assert button.get("screentip"), button.get("id")
        assert button.get("supertip"), button.get("id")


@pytest.mark.parametrize("kind", ["xlam", "xlsm"])
def test_every_onaction_is_a_sub_with_the_ribbon_signature(
    built: dict[str, Path], kind: str
) -> None:
    modules = olevba_modules(built[kind])
    buttons = _buttons(built[kind])
    assert buttons
    for button in buttons:
        module, _, sub = (button.get("onAction") or "").partition(".")
        assert module in modules, button.get("onAction")
        signatures = procedure_signatures(modules[module])
        assert signatures.get(sub) == "control As IRibbonControl", button.get("onAction")


def test_every_button_tag_maps_to_a_macro(built: dict[str, Path]) -> None:
    tags = [b.get("tag") or "" for b in _buttons(built["xlam"])]
    assert len(tags) == len(set(tags))
    for tag in tags:
        assert macro_for(tag).tag == tag
        # the VBA callback only forwards tags made of a-z, 0-9 and _
        assert re.fullmatch(r"[a-z0-9_]+", tag), tag
    assert set(tags) == set(MACROS), "a macro without a button, or a button without a macro"


def test_unknown_tag_is_refused_with_the_known_ones() -> None:
    with pytest.raises(CarryxlError) as caught:
        macro_for("__import__('os')")
    assert caught.value.argument == "tag"
    known = ", ".join(sorted(b.tag for b in BUTTONS))  # backtest, calculator, chart, ...
    assert f"known tags: {known}" in str(caught.value)


def test_builds_are_byte_for_byte_deterministic(built: dict[str, Path], tmp_path: Path) -> None:
    again = build_addin(tmp_path / "carryxl.xlam", "tests.addin.udf_fixture")
    assert again.read_bytes() == built["xlam"].read_bytes()
    with zipfile.ZipFile(again) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_xlsm_keeps_every_part_of_the_xlsx(built: dict[str, Path]) -> None:
    xlsx = built["xlsm"].with_name("scenarios.xlsx")
    before, after = read_parts(xlsx.read_bytes()), read_parts(built["xlsm"].read_bytes())
    # What changes: the code names pyOpenVBA writes, the project's and ribbon's
    # relationships and content types. Everything else is byte for byte the same.
    edited = {
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/_rels/workbook.xml.rels",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
    }
    assert set(after) - set(before) == {"xl/vbaProject.bin", CUSTOM_UI14_PART}
    for name, data in before.items():
        if name not in edited:
            assert after[name] == data, name
    for name in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/workbook.xml"):
        assert b'codeName="' in after[name]
        assert re.sub(rb' codeName="\w+"', b"", after[name]) == before[name], name
