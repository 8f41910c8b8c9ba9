"""One button table (carryxl/buttons.py): the ribbon, the dispatcher, `carryxl run` and
docs/addin.md all read it, and a button added to it reaches each of them."""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path
from xml.etree import ElementTree  # parses only the XML carryxl built

import pytest

from carryxl import buttons
from carryxl.addin.ribbon import CUSTOM_UI14_NAMESPACE, custom_ui_xml
from carryxl.cli import main
from carryxl.macros import dispatch

DOC = (Path(__file__).parents[2] / "docs" / "addin.md").read_text(encoding="utf-8")
README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
NS = {"ui": CUSTOM_UI14_NAMESPACE}


def _ribbon(xml: bytes) -> list[ElementTree.Element]:
    return ElementTree.fromstring(xml).findall(".//ui:button", NS)  # noqa: S314


def test_the_ribbon_shows_the_table() -> None:
    shown = _ribbon(custom_ui_xml())
    assert [b.get("tag") for b in shown] == [b.tag for b in buttons.BUTTONS]
    for element, button in zip(shown, buttons.BUTTONS, strict=True):
        assert element.get("idQ") == f"x:{button.id}"
        assert element.get("label") == button.label
        assert element.get("imageMso") == button.image_mso
        assert element.get("screentip") == button.screentip
        assert element.get("supertip") == button.supertip
    groups = ElementTree.fromstring(custom_ui_xml()).findall(".//ui:group", NS)  # noqa: S314
    assert [g.get("label") for g in groups] == [g.label for g in buttons.GROUPS]


def test_the_dispatcher_runs_each_buttons_macro() -> None:
    assert list(dispatch.MACROS) == [b.tag for b in buttons.BUTTONS]
    for button in buttons.BUTTONS:
        macro = dispatch.macro_for(button.tag)
        module, _, name = button.macro.partition(":")
        assert macro is getattr(importlib.import_module(module), name)
        assert macro.__module__ == module


def test_carryxl_run_offers_every_tag_with_its_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--help"]) == 0
    shown = capsys.readouterr().out
    for button in buttons.BUTTONS:
        assert f"  {button.tag:<11} {button.summary}" in shown
    assert main(["--help"]) == 0
    listed = " ".join(capsys.readouterr().out.split())  # argparse wraps the line
    assert ", ".join(b.tag for b in buttons.BUTTONS) in listed


def test_docs_table_is_the_table() -> None:
    assert buttons.markdown() in DOC  # regenerate: python -m carryxl.cli.docs --write
    assert "carryxl run MACRO WORKBOOK" in DOC  # MACRO: a tag of the table
    labels = ", ".join(b.label for b in buttons.BUTTONS)
    shown = f"a **Carry** tab (<!-- carryxl:carry-tab -->{labels}<!-- /carryxl:carry-tab -->)"
    assert shown in " ".join(README.split())


def test_a_new_button_is_one_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    new = dataclasses.replace(
        buttons.BUTTONS[0], id="carryProbe", label="Probe", tag="probe", doc="probes"
    )
    monkeypatch.setattr(buttons, "BUTTONS", (*buttons.BUTTONS, new))
    try:
        fresh = importlib.reload(dispatch)
        assert fresh.macro_for("probe") is dispatch.macro_for("scenario")
        assert "| Scenarios | Probe | `probe` | probes |" in buttons.markdown()
        assert "probe" in [b.get("tag") for b in _ribbon(custom_ui_xml(buttons.BUTTONS))]
    finally:
        monkeypatch.undo()
        importlib.reload(dispatch)
