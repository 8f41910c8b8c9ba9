"""The docs' tables and counts are what the registries say today: one command writes them
(``python -m carryxl.cli.docs --write``), and a stale one fails here."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from carryxl import templates
from carryxl.cli import command_modules, docs
from carryxl.cli.command import Command

ROOT = Path(__file__).resolve().parents[1]


def test_no_generated_part_is_stale() -> None:
    stale = sorted(docs.stale(ROOT))
    assert stale == [], f"run: python -m carryxl.cli.docs --write  (stale: {stale})"


def test_every_part_has_its_markers_once() -> None:
    for section in docs.SECTIONS:
        text = (ROOT / section.file).read_text(encoding="utf-8")
        assert text.count(f"<!-- carryxl:{section.name} -->") == 1, section.name
        assert text.count(f"<!-- /carryxl:{section.name} -->") == 1, section.name


def test_a_part_is_replaced_between_its_markers_only() -> None:
    section = docs.Section("x.md", "probe", lambda: "| new |")
    text = "before\n<!-- carryxl:probe -->\n| old |\n<!-- /carryxl:probe -->\nafter\n"
    assert docs.render(text, section) == (
        "before\n<!-- carryxl:probe -->\n| new |\n<!-- /carryxl:probe -->\nafter\n"
    )
    inline = dataclasses.replace(section, inline=True, text=lambda: "52 things")
    assert docs.render("<!-- carryxl:probe -->51 things<!-- /carryxl:probe -->.", inline) == (
        "<!-- carryxl:probe -->52 things<!-- /carryxl:probe -->."
    )
    with pytest.raises(ValueError, match="0 pairs"):
        docs.render("no markers", section)


def test_the_command_table_names_every_command_once() -> None:
    table = docs.commands_table()
    names = [c.name for m in command_modules() for c in m.COMMANDS]
    for name in names:
        assert table.count(f"| `carryxl {name}` |") == 1, name
    assert len(table.splitlines()) == 2 + len(names)
    for module in command_modules():
        for declared in module.COMMANDS:
            assert declared.page == "" or (ROOT / declared.page).is_file(), declared.name


def test_a_new_command_or_kind_makes_the_docs_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    probe = Command(name="probe", help="a probe", description="probe", run=None)
    module = command_modules()[0]
    monkeypatch.setattr(module, "COMMANDS", (*module.COMMANDS, probe))
    extra = dataclasses.replace(templates.TEMPLATES[0], kind="probe_kind", summary="probes")
    monkeypatch.setattr(templates, "TEMPLATES", (*templates.TEMPLATES, extra))
    assert "| `carryxl probe` | a probe | above |" in docs.commands_table()
    assert docs.kinds_list().endswith(", **probe_kind** (probes)")
    assert "README.md" in docs.stale(ROOT)


def test_the_workbook_count_is_what_workbooks_holds() -> None:
    assert docs.workbook_count() == len(list((ROOT / "workbooks").iterdir()))


def test_docs_workbooks_describes_every_kind() -> None:
    text = (ROOT / "docs" / "workbooks.md").read_text(encoding="utf-8")
    for kind in templates.KIND_NAMES:
        assert text.count(f"\n| `{kind}` |") == 1, f"docs/workbooks.md: no row for {kind}"
