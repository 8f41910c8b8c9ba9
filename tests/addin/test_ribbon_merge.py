"""What the Carry tab shows with the add-in and an ``.xlsm`` open together.

[MS-CUSTOMUI] 2.3.9 (ST_QID): a qualified id (``idQ``) names a control in a namespace
that every Custom UI document can refer to: the first document to declare it creates
it, and a later document's declaration refers to it ("if that tab cannot be found, it is
created", and a document's new content is added to it). A plain ``id`` is private to
its document: two documents declaring ``<group id="g">`` show two groups. Here those
rules are modelled and the buttons counted, for the add-in with each committed ``.xlsm``.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree  # parses only files carryxl generated

import pytest

from carryxl.addin.ribbon import CUSTOM_UI14_NAMESPACE, CUSTOM_UI14_PART, custom_ui_xml
from carryxl.buttons import BUTTONS, GROUPS

FOLDER = Path(__file__).resolve().parents[2] / "workbooks"
XLAM = FOLDER / "carryxl.xlam"
XLSM = sorted(FOLDER.glob("*.xlsm"))
UI = f"{{{CUSTOM_UI14_NAMESPACE}}}"
CONTAINERS = ("tab", "group")


@dataclass
class Control:
    """A control as the merged ribbon shows it: its kind, label, tag and children."""

    kind: str
    label: str
    tag: str = ""
    children: list[Control] = field(default_factory=list)


def _key(element: ElementTree.Element, prefixes: dict[str, str], document: str) -> tuple[str, ...]:
    """A qualified id is (namespace URI, local name), shared; a plain id is the document's."""
    qualified = element.get("idQ")
    if qualified is not None:
        prefix, _, local = qualified.rpartition(":")
        return ("qualified", prefixes[prefix], local)
    return ("private", document, element.get("id") or "")


def _parse(xml: bytes) -> tuple[ElementTree.Element, dict[str, str]]:
    prefixes: dict[str, str] = {}
    root = None
    for event, item in ElementTree.iterparse(io.BytesIO(xml), events=("start-ns", "start")):  # noqa: S314
        if event == "start-ns":
            prefix, uri = item  # type: ignore[misc]
            prefixes[prefix] = uri
        elif root is None:
            root = item
    assert root is not None
    return root, prefixes  # type: ignore[return-value]


def merged_ribbon(documents: list[tuple[str, bytes]]) -> list[Control]:
    """The custom tabs shown when ``documents`` (name, customUI14 XML) load in that order."""
    tabs: list[Control] = []
    made: dict[tuple[str, ...], Control] = {}

    def add(
        parent: list[Control], element: ElementTree.Element, prefixes: dict[str, str], doc: str
    ) -> None:
        kind = element.tag.removeprefix(UI)
        key = _key(element, prefixes, doc)
        control = made.get(key)
        if control is None:  # created by this document
            control = Control(kind, element.get("label", ""), element.get("tag", ""))
            made[key] = control
            parent.append(control)
        # else: a reference to the control another document made; nothing new is shown
        if kind in CONTAINERS:
            for child in element:
                add(control.children, child, prefixes, doc)

    for name, xml in documents:
        root, prefixes = _parse(xml)
        for tab in root.iter(f"{UI}tab"):
            add(tabs, tab, prefixes, name)
    return tabs


def _counts(tabs: list[Control]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """How many times each tab label, group label and button tag shows."""
    tab_labels, group_labels, button_tags = Counter[str](), Counter[str](), Counter[str]()
    for tab in tabs:
        tab_labels[tab.label] += 1
        for group in tab.children:
            group_labels[group.label] += 1
            for button in group.children:
                button_tags[button.tag] += 1
    return tab_labels, group_labels, button_tags


def _ribbon(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(CUSTOM_UI14_PART)


def test_the_model_keeps_plain_ids_private() -> None:
    """What main shipped: a shared tab holding plain-id groups shows every group twice."""
    xml = custom_ui_xml()
    plain = xml.replace(b'group idQ="x:', b'group id="').replace(b'button idQ="x:', b'button id="')
    tabs = merged_ribbon([("carryxl.xlam", plain), ("book.xlsm", plain)])
    tab_labels, group_labels, button_tags = _counts(tabs)
    assert tab_labels == Counter({"Carry": 1})
    assert set(group_labels.values()) == {2}
    assert set(button_tags.values()) == {2}
    # plain tab ids too: two Carry tabs
    both_plain = plain.replace(b'tab idQ="x:carryTab"', b'tab id="carryTab"')
    tabs = merged_ribbon([("carryxl.xlam", both_plain), ("book.xlsm", both_plain)])
    assert _counts(tabs)[0] == Counter({"Carry": 2})


def test_the_model_shows_a_shared_groups_new_buttons() -> None:
    """A later document's own button in a shared group is added to it (not dropped)."""
    xml = custom_ui_xml()
    extra = xml.replace(
        b'<button idQ="x:carryRefresh"',
        b'<button id="mine" label="Mine" tag="mine" onAction="M"/>\n<button idQ="x:carryRefresh"',
        1,
    )
    _, _, button_tags = _counts(merged_ribbon([("carryxl.xlam", xml), ("book.xlsm", extra)]))
    assert button_tags["mine"] == 1
    assert set(button_tags.values()) == {1}


@pytest.mark.parametrize("path", XLSM, ids=lambda p: p.name)
def test_the_addin_and_an_xlsm_show_each_button_once(path: Path) -> None:
    for order in ([XLAM, path], [path, XLAM]):
        tabs = merged_ribbon([(p.name, _ribbon(p)) for p in order])
        tab_labels, group_labels, button_tags = _counts(tabs)
        assert tab_labels == Counter({"Carry": 1}), path.name
        assert group_labels == Counter({g.label: 1 for g in GROUPS}), path.name
        assert button_tags == Counter({b.tag: 1 for b in BUTTONS}), path.name


def test_the_addin_and_every_xlsm_at_once() -> None:
    tabs = merged_ribbon([(p.name, _ribbon(p)) for p in [XLAM, *XLSM]])
    tab_labels, group_labels, button_tags = _counts(tabs)
    assert tab_labels == Counter({"Carry": 1})
    assert group_labels == Counter({g.label: 1 for g in GROUPS})
    assert button_tags == Counter({b.tag: 1 for b in BUTTONS})
    assert [b.tag for g in tabs[0].children for b in g.children] == [b.tag for b in BUTTONS]
