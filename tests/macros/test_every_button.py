"""Every button on every template: on a workbook untouched since ``carryxl new`` (each kind,
language, formula mode, ``.xlsx`` and ``.xlsm``, and after LibreOffice saved it) it does its
job where the kind has what it reads, and elsewhere says in one line why not and what to do
(issue 11, section 4). The template's example values in a range a button fills are
carryxl's own (:attr:`carryxl.buttons.Button.fills`), so the button replaces them; once the
user has edited one of them the button refuses and changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from carryxl.buttons import BUTTONS, Button, button
from carryxl.cli import main
from carryxl.macros.dispatch import MACROS, kinds
from carryxl.owned import FINGERPRINT_PREFIX, fingerprint_name
from carryxl.workbooks.generate import KINDS
from tests.libreoffice import convert_many
from tests.statements.scenarios import usd_report
from tests.statements.writers import mt5_html, write_terminal_html
from tests.workbooks.named import cells

WORKBOOKS = Path(__file__).resolve().parents[2] / "workbooks"

# Where each button does its job: the kinds whose declared names hold all it reads (checked
# against the generated workbooks in tests/workbooks/test_registry.py); everywhere else it
# must refuse in words. The live rates workbook (rates_udf) computes its policy rates by
# formulas: the Policy rates button has nothing of its own to fill there.
WORKS: dict[str, set[str]] = {b.tag: set(kinds(b)) for b in BUTTONS}
FILLS: dict[str, tuple[str, ...]] = {b.tag: b.fills for b in BUTTONS}

FILES = sorted(p for p in WORKBOOKS.iterdir() if p.suffix in (".xlsx", ".xlsm"))


def _kind(path: Path) -> str:
    return next(k for k in sorted(KINDS, key=len, reverse=True) if path.stem.startswith(k))


def _works(tag: str, path: Path) -> bool:
    if tag == "rates" and path.stem.startswith("rates_udf"):
        return False
    return _kind(path) in WORKS[tag]


def test_the_table_names_every_macro_and_every_kind() -> None:
    assert set(WORKS) == set(MACROS)
    assert {_kind(p) for p in FILES} == set(KINDS)
    assert {p.suffix for p in FILES} == {".xlsx", ".xlsm"}
    assert any("_zh" in p.stem for p in FILES)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A MetaTrader 5 report for the Import statement button."""
    folder = tmp_path_factory.mktemp("report")
    return write_terminal_html(folder / "ReportHistory.html", mt5_html(usd_report()))


def _press(tag: str, path: Path, report: Path) -> int:
    extra = ["--file", str(report)] if tag == "statement" else []
    return main(["run", tag, str(path), "--quiet", *extra])


def _fingerprints(path: Path) -> set[str]:
    names = openpyxl.load_workbook(path).defined_names
    return {n[len(FINGERPRINT_PREFIX) :] for n in names if n.startswith(FINGERPRINT_PREFIX)}


def _run(
    tag: str, source: Path, tmp_path: Path, report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / source.name
    shutil.copyfile(source, path)
    before = _fingerprints(path)
    code = _press(tag, path, report)
    captured = capsys.readouterr()
    if _works(tag, source):
        assert code == 0, captured.err
        assert captured.err == ""
        # every range it wrote is one the button declares it fills
        written = _fingerprints(path) - before
        assert written <= set(FILLS[tag]), written
        return
    assert code == 2
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert f"{tag} button: needs in_" in lines[0]
    if tag != "rates" or _kind(source) != "rates":
        assert "carryxl new " in lines[0]
    assert path.read_bytes() == source.read_bytes()  # a refusal changes nothing


@pytest.mark.parametrize("tag", sorted(MACROS))
@pytest.mark.parametrize("source", FILES, ids=lambda p: p.name)
def test_every_button_on_an_untouched_template(
    tag: str,
    source: Path,
    tmp_path: Path,
    report: Path,
    with_rates: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _run(tag, source, tmp_path, report, capsys)


def _edited(pressed: Button, source: Path) -> str | None:
    """The first range the button fills that the template seeds as carryxl's, if any."""
    owned = _fingerprints(source)
    return next((name for name in pressed.fills if name in owned), None)


EDITABLE = [
    (b.tag, p)
    for b in BUTTONS
    for p in FILES
    if _works(b.tag, p) and _edited(b, p) is not None and b.tag != "refresh"
]


def test_the_seeded_ranges_are_those_of_the_portfolio_and_rates_buttons() -> None:
    assert {tag for tag, _p in EDITABLE} == {"portfolio", "rates"}
    assert {p.name for tag, p in EDITABLE if tag == "portfolio"} == {
        p.name for p in FILES if _kind(p) == "portfolio"
    }


@pytest.mark.parametrize(("tag", "source"), EDITABLE, ids=lambda x: getattr(x, "name", x))
def test_a_seeded_cell_the_user_edited_is_refused_and_nothing_changes(
    tag: str,
    source: Path,
    tmp_path: Path,
    report: Path,
    with_rates: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pressed = button(tag)
    assert pressed is not None
    name = _edited(pressed, source)
    assert name is not None
    path = tmp_path / source.name
    wb = openpyxl.load_workbook(source, keep_vba=source.suffix == ".xlsm")
    cell = next(c for c in cells(wb, name) if c.value not in (None, ""))
    cell.value = cell.value + 0.01 if isinstance(cell.value, float) else f"{cell.value} (mine)"
    wb.save(path)
    before = path.read_bytes()
    assert _press(tag, path, report) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert name in err[0]
    assert "did not write" in err[0]
    assert path.read_bytes() == before
    assert fingerprint_name(name) in openpyxl.load_workbook(path).defined_names


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
    """Each kind's native template, in both languages, after LibreOffice opened,
    recalculated and saved it."""
    out = tmp_path_factory.mktemp("lo")
    sources = [WORKBOOKS / f"{kind}{lang}.xlsx" for kind in KINDS for lang in ("", "_zh")]
    converted = convert_many(sources, "xlsx", out / "converted")
    return {s.stem: t for s, t in converted.items()}


@pytest.mark.parametrize("tag", sorted(MACROS))
@pytest.mark.parametrize("stem", sorted(f"{k}{lang}" for k in KINDS for lang in ("", "_zh")))
def test_every_button_after_libreoffice_saved_the_template(
    tag: str,
    stem: str,
    saved_by_libreoffice: dict[str, Path],
    tmp_path: Path,
    report: Path,
    with_rates: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _run(tag, saved_by_libreoffice[stem], tmp_path, report, capsys)


def test_the_button_table_declares_what_each_macro_reads() -> None:
    from carryxl.macros import contract  # noqa: PLC0415

    names = {getattr(contract, n) for n in contract.__all__ if n.startswith(("IN_", "OUT_"))}
    for pressed in BUTTONS:
        assert set(pressed.needs) <= names, pressed.tag
        assert set(pressed.fills) <= names, pressed.tag
        assert kinds(pressed), f"no template declares every name {pressed.tag} reads"
