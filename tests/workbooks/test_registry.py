"""One template registry (carryxl/templates.py) that `carryxl new` and the generator read,
and native formulas whose conventions come from carryxl.core, not retyped."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import openpyxl
import pytest

from carryxl.buttons import BUTTONS
from carryxl.cli import main
from carryxl.core.conventions import Currency, DayCount, Pair, points_scale, spot_lag_days
from carryxl.templates import FORMULA_MODES, KIND_NAMES, LANGS, TEMPLATES, Template
from carryxl.workbooks import KINDS, default_filename, every_template
from carryxl.workbooks.conventions import (
    days_in_year_formula,
    pip_size_formula,
    points_scale_formula,
    spot_lag_formula,
)
from carryxl.workbooks.formulas import CALCULATOR_NATIVE
from carryxl.workbooks.sheets.risk import RISK_NATIVE
from carryxl.workbooks.sheets.swap import SWAP_NATIVE

ROOT = Path(__file__).resolve().parents[2]
WORKBOOKS = ROOT / "carryxl" / "workbooks"
PAIRS = [Pair(a, b) for a, b in itertools.permutations(Currency, 2)]


def test_the_generator_builds_every_registered_kind_in_its_modes_and_languages() -> None:
    assert tuple(KINDS) == KIND_NAMES
    assert every_template() == [
        (t.kind, lang, mode) for t in TEMPLATES for mode in t.modes for lang in t.langs
    ]
    for t in TEMPLATES:
        module, _, name = t.build.partition(":")
        assert KINDS[t.kind].__module__ == module
        assert KINDS[t.kind].__name__ == name
        assert set(t.modes) <= set(FORMULA_MODES)
        assert set(t.langs) <= set(LANGS)


def test_carryxl_new_offers_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--help"]) == 0
    shown = capsys.readouterr().out
    assert "{" + ",".join(KIND_NAMES) + "}" in shown
    assert "{" + ",".join(LANGS) + "}" in shown
    assert "{" + ",".join(FORMULA_MODES) + "}" in shown


def test_a_kind_with_one_mode_is_refused_in_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    native_only = [t.kind for t in TEMPLATES if t.modes == ("native",)]
    assert native_only  # history
    for kind in native_only:
        path = tmp_path / default_filename(kind, "en", "udf")
        assert main(["new", kind, str(path), "--formulas", "udf"]) == 2
        assert f"is not available for {kind} (available: native)" in capsys.readouterr().err
        assert not path.exists()


def _either_or(formula: str, test: str) -> tuple[set[str], float, float]:
    """The values an ``IF(OR(test...),special,usual)`` formula tests for, and its two results."""
    values = set(re.findall(test, formula))
    special, usual = re.findall(r",([\d.]+),([\d.]+)\)$", formula)[0]
    return values, float(special), float(usual)


def test_spot_lag_formula_is_the_cores_for_every_pair() -> None:
    pairs, special, usual = _either_or(spot_lag_formula(), r'in_pair="(\w{3}/\w{3})"')
    for pair in PAIRS:
        assert spot_lag_days(pair) == (special if str(pair) in pairs else usual), pair
    assert SWAP_NATIVE["out_spot_lag"] == spot_lag_formula()


def test_pip_size_and_points_scale_formulas_are_the_cores_for_every_pair() -> None:
    for formula, core in (
        (pip_size_formula(), Pair.pip_size),
        (points_scale_formula(), points_scale),
    ):
        quotes, special, usual = _either_or(formula, r'RIGHT\(in_pair,3\)="(\w{3})"')
        for pair in PAIRS:
            assert core(pair) == pytest.approx(special if pair.quote in quotes else usual), pair
    assert SWAP_NATIVE["out_pip_size"] == pip_size_formula()
    assert RISK_NATIVE["out_pip_size"] == pip_size_formula()
    assert CALCULATOR_NATIVE["out_points_scale"] == points_scale_formula()


def test_days_in_year_formula_is_the_cores_for_every_day_count() -> None:
    names, special, usual = _either_or(days_in_year_formula("dc"), r'dc="([^"]+)"')
    for day_count in DayCount:
        assert day_count.days_in_year == (special if day_count in names else usual), day_count
    rates_day_count = "INDEX(in_rates_day_count,MATCH({},in_rates_currency,0))"
    for leg, currency in (("base", "LEFT(in_pair,3)"), ("quote", "RIGHT(in_pair,3)")):
        formula = "=" + days_in_year_formula(rates_day_count.format(currency))
        assert SWAP_NATIVE[f"out_basis_{leg}"] == formula


def test_no_sheet_retypes_a_convention() -> None:
    retyped = re.compile(r'RIGHT\(in_pair,3\)=\\?"|in_pair=\\?"\w{3}/|=\\?"(ACT/|30E?/)')
    for path in WORKBOOKS.rglob("*.py"):
        if path.name == "conventions.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not retyped.search(line), f"{path.name}:{number}: {line.strip()}"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.kind)
def test_each_template_declares_the_names_its_workbook_defines_for_the_buttons(
    template: Template,
) -> None:
    read = {name for b in BUTTONS for name in b.needs}  # every name a macro reads
    workbook = openpyxl.load_workbook(ROOT / "workbooks" / default_filename(template.kind))
    assert len(template.names) == len(set(template.names))
    assert set(template.names) == set(workbook.defined_names) & read
