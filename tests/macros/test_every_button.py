"""Every button on every template kind: it does its job, or says in one line why not and
what to do (issue 11, section 4). Fresh from ``carryxl new`` and after LibreOffice saved it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from carryxl.buttons import BUTTONS
from carryxl.cli import main
from carryxl.macros.dispatch import MACROS, kinds
from carryxl.workbooks.generate import KINDS
from tests.libreoffice import convert_many

WORKBOOKS = Path(__file__).resolve().parents[2] / "workbooks"

# Where each button does its job (the kinds whose declared names hold all it reads, checked
# against the generated workbooks in tests/workbooks/test_registry.py); everywhere else it
# must refuse in words. Policy rates works on every Rates sheet; with the tests' empty data
# folder it says how to get data.
WORKS: dict[str, set[str]] = {b.tag: set(kinds(b)) for b in BUTTONS}
# Where a button's kind is right but the template as generated is not ready for it, the
# one-line refusal says what to do (the portfolio sheet is preloaded with typed numbers).
EXPLAINED: dict[tuple[str, str], str] = {("portfolio", "portfolio"): "clear the range"}
# Policy rates on a workbook whose Rates sheet has typed rates, with no BIS data imported:
# one line naming the ways to get it (rates_udf's policy rates are formulas: no such sheet).
NO_DATA = "carryxl data update"


def _explained(tag: str, source: Path) -> str | None:
    if tag == "statement" and _kind(source) == "statement":
        return "give --file FILE"
    if tag == "rates":
        return "needs in_rates_policy" if source.name.startswith("rates_udf") else NO_DATA
    return EXPLAINED.get((tag, _kind(source)))


FILES = sorted(
    [WORKBOOKS / f"{kind}.xlsx" for kind in KINDS]
    + [p for p in WORKBOOKS.glob("*_udf.xlsm") if "_zh" not in p.name]
)


def _kind(path: Path) -> str:
    return next(k for k in sorted(KINDS, key=len, reverse=True) if path.stem.startswith(k))


def test_the_table_names_every_macro_and_every_kind() -> None:
    assert set(WORKS) == set(MACROS)
    assert {_kind(p) for p in FILES} == set(KINDS)


def _run(tag: str, source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / source.name
    shutil.copyfile(source, path)
    code = main(["run", tag, str(path), "--quiet"])
    captured = capsys.readouterr()
    kind = _kind(source)
    explained = _explained(tag, source)
    if explained is not None:
        assert code == 2
        assert len(captured.err.strip().splitlines()) == 1, captured.err
        assert explained in captured.err
        assert path.read_bytes() == source.read_bytes()
        return
    if kind in WORKS[tag]:
        assert code == 0, captured.err
        assert captured.err == ""
        return
    assert code == 2
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert f"{tag} button: needs in_" in lines[0]
    assert "carryxl new " in lines[0]
    assert path.read_bytes() == source.read_bytes()  # a refusal changes nothing


@pytest.mark.parametrize("tag", sorted(MACROS))
@pytest.mark.parametrize("source", FILES, ids=lambda p: p.name)
def test_every_button_on_a_fresh_template(
    tag: str, source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(tag, source, tmp_path, capsys)


def test_fill_scenarios_on_the_fresh_template_says_what_the_formulas_will_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "scenarios.xlsx"
    shutil.copyfile(WORKBOOKS / "scenarios.xlsx", path)
    assert main(["run", "scenario", str(path), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "computed by the workbook's own formulas" in out
    assert "nothing to write" in out


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each kind's native template after LibreOffice opened, recalculated and saved it."""
    out = tmp_path_factory.mktemp("lo")
    sources = [WORKBOOKS / f"{kind}.xlsx" for kind in KINDS]
    converted = convert_many(sources, "xlsx", out / "converted")
    return {s.stem: t for s, t in converted.items()}


@pytest.mark.parametrize("tag", sorted(MACROS))
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_button_after_libreoffice_saved_the_template(
    tag: str,
    kind: str,
    saved_by_libreoffice: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _run(tag, saved_by_libreoffice[kind], tmp_path, capsys)


def test_the_button_table_declares_what_each_macro_reads() -> None:
    from carryxl.macros import contract  # noqa: PLC0415

    names = {getattr(contract, n) for n in contract.__all__ if n.startswith(("IN_", "OUT_"))}
    for button in BUTTONS:
        assert set(button.needs) <= names, button.tag
        assert kinds(button), f"no template declares every name {button.tag} reads"
