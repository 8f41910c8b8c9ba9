"""Generation is reproducible, workbooks/ is current, and files are never clobbered."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from carryxl.cli import main
from carryxl.cli.folder import (
    folder_files,
    folder_names,
    macro_templates,
    template_xlsm_bytes,
)
from carryxl.cli.new import KIND_NAMES
from carryxl.core.errors import CarryxlError
from carryxl.workbooks import (
    KINDS,
    default_filename,
    every_template,
    put_text,
    workbook_bytes,
    write_bytes,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def folder() -> dict[str, bytes]:
    """Every file ``carryxl new --all`` writes, built once for this module."""
    return dict(folder_files())


@pytest.mark.parametrize("template", every_template(), ids="-".join)
def test_generating_twice_gives_the_same_bytes(template: tuple[str, str, str]) -> None:
    first = workbook_bytes(*template)
    assert workbook_bytes(*template) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2024-01-01T00:00:00Z" in core
    assert core.count("2024-01-01T00:00:00Z") == 2  # created and modified, both pinned


def test_the_macro_files_are_reproducible_and_pinned(folder: dict[str, bytes]) -> None:
    again = dict(folder_files())
    macro = [n for n in folder_names() if not n.endswith(".xlsx")]
    assert len(macro) == len(macro_templates()) + 1  # each udf template's .xlsm, the add-in
    for name in macro:
        assert again[name] == folder[name], name
        with zipfile.ZipFile(io.BytesIO(folder[name])) as archive:
            assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}, name
            assert "xl/vbaProject.bin" in archive.namelist()
            core = archive.read("docProps/core.xml").decode()
        stamp = "2026-01-01T00:00:00Z" if name.endswith(".xlam") else "2024-01-01T00:00:00Z"
        assert core.count(stamp) == 2, name  # created and modified, both pinned


def test_building_the_folder_at_once_gives_each_files_own_bytes(
    folder: dict[str, bytes],
) -> None:
    """The folder compresses each VBA module once; a single file built alone is the same."""
    from carryxl.addin.build import addin_bytes  # noqa: PLC0415

    for kind, lang, mode in macro_templates():
        name = default_filename(kind, lang, mode, macro=True)
        assert template_xlsm_bytes(kind, lang, mode) == folder[name], name
    assert addin_bytes() == folder["carryxl.xlam"]


def test_workbooks_folder_holds_what_the_generator_makes_today() -> None:
    folder = REPO / "workbooks"
    expected = {default_filename(*t): t for t in every_template()}
    assert sorted(p.name for p in folder.glob("*.xlsx")) == sorted(expected)
    stale = [
        name for name, t in expected.items() if (folder / name).read_bytes() != workbook_bytes(*t)
    ]
    assert not stale, f"run: python -m carryxl new --all --force  (stale: {stale})"


def test_workbooks_folder_holds_the_xlsm_files_and_addin_of_today(
    folder: dict[str, bytes],
) -> None:
    """The .xlsm flavours and carryxl.xlam too, and nothing that --all does not write."""
    here = REPO / "workbooks"
    assert sorted(p.name for p in here.iterdir()) == sorted(folder_names())
    stale = [n for n, data in folder.items() if (here / n).read_bytes() != data]
    assert not stale, f"run: python -m carryxl new --all --force  (stale: {stale})"


def test_write_refuses_to_replace_a_different_file(tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"precious")
    with pytest.raises(CarryxlError, match="--force"):
        write_bytes(target, b"new")
    assert target.read_bytes() == b"precious"
    assert write_bytes(target, b"new", force=True) is True
    assert target.read_bytes() == b"new"
    assert write_bytes(target, b"new") is False  # identical: nothing to overwrite
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx"]  # no temp files left


def test_cli_new_refuses_without_force_and_replaces_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "calc.xlsx"
    target.write_bytes(b"precious")
    assert main(["new", "calculator", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    assert target.read_bytes() == b"precious"
    assert main(["new", "calculator", str(target), "--lang", "zh", "--force"]) == 0
    assert target.read_bytes() == workbook_bytes("calculator", "zh", "native")


def test_cli_new_all_writes_every_template_and_refuses_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: dict[str, bytes]
) -> None:
    target = tmp_path / "wb"
    assert main(["new", "--all", "--dir", str(target)]) == 0
    written = len(folder_names())
    assert capsys.readouterr().out.strip() == f"{written} written, 0 up to date in {target}"
    names = sorted(p.name for p in target.iterdir())  # no temporary files left behind
    assert names == sorted(folder_names())
    assert {n: (target / n).read_bytes() for n in names} == folder
    assert {"calculator_udf.xlsm", "swap_udf_zh.xlsm", "carryxl.xlam"} <= set(names)
    assert "calculator.xlsm" not in names  # native templates: .xlsx only
    assert {"rates_udf.xlsx", "rates_udf.xlsm"} <= set(names)  # the live rates template
    assert {"history.xlsx", "history_zh.xlsx"} <= set(names)
    assert "history_udf.xlsx" not in names  # history is native only
    for victim_name in ("calculator.xlsx", "risk_udf_zh.xlsm", "carryxl.xlam"):
        victim = target / victim_name
        victim.write_bytes(b"edited by hand")
        assert main(["new", "--all", "--dir", str(target)]) == 2
        assert victim_name in capsys.readouterr().err
        assert victim.read_bytes() == b"edited by hand"
        assert all((target / n).read_bytes() == folder[n] for n in names if n != victim_name)
        assert main(["new", "--all", "--dir", str(target), "--force"]) == 0
        assert capsys.readouterr().out.strip() == f"1 written, {written - 1} up to date in {target}"
        assert victim.read_bytes() == folder[victim_name]
    assert sorted(p.name for p in target.iterdir()) == names


def test_cli_new_xlsm_writes_one_macro_enabled_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: dict[str, bytes]
) -> None:
    target = tmp_path / "swap_udf.xlsm"
    args = ["new", "swap", str(target), "--formulas", "udf", "--xlsm"]
    assert main(args) == 0
    assert target.read_bytes() == folder["swap_udf.xlsm"]  # the same name, the same bytes
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"up to date: {target}"
    target.write_bytes(b"precious")
    assert main(args) == 2
    assert "--force" in capsys.readouterr().err
    assert target.read_bytes() == b"precious"
    assert main([*args, "--force"]) == 0
    assert target.read_bytes() == folder["swap_udf.xlsm"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["swap_udf.xlsm"]


def test_cli_new_xlsm_default_name_and_suffix_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "risk", "--formulas", "udf", "--lang", "zh", "--xlsm"]) == 0
    with zipfile.ZipFile(tmp_path / "risk_udf_zh.xlsm") as archive:
        assert "xl/vbaProject.bin" in archive.namelist()
    assert main(["new", "risk", "r.xlsx", "--xlsm"]) == 2
    assert "path: must end in .xlsm (got 'r.xlsx')" in capsys.readouterr().err
    assert main(["new", "risk", "r.xlsm"]) == 2
    assert "add --xlsm" in capsys.readouterr().err
    assert main(["new", "--all", "--xlsm", "--dir", "x"]) == 2
    assert "--all" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["risk_udf_zh.xlsm"]


def test_cli_new_rejects_unknown_choices(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "nonsense"]) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text", ["=1+1", "+44 20 7946 0000", "-3%", "@SUM(A1)", "=cmd|' /C calc'!A0"]
)
def test_put_text_stores_formula_like_text_as_text(text: str, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    put_text(wb.active["A1"], text)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    cell = openpyxl.load_workbook(path).active["A1"]
    assert (cell.value, cell.data_type) == (text, "s")


def test_templates_hold_no_text_that_reads_as_a_formula() -> None:
    """Every formula in a template is one carryxl wrote on purpose: in a locked cell."""
    for template in every_template():
        wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(*template)))
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "s" and isinstance(cell.value, str):
                        continue
                    if cell.data_type == "f":
                        assert cell.protection.locked, (template, ws.title, cell.coordinate)


def test_command_line_kinds_are_the_generators_kinds() -> None:
    assert tuple(KINDS) == KIND_NAMES


def test_command_line_starts_without_openpyxl() -> None:
    code = "import sys, carryxl.cli; sys.exit('openpyxl' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], check=False)  # noqa: S603
    assert result.returncode == 0
